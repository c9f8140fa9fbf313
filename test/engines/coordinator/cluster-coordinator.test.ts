import { describe, expect, it } from 'vitest';
import { ClusterCoordinator } from '../../../src/engines/coordinator/cluster-coordinator.js';
import { validateCoordinatorConfig } from '../../../src/engines/coordinator/coordinator-config.js';
import { HASH_SPACE_SIZE } from '../../../src/engines/dht/hash-function.js';
import { SeededRng } from '../../../src/engines/runtime/rng.js';
import { expectBalanced, expectValidPlacements } from './placement-invariants.js';

const domainError = (code: string) => expect.objectContaining({ name: 'DomainError', code });
const nodesNamed = (...nodeIds: string[]) => nodeIds.map((nodeId) => ({ nodeId }));

describe('ClusterCoordinator shards', () => {
  it('cuts the hash space into shards placed evenly over the nodes', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 8, replicationFactor: 2 }, nodesNamed('node-1', 'node-2', 'node-3', 'node-4'));
    const shards = coordinator.shards();
    expect(shards.map((shard) => shard.shardId)).toEqual(['shard-1', 'shard-2', 'shard-3', 'shard-4', 'shard-5', 'shard-6', 'shard-7', 'shard-8']);
    expect(shards[0]).toMatchObject({ startToken: 0, endToken: HASH_SPACE_SIZE / 8 - 1, state: 'ACTIVE', pendingMoves: [], lastMovedAtMs: null });
    expect(shards.at(-1)!.endToken).toBe(HASH_SPACE_SIZE - 1);
    expect(coordinator.nodes()).toEqual([
      { nodeId: 'node-1', status: 'HEALTHY', primaryShards: 2, replicaShards: 2, incomingMoves: 0, outgoingMoves: 0 },
      { nodeId: 'node-2', status: 'HEALTHY', primaryShards: 2, replicaShards: 2, incomingMoves: 0, outgoingMoves: 0 },
      { nodeId: 'node-3', status: 'HEALTHY', primaryShards: 2, replicaShards: 2, incomingMoves: 0, outgoingMoves: 0 },
      { nodeId: 'node-4', status: 'HEALTHY', primaryShards: 2, replicaShards: 2, incomingMoves: 0, outgoingMoves: 0 },
    ]);
  });

  it('finds the shard of a shard key by its token', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 16 }, nodesNamed('node-1', 'node-2', 'node-3'));
    const shard = coordinator.shardOfKey('customer:42');
    expect(coordinator.shardOfKey('customer:42')).toEqual(shard);
    const hits = new Set(Array.from({ length: 500 }, (_, index) => coordinator.shardOfKey(`customer:${index}`).shardId));
    expect(hits.size).toBe(16);
  });

  it('assigns a shard to a node holding a replica by promoting it', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 4, replicationFactor: 2 }, nodesNamed('node-1', 'node-2', 'node-3'));
    const before = coordinator.shard('shard-1');
    const replica = before.replicaNodeIds[0]!;
    const result = coordinator.assign('shard-1', replica, 1_000);
    expect(result.move).toBeNull();
    expect(result.promotion).toEqual({ shardId: 'shard-1', nodeId: replica, formerPrimaryNodeId: before.primaryNodeId });
    expect(result.shard).toMatchObject({ state: 'ACTIVE', primaryNodeId: replica, replicaNodeIds: [before.primaryNodeId] });
  });

  it('assigns a shard to a node without a copy by moving it: MOVING until the copy completes', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 3, replicationFactor: 1, shardMoveDurationMs: 2_000 }, nodesNamed('node-1', 'node-2', 'node-3'));
    const former = coordinator.shard('shard-1').primaryNodeId!;
    const target = ['node-1', 'node-2', 'node-3'].find((nodeId) => nodeId !== former)!;
    const { shard, move } = coordinator.assign('shard-1', target, 10_000);
    expect(move).toEqual({ shardId: 'shard-1', role: 'PRIMARY', fromNodeId: former, toNodeId: target, startedAtMs: 10_000, completesAtMs: 12_000 });
    expect(shard).toMatchObject({ state: 'REBALANCING', primaryNodeId: target, lastMovedAtMs: 10_000 });
    expect(coordinator.nodes().find((node) => node.nodeId === target)).toMatchObject({ incomingMoves: 1 });
    expect(coordinator.nodes().find((node) => node.nodeId === former)).toMatchObject({ outgoingMoves: 1 });
    // Until the copy completes, the former primary answers for the shard.
    expect(coordinator.plan({ shardKeys: [keyOfShard(coordinator, 'shard-1')] }, 'ROUTED').phases[0]!.steps).toEqual([
      { nodeId: former, shards: [{ shardId: 'shard-1', copy: 'PRIMARY' }] },
    ]);
    expect(() => coordinator.assign('shard-1', former, 10_500)).toThrow(domainError('CONFLICT'));

    expect(coordinator.tick(11_999)).toEqual([]);
    expect(coordinator.tick(12_000)).toEqual([move]);
    expect(coordinator.shard('shard-1')).toMatchObject({ state: 'ACTIVE', pendingMoves: [] });
    expect(coordinator.plan({ shardKeys: [keyOfShard(coordinator, 'shard-1')] }, 'ROUTED').nodesContacted).toEqual([target]);
  });

  it('a primary moved to a node without a copy leaves the former primary as a replica, dropping another to stay at replicationFactor', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 4, replicationFactor: 2, shardMoveDurationMs: 1_000 }, nodesNamed('node-1', 'node-2', 'node-3'));
    const before = coordinator.shard('shard-1');
    const target = ['node-1', 'node-2', 'node-3'].find((nodeId) => nodeId !== before.primaryNodeId && !before.replicaNodeIds.includes(nodeId))!;
    const { shard } = coordinator.assign('shard-1', target, 3_000);
    expect(shard).toMatchObject({ state: 'REBALANCING', primaryNodeId: target, replicaNodeIds: [before.primaryNodeId] });
    coordinator.tick(4_000);
    expect(coordinator.shard('shard-1')).toMatchObject({ state: 'ACTIVE', primaryNodeId: target, replicaNodeIds: [before.primaryNodeId] });
  });

  it('assigning a shard to its primary changes nothing', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 2 }, nodesNamed('node-1', 'node-2'));
    const shard = coordinator.shard('shard-1');
    expect(coordinator.assign('shard-1', shard.primaryNodeId!, 5)).toEqual({ shard, move: null, promotion: null });
  });

  it('adds a replica by copying from the primary, dropping the replica on the most loaded node at replicationFactor', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 4, replicationFactor: 2, shardMoveDurationMs: 1_000 }, nodesNamed('node-1', 'node-2', 'node-3'));
    const before = coordinator.shard('shard-1');
    const target = ['node-1', 'node-2', 'node-3'].find((nodeId) => nodeId !== before.primaryNodeId && !before.replicaNodeIds.includes(nodeId))!;
    const result = coordinator.assignReplica('shard-1', target, 5_000);
    expect(result.droppedReplicaNodeIds).toEqual(before.replicaNodeIds);
    expect(result.move).toEqual({ shardId: 'shard-1', role: 'REPLICA', fromNodeId: before.primaryNodeId, toNodeId: target, startedAtMs: 5_000, completesAtMs: 6_000 });
    expect(result.shard).toMatchObject({ state: 'REBALANCING', primaryNodeId: before.primaryNodeId, replicaNodeIds: [target], lastMovedAtMs: 5_000 });
    expect(() => coordinator.assignReplica('shard-1', target, 5_500)).toThrow(domainError('CONFLICT'));
    coordinator.tick(6_000);
    expect(coordinator.shard('shard-1').state).toBe('ACTIVE');
    // A node that already holds a copy changes nothing.
    expect(coordinator.assignReplica('shard-1', target, 7_000)).toEqual({ shard: coordinator.shard('shard-1'), move: null, droppedReplicaNodeIds: [] });
  });

  it('refuses an unknown shard or node (NOT_FOUND) and a DOWN node (CONFLICT)', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 4 }, nodesNamed('node-1', 'node-2'));
    expect(() => coordinator.assign('shard-5', 'node-1', 0)).toThrow(domainError('NOT_FOUND'));
    expect(() => coordinator.assign('shard-1', 'node-9', 0)).toThrow(domainError('NOT_FOUND'));
    coordinator.setNodeStatus('node-2', 'DOWN');
    expect(() => coordinator.assign('shard-1', 'node-2', 0)).toThrow(domainError('CONFLICT'));
    expect(() => coordinator.shard('shard-0')).toThrow(domainError('NOT_FOUND'));
    expect(() => coordinator.setNodeStatus('node-9', 'HEALTHY')).toThrow(domainError('NOT_FOUND'));
    expect(() => coordinator.removeNode('node-9', 0)).toThrow(domainError('NOT_FOUND'));
    expect(() => coordinator.addNode('node-1', 0)).toThrow(domainError('CONFLICT'));
  });

  it('rebalances onto a joining node and away from a leaving one, and counts shards per node', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 12, replicationFactor: 3, shardMoveDurationMs: 1_000 }, nodesNamed('node-1', 'node-2', 'node-3'));
    const joined = coordinator.addNode('node-4', 0);
    expect(joined.moves).toHaveLength(9);
    expect(joined.moves.every((move) => move.toNodeId === 'node-4')).toBe(true);
    expect(coordinator.nodes().find((node) => node.nodeId === 'node-4')).toMatchObject({ primaryShards: 3, replicaShards: 6, incomingMoves: 9 });
    expect(coordinator.shards().filter((shard) => shard.state === 'REBALANCING')).toHaveLength(9);
    expect(coordinator.tick(1_000)).toHaveLength(9);

    const left = coordinator.removeNode('node-1', 2_000);
    expect(left.promotions.filter((promotion) => promotion.formerPrimaryNodeId === 'node-1')).toHaveLength(3);
    expect(coordinator.nodes().map((node) => node.nodeId)).toEqual(['node-2', 'node-3', 'node-4']);
    expect(coordinator.nodes().every((node) => node.primaryShards === 4 && node.primaryShards + node.replicaShards === 12)).toBe(true);
  });

  it('leaves shards unplaced without nodes and places them when the first node joins', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 3, replicationFactor: 2 });
    expect(coordinator.shards().every((shard) => shard.primaryNodeId === null)).toBe(true);
    expect(coordinator.plan({}).unavailableShardIds).toEqual(['shard-1', 'shard-2', 'shard-3']);
    coordinator.addNode('node-1', 100);
    expect(coordinator.shards().map((shard) => [shard.primaryNodeId, shard.replicaNodeIds])).toEqual([
      ['node-1', []],
      ['node-1', []],
      ['node-1', []],
    ]);
    coordinator.removeNode('node-1', 200);
    expect(coordinator.shards().every((shard) => shard.primaryNodeId === null)).toBe(true);
  });

  it('sets the execution strategy and refuses an unknown one', () => {
    const coordinator = new ClusterCoordinator();
    expect(coordinator.executionStrategy()).toBe('SCATTER_GATHER');
    expect(coordinator.setExecutionStrategy('ROUTED')).toEqual({ previous: 'SCATTER_GATHER', current: 'ROUTED' });
    expect(() => coordinator.setExecutionStrategy('PARALLEL' as never)).toThrow(domainError('UNPROCESSABLE'));
    expect(coordinator.executionStrategy()).toBe('ROUTED');
  });

  it('restores shards, nodes and strategy from its snapshot', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 6, shardMoveDurationMs: 500 }, nodesNamed('node-1', 'node-2', 'node-3'));
    coordinator.addNode('node-4', 0);
    coordinator.setNodeStatus('node-2', 'SUSPECTED');
    coordinator.setExecutionStrategy('LOCAL_FIRST');
    const restored = new ClusterCoordinator({}, [], coordinator.snapshot());
    expect(restored.shards()).toEqual(coordinator.shards());
    expect(restored.nodes()).toEqual(coordinator.nodes());
    expect(restored.executionStrategy()).toBe('LOCAL_FIRST');
    expect(restored.getConfig()).toEqual(coordinator.getConfig());
  });

  it('keeps every placement rule through a seeded run with moves in flight', () => {
    const rng = new SeededRng(7);
    const config = { shardCount: 32, replicationFactor: 3, shardMoveDurationMs: 300 };
    const coordinator = new ClusterCoordinator(config, nodesNamed('node-1', 'node-2', 'node-3'));
    let nextNumber = 4;
    for (let step = 1; step <= 200; step += 1) {
      const nowMs = step * 100;
      const members = coordinator.nodes();
      const roll = rng.int(0, 10);
      if (roll < 3 && members.length < 8) coordinator.addNode(`node-${nextNumber++}`, nowMs);
      else if (roll < 5 && members.length > 1) coordinator.removeNode(rng.pick(members).nodeId, nowMs);
      else if (roll < 7) coordinator.setNodeStatus(rng.pick(members).nodeId, rng.pick(['HEALTHY', 'SUSPECTED', 'DOWN', 'RECOVERING'] as const));
      else if (roll < 8) {
        const shard = rng.pick(coordinator.shards());
        const target = rng.pick(members);
        if (shard.state === 'ACTIVE' && target.status !== 'DOWN') coordinator.assign(shard.shardId, target.nodeId, nowMs);
      }
      coordinator.tick(nowMs);
      const state = coordinator.snapshot();
      expectValidPlacements(state.placements, { nodes: state.nodes, replicationFactor: config.replicationFactor });
      // A plan never sends to a DOWN node, and reaches every shard whose primary is up and complete.
      const plan = coordinator.plan({});
      const statusOf = (nodeId: string) => state.nodes.find((node) => node.nodeId === nodeId)?.status;
      for (const step of plan.phases.flatMap((phase) => phase.steps)) expect(statusOf(step.nodeId)).not.toBe('DOWN');
      for (const shard of coordinator.shards()) {
        const primary = shard.primaryNodeId;
        const primaryServes = primary !== null && statusOf(primary) === 'HEALTHY' && shard.pendingMoves.every((move) => move.toNodeId !== primary);
        if (primaryServes) expect(plan.unavailableShardIds).not.toContain(shard.shardId);
      }
    }
    // Once every node is up and every copy done, a rebalance evens everything out.
    for (const node of coordinator.nodes()) coordinator.setNodeStatus(node.nodeId, 'HEALTHY');
    coordinator.tick(1_000_000);
    coordinator.rebalance(1_000_000);
    coordinator.tick(2_000_000);
    coordinator.rebalance(2_000_000);
    const state = coordinator.snapshot();
    expectBalanced(state.placements, state.nodes);
  });
});

