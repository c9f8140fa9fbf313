import { afterEach, describe, expect, it } from 'vitest';
import {
  CONTROL_PLANE_ID,
  CONFIG_RECORD,
  META_RECORD,
  NODE_RECORD,
  type ClusterNodeView,
  type NodeSpec,
} from '../../../src/engines/cluster/cluster-nodes.js';
import type { ClusterConfig } from '../../../src/engines/cluster/cluster-config.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';
import {
  EXACT_LINK,
  START_MS,
  domainErrorFrom,
  elapsedAt,
  healthChangeOf,
  startCluster,
  type ClusterHarness,
  type ClusterHarnessOptions,
} from './harness.js';

const NODE_IDS = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];

const open: ClusterHarness[] = [];

async function cluster(options: ClusterHarnessOptions = {}): Promise<ClusterHarness> {
  const harness = await startCluster(options);
  open.push(harness);
  return harness;
}

afterEach(async () => {
  for (const harness of open.splice(0)) {
    expect(harness.listenerErrors).toEqual([]);
    await harness.close();
  }
});

function statuses(harness: ClusterHarness): Record<string, string> {
  return Object.fromEntries(harness.nodes.list().map((node) => [node.nodeId, node.status]));
}

function allWith(status: string, nodeIds: readonly string[] = NODE_IDS): Record<string, string> {
  return Object.fromEntries(nodeIds.map((nodeId) => [nodeId, status]));
}

/** The spec part of a view; without consensus attached, the role is the spec's own. */
function specOf(view: ClusterNodeView): NodeSpec {
  const { status: _status, statusSinceMs: _since, lastHeartbeatMs: _last, missedHeartbeats: _missed, uptimeSeconds: _uptime, role, ...spec } = view;
  return { ...spec, role: role as NodeSpec['role'] };
}

describe('ClusterNodes: joining', () => {
  it('5 nodes join INITIALIZING and turn HEALTHY one heartbeat interval plus latency later', async () => {
    const harness = await cluster();
    const { nodes } = harness;

    // Added: members, not yet heard from.
    expect(statuses(harness)).toEqual(allWith('INITIALIZING'));
    expect(nodes.list().map((node) => [node.lastHeartbeatMs, node.uptimeSeconds, node.missedHeartbeats])).toEqual(NODE_IDS.map(() => [null, 0, 0]));
    expect(harness.transcript()).toEqual(NODE_IDS.map((nodeId) => `+0 node_joined ${nodeId}`));
    expect(nodes.summary()).toMatchObject({ state: 'INITIALIZING', totalNodes: 5, healthyNodes: 0, hasQuorum: false });

    // +500: every node sends its first heartbeat; it is still on the wire.
    await harness.advanceTo(500);
    expect(statuses(harness)).toEqual(allWith('INITIALIZING'));
    expect(nodes.summary().heartbeatsReceived).toBe(0);

    // +502: the default link delivers within 1..2 ms.
    await harness.advanceTo(502);
    expect(statuses(harness)).toEqual(allWith('HEALTHY'));
    const healthEvents = harness.events.slice(5);
    expect(harness.events.map((event) => event.type)).toEqual([...NODE_IDS.map(() => 'node_joined'), ...NODE_IDS.map(() => 'node_health_change')]);
    for (const event of healthEvents) {
      const change = healthChangeOf(event);
      expect(change).toMatchObject({ previousStatus: 'INITIALIZING', status: 'HEALTHY', missedHeartbeats: 0 });
      // The failure detector records the arrival time, which is when the event was published.
      const node = nodes.get(change?.nodeId ?? '');
      expect(node.lastHeartbeatMs).toBe(Date.parse(event.time));
      expect(elapsedAt(event, START_MS)).toBeGreaterThanOrEqual(501);
      expect(elapsedAt(event, START_MS)).toBeLessThanOrEqual(502);
    }
    expect(healthEvents.map((event) => healthChangeOf(event)?.nodeId).sort()).toEqual(NODE_IDS);
    expect(nodes.summary()).toMatchObject({
      state: 'OPERATIONAL',
      healthyNodes: 5,
      voters: 5,
      availableVoters: 5,
      quorumSize: 3,
      hasQuorum: true,
      failureTolerance: 2,
      heartbeatsReceived: 5,
    });

    // Uptime counts from the first heartbeat sent (+500), in whole seconds.
    expect(nodes.get('node-1').uptimeSeconds).toBe(0);
    await harness.advanceTo(10_502);
    expect(nodes.list().map((node) => node.uptimeSeconds)).toEqual([10, 10, 10, 10, 10]);
    expect(nodes.summary().heartbeatsReceived).toBe(5 * 21);
    await harness.advanceTo(60_502);
    expect(nodes.get('node-3').uptimeSeconds).toBe(60);
    expect(nodes.get('node-3').lastHeartbeatMs).toBeGreaterThan(START_MS + 60_000);
    // Nothing but the first transitions happened in a quiet minute.
    expect(harness.events).toHaveLength(10);
  });
});

