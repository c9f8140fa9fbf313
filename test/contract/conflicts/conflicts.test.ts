/**
 * /api/v1/advanced-replication/conflicts/{crdts,strategies,resolve,statistics,predictions} over
 * REST and their GraphQL twins, with conflicts fed straight into the conflict book (the
 * multi-master engine records them in the running platform) and a stand-in applier in place of
 * the one multi-master registers. Ends with a restart on the same store: the book comes back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RecordConflictInput } from '../../../src/engines/conflicts/conflict-book.js';
import type { ConflictRecord, Resolution } from '../../../src/engines/conflicts/conflict-record.js';
import { lastAuditEntry } from '../../support/audit.js';
import { expectContract } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

const C = '/api/v1/advanced-replication/conflicts';
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const dataDir = mkdtempSync(join(tmpdir(), 'rustydb-conflicts-'));
const storePath = join(dataDir, 'rustydb.sqlite');

let server: TestServer;
let viewerKey: string;
beforeAll(async () => {
  server = await startTestServer({ nodes: 3, storePath });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(1000);
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** site-1 and site-2 both changed acct-N from balance 100 without seeing each other. */
function conflictOn(rowKey: string, strategy: RecordConflictInput['strategy']): RecordConflictInput {
  const nowMs = server.platform.runtime.clock.now();
  return {
    groupKind: 'MULTI_MASTER',
    groupId: 'mmg-1',
    tableName: 'accounts',
    rowKey,
    base: { balance: 100, tags: ['a'] },
    local: { siteId: 'site-1', nodeId: 'node-1', clock: { 'site-1': 2, 'site-2': 1 }, writtenAtMs: nowMs - 500, row: { balance: 150, tags: ['a', 'b'] } },
    remote: { siteId: 'site-2', nodeId: 'node-2', clock: { 'site-1': 1, 'site-2': 2 }, writtenAtMs: nowMs - 200, row: { balance: 70, tags: [] } },
    strategy,
    context: { sitePriority: ['site-1', 'site-2'], columnCrdts: { balance: 'PN_COUNTER', tags: 'OR_SET' } },
  };
}

