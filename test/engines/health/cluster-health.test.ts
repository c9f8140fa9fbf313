/**
 * The health binding on a simulated cluster (nodes, failure detector, Raft), without the API:
 * transcripts of the health events a crash, a quorum loss and a recovery produce, and a restart.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { AlertEngine } from '../../../src/engines/alerts/alert-engine.js';
import type { AlertResource } from '../../../src/engines/alerts/events.js';
import { ClusterConsensus } from '../../../src/engines/cluster/cluster-consensus.js';
import type { ClusterStatePayload, HealthIssuePayload, QuorumPayload } from '../../../src/engines/cluster/events.js';
import { CLUSTER_HEALTH_RECORD, ClusterHealth, type StoredClusterHealth } from '../../../src/engines/health/cluster-health.js';
import type { BusEvent } from '../../../src/engines/runtime/event-bus.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';
import { EXACT_LINK, startCluster, type ClusterHarness } from '../cluster/harness.js';

const HEALTH_EVENTS = new Set(['cluster_state_changed', 'quorum_lost', 'quorum_restored', 'health_issue_detected', 'health_issue_resolved']);
const ALERT_EVENTS = new Set(['alert_fired', 'alert_resolved']);

interface Bound {
  cluster: ClusterHarness;
  consensus: ClusterConsensus;
  health: ClusterHealth;
  alerts: AlertEngine;
}

const running: Bound[] = [];
afterEach(async () => {
  for (const bound of running.splice(0)) {
    bound.consensus.close();
    await bound.cluster.close();
  }
});

async function boot(store?: SqliteStore): Promise<Bound> {
  const cluster = await startCluster({ linkDefaults: EXACT_LINK, ...(store ? { store } : {}) });
  const deps = { runtime: cluster.runtime, nodes: cluster.nodes, journal: cluster.journal, bus: cluster.bus };
  const consensus = await ClusterConsensus.load(cluster.store, deps);
  const alerts = await AlertEngine.load(cluster.store, { clock: cluster.runtime.clock, journal: cluster.journal, bus: cluster.bus });
  const health = await ClusterHealth.load(cluster.store, { clock: cluster.runtime.clock, nodes: cluster.nodes, consensus, bus: cluster.bus, journal: cluster.journal, alerts: alerts.source('health') });
  await cluster.journal.flush();
  const bound = { cluster, consensus, health, alerts };
  running.push(bound);
  return bound;
}

/** Health events from `fromIndex` on, one line each: `state OPERATIONAL->DEGRADED`, `+NODE_SUSPECTED node-5`, `-NODE_SUSPECTED node-5`, `quorum_lost 2/5`. */
function healthTranscript(cluster: ClusterHarness, fromIndex = 0): string[] {
  return cluster.events.slice(fromIndex).filter((event) => HEALTH_EVENTS.has(event.type)).map(lineOf);
}

/** Alert events from `fromIndex` on: `fired NODE_DOWN node-5 ERROR`, `resolved NODE_DOWN node-5 ERROR`. */
function alertTranscript(cluster: ClusterHarness, fromIndex = 0): string[] {
  return cluster.events
    .slice(fromIndex)
    .filter((event) => ALERT_EVENTS.has(event.type))
    .map((event) => {
      const alert = event.payload as AlertResource;
      return `${event.type.slice('alert_'.length)} ${alert.name}${alert.labels.node ? ` ${alert.labels.node}` : ''} ${alert.severity}`;
    });
}

function lineOf(event: BusEvent): string {
  if (event.type === 'cluster_state_changed') {
    const payload = event.payload as ClusterStatePayload;
    return `state ${payload.previousState}->${payload.state}`;
  }
  if (event.type === 'quorum_lost' || event.type === 'quorum_restored') {
    const payload = event.payload as QuorumPayload;
    return `${event.type} ${payload.healthyVoters}/${payload.voters}`;
  }
  const issue = event.payload as HealthIssuePayload;
  return `${event.type === 'health_issue_detected' ? '+' : '-'}${issue.type}${issue.nodeId ? ` ${issue.nodeId}` : ''}`;
}

