/**
 * Where each shard's copies live, and how that changes when nodes join, leave or go DOWN. Pure
 * functions over plain records: the coordinator owns the state, these compute the next one.
 *
 * Goals, in order: every shard has a primary and (replicationFactor - 1) replicas on distinct
 * nodes; primaries are spread evenly (counts differ by at most one); all copies are spread evenly;
 * and as little data as possible is copied to get there. A replica that takes over as primary
 * (a promotion) copies nothing, so it is preferred to a move.
 */
import { assert } from '../runtime/domain-error.js';
import type { NodeStatus } from '../cluster/node-health.js';

export type CopyRole = 'PRIMARY' | 'REPLICA';

/** A copy of a shard being filled on a node. The placement already lists the node in its new role. */
export interface ShardMove {
  shardId: string;
  role: CopyRole;
  /**
   * Where the data comes from. For a PRIMARY it serves in the new node's place until the copy is
   * complete. Null when there is no source: the node left, or the shard had no copy anywhere.
   */
  fromNodeId: string | null;
  toNodeId: string;
  startedAtMs: number;
  completesAtMs: number;
}

/** A replica that became the primary: no data is copied. */
export interface Promotion {
  shardId: string;
  nodeId: string;
  /** The node that was primary: now a replica, or gone from the cluster. */
  formerPrimaryNodeId: string;
}

export interface ShardPlacement {
  shardId: string;
  /** Null only while no node can take the shard. */
  primaryNodeId: string | null;
  replicaNodeIds: string[];
  /** Copies still being filled; empty for an ACTIVE shard. */
  pendingMoves: ShardMove[];
  lastMovedAtMs: number | null;
}

export interface PlacementNode {
  nodeId: string;
  status: NodeStatus;
  /** Whether the node takes writes (replication's PRIMARY or STANDALONE); only such nodes hold primaries. Default true. */
  writable?: boolean;
}

export interface PlacementOptions {
  replicationFactor: number;
  nowMs: number;
  /** How long filling a copy takes; 0 fills it at once (no pending move). */
  shardMoveDurationMs: number;
}

export interface PlacementChanges {
  /** Copies started (or, with no duration, made) by this change. */
  moves: ShardMove[];
  promotions: Promotion[];
}

/** A DOWN node keeps what it holds but is given nothing new. */
export function canReceiveCopies(status: NodeStatus): boolean {
  return status !== 'DOWN';
}

/** Node ids holding a copy of the shard, primary first. */
export function copyHolders(placement: ShardPlacement): string[] {
  return placement.primaryNodeId === null ? [...placement.replicaNodeIds] : [placement.primaryNodeId, ...placement.replicaNodeIds];
}

/**
 * The first placement of `shardIds` over `nodes`: each shard in turn gets its primary and replicas
 * on the nodes holding fewest copies so far, then the counts are evened out. There is no data yet,
 * so nothing is copied and nothing is pending.
 */
export function initialPlacements(shardIds: readonly string[], nodes: readonly PlacementNode[], replicationFactor: number): ShardPlacement[] {
  const unplaced = shardIds.map((shardId) => ({ shardId, primaryNodeId: null, replicaNodeIds: [], pendingMoves: [], lastMovedAtMs: null }));
  const { placements } = rebalancePlacements(unplaced, nodes, { replicationFactor, nowMs: 0, shardMoveDurationMs: 0 });
  return placements.map((placement) => ({ ...placement, lastMovedAtMs: null }));
}

/**
 * The placement after membership or status changed: copies on departed nodes are dropped (a
 * replica is promoted where the primary left), missing copies are placed on the least loaded
 * nodes, then primaries and copies are evened out one move at a time. Shards with moves still
 * pending are only repaired, not rebalanced. Returns new records; the input is not changed.
 */
export function rebalancePlacements(
  current: readonly ShardPlacement[],
  nodes: readonly PlacementNode[],
  options: PlacementOptions,
): PlacementChanges & { placements: ShardPlacement[] } {
  return new Rebalance(current, nodes, options).run();
}

interface NodeLoad {
  primaries: number;
  copies: number;
}

class Rebalance {
  private readonly placements: ShardPlacement[];
  private readonly members: Set<string>;
  /** Nodes that may receive copies, in node-id order, with what they hold. */
  private readonly loads: Map<string, NodeLoad>;
  private readonly changes: PlacementChanges = { moves: [], promotions: [] };
  /** Nodes that may hold primaries: every node unless told it takes no writes. */
  private readonly writable: Set<string>;