describe('ClusterNodes: failure detection', () => {
  it('a crashed node is SUSPECTED, then DOWN, and RECOVERING then HEALTHY once healed', async () => {
    const harness = await cluster({ linkDefaults: EXACT_LINK });
    const { nodes, runtime } = harness;
    await harness.advanceTo(10_250);
    expect(nodes.get('node-2').lastHeartbeatMs).toBe(START_MS + 10_001);
    const mark = harness.events.length;

    // +10250: node-2 crashes. Its last heartbeat arrived at +10001.
    runtime.faults.inject({ type: 'crash', nodes: ['node-2'] }, 'crash-1', runtime.clock.now());

    // The suspect timeout (1500 ms) runs out at +11501; the sweep at +12000 notices, within one interval.
    await harness.advanceTo(11_999);
    expect(harness.statusOf('node-2')).toBe('HEALTHY');
    await harness.advanceTo(12_000);
    expect(harness.statusOf('node-2')).toBe('SUSPECTED');
    expect(nodes.get('node-2').uptimeSeconds).toBe(0);
    expect(nodes.summary()).toMatchObject({ state: 'DEGRADED', suspectedNodes: 1, healthyNodes: 4, hasQuorum: true });

    // The failure timeout (5000 ms) runs out at +15001; the sweep at +15500 notices.
    await harness.advanceTo(15_499);
    expect(harness.statusOf('node-2')).toBe('SUSPECTED');
    await harness.advanceTo(15_500);
    expect(harness.statusOf('node-2')).toBe('DOWN');
    expect(nodes.get('node-2')).toMatchObject({ uptimeSeconds: 0, missedHeartbeats: 10, lastHeartbeatMs: START_MS + 10_001 });
    expect(nodes.get('node-1').uptimeSeconds).toBe(15);
    expect(nodes.summary()).toMatchObject({
      state: 'DEGRADED',
      healthyNodes: 4,
      suspectedNodes: 0,
      downNodes: 1,
      availableVoters: 4,
      quorumSize: 3,
      hasQuorum: true,
      failureTolerance: 1,
    });

    // +20250: healed. The process restarts with its next heartbeat at +20500, which arrives at +20501.
    await harness.advanceTo(20_250);
    runtime.faults.heal('crash-1');
    await harness.advanceTo(20_500);
    expect(nodes.get('node-2')).toMatchObject({ status: 'DOWN', uptimeSeconds: 0 });
    await harness.advanceTo(20_501);
    expect(harness.statusOf('node-2')).toBe('RECOVERING');
    expect(nodes.summary()).toMatchObject({ state: 'RECOVERING', healthyNodes: 5, availableVoters: 5 });
    await harness.advanceTo(21_001);
    expect(harness.statusOf('node-2')).toBe('RECOVERING');
    // Third heartbeat in a row (recoveryHeartbeats = 3).
    await harness.advanceTo(21_501);
    expect(harness.statusOf('node-2')).toBe('HEALTHY');
    expect(nodes.summary().state).toBe('OPERATIONAL');

    expect(harness.transcript(mark)).toEqual([
      '+12000 node_health_change node-2 HEALTHY->SUSPECTED missed=3',
      '+15500 node_health_change node-2 SUSPECTED->DOWN missed=10',
      '+20501 node_health_change node-2 DOWN->RECOVERING missed=0',
      '+21501 node_health_change node-2 RECOVERING->HEALTHY missed=0',
    ]);

    // Uptime restarts from the restart at +20500.
    await harness.advanceTo(25_500);
    expect(nodes.get('node-2').uptimeSeconds).toBe(5);
    expect(nodes.get('node-1').uptimeSeconds).toBe(25);
  });

  it('nodes cut off from the control plane by a partition go DOWN and come back once it heals', async () => {
    const harness = await cluster({ linkDefaults: EXACT_LINK });
    const { nodes, runtime } = harness;
    await harness.advanceTo(10_250);
    const mark = harness.events.length;

    runtime.faults.inject(
      { type: 'partition', groups: [['node-1', 'node-2'], ['node-3', 'node-4', 'node-5', CONTROL_PLANE_ID]] },
      'partition-1',
      runtime.clock.now(),
    );
    await harness.advanceTo(15_500);
    expect(statuses(harness)).toEqual({ 'node-1': 'DOWN', 'node-2': 'DOWN', 'node-3': 'HEALTHY', 'node-4': 'HEALTHY', 'node-5': 'HEALTHY' });
    expect(nodes.summary()).toMatchObject({ state: 'DEGRADED', downNodes: 2, availableVoters: 3, hasQuorum: true, failureTolerance: 0 });
    expect(nodes.get('node-1').uptimeSeconds).toBe(0);

    await harness.advanceTo(20_250);
    runtime.faults.heal('partition-1');
    await harness.advanceTo(21_501);
    expect(statuses(harness)).toEqual(allWith('HEALTHY'));
    expect(harness.transcript(mark)).toEqual([
      '+12000 node_health_change node-1 HEALTHY->SUSPECTED missed=3',
      '+12000 node_health_change node-2 HEALTHY->SUSPECTED missed=3',
      '+15500 node_health_change node-1 SUSPECTED->DOWN missed=10',
      '+15500 node_health_change node-2 SUSPECTED->DOWN missed=10',
      '+20501 node_health_change node-1 DOWN->RECOVERING missed=0',
      '+20501 node_health_change node-2 DOWN->RECOVERING missed=0',
      '+21501 node_health_change node-1 RECOVERING->HEALTHY missed=0',
      '+21501 node_health_change node-2 RECOVERING->HEALTHY missed=0',
    ]);
    // A partition is not a crash: the processes kept running since their first heartbeat at +500.
    expect(nodes.get('node-1').uptimeSeconds).toBe(21);
  });

  it('a partition that leaves the control plane with the minority stops the cluster', async () => {
    const harness = await cluster({ linkDefaults: EXACT_LINK });
    const { nodes, runtime } = harness;
    await harness.advanceTo(10_250);
    runtime.faults.inject(
      { type: 'partition', groups: [['node-4', 'node-5', CONTROL_PLANE_ID], ['node-1', 'node-2', 'node-3']] },
      'partition-1',
      runtime.clock.now(),
    );
    await harness.advanceTo(15_500);
    expect(statuses(harness)).toEqual({ 'node-1': 'DOWN', 'node-2': 'DOWN', 'node-3': 'DOWN', 'node-4': 'HEALTHY', 'node-5': 'HEALTHY' });
    expect(nodes.summary()).toMatchObject({ state: 'STOPPED', availableVoters: 2, quorumSize: 3, hasQuorum: false, failureTolerance: 0 });
    runtime.faults.heal('partition-1');
    await harness.advanceTo(21_501);
    expect(nodes.summary()).toMatchObject({ state: 'OPERATIONAL', hasQuorum: true, failureTolerance: 2 });
  });

  it('a partition that does not name the control plane leaves every node HEALTHY (heartbeats only go to the control plane)', async () => {
    const harness = await cluster({ linkDefaults: EXACT_LINK });
    const { runtime } = harness;
    await harness.advanceTo(10_250);
    const mark = harness.events.length;
    // The example partition of the API contract.
    runtime.faults.inject({ type: 'partition', groups: [['node-1', 'node-2'], ['node-3', 'node-4', 'node-5']] }, 'p', runtime.clock.now());
    await harness.advanceTo(30_000);
    expect(statuses(harness)).toEqual(allWith('HEALTHY'));
    expect(harness.transcript(mark)).toEqual([]);
  });

  it('loss at rate 0.5 gives the same transcript for the same seed and a different one for another seed', async () => {
    const lossTranscript = async (seed: number): Promise<string[]> => {
      const harness = await startCluster({ seed });
      try {
        await harness.advanceTo(5_000);
        const mark = harness.events.length;
        harness.runtime.faults.inject({ type: 'loss', nodes: ['node-3'], rate: 0.5 }, 'loss-1', harness.runtime.clock.now());
        await harness.advanceTo(125_000);
        return harness.transcript(mark);
      } finally {
        await harness.close();
      }
    };
    const first = await lossTranscript(7);
    const again = await lossTranscript(7);
    const otherSeed = await lossTranscript(8);

    expect(again).toEqual(first);
    expect(otherSeed).not.toEqual(first);
    // Half the heartbeats lost: node-3 flaps, and only node-3.
    expect(first.filter((line) => line.includes('node-3 HEALTHY->SUSPECTED')).length).toBeGreaterThan(2);
    expect(first.filter((line) => line.includes('node-3 SUSPECTED->HEALTHY')).length).toBeGreaterThan(2);
    expect(first.every((line) => line.includes(' node-3 '))).toBe(true);
  });
});

