/**
 * The alert engine as the platform runs it: the {@link AlertBook} behind one source handle per
 * feeding engine, journaled with the change that moved an alert, and published on the bus when
 * an alert fires or resolves. See README.md.
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import { assert } from '../runtime/domain-error.js';
import type { VirtualClock } from '../runtime/index.js';
import { alertNumber, type Alert, type AlertSourceName, type AlertCondition, type AlertState, type AlertTransition } from './alert.js';
import { AlertBook, DEFAULT_ALERT_LIMITS, EMPTY_ALERT_BOOK, type AlertBookTally, type AlertLimits } from './alert-book.js';
import { ALERT_EVENT_SOURCE, alertResource, type AlertResource } from './events.js';

/** Persisted record kind of the alerts' tally (one record, id `current`): next id, counters, evaluation times. */
export const ALERTS_RECORD = 'alerts';
/** Persisted record kind of each alert kept (open or resolved), by id: a change writes only what it changed. */
export const ALERT_RECORD = 'alerts.alert';

/** Publishes alert events (the platform's EventBus satisfies it). */
export interface AlertEventPublisher {
  publish(type: 'alert_fired' | 'alert_resolved', source: string, payload: AlertResource): unknown;
}

export interface AlertEngineDeps {
  clock: VirtualClock;
  journal: Journal;
  bus?: AlertEventPublisher;
  limits?: AlertLimits;
}

/** What a feeding engine holds: it reports its conditions and reads its own alerts. */
export interface AlertSource {
  readonly name: AlertSourceName;
  /**
   * Reports every condition that holds now (at `atMs`, the clock by default); what is not
   * reported is no longer true. @returns the transitions it caused.
   */
  evaluate(conditions: readonly AlertCondition[], atMs?: number): AlertTransition[];
  /** This source's alerts, open and resolved, newest (last opened) first. */
  alerts(): Alert[];
}

export class AlertEngine {
  static async load(store: Store, deps: AlertEngineDeps): Promise<AlertEngine> {
    const tally = (await store.get<AlertBookTally>(ALERTS_RECORD, 'current')) ?? EMPTY_ALERT_BOOK;
    const alerts = (await store.list<Alert>(ALERT_RECORD)).map((record) => record.value);
    return new AlertEngine(deps, { ...tally, alerts });
  }

  private readonly book: AlertBook;
  private readonly sources = new Set<AlertSourceName>();

  constructor(
    private readonly deps: AlertEngineDeps,
    restored: AlertBookTally & { alerts: Alert[] } = EMPTY_ALERT_BOOK,
  ) {
    this.book = new AlertBook(restored, deps.limits ?? DEFAULT_ALERT_LIMITS);
  }

  /** The handle a feeding engine evaluates through; each name once (a second is a wiring mistake). */
  source(name: AlertSourceName): AlertSource {
    assert(!this.sources.has(name), `alert source ${name} is registered once`);
    this.sources.add(name);
    return {
      name,
      evaluate: (conditions, atMs) => this.evaluate(name, conditions, atMs ?? this.deps.clock.now()),
      alerts: () => [...this.book.openAlerts().filter((alert) => alert.source === name), ...this.book.resolvedAlerts(name)].sort((a, b) => alertNumber(b) - alertNumber(a)),
    };
  }

  /** The registered sources, in registration order. */
  sourceNames(): AlertSourceName[] {
    return [...this.sources];
  }

  /** PENDING and FIRING alerts, newest first. */
  openAlerts(): Alert[] {
    return this.book.openAlerts();
  }

  /** RESOLVED alerts, newest resolution first. */
  history(): Alert[] {
    return this.book.resolvedAlerts();
  }

  transitionCounts(source: AlertSourceName): Record<AlertState, number> {
    return this.book.transitionCounts(source);
  }

  private evaluate(source: AlertSourceName, conditions: readonly AlertCondition[], atMs: number): AlertTransition[] {
    const { transitions, written, removed } = this.book.evaluate(source, conditions, atMs);
    const { journal } = this.deps;
    for (const alert of written) journal.put(ALERT_RECORD, alert.id, alert);
    for (const id of removed) journal.delete(ALERT_RECORD, id);
    if (transitions.length > 0) journal.put(ALERTS_RECORD, 'current', this.book.currentTally());
    for (const { to, alert } of transitions) {
      if (to === 'PENDING') continue;
      this.deps.bus?.publish(to === 'FIRING' ? 'alert_fired' : 'alert_resolved', ALERT_EVENT_SOURCE, alertResource(alert));
    }
    return transitions;
  }
}
