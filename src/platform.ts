import { openStore } from './store/open-store.js';
import { Journal } from './store/journal.js';
import { ClusterConsensus } from './engines/cluster/cluster-consensus.js';
import { ClusterFailover, FAILOVER_HISTORY_RECORD } from './engines/failover/cluster-failover.js';
import { DEFAULT_FAILOVER_POLICY, FAILOVER_POLICY_RECORD, type FailoverPolicy } from './engines/failover/failover-config.js';
import { EMPTY_FAILOVER_STATE, type FailoverTrackerState } from './engines/failover/failover-tracker.js';
import { DRILL_COUNTER_RECORD, FailoverDrill } from './services/failover/failover-drill.js';
import { FailoverService } from './services/failover/failover-service.js';
import { RaftService } from './services/raft/raft-service.js';
import type { Store } from './store/port.js';
import { RealtimeDriver, SimulationRuntime } from './engines/runtime/index.js';
import { EventBus } from './engines/runtime/event-bus.js';
import { ClusterNodes, CONFIG_RECORD, CONTROL_PLANE_ID, META_RECORD, NODE_RECORD, type ClusterMeta, type HeartbeatMessage, type NodeSpec } from './engines/cluster/cluster-nodes.js';
import type { PlatformEventMap } from './modules/event-map.js';
import { defaultClusterConfig, type ClusterConfig } from './engines/cluster/cluster-config.js';
import { FaultInjector, loadFaults } from './engines/simulation/fault-injector.js';
import { CLOCK_RECORD, ClockControl, type ClockMode, type ClockSettings } from './engines/simulation/clock-control.js';
import { AccessPolicy } from './services/platform/access-policy.js';
import { AuditLog } from './services/platform/audit-log.js';
import { AuditService } from './services/platform/audit-service.js';
import { ApiKeys, type Bootstrap } from './services/platform/api-keys.js';
import { ClusterService } from './services/cluster/cluster-service.js';
import { CoordinatorService } from './services/coordinator/coordinator-service.js';
import { DhtService } from './services/dht/dht-service.js';
import { LoadBalancerService } from './services/load-balancer/load-balancer-service.js';
import { QueryLatency } from './services/coordinator/query-latency.js';
import { DEFAULT_LINK } from './engines/runtime/index.js';
import { EventService } from './services/platform/event-service.js';
import { HealthService } from './services/platform/health-service.js';
import { ClusterHealth } from './engines/health/cluster-health.js';
import { ClusterHealthService } from './services/health/cluster-health-service.js';
import { ClusterStatusService, CommittedExecutionStrategy } from './services/cluster/cluster-status-service.js';
import { MembershipService } from './services/membership/membership-service.js';
import { MetricsService } from './services/platform/metrics-service.js';
import { OperationRunner } from './services/platform/operation-runner.js';
import { PlannedOperations } from './services/platform/planned-operations.js';
import { RateLimiter } from './services/platform/rate-limiter.js';
import { SimulationService } from './services/simulation/simulation-service.js';
import { ReplicationEngine } from './engines/replication/replication-engine.js';
import { ReplicationService } from './services/replication/replication-service.js';
import { ReplicationSlotService } from './services/replication/replication-slot-service.js';
import { ReplicationSnapshotService } from './services/replication/replication-snapshot-service.js';
import { ReplicationConflictService } from './services/replication/replication-conflict-service.js';
import { ReplicationMonitorService } from './services/replication/replication-monitor-service.js';
import { ReplicationDashboardService } from './services/replication/replication-dashboard-service.js';
import { RacEngine } from './engines/rac/rac-engine.js';
import { RacService } from './services/rac/rac-service.js';
import { RacRecoveryService } from './services/rac/rac-recovery-service.js';
import { RacParallelQueryService } from './services/rac/rac-parallel-query-service.js';
import { operations } from '../generated/operations.js';

export const API_VERSION = '0.1.0';

/** Default requests per second per API key. */
export const DEFAULT_RATE_LIMIT_PER_KEY = 1000;

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
  /**
   * Reports faults the server survives: an event subscriber that threw (the event itself is
   * durable), or a background commit that failed (its changes stay pending and are retried).
   */
  reportError?: (what: string, error: unknown) => void;
}

