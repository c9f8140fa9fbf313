import { openStore } from './store/open-store.js';
import type { Store } from './store/port.js';
import type { SimulationRuntime } from './engines/runtime/index.js';
import type { ApiSurfaces } from './api/surfaces.js';
import type { Services } from './services/services.js';
import type { Bootstrap } from './services/platform/api-keys.js';
import type { EventRetention } from './services/platform/event-retention.js';
import { closeFoundation, openFoundation, type PlatformOptions } from './modules/foundation.js';
import { assembleDomains, type DomainModule, type Shared } from './modules/domain-module.js';
import { clusterModule } from './modules/cluster.js';
import { simulationModule } from './modules/simulation.js';
import { membershipModule } from './modules/membership.js';
import { raftModule } from './modules/raft.js';
import { failoverModule } from './modules/failover.js';
import { alertsModule } from './modules/alerts.js';
import { healthModule } from './modules/health.js';
import { racModule } from './modules/rac.js';
import { replicationModule } from './modules/replication.js';
import { replicationMonitoringModule } from './modules/replication-monitoring.js';
import { transactionsModule } from './modules/transactions.js';
import { dhtModule } from './modules/dht.js';
import { loadBalancerModule } from './modules/load-balancer.js';
import { coordinatorModule } from './modules/coordinator.js';
import { shardingModule } from './modules/sharding.js';
import { multiMasterModule } from './modules/multi-master.js';
import { distributedQueryModule } from './modules/distributed-query.js';
import { shardMovesModule } from './modules/shard-moves.js';
import { geoModule } from './modules/geo.js';
import { conflictsModule } from './modules/conflicts.js';
import { applyModule } from './modules/apply.js';
import { logicalModule } from './modules/logical.js';
import { gdsModule } from './modules/gds.js';
import { clusterStatusModule } from './modules/cluster-status.js';
import { nodeProbesModule } from './modules/node-probes.js';
import { platformModule } from './modules/platform.js';

export type { PlatformOptions } from './modules/foundation.js';

/**
 * Every domain, in dependency order: a module may use what the modules before it share and
 * provide, and hears of a change after them. Adding a domain is one module and one line here.
 */
export const DOMAIN_MODULES: readonly DomainModule[] = [
  clusterModule,
  simulationModule,
  membershipModule,
  raftModule,
  failoverModule,
  alertsModule,
  healthModule,
  racModule,
  replicationModule,
  replicationMonitoringModule,
  transactionsModule,
  nodeProbesModule,
  dhtModule,
  loadBalancerModule,
  coordinatorModule,
  shardingModule,
  distributedQueryModule,
  shardMovesModule,
  geoModule,
  conflictsModule,
  applyModule,
  logicalModule,
  multiMasterModule,
  gdsModule,
  clusterStatusModule,
  platformModule,
];

export interface Platform {
  services: Services;
  /** What each domain serves over REST, GraphQL and WebSocket. */
  surfaces: ApiSurfaces;
  runtime: SimulationRuntime;
  /** The engines the domains share, for tests and benchmarks that look beneath the API (the API goes through services). */
  engines: Shared;
  bootstrap: Bootstrap;
  /** What the store keeps of the event log and what it pruned, for tests that look beneath the API. */
  eventLog: EventRetention;
  /** Stops the clock and every domain, flushes what is pending and closes the store. */
  close(): Promise<void>;
}

/**
 * The composition root: opens the store, restores the simulated cluster from it (or creates one
 * at the first start) and assembles every domain's engines, services and API surfaces.
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const processStartedMs = (options.wallNow ?? Date.now)();
  const store: Store = await openStore({ path: options.storePath, url: options.storeUrl });
  try {
    const foundation = await openFoundation(store, options, processStartedMs);
    const domains = await assembleDomains(foundation, DOMAIN_MODULES);
    await foundation.journal.flush();
    return {
      services: domains.services,
      surfaces: domains.surfaces,
      runtime: foundation.runtime,
      engines: domains.shared,
      bootstrap: domains.shared.bootstrap,
      eventLog: foundation.eventRetention,
      async close() {
        domains.close();
        await closeFoundation(foundation);
      },
    };
  } catch (error) {
    // A start that failed half-way must not keep the store open (a PostgreSQL pool would outlive it).
    await store.close().catch(() => undefined);
    throw error;
  }
}
