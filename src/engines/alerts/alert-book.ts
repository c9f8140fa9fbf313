/**
 * The alert state machine, pure: it keeps no clock and does no I/O. Each evaluation carries its
 * source's conditions and its time, so replaying evaluations replays the alerts. See README.md.
 */
import { assert } from '../runtime/domain-error.js';
import {
  ALERT_STATES,
  alertNumber,
  assertCondition,
  identityOf,
  labelsOf,
  ownLabelsOf,
  type Alert,
  type AlertCondition,
  type AlertSourceName,
  type AlertState,
  type AlertTransition,
} from './alert.js';

export interface AlertLimits {
  /** Resolved alerts kept per source for the history; the oldest are dropped first. */
  maxResolvedPerSource: number;
}

export const DEFAULT_ALERT_LIMITS: Readonly<AlertLimits> = Object.freeze({ maxResolvedPerSource: 500 });

/** What the book remembers besides its alerts (persisted as one small record). */
export interface AlertBookTally {
  nextAlertNumber: number;
  /** Transitions into each state by source, since the cluster was created. */
  transitions: Partial<Record<AlertSourceName, Record<AlertState, number>>>;
  /** The time of each source's latest evaluation. */
  evaluatedAtMs: Partial<Record<AlertSourceName, number>>;
}

/** Everything the book remembers: its tally, and every alert it keeps (open or resolved), in any order. */
export interface AlertBookState extends AlertBookTally {
  alerts: Alert[];
}

export const EMPTY_ALERT_BOOK: Readonly<AlertBookState> = Object.freeze({ nextAlertNumber: 1, transitions: {}, evaluatedAtMs: {}, alerts: [] });

/** What one evaluation changed, for the engine to publish and persist. */
export interface AlertEvaluation {
  transitions: AlertTransition[];
  /** Alerts whose record changed: opened, fired, resolved, or reported with a new value, severity or annotations. */
  written: Alert[];
  /** Ids of alerts no longer kept: pending ones forgotten, resolved ones past the history's bound. */
  removed: string[];
}

export class AlertBook {
  private readonly tally: AlertBookTally;
  /**
   * Open alerts by source, then by identity (source, name and labels without severity), each
   * map in the order its alerts opened: an evaluation finds a condition's alert without a scan.
   */
  private readonly open = new Map<AlertSourceName, Map<string, Alert>>();
  /** Resolved alerts by source, oldest first, each list bounded by {@link AlertLimits.maxResolvedPerSource}. */
  private readonly resolved = new Map<AlertSourceName, Alert[]>();

  constructor(
    restored: AlertBookState = EMPTY_ALERT_BOOK,
    private readonly limits: AlertLimits = DEFAULT_ALERT_LIMITS,
  ) {
    assert(Number.isSafeInteger(limits.maxResolvedPerSource) && limits.maxResolvedPerSource > 0, 'maxResolvedPerSource is a positive integer');
    const { alerts, ...tally } = structuredClone(restored);
    this.tally = tally;
    for (const alert of [...alerts].sort((a, b) => alertNumber(a) - alertNumber(b))) {
      if (alert.state === 'RESOLVED') this.resolvedOf(alert.source).push(alert);
      else this.openOf(alert.source).set(identityOf(alert.source, alert.name, ownLabelsOf(alert.labels)), alert);
    }
    for (const list of this.resolved.values()) list.sort(byResolution);
  }

  /**
   * Evaluates one source at `atMs` with every condition that holds now: new conditions open
   * PENDING alerts, pending ones fire once held for their `forMs`, firing ones whose condition is
   * gone resolve, pending ones whose condition is gone are forgotten.
   */
  evaluate(source: AlertSourceName, conditions: readonly AlertCondition[], atMs: number): AlertEvaluation {
    assert(Number.isFinite(atMs), 'an evaluation has a time');
    // Time never runs backwards for a source (a restart may resume the clock a little behind).
    const nowMs = Math.max(atMs, this.tally.evaluatedAtMs[source] ?? -Infinity);
    this.tally.evaluatedAtMs[source] = nowMs;
    const open = this.openOf(source);
    const reported = new Set<string>();
    const began: AlertTransition[] = [];
    const written: Alert[] = [];
    for (const condition of conditions) {
      const identity = identityOf(source, condition.name, condition.labels);
      assert(!reported.has(identity), `${source} reports ${identity} once per evaluation`);
      reported.add(identity);
      const before = open.get(identity);
      // The common case, a condition that still holds as it did, costs a lookup and a comparison.
      let alert = before !== undefined && unchanged(before, condition) ? before : this.reported(source, condition, before, nowMs);
      if (before === undefined) began.push({ to: 'PENDING', alert });
      if (alert.state === 'PENDING' && nowMs - alert.activeAtMs >= alert.forMs) {
        alert = { ...alert, state: 'FIRING', startsAtMs: nowMs };
        began.push({ to: 'FIRING', alert });
      }
      if (alert !== before) {
        open.set(identity, alert);
        written.push(alert);
      }
    }
    const ended: AlertTransition[] = [];
    const removed: string[] = [];
    for (const [identity, alert] of open) {
      if (reported.has(identity)) continue;
      open.delete(identity);
      if (alert.state === 'FIRING') {
        const resolved: Alert = { ...alert, state: 'RESOLVED', endsAtMs: nowMs };
        ended.push({ to: 'RESOLVED', alert: resolved });
        written.push(resolved);
      } else {
        // A pending alert whose condition is gone never fired: it is forgotten.
        removed.push(alert.id);
      }
    }
    if (ended.length > 0) {
      const history = this.resolvedOf(source);
      history.push(...ended.map((transition) => transition.alert));
      for (const dropped of history.splice(0, Math.max(0, history.length - this.limits.maxResolvedPerSource))) removed.push(dropped.id);
    }
    // What ended is told before what began, as the health monitor tells its issues.
    const transitions = [...ended, ...began];
    const counts = (this.tally.transitions[source] ??= { PENDING: 0, FIRING: 0, RESOLVED: 0 });
    for (const transition of transitions) counts[transition.to] += 1;
    return { transitions, written, removed };
  }