describe('ClusterNodes: configuration', () => {
  it('a new heartbeat interval applies to the next heartbeats and to the sweep', async () => {
    const harness = await cluster({ linkDefaults: EXACT_LINK });
    const { nodes, runtime } = harness;

    // Heartbeats sent at +500 … +10000: 20 per node.
    await harness.advanceTo(10_005);
    expect(nodes.summary().heartbeatsReceived).toBe(100);
    const mark = harness.events.length;

    const updated = nodes.replaceConfig({ ...nodes.getConfig(), heartbeatIntervalMs: 250 });
    expect(updated.heartbeatIntervalMs).toBe(250);
    expect(nodes.getConfig().heartbeatIntervalMs).toBe(250);

    // First heartbeat on the new interval: sent at +10255, arrives at +10256.
    await harness.advanceTo(10_300);
    expect(nodes.get('node-1').lastHeartbeatMs).toBe(START_MS + 10_256);

    // Next 10 s: 40 heartbeats per node instead of 20.
    await harness.advanceTo(20_010);
    expect(nodes.summary().heartbeatsReceived).toBe(300);
    expect(harness.transcript(mark)).toEqual(['+10005 cluster_config_changed {"changedFields":["heartbeatIntervalMs"]}']);

    // The sweep runs every 250 ms from +10005 too: node-2's last heartbeat arrives at +20006, the
    // suspect timeout runs out at +21506 and the sweep at +21755 notices (the old one would have at +22000).
    runtime.faults.inject({ type: 'crash', nodes: ['node-2'] }, 'crash-1', runtime.clock.now());
    await harness.advanceTo(21_754);
    expect(harness.statusOf('node-2')).toBe('HEALTHY');
    await harness.advanceTo(21_755);
    expect(harness.transcript(mark).at(-1)).toBe('+21755 node_health_change node-2 HEALTHY->SUSPECTED missed=6');
  });

  it('an invalid configuration throws UNPROCESSABLE and changes nothing', async () => {
    const harness = await cluster({ linkDefaults: EXACT_LINK });
    const { nodes, journal } = harness;
    await harness.advanceTo(5);
    const before = nodes.getConfig();
    const mark = harness.events.length;

    const broken: ClusterConfig = { ...before, heartbeatIntervalMs: 100, suspectTimeoutMs: 6000 };
    const error = domainErrorFrom(() => nodes.replaceConfig(broken));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details).toEqual({ problems: ['suspectTimeoutMs must be shorter than failureTimeoutMs'] });

    expect(nodes.getConfig()).toEqual(before);
    expect(journal.pending).toBe(false);
    // Heartbeats keep the old interval: 20 per node in 10 s.
    await harness.advanceTo(10_005);
    expect(nodes.summary().heartbeatsReceived).toBe(100);
    expect(harness.events.slice(mark).map((event) => event.type)).toEqual(NODE_IDS.map(() => 'node_health_change'));
    expect(await harness.store.get<ClusterConfig>(CONFIG_RECORD, 'current')).toEqual(before);
  });

  it('replacing the configuration with the same values is a no-op', async () => {
    const harness = await cluster();
    const { nodes, journal } = harness;
    expect(nodes.replaceConfig(nodes.getConfig())).toEqual(nodes.getConfig());
    expect(journal.pending).toBe(false);
    await harness.advance(1);
    expect(harness.events.filter((event) => event.type === 'cluster_config_changed')).toEqual([]);
  });
});

