/**
 * A simulated cluster wired the way `src/platform.ts` wires it (runtime, store, journal, event
 * bus, ClusterNodes), without the API services. Time only moves through {@link ClusterHarness.advance},
 * which also flushes the journal so that the events of the step are delivered.
 */
import { SimulationRuntime, type LinkDefaults } from '../../../src/engines/runtime/index.js';
import { EventBus, type BusEvent } from '../../../src/engines/runtime/event-bus.js';
import {
  ClusterNodes,
  CONFIG_RECORD,
  META_RECORD,
  NODE_RECORD,
  type ClusterMeta,
  type HeartbeatMessage,
  type NodeSpec,
} from '../../../src/engines/cluster/cluster-nodes.js';
import { defaultClusterConfig, type ClusterConfig } from '../../../src/engines/cluster/cluster-config.js';
import type { NodeHealthPayload, NodeMembershipPayload } from '../../../src/engines/cluster/events.js';
import type { NodeStatus } from '../../../src/engines/cluster/node-health.js';
import type { PlatformEventMap } from '../../../src/modules/event-map.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { Journal } from '../../../src/store/journal.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';

/** Cluster time at which every harness starts, unless told otherwise. */
export const START_MS = Date.UTC(2030, 0, 1);

/** A link without jitter: every heartbeat arrives exactly 1 ms after it is sent. */
export const EXACT_LINK: Readonly<LinkDefaults> = Object.freeze({ latencyMs: 1, jitterMs: 0 });

export interface ClusterHarnessOptions {
  seed?: number;
  /** Nodes added at the first start (node-1 … node-N, like the platform). Default 5. */
  initialNodes?: number;
  /** Overrides of the default configuration, used at the first start. */
  config?: Partial<ClusterConfig>;
  /** Link model of the simulated network; default is the runtime's (1 ms + 0..1 ms jitter, like the platform). */
  linkDefaults?: LinkDefaults;
  /** An existing store to restart from; the harness then does not close it. */
  store?: SqliteStore;
  startMs?: number;
}

export interface ClusterHarness {
  runtime: SimulationRuntime;
  store: SqliteStore;
  journal: Journal;
  bus: EventBus<PlatformEventMap>;
  nodes: ClusterNodes;
  startMs: number;
  /** Every event delivered since the harness started, in cursor order. */
  events: BusEvent[];
  /** Errors thrown by event subscribers (should stay empty). */
  listenerErrors: unknown[];
  /** Cluster time elapsed since the harness started. */
  elapsedMs(): number;
  /** Moves cluster time forward, then commits the journal so the step's events are delivered. */
  advance(ms: number): Promise<void>;
  /** Advances to `elapsedMs` since the start. */
  advanceTo(elapsedMs: number): Promise<void>;
  /** Status of one node now. */
  statusOf(nodeId: string): NodeStatus;
  /** Events delivered from index `fromIndex` on, as transcript lines. */
  transcript(fromIndex?: number): string[];
  /** Flushes and detaches the bus; closes the store unless it was handed in. */
  close(): Promise<void>;
}

export async function startCluster(options: ClusterHarnessOptions = {}): Promise<ClusterHarness> {
  const startMs = options.startMs ?? START_MS;
  const ownsStore = options.store === undefined;
  const store = options.store ?? SqliteStore.open(':memory:');
  const listenerErrors: unknown[] = [];
  const journal = new Journal(store, { onListenerError: (error) => listenerErrors.push(error) });
  const runtime = new SimulationRuntime({
    seed: options.seed ?? 1,
    startMs,
    ...(options.linkDefaults === undefined ? {} : { linkDefaults: options.linkDefaults }),
  });
  const bus = await EventBus.create<PlatformEventMap>(journal, store, () => runtime.clock.now());
  const events: BusEvent[] = [];
  bus.subscribe({}, (event) => events.push(event));

  const meta = (await store.get<ClusterMeta>(META_RECORD, 'current')) ?? { createdAtMs: startMs, updatedAtMs: startMs };
  const storedConfig = await store.get<ClusterConfig>(CONFIG_RECORD, 'current');
  const config = storedConfig ?? { ...defaultClusterConfig, ...options.config };
  const nodes = new ClusterNodes(
    { clock: runtime.clock, network: runtime.network<HeartbeatMessage>('control'), faults: runtime.faults, bus, journal },
    config,
    meta,
  );
  const storedNodes = (await store.list<NodeSpec>(NODE_RECORD)).map((record) => record.value);
  if (storedNodes.length === 0 && storedConfig === undefined) {
    journal.put(CONFIG_RECORD, 'current', config);
    journal.put(META_RECORD, 'current', meta);
    for (let index = 1; index <= (options.initialNodes ?? 5); index += 1) {
      nodes.add({ address: `node-${index}.cluster.local:7000` });
    }
  } else {
    nodes.restore(storedNodes);
  }
  await journal.flush();

  const harness: ClusterHarness = {
    runtime,
    store,
    journal,
    bus,
    nodes,
    startMs,
    events,
    listenerErrors,
    elapsedMs: () => runtime.clock.now() - startMs,
    async advance(ms) {
      runtime.clock.advance(ms);
      await journal.flush();
    },
    async advanceTo(elapsedMs) {
      runtime.clock.advanceTo(startMs + elapsedMs);
      await journal.flush();
    },
    statusOf: (nodeId) => nodes.get(nodeId).status,
    transcript: (fromIndex = 0) => events.slice(fromIndex).map((event) => describeEvent(event, startMs)),
    async close() {
      await journal.flush();
      bus.close();
      if (ownsStore) await store.close();
    },
  };
  return harness;
}

/** The payload of a `node_health_change` event, or undefined for any other event. */
export function healthChangeOf(event: BusEvent): NodeHealthPayload | undefined {
  return event.type === 'node_health_change' ? (event.payload as NodeHealthPayload) : undefined;
}

/** Cluster time of an event, relative to `startMs`. */
export function elapsedAt(event: BusEvent, startMs: number): number {
  return Date.parse(event.time) - startMs;
}

/**
 * One transcript line per event, e.g. `+12000 node_health_change node-2 HEALTHY->SUSPECTED missed=3`.
 */
export function describeEvent(event: BusEvent, startMs: number): string {
  const at = `+${elapsedAt(event, startMs)}`;
  const health = healthChangeOf(event);
  if (health !== undefined) {
    return `${at} ${event.type} ${health.nodeId} ${health.previousStatus}->${health.status} missed=${health.missedHeartbeats}`;
  }
  if (event.type === 'node_joined' || event.type === 'node_left') {
    return `${at} ${event.type} ${(event.payload as NodeMembershipPayload).nodeId}`;
  }
  return `${at} ${event.type} ${JSON.stringify(event.payload)}`;
}

/** Runs `action` and returns the DomainError it throws; fails when it throws nothing or something else. */
export function domainErrorFrom(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}
