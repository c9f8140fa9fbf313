import { describe, expect, it } from 'vitest';
import {
  initialNodeHealth,
  isAvailable,
  missedHeartbeats,
  onHeartbeat,
  onSilence,
  type NodeHealth,
  type NodeStatus,
} from '../../../src/engines/cluster/node-health.js';

const CONFIG = Object.freeze({ suspectTimeoutMs: 1500, failureTimeoutMs: 5000, recoveryHeartbeats: 3 });
/** Cluster time of the last heartbeat in the silence tables. */
const LAST_MS = 10_000;

/** Frozen, so a transition that mutated its input would throw. A DOWN node is recovering from 0; others are not recovering. */
function health(status: NodeStatus, lastHeartbeatMs: number | null, heartbeatsSinceDown: number | null = status === 'DOWN' ? 0 : null): NodeHealth {
  return Object.freeze({ status, lastHeartbeatMs, heartbeatsSinceDown });
}

describe('node health: heartbeats', () => {
  it('INITIALIZING becomes HEALTHY on its first heartbeat', () => {
    expect(onHeartbeat(initialNodeHealth, 500, CONFIG)).toEqual(health('HEALTHY', 500));
  });

  it.each<NodeStatus>(['HEALTHY', 'SUSPECTED'])('%s becomes HEALTHY on a heartbeat, which is recorded as the last one', (status) => {
    expect(onHeartbeat(health(status, LAST_MS), LAST_MS + 2_000, CONFIG)).toEqual(health('HEALTHY', LAST_MS + 2_000));
  });

  it('DOWN goes RECOVERING, then HEALTHY after recoveryHeartbeats heartbeats in a row', () => {
    const down = health('DOWN', LAST_MS);
    const first = onHeartbeat(down, 20_000, CONFIG);
    expect(first).toEqual(health('RECOVERING', 20_000, 1));
    const second = onHeartbeat(first, 20_500, CONFIG);
    expect(second).toEqual(health('RECOVERING', 20_500, 2));
    const third = onHeartbeat(second, 21_000, CONFIG);
    expect(third).toEqual(health('HEALTHY', 21_000));
  });

  it('DOWN goes straight to HEALTHY when one heartbeat is enough', () => {
    expect(onHeartbeat(health('DOWN', LAST_MS), 20_000, { ...CONFIG, recoveryHeartbeats: 1 })).toEqual(health('HEALTHY', 20_000));
  });

  it('a SUSPECTED node that was RECOVERING must send recoveryHeartbeats in a row again', () => {
    // DOWN -> RECOVERING (1 heartbeat) -> SUSPECTED (silence breaks the run) -> RECOVERING, RECOVERING, HEALTHY.
    const recovering = onHeartbeat(health('DOWN', LAST_MS), 20_000, CONFIG);
    const suspected = onSilence(recovering, 21_500, CONFIG);
    expect(suspected).toEqual(health('SUSPECTED', 20_000, 0));
    const first = onHeartbeat(suspected, 21_600, CONFIG);
    expect(first).toEqual(health('RECOVERING', 21_600, 1));
    const second = onHeartbeat(first, 22_100, CONFIG);
    expect(second.status).toBe('RECOVERING');
    expect(onHeartbeat(second, 22_600, CONFIG)).toEqual(health('HEALTHY', 22_600));
  });
});

describe('node health: silence', () => {
  // Each row: status before, silence since the last heartbeat, status after.
  it.each<[NodeStatus, number, NodeStatus]>([
    ['HEALTHY', 0, 'HEALTHY'],
    ['HEALTHY', 1_499, 'HEALTHY'],
    ['HEALTHY', 1_500, 'SUSPECTED'],
    ['HEALTHY', 4_999, 'SUSPECTED'],
    ['HEALTHY', 5_000, 'DOWN'],
    ['SUSPECTED', 1_500, 'SUSPECTED'],
    ['SUSPECTED', 4_999, 'SUSPECTED'],
    ['SUSPECTED', 5_000, 'DOWN'],
    ['RECOVERING', 1_499, 'RECOVERING'],
    ['RECOVERING', 1_500, 'SUSPECTED'],
    ['RECOVERING', 5_000, 'DOWN'],
    ['DOWN', 5_000, 'DOWN'],
    ['DOWN', 60_000, 'DOWN'],
  ])('%s after %i ms of silence is %s', (before, silenceMs, after) => {
    const next = onSilence(health(before, LAST_MS, before === 'RECOVERING' ? 2 : 0), LAST_MS + silenceMs, CONFIG);
    expect(next.status).toBe(after);
    expect(next.lastHeartbeatMs).toBe(LAST_MS);
  });

  it('keeps the very same object when nothing changes', () => {
    const healthy = health('HEALTHY', LAST_MS);
    expect(onSilence(healthy, LAST_MS + 1_499, CONFIG)).toBe(healthy);
    const down = health('DOWN', LAST_MS);
    expect(onSilence(down, LAST_MS + 100_000, CONFIG)).toBe(down);
  });

  it('going SUSPECTED or DOWN forgets the recovery progress', () => {
    const recovering = health('RECOVERING', LAST_MS, 2);
    expect(onSilence(recovering, LAST_MS + 1_500, CONFIG).heartbeatsSinceDown).toBe(0);
    expect(onSilence(recovering, LAST_MS + 5_000, CONFIG).heartbeatsSinceDown).toBe(0);
  });

  it('INITIALIZING never times out: a node that never sent a heartbeat has not started', () => {
    for (const nowMs of [0, 1_500, 5_000, 86_400_000]) {
      expect(onSilence(initialNodeHealth, nowMs, CONFIG)).toBe(initialNodeHealth);
    }
  });
});

describe('missedHeartbeats', () => {
  it.each<[number | null, number, number]>([
    [null, 99_000, 0],
    [LAST_MS, LAST_MS, 0],
    [LAST_MS, LAST_MS + 499, 0],
    [LAST_MS, LAST_MS + 500, 1],
    [LAST_MS, LAST_MS + 1_999, 3],
    [LAST_MS, LAST_MS + 5_499, 10],
    [LAST_MS, LAST_MS - 100, 0],
  ])('last heartbeat %s, now %i: %i missed at a 500 ms interval', (lastHeartbeatMs, nowMs, missed) => {
    expect(missedHeartbeats(health('HEALTHY', lastHeartbeatMs), nowMs, 500)).toBe(missed);
  });
});

describe('isAvailable', () => {
  it.each<[NodeStatus, boolean]>([
    ['INITIALIZING', false],
    ['HEALTHY', true],
    ['SUSPECTED', false],
    ['DOWN', false],
    ['RECOVERING', true],
  ])('%s counts towards quorum: %s', (status, available) => {
    expect(isAvailable(status)).toBe(available);
  });
});
