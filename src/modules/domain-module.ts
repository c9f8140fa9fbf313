import type { Resolvers } from '../../generated/graphql/resolvers-types.js';
import type { ApiSurfaces, RestHandlerFactory } from '../api/surfaces.js';
import type { StreamDefinition } from '../api/ws/websocket-streams.js';
import type { AlertEngine } from '../engines/alerts/alert-engine.js';
import type { ClusterConsensus } from '../engines/cluster/cluster-consensus.js';
import type { ClusterNodes } from '../engines/cluster/cluster-nodes.js';
import type { ClusterFailover } from '../engines/failover/cluster-failover.js';
import type { ClusterHealth } from '../engines/health/cluster-health.js';
import type { RacEngine } from '../engines/rac/rac-engine.js';
import type { ReplicationEngine } from '../engines/replication/replication-engine.js';
import type { TransactionsEngine } from '../engines/transactions/transactions-engine.js';
import type { ShardingCluster } from '../engines/sharding/sharding-cluster.js';
import type { GeoEngine } from '../engines/geo/geo-engine.js';
import type { ConflictBook } from '../engines/conflicts/conflict-book.js';
import type { ApplyEngine } from '../engines/apply/apply-engine.js';
import type { ReplicationMonitoring } from '../engines/replication-monitoring/replication-monitoring.js';
import type { LogicalReplication } from '../engines/logical/logical-replication.js';
import type { MultiMasterEngine } from '../engines/multi-master/multi-master-engine.js';
import type { GdsEngine } from '../engines/gds/gds-engine.js';
import type { CoordinatorEngineHandle } from '../services/coordinator/coordinator-service.js';
import type { FaultInjector } from '../engines/simulation/fault-injector.js';
import type { Bootstrap } from '../services/platform/api-keys.js';
import type { MetricsCollector } from '../services/platform/metrics-service.js';
import type { LongQuerySource } from '../services/platform/query-progress.js';
import type { Services } from '../services/services.js';
import type { Foundation } from './foundation.js';

/**
 * What a module hands to the modules listed after it, and to tests and benchmarks that look
 * beneath the API. A new domain adds what it shares here.
 */
export interface Shared {
  /** The cluster's nodes, their health and the control plane's heartbeats (cluster). */
  nodes: ClusterNodes;
  /** Crashes, partitions, latency and loss (simulation). */
  faultInjector: FaultInjector;
  /** Raft over the cluster's nodes (raft). */
  consensus: ClusterConsensus;
  /** Leader replacement and its history (failover). */
  failover: ClusterFailover;
  /** The one alert model: sources register here and report their conditions (alerts). */
  alerts: AlertEngine;
  /** Cluster state, quorum margin and issues (health). */
  clusterHealth: ClusterHealth;
  /** Real Application Clusters over the first nodes (rac). */
  rac: RacEngine;
  /** WAL streaming replication over the nodes (replication). */
  replication: ReplicationEngine;
  /** Two-phase commit and XA over the nodes' storage (transactions). */
  transactions: TransactionsEngine;
  /** The coordinator's engine and how to persist a change made there (coordinator). */
  coordinator: CoordinatorEngineHandle;
  /** Sharded tables, their shards and rows on the nodes (sharding). */
  sharding: ShardingCluster;
  /** Datacenters, their WAN links and who uses each datacenter (geo). */
  geo: GeoEngine;
  /** Group conflicts, their resolution and appliers, CRDT column uses (conflicts). */
  conflicts: ConflictBook;
  /** Parallel apply of decoded transactions to target nodes, with checkpoints (apply). */
  apply: ApplyEngine;
  /** Every replication channel in one place: sources register here (replication-monitoring). */
  replicationMonitoring: ReplicationMonitoring;
  /** Publications and subscriptions over the WAL (logical). */
  logical: LogicalReplication;
  /** Multi-master groups, their sites and versions (multi-master). */
  multiMaster: MultiMasterEngine;
  /** Global services over the datacenters, their routing and failovers (gds). */
  gds: GdsEngine;
  /** The admin key this start created, if any (platform). */
  bootstrap: Bootstrap;
}

