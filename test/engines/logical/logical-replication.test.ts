import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startReplication, type ReplicationHarness } from '../replication/harness.js';
import { LogicalReplication } from '../../../src/engines/logical/logical-replication.js';
import { LogicalJournal, loadLogicalState } from '../../../src/engines/logical/logical-records.js';
import { logicalChannelSource } from '../../../src/engines/logical/logical-channels.js';
import { hashText, partialOf, REDACTED } from '../../../src/engines/logical/publication.js';
import type { SqliteStore } from '../../../src/store/sqlite-store.js';
import { SqliteStore as Sqlite } from '../../../src/store/sqlite-store.js';
import type { RowValue } from '../../../src/engines/replication/wal-record.js';
import { domainErrorFrom } from '../replication/harness.js';
import { ApplyEngine } from '../../../src/engines/apply/apply-engine.js';
import type { ApplierRecord } from '../../../src/engines/apply/applier.js';

/** The apply engine as the apply module assembles it, persisted in the same journal. */
async function applyEngineOf(h: ReplicationHarness, store?: SqliteStore): Promise<ApplyEngine> {
  const appliers = store === undefined ? [] : (await store.list<ApplierRecord>('apply.applier')).map((record) => record.value);
  return new ApplyEngine(
    {
      clock: h.runtime.clock,
      persistence: {
        saveConfig: (value) => h.journal.put('apply.config', 'current', value),
        saveApplier: (record) => h.journal.put('apply.applier', record.subscriptionId, record),
        deleteApplier: (id) => h.journal.delete('apply.applier', id),
      },
    },
    { appliers },
  );
}

let harness: ReplicationHarness | undefined;
let logical: LogicalReplication | undefined;
afterEach(async () => {
  logical?.close();
  logical = undefined;
  await harness?.close();
  harness = undefined;
});

/** node-1 primary with node-2 its standby; node-3 standalone (outside the physical group). */
async function start(store?: SqliteStore): Promise<{ harness: ReplicationHarness; logical: LogicalReplication }> {
  harness = await startReplication({ nodeIds: ['node-1', 'node-2', 'node-3'], replicaIds: ['node-2'], ...(store ? { store } : {}) });
  const restored = store ? await loadLogicalState(store) : undefined;
  const apply = await applyEngineOf(harness, store);
  logical = new LogicalReplication({ cluster: harness.cluster, apply, clock: harness.runtime.clock, records: new LogicalJournal(harness.journal) }, restored);
  const stopApply = harness.close;
  harness.close = async () => {
    apply.close();
    await stopApply();
  };
  return { harness, logical };
}

function rowsOf(h: ReplicationHarness, nodeId: string, table: string): Record<string, RowValue> {
  return Object.fromEntries(h.cluster.storageOf(nodeId).tableImage(table).map((stored) => [stored.key, stored.row]));
}

describe('logical decoding', () => {
  it('decoded changes equal the writes made, in commit order, with transaction boundaries', async () => {
    const { harness, logical } = await start();
    const from = harness.cluster.currentLsn();
    harness.cluster.commit([
      { op: 'put', table: 'accounts', key: 'a1', row: { owner: 'ada', balance: 10 } },
      { op: 'put', table: 'orders', key: 'o1', row: { total: 5 } },
    ]);
    harness.cluster.put('accounts', 'a1', { owner: 'ada', balance: 20 });
    harness.cluster.delete('orders', 'o1');
    const page = logical.changes({ fromLsn: from });
    expect(page.changes.map((change) => [change.op, change.table, change.key, change.row])).toEqual([
      ['insert', 'accounts', 'a1', { owner: 'ada', balance: 10 }],
      ['insert', 'orders', 'o1', { total: 5 }],
      ['update', 'accounts', 'a1', { owner: 'ada', balance: 20 }],
      ['delete', 'orders', 'o1', null],
    ]);
    // The first two share a transaction; xids grow in commit order.
    const xids = page.changes.map((change) => change.xid as number);
    expect(xids[0]).toBe(xids[1]);
    expect(xids[1]! < xids[2]! && xids[2]! < xids[3]!).toBe(true);
    expect(page.nextLsn).toBe(harness.cluster.currentLsn());
    expect(page.hasMore).toBe(false);
    // Filters and a bounded page that continues from nextLsn.
    expect(logical.changes({ fromLsn: from, table: 'accounts', op: 'update' }).changes).toHaveLength(1);
    const first = logical.changes({ fromLsn: from, limit: 2 });
    expect(first.changes).toHaveLength(2);
    expect(logical.changes({ fromLsn: first.nextLsn, limit: 2 }).changes.map((change) => change.op)).toEqual(['update', 'delete']);
  });
});

