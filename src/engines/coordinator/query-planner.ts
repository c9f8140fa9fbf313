/**
 * Plans a distributed query: which shards and nodes the coordinator would contact, in which
 * phases, under an execution strategy and the current placement. A pure function: it plans, it
 * does not run SQL.
 */
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { NodeStatus } from '../cluster/node-health.js';
import type { ExecutionStrategy } from './execution-strategy.js';
import { copyHolders, type CopyRole, type ShardPlacement } from './shard-placement.js';
import type { TokenRange } from './shard-ranges.js';

/** Most shard keys one query may name. */
export const MAX_QUERY_SHARD_KEYS = 1000;
/** Longest SQL text accepted, in characters. */
export const MAX_SQL_LENGTH = 100_000;

export type QueryOperation = 'READ' | 'WRITE';

export interface DistributedQuery {
  /** Only read for its first keyword (SELECT, WITH, SHOW, EXPLAIN, VALUES, TABLE read; the rest write). */
  sql?: string;
  /** Keys of the shard key the query pins (an equality or IN list). */
  shardKeys?: string[];
  /** A slice of the hash space the query is limited to; start after end wraps. */
  tokenRange?: TokenRange;
  /** Overrides what the SQL says; READ when there is neither. */
  operation?: QueryOperation;
  /** The node the coordinator runs on; LOCAL_FIRST needs it. */
  localNodeId?: string;
}

export interface PlanStep {
  nodeId: string;
  /** The shards this node answers for, and as which copy. */
  shards: { shardId: string; copy: CopyRole }[];
}

export type PhaseName = 'EXECUTE' | 'SCATTER' | 'GATHER' | 'LOCAL' | 'REMOTE' | 'MERGE' | 'ACK';

export interface PlanPhase {
  /** 1-based; a phase starts when the one before it has finished. */
  phase: number;
  name: PhaseName;
  description: string;
  /** Requests sent in parallel; empty for a phase run by the coordinator alone. */
  steps: PlanStep[];
}

export interface QueryPlan {
  strategy: ExecutionStrategy;
  operation: QueryOperation;
  /** Shards the query needs, in shard order. */
  targetShardIds: string[];
  phases: PlanPhase[];
  /** Nodes sent a request, in node-id order. */
  nodesContacted: string[];
  /** Requests sent to nodes over all phases. */
  requestCount: number;
  /** Target shards no reachable node can answer for; the query would return partial results or fail. */
  unavailableShardIds: string[];
  complete: boolean;
}

export interface PlanningInput {
  strategy: ExecutionStrategy;
  query: DistributedQuery;
  /** Every shard's placement, in shard order. */
  placements: readonly ShardPlacement[];
  /** Members and their status, in node-id order. */
  nodes: ReadonlyMap<string, NodeStatus>;
  /** Index (into `placements`) of the shard owning a key, and of the shards overlapping a range. */
  shardIndexOfKey: (key: string) => number;
  shardIndexesOfRange: (range: TokenRange) => number[];
}

const READ_KEYWORDS = new Set(['SELECT', 'WITH', 'SHOW', 'EXPLAIN', 'VALUES', 'TABLE']);

/** READ or WRITE from the SQL's first keyword (leading comments and parentheses skipped). */
export function operationOfSql(sql: string): QueryOperation {
  const withoutComments = sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*/, '');
  const keyword = /^[A-Za-z]+/.exec(withoutComments)?.[0]?.toUpperCase();
  return keyword !== undefined && READ_KEYWORDS.has(keyword) ? 'READ' : 'WRITE';
}

