/**
 * A thousand Raft nodes on one clock timer: the group elects a leader, commits, and idles with
 * heartbeats only. Guards against per-node timers and against work quadratic in the group size.
 */
import { describe, expect, it } from 'vitest';
import { SimulationRuntime } from '../../../src/engines/runtime/index.js';
import { RaftGroup } from '../../../src/engines/raft/index.js';
import { LAB_NODE_SETTINGS, START_MS } from './harness.js';

describe('scale', () => {
  it('1000 nodes (5 voters, 995 learners): one timer, an election, a commit, and heartbeat-only idling', () => {
    const runtime = new SimulationRuntime({ seed: 1000, startMs: START_MS });
    const ids = Array.from({ length: 1000 }, (_, index) => `node-${index}`);
    const group = new RaftGroup({ runtime, nodeIds: ids.slice(0, 5), learnerIds: ids.slice(5), tickIntervalMs: 10, node: LAB_NODE_SETTINGS });
    const network = runtime.network('raft');
    // Every timer but the group's tick is a message in flight.
    expect(runtime.clock.pendingTimers() - network.stats().inFlight).toBe(1);

    runtime.clock.advance(2_000);
    const leader = group.currentLeader();
    expect(leader).not.toBeNull();
    expect(group.leaderStatus()?.votesReceived).toBeGreaterThanOrEqual(3);
    expect(group.leaderStatus()?.configuration.learners).toHaveLength(995);

    const { index, term } = group.propose({ command: 'hello, thousand' });
    runtime.clock.advance(100);
    expect(group.entryOutcome(index, term)).toBe('COMMITTED');
    expect(group.status('node-999').raft?.lastApplied).toBe(index);

    const before = network.stats().sent;
    runtime.clock.advance(1_000);
    // Ten heartbeat rounds to 999 followers, each answered.
    expect(network.stats().sent - before).toBeLessThanOrEqual(10 * 999 * 2 + 999 * 2);
    expect(group.currentLeader()).toEqual(leader);
    expect(runtime.clock.pendingTimers() - network.stats().inFlight).toBe(1);
    group.close();
  });
});
