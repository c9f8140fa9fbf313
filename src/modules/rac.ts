import { RacEngine } from '../engines/rac/rac-engine.js';
import { RacService } from '../services/rac/rac-service.js';
import { RacRecoveryService } from '../services/rac/rac-recovery-service.js';
import { RacParallelQueryService } from '../services/rac/rac-parallel-query-service.js';
import { racHandlers } from '../api/rest/handlers/rac/rac.js';
import { racRecoveryHandlers } from '../api/rest/handlers/rac/rac-recovery.js';
import { racParallelQueryHandlers } from '../api/rest/handlers/rac/rac-parallel-query.js';
import { racResolvers } from '../api/graphql/resolvers/rac/rac.js';
import { racRecoveryResolvers } from '../api/graphql/resolvers/rac/rac-recovery.js';
import { racParallelQueryResolvers } from '../api/graphql/resolvers/rac/rac-parallel-query.js';
import { racSubscriptionResolvers } from '../api/graphql/resolvers/rac/rac-subscriptions.js';
import { racStream } from '../api/ws/streams/rac.js';
import { racMetrics } from '../services/rac/rac-metrics.js';
import { racLongQueries } from '../services/rac/rac-long-queries.js';
import type { DomainModule } from './domain-module.js';

/** Real Application Clusters: the database opens on the cluster's nodes, each an instance with its own buffer cache. */
export const racModule: DomainModule = {
  name: 'rac',
  async assemble({ store, runtime, bus, journal, runner, shared }) {
    const nodes = shared('nodes');
    const rac = await RacEngine.load(store, { runtime, journal, bus, instanceIds: nodes.list().map((node) => node.nodeId) });
    const deps = { engine: rac, nodes, clock: runtime.clock, runner };
    return {
      shares: { rac },
      services: { rac: new RacService(deps), racRecovery: new RacRecoveryService(deps), racParallelQuery: new RacParallelQueryService(deps) },
      restHandlers: [racHandlers, racRecoveryHandlers, racParallelQueryHandlers],
      resolvers: [racResolvers, racRecoveryResolvers, racParallelQueryResolvers, racSubscriptionResolvers],
      streams: [racStream],
      metrics: [racMetrics(rac)],
      longQueries: [racLongQueries(rac, runtime.clock)],
      close: () => rac.close(),
    };
  },
};