describe('ClusterHealth', () => {
  test('a cluster forms, a follower crashes and comes back: a transcript of health events', async () => {
    const { cluster, consensus, health, alerts } = await boot();
    await cluster.advance(3000);
    const leader = consensus.group.currentLeader()!.leaderId;
    expect(health.reading().summary).toMatchObject({ state: 'OPERATIONAL', failureTolerance: 2 });
    expect(healthTranscript(cluster)).toEqual(expect.arrayContaining(['state null->INITIALIZING', 'state FORMING->OPERATIONAL']));
    expect(health.openIssues()).toEqual([]);

    const victim = leader === 'node-5' ? 'node-4' : 'node-5';
    const mark = cluster.events.length;
    const fault = cluster.runtime.faults.inject({ type: 'crash', nodes: [victim] }, 'fault-1', cluster.runtime.clock.now());
    await cluster.advance(6000);
    expect(healthTranscript(cluster, mark)).toEqual([`state OPERATIONAL->DEGRADED`, `+NODE_SUSPECTED ${victim}`, `-NODE_SUSPECTED ${victim}`, `+NODE_DOWN ${victim}`]);
    // Each issue is an alert of the health source, firing at once and resolving with it.
    expect(alertTranscript(cluster, mark)).toEqual([`fired NODE_SUSPECTED ${victim} WARNING`, `resolved NODE_SUSPECTED ${victim} WARNING`, `fired NODE_DOWN ${victim} ERROR`]);
    const [down] = alerts.openAlerts();
    const issue = health.openIssues()[0]!;
    expect(down).toMatchObject({ source: 'health', state: 'FIRING', activeAtMs: issue.detectedAtMs, startsAtMs: issue.detectedAtMs, annotations: { summary: issue.message, issueId: issue.id } });

    const healed = cluster.events.length;
    cluster.runtime.faults.heal(fault.id);
    await cluster.advance(3000);
    expect(healthTranscript(cluster, healed)).toEqual([
      'state DEGRADED->RECOVERING',
      `-NODE_DOWN ${victim}`,
      `+NODE_RECOVERING ${victim}`,
      'state RECOVERING->OPERATIONAL',
      `-NODE_RECOVERING ${victim}`,
    ]);
    expect(alertTranscript(cluster, healed)).toEqual([`resolved NODE_DOWN ${victim} ERROR`, `fired NODE_RECOVERING ${victim} INFO`, `resolved NODE_RECOVERING ${victim} INFO`]);
    expect(alerts.openAlerts()).toEqual([]);
    // Every change is journaled with the step that made it.
    const stored = await cluster.store.get<StoredClusterHealth>(CLUSTER_HEALTH_RECORD, 'current');
    expect(stored?.monitor.samples.at(-1)).toEqual(health.samples().at(-1));
    expect(stored?.monitor.resolved.map((issue) => issue.id).sort()).toEqual(health.issues().filter((issue) => issue.resolvedAtMs !== null).map((issue) => issue.id).sort());
  });

  test('losing three of five voters loses quorum once; healing restores it once', async () => {
    const { cluster, consensus, health } = await boot();
    await cluster.advance(3000);
    const leader = consensus.group.currentLeader()!.leaderId;
    const victims = ['node-5', 'node-4', 'node-3', 'node-2'].filter((nodeId) => nodeId !== leader).slice(0, 3);
    const mark = cluster.events.length;
    const fault = cluster.runtime.faults.inject({ type: 'crash', nodes: victims }, 'fault-1', cluster.runtime.clock.now());
    await cluster.advance(6000);
    const lost = healthTranscript(cluster, mark);
    expect(lost.filter((line) => line.startsWith('quorum'))).toEqual(['quorum_lost 2/5']);
    expect(lost).toContain('state DEGRADED->STOPPED');
    expect(lost).toContain('+QUORUM_LOST');
    expect(health.openIssues().find((issue) => issue.type === 'QUORUM_LOST')).toMatchObject({ severity: 'CRITICAL', affectedNodes: [...victims].sort() });

    const healed = cluster.events.length;
    cluster.runtime.faults.heal(fault.id);
    await cluster.advance(4000);
    const restored = healthTranscript(cluster, healed);
    expect(restored.filter((line) => line.startsWith('quorum'))).toEqual(['quorum_restored 3/5']);
    expect(restored).toContain('-QUORUM_LOST');
    expect(restored.at(-1)).toMatch(/^(state RECOVERING->OPERATIONAL|-NODE_RECOVERING node-\d)$/);
    expect(health.openIssues()).toEqual([]);
  });

  test('a restart keeps issues and samples, and a loss announced before it is restored after it', async () => {
    const store = SqliteStore.open(':memory:');
    const first = await boot(store);
    await first.cluster.advance(3000);
    const leader = first.consensus.group.currentLeader()!.leaderId;
    const victims = ['node-5', 'node-4', 'node-3', 'node-2'].filter((nodeId) => nodeId !== leader).slice(0, 3);
    first.cluster.runtime.faults.inject({ type: 'crash', nodes: victims }, 'fault-1', first.cluster.runtime.clock.now());
    await first.cluster.advance(3000);
    expect(healthTranscript(first.cluster)).toContain('quorum_lost 2/5');
    const issues = first.health.issues();
    const samples = first.health.samples();
    running.splice(running.indexOf(first), 1);
    first.consensus.close();
    await first.cluster.close();

    // The restarted cluster runs every node again (faults are the platform's to restore). The
    // harness does not keep the clock: it starts over behind the journaled samples.
    const second = await boot(store);
    expect(second.cluster.runtime.clock.now()).toBeLessThan(samples.at(-1)!.atMs);
    try {
      expect(second.health.samples().slice(0, samples.length)).toEqual(samples);
      // History never runs backwards: the first observation comes after the newest sample.
      expect(second.health.samples().at(-1)).toMatchObject({ state: 'INITIALIZING', atMs: samples.at(-1)!.atMs + 1 });
      // Nothing is known about the nodes until they answer, so the issues of the first life are resolved.
      expect(second.health.issues().map((issue) => issue.id).sort()).toEqual(issues.map((issue) => issue.id).sort());
      expect(second.health.openIssues()).toEqual([]);
      // Their alerts were restored firing, and resolved at that first observation.
      const firstStart = second.health.samples().at(-1)!.atMs;
      expect(second.alerts.openAlerts()).toEqual([]);
      expect(second.alerts.history().filter((alert) => alert.endsAtMs === firstStart).map((alert) => alert.annotations.issueId).sort()).toEqual(
        issues.filter((issue) => issue.resolvedAtMs === null).map((issue) => issue.id).sort(),
      );
      await second.cluster.advance(3000);
      const transcript = healthTranscript(second.cluster);
      expect(transcript.filter((line) => line.startsWith('quorum'))).toEqual(['quorum_restored 3/5']);
      expect(transcript).toContain('state FORMING->OPERATIONAL');
      expect(second.health.reading().summary.state).toBe('OPERATIONAL');
    } finally {
      await store.close();
    }
  });
});
