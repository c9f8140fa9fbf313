/**
 * Rebalance planning (README, "Rebalance and migration workflows"), as Citus's
 * `get_rebalance_table_shards_plan`: pure and deterministic. Group shards (colocated tables move
 * together) are moved from the most to the least loaded writable node, one at a time, while some
 * node's load lies outside `average × (1 ± threshold)` and a move still lowers the higher of the
 * two nodes' loads. The strategies are Citus's: `by_shard_count` (each shard costs 1; default
 * threshold 0) and `by_disk_size` (each shard costs its bytes; default threshold 0.1). Each move
 * carries its source, target, rows, bytes and the estimated duration at the copy rate.
 */
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';

export type RebalanceStrategy = 'by_shard_count' | 'by_disk_size';

export const REBALANCE_STRATEGIES: readonly RebalanceStrategy[] = Object.freeze(['by_shard_count', 'by_disk_size']);

/** Citus's `default_threshold` per strategy. */
export const DEFAULT_THRESHOLDS: Readonly<Record<RebalanceStrategy, number>> = Object.freeze({ by_shard_count: 0, by_disk_size: 0.1 });

/** A group shard as the planner sees it: where its primary is and what it holds (every colocated table's part). */
export interface PlannedShard {
  shardId: string;
  group: string;
  primaryNodeId: string | null;
  /** Node storage tables of the shard (`<table>_<N>` of each colocated table). */
  tables: string[];
  rowCount: number;
  sizeBytes: number;
  /** A shard already being moved is left where it is. */
  moving: boolean;
}

export interface RebalanceNodeInput {
  nodeId: string;
  /** Writable (PRIMARY or STANDALONE) and up: only such nodes hold shard primaries. */
  writable: boolean;
}

export interface RebalancePlanInput {
  shards: readonly PlannedShard[];
  nodes: readonly RebalanceNodeInput[];
  strategy: RebalanceStrategy;
  /** Fraction of the average load a node may differ by; default the strategy's. */
  threshold?: number;
  /** Citus's `max_shard_moves`. */
  maxShardMoves: number;
  copyRateBytesPerSecond: number;
  /** Only shards of these groups move (all when absent). */
  groups?: readonly string[];
  /** Citus's `excluded_shard_list`. */
  excludedShardIds?: readonly string[];
}

export interface PlannedMove {
  shardId: string;
  group: string;
  tables: string[];
  sourceNodeId: string;
  targetNodeId: string;
  rows: number;
  bytes: number;
  /** bytes at the copy rate, in cluster milliseconds (the catch-up of writes during the copy comes on top). */
  estimatedDurationMs: number;
}

export interface NodeLoad {
  nodeId: string;
  shards: number;
  rows: number;
  bytes: number;
}

export interface RebalancePlan {
  strategy: RebalanceStrategy;
  threshold: number;
  moves: PlannedMove[];
  /** Per writable node, before and after the moves. */
  nodesBefore: NodeLoad[];
  nodesAfter: NodeLoad[];
  totalRows: number;
  totalBytes: number;
  estimatedDurationMs: number;
  /** True when, after the moves, every node is within the threshold (or no move can improve it further). */
  balanced: boolean;
}

const MAX_THRESHOLD = 1;

export function estimatedDurationMs(bytes: number, copyRateBytesPerSecond: number): number {
  return Math.ceil((bytes / copyRateBytesPerSecond) * 1000);
}

