import { DEFAULT_LINK } from '../engines/runtime/index.js';
import { validateDistributedQueryConfig } from '../engines/sharding/distributed-query-config.js';
import { distributedQueryPayload } from '../engines/sharding/distributed-query-events.js';
import { DistributedQueryExecutor, type DistributedExecution, type DistributedQueryStatisticsState } from '../engines/sharding/distributed-query.js';
import type { QueryRow } from '../engines/query/select-query.js';
import { QueryLatency } from '../services/coordinator/query-latency.js';
import { DistributedQueryService } from '../services/sharding/distributed-query-service.js';
import { distributedLongQueries } from '../services/sharding/distributed-query-long-queries.js';
import { distributedQueryMetrics } from '../services/sharding/distributed-query-metrics.js';
import { distributedQueryHandlers } from '../api/rest/handlers/sharding/distributed-query.js';
import { distributedQueryResolvers } from '../api/graphql/resolvers/sharding/distributed-query.js';
import { clockRunsOn } from '../services/platform/outcome-wait.js';
import type { DomainModule } from './domain-module.js';

/** The kept plans, one record per query, and the statistics: a restart keeps both. */
export const DISTRIBUTED_QUERY_EXECUTION_RECORD = 'distributed_query.execution';
export const DISTRIBUTED_QUERY_STATISTICS_RECORD = 'distributed_query.statistics';

/**
 * Distributed queries over sharded tables (src/engines/sharding/README.md, "Cross-shard
 * execution"): the executor runs fragments over the shard tables in node storage, on the cluster
 * clock and the simulated network's link model (the coordinator's QueryLatency). Listed after
 * sharding, whose cluster it reads.
 */
export const distributedQueryModule: DomainModule = {
  name: 'distributed-query',
  async assemble({ store, journal, runtime, bus, runner, clockControl, shared }) {
    const sharding = shared('sharding');
    const nodes = shared('nodes');
    const { faults, clock } = runtime;
    // The runtime is built without linkDefaults, so every simulated link has DEFAULT_LINK's delay model.
    const latency = new QueryLatency(DEFAULT_LINK, faults);
    const config = validateDistributedQueryConfig();
    const restored = {
      executions: (await store.list<DistributedExecution>(DISTRIBUTED_QUERY_EXECUTION_RECORD)).map((record) => record.value),
      statistics: await store.get<DistributedQueryStatisticsState>(DISTRIBUTED_QUERY_STATISTICS_RECORD, 'current'),
    };
    const reachable = (from: string, to: string) => !faults.isCrashed(to) && faults.canReach(from, to) && faults.canReach(to, from);
    const executor = new DistributedQueryExecutor(
      {
        clock,
        roundTripMs: (from, to) => (reachable(from, to) ? latency.roundTripMs(from, to) : null),
        // Sharded tables hold typed scalar columns only, so a stored row is a query row.
        readRows: (fragment) => sharding.readShardTableOn(fragment.nodeId, fragment.shardName).map((stored) => stored.row as QueryRow),
        onStarted: (execution) => bus.publish('distributed_query_started', 'sharding.query', distributedQueryPayload(execution)),
        onEnded: (execution) => bus.publish('distributed_query_completed', 'sharding.query', distributedQueryPayload(execution)),
        records: {
          executionChanged: (execution) => journal.put(DISTRIBUTED_QUERY_EXECUTION_RECORD, execution.queryId, execution),
          executionRemoved: (queryId) => journal.delete(DISTRIBUTED_QUERY_EXECUTION_RECORD, queryId),
          statisticsChanged: (state) => journal.put(DISTRIBUTED_QUERY_STATISTICS_RECORD, 'current', state),
        },
      },
      config,
      restored,
    );
    const distributedQuery = new DistributedQueryService({
      tables: sharding,
      executor,
      config,
      nodeIds: () => nodes.list().map((node) => node.nodeId),
      isNodeUp: (nodeId) => !faults.isCrashed(nodeId),
      roundTripMs: (from, to) => latency.roundTripMs(from, to),
      clock,
      runner,
      clockRuns: clockRunsOn(clockControl),
    });
    return {
      services: { distributedQuery },
      restHandlers: [distributedQueryHandlers],
      resolvers: [distributedQueryResolvers],
      metrics: [distributedQueryMetrics(executor)],
      longQueries: [distributedLongQueries(executor, clock)],
    };
  },
};