export function planQuery(input: PlanningInput): QueryPlan {
  const { strategy, query, placements, nodes } = input;
  checkQuery(query, nodes);
  const operation = query.operation ?? (query.sql === undefined ? 'READ' : operationOfSql(query.sql));
  const pruned = prunedShardIndexes(input);
  if (strategy === 'ROUTED' && pruned === null) {
    throw new DomainError('UNPROCESSABLE', 'The ROUTED strategy needs shardKeys or a tokenRange to route by.');
  }
  if (strategy === 'LOCAL_FIRST' && query.localNodeId === undefined) {
    throw new DomainError('UNPROCESSABLE', 'The LOCAL_FIRST strategy needs the localNodeId the coordinator runs on.');
  }
  // Scatter-gather and broadcast contact every shard by definition; the others prune.
  const prunes = strategy === 'ROUTED' || strategy === 'LOCAL_FIRST';
  const targetPlacements = prunes && pruned !== null ? pruned.map((index) => placements[index]!) : [...placements];
  const unavailable: string[] = [];
  const phases: Omit<PlanPhase, 'phase'>[] = [];

  if (strategy === 'BROADCAST') {
    const reachable = [...nodes].filter(([, status]) => status !== 'DOWN').map(([nodeId]) => nodeId);
    const steps = reachable.map((nodeId) => ({ nodeId, shards: shardsHeldBy(nodeId, targetPlacements) }));
    for (const placement of targetPlacements) {
      if (!steps.some((step) => step.shards.some((shard) => shard.shardId === placement.shardId))) unavailable.push(placement.shardId);
    }
    phases.push({ name: 'EXECUTE', description: `Run once on each of the ${counted(steps.length, 'reachable member node')}.`, steps });
    phases.push({ name: 'ACK', description: `Wait for ${counted(steps.length, 'acknowledgement')} at the coordinator.`, steps: [] });
  } else {
    const local: ServingCopy[] = [];
    const remote: ServingCopy[] = [];
    for (const placement of targetPlacements) {
      const localCopy = strategy === 'LOCAL_FIRST' ? localCopyOf(placement, query.localNodeId!, operation, nodes) : null;
      const serving = localCopy ?? servingCopyOf(placement, operation, nodes);
      if (serving === null) unavailable.push(placement.shardId);
      else (localCopy !== null ? local : remote).push(serving);
    }
    const partials = local.length + remote.length;
    if (strategy === 'SCATTER_GATHER') {
      phases.push({ name: 'SCATTER', description: `Send to the ${counted(partials, 'available shard')}, one request per node.`, steps: stepsOf(remote) });
      phases.push({ name: 'GATHER', description: `Merge ${counted(partials, 'partial result')} at the coordinator.`, steps: [] });
    } else if (strategy === 'ROUTED') {
      phases.push({ name: 'EXECUTE', description: `Route to the ${counted(partials, 'shard')} owning the keys.`, steps: stepsOf(remote) });
      if (partials > 1) phases.push({ name: 'MERGE', description: `Merge ${counted(partials, 'partial result')} at the coordinator.`, steps: [] });
    } else {
      phases.push({ name: 'LOCAL', description: `Answer ${counted(local.length, 'shard')} from copies on ${query.localNodeId!}.`, steps: stepsOf(local) });
      phases.push({ name: 'REMOTE', description: `Fetch ${counted(remote.length, 'shard')} from other nodes.`, steps: stepsOf(remote) });
      phases.push({ name: 'MERGE', description: `Merge ${counted(partials, 'partial result')} at the coordinator.`, steps: [] });
    }
  }

  // A phase with nothing to send is dropped, unless it is the coordinator's own (merge, ack).
  const kept = phases.filter((phase) => phase.steps.length > 0 || ['GATHER', 'MERGE', 'ACK'].includes(phase.name));
  const numbered = kept.map((phase, index) => ({ phase: index + 1, ...phase }));
  const contacted = new Set(numbered.flatMap((phase) => phase.steps.map((step) => step.nodeId)));
  return {
    strategy,
    operation,
    targetShardIds: targetPlacements.map((placement) => placement.shardId),
    phases: numbered,
    nodesContacted: [...contacted].sort(naturalCompare),
    requestCount: numbered.reduce((sum, phase) => sum + phase.steps.length, 0),
    unavailableShardIds: unavailable,
    complete: unavailable.length === 0,
  };
}

interface ServingCopy {
  shardId: string;
  nodeId: string;
  copy: CopyRole;
}

