/**
 * How the coordinator spreads a distributed query over the shards.
 * - SCATTER_GATHER: every shard, in parallel, one request per node; the coordinator merges the
 *   partial results. No pruning: for queries whose predicate does not pin the shard key.
 * - ROUTED: only the shards that own the query's shard keys (or token range), straight to the
 *   nodes serving them; a merge only when more than one shard answers. Needs keys or a range.
 * - BROADCAST: every reachable member node once, whatever it holds (DDL, settings, cache
 *   invalidation); the coordinator waits for every acknowledgement.
 * - LOCAL_FIRST: the target shards (pruned by keys when given) that have a copy on the
 *   coordinator's own node are read there first, the rest from remote nodes, then merged. Writes
 *   must reach primaries, so for a write only shards whose primary is local stay local.
 */
export type ExecutionStrategy = 'SCATTER_GATHER' | 'ROUTED' | 'BROADCAST' | 'LOCAL_FIRST';

/** Every strategy with a one-line meaning, for listings. */
export const EXECUTION_STRATEGIES: Readonly<Record<ExecutionStrategy, string>> = Object.freeze({
  SCATTER_GATHER: 'Every shard in parallel, one request per node, results merged at the coordinator.',
  ROUTED: 'Only the shards owning the shard keys or token range, sent straight to the nodes serving them.',
  BROADCAST: 'Every reachable member node once, whatever it holds; the coordinator waits for every acknowledgement.',
  LOCAL_FIRST: "Shards with a copy on the coordinator's node are read there first, the rest remotely, then merged.",
});

export function isExecutionStrategy(value: string): value is ExecutionStrategy {
  return Object.hasOwn(EXECUTION_STRATEGIES, value);
}