export interface Services {
  /** Role checks and audit of refusals, shared by every surface. */
  access: OperationRunner;
  rateLimiter: RateLimiter;
  cluster: ClusterService;
  /** The consistent-hash ring over the cluster's nodes. */
  dht: DhtService;
  /** The load balancer in front of the cluster's nodes. */
  loadBalancer: LoadBalancerService;
  /** Shards, their placement, and distributed query plans. */
  coordinator: CoordinatorService;
  /** Gossip membership (SWIM) of the cluster's nodes. */
  membership: MembershipService;
  failover: FailoverService;
  /** Raft consensus: node state, the log, snapshots and the voting configuration. */
  raft: RaftService;
  simulation: SimulationService;
  /** WAL streaming replication: config, status, replicas, failover, and the write workload. */
  replication: ReplicationService;
  replicationSlots: ReplicationSlotService;
  replicationSnapshots: ReplicationSnapshotService;
  replicationConflicts: ReplicationConflictService;
  replicationMonitor: ReplicationMonitorService;
  replicationDashboard: ReplicationDashboardService;
  /** Real Application Clusters: the database and its instances, Cache Fusion, the GRD and the interconnect. */
  rac: RacService;
  racRecovery: RacRecoveryService;
  racParallelQuery: RacParallelQueryService;
  events: EventService;
  apiKeys: ApiKeys;
  audit: AuditService;
  /** The server's own probes (/api/v1/health/*). */
  health: HealthService;
  /** The cluster's health: state, quorum margin, issues and their history (/api/v1/cluster/health/*). */
  clusterHealth: ClusterHealthService;
  /** The cluster and each clustering subsystem at a glance. */
  clusterStatus: ClusterStatusService;
  metrics: MetricsService;
  planned: PlannedOperations;
}

export interface Platform {
  services: Services;
  runtime: SimulationRuntime;
  /** The replication and RAC engines, for tests and benchmarks that look beneath the API (the API goes through services). */
  replication: ReplicationEngine;
  rac: RacEngine;
  bootstrap: Bootstrap;
  /** Stops the clock, flushes what is pending and closes the store. */
  close(): Promise<void>;
}

/** Where the cluster was when the server stopped, so a restart resumes there. */
interface StoredClock extends ClockSettings {
  nowMs: number;
}

/** The clock's time reached is written at most this often in realtime mode (wall ms). */
const CLOCK_PERSIST_INTERVAL_MS = 1000;

