import { Registry } from 'prom-client';
import { Journal } from '../store/journal.js';
import type { Store } from '../store/port.js';
import { EventBus } from '../engines/runtime/event-bus.js';
import { RealtimeDriver, SimulationRuntime } from '../engines/runtime/index.js';
import { CLOCK_RECORD, ClockControl, type ClockMode, type ClockSettings } from '../engines/simulation/clock-control.js';
import { AccessPolicy } from '../services/platform/access-policy.js';
import { AuditLog } from '../services/platform/audit-log.js';
import { DEFAULT_EVENT_LOG_LIMITS, EventRetention, type EventLogLimits } from '../services/platform/event-retention.js';
import { OperationRunner } from '../services/platform/operation-runner.js';
import { LongQueries } from '../services/platform/query-progress.js';
import type { WebSocketLimits } from '../services/platform/stream-registry.js';
import { operations } from '../../generated/operations.js';
import type { PlatformEventMap } from './event-map.js';

export interface PlatformOptions {
  /** SQLite file, or ':memory:' for tests; unused when `storeUrl` is given. */
  storePath: string;
  /** A `postgres://` or `postgresql://` URL (RUSTYDB_STORE_URL): keeps the state in PostgreSQL instead of `storePath`. */
  storeUrl?: string;
  /** Nodes created at the first start (when the store holds no cluster yet); at least 1, the founding voter of consensus. */
  initialNodes: number;
  seed: number;
  clockMode: ClockMode;
  /** Admin API key to accept (RUSTYDB_ADMIN_KEY); without it, the first start makes one. */
  adminKey?: string;
  /** Wall clock; injectable for tests. */
  wallNow?: () => number;
  /** How often the realtime driver advances the cluster clock. */
  tickMs?: number;
  /** Requests per second per API key (addresses get twice that, one operation half); 0 turns limits off. */
  rateLimitPerKeyPerSecond?: number;
  /** How much of the event log the store keeps (RUSTYDB_EVENT_LOG_MAX_EVENTS and _MAX_AGE_HOURS); DEFAULT_EVENT_LOG_LIMITS when absent. */
  eventLogLimits?: EventLogLimits;
  /** Bounds of the WebSocket streams; each one left out takes its default (DEFAULT_WEBSOCKET_LIMITS). */
  webSocketLimits?: Partial<WebSocketLimits>;
  /**
   * Reports faults the server survives: an event subscriber that threw (the event itself is
   * durable), or a background commit that failed (its changes stay pending and are retried).
   */
  reportError?: (what: string, error: unknown) => void;
}

/**
 * What every domain is built on: the store and its journal, the simulated world (clock, random
 * streams, network, faults) and its event bus, the operation runner that checks roles and audits,
 * and the metrics registry. One per platform.
 */
export interface Foundation {
  options: PlatformOptions;
  store: Store;
  /** Writes of every engine and service, committed together with their events. */
  journal: Journal;
  runtime: SimulationRuntime;
  bus: EventBus<PlatformEventMap>;
  /** Keeps the bus's stored log within its limits, and refuses resumes from what it pruned. */
  eventRetention: EventRetention;
  runner: OperationRunner;
  /** Where the runner records every mutation and refusal. */
  auditLog: AuditLog;
  /** The cluster clock's mode and speed; in realtime mode it follows wall time from the start. */
  clockControl: ClockControl;
  /** Prometheus registry that every domain's gauges join. */
  metricsRegistry: Registry;
  /** Every domain's long queries (their modules' `longQueries`), for the query streams. */
  longQueries: LongQueries;
  wallNow: () => number;
  processStartedMs: number;
  reportError: (what: string, error: unknown) => void;
}

/** Where the cluster was when the server stopped, so a restart resumes there. */
interface StoredClock extends ClockSettings {
  nowMs: number;
}

/** The clock's time reached is written at most this often in realtime mode (wall ms). */
const CLOCK_PERSIST_INTERVAL_MS = 1000;

/** Opens the foundation over an open store: the clock resumes where the store left it. */
export async function openFoundation(store: Store, options: PlatformOptions, processStartedMs: number): Promise<Foundation> {
  const wallNow = options.wallNow ?? Date.now;
  const reportError = options.reportError ?? ((what, error) => console.error(what, error));
  const journal = new Journal(store, { onListenerError: (error) => reportError('event listener failed', error) });

  const storedClock = await store.get<StoredClock>(CLOCK_RECORD, 'current');
  const clockSettings: ClockSettings = storedClock ? { mode: storedClock.mode, speed: storedClock.speed } : { mode: options.clockMode, speed: 1 };
  // A restart resumes where the cluster was; a realtime clock also catches up with wall time, never going backwards.
  const startMs =
    clockSettings.mode === 'realtime' ? Math.max(wallNow(), storedClock?.nowMs ?? 0) : (storedClock?.nowMs ?? wallNow());
  const runtime = new SimulationRuntime({ seed: options.seed, startMs });
  const bus = await EventBus.create<PlatformEventMap>(journal, store, () => runtime.clock.now());
  const eventRetention = await EventRetention.load({ store, journal, clock: runtime.clock, reportError }, options.eventLogLimits ?? DEFAULT_EVENT_LOG_LIMITS);

  const policy = new AccessPolicy(operations);
  const auditLog = await AuditLog.load(store, journal, wallNow);
  // Every non-GET operation is a mutation (audited), except lookups the contract marks x-rustydb-read-only.
  const mutating = new Set(operations.filter((operation) => operation.method !== 'get' && !operation.readOnly).map((operation) => operation.operationId));
  const runner = new OperationRunner(policy, auditLog, journal, mutating);

  let lastClockPersistMs = wallNow();
  const driver = new RealtimeDriver(runtime.clock, { tickMs: options.tickMs ?? 25, speed: clockSettings.speed, wallNow }, () => {
    if (wallNow() - lastClockPersistMs >= CLOCK_PERSIST_INTERVAL_MS) {
      lastClockPersistMs = wallNow();
      clockControl.persist();
    }
    if (journal.pending) void journal.flush().catch((error: unknown) => reportError('background commit failed; will retry', error));
  });
  const clockControl = new ClockControl(runtime.clock, driver, journal, clockSettings);

  return { options, store, journal, runtime, bus, eventRetention, runner, auditLog, clockControl, metricsRegistry: new Registry(), longQueries: new LongQueries(), wallNow, processStartedMs, reportError };
}

/** Stops the clock, commits what is pending and closes the store; after every domain has stopped. */
export async function closeFoundation(foundation: Foundation): Promise<void> {
  // First: a prune must not start against a store that is closing.
  await foundation.eventRetention.stop();
  foundation.clockControl.stop();
  foundation.clockControl.persist();
  await foundation.journal.flush();
  foundation.bus.close();
  await foundation.store.close();
}
