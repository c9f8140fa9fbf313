import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planRebalance, type PlannedShard } from '../../../src/engines/sharding/rebalance-plan.js';

const nodes = (count: number, down: string[] = []) => Array.from({ length: count }, (_, index) => ({ nodeId: `node-${index + 1}`, writable: !down.includes(`node-${index + 1}`) }));

function shard(number: number, nodeId: string, sizeBytes = 1000, group = 'default'): PlannedShard {
  return { shardId: `shard-${number}`, group, primaryNodeId: nodeId, tables: [`orders_${number}`, `items_${number}`], rowCount: sizeBytes / 10, sizeBytes, moving: false };
}

describe('rebalance planning', () => {
  test('by_shard_count evens shards across writable nodes; colocated tables move together; duration at the copy rate', () => {
    const shards = [1, 2, 3, 4, 5, 6].map((number) => shard(number, 'node-1', 2000));
    const plan = planRebalance({ shards, nodes: nodes(3), strategy: 'by_shard_count', maxShardMoves: 100, copyRateBytesPerSecond: 1000 });
    expect(plan.threshold).toBe(0);
    expect(plan.moves.map((move) => [move.shardId, move.sourceNodeId, move.targetNodeId])).toEqual([
      ['shard-1', 'node-1', 'node-2'],
      ['shard-2', 'node-1', 'node-3'],
      ['shard-3', 'node-1', 'node-2'],
      ['shard-4', 'node-1', 'node-3'],
    ]);
    expect(plan.moves[0]).toMatchObject({ tables: ['orders_1', 'items_1'], rows: 200, bytes: 2000, estimatedDurationMs: 2000 });
    expect(plan.nodesAfter.map((node) => node.shards)).toEqual([2, 2, 2]);
    expect(plan).toMatchObject({ totalBytes: 8000, estimatedDurationMs: 8000, balanced: true });
  });

  test('by_disk_size evens bytes within the threshold and leaves a balanced cluster alone', () => {
    const shards = [shard(1, 'node-1', 9000), shard(2, 'node-1', 1000), shard(3, 'node-1', 1000), shard(4, 'node-2', 1000)];
    const plan = planRebalance({ shards, nodes: nodes(2), strategy: 'by_disk_size', maxShardMoves: 100, copyRateBytesPerSecond: 1000 });
    expect(plan.threshold).toBe(0.1);
    expect(plan.moves.map((move) => move.shardId)).toEqual(['shard-2', 'shard-3']);
    expect(plan.nodesAfter.map((node) => node.bytes)).toEqual([9000, 3000]);
    // No single move can even 9000 against 3000 further: the plan stops, and says so.
    expect(plan.balanced).toBe(true);
    const even = planRebalance({ shards: [shard(1, 'node-1'), shard(2, 'node-2')], nodes: nodes(2), strategy: 'by_disk_size', maxShardMoves: 100, copyRateBytesPerSecond: 1000 });
    expect(even.moves).toEqual([]);
  });

  test('only writable nodes receive shards; moving and excluded shards stay; max_shard_moves bounds the plan', () => {
    const shards = [1, 2, 3, 4].map((number) => shard(number, 'node-1'));
    shards[0]!.moving = true;
    const plan = planRebalance({ shards, nodes: nodes(3, ['node-3']), strategy: 'by_shard_count', maxShardMoves: 100, copyRateBytesPerSecond: 1000, excludedShardIds: ['shard-2'] });
    expect(plan.moves.map((move) => [move.shardId, move.targetNodeId])).toEqual([
      ['shard-3', 'node-2'],
      ['shard-4', 'node-2'],
    ]);
    const bounded = planRebalance({ shards: [1, 2, 3, 4].map((number) => shard(number, 'node-1')), nodes: nodes(4), strategy: 'by_shard_count', maxShardMoves: 1, copyRateBytesPerSecond: 1000 });
    expect(bounded.moves).toHaveLength(1);
    expect(bounded.balanced).toBe(false);
  });

  test('bad strategies and thresholds are refused', () => {
    const input = { shards: [], nodes: nodes(2), maxShardMoves: 1, copyRateBytesPerSecond: 1 };
    expect(() => planRebalance({ ...input, strategy: 'by_luck' as never })).toThrow(/Unknown rebalance strategy "by_luck"/);
    expect(() => planRebalance({ ...input, strategy: 'by_disk_size', threshold: 2 })).toThrow(/threshold must be a number from 0 to 1/);
  });

  test('law: planning is deterministic, every move goes from a shard’s node to another writable node, and by_shard_count ends within one shard', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 50_000 })), { maxLength: 40 }), (nodeCount, placed) => {
        const shards = placed.map(([node, size], index) => shard(index + 1, `node-${Math.min(node, nodeCount)}`, size));
        const input = { shards, nodes: nodes(nodeCount), strategy: 'by_shard_count' as const, maxShardMoves: 1000, copyRateBytesPerSecond: 1000 };
        const plan = planRebalance(input);
        expect(planRebalance(input)).toEqual(plan);
        const where = new Map(shards.map((candidate) => [candidate.shardId, candidate.primaryNodeId]));
        for (const move of plan.moves) {
          expect(move.sourceNodeId).toBe(where.get(move.shardId));
          expect(move.targetNodeId).not.toBe(move.sourceNodeId);
          where.set(move.shardId, move.targetNodeId);
        }
        const counts = plan.nodesAfter.map((node) => node.shards);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        expect(plan.nodesAfter.reduce((sum, node) => sum + node.bytes, 0)).toBe(shards.reduce((sum, candidate) => sum + candidate.sizeBytes, 0));
      }),
      { seed: 14, numRuns: 100 },
    );
  });
});
