/**
 * The replication subscriptions over graphql-ws: each is opened before the change it must
 * deliver, and cluster time moves only when a test advances it.
 */
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { graphqlWsClient, listenOnLoopback, nextFeedOpened, subscribe, type Subscription } from '../../support/socket.js';

let server: TestServer;
let admin: Client;
const asAdmin = { 'X-API-Key': ADMIN_KEY };

beforeAll(async () => {
  server = await startTestServer({ nodes: 4 });
  await server.advance(2000);
  const { httpUrl } = await listenOnLoopback(server);
  admin = graphqlWsClient(`ws://${new URL(httpUrl).host}`, { 'X-API-Key': ADMIN_KEY });
});
afterAll(async () => {
  await admin?.dispose();
  await server.close();
});

/** Subscribes and waits until the server's feed is open, so no later event can be missed. */
async function opened<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Subscription<Data>> {
  const open = nextFeedOpened(server);
  const subscription = subscribe<Data>(admin, { query, variables });
  await open;
  return subscription;
}

type StatusChange = { replicaStatusChanges: { replicaId: string; previousState: string | null; state: string; reason: string; replica: { replicaId: string; state: string } | null } };
type LagUpdate = { replicationLagUpdates: { replicaId: string; lagBytes: number; replayLsn: string; currentLsn: string } };
type ConflictDetected = { conflictDetected: { conflictId: string; conflictType: string; resolved: boolean } };
type ConflictChange = { replicationConflicts: { type: string; conflict: { conflictId: string; resolved: boolean } } };
type SlotChange = { slotStatusChanged: { slotName: string; slotType: string; walStatus: string } };
type StatusNow = { replicationStatus: { primaryNodeId: string | null; replicas: { paused: number } } };
type AnyEvent = { replicationEvents: { type: string; payload: { replicaId?: string; severity?: string } } };

describe('replication subscriptions', () => {
  test('replicaStatusChanges and replicationStatus follow a pause of one replica, and only that one', async () => {
    const changes = await opened<StatusChange>('subscription ($id: ID) { replicaStatusChanges(replicaId: $id) { replicaId previousState state reason replica { replicaId state } } }', { id: 'node-3' });
    const status = await opened<StatusNow>('subscription { replicationStatus { primaryNodeId replicas { paused } } }');
    expect((await server.http.post('/api/v1/replication/replicas/node-2/pause').set(asAdmin)).status).toBe(200);
    expect((await server.http.post('/api/v1/replication/replicas/node-3/pause').set(asAdmin)).status).toBe(200);
    await server.advance(100);
    expect((await changes.results.next()).data).toEqual({
      replicaStatusChanges: { replicaId: 'node-3', previousState: 'STREAMING', state: 'PAUSED', reason: expect.any(String), replica: { replicaId: 'node-3', state: 'PAUSED' } },
    });
    const paused = await status.results.until((result) => result.data?.replicationStatus.replicas.paused === 2, 'two paused replicas');
    expect(paused.match.data!.replicationStatus.primaryNodeId).toBe('node-1');
    for (const replicaId of ['node-2', 'node-3']) await server.http.post(`/api/v1/replication/replicas/${replicaId}/resume`).set(asAdmin);
    changes.unsubscribe();
    status.unsubscribe();
  });

  test('replicationLagUpdates carries one replica\'s positions at or above the threshold', async () => {
    const updates = await opened<LagUpdate>('subscription { replicationLagUpdates(replicaId: "node-4", threshold: 1) { replicaId lagBytes replayLsn currentLsn } }');
    expect((await server.http.post('/api/v1/replication/replicas/node-4/pause').set(asAdmin)).status).toBe(200);
    await server.advance(3000);
    const update = (await updates.results.next()).data!.replicationLagUpdates;
    expect(update.replicaId).toBe('node-4');
    expect(update.lagBytes).toBeGreaterThanOrEqual(1);
    expect(update.replayLsn).not.toBe(update.currentLsn);
    await server.http.post('/api/v1/replication/replicas/node-4/resume').set(asAdmin);
    updates.unsubscribe();
  });

  test('conflictDetected and replicationConflicts deliver a simulated conflict and its resolution; another group gets nothing', async () => {
    const detected = await opened<ConflictDetected>('subscription { conflictDetected { conflictId conflictType resolved } }');
    const group = await opened<ConflictChange>('subscription { replicationConflicts(groupId: "rustydb") { type conflict { conflictId resolved } } }');
    const otherGroup = await opened<ConflictChange>('subscription { replicationConflicts(groupId: "elsewhere") { type conflict { conflictId resolved } } }');
    const simulated = await server.http.post('/api/v1/replication/conflicts/simulate').set(asAdmin).send({ tableName: 'subs', rowKey: 'r1', conflictType: 'INSERT_CONFLICT' });
    expect(simulated.status).toBe(201);
    const conflictId = simulated.body.data.conflictId as string;
    await server.advance(100);
    expect((await detected.results.next()).data!.conflictDetected).toMatchObject({ conflictId, conflictType: 'INSERT_CONFLICT' });
    expect((await server.http.post('/api/v1/replication/resolve-conflict').set(asAdmin).send({ conflictId, strategy: 'LAST_WRITER_WINS' })).status).toBe(200);
    await server.advance(100);
    // The conflict is read when the event is delivered: by then it may already be resolved.
    expect((await group.results.next()).data!.replicationConflicts).toMatchObject({ type: 'conflict_detected', conflict: { conflictId } });
    expect((await group.results.next()).data!.replicationConflicts).toEqual({ type: 'conflict_resolved', conflict: { conflictId, resolved: true } });
    expect(otherGroup.results.received).toEqual([]);
    for (const subscription of [detected, group, otherGroup]) subscription.unsubscribe();
  });

  test('slotStatusChanged shows a slot as it is created; replicationEvents filters by severity', async () => {
    const slots = await opened<SlotChange>('subscription { slotStatusChanged(slotName: "cdc_orders") { slotName slotType walStatus } }');
    const critical = await opened<AnyEvent>('subscription { replicationEvents(severity: CRITICAL) { type payload } }');
    const info = await opened<AnyEvent>('subscription { replicationEvents(eventTypes: ["slot_created"]) { type payload } }');
    expect((await server.http.post('/api/v1/replication/slots').set(asAdmin).send({ slotName: 'other_slot', slotType: 'PHYSICAL' })).status).toBe(201);
    expect((await server.http.post('/api/v1/replication/slots').set(asAdmin).send({ slotName: 'cdc_orders', slotType: 'LOGICAL', plugin: 'pgoutput', database: 'app' })).status).toBe(201);
    await server.advance(100);
    expect((await slots.results.next()).data).toEqual({ slotStatusChanged: { slotName: 'cdc_orders', slotType: 'LOGICAL', walStatus: 'reserved' } });
    expect((await info.results.next()).data!.replicationEvents).toMatchObject({ type: 'slot_created', payload: { slotName: 'other_slot' } });
    // A crashed primary is CRITICAL; the slot events before it are INFO and were left out.
    const crash = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-1'] });
    await server.advance(100);
    expect((await critical.results.next()).data!.replicationEvents).toMatchObject({ type: 'replication_error', payload: { code: 'PRIMARY_DOWN' } });
    await server.http.delete(`/api/v1/simulation/faults/${crash.body.data.id}`).set(asAdmin);
    await server.advance(1000);
    for (const subscription of [slots, critical, info]) subscription.unsubscribe();
  });
});
