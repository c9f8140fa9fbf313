/**
 * Leadership and membership changes that could not come true are refused before anything
 * changes, on a simulated cluster (failure detector, Raft, failover) on virtual time, seed 1.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { ClusterConsensus } from '../../../src/engines/cluster/cluster-consensus.js';
import { ClusterFailover } from '../../../src/engines/failover/cluster-failover.js';
import { DEFAULT_FAILOVER_POLICY } from '../../../src/engines/failover/failover-config.js';
import { EMPTY_FAILOVER_STATE } from '../../../src/engines/failover/failover-tracker.js';
import { domainErrorFrom as refusal, EXACT_LINK, startCluster, type ClusterHarness } from '../cluster/harness.js';

interface Bound {
  cluster: ClusterHarness;
  consensus: ClusterConsensus;
  failover: ClusterFailover;
}

const running: Bound[] = [];
afterEach(async () => {
  for (const bound of running.splice(0)) {
    bound.consensus.close();
    await bound.cluster.close();
  }
});

/** Five nodes with an elected leader (3 s of cluster time). */
async function boot(): Promise<Bound & { leaderId: string; followers: string[] }> {
  const cluster = await startCluster({ seed: 1, linkDefaults: EXACT_LINK });
  const consensus = await ClusterConsensus.load(cluster.store, { runtime: cluster.runtime, nodes: cluster.nodes, journal: cluster.journal, bus: cluster.bus });
  const failover = new ClusterFailover(
    { clock: cluster.runtime.clock, consensus, nodes: cluster.nodes, bus: cluster.bus, journal: cluster.journal },
    { history: EMPTY_FAILOVER_STATE, policy: DEFAULT_FAILOVER_POLICY },
  );
  running.push({ cluster, consensus, failover });
  await cluster.advance(3000);
  const leaderId = consensus.group.currentLeader()!.leaderId;
  const followers = cluster.nodes.list().map((node) => node.nodeId).filter((nodeId) => nodeId !== leaderId);
  return { cluster, consensus, failover, leaderId, followers };
}

function inject(cluster: ClusterHarness, spec: Parameters<ClusterHarness['runtime']['faults']['inject']>[0], id: string): void {
  cluster.runtime.faults.inject(spec, id, cluster.runtime.clock.now());
}

describe('a switchover target that could not lead', () => {
  test('a crashed voter is TARGET_DOWN at once, before the detector notices, and later with status DOWN; nothing changes', async () => {
    const { cluster, failover, leaderId, followers } = await boot();
    const target = followers[0]!;
    inject(cluster, { type: 'crash', nodes: [target] }, 'fault-1');
    const early = refusal(() => failover.trigger({ targetNodeId: target }, 'key-1'));
    expect(early).toMatchObject({ code: 'CONFLICT', details: { reason: 'TARGET_DOWN', nodeId: target, status: 'HEALTHY', running: false, leaderId } });
    await cluster.advance(6000);
    const late = refusal(() => failover.trigger({ targetNodeId: target }, 'key-1'));
    expect(late).toMatchObject({ code: 'CONFLICT', details: { reason: 'TARGET_DOWN', status: 'DOWN' } });
    expect(failover.history()).toEqual([]);
    expect(failover.current()).toBeUndefined();
    expect(failover.leader()?.leaderId).toBe(leaderId);
  });

  test('a running voter partitioned from the leader is TARGET_UNREACHABLE; healed, the switchover goes through', async () => {
    const { cluster, consensus, failover, leaderId, followers } = await boot();
    const target = followers[0]!;
    inject(cluster, { type: 'partition', groups: [[target], cluster.nodes.list().map((node) => node.nodeId).filter((nodeId) => nodeId !== target)] }, 'fault-1');
    const refused = refusal(() => failover.trigger({ targetNodeId: target, mode: 'SWITCHOVER' }, 'key-1'));
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'TARGET_UNREACHABLE', nodeId: target, running: true, leaderId } });
    expect(consensus.group.currentLeader()?.leaderId).toBe(leaderId);
    cluster.runtime.faults.heal('fault-1');
    await cluster.advance(3000);
    const record = failover.trigger({ targetNodeId: target }, 'key-1');
    await cluster.advance(1000);
    expect(failover.history().find((entry) => entry.id === record.id)).toMatchObject({ status: 'COMPLETED', newLeaderId: target });
  });
});

describe('no quorum', () => {
  test('membership changes and elections are refused with NO_QUORUM, from the moment the leader cannot reach a quorum', async () => {
    const { cluster, consensus, failover, leaderId, followers } = await boot();
    const victims = followers.slice(0, 3);
    inject(cluster, { type: 'crash', nodes: victims }, 'fault-1');
    // The failure detector has not noticed yet; the leader already reaches 2 of 5 voters.
    expect(cluster.nodes.summary().hasQuorum).toBe(true);
    expect(consensus.commitQuorum()).toMatchObject({ hasQuorum: false, reachableVoters: 2, quorumSize: 3, leaderId });
    const early = refusal(() => consensus.removeMember(victims[0]!));
    expect(early.code).toBe('NO_QUORUM');
    expect(early.message).toContain(`leader ${leaderId} reaches 2 of 5 voters and 3 are needed`);
    expect(early.details).toMatchObject({ reason: 'NO_QUORUM', retryAfterSeconds: 1 });

    await cluster.advance(3000);
    expect(cluster.nodes.summary()).toMatchObject({ hasQuorum: false, availableVoters: 2 });
    const voters = [...consensus.voterIds()];
    for (const act of [
      () => cluster.nodes.add({ nodeId: 'node-6', address: 'node-6.cluster.local:7000' }),
      () => cluster.nodes.remove(victims[0]!, { force: true }),
      () => consensus.removeMember(victims[0]!),
      () => failover.trigger({}, 'key-1'),
      () => failover.trigger({ targetNodeId: followers[3]!, mode: 'FAILOVER' }, 'key-1'),
      () => failover.requireDrillTarget(followers[3]!),
    ]) {
      const refused = refusal(act);
      expect(refused.code).toBe('NO_QUORUM');
      expect(refused.message).toContain('2 of 5 voters are up and 3 are needed');
    }
    expect(cluster.nodes.list().map((node) => node.nodeId)).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5']);
    expect(consensus.voterIds()).toEqual(voters);
    expect(failover.history()).toEqual([]);

    cluster.runtime.faults.heal('fault-1');
    await cluster.advance(5000);
    expect(consensus.commitQuorum().hasQuorum).toBe(true);
    expect(() => cluster.nodes.add({ nodeId: 'node-6', address: 'node-6.cluster.local:7000' })).not.toThrow();
  });

  test('a drill on a voter is refused when failure tolerance is 0, and on a node already down', async () => {
    const { cluster, failover, followers } = await boot();
    inject(cluster, { type: 'crash', nodes: followers.slice(0, 2) }, 'fault-1');
    await cluster.advance(6000);
    expect(cluster.nodes.summary()).toMatchObject({ hasQuorum: true, failureTolerance: 0 });
    expect(refusal(() => failover.requireDrillTarget(followers[2]!))).toMatchObject({ code: 'CONFLICT', details: { reason: 'QUORUM_AT_RISK', failureTolerance: 0 } });
    expect(refusal(() => failover.requireDrillTarget(followers[0]!))).toMatchObject({ code: 'CONFLICT', details: { reason: 'TARGET_DOWN', status: 'DOWN' } });
  });
});
