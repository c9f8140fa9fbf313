import { describe, expect, it } from 'vitest';
import type { NodeStatus } from '../../../src/engines/cluster/node-health.js';
import { copyHolders, initialPlacements, rebalancePlacements, type ShardPlacement } from '../../../src/engines/coordinator/shard-placement.js';
import { SeededRng } from '../../../src/engines/runtime/rng.js';
import { copiesByNode, expectBalanced, expectValidPlacements } from './placement-invariants.js';

type Node = { nodeId: string; status: NodeStatus };

const healthy = (count: number, from = 1): Node[] => Array.from({ length: count }, (_, index) => ({ nodeId: `node-${from + index}`, status: 'HEALTHY' }));
const shardIds = (count: number) => Array.from({ length: count }, (_, index) => `shard-${index + 1}`);
const instant = { replicationFactor: 3, nowMs: 1_000, shardMoveDurationMs: 0 };

describe('initialPlacements', () => {
  it.each<[number, number, number]>([
    [16, 3, 3],
    [16, 5, 3],
    [10, 4, 2],
    [7, 7, 1],
    [12, 2, 3],
  ])('%i shards on %i nodes with %i copies: balanced and valid', (shards, nodeCount, replicationFactor) => {
    const nodes = healthy(nodeCount);
    const placements = initialPlacements(shardIds(shards), nodes, replicationFactor);
    expectValidPlacements(placements, { nodes, replicationFactor });
    expectBalanced(placements, nodes);
  });

  it('gives each shard in turn to the nodes holding fewest copies, and copies nothing', () => {
    const placements = initialPlacements(shardIds(4), healthy(3), 2);
    // Ties on copies go to the node with fewer primaries, then to the first in id order.
    expect(placements.map((placement) => copyHolders(placement))).toEqual([
      ['node-1', 'node-2'],
      ['node-3', 'node-2'],
      ['node-1', 'node-3'],
      ['node-2', 'node-3'],
    ]);
    expect(placements.every((placement) => placement.pendingMoves.length === 0 && placement.lastMovedAtMs === null)).toBe(true);
  });

  it('leaves shards unplaced when there is no node, and skips DOWN nodes', () => {
    expect(initialPlacements(shardIds(2), [], 3).map((placement) => placement.primaryNodeId)).toEqual([null, null]);
    const placements = initialPlacements(shardIds(3), [{ nodeId: 'node-1', status: 'DOWN' }, ...healthy(2, 2)], 3);
    expect(copiesByNode(placements).has('node-1')).toBe(false);
  });
});