  /** PENDING and FIRING alerts, newest first. */
  openAlerts(): Alert[] {
    return [...this.open.values()].flatMap((alerts) => [...alerts.values()]).sort(newestFirst);
  }

  /** RESOLVED alerts of every source (or one), newest resolution first. */
  resolvedAlerts(source?: AlertSourceName): Alert[] {
    const lists = source === undefined ? [...this.resolved.values()] : [this.resolved.get(source) ?? []];
    return lists.flat().sort((a, b) => byResolution(b, a));
  }

  /** Transitions into each state since the cluster was created, for one source (zeros before its first). */
  transitionCounts(source: AlertSourceName): Record<AlertState, number> {
    return { ...(this.tally.transitions[source] ?? Object.fromEntries(ALERT_STATES.map((state) => [state, 0]))) } as Record<AlertState, number>;
  }

  /** The tally, for the journal to copy (it snapshots what it is given). */
  currentTally(): AlertBookTally {
    return this.tally;
  }

  /** Everything the book remembers, to restore another book from (the constructor copies it). */
  persisted(): AlertBookState {
    return { ...this.tally, alerts: [...this.openAlerts(), ...this.resolvedAlerts()] };
  }

  /** The alert a reported condition stands for now: a new one, or its open alert updated. */
  private reported(source: AlertSourceName, condition: AlertCondition, before: Alert | undefined, nowMs: number): Alert {
    // Sources are code: a condition breaking the model's bounds is a programmer error, checked
    // whenever it changes an alert (a report that changes nothing was checked before).
    assertCondition(source, condition);
    const labels = labelsOf(source, condition);
    if (before !== undefined) {
      return { ...before, labels, severity: condition.severity, annotations: { ...condition.annotations }, value: condition.value, peakValue: highest(before.peakValue, condition.value), forMs: condition.forMs };
    }
    return {
      id: `alert-${this.tally.nextAlertNumber++}`,
      source,
      name: condition.name,
      state: 'PENDING',
      severity: condition.severity,
      labels,
      annotations: { ...condition.annotations },
      value: condition.value,
      peakValue: condition.value,
      forMs: condition.forMs,
      activeAtMs: nowMs,
      startsAtMs: null,
      endsAtMs: null,
    };
  }

  private openOf(source: AlertSourceName): Map<string, Alert> {
    let open = this.open.get(source);
    if (open === undefined) {
      open = new Map();
      this.open.set(source, open);
    }
    return open;
  }

  private resolvedOf(source: AlertSourceName): Alert[] {
    let resolved = this.resolved.get(source);
    if (resolved === undefined) {
      resolved = [];
      this.resolved.set(source, resolved);
    }
    return resolved;
  }
}

/**
 * Whether a report says nothing new about its open alert. Its labels are the alert's already:
 * same identity, same severity.
 */
function unchanged(alert: Alert, condition: AlertCondition): boolean {
  return alert.value === condition.value && alert.severity === condition.severity && alert.forMs === condition.forMs && sameEntries(alert.annotations, condition.annotations);
}

function newestFirst(a: Alert, b: Alert): number {
  return alertNumber(b) - alertNumber(a);
}

/** Oldest resolution first; alerts resolved together in the order they opened. */
function byResolution(a: Alert, b: Alert): number {
  return (a.endsAtMs ?? 0) - (b.endsAtMs ?? 0) || alertNumber(a) - alertNumber(b);
}

function highest(peak: number | null, value: number | null): number | null {
  if (value === null) return peak;
  return peak === null ? value : Math.max(peak, value);
}

function sameEntries(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