/** @throws DomainError UNPROCESSABLE for an unknown strategy or a threshold outside [0, 1]. */
export function planRebalance(input: RebalancePlanInput): RebalancePlan {
  const { strategy } = input;
  if (!REBALANCE_STRATEGIES.includes(strategy)) {
    throw new DomainError('UNPROCESSABLE', `Unknown rebalance strategy "${strategy}"; use one of ${REBALANCE_STRATEGIES.join(', ')}.`, { strategy });
  }
  const threshold = input.threshold ?? DEFAULT_THRESHOLDS[strategy];
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0 || threshold > MAX_THRESHOLD) {
    throw new DomainError('UNPROCESSABLE', `threshold must be a number from 0 to ${MAX_THRESHOLD}.`, { threshold });
  }
  const cost = (shard: PlannedShard): number => (strategy === 'by_shard_count' ? 1 : shard.sizeBytes);
  const writable = input.nodes
    .filter((node) => node.writable)
    .map((node) => node.nodeId)
    .sort(naturalCompare);
  const groups = input.groups === undefined ? null : new Set(input.groups);
  const excluded = new Set(input.excludedShardIds ?? []);
  const shardsOn = new Map<string, PlannedShard[]>(writable.map((nodeId) => [nodeId, []]));
  for (const shard of [...input.shards].sort((a, b) => naturalCompare(a.shardId, b.shardId))) {
    if (shard.primaryNodeId === null || !shardsOn.has(shard.primaryNodeId)) continue;
    if (groups !== null && !groups.has(shard.group)) continue;
    shardsOn.get(shard.primaryNodeId)!.push(shard);
  }
  const loadsOf = (): NodeLoad[] =>
    writable.map((nodeId) => {
      const shards = shardsOn.get(nodeId)!;
      return { nodeId, shards: shards.length, rows: sum(shards, (shard) => shard.rowCount), bytes: sum(shards, (shard) => shard.sizeBytes) };
    });
  const nodesBefore = loadsOf();
  const load = new Map(writable.map((nodeId) => [nodeId, sum(shardsOn.get(nodeId)!, cost)]));
  const total = sum(writable, (nodeId) => load.get(nodeId)!);
  const average = writable.length === 0 ? 0 : total / writable.length;
  const upper = average * (1 + threshold);
  const lower = average * (1 - threshold);
  const outside = () => writable.some((nodeId) => load.get(nodeId)! > upper || load.get(nodeId)! < lower);
  const moves: PlannedMove[] = [];
  while (moves.length < input.maxShardMoves && writable.length > 1 && outside()) {
    const byLoad = [...writable].sort((a, b) => load.get(b)! - load.get(a)! || naturalCompare(a, b));
    const move = bestMove(byLoad, load, shardsOn, cost, excluded);
    if (move === null) break;
    const { shard, from, to } = move;
    shardsOn.set(from, shardsOn.get(from)!.filter((candidate) => candidate !== shard));
    shardsOn.get(to)!.push(shard);
    load.set(from, load.get(from)! - cost(shard));
    load.set(to, load.get(to)! + cost(shard));
    moves.push({
      shardId: shard.shardId,
      group: shard.group,
      tables: [...shard.tables],
      sourceNodeId: from,
      targetNodeId: to,
      rows: shard.rowCount,
      bytes: shard.sizeBytes,
      estimatedDurationMs: estimatedDurationMs(shard.sizeBytes, input.copyRateBytesPerSecond),
    });
  }
  const totalBytes = sum(moves, (move) => move.bytes);
  return {
    strategy,
    threshold,
    moves,
    nodesBefore,
    nodesAfter: loadsOf(),
    totalRows: sum(moves, (move) => move.rows),
    totalBytes,
    estimatedDurationMs: sum(moves, (move) => move.estimatedDurationMs),
    balanced: !outside() || moves.length < input.maxShardMoves,
  };
}

/**
 * The move that best evens its two nodes: from the most loaded node that has one, the movable
 * shard whose cost is closest to half the gap (and below the gap, so the higher load drops), to the
 * least loaded node (the first in node order on a tie).
 */
function bestMove(
  byLoad: readonly string[],
  load: ReadonlyMap<string, number>,
  shardsOn: ReadonlyMap<string, PlannedShard[]>,
  cost: (shard: PlannedShard) => number,
  excluded: ReadonlySet<string>,
): { shard: PlannedShard; from: string; to: string } | null {
  const lowest = load.get(byLoad.at(-1)!)!;
  const to = byLoad.find((nodeId) => load.get(nodeId) === lowest)!;
  for (const from of byLoad) {
    if (from === to) break;
    const gap = load.get(from)! - load.get(to)!;
    // The best single move evens the pair: the cost closest to half the gap, then the smaller copy, then shard order.
    const best = shardsOn
      .get(from)!
      .filter((shard) => !shard.moving && !excluded.has(shard.shardId) && cost(shard) > 0 && cost(shard) < gap)
      .sort((a, b) => Math.abs(gap / 2 - cost(a)) - Math.abs(gap / 2 - cost(b)) || cost(a) - cost(b) || naturalCompare(a.shardId, b.shardId))[0];
    if (best !== undefined) return { shard: best, from, to };
  }
  return null;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}