  constructor(
    current: readonly ShardPlacement[],
    nodes: readonly PlacementNode[],
    private readonly options: PlacementOptions,
  ) {
    this.placements = current.map((placement) => structuredClone(placement));
    this.members = new Set(nodes.map((node) => node.nodeId));
    this.writable = new Set(nodes.filter((node) => node.writable !== false).map((node) => node.nodeId));
    this.loads = new Map(nodes.filter((node) => canReceiveCopies(node.status)).map((node) => [node.nodeId, { primaries: 0, copies: 0 }]));
  }

  run(): PlacementChanges & { placements: ShardPlacement[] } {
    for (const placement of this.placements) this.dropDeparted(placement);
    for (const placement of this.placements) {
      for (const nodeId of copyHolders(placement)) this.adjust(nodeId, nodeId === placement.primaryNodeId ? 1 : 0, 1);
    }
    for (const placement of this.placements) this.fill(placement);
    for (const placement of this.placements) this.rehomeReadOnlyPrimary(placement);
    this.evenOutPrimaries();
    this.evenOutCopies();
    return { placements: this.placements, ...this.changes };
  }

  private dropDeparted(placement: ShardPlacement): void {
    placement.pendingMoves = placement.pendingMoves
      .filter((move) => this.members.has(move.toNodeId))
      .map((move) => (move.fromNodeId !== null && !this.members.has(move.fromNodeId) ? { ...move, fromNodeId: null } : move));
    placement.replicaNodeIds = placement.replicaNodeIds.filter((nodeId) => this.members.has(nodeId));
    const departed = placement.primaryNodeId;
    if (departed === null || this.members.has(departed)) return;
    placement.primaryNodeId = null;
    // The heir: a replica already complete, on a node that can serve; failing that, any replica.
    const filling = new Set(placement.pendingMoves.map((move) => move.toNodeId));
    const replicas = placement.replicaNodeIds;
    const heir =
      replicas.find((nodeId) => !filling.has(nodeId) && this.loads.has(nodeId) && this.writable.has(nodeId)) ??
      replicas.find((nodeId) => !filling.has(nodeId) && this.loads.has(nodeId)) ??
      replicas.find((nodeId) => !filling.has(nodeId)) ??
      replicas[0];
    if (heir === undefined) return;
    placement.replicaNodeIds = replicas.filter((nodeId) => nodeId !== heir);
    placement.primaryNodeId = heir;
    placement.pendingMoves = placement.pendingMoves.map((move) => (move.toNodeId === heir ? { ...move, role: 'PRIMARY' } : move));
    this.changes.promotions.push({ shardId: placement.shardId, nodeId: heir, formerPrimaryNodeId: departed });
  }

  private fill(placement: ShardPlacement): void {
    if (placement.primaryNodeId === null) {
      const target = this.leastLoaded(copyHolders(placement), true);
      if (target === undefined) return;
      placement.primaryNodeId = target;
      this.adjust(target, 1, 1);
      this.startMove(placement, 'PRIMARY', null, target);
    }
    const reachable = new Set([...this.loads.keys(), ...copyHolders(placement)]).size;
    const wantedReplicas = Math.min(this.options.replicationFactor, reachable) - 1;
    while (placement.replicaNodeIds.length > wantedReplicas) {
      const dropped = placement.replicaNodeIds.pop()!;
      placement.pendingMoves = placement.pendingMoves.filter((move) => move.toNodeId !== dropped);
      this.adjust(dropped, 0, -1);
    }
    while (placement.replicaNodeIds.length < wantedReplicas) {
      const target = this.leastLoaded(copyHolders(placement));
      if (target === undefined) return;
      placement.replicaNodeIds.push(target);
      this.adjust(target, 0, 1);
      this.startMove(placement, 'REPLICA', placement.primaryNodeId, target);
    }
  }

  /** Moves one primary at a time from the node with most to the node with fewest, until they differ by at most one. */
  private evenOutPrimaries(): void {
    for (let guard = 0; guard <= this.placements.length; guard += 1) {
      const [most, fewest] = this.extremes((load) => load.primaries, this.writable);
      if (most === undefined || fewest === undefined || this.loads.get(most)!.primaries - this.loads.get(fewest)!.primaries <= 1) return;
      const movable = this.placements.filter((placement) => placement.primaryNodeId === most && placement.pendingMoves.length === 0);
      // A shard whose replica is already on the lighter node changes hands without copying data.
      const promotable = movable.find((placement) => placement.replicaNodeIds.includes(fewest));
      if (promotable !== undefined) {
        this.promote(promotable, most, fewest);
        continue;
      }
      const moved = movable.find((placement) => !placement.replicaNodeIds.includes(fewest));
      if (moved === undefined) return;
      moved.primaryNodeId = fewest;
      this.adjust(most, -1, -1);
      this.adjust(fewest, 1, 1);
      this.startMove(moved, 'PRIMARY', most, fewest);
    }
  }

