/** Checks every placement rule the coordinator promises, for the placement tests. */
import { expect } from 'vitest';
import type { NodeStatus } from '../../../src/engines/cluster/node-health.js';
import { canReceiveCopies, copyHolders, type ShardPlacement } from '../../../src/engines/coordinator/shard-placement.js';

export interface PlacementNodes {
  nodes: readonly { nodeId: string; status: NodeStatus }[];
  replicationFactor: number;
}

/** Copies are distinct, on members, as many as the cluster allows; pending moves go to holders. */
export function expectValidPlacements(placements: readonly ShardPlacement[], { nodes, replicationFactor }: PlacementNodes): void {
  const members = new Set(nodes.map((node) => node.nodeId));
  const receivers = nodes.filter((node) => canReceiveCopies(node.status)).map((node) => node.nodeId);
  for (const placement of placements) {
    const holders = copyHolders(placement);
    expect(new Set(holders).size, `${placement.shardId} copies are distinct`).toBe(holders.length);
    for (const nodeId of holders) expect(members.has(nodeId), `${placement.shardId} copy on member ${nodeId}`).toBe(true);
    const reachable = new Set([...receivers, ...holders]).size;
    expect(holders.length, `${placement.shardId} has its copies`).toBe(receivers.length === 0 ? holders.length : Math.min(replicationFactor, reachable));
    if (receivers.length > 0) expect(placement.primaryNodeId, `${placement.shardId} has a primary`).not.toBeNull();
    for (const move of placement.pendingMoves) expect(holders, `${placement.shardId} move target holds a copy`).toContain(move.toNodeId);
  }
}

/** Primaries, and all copies, differ by at most one between the nodes that can receive copies. */
export function expectBalanced(placements: readonly ShardPlacement[], nodes: readonly { nodeId: string; status: NodeStatus }[]): void {
  const receivers = nodes.filter((node) => canReceiveCopies(node.status)).map((node) => node.nodeId);
  const primaries = receivers.map((nodeId) => placements.filter((placement) => placement.primaryNodeId === nodeId).length);
  const copies = receivers.map((nodeId) => placements.filter((placement) => copyHolders(placement).includes(nodeId)).length);
  expect(Math.max(...primaries) - Math.min(...primaries), `primaries ${primaries.join(',')}`).toBeLessThanOrEqual(1);
  expect(Math.max(...copies) - Math.min(...copies), `copies ${copies.join(',')}`).toBeLessThanOrEqual(1);
}

/** Number of copies each node holds. */
export function copiesByNode(placements: readonly ShardPlacement[]): Map<string, Set<string>> {
  const byNode = new Map<string, Set<string>>();
  for (const placement of placements) {
    for (const nodeId of copyHolders(placement)) {
      const shards = byNode.get(nodeId) ?? new Set<string>();
      shards.add(placement.shardId);
      byNode.set(nodeId, shards);
    }
  }
  return byNode;
}