function checkQuery(query: DistributedQuery, nodes: ReadonlyMap<string, NodeStatus>): void {
  const problems: string[] = [];
  if (query.sql !== undefined && query.sql.length > MAX_SQL_LENGTH) problems.push(`sql must be at most ${MAX_SQL_LENGTH} characters`);
  if (query.shardKeys !== undefined && (query.shardKeys.length === 0 || query.shardKeys.length > MAX_QUERY_SHARD_KEYS)) {
    problems.push(`shardKeys must list 1 to ${MAX_QUERY_SHARD_KEYS} keys`);
  }
  if (query.shardKeys !== undefined && query.tokenRange !== undefined) problems.push('give shardKeys or a tokenRange, not both');
  if (query.tokenRange !== undefined) {
    for (const token of [query.tokenRange.startToken, query.tokenRange.endToken]) {
      if (!Number.isSafeInteger(token) || token < 0 || token > 0xffff_ffff) problems.push('tokenRange bounds must be unsigned 32-bit integers');
    }
  }
  if (query.operation !== undefined && query.operation !== 'READ' && query.operation !== 'WRITE') problems.push('operation must be READ or WRITE');
  if (query.localNodeId !== undefined && !nodes.has(query.localNodeId)) problems.push(`localNodeId "${query.localNodeId}" is not a member node`);
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid query: ${[...new Set(problems)].join('; ')}.`, { problems: [...new Set(problems)] });
}

/** Indexes of the shards the query's keys or range pin, in shard order; null when it pins none. */
function prunedShardIndexes(input: PlanningInput): number[] | null {
  const { shardKeys, tokenRange } = input.query;
  if (shardKeys !== undefined) return [...new Set(shardKeys.map(input.shardIndexOfKey))].sort((a, b) => a - b);
  if (tokenRange !== undefined) return input.shardIndexesOfRange(tokenRange);
  return null;
}

/**
 * 0 for a node that answers (HEALTHY, RECOVERING), 1 for one that may (SUSPECTED, INITIALIZING),
 * null for one that cannot (DOWN, or not a member).
 */
function availabilityRank(status: NodeStatus | undefined): 0 | 1 | null {
  if (status === 'HEALTHY' || status === 'RECOVERING') return 0;
  if (status === 'SUSPECTED' || status === 'INITIALIZING') return 1;
  return null;
}

/**
 * Who answers for a shard: the primary, or for a read a replica when the primary cannot. A copy
 * still being filled is answered for by the node it is copied from.
 */
function servingCopyOf(placement: ShardPlacement, operation: QueryOperation, nodes: ReadonlyMap<string, NodeStatus>): ServingCopy | null {
  const candidates: ServingCopy[] = [];
  for (const nodeId of copyHolders(placement)) {
    const copy: CopyRole = nodeId === placement.primaryNodeId ? 'PRIMARY' : 'REPLICA';
    if (operation === 'WRITE' && copy === 'REPLICA') continue;
    const filling = placement.pendingMoves.find((move) => move.toNodeId === nodeId);
    const answering = filling === undefined ? nodeId : filling.fromNodeId;
    if (answering !== null && !candidates.some((candidate) => candidate.nodeId === answering)) candidates.push({ shardId: placement.shardId, nodeId: answering, copy });
  }
  for (const rank of [0, 1] as const) {
    const found = candidates.find((candidate) => availabilityRank(nodes.get(candidate.nodeId)) === rank);
    if (found !== undefined) return found;
  }
  return null;
}

/** The local node's own complete copy of the shard, if it can answer this operation from it. */
function localCopyOf(placement: ShardPlacement, localNodeId: string, operation: QueryOperation, nodes: ReadonlyMap<string, NodeStatus>): ServingCopy | null {
  if (availabilityRank(nodes.get(localNodeId)) === null) return null;
  if (placement.pendingMoves.some((move) => move.toNodeId === localNodeId)) return null;
  const copy: CopyRole | null = placement.primaryNodeId === localNodeId ? 'PRIMARY' : placement.replicaNodeIds.includes(localNodeId) ? 'REPLICA' : null;
  if (copy === null || (operation === 'WRITE' && copy === 'REPLICA')) return null;
  return { shardId: placement.shardId, nodeId: localNodeId, copy };
}

function shardsHeldBy(nodeId: string, placements: readonly ShardPlacement[]): PlanStep['shards'] {
  return placements.flatMap<PlanStep['shards'][number]>((placement) => {
    if (placement.pendingMoves.some((move) => move.toNodeId === nodeId)) return [];
    if (placement.primaryNodeId === nodeId) return [{ shardId: placement.shardId, copy: 'PRIMARY' }];
    return placement.replicaNodeIds.includes(nodeId) ? [{ shardId: placement.shardId, copy: 'REPLICA' }] : [];
  });
}

/** One step per node, in node-id order, each with its shards in shard order. */
function stepsOf(copies: readonly ServingCopy[]): PlanStep[] {
  const byNode = new Map<string, PlanStep>();
  for (const { shardId, nodeId, copy } of copies) {
    const step = byNode.get(nodeId) ?? { nodeId, shards: [] };
    step.shards.push({ shardId, copy });
    byNode.set(nodeId, step);
  }
  return [...byNode.values()].sort((a, b) => naturalCompare(a.nodeId, b.nodeId));
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
