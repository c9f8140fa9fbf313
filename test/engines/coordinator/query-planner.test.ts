import { describe, expect, it } from 'vitest';
import { ClusterCoordinator } from '../../../src/engines/coordinator/cluster-coordinator.js';
import { MAX_QUERY_SHARD_KEYS, operationOfSql } from '../../../src/engines/coordinator/query-planner.js';
import { HASH_SPACE_SIZE } from '../../../src/engines/dht/hash-function.js';

const domainError = (code: string) => expect.objectContaining({ name: 'DomainError', code });

/**
 * Four shards, two copies each, on three nodes (placed by the coordinator's rules):
 *   shard-1: node-1 (primary), node-2      shard-2: node-3, node-2
 *   shard-3: node-1, node-3                shard-4: node-2, node-3
 */
function fourShards(): ClusterCoordinator {
  const coordinator = new ClusterCoordinator({ shardCount: 4, replicationFactor: 2 }, ['node-1', 'node-2', 'node-3'].map((nodeId) => ({ nodeId })));
  expect(coordinator.shards().map((shard) => [shard.primaryNodeId, ...shard.replicaNodeIds])).toEqual([
    ['node-1', 'node-2'],
    ['node-3', 'node-2'],
    ['node-1', 'node-3'],
    ['node-2', 'node-3'],
  ]);
  return coordinator;
}

/** A key whose shard is `shardId`. */
function keyIn(coordinator: ClusterCoordinator, shardId: string): string {
  for (let index = 0; ; index += 1) if (coordinator.shardOfKey(`k${index}`).shardId === shardId) return `k${index}`;
}

const quarter = HASH_SPACE_SIZE / 4;

describe('operationOfSql', () => {
  it.each([
    ['SELECT * FROM t', 'READ'],
    ['  select 1', 'READ'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'READ'],
    ['(SELECT 1) UNION (SELECT 2)', 'READ'],
    ['-- report\nSELECT 1', 'READ'],
    ['/* hint */ EXPLAIN SELECT 1', 'READ'],
    ['INSERT INTO t VALUES (1)', 'WRITE'],
    ['update t set a = 1', 'WRITE'],
    ['CREATE TABLE t (a int)', 'WRITE'],
    ['', 'WRITE'],
  ])('%j is a %s', (sql, operation) => {
    expect(operationOfSql(sql)).toBe(operation);
  });
});

