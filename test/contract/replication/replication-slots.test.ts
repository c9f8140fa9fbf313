import { describe, expect, test } from 'vitest';
import { formatLsn } from '../../../src/engines/replication/lsn.js';
import { STARTING_WORKLOAD } from '../../../src/engines/replication/replication-engine.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 3 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const SLOTS = '/api/v1/replication/slots';

function engine() {
  return fixture.server.platform.engines.replication;
}

async function slot(name: string) {
  const response = await fixture.server.http.get(`${SLOTS}/${name}`).set(asAdmin);
  expectContract('getReplicationSlot', response);
  expect(response.status).toBe(200);
  return response.body.data;
}

describe('replication slots', () => {
  test('lists each replica\'s physical slot, active and following its standby', async () => {
    const response = await fixture.server.http.get(SLOTS).set(asAdmin);
    expectContract('listReplicationSlots', response);
    expect(response.body.data.map((each: { slotName: string }) => each.slotName)).toEqual(['replica_node-2', 'replica_node-3']);
    const replicaSlot = response.body.data[0];
    expect(replicaSlot).toMatchObject({ slotType: 'PHYSICAL', plugin: null, database: null, replicaId: 'node-2', active: true, activeNodeId: 'node-2', walStatus: 'reserved' });
    const before = engine().cluster.getSlot('replica_node-2').restartLsn;
    await fixture.server.advance(2000);
    const after = await slot('replica_node-2');
    // The standby flushes what the workload writes, and its slot moves with it.
    expect(engine().cluster.getSlot('replica_node-2').restartLsn).toBeGreaterThan(before);
    expect(after.restartLsn).toBe(formatLsn(engine().cluster.getSlot('replica_node-2').restartLsn));
  });

  test('a logical slot reserves WAL from the current LSN and holds it while nobody consumes it', async () => {
    const created = await fixture.server.http.post(SLOTS).set(asAdmin).send({ slotName: 'cdc_orders', slotType: 'LOGICAL' });
    expect(created.status).toBe(201);
    expectContract('createReplicationSlot', created);
    const startLsn = engine().cluster.currentLsn();
    expect(created.body.data).toMatchObject({
      slotName: 'cdc_orders',
      slotType: 'LOGICAL',
      plugin: 'pgoutput',
      database: 'rustydb',
      active: false,
      activeNodeId: null,
      replicaId: null,
      restartLsn: formatLsn(startLsn),
      confirmedFlushLsn: formatLsn(startLsn),
      walStatus: 'reserved',
      retainedBytes: 0,
      catalogXmin: null,
      restartDelay: null,
      invalidationReason: null,
    });
    const commitsBefore = engine().cluster.commitCounters().total;

    await fixture.server.advance(1500);
    const held = await slot('cdc_orders');
    const currentLsn = engine().cluster.currentLsn();
    expect(currentLsn).toBeGreaterThan(startLsn);
    expect(held.restartLsn).toBe(formatLsn(startLsn));
    expect(held.retainedBytes).toBe(currentLsn - startLsn);
    // The oldest WAL it holds was written just after it was created, 1.5 s ago at most.
    expect(held.restartDelay).toBeGreaterThan(0);
    expect(held.restartDelay).toBeLessThanOrEqual(1500);
    // The first transaction it still needs to decode is the first commit after it was created.
    expect(held.catalogXmin).toBe(commitsBefore + 1);

    const logical = await fixture.server.http.get(`${SLOTS}?slotType=LOGICAL`).set(asAdmin);
    expectContract('listReplicationSlots', logical);
    expect(logical.body.data.map((each: { slotName: string }) => each.slotName)).toEqual(['cdc_orders']);
    const byRetained = await fixture.server.http.get(`${SLOTS}?sort_by=retainedBytes&order=desc&fields=retainedBytes`).set(asAdmin);
    expectContract('listReplicationSlots', byRetained, { sparse: true });
    expect(byRetained.body.data[0]).toEqual({ slotName: 'cdc_orders', retainedBytes: held.retainedBytes });
    const inactive = await fixture.server.http.get(`${SLOTS}?active=false`).set(asAdmin);
    expect(inactive.body.data.map((each: { slotName: string }) => each.slotName)).toEqual(['cdc_orders']);
  });

  test('refuses a taken name (409), a physical slot with a plugin or a replica_ name (422), a bad body (400) and a viewer (403)', async () => {
    const before = (await fixture.server.http.get(SLOTS).set(asAdmin)).body.pagination.total;
    const taken = await fixture.server.http.post(SLOTS).set(asAdmin).send({ slotName: 'cdc_orders', slotType: 'LOGICAL' });
    expect(taken.status).toBe(409);
    expectContract('createReplicationSlot', taken);
    const plugin = await fixture.server.http.post(SLOTS).set(asAdmin).send({ slotName: 'backup', slotType: 'PHYSICAL', plugin: 'pgoutput' });
    expect(plugin.status).toBe(422);
    expectContract('createReplicationSlot', plugin);
    const reserved = await fixture.server.http.post(SLOTS).set(asAdmin).send({ slotName: 'replica_mine', slotType: 'PHYSICAL' });
    expect(reserved.status).toBe(422);
    expectContract('createReplicationSlot', reserved);
    const invalid = await fixture.server.http.post(SLOTS).set(asAdmin).send({ slotName: 'Bad Name', slotType: 'PHYSICAL' });
    expect(invalid.status).toBe(400);
    expectContract('createReplicationSlot', invalid);
    const forbidden = await fixture.server.http.post(SLOTS).set({ 'X-API-Key': fixture.viewerKey }).send({ slotName: 'viewer_slot', slotType: 'PHYSICAL' });
    expect(forbidden.status).toBe(403);
    expectContract('createReplicationSlot', forbidden);
    expect((await fixture.server.http.get(SLOTS).set(asAdmin)).body.pagination.total).toBe(before);
  });

  test('drops an operator slot once (then 404); a live replica\'s slot is refused (409)', async () => {
    await fixture.server.http.post(SLOTS).set(asAdmin).send({ slotName: 'backup_standby', slotType: 'PHYSICAL' });
    const forbidden = await fixture.server.http.delete(`${SLOTS}/backup_standby`).set({ 'X-API-Key': fixture.viewerKey });
    expect(forbidden.status).toBe(403);
    expectContract('deleteReplicationSlot', forbidden);
    const dropped = await fixture.server.http.delete(`${SLOTS}/backup_standby`).set(asAdmin);
    expect(dropped.status).toBe(200);
    expectContract('deleteReplicationSlot', dropped);
    expect(dropped.body.data).toEqual({ id: 'backup_standby', deleted: true });
    const again = await fixture.server.http.delete(`${SLOTS}/backup_standby`).set(asAdmin);
    expect(again.status).toBe(404);
    expectContract('deleteReplicationSlot', again);
    const unknown = await fixture.server.http.get(`${SLOTS}/backup_standby`).set(asAdmin);
    expect(unknown.status).toBe(404);
    expectContract('getReplicationSlot', unknown);
    const replicaSlot = await fixture.server.http.delete(`${SLOTS}/replica_node-2`).set(asAdmin);
    expect(replicaSlot.status).toBe(409);
    expectContract('deleteReplicationSlot', replicaSlot);
    expect(replicaSlot.body.error.details).toMatchObject({ slotName: 'replica_node-2', replicaId: 'node-2' });
    expect((await slot('replica_node-2')).active).toBe(true);
  });

  test('an unconsumed slot holds WAL back past walKeepSegments, goes extended, unreserved, then lost at a checkpoint', async () => {
    const { cluster, workload } = engine();
    const primary = cluster.storageOf(cluster.primary());
    // Small limits and a brisk workload, so retention moves within seconds of cluster time.
    cluster.configure({ maxWalSegments: 1, walKeepSegments: 1, maxSlotWalKeepSegments: 3 });
    workload.set({ ...STARTING_WORKLOAD, ratePerSecond: 400 });
    await fixture.server.http.post(SLOTS).set(asAdmin).send({ slotName: 'cdc_lagging', slotType: 'LOGICAL' });
    const restartLsn = cluster.getSlot('cdc_lagging').restartLsn;
    const segmentBytes = cluster.getConfig().walSegmentBytes;
    const segmentsBehind = () => Math.floor(cluster.currentLsn() / segmentBytes) - Math.floor(restartLsn / segmentBytes);

    const seen = new Set<string>();
    while (segmentsBehind() <= 3) {
      await fixture.server.advance(250);
      const view = await slot('cdc_lagging');
      seen.add(view.walStatus);
      if (segmentsBehind() > 1 && segmentsBehind() <= 3) {
        expect(view.walStatus).toBe('extended');
        // A checkpoint keeps the WAL the slot needs, though walKeepSegments alone would remove it.
        cluster.checkpoint();
        expect(primary.positions().walStartLsn).toBeLessThanOrEqual(restartLsn);
        expect(view.safeWalSizeBytes).toBeGreaterThan(0);
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(['reserved', 'extended']));
    const unreserved = await slot('cdc_lagging');
    expect(unreserved).toMatchObject({ walStatus: 'unreserved', restartLsn: formatLsn(restartLsn), safeWalSizeBytes: 0 });

    const checkpoint = cluster.checkpoint();
    // cdc_orders, created earlier and never consumed either, goes with it.
    expect([...checkpoint.invalidatedSlots].sort()).toEqual(['cdc_lagging', 'cdc_orders']);
    const lost = await slot('cdc_lagging');
    expect(lost).toMatchObject({ walStatus: 'lost', restartLsn: null, retainedBytes: 0, safeWalSizeBytes: null, restartDelay: null, invalidationReason: 'wal_removed' });
    // The replicas' own slots followed their standbys and lost nothing.
    const lostOnly = await fixture.server.http.get(`${SLOTS}?walStatus=lost`).set(asAdmin);
    expectContract('listReplicationSlots', lostOnly);
    expect(lostOnly.body.data.map((each: { slotName: string }) => each.slotName)).toEqual(['cdc_lagging', 'cdc_orders']);
    workload.set(STARTING_WORKLOAD);
  });
});