describe('ClusterNodes: adding nodes', () => {
  it('refuses a duplicate id or address with CONFLICT and impossible memory with UNPROCESSABLE, changing nothing', async () => {
    const harness = await cluster({ initialNodes: 3 });
    const { nodes, journal } = harness;
    const mark = harness.events.length;

    const duplicateId = domainErrorFrom(() => nodes.add({ nodeId: 'node-2', address: 'elsewhere:7000' }));
    expect(duplicateId.code).toBe('CONFLICT');
    expect(duplicateId.details).toEqual({ nodeId: 'node-2' });

    const duplicateAddress = domainErrorFrom(() => nodes.add({ nodeId: 'node-9', address: 'node-1.cluster.local:7000' }));
    expect(duplicateAddress.code).toBe('CONFLICT');
    expect(duplicateAddress.details).toEqual({ nodeId: 'node-1', address: 'node-1.cluster.local:7000' });

    const tooMuchMemory = domainErrorFrom(() =>
      nodes.add({
        address: 'big:7000',
        capacity: { cpuCores: 4, totalMemoryGb: 16, availableMemoryGb: 17, storageCapacityGb: 100, networkBandwidthMbps: 1000 },
      }),
    );
    expect(tooMuchMemory.code).toBe('UNPROCESSABLE');

    expect(nodes.list().map((node) => node.nodeId)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(journal.pending).toBe(false);
    await harness.advance(1);
    expect(harness.events.slice(mark)).toEqual([]);
  });

  it('names nodes added without an id node-N, one past the highest N in use', async () => {
    const harness = await cluster({ initialNodes: 3, linkDefaults: EXACT_LINK });
    const { nodes } = harness;
    await harness.advanceTo(1_000);

    const fourth = nodes.add({ address: 'a:7000' });
    expect(fourth).toMatchObject({
      nodeId: 'node-4',
      name: 'node-4',
      role: 'FOLLOWER',
      services: ['storage', 'query'],
      priority: 100,
      region: 'local',
      zone: 'local-a',
      joinedAtMs: START_MS + 1_000,
      status: 'INITIALIZING',
      lastHeartbeatMs: null,
    });
    expect(nodes.add({ nodeId: 'node-10', address: 'b:7000' }).nodeId).toBe('node-10');
    expect(nodes.add({ address: 'c:7000' }).nodeId).toBe('node-11');
    expect(nodes.add({ nodeId: 'edge-a', address: 'd:7000' }).nodeId).toBe('edge-a');
    expect(nodes.add({ address: 'e:7000' }).nodeId).toBe('node-12');
    // Ordered numerically, not as strings.
    expect(nodes.list().map((node) => node.nodeId)).toEqual(['edge-a', 'node-1', 'node-2', 'node-3', 'node-4', 'node-10', 'node-11', 'node-12']);

    // A node added at +1000 sends its first heartbeat at +1500.
    await harness.advanceTo(1_500);
    expect(harness.statusOf('node-4')).toBe('INITIALIZING');
    await harness.advanceTo(1_501);
    expect(harness.statusOf('node-4')).toBe('HEALTHY');
  });

  it('hands out views that cannot change the node: their shared parts are frozen', async () => {
    const harness = await cluster({ initialNodes: 1 });
    const view = harness.nodes.get('node-1');
    expect(() => {
      view.capacity.cpuCores = 999;
    }).toThrow(TypeError);
    expect(() => view.services.push('gateway')).toThrow(TypeError);
    view.status = 'DOWN';
    expect(harness.nodes.get('node-1').status).toBe('INITIALIZING');
    expect(harness.nodes.get('node-1').capacity.cpuCores).toBe(8);
    expect(harness.nodes.get('node-1').services).toEqual(['storage', 'query']);
  });
});

describe('ClusterNodes: removing nodes', () => {
  it('an unknown node is NOT_FOUND', async () => {
    const harness = await cluster({ initialNodes: 3 });
    const error = domainErrorFrom(() => harness.nodes.remove('node-9', { force: true }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toEqual({ resource: 'cluster.node', id: 'node-9' });
  });

  it('refuses to take the last margin of a 3-node cluster unless forced', async () => {
    const harness = await cluster({ initialNodes: 3, linkDefaults: EXACT_LINK });
    const { nodes } = harness;
    await harness.advanceTo(1_000);
    const mark = harness.events.length;

    const refused = domainErrorFrom(() => nodes.remove('node-1', { force: false }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details).toMatchObject({ nodeId: 'node-1', before: { failureTolerance: 1 }, after: { failureTolerance: 0, hasQuorum: true } });
    expect(nodes.has('node-1')).toBe(true);

    const removed = nodes.remove('node-1', { force: true });
    expect(removed).toMatchObject({ nodeId: 'node-1', status: 'HEALTHY' });
    expect(nodes.list().map((node) => node.nodeId)).toEqual(['node-2', 'node-3']);
    expect(nodes.summary()).toMatchObject({ totalNodes: 2, voters: 2, quorumSize: 2, failureTolerance: 0 });
    await harness.advance(0);
    expect(harness.transcript(mark)).toEqual(['+1000 node_left node-1']);
  });

  it('lets a 5-node cluster lose one healthy node, and any cluster lose a DOWN node, without force', async () => {
    const five = await cluster({ linkDefaults: EXACT_LINK });
    await five.advanceTo(1_000);
    expect(five.nodes.remove('node-5', { force: false }).nodeId).toBe('node-5');

    const three = await cluster({ initialNodes: 3, linkDefaults: EXACT_LINK });
    await three.advanceTo(1_000);
    three.runtime.faults.inject({ type: 'crash', nodes: ['node-3'] }, 'crash-1', three.runtime.clock.now());
    await three.advanceTo(7_000);
    expect(three.statusOf('node-3')).toBe('DOWN');
    expect(three.nodes.remove('node-3', { force: false }).status).toBe('DOWN');
    expect(three.nodes.summary()).toMatchObject({ totalNodes: 2, hasQuorum: true, state: 'OPERATIONAL' });
  });

  it('ignores a heartbeat still in flight from a removed node', async () => {
    const harness = await cluster({ linkDefaults: EXACT_LINK });
    const { nodes, runtime } = harness;
    // +10000: every node just sent a heartbeat; they arrive at +10001.
    await harness.advanceTo(10_000);
    expect(nodes.summary().heartbeatsReceived).toBe(5 * 19);
    const mark = harness.events.length;
    nodes.remove('node-5', { force: false });

    await harness.advanceTo(10_001);
    const network = runtime.network<unknown>('control').stats();
    expect(network.inFlight).toBe(0);
    // Five arrived at the control plane; the one from node-5 was not counted.
    expect(nodes.summary().heartbeatsReceived).toBe(5 * 19 + 4);
    expect(nodes.has('node-5')).toBe(false);
    expect(domainErrorFrom(() => nodes.get('node-5')).code).toBe('NOT_FOUND');

    await harness.advanceTo(20_000);
    expect(nodes.list().map((node) => node.nodeId)).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    expect(harness.transcript(mark)).toEqual(['+10000 node_left node-5']);
  });

  it('does not credit a re-added node with a heartbeat its previous life sent', async () => {
    const harness = await cluster({ linkDefaults: EXACT_LINK });
    const { nodes } = harness;
    await harness.advanceTo(10_000);
    const spec = nodes.get('node-5');
    nodes.remove('node-5', { force: false });
    nodes.add({ nodeId: 'node-5', address: spec.address });
    // The old life's heartbeat lands at +10001; the new node has sent nothing yet.
    await harness.advanceTo(10_001);
    expect(nodes.get('node-5')).toMatchObject({ status: 'INITIALIZING', lastHeartbeatMs: null });
    await harness.advanceTo(10_501);
    expect(nodes.get('node-5').status).toBe('HEALTHY');
  });
});

describe('ClusterNodes: restart', () => {
  it('restores nodes from their stored specs INITIALIZING, without node_joined again', async () => {
    const store = SqliteStore.open(':memory:');
    try {
      const first = await startCluster({ store, linkDefaults: EXACT_LINK });
      await first.advanceTo(3_000);
      const lastCursor = first.events.at(-1)?.cursor ?? 0;
      const specsBefore = first.nodes.list().map(specOf);
      await first.close();

      const restartAtMs = START_MS + 60_000;
      const second = await startCluster({ store, linkDefaults: EXACT_LINK, startMs: restartAtMs });
      expect(second.nodes.list().map(specOf)).toEqual(specsBefore);
      expect(statuses(second)).toEqual(allWith('INITIALIZING'));
      expect(second.nodes.list().every((node) => node.lastHeartbeatMs === null && node.uptimeSeconds === 0)).toBe(true);
      expect(second.events).toEqual([]);

      await second.advance(501);
      expect(statuses(second)).toEqual(allWith('HEALTHY'));
      expect(second.transcript()).toEqual(NODE_IDS.map((nodeId) => `+501 node_health_change ${nodeId} INITIALIZING->HEALTHY missed=0`));
      // The history continues: cursors are never reused across a restart.
      expect(second.events[0]?.cursor).toBe(lastCursor + 1);
      expect(second.nodes.add({ address: 'node-6.cluster.local:7000' }).nodeId).toBe('node-6');
      await second.close();
    } finally {
      await store.close();
    }
  });
});

describe('ClusterNodes: journal', () => {
  it('stores exactly the node specs, the configuration and the meta, and the events delivered', async () => {
    const harness = await cluster({ linkDefaults: EXACT_LINK });
    const { nodes, store, journal } = harness;
    await harness.advanceTo(1_000);
    nodes.remove('node-3', { force: false });
    nodes.replaceConfig({ ...nodes.getConfig(), clusterName: 'drill', heartbeatIntervalMs: 250 });
    await harness.advanceTo(2_000);
    nodes.add({ address: 'node-6.cluster.local:7000', region: 'eu-west', zone: 'eu-west-1b', role: 'WITNESS' });
    await journal.flush();

    const storedNodes = await store.list<NodeSpec>(NODE_RECORD);
    expect(storedNodes.map((record) => record.id)).toEqual(['node-1', 'node-2', 'node-4', 'node-5', 'node-6']);
    for (const record of storedNodes) {
      // The spec only: health is observed, never stored.
      expect(record.value).toEqual(specOf(nodes.get(record.id)));
    }
    expect(storedNodes.at(-1)?.value).toMatchObject({ region: 'eu-west', zone: 'eu-west-1b', role: 'WITNESS', joinedAtMs: START_MS + 2_000 });
    expect(await store.list(CONFIG_RECORD)).toEqual([{ kind: CONFIG_RECORD, id: 'current', value: nodes.getConfig() }]);
    expect(nodes.getConfig()).toMatchObject({ clusterName: 'drill', heartbeatIntervalMs: 250 });
    expect(await store.list(META_RECORD)).toEqual([{ kind: META_RECORD, id: 'current', value: { createdAtMs: START_MS, updatedAtMs: START_MS + 2_000 } }]);
    expect(nodes.getMeta()).toEqual({ createdAtMs: START_MS, updatedAtMs: START_MS + 2_000 });

    // The durable history is what subscribers saw.
    const stored = await store.readEvents(0, 1_000);
    expect(stored.map((event) => event.id)).toEqual(harness.events.map((event) => event.id));
    expect(stored.filter((event) => event.type !== 'node_health_change').map((event) => event.type)).toEqual([
      ...NODE_IDS.map(() => 'node_joined'),
      'node_left',
      'cluster_config_changed',
      'node_joined',
    ]);
  });
});

describe('ClusterNodes: observers and consensus roles', () => {
  it('tells observers of joins, leaves and health changes as they happen, until they stop', async () => {
    const harness = await cluster({ linkDefaults: EXACT_LINK });
    const seen: string[] = [];
    const stop = harness.nodes.observe({
      nodeJoined: (spec) => seen.push(`joined ${spec.nodeId}`),
      nodeLeft: (spec) => seen.push(`left ${spec.nodeId}`),
      healthChanged: (nodeId, previous, status) => seen.push(`${nodeId} ${previous}->${status}`),
    });
    harness.nodes.add({ nodeId: 'node-6', address: '10.0.0.6:7000' });
    expect(seen).toEqual(['joined node-6']);
    await harness.advance(1000);
    expect(seen).toContain('node-6 INITIALIZING->HEALTHY');
    harness.nodes.remove('node-6', { force: false });
    expect(seen.at(-1)).toBe('left node-6');
    stop();
    harness.nodes.add({ nodeId: 'node-7', address: '10.0.0.7:7000' });
    expect(seen.at(-1)).toBe('left node-6');
  });

  it('shows the consensus role in place of the spec role, and a fresh list once told it changed', async () => {
    const harness = await cluster({ linkDefaults: EXACT_LINK });
    let leader = 'node-2';
    harness.nodes.followConsensus({ roleOf: (nodeId) => (nodeId === leader ? 'LEADER' : null), isVoter: (nodeId) => nodeId !== 'node-5' });
    expect(harness.nodes.list().find((node) => node.role === 'LEADER')?.nodeId).toBe('node-2');
    leader = 'node-3';
    harness.nodes.consensusChanged();
    expect(harness.nodes.list().find((node) => node.role === 'LEADER')?.nodeId).toBe('node-3');
    expect(harness.nodes.get('node-2').role).toBe('FOLLOWER');
    // node-5 is a learner: 4 voters, quorum 3.
    expect(harness.nodes.summary()).toMatchObject({ voters: 4, quorumSize: 3 });
  });
});