describe('conflicts', () => {
  const applied: [string, Resolution][] = [];
  let pending: ConflictRecord;
  let siblings: ConflictRecord;

  test('crdts lists the six types with their laws and the columns that use them; strategies lists all five with their counts', async () => {
    const book = server.platform.engines.conflicts;
    book.record(conflictOn('acct-1', 'LAST_WRITER_WINS'));
    siblings = book.record(conflictOn('acct-2', 'MULTI_VALUE'));
    pending = book.record(conflictOn('acct-3', 'CUSTOM'));

    const crdts = await server.http.get(`${C}/crdts`).set('X-API-Key', viewerKey);
    expectContract('listConflictCrdts', crdts);
    expect(crdts.body.data.total).toBe(6);
    const byType = Object.fromEntries(crdts.body.data.crdts.map((crdt: { crdtType: string }) => [crdt.crdtType, crdt]));
    expect(Object.keys(byType)).toEqual(['LWW_REGISTER', 'G_COUNTER', 'PN_COUNTER', 'G_SET', 'TWO_PHASE_SET', 'OR_SET']);
    expect(byType.PN_COUNTER).toMatchObject({ columnValues: 'NUMBER', operations: ['increment', 'decrement'], usedBy: [{ groupKind: 'MULTI_MASTER', groupId: 'mmg-1', tableName: 'accounts', column: 'balance' }] });
    expect(byType.OR_SET.usedBy).toEqual([{ groupKind: 'MULTI_MASTER', groupId: 'mmg-1', tableName: 'accounts', column: 'tags' }]);
    expect(byType.G_SET.usedBy).toEqual([]);

    const strategies = await server.http.get(`${C}/strategies`).set(asAdmin);
    expectContract('listConflictStrategies', strategies);
    expect(strategies.body.data.strategies.map((strategy: { strategy: string; conflictsRecorded: number; losesWrites: boolean }) => [strategy.strategy, strategy.conflictsRecorded, strategy.losesWrites])).toEqual([
      ['LAST_WRITER_WINS', 1, true],
      ['SITE_PRIORITY', 0, true],
      ['CUSTOM', 1, false],
      ['MULTI_VALUE', 1, false],
      ['CRDT_PER_COLUMN', 0, false],
    ]);

    const viaGraphql = dataOf(await graphql<{ conflictCrdts: { crdtType: string; usedBy: unknown[] }[]; conflictStrategies: { strategy: string; conflictsRecorded: number }[] }>(
      server,
      '{ conflictCrdts { crdtType usedBy { tableName column } } conflictStrategies { strategy conflictsRecorded } }',
    ));
    expect(viaGraphql.conflictCrdts.map((crdt) => crdt.crdtType)).toEqual(Object.keys(byType));
    expect(viaGraphql.conflictStrategies.find((strategy) => strategy.strategy === 'MULTI_VALUE')?.conflictsRecorded).toBe(1);
  });

  test('resolve writes through the applier and answers with the explanation; refusals change nothing', async () => {
    const resolve = (body: object, key = ADMIN_KEY) => server.http.post(`${C}/resolve`).set('X-API-Key', key).send(body);

    // The multi-master module's applier knows no group mmg-1: refused, nothing changed.
    const noGroup = await resolve({ conflictId: pending.conflictId, strategy: 'LAST_WRITER_WINS' });
    expectContract('resolveGroupConflict', noGroup);
    expect(noGroup.status).toBe(404);
    expect(server.platform.engines.conflicts.get(pending.conflictId).status).toBe('PENDING');
    // This test's applier stands in for the group's sites.
    server.platform.engines.conflicts.onResolve('MULTI_MASTER', (record, resolution) => {
      applied.push([record.conflictId, resolution]);
      return { appliedSiteIds: ['site-1', 'site-2'] };
    });

    const bad = await resolve({ conflictId: 'conflict-1', strategy: 'EVERYONE_WINS' });
    expectContract('resolveGroupConflict', bad);
    expect(bad.status).toBe(400);
    const unknown = await resolve({ conflictId: 'group-conflict-99', strategy: 'LAST_WRITER_WINS' });
    expectContract('resolveGroupConflict', unknown);
    expect(unknown.status).toBe(404);
    const noRow = await resolve({ conflictId: pending.conflictId, strategy: 'CUSTOM' });
    expectContract('resolveGroupConflict', noRow);
    expect(noRow.status).toBe(422);
    const viewer = await resolve({ conflictId: pending.conflictId, strategy: 'LAST_WRITER_WINS' }, viewerKey);
    expectContract('resolveGroupConflict', viewer);
    expect(viewer.status).toBe(403);
    expect(applied).toEqual([]);

    const resolved = await resolve({ conflictId: pending.conflictId, strategy: 'CRDT_PER_COLUMN' });
    expectContract('resolveGroupConflict', resolved);
    expect(resolved.status).toBe(200);
    const { conflict, explanation } = resolved.body.data;
    expect(conflict).toMatchObject({ conflictId: pending.conflictId, status: 'RESOLVED', winner: 'MERGED', strategy: 'CRDT_PER_COLUMN', resolvedRow: { balance: 120, tags: ['b'] }, appliedSiteIds: ['site-1', 'site-2'] });
    expect(conflict.local.clock).toEqual({ 'site-1': 2, 'site-2': 1 });
    expect(explanation).toMatchObject({ clockOrder: 'CONCURRENT', strategy: 'CRDT_PER_COLUMN', why: expect.stringContaining('balance: PN_COUNTER merge') });
    expect(explanation.alternatives.map((replay: { strategy: string; winner: string | null }) => [replay.strategy, replay.winner])).toEqual([
      ['LAST_WRITER_WINS', 'REMOTE'],
      ['SITE_PRIORITY', 'LOCAL'],
      ['CUSTOM', null],
      ['MULTI_VALUE', 'SIBLINGS'],
    ]);
    expect(applied.map(([conflictId, resolution]) => [conflictId, resolution.row])).toEqual([[pending.conflictId, { balance: 120, tags: ['b'] }]]);
    expect(await lastAuditEntry(server, 'resolveGroupConflict')).toMatchObject({ outcome: 'SUCCESS', target: `conflict/${pending.conflictId}` });

    const again = await resolve({ conflictId: pending.conflictId, strategy: 'LAST_WRITER_WINS' });
    expectContract('resolveGroupConflict', again);
    expect(again.status).toBe(409);

    const viaGraphql = await graphql<{ resolveGroupConflict: { conflict: { status: string; winner: string; resolvedRow: unknown }; explanation: { clockOrder: string } } }>(
      server,
      'mutation ($input: ResolveGroupConflictInput!) { resolveGroupConflict(input: $input) { conflict { status winner resolvedRow } explanation { clockOrder } } }',
      { input: { conflictId: siblings.conflictId, strategy: 'CUSTOM', customRow: { balance: 99 } } },
    );
    expect(dataOf(viaGraphql).resolveGroupConflict).toEqual({ conflict: { status: 'RESOLVED', winner: 'CUSTOM', resolvedRow: { balance: 99 } }, explanation: { clockOrder: 'CONCURRENT' } });
    const refused = await graphql(server, 'mutation { resolveGroupConflict(input: { conflictId: "group-conflict-99", strategy: LAST_WRITER_WINS }) { conflict { status } } }');
    expect(codesOf(refused)).toEqual(['NOT_FOUND']);
    const explained = dataOf(await graphql<{ groupConflictExplanation: { why: string; alternatives: { strategy: string }[] } | null; unknown: null }>(
      server,
      `{ groupConflictExplanation(conflictId: "${siblings.conflictId}") { why alternatives { strategy } } unknown: groupConflictExplanation(conflictId: "group-conflict-99") { why } }`,
    ));
    expect(explained.groupConflictExplanation?.why).toBe('The operator gave the row to keep.');
    expect(explained.unknown).toBeNull();
  });

  test('statistics count by type, strategy, status and table; predictions say when history is too short', async () => {
    const statistics = await server.http.get(`${C}/statistics`).set('X-API-Key', viewerKey);
    expectContract('getConflictStatistics', statistics);
    expect(statistics.body.data).toEqual({
      recorded: 3,
      resolvedOnArrival: 1,
      resolvedLater: 2,
      open: 0,
      kept: 3,
      capacity: 1000,
      byType: [{ key: 'UPDATE_CONFLICT', conflicts: 3 }],
      byStrategy: [
        { key: 'CUSTOM', conflicts: 1 },
        { key: 'LAST_WRITER_WINS', conflicts: 1 },
        { key: 'MULTI_VALUE', conflicts: 1 },
      ],
      byStatus: [{ key: 'RESOLVED', conflicts: 3 }],
      byTable: [{ key: 'accounts', conflicts: 3 }],
    });

    const predictions = await server.http.get(`${C}/predictions`).set(asAdmin);
    expectContract('getConflictPredictions', predictions);
    expect(predictions.body.data).toMatchObject({ model: 'EXPONENTIALLY_WEIGHTED_POISSON', sufficientHistory: false, observedWindows: 0, tables: [], backtest: { tables: { predictions: 0, brierScore: null } } });
    expect(predictions.body.data.basis).toContain('Too little history');
    // Conflicts of the current window count once it is complete (the engine tests move the clock over windows).
    const filtered = await server.http.get(`${C}/predictions?tableName=orders`).set(asAdmin);
    expectContract('getConflictPredictions', filtered);
    expect(filtered.body.data.keyRangeSeries).toEqual([]);

    const viaGraphql = dataOf(await graphql<{ conflictStatistics: { recorded: number; byStatus: unknown[] }; conflictPredictions: { sufficientHistory: boolean; tables: { totalConflicts: number }[] } }>(
      server,
      '{ conflictStatistics { recorded byStatus { key conflicts } } conflictPredictions(tableName: "accounts") { sufficientHistory tables { totalConflicts } } }',
    ));
    expect(viaGraphql).toEqual({ conflictStatistics: { recorded: 3, byStatus: [{ key: 'RESOLVED', conflicts: 3 }] }, conflictPredictions: { sufficientHistory: false, tables: [] } });
  });

  test('a restart on the same store brings the book back: records, statistics and history', async () => {
    const before = (await server.http.get(`${C}/statistics`).set(asAdmin)).body.data;
    const records = server.platform.engines.conflicts.list();
    await server.close();
    server = await startTestServer({ nodes: 3, storePath });
    expect(server.platform.engines.conflicts.list()).toEqual(records);
    const after = await server.http.get(`${C}/statistics`).set(asAdmin);
    expectContract('getConflictStatistics', after);
    expect(after.body.data).toEqual(before);
    expect(server.platform.engines.conflicts.record(conflictOn('acct-4', 'LAST_WRITER_WINS')).conflictId).toBe('group-conflict-4');
  });
});
