/**
 * A restart mid-stream: the platform is built twice on one store. The applier's checkpoint, its
 * transactions applied above it, its counters and its checkpoint history come back; the feeder
 * resends from `resumeLsn()` and nothing is lost or applied twice (each row's version counts its
 * writes on node-3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { APPLY, asAdmin, decodedFrom, detachReplica, directApplier } from '../../support/apply.js';
import { expectContract } from '../../support/contract.js';
import { startTestServer } from '../../support/test-server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'rustydb-apply-'));
const storePath = join(dataDir, 'rustydb.sqlite');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('a restart mid-stream resumes from the checkpoint: nothing lost, nothing applied twice', async () => {
  const first = await startTestServer({ nodes: 3, storePath });
  let startLsn: number;
  let checkpointBefore: string;
  try {
    await first.advance(500);
    await detachReplica(first, 'node-3');
    startLsn = first.platform.engines.replication.cluster.currentLsn();
    // 60 transactions on 20 rows: each row written three times, so order matters.
    for (let index = 0; index < 60; index += 1) first.platform.engines.replication.cluster.commit([{ op: 'put', table: 'stock', key: `item${index % 20}`, row: { round: Math.floor(index / 20), index } }]);
    const transactions = decodedFrom(first, startLsn);
    expect(transactions).toHaveLength(60);
    const config = await first.http.put(`${APPLY}/config`).set(asAdmin).send({ applyParallelism: 4, batchMaxTransactions: 2, applyCostPerChangeMs: 5, batchOverheadMs: 5 });
    expect(config.status).toBe(200);
    directApplier(first, 'stock_to_node3', 'node-3', startLsn).enqueue(transactions);
    // Part of the stream is applied when the server stops (the store holds what the ticks committed).
    await first.advance(60);
    const status = await first.http.get(`${APPLY}/status`).set(asAdmin);
    expectContract('listApplierStatus', status);
    checkpointBefore = status.body.data[0].checkpointLsn;
    expect(status.body.data[0].lagTransactions).toBeGreaterThan(0);
    expect(status.body.data[0].lagTransactions).toBeLessThan(60);
  } finally {
    await first.close();
  }

  const second = await startTestServer({ nodes: 3, storePath });
  try {
    const applier = directApplier(second, 'stock_to_node3', 'node-3');
    const status = await second.http.get(`${APPLY}/status`).set(asAdmin);
    expectContract('listApplierStatus', status);
    expect(status.body.data[0]).toMatchObject({ subscriptionId: 'stock_to_node3', checkpointLsn: checkpointBefore, state: 'RUNNING' });
    expect((await second.http.get(`${APPLY}/config`).set(asAdmin)).body.data.batchMaxTransactions).toBe(2);
    // The feeder resends everything from the checkpoint (a slot resends from its confirmed position).
    const resent = decodedFrom(second, applier.resumeLsn());
    const { ignored } = applier.enqueue(resent);
    expect(ignored).toBe(status.body.data[0].appliedAboveCheckpoint);
    await second.advance(500);
    const storage = second.platform.engines.replication.cluster.storageOf('node-3');
    for (let item = 0; item < 20; item += 1) {
      const stored = storage.getRow('stock', `item${item}`);
      // Written three times in order: the last write is there, and the version counts exactly three writes.
      expect(stored?.row).toEqual({ round: 2, index: 40 + item });
      expect(stored?.meta.version).toBe(3);
    }
    const statistics = await second.http.get(`${APPLY}/statistics`).set(asAdmin);
    expectContract('getApplyStatistics', statistics);
    expect(statistics.body.data.transactionsApplied).toBe(60);
  } finally {
    await second.close();
  }
});
