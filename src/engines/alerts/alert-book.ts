/**
 * The alert state machine, pure: it keeps no clock and does no I/O. Each evaluation carries its
 * source's conditions and its time, so replaying evaluations replays the alerts. See README.md.
 */
import { assert } from '../runtime/domain-error.js';
import { ALERT_STATES, alertNumber, type AlertSourceName, assertCondition, identityOf, labelsOf, type Alert, type AlertCondition, type AlertState, type AlertTransition } from './alert.js';

export interface AlertLimits {
  /** Resolved alerts kept per source for the history; the oldest are dropped first. */
  maxResolvedPerSource: number;
}

export const DEFAULT_ALERT_LIMITS: Readonly<AlertLimits> = Object.freeze({ maxResolvedPerSource: 500 });

/** Everything the book remembers; persisted as one record and restored on start. */
export interface AlertBookState {
  nextAlertNumber: number;
  /** PENDING and FIRING alerts, in the order they opened. */
  open: Alert[];
  /** RESOLVED alerts by source, newest last, each list bounded by {@link AlertLimits.maxResolvedPerSource}. */
  resolved: Record<string, Alert[]>;
  /** Transitions into each state by source, since the cluster was created. */
  transitions: Record<string, Record<AlertState, number>>;
  /** The time of each source's latest evaluation. */
  evaluatedAtMs: Record<string, number>;
}

export const EMPTY_ALERT_BOOK: Readonly<AlertBookState> = Object.freeze({ nextAlertNumber: 1, open: [], resolved: {}, transitions: {}, evaluatedAtMs: {} });

/** What one evaluation changed. */
export interface AlertEvaluation {
  transitions: AlertTransition[];
  /** Whether an open alert's severity or annotations changed (worth persisting even without a transition). */
  described: boolean;
}

export class AlertBook {
  private state: AlertBookState;

  constructor(
    restored: AlertBookState = EMPTY_ALERT_BOOK,
    private readonly limits: AlertLimits = DEFAULT_ALERT_LIMITS,
  ) {
    assert(Number.isSafeInteger(limits.maxResolvedPerSource) && limits.maxResolvedPerSource > 0, 'maxResolvedPerSource is a positive integer');
    this.state = structuredClone(restored);
  }

  /**
   * Evaluates one source at `atMs` with every condition that holds now: new conditions open
   * PENDING alerts, pending ones fire once held for their `forMs`, firing ones whose condition is
   * gone resolve, pending ones whose condition is gone are forgotten.
   */
  evaluate(source: AlertSourceName, conditions: readonly AlertCondition[], atMs: number): AlertEvaluation {
    assert(Number.isFinite(atMs), 'an evaluation has a time');
    // Time never runs backwards for a source (a restart may resume the clock a little behind).
    const nowMs = Math.max(atMs, this.state.evaluatedAtMs[source] ?? -Infinity);
    this.state.evaluatedAtMs[source] = nowMs;
    const openByIdentity = new Map(this.state.open.filter((alert) => alert.source === source).map((alert) => [identityOf(source, alert.labels), alert]));
    const reported = new Set<string>();
    const transitions: AlertTransition[] = [];
    let described = false;
    const updates = new Map<Alert, Alert>();
    const opened: Alert[] = [];
    for (const condition of conditions) {
      assertCondition(source, condition);
      const labels = labelsOf(source, condition);
      const identity = identityOf(source, labels);
      assert(!reported.has(identity), `${source} reports ${identity} once per evaluation`);
      reported.add(identity);
      const open = openByIdentity.get(identity);
      let alert: Alert;
      if (open === undefined) {
        alert = this.open(source, condition, labels, nowMs);
        opened.push(alert);
        transitions.push({ to: 'PENDING', alert });
      } else {
        if (open.severity !== condition.severity || !sameAnnotations(open.annotations, condition.annotations)) described = true;
        alert = {
          ...open,
          labels,
          severity: condition.severity,
          annotations: { ...condition.annotations },
          value: condition.value,
          peakValue: highest(open.peakValue, condition.value),
          forMs: condition.forMs,
        };
      }
      if (alert.state === 'PENDING' && nowMs - alert.activeAtMs >= alert.forMs) {
        alert = { ...alert, state: 'FIRING', startsAtMs: nowMs };
        transitions.push({ to: 'FIRING', alert });
      }
      if (open !== undefined) updates.set(open, alert);
      else opened[opened.length - 1] = alert;
    }
    const resolved: Alert[] = [];
    const resolutions: AlertTransition[] = [];
    const stillOpen: Alert[] = [];
    for (const alert of this.state.open) {
      if (alert.source !== source) {
        stillOpen.push(alert);
        continue;
      }
      const updated = updates.get(alert);
      if (updated !== undefined) {
        stillOpen.push(updated);
      } else if (alert.state === 'FIRING') {
        const ended: Alert = { ...alert, state: 'RESOLVED', endsAtMs: nowMs };
        resolved.push(ended);
        resolutions.push({ to: 'RESOLVED', alert: ended });
      }
      // A pending alert whose condition is gone never fired: it is forgotten.
    }
    this.state.open = [...stillOpen, ...opened];
    if (resolved.length > 0) this.state.resolved[source] = [...(this.state.resolved[source] ?? []), ...resolved].slice(-this.limits.maxResolvedPerSource);
    const counts = (this.state.transitions[source] ??= { PENDING: 0, FIRING: 0, RESOLVED: 0 });
    // What ended is told before what began, as the health monitor tells its issues.
    const all = [...resolutions, ...transitions];
    for (const transition of all) counts[transition.to] += 1;
    return { transitions: all, described };
  }

  /** PENDING and FIRING alerts, newest first. */
  openAlerts(): Alert[] {
    return [...this.state.open].sort(newestFirst);
  }

  /** RESOLVED alerts of every source (or one), newest resolution first. */
  resolvedAlerts(source?: AlertSourceName): Alert[] {
    const lists = source === undefined ? Object.values(this.state.resolved) : [this.state.resolved[source] ?? []];
    return lists.flat().sort((a, b) => (b.endsAtMs ?? 0) - (a.endsAtMs ?? 0) || alertNumber(b) - alertNumber(a));
  }

  /** Transitions into each state since the cluster was created, for one source (zeros before its first). */
  transitionCounts(source: AlertSourceName): Record<AlertState, number> {
    return { ...(this.state.transitions[source] ?? Object.fromEntries(ALERT_STATES.map((state) => [state, 0]))) } as Record<AlertState, number>;
  }

  /** A copy of everything the book remembers, for persistence. */
  snapshot(): AlertBookState {
    return structuredClone(this.state);
  }

  private open(source: AlertSourceName, condition: AlertCondition, labels: Record<string, string>, nowMs: number): Alert {
    return {
      id: `alert-${this.state.nextAlertNumber++}`,
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
}

function newestFirst(a: Alert, b: Alert): number {
  return alertNumber(b) - alertNumber(a);
}

function highest(peak: number | null, value: number | null): number | null {
  if (value === null) return peak;
  return peak === null ? value : Math.max(peak, value);
}

function sameAnnotations(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