describe('publications', () => {
  it('refuses a row filter the parser cannot read and columns the table does not have', async () => {
    const { harness, logical } = await start();
    harness.cluster.put('customers', 'c1', { name: 'Ada', card: '4111111111111111', region: 'eu' });
    const bad = domainErrorFrom(() => logical.createPublication({ name: 'p1', tables: [{ table: 'customers', rowFilter: "region = 'eu' OR" }] }));
    expect(bad.code).toBe('UNPROCESSABLE');
    const unknown = domainErrorFrom(() => logical.createPublication({ name: 'p1', tables: [{ table: 'customers', rowFilter: "country = 'fr'", columns: ['name', 'phone'] }] }));
    expect(String(unknown.details?.problems)).toMatch(/phone/);
    expect(String(unknown.details?.problems)).toMatch(/country/);
    expect(logical.listPublications()).toEqual([]);
  });

  it('a standby cannot be a subscription target (409 naming its role)', async () => {
    const { logical } = await start();
    logical.createPublication({ name: 'p1', tables: ['t'] });
    const error = domainErrorFrom(() => logical.createSubscription({ name: 's1', publication: 'p1', targetNodeId: 'node-2' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.role).toBe('STANDBY');
  });
});

describe('subscriptions', () => {
  it('copy then stream: masked, filtered rows arrive; the slot confirms as the target applies', async () => {
    const { harness, logical } = await start();
    const { cluster } = harness;
    cluster.put('customers', 'c1', { name: 'Ada', card: '4111111111111111', region: 'eu', email: 'ada@example.com' });
    cluster.put('customers', 'c2', { name: 'Bob', card: '5500000000000004', region: 'us', email: 'bob@example.com' });
    logical.createPublication({
      name: 'eu_customers',
      tables: [
        {
          table: 'customers',
          rowFilter: "region = 'eu'",
          columns: ['name', 'card', 'region', 'email'],
          masks: [
            { column: 'card', kind: 'PARTIAL', keepLast: 4 },
            { column: 'email', kind: 'HASH' },
            { column: 'name', kind: 'RENAME', renameTo: 'customer_name' },
            { column: 'region', kind: 'CONSTANT', value: 'EU' },
          ],
        },
      ],
    });
    const created = logical.createSubscription({ name: 'eu_copy', publication: 'eu_customers', targetNodeId: 'node-3' });
    expect(created.tables).toEqual([{ table: 'customers', state: 'READY', copiedRows: 1, syncLsn: created.checkpointLsn }]);
    expect(rowsOf(harness, 'node-3', 'customers')).toEqual({ c1: { customer_name: 'Ada', card: '************1111', region: 'EU', email: hashText('ada@example.com') } });
    cluster.put('customers', 'c3', { name: 'Cy', card: '340000000000009', region: 'eu', email: 'cy@example.com' });
    cluster.put('customers', 'c4', { name: 'Di', card: '6011000000000004', region: 'us', email: 'di@example.com' });
    expect(logical.getSubscription('eu_copy').lagBytes).toBeGreaterThan(0);
    harness.runtime.clock.advance(200);
    const view = logical.getSubscription('eu_copy');
    expect(view.status).toBe('STREAMING');
    expect(view.lagBytes).toBe(0);
    expect(view.slot?.confirmedFlushLsn).toBe(cluster.currentLsn());
    expect(view.counters.appliedTransactions).toBe(1);
    expect(rowsOf(harness, 'node-3', 'customers').c3).toEqual({ customer_name: 'Cy', card: `${'*'.repeat(11)}0009`, region: 'EU', email: hashText('cy@example.com') });
    expect(rowsOf(harness, 'node-3', 'customers').c4).toBeUndefined();
    // PUT takes effect at the next transaction: redact the card from now on.
    logical.updatePublication('eu_customers', { tables: [{ table: 'customers', rowFilter: "region = 'eu'", masks: [{ column: 'card', kind: 'REDACT' }] }] });
    cluster.put('customers', 'c5', { name: 'Ed', card: '4000000000000002', region: 'eu', email: 'ed@example.com' });
    harness.runtime.clock.advance(200);
    expect(rowsOf(harness, 'node-3', 'customers').c5).toEqual({ name: 'Ed', card: REDACTED, region: 'eu', email: 'ed@example.com' });
    // Disable keeps the slot and position; enable resumes from there.
    logical.setEnabled('eu_copy', false);
    cluster.put('customers', 'c6', { name: 'Flo', card: '1', region: 'eu' });
    harness.runtime.clock.advance(500);
    expect(rowsOf(harness, 'node-3', 'customers').c6).toBeUndefined();
    expect(logical.getSubscription('eu_copy').status).toBe('DISABLED');
    logical.setEnabled('eu_copy', true);
    harness.runtime.clock.advance(100);
    expect(rowsOf(harness, 'node-3', 'customers').c6).toEqual({ name: 'Flo', card: REDACTED, region: 'eu' });
    // Drop takes the slot with it.
    logical.dropSubscription('eu_copy');
    expect(cluster.listSlots().map((slot) => slot.slotName)).not.toContain('sub_eu_copy');
  });

  it('conflicts: counted by type, handled by policy; skip with a preview; disable_on_error', async () => {
    const { harness, logical } = await start();
    const { cluster } = harness;
    logical.createPublication({ name: 'pub', tables: ['items'] });
    logical.createSubscription({ name: 'sub', publication: 'pub', targetNodeId: 'node-3', disableOnError: false });
    // The target already holds i1: the insert from the source is insert_exists, an ERROR by default.
    cluster.commitOn('node-3', [{ op: 'put', table: 'items', key: 'i1', row: { local: true } }]);
    cluster.put('items', 'i1', { remote: 1 });
    cluster.put('items', 'i2', { remote: 2 });
    harness.runtime.clock.advance(300);
    const stuck = logical.getSubscription('sub');
    expect(stuck.status).toBe('ERROR');
    expect(stuck.lastError?.conflict).toBe('insert_exists');
    expect(stuck.counters.conflicts.insert_exists).toBe(1);
    expect(stuck.counters.applyErrorCount).toBe(1);
    // i2 touches another row: the apply engine applies it in parallel, past the failing i1.
    expect(rowsOf(harness, 'node-3', 'items').i2).toEqual({ remote: 2 });
    // The preview names what would be skipped and changes nothing.
    const preview = logical.skip('sub', stuck.lastError!.commitLsn, true);
    expect(preview.changes.map((change) => [change.op, change.key])).toEqual([['insert', 'i1']]);
    expect(logical.getSubscription('sub').status).toBe('ERROR');
    expect(domainErrorFrom(() => logical.skip('sub', stuck.lastError!.commitLsn + 1, false)).code).toBe('CONFLICT');
    logical.skip('sub', stuck.lastError!.commitLsn, false);
    harness.runtime.clock.advance(200);
    expect(rowsOf(harness, 'node-3', 'items')).toEqual({ i1: { local: true }, i2: { remote: 2 } });
    expect(logical.getSubscription('sub').counters.skippedTransactions).toBe(1);
    // update_origin_differs: i1 was written locally; APPLY_REMOTE by default: the remote row wins.
    cluster.put('items', 'i1', { remote: 3 });
    harness.runtime.clock.advance(200);
    expect(rowsOf(harness, 'node-3', 'items').i1).toEqual({ remote: 3 });
    expect(logical.getSubscription('sub').counters.conflicts.update_origin_differs).toBe(1);
    // delete_missing is skipped (and counted); with a SKIP policy for insert_exists nothing stops.
    cluster.commitOn('node-3', [{ op: 'delete', table: 'items', key: 'i2' }]);
    cluster.delete('items', 'i2');
    harness.runtime.clock.advance(200);
    expect(logical.getSubscription('sub').counters.conflicts.delete_missing).toBe(1);
    // disable_on_error: a conflict that is an error disables the subscription.
    logical.updateSubscription('sub', { disableOnError: true });
    cluster.commitOn('node-3', [{ op: 'put', table: 'items', key: 'i9', row: { local: true } }]);
    cluster.put('items', 'i9', { remote: 9 });
    harness.runtime.clock.advance(200);
    expect(logical.getSubscription('sub').enabled).toBe(false);
    expect(logical.getSubscription('sub').status).toBe('DISABLED');
  });

  it('bidirectional subscriptions with origin none do not loop', async () => {
    const { harness, logical } = await start();
    const { cluster } = harness;
    logical.createPublication({ name: 'pub_a', nodeId: 'node-1', tables: ['kv'] });
    logical.createPublication({ name: 'pub_b', nodeId: 'node-3', tables: ['kv'] });
    logical.createSubscription({ name: 'a_to_b', publication: 'pub_a', targetNodeId: 'node-3', origin: 'none' });
    logical.createSubscription({ name: 'b_to_a', publication: 'pub_b', targetNodeId: 'node-1', origin: 'none' });
    cluster.put('kv', 'x', { v: 1 });
    cluster.commitOn('node-3', [{ op: 'put', table: 'kv', key: 'y', row: { v: 2 } }]);
    harness.runtime.clock.advance(1000);
    const walA = cluster.currentLsn();
    const walB = cluster.storageOf('node-3').positions().writeLsn;
    harness.runtime.clock.advance(5000);
    // Nothing more is written: each change crossed once.
    expect(cluster.currentLsn()).toBe(walA);
    expect(cluster.storageOf('node-3').positions().writeLsn).toBe(walB);
    expect(rowsOf(harness, 'node-1', 'kv')).toEqual({ x: { v: 1 }, y: { v: 2 } });
    expect(rowsOf(harness, 'node-3', 'kv')).toEqual({ x: { v: 1 }, y: { v: 2 } });
    expect(logical.getSubscription('a_to_b').counters.appliedTransactions).toBe(1);
    expect(logical.getSubscription('b_to_a').counters.appliedTransactions).toBe(1);
    // Replication monitoring sees each subscription as a LOGICAL channel.
    expect(logicalChannelSource(logical).channels().map((channel) => [channel.channelId, channel.state, channel.source.nodeId, channel.target.nodeId, channel.operationsShipped])).toEqual([
      ['logical-a_to_b', 'STREAMING', 'node-1', 'node-3', 1],
      ['logical-b_to_a', 'STREAMING', 'node-3', 'node-1', 1],
    ]);
  });

  it('a subscriber converges to the publisher\'s filtered and masked view (random writes and filters)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 9 }), amount: fc.integer({ min: 0, max: 100 }), del: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        async (writes, threshold, mask) => {
          const world = await start();
          const { cluster } = world.harness;
          const run = world.logical;
          run.createPublication({
            name: 'pub',
            tables: [{ table: 'ledger', rowFilter: `amount >= ${threshold}`, masks: mask ? [{ column: 'owner', kind: 'REDACT' }] : [] }],
          });
          run.createSubscription({ name: 'sub', publication: 'pub', targetNodeId: 'node-3', conflictResolution: { insert_exists: 'APPLY_REMOTE', update_missing: 'APPLY_REMOTE' } });
          for (const write of writes) {
            const key = `k${write.key}`;
            if (write.del) {
              if (cluster.storageOf('node-1').getRow('ledger', key) !== undefined) cluster.delete('ledger', key);
            } else cluster.put('ledger', key, { owner: `o${write.key}`, amount: write.amount });
          }
          world.harness.runtime.clock.advance(500);
          // The expected view: rows passing the filter now, masked. Rows that left the filter by an
          // update stay on the subscriber (PostgreSQL 15 sends no delete for them), so compare
          // the rows that pass.
          const expected = Object.fromEntries(
            Object.entries(rowsOf(world.harness, 'node-1', 'ledger'))
              .filter(([, row]) => (row.amount as number) >= threshold)
              .map(([key, row]) => [key, mask ? { ...row, owner: REDACTED } : row]),
          );
          const got = Object.fromEntries(Object.entries(rowsOf(world.harness, 'node-3', 'ledger')).filter(([key]) => key in expected));
          expect(got).toEqual(expected);
          // Nothing the publisher deleted survives on the subscriber.
          for (const key of Object.keys(rowsOf(world.harness, 'node-3', 'ledger'))) expect(cluster.storageOf('node-1').getRow('ledger', key)).toBeDefined();
          run.close();
          await world.harness.close();
          harness = undefined;
          logical = undefined;
        },
      ),
      { numRuns: 15, seed: 16 },
    );
  });

  it('a restart mid-stream resumes from the checkpoint: nothing lost, nothing applied twice', async () => {
    const store = Sqlite.open(':memory:');
    const first = await start(store);
    first.logical.createPublication({ name: 'pub', tables: ['events'] });
    first.logical.createSubscription({ name: 'sub', publication: 'pub', targetNodeId: 'node-3' });
    const written: Record<string, RowValue> = {};
    const writeSome = (h: ReplicationHarness, from: number, count: number) => {
      for (let index = from; index < from + count; index += 1) {
        const row = { seq: index, checksum: hashText(`event-${index}`) };
        h.cluster.put('events', `e${index}`, row);
        written[`e${index}`] = row;
      }
    };
    writeSome(first.harness, 0, 20);
    first.harness.runtime.clock.advance(100);
    writeSome(first.harness, 20, 20);
    await first.harness.journal.flush();
    const checkpointBefore = first.logical.getSubscription('sub').checkpointLsn;
    first.logical.close();
    logical = undefined;
    first.harness.cluster.close();
    await first.harness.journal.flush();
    harness = undefined;

    const second = await start(store);
    const restored = second.logical.getSubscription('sub');
    expect(restored.checkpointLsn).toBe(checkpointBefore);
    expect(restored.lagBytes).toBeGreaterThan(0);
    second.harness.runtime.clock.advance(500);
    const target = rowsOf(second.harness, 'node-3', 'events');
    expect(target).toEqual(written);
    // Each row was written once on the target: version 1 everywhere.
    for (const stored of second.harness.cluster.storageOf('node-3').tableImage('events')) expect(stored.meta.version).toBe(1);
    expect(second.logical.getSubscription('sub').counters.appliedTransactions).toBe(40);
    expect(partialOf('abcdef', 2)).toBe('****ef');
    await second.harness.close();
    harness = undefined;
    await store.close();
  });
});
