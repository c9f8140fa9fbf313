import { describe, expect, test } from 'vitest';
import { FailoverTracker, MAX_FAILOVER_HISTORY } from '../../../src/engines/failover/failover-tracker.js';

const TIMEOUT_MS = 5_000;
const automatic = { kind: 'AUTOMATIC' as const, reason: 'leader node-1 is down', initiatedBy: 'failure-detector', previousLeaderId: 'node-1', previousTerm: 3, targetNodeId: null };

describe('FailoverTracker', () => {
  test('a failover runs from initiation to the election of a leader in a later term', () => {
    const tracker = new FailoverTracker();
    const started = tracker.begin(automatic, 10_000, TIMEOUT_MS);
    expect(started).toMatchObject({ id: 'failover-1', status: 'IN_PROGRESS' });
    tracker.note({ step: 'ELECTION_STARTED', nodeId: 'node-2', term: 4, detail: 'campaign' }, 10_300);
    // A heartbeat of the old leadership is not a new leader.
    expect(tracker.leaderElected('node-1', 3, 10_350)).toBeUndefined();
    const done = tracker.leaderElected('node-2', 4, 10_420);
    expect(done).toMatchObject({ status: 'COMPLETED', newLeaderId: 'node-2', newTerm: 4, durationMs: 420 });
    expect(done?.timeline.map((step) => step.step)).toEqual(['INITIATED', 'ELECTION_STARTED', 'LEADER_ELECTED', 'COMPLETED']);
    expect(tracker.current()).toBeUndefined();
  });

  test('only one failover runs at a time', () => {
    const tracker = new FailoverTracker();
    tracker.begin(automatic, 0, TIMEOUT_MS);
    expect(() => tracker.begin({ ...automatic, kind: 'MANUAL' }, 1, TIMEOUT_MS)).toThrow(/already in progress/);
  });

  test('a failover with no new leader within the timeout fails', () => {
    const tracker = new FailoverTracker();
    tracker.begin(automatic, 0, TIMEOUT_MS);
    expect(tracker.expire(4_999)).toBeUndefined();
    expect(tracker.expire(5_000)).toMatchObject({ status: 'FAILED', durationMs: 5_000, newLeaderId: null });
  });

  test('a switchover won by another node than the target says so in its timeline', () => {
    const tracker = new FailoverTracker();
    tracker.begin({ ...automatic, kind: 'SWITCHOVER', targetNodeId: 'node-3' }, 0, TIMEOUT_MS);
    const done = tracker.leaderElected('node-2', 4, 100);
    expect(done?.timeline.find((step) => step.step === 'LEADER_ELECTED')?.detail).toMatch(/instead of the target node-3/);
  });

  test('statistics come from the recorded failovers', () => {
    const tracker = new FailoverTracker();
    const durations = [300, 100, 200];
    durations.forEach((durationMs, index) => {
      const at = index * 10_000;
      tracker.begin({ ...automatic, previousTerm: index }, at, TIMEOUT_MS);
      tracker.leaderElected('node-2', index + 1, at + durationMs);
    });
    tracker.begin({ ...automatic, kind: 'DRILL', previousTerm: 9 }, 50_000, TIMEOUT_MS);
    tracker.expire(60_000);
    expect(tracker.statistics()).toEqual({
      total: 4,
      completed: 3,
      failed: 1,
      inProgress: 0,
      byKind: { AUTOMATIC: 3, MANUAL: 0, SWITCHOVER: 0, DRILL: 1 },
      averageDurationMs: 200,
      p50DurationMs: 200,
      p95DurationMs: 300,
      maxDurationMs: 300,
      lastFailoverAtMs: 50_000,
    });
    expect(tracker.history().map((record) => record.id)).toEqual(['failover-4', 'failover-3', 'failover-2', 'failover-1']);
  });

  test('the history is bounded and survives a snapshot and restore', () => {
    const tracker = new FailoverTracker();
    for (let index = 0; index < MAX_FAILOVER_HISTORY + 5; index++) {
      tracker.begin({ ...automatic, previousTerm: index }, index * 10, TIMEOUT_MS);
      tracker.leaderElected('node-2', index + 1, index * 10 + 5);
    }
    const restored = new FailoverTracker(tracker.snapshot());
    expect(restored.history()).toHaveLength(MAX_FAILOVER_HISTORY);
    expect(restored.history().at(-1)?.id).toBe('failover-6');
    expect(restored.begin(automatic, 1e9, TIMEOUT_MS).id).toBe(`failover-${MAX_FAILOVER_HISTORY + 6}`);
  });
});