  /** Moves one replica at a time from the node with most copies to the node with fewest. */
  private evenOutCopies(): void {
    const bound = this.placements.length * this.options.replicationFactor;
    for (let guard = 0; guard <= bound; guard += 1) {
      const [most, fewest] = this.extremes((load) => load.copies);
      if (most === undefined || fewest === undefined || this.loads.get(most)!.copies - this.loads.get(fewest)!.copies <= 1) return;
      const moved = this.placements.find(
        (placement) => placement.pendingMoves.length === 0 && placement.replicaNodeIds.includes(most) && !copyHolders(placement).includes(fewest),
      );
      if (moved === undefined) return;
      moved.replicaNodeIds = moved.replicaNodeIds.map((nodeId) => (nodeId === most ? fewest : nodeId));
      this.adjust(most, 0, -1);
      this.adjust(fewest, 0, 1);
      this.startMove(moved, 'REPLICA', most, fewest);
    }
  }

  private startMove(placement: ShardPlacement, role: CopyRole, fromNodeId: string | null, toNodeId: string): void {
    const { nowMs, shardMoveDurationMs } = this.options;
    // With no source there is nothing to copy: the copy starts empty, at once.
    const durationMs = fromNodeId === null ? 0 : shardMoveDurationMs;
    const move: ShardMove = { shardId: placement.shardId, role, fromNodeId, toNodeId, startedAtMs: nowMs, completesAtMs: nowMs + durationMs };
    if (durationMs > 0) placement.pendingMoves.push(move);
    placement.lastMovedAtMs = nowMs;
    this.changes.moves.push(move);
  }

  /**
   * A primary on a node that takes no writes passes to a writable replica (no copy), else moves to
   * the least loaded writable node; with no writable node it stays.
   */
  private rehomeReadOnlyPrimary(placement: ShardPlacement): void {
    const current = placement.primaryNodeId;
    if (current === null || this.writable.has(current) || placement.pendingMoves.length > 0) return;
    const heir = placement.replicaNodeIds.find((nodeId) => this.writable.has(nodeId) && this.loads.has(nodeId));
    if (heir !== undefined) {
      this.promote(placement, current, heir);
      return;
    }
    const target = this.leastLoaded(copyHolders(placement), true);
    if (target === undefined) return;
    placement.primaryNodeId = target;
    this.adjust(current, -1, -1);
    this.adjust(target, 1, 1);
    this.startMove(placement, 'PRIMARY', current, target);
  }

  /** The replica on `heir` becomes the primary and the primary on `former` its replica: no data is copied. */
  private promote(placement: ShardPlacement, former: string, heir: string): void {
    placement.replicaNodeIds = placement.replicaNodeIds.map((nodeId) => (nodeId === heir ? former : nodeId));
    placement.primaryNodeId = heir;
    this.adjust(former, -1, 0);
    this.adjust(heir, 1, 0);
    this.changes.promotions.push({ shardId: placement.shardId, nodeId: heir, formerPrimaryNodeId: former });
  }

  /** The receiving node with fewest copies, then fewest primaries, then first in id order, skipping `excluded` (and, for a primary, nodes that take no writes). */
  private leastLoaded(excluded: readonly string[], forPrimary = false): string | undefined {
    let best: string | undefined;
    for (const [nodeId, load] of this.loads) {
      if (excluded.includes(nodeId) || (forPrimary && !this.writable.has(nodeId))) continue;
      const bestLoad = best === undefined ? undefined : this.loads.get(best)!;
      if (bestLoad === undefined || load.copies < bestLoad.copies || (load.copies === bestLoad.copies && load.primaries < bestLoad.primaries)) best = nodeId;
    }
    return best;
  }

  /** [first node with the highest count, first node with the lowest count], in node-id order, among `among` when given. */
  private extremes(count: (load: NodeLoad) => number, among?: ReadonlySet<string>): [string | undefined, string | undefined] {
    let most: string | undefined;
    let fewest: string | undefined;
    for (const [nodeId, load] of this.loads) {
      if (among !== undefined && !among.has(nodeId)) continue;
      if (most === undefined || count(load) > count(this.loads.get(most)!)) most = nodeId;
      if (fewest === undefined || count(load) < count(this.loads.get(fewest)!)) fewest = nodeId;
    }
    return [most, fewest];
  }

  /** Counts only nodes that may receive copies: what a DOWN node holds does not weigh in the balance. */
  private adjust(nodeId: string, primaries: number, copies: number): void {
    const load = this.loads.get(nodeId);
    if (load === undefined) return;
    load.primaries += primaries;
    load.copies += copies;
    assert(load.primaries >= 0 && load.copies >= load.primaries, `load of ${nodeId} stays consistent`);
  }
}