describe('validateCoordinatorConfig', () => {
  it('fills defaults and lists every problem', () => {
    expect(validateCoordinatorConfig()).toEqual({
      shardCount: 16,
      replicationFactor: 3,
      shardMoveDurationMs: 5_000,
      hashFunction: 'MURMUR3',
      hashSeed: 0,
      executionStrategy: 'SCATTER_GATHER',
    });
    expect(() => validateCoordinatorConfig({ shardCount: 0, replicationFactor: 8, executionStrategy: 'NOPE' as never })).toThrow(
      expect.objectContaining({
        code: 'UNPROCESSABLE',
        details: {
          problems: [
            'shardCount must be a whole number from 1 to 4096',
            'replicationFactor must be a whole number from 1 to 7',
            'executionStrategy must be one of SCATTER_GATHER, ROUTED, BROADCAST, LOCAL_FIRST',
          ],
        },
      }),
    );
  });
});

/** A key that the coordinator places in `shardId`. */
function keyOfShard(coordinator: ClusterCoordinator, shardId: string): string {
  for (let index = 0; index < 100_000; index += 1) {
    if (coordinator.shardOfKey(`key-${index}`).shardId === shardId) return `key-${index}`;
  }
  throw new Error(`no key found for ${shardId}`);
}

describe('ClusterCoordinator shard states and groups', () => {
  const nodes = ['node-1', 'node-2', 'node-3'].map((nodeId) => ({ nodeId }));

  it('loads a state saved before the six states and the groups: states derived from the copies in flight', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 4, replicationFactor: 1, shardMoveDurationMs: 1_000 }, nodes);
    const former = coordinator.shard('shard-1').primaryNodeId!;
    coordinator.assign('shard-1', ['node-1', 'node-2', 'node-3'].find((nodeId) => nodeId !== former)!, 0);
    const { states: _states, groups: _groups, ...older } = coordinator.snapshot();
    const restored = new ClusterCoordinator({}, [], older);
    expect(restored.shards().map((shard) => shard.state)).toEqual(['REBALANCING', 'ACTIVE', 'ACTIVE', 'ACTIVE']);
    restored.tick(1_000);
    expect(restored.shard('shard-1').state).toBe('ACTIVE');
  });

  it('changes states through the state machine, keeps a workflow\'s REBALANCING when no copy of its own completes, and persists groups', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 2, replicationFactor: 1 }, nodes);
    expect(() => coordinator.transitionShard('shard-1', 'REBALANCING', 'OPERATOR')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    coordinator.transitionShard('shard-1', 'REBALANCING', 'WORKFLOW');
    coordinator.tick(10_000);
    coordinator.rebalance(10_000);
    expect(coordinator.shard('shard-1').state).toBe('REBALANCING');
    const group = coordinator.createShardGroup('orders', '[]', 3, ['node-3', 'node-1']);
    expect(group.map((shard) => [shard.shardId, shard.primaryNodeId, shard.state])).toEqual([
      ['orders-shard-1', 'node-1', 'CREATING'],
      ['orders-shard-2', 'node-3', 'CREATING'],
      ['orders-shard-3', 'node-1', 'CREATING'],
    ]);
    coordinator.transitionShard('orders-shard-2', 'ACTIVE', 'WORKFLOW');
    coordinator.repointShard('orders-shard-2', 'node-2', 5);
    const restored = new ClusterCoordinator({}, [], JSON.parse(JSON.stringify(coordinator.snapshot())));
    expect(restored.shardGroups().shard('orders-shard-2')).toMatchObject({ primaryNodeId: 'node-2', state: 'ACTIVE', lastMovedAtMs: 5 });
    expect(restored.shardState('shard-1')).toBe('REBALANCING');
    expect(() => restored.createShardGroup('none', '[]', 1, ['node-9'])).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('places the default group\'s primaries only on writable nodes once told which they are', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 8, replicationFactor: 2, shardMoveDurationMs: 0 }, ['node-1', 'node-2', 'node-3', 'node-4'].map((nodeId) => ({ nodeId })));
    expect(new Set(coordinator.shards().map((shard) => shard.primaryNodeId)).size).toBe(4);
    coordinator.setWritableNodes(['node-1', 'node-3'], 1_000);
    const primaries = coordinator.shards().map((shard) => shard.primaryNodeId);
    expect(primaries.filter((nodeId) => nodeId === 'node-1')).toHaveLength(4);
    expect(primaries.filter((nodeId) => nodeId === 'node-3')).toHaveLength(4);
    expectValidPlacements(coordinator.snapshot().placements, { nodes: coordinator.nodes(), replicationFactor: 2 });
    expect(() => coordinator.assign('shard-1', 'node-2', 2_000)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});