/**
 * The composition root: opens the store, restores the simulated cluster from it (or creates one
 * at the first start), and builds the services every API surface uses.
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const processStartedMs = (options.wallNow ?? Date.now)();
  const store: Store = await openStore({ path: options.storePath, url: options.storeUrl });
  try {
    return await assemblePlatform(store, options, processStartedMs);
  } catch (error) {
    // A start that failed half-way must not keep the store open (a PostgreSQL pool would outlive it).
    await store.close().catch(() => undefined);
    throw error;
  }
}

async function assemblePlatform(store: Store, options: PlatformOptions, processStartedMs: number): Promise<Platform> {
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

  const policy = new AccessPolicy(operations);
  const audit = await AuditLog.load(store, journal, wallNow);
  // Every non-GET operation is a mutation (audited), except lookups the contract marks x-rustydb-read-only.
  const mutating = new Set(operations.filter((operation) => operation.method !== 'get' && !operation.readOnly).map((operation) => operation.operationId));
  const runner = new OperationRunner(policy, audit, journal, mutating);

  const meta = (await store.get<ClusterMeta>(META_RECORD, 'current')) ?? { createdAtMs: runtime.clock.now(), updatedAtMs: runtime.clock.now() };
  const storedConfig = await store.get<ClusterConfig>(CONFIG_RECORD, 'current');
  const config = storedConfig ?? { ...defaultClusterConfig };
  const nodes = new ClusterNodes(
    { clock: runtime.clock, network: runtime.network<HeartbeatMessage>('control'), faults: runtime.faults, bus, journal },
    config,
    meta,
  );
  const storedNodes = (await store.list<NodeSpec>(NODE_RECORD)).map((record) => record.value);
  if (storedConfig === undefined) {
    // The first start: the store holds no cluster yet.
    journal.put(CONFIG_RECORD, 'current', config);
    journal.put(META_RECORD, 'current', meta);
    for (let index = 1; index <= options.initialNodes; index += 1) nodes.add({ address: `node-${index}.cluster.local:7000` });
  } else {
    nodes.restore(storedNodes);
  }
  // Before consensus: the gossip group takes each node's own role as metadata, not LEADER or CANDIDATE.
  const membership = await MembershipService.start(store, { runtime, nodes, bus, journal }, runner);
  const consensus = await ClusterConsensus.load(store, { runtime, nodes, journal, bus });
  const failoverEngine = new ClusterFailover(
    { clock: runtime.clock, consensus, nodes, bus, journal },
    {
      history: (await store.get<FailoverTrackerState>(FAILOVER_HISTORY_RECORD, 'current')) ?? EMPTY_FAILOVER_STATE,
      policy: (await store.get<FailoverPolicy>(FAILOVER_POLICY_RECORD, 'current')) ?? DEFAULT_FAILOVER_POLICY,
    },
  );
  // After consensus and failover: it hears of each change once they have handled it (leader_elected comes first).
  const clusterHealth = await ClusterHealth.load(store, { clock: runtime.clock, nodes, consensus, bus, journal });

  // After the cluster's nodes exist: a new cluster's replication starts over them, the lowest id as primary.
  const replicationEngine = await ReplicationEngine.load(store, { runtime, journal, bus, nodeIds: nodes.list().map((node) => node.nodeId) });
  // The RAC database opens on the same nodes: each one is an instance with its own buffer cache.
  const racEngine = await RacEngine.load(store, { runtime, journal, bus, instanceIds: nodes.list().map((node) => node.nodeId) });

  const injector = new FaultInjector(
    { clock: runtime.clock, faults: runtime.faults, bus, journal, isMember: (nodeId) => nodes.has(nodeId), observerId: CONTROL_PLANE_ID },
    await loadFaults(store),
  );
  let lastClockPersistMs = wallNow();
  const driver = new RealtimeDriver(runtime.clock, { tickMs: options.tickMs ?? 25, speed: clockSettings.speed, wallNow }, () => {
    if (wallNow() - lastClockPersistMs >= CLOCK_PERSIST_INTERVAL_MS) {
      lastClockPersistMs = wallNow();
      clockControl.persist();
    }
    if (journal.pending) void journal.flush().catch((error: unknown) => reportError('background commit failed; will retry', error));
  });
  const clockControl = new ClockControl(runtime.clock, driver, journal, clockSettings);

  const cluster = new ClusterService(nodes, runner);
  // Each follows membership from here on; registered in this order, they hear of a change in this order.
  const dht = await DhtService.load(store, { nodes, journal, runner });
  const loadBalancer = await LoadBalancerService.load(store, { nodes, clock: runtime.clock, journal, runner });
  // The runtime is built without linkDefaults, so every simulated link has DEFAULT_LINK's delay model.
  const latency = new QueryLatency(DEFAULT_LINK, runtime.faults);
  const coordinator = await CoordinatorService.load(store, { nodes, loadBalancer, latency, clock: runtime.clock, journal, runner });
  const simulation = new SimulationService(injector, clockControl, runner);
  const drill = new FailoverDrill(
    { clock: runtime.clock, clockControl, injector, failover: failoverEngine, nodes, journal },
    (await store.get<number>(DRILL_COUNTER_RECORD, 'last')) ?? 0,
  );
  const failover = new FailoverService({ failover: failoverEngine, drill, nodes, consensus, clock: runtime.clock, runner });
  const raft = new RaftService({ consensus, nodes, clock: runtime.clock, runner });
  const clusterHealthService = new ClusterHealthService({ health: clusterHealth, consensus, runner });
  const clusterStatus = new ClusterStatusService({
    health: clusterHealth,
    nodes,
    consensus,
    failoverEngine,
    failover,
    membership,
    dht,
    loadBalancer,
    coordinator,
    executionStrategy: await CommittedExecutionStrategy.load(store, journal),
    runner,
  });
  const replicationDeps = {
    engine: replicationEngine,
    nodes,
    clock: runtime.clock,
    runner,
    onWorkloadRate: (ratePerSecond: number) => racEngine.workload.set({ ratePerSecond }),
  };
  const replication = new ReplicationService(replicationDeps);
  const racDeps = { engine: racEngine, nodes, clock: runtime.clock, runner };
  const events = new EventService(bus, runner);
  const { apiKeys, bootstrap } = await ApiKeys.load(store, journal, runner, wallNow, options.adminKey);
  let serving = true;
  const health = new HealthService({ store, cluster, version: API_VERSION, processStartedMs, wallNow, isServing: () => serving });
  const metrics = new MetricsService(
    { cluster, simulation, events, networkStats: () => runtime.network<HeartbeatMessage>('control').stats(), processStartedMs, wallNow },
    runner,
  );
  const rateLimiter = new RateLimiter({ perKeyPerSecond: options.rateLimitPerKeyPerSecond ?? DEFAULT_RATE_LIMIT_PER_KEY }, wallNow);
  await journal.flush();

  return {
    services: {
      access: runner,
      rateLimiter,
      cluster,
      dht,
      loadBalancer,
      coordinator,
      membership,
      simulation,
      replication,
      replicationSlots: new ReplicationSlotService(replicationDeps),
      replicationSnapshots: new ReplicationSnapshotService(replicationDeps),
      replicationConflicts: new ReplicationConflictService(replicationDeps),
      replicationMonitor: new ReplicationMonitorService(replicationDeps),
      replicationDashboard: new ReplicationDashboardService(replicationDeps, replication),
      rac: new RacService(racDeps),
      racRecovery: new RacRecoveryService(racDeps),
      racParallelQuery: new RacParallelQueryService(racDeps),
      failover,
      raft,
      events,
      apiKeys,
      audit: new AuditService(audit, runner),
      health,
      clusterHealth: clusterHealthService,
      clusterStatus,
      metrics,
      planned: new PlannedOperations(runner),
    },
    runtime,
    replication: replicationEngine,
    rac: racEngine,
    bootstrap,
    async close() {
      serving = false;
      clockControl.stop();
      consensus.close();
      membership.close();
      replicationEngine.close();
      racEngine.close();
      clockControl.persist();
      await journal.flush();
      bus.close();
      await store.close();
    },
  };
}
