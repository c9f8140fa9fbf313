import { describe, expect, test } from 'vitest';
import { explainConflict } from '../../../src/engines/conflicts/conflict-explainer.js';
import { countConflict, emptyHistory, keyRangeOf } from '../../../src/engines/conflicts/conflict-history.js';
import { predictConflicts } from '../../../src/engines/conflicts/conflict-prediction.js';
import type { ConflictRecord } from '../../../src/engines/conflicts/conflict-record.js';
import { KEY_RANGES, MIN_HISTORY_WINDOWS } from '../../../src/engines/conflicts/conflicts-config.js';
import { resolveConflict } from '../../../src/engines/conflicts/strategies.js';
import { SeededRng } from '../../../src/engines/runtime/index.js';

const WINDOW_MS = 60_000;

describe('explainConflict', () => {
  const writes = {
    base: { balance: 100, tags: ['a'] },
    local: { siteId: 'site-1', nodeId: 'node-1', clock: { 'site-1': 3, 'site-2': 1 }, writtenAtMs: 2_000, row: { balance: 150, tags: ['a', 'b'] } },
    remote: { siteId: 'site-2', nodeId: 'node-6', clock: { 'site-1': 1, 'site-2': 2 }, writtenAtMs: 2_500, row: { balance: 70, tags: [] } },
  };
  const resolution = resolveConflict(writes, 'LAST_WRITER_WINS');
  const record: ConflictRecord = {
    ...writes,
    conflictId: 'group-conflict-1',
    groupKind: 'MULTI_MASTER',
    groupId: 'mmg-1',
    tableName: 'accounts',
    rowKey: 'acct-1',
    conflictType: 'UPDATE_CONFLICT',
    detectedAtMs: 2_600,
    strategy: 'LAST_WRITER_WINS',
    context: { sitePriority: ['site-1', 'site-2'], columnCrdts: { balance: 'PN_COUNTER', tags: 'OR_SET' } },
    status: resolution.status,
    winner: resolution.winner,
    resolvedRow: resolution.row,
    siblings: [],
    reason: resolution.reason,
    resolvedAtMs: 2_600,
    resolvedBy: 'strategy',
    appliedSiteIds: [],
  };

  test('shows the clocks, why the winner won, and what every other strategy would have chosen', () => {
    const explanation = explainConflict(record);
    expect(explanation.clockOrder).toBe('CONCURRENT');
    expect(explanation.clocks).toBe('CONCURRENT: site-1 had seen 2 of site-1 write(s) that site-2 had not; site-2 had seen 1 of site-2 write(s) that site-1 had not.');
    expect(explanation.why).toContain('site-2 wrote at 2500 ms, after site-1 at 2000 ms');
    const byStrategy = Object.fromEntries(explanation.alternatives.map((replay) => [replay.strategy, replay]));
    expect(Object.keys(byStrategy)).toEqual(['SITE_PRIORITY', 'CUSTOM', 'MULTI_VALUE', 'CRDT_PER_COLUMN']);
    expect(byStrategy.SITE_PRIORITY).toMatchObject({ winner: 'LOCAL', row: writes.local.row, agreesWithRecorded: false });
    expect(byStrategy.CUSTOM).toMatchObject({ status: 'PENDING', winner: null });
    expect(byStrategy.MULTI_VALUE).toMatchObject({ status: 'SIBLINGS', siblings: [writes.local, writes.remote] });
    expect(byStrategy.CRDT_PER_COLUMN).toMatchObject({ winner: 'MERGED', row: { balance: 120, tags: ['b'] } });
  });
});

describe('predictConflicts', () => {
  const start = Date.UTC(2026, 11, 8);

  test('with too little history it gives rates but no probability, and says so', () => {
    let history = emptyHistory(WINDOW_MS, start);
    history = countConflict(history, start + 1_000, 'accounts', 'acct-1');
    const predictions = predictConflicts(history, start + 2 * WINDOW_MS + 5, 6);
    expect(predictions).toMatchObject({ observedWindows: 2, sufficientHistory: false, tables: [{ tableName: 'accounts', probability: null, recentCounts: [1, 0], totalConflicts: 1 }] });
    expect(predictions.basis).toContain(`Too little history: 2 complete window(s)`);
    expect(predictions.backtest.tables.brierScore).toBeNull();
  });

  test('a hot table is predicted hot, a cold one cold, and the model beats the base rate when the rate changes', () => {
    const rng = new SeededRng(15);
    let history = emptyHistory(WINDOW_MS, start);
    // orders: quiet for 30 windows, then conflicts in almost every window; audit: one conflict early on.
    for (let window = 0; window < 60; window += 1) {
      const busy = window >= 30 && rng.float() < 0.9;
      if (busy) history = countConflict(history, start + window * WINDOW_MS + 10, 'orders', `order-${window}`);
    }
    history = countConflict(history, start + 2 * WINDOW_MS, 'audit', 'entry-1');
    const predictions = predictConflicts(history, start + 60 * WINDOW_MS, 3);
    expect(predictions.sufficientHistory).toBe(true);
    expect(predictions.observedWindows).toBe(60);
    const [orders, audit] = predictions.tables;
    expect(orders!.tableName).toBe('orders');
    expect(orders!.probability!).toBeGreaterThan(0.5);
    expect(audit!.probability!).toBeLessThan(0.01);
    const { tables } = predictions.backtest;
    expect(tables.predictions).toBe(2 * (60 - MIN_HISTORY_WINDOWS));
    expect(tables.brierScore!).toBeLessThan(tables.baseRateBrierScore!);
    expect(tables.skill!).toBeGreaterThan(0);
    expect(predictions.keyRangeSeries.every((series) => series.keyRange !== null && series.keyRange < KEY_RANGES)).toBe(true);
    expect(keyRangeOf('order-31')).toBe(keyRangeOf('order-31'));
  });
});