describe('rebalancePlacements', () => {
  it('a joining node takes exactly its fair share of copies, all moved to it, nothing moved between others', () => {
    const nodes = healthy(3);
    const before = initialPlacements(shardIds(12), nodes, 3);
    const joined = healthy(4);
    const { placements, moves, promotions } = rebalancePlacements(before, joined, instant);
    expectValidPlacements(placements, { nodes: joined, replicationFactor: 3 });
    expectBalanced(placements, joined);
    // 36 copies over 4 nodes: the new node takes 9, 3 of them primaries.
    expect(moves).toHaveLength(9);
    expect(moves.every((move) => move.toNodeId === 'node-4' && move.fromNodeId !== null)).toBe(true);
    expect(moves.filter((move) => move.role === 'PRIMARY')).toHaveLength(3);
    expect(promotions).toEqual([]);
    // Old nodes only lost copies.
    const beforeByNode = copiesByNode(before);
    for (const [nodeId, shards] of copiesByNode(placements)) {
      if (nodeId === 'node-4') continue;
      for (const shardId of shards) expect(beforeByNode.get(nodeId)!.has(shardId)).toBe(true);
    }
  });

  it('a leaving node\'s primaries pass to replicas and only its copies are re-made', () => {
    const nodes = healthy(5);
    const before = initialPlacements(shardIds(20), nodes, 3);
    const remaining = nodes.filter((node) => node.nodeId !== 'node-2');
    const { placements, moves, promotions } = rebalancePlacements(before, remaining, instant);
    expectValidPlacements(placements, { nodes: remaining, replicationFactor: 3 });
    expectBalanced(placements, remaining);
    const ledByLeaver = before.filter((placement) => placement.primaryNodeId === 'node-2').map((placement) => placement.shardId);
    // Each orphaned shard first gets a replica promoted (no copy) ...
    expect(promotions.filter((promotion) => promotion.formerPrimaryNodeId === 'node-2').map((promotion) => promotion.shardId)).toEqual(ledByLeaver);
    // ... and the copies re-made are exactly the 12 node-2 held (evening out primaries may swap roles, not copy).
    expect(moves).toHaveLength(copiesByNode(before).get('node-2')!.size);
    expect(moves.every((move) => move.role === 'REPLICA')).toBe(true);
    for (const placement of placements) {
      const previous = before.find((candidate) => candidate.shardId === placement.shardId)!;
      const kept = copyHolders(previous).filter((nodeId) => nodeId !== 'node-2');
      for (const nodeId of kept) expect(copyHolders(placement)).toContain(nodeId);
    }
  });

  it('gives a DOWN node nothing new but leaves it what it holds', () => {
    const nodes = healthy(3);
    const before = initialPlacements(shardIds(9), nodes, 2);
    const withDown: Node[] = [{ nodeId: 'node-1', status: 'DOWN' }, ...healthy(3, 2)];
    const { placements, moves } = rebalancePlacements(before, withDown, { ...instant, replicationFactor: 2 });
    expect(copiesByNode(placements).get('node-1')).toEqual(copiesByNode(before).get('node-1'));
    expect(moves.every((move) => move.toNodeId !== 'node-1')).toBe(true);
    expectBalanced(placements, withDown);
  });

  it('places unplaced shards on the first nodes to arrive, with nothing to copy', () => {
    const unplaced = initialPlacements(shardIds(4), [], 2);
    const nodes = healthy(2);
    const { placements, moves } = rebalancePlacements(unplaced, nodes, { replicationFactor: 2, nowMs: 5, shardMoveDurationMs: 1_000 });
    expectValidPlacements(placements, { nodes, replicationFactor: 2 });
    expectBalanced(placements, nodes);
    expect(moves.filter((move) => move.fromNodeId === null)).toHaveLength(4);
    // Replicas are copied from the new primaries, over time.
    expect(placements.every((placement) => placement.pendingMoves.length === 1 && placement.pendingMoves[0]!.role === 'REPLICA')).toBe(true);
  });

  it('records moves as pending for their duration, and leaves moving shards alone when evening out', () => {
    const before = initialPlacements(shardIds(8), healthy(2), 1);
    const first = rebalancePlacements(before, healthy(3), { replicationFactor: 1, nowMs: 100, shardMoveDurationMs: 500 });
    const moving = first.placements.filter((placement) => placement.pendingMoves.length > 0);
    expect(moving.length).toBe(first.moves.length);
    expect(first.moves.every((move) => move.completesAtMs === 600)).toBe(true);
    // Another join while those copies run: moving shards are not moved again.
    const second = rebalancePlacements(first.placements, healthy(4), { replicationFactor: 1, nowMs: 200, shardMoveDurationMs: 500 });
    const movedAgain = second.moves.filter((move) => moving.some((placement) => placement.shardId === move.shardId));
    expect(movedAgain).toEqual([]);
  });

  it('does not change its input', () => {
    const before = initialPlacements(shardIds(6), healthy(2), 2);
    const copy = structuredClone(before);
    rebalancePlacements(before, healthy(3), { ...instant, replicationFactor: 2 });
    expect(before).toEqual(copy);
  });

  it('keeps every rule through a seeded run of joins, leaves and status changes', () => {
    const rng = new SeededRng(20_240_611);
    const statuses: NodeStatus[] = ['HEALTHY', 'HEALTHY', 'HEALTHY', 'SUSPECTED', 'DOWN', 'RECOVERING'];
    let nodes: Node[] = healthy(3);
    let nextNumber = 4;
    let placements: ShardPlacement[] = initialPlacements(shardIds(24), nodes, 3);
    for (let step = 0; step < 300; step += 1) {
      const roll = rng.int(0, 10);
      if (roll < 3 && nodes.length < 9) nodes = [...nodes, { nodeId: `node-${nextNumber++}`, status: 'HEALTHY' }];
      else if (roll < 5 && nodes.length > 1) nodes = nodes.filter((node) => node !== rng.pick(nodes));
      else if (nodes.length > 0) {
        const changed = rng.pick(nodes);
        nodes = nodes.map((node) => (node === changed ? { ...node, status: rng.pick(statuses) } : node));
      }
      placements = rebalancePlacements(placements, nodes, { replicationFactor: 3, nowMs: step, shardMoveDurationMs: 0 }).placements;
      expectValidPlacements(placements, { nodes, replicationFactor: 3 });
      // What a DOWN node holds is frozen, so the others are balanced only while every node is up.
      if (nodes.every((node) => node.status !== 'DOWN')) expectBalanced(placements, nodes);
    }
  });
});
