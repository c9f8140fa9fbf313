import { describe, expect, test } from 'vitest';
import { quorumOf, clusterStateOf, type NodeRole } from '../../../src/engines/cluster/quorum.js';
import type { NodeStatus } from '../../../src/engines/cluster/node-health.js';
import { HealthMonitor } from '../../../src/engines/health/health-monitor.js';
import { detectIssues, type HealthObservation } from '../../../src/engines/health/issue-detection.js';

/** An observation of nodes node-1…node-N with the given statuses; node-1 leads unless told otherwise. */
function observe(nowMs: number, statuses: NodeStatus[], leaderId: string | null = 'node-1'): HealthObservation {
  const nodes = statuses.map((status, index) => ({ nodeId: `node-${index + 1}`, role: 'FOLLOWER' as NodeRole, status }));
  const quorum = quorumOf(nodes, 0);
  return { nowMs, nodes, quorum, state: clusterStateOf(nodes, quorum), leaderId };
}

const ALL_HEALTHY: NodeStatus[] = ['HEALTHY', 'HEALTHY', 'HEALTHY', 'HEALTHY', 'HEALTHY'];

describe('detectIssues', () => {
  test('a healthy cluster with a leader has no issue', () => {
    expect(detectIssues(observe(0, ALL_HEALTHY))).toEqual([]);
  });

  test('one issue per unhealthy node, the leader’s own failure is critical', () => {
    const issues = detectIssues(observe(0, ['DOWN', 'SUSPECTED', 'RECOVERING', 'HEALTHY', 'HEALTHY'])).filter((issue) => issue.key.startsWith('NODE_'));
    expect(issues.map((issue) => [issue.key, issue.severity])).toEqual([
      ['NODE_DOWN:node-1', 'CRITICAL'],
      ['NODE_SUSPECTED:node-2', 'WARNING'],
      ['NODE_RECOVERING:node-3', 'INFO'],
    ]);
  });

  test('losing the last margin warns; losing quorum is critical and names the missing nodes', () => {
    const twoDown = detectIssues(observe(0, ['HEALTHY', 'HEALTHY', 'HEALTHY', 'DOWN', 'DOWN']));
    expect(twoDown.find((issue) => issue.type === 'NO_FAILURE_TOLERANCE')).toMatchObject({ severity: 'WARNING', affectedNodes: ['node-4', 'node-5'] });
    const threeDown = detectIssues(observe(0, ['HEALTHY', 'HEALTHY', 'DOWN', 'DOWN', 'DOWN'], null));
    expect(threeDown.find((issue) => issue.type === 'QUORUM_LOST')).toMatchObject({ severity: 'CRITICAL', affectedNodes: ['node-3', 'node-4', 'node-5'] });
    expect(threeDown.find((issue) => issue.type === 'NO_LEADER')?.severity).toBe('CRITICAL');
    expect(threeDown.some((issue) => issue.type === 'NO_FAILURE_TOLERANCE')).toBe(false);
  });

  test('a cluster still starting reports no quorum or leader issue', () => {
    expect(detectIssues(observe(0, ['INITIALIZING', 'INITIALIZING', 'INITIALIZING'], null))).toEqual([]);
  });
});

describe('HealthMonitor', () => {
  test('an issue opens once, keeps its id while it lasts, and resolves when it is gone', () => {
    const monitor = new HealthMonitor();
    expect(monitor.observe(observe(1000, ALL_HEALTHY)).opened).toEqual([]);
    const suspected = monitor.observe(observe(2000, ['HEALTHY', 'HEALTHY', 'SUSPECTED', 'HEALTHY', 'HEALTHY']));
    expect(suspected.opened).toMatchObject([{ id: 'issue-1', type: 'NODE_SUSPECTED', detectedAtMs: 2000, resolvedAtMs: null }]);
    expect(monitor.observe(observe(2500, ['HEALTHY', 'HEALTHY', 'SUSPECTED', 'HEALTHY', 'HEALTHY'])).opened).toEqual([]);
    const down = monitor.observe(observe(3000, ['HEALTHY', 'HEALTHY', 'DOWN', 'HEALTHY', 'HEALTHY']));
    expect(down.resolved).toMatchObject([{ id: 'issue-1', resolvedAtMs: 3000 }]);
    expect(down.opened).toMatchObject([{ id: 'issue-2', type: 'NODE_DOWN' }]);
    expect(monitor.observe(observe(9000, ALL_HEALTHY)).resolved.map((issue) => issue.id)).toEqual(['issue-2']);
    expect(monitor.openIssues()).toEqual([]);
    expect(monitor.allIssues().map((issue) => issue.id)).toEqual(['issue-2', 'issue-1']);
  });

  test('an issue whose severity changes is updated in place, not reopened', () => {
    const monitor = new HealthMonitor();
    monitor.observe(observe(1000, ['HEALTHY', 'HEALTHY', 'DOWN', 'HEALTHY', 'HEALTHY']));
    // node-3 is the leader now in this observation: its failure becomes critical.
    const change = monitor.observe(observe(2000, ['HEALTHY', 'HEALTHY', 'DOWN', 'HEALTHY', 'HEALTHY'], 'node-3'));
    expect(change.opened.filter((issue) => issue.type === 'NODE_DOWN')).toEqual([]);
    expect(monitor.openIssues().find((issue) => issue.type === 'NODE_DOWN')).toMatchObject({ id: 'issue-1', severity: 'CRITICAL', updatedAtMs: 2000, detectedAtMs: 1000 });
  });

  test('samples are kept only when the picture changes, and report the state transition', () => {
    const monitor = new HealthMonitor();
    expect(monitor.observe(observe(1000, ALL_HEALTHY))).toMatchObject({ previousState: null, state: 'OPERATIONAL' });
    expect(monitor.observe(observe(1500, ALL_HEALTHY)).sample).toBeNull();
    const degraded = monitor.observe(observe(2000, ['HEALTHY', 'DOWN', 'HEALTHY', 'HEALTHY', 'HEALTHY']));
    expect(degraded).toMatchObject({ previousState: 'OPERATIONAL', state: 'DEGRADED', sample: { atMs: 2000, downNodes: 1, failureTolerance: 1, openIssues: 1 } });
    expect(monitor.samples().map((sample) => sample.state)).toEqual(['OPERATIONAL', 'DEGRADED']);
  });

  test('histories are bounded, and a restored monitor continues numbering', () => {
    const monitor = new HealthMonitor(undefined, { maxResolvedIssues: 2, maxSamples: 3 });
    for (let step = 0; step < 4; step++) {
      monitor.observe(observe(step * 2000, ['HEALTHY', 'SUSPECTED', 'HEALTHY', 'HEALTHY', 'HEALTHY']));
      monitor.observe(observe(step * 2000 + 1000, ALL_HEALTHY));
    }
    const saved = monitor.snapshot();
    expect(saved.resolved.map((issue) => issue.id)).toEqual(['issue-3', 'issue-4']);
    expect(saved.samples).toHaveLength(3);
    const restored = new HealthMonitor(saved);
    expect(restored.observe(observe(9000, ['HEALTHY', 'DOWN', 'HEALTHY', 'HEALTHY', 'HEALTHY'])).opened[0]?.id).toBe('issue-5');
  });

  test('observations must not go back in time', () => {
    const monitor = new HealthMonitor();
    monitor.observe(observe(2000, ALL_HEALTHY));
    expect(() => monitor.observe(observe(1000, ALL_HEALTHY))).toThrow(/back in time/);
  });
});