describe('query plans', () => {
  it('SCATTER_GATHER sends to every shard, one request per node, then merges', () => {
    const plan = fourShards().plan({ sql: 'SELECT count(*) FROM orders' }, 'SCATTER_GATHER');
    expect(plan).toMatchObject({
      strategy: 'SCATTER_GATHER',
      operation: 'READ',
      targetShardIds: ['shard-1', 'shard-2', 'shard-3', 'shard-4'],
      nodesContacted: ['node-1', 'node-2', 'node-3'],
      requestCount: 3,
      unavailableShardIds: [],
      complete: true,
    });
    expect(plan.phases).toEqual([
      {
        phase: 1,
        name: 'SCATTER',
        description: 'Send to the 4 available shards, one request per node.',
        steps: [
          { nodeId: 'node-1', shards: [{ shardId: 'shard-1', copy: 'PRIMARY' }, { shardId: 'shard-3', copy: 'PRIMARY' }] },
          { nodeId: 'node-2', shards: [{ shardId: 'shard-4', copy: 'PRIMARY' }] },
          { nodeId: 'node-3', shards: [{ shardId: 'shard-2', copy: 'PRIMARY' }] },
        ],
      },
      { phase: 2, name: 'GATHER', description: 'Merge 4 partial results at the coordinator.', steps: [] },
    ]);
  });

  it('reads from a replica when the primary is DOWN; writes to that shard are unavailable', () => {
    const coordinator = fourShards();
    coordinator.setNodeStatus('node-1', 'DOWN');
    const read = coordinator.plan({ sql: 'SELECT 1' }, 'SCATTER_GATHER');
    expect(read.complete).toBe(true);
    expect(read.phases[0]!.steps).toEqual([
      { nodeId: 'node-2', shards: [{ shardId: 'shard-1', copy: 'REPLICA' }, { shardId: 'shard-4', copy: 'PRIMARY' }] },
      { nodeId: 'node-3', shards: [{ shardId: 'shard-2', copy: 'PRIMARY' }, { shardId: 'shard-3', copy: 'REPLICA' }] },
    ]);
    const write = coordinator.plan({ sql: 'DELETE FROM orders' }, 'SCATTER_GATHER');
    expect(write).toMatchObject({ operation: 'WRITE', unavailableShardIds: ['shard-1', 'shard-3'], complete: false, nodesContacted: ['node-2', 'node-3'] });
  });

  it('prefers a HEALTHY replica to a SUSPECTED primary for reads, and falls back to the doubtful one last', () => {
    const coordinator = fourShards();
    coordinator.setNodeStatus('node-1', 'SUSPECTED');
    expect(coordinator.plan({}, 'SCATTER_GATHER').phases[0]!.steps.find((step) => step.nodeId === 'node-1')).toBeUndefined();
    coordinator.setNodeStatus('node-2', 'DOWN');
    // shard-1: node-1 suspected, node-2 down: the suspected primary is tried.
    expect(coordinator.plan({}, 'SCATTER_GATHER').phases[0]!.steps[0]).toEqual({ nodeId: 'node-1', shards: [{ shardId: 'shard-1', copy: 'PRIMARY' }] });
  });

  it('ROUTED goes only to the shards owning the keys, merging only when there are several', () => {
    const coordinator = fourShards();
    const single = coordinator.plan({ shardKeys: [keyIn(coordinator, 'shard-2')] }, 'ROUTED');
    expect(single).toMatchObject({ targetShardIds: ['shard-2'], nodesContacted: ['node-3'], requestCount: 1 });
    expect(single.phases.map((phase) => phase.name)).toEqual(['EXECUTE']);

    const several = coordinator.plan({ shardKeys: [keyIn(coordinator, 'shard-4'), keyIn(coordinator, 'shard-1'), keyIn(coordinator, 'shard-4')] }, 'ROUTED');
    expect(several.targetShardIds).toEqual(['shard-1', 'shard-4']);
    expect(several.phases.map((phase) => phase.name)).toEqual(['EXECUTE', 'MERGE']);

    const ranged = coordinator.plan({ tokenRange: { startToken: quarter - 1, endToken: quarter } }, 'ROUTED');
    expect(ranged.targetShardIds).toEqual(['shard-1', 'shard-2']);
  });

  it('ROUTED needs keys or a range', () => {
    expect(() => fourShards().plan({ sql: 'SELECT 1' }, 'ROUTED')).toThrow(domainError('UNPROCESSABLE'));
  });

  it('BROADCAST runs once on every reachable node, whatever it holds, and waits for each', () => {
    const coordinator = fourShards();
    coordinator.addNode('node-4', 0, 'HEALTHY');
    coordinator.tick(1_000_000);
    coordinator.setNodeStatus('node-3', 'DOWN');
    const plan = coordinator.plan({ sql: 'ALTER TABLE orders ADD COLUMN note text' }, 'BROADCAST');
    expect(plan.nodesContacted).toEqual(['node-1', 'node-2', 'node-4']);
    expect(plan.phases.map((phase) => [phase.name, phase.steps.length])).toEqual([['EXECUTE', 3], ['ACK', 0]]);
    expect(plan.phases[1]!.description).toBe('Wait for 3 acknowledgements at the coordinator.');
  });

  it('LOCAL_FIRST reads local copies first, the rest remotely, then merges', () => {
    const plan = fourShards().plan({ sql: 'SELECT 1', localNodeId: 'node-2' }, 'LOCAL_FIRST');
    expect(plan.phases).toEqual([
      {
        phase: 1,
        name: 'LOCAL',
        description: 'Answer 3 shards from copies on node-2.',
        steps: [{ nodeId: 'node-2', shards: [{ shardId: 'shard-1', copy: 'REPLICA' }, { shardId: 'shard-2', copy: 'REPLICA' }, { shardId: 'shard-4', copy: 'PRIMARY' }] }],
      },
      { phase: 2, name: 'REMOTE', description: 'Fetch 1 shard from other nodes.', steps: [{ nodeId: 'node-1', shards: [{ shardId: 'shard-3', copy: 'PRIMARY' }] }] },
      { phase: 3, name: 'MERGE', description: 'Merge 4 partial results at the coordinator.', steps: [] },
    ]);
  });

  it('LOCAL_FIRST keeps a write local only where the local node is the primary', () => {
    const plan = fourShards().plan({ sql: 'UPDATE t SET a = 1', localNodeId: 'node-2' }, 'LOCAL_FIRST');
    expect(plan.phases[0]!.steps).toEqual([{ nodeId: 'node-2', shards: [{ shardId: 'shard-4', copy: 'PRIMARY' }] }]);
    expect(plan.phases[1]!.steps.map((step) => step.nodeId)).toEqual(['node-1', 'node-3']);
  });

  it('LOCAL_FIRST prunes by shard key too, and needs a member localNodeId', () => {
    const coordinator = fourShards();
    const plan = coordinator.plan({ shardKeys: [keyIn(coordinator, 'shard-3')], localNodeId: 'node-3' }, 'LOCAL_FIRST');
    expect(plan.targetShardIds).toEqual(['shard-3']);
    expect(plan.phases.map((phase) => phase.name)).toEqual(['LOCAL', 'MERGE']);
    expect(() => coordinator.plan({}, 'LOCAL_FIRST')).toThrow(domainError('UNPROCESSABLE'));
    expect(() => coordinator.plan({ localNodeId: 'node-9' }, 'LOCAL_FIRST')).toThrow(domainError('UNPROCESSABLE'));
  });

  it('plans with the current strategy unless told otherwise', () => {
    const coordinator = fourShards();
    coordinator.setExecutionStrategy('BROADCAST');
    expect(coordinator.plan({}).strategy).toBe('BROADCAST');
  });

  it('an explicit operation wins over the SQL', () => {
    expect(fourShards().plan({ sql: 'SELECT 1', operation: 'WRITE' }).operation).toBe('WRITE');
    expect(fourShards().plan({}).operation).toBe('READ');
  });

  it('refuses a malformed query, listing every problem', () => {
    const coordinator = fourShards();
    expect(() =>
      coordinator.plan({ shardKeys: Array.from({ length: MAX_QUERY_SHARD_KEYS + 1 }, (_, index) => `k${index}`), tokenRange: { startToken: -1, endToken: 2 ** 32 } }),
    ).toThrow(
      expect.objectContaining({
        code: 'UNPROCESSABLE',
        details: {
          problems: ['shardKeys must list 1 to 1000 keys', 'give shardKeys or a tokenRange, not both', 'tokenRange bounds must be unsigned 32-bit integers'],
        },
      }),
    );
    expect(() => coordinator.plan({ shardKeys: [] }, 'ROUTED')).toThrow(domainError('UNPROCESSABLE'));
  });
});