/** What a module's `assemble` sees: the foundation, and what the modules before it shared and provided. */
export interface AssemblyScope extends Foundation {
  /** What an earlier module shared; throws when none did (the module list is out of order). */
  shared<K extends keyof Shared>(name: K): Shared[K];
  /** A service an earlier module provided; throws when none did. */
  service<K extends keyof Services>(name: K): Services[K];
}

/** What one domain adds to the platform; every part is optional. */
export interface DomainAssembly {
  /** For the modules after this one (and tests beneath the API). */
  shares?: Partial<Shared>;
  /** Entries of the services catalogue (src/services/services.ts). */
  services?: Partial<Services>;
  /** REST handlers, one factory per file of src/api/rest/handlers/<domain>/. */
  restHandlers?: readonly RestHandlerFactory[];
  /** GraphQL resolver maps, one per file of src/api/graphql/resolvers/<domain>/. */
  resolvers?: readonly Resolvers[];
  /** WebSocket event streams (src/api/ws/streams/<domain>.ts). */
  streams?: readonly StreamDefinition[];
  /** Prometheus metrics read from the domain's engines at scrape time (src/services/<domain>/<domain>-metrics.ts). */
  metrics?: readonly MetricsCollector[];
  /** The domain's long queries, for the query streams (/api/v1/ws/query and GraphQL queryProgress). */
  longQueries?: readonly LongQuerySource[];
  /** Stops the domain's timers; called in reverse module order, before the store closes. */
  close?: () => void;
}

/**
 * An assembly module: builds one domain's engines from the runtime, store and bus, then its
 * services, and says what it adds to each API surface. Like a graphql-yoga plugin, one object
 * per feature; src/platform.ts lists the modules in dependency order.
 */
export interface DomainModule {
  /** The domain's folder name in every layer (src/engines/<name>, src/services/<name>, …). */
  readonly name: string;
  assemble(scope: AssemblyScope): DomainAssembly | Promise<DomainAssembly>;
}

/** Everything the modules added, once all of them are assembled. */
export interface AssembledDomains {
  services: Services;
  surfaces: ApiSurfaces;
  shared: Shared;
  /** Stops every domain, last module first. */
  close(): void;
}

/** Runs the modules in order, each in a scope that sees what the ones before it added. */
export async function assembleDomains(foundation: Foundation, modules: readonly DomainModule[]): Promise<AssembledDomains> {
  const shared: Partial<Shared> = {};
  const services: Partial<Services> = {};
  const restHandlers: RestHandlerFactory[] = [];
  const resolvers: Resolvers[] = [];
  const streams: StreamDefinition[] = [];
  const closers: (() => void)[] = [];
  for (const module of modules) {
    const scope: AssemblyScope = {
      ...foundation,
      shared: (name) => definedBefore<Shared[typeof name]>(module, 'shared', name, shared[name]),
      service: (name) => definedBefore<Services[typeof name]>(module, 'service', name, services[name]),
    };
    const assembly = await module.assemble(scope);
    addOnce(module, shared, assembly.shares);
    addOnce(module, services, assembly.services);
    restHandlers.push(...(assembly.restHandlers ?? []));
    resolvers.push(...(assembly.resolvers ?? []));
    streams.push(...(assembly.streams ?? []));
    for (const collect of assembly.metrics ?? []) collect(foundation.metricsRegistry);
    for (const source of assembly.longQueries ?? []) foundation.longQueries.register(source);
    if (assembly.close) closers.push(assembly.close);
  }
  return {
    // Complete by construction: the platform module comes last and every domain provides its own entries.
    services: services as Services,
    surfaces: { restHandlers, resolvers, streams },
    shared: shared as Shared,
    close() {
      for (const close of [...closers].reverse()) close();
    },
  };
}

function definedBefore<T>(module: DomainModule, kind: string, name: string, value: T | undefined): T {
  if (value === undefined) throw new Error(`module ${module.name} needs the ${kind} "${name}", which no module listed before it provides`);
  return value;
}

function addOnce<T extends object>(module: DomainModule, into: Partial<T>, entries: Partial<T> | undefined): void {
  for (const [name, value] of Object.entries(entries ?? {})) {
    if (name in into) throw new Error(`module ${module.name} provides "${name}", which an earlier module already provides`);
    (into as Record<string, unknown>)[name] = value;
  }
}