describe('HealthMonitor: what the API needs of it', () => {
  test('issues say which component and which node they concern', () => {
    const issues = detectIssues(observe(0, ['HEALTHY', 'HEALTHY', 'DOWN', 'DOWN', 'SUSPECTED'], null));
    expect(issues.map((issue) => [issue.type, issue.component, issue.nodeId])).toEqual([
      ['QUORUM_LOST', 'QUORUM', null],
      ['NO_LEADER', 'CONSENSUS', null],
      ['NODE_DOWN', 'NODE', 'node-3'],
      ['NODE_DOWN', 'NODE', 'node-4'],
      ['NODE_SUSPECTED', 'NODE', 'node-5'],
    ]);
  });

  test('an observation reports the open issues it updated', () => {
    const monitor = new HealthMonitor();
    monitor.observe(observe(1000, ['HEALTHY', 'HEALTHY', 'DOWN', 'HEALTHY', 'HEALTHY']));
    expect(monitor.observe(observe(1500, ['HEALTHY', 'HEALTHY', 'DOWN', 'HEALTHY', 'HEALTHY'])).updated).toEqual([]);
    const change = monitor.observe(observe(2000, ['HEALTHY', 'HEALTHY', 'DOWN', 'HEALTHY', 'HEALTHY'], 'node-3'));
    expect(change.updated).toMatchObject([{ id: 'issue-1', severity: 'CRITICAL', updatedAtMs: 2000 }]);
  });

  test('changes at one instant make one sample, and a change undone at the same instant none', () => {
    const monitor = new HealthMonitor();
    monitor.observe(observe(1000, ALL_HEALTHY));
    monitor.observe(observe(2000, ['HEALTHY', 'SUSPECTED', 'HEALTHY', 'HEALTHY', 'HEALTHY']));
    monitor.observe(observe(2000, ['HEALTHY', 'SUSPECTED', 'SUSPECTED', 'HEALTHY', 'HEALTHY']));
    expect(monitor.samples().map((sample) => [sample.atMs, sample.suspectedNodes])).toEqual([[1000, 0], [2000, 2]]);
    monitor.observe(observe(3000, ['HEALTHY', 'DOWN', 'HEALTHY', 'HEALTHY', 'HEALTHY']));
    const undone = monitor.observe(observe(3000, ['HEALTHY', 'SUSPECTED', 'SUSPECTED', 'HEALTHY', 'HEALTHY']));
    expect(undone.previousState).toBe('DEGRADED');
    expect(monitor.samples().map((sample) => [sample.atMs, sample.suspectedNodes, sample.downNodes])).toEqual([[1000, 0, 0], [2000, 2, 0]]);
  });

  test('the state began with the oldest sample of the newest run in that state', () => {
    const monitor = new HealthMonitor();
    expect(monitor.stateSinceMs()).toBeNull();
    monitor.observe(observe(1000, ALL_HEALTHY));
    monitor.observe(observe(2000, ['HEALTHY', 'SUSPECTED', 'HEALTHY', 'HEALTHY', 'HEALTHY']));
    monitor.observe(observe(3000, ['HEALTHY', 'DOWN', 'HEALTHY', 'HEALTHY', 'HEALTHY']));
    expect(monitor.stateSinceMs()).toBe(2000);
    monitor.observe(observe(4000, ALL_HEALTHY));
    expect(monitor.stateSinceMs()).toBe(4000);
  });
});
