/**
 * The RAC subscriptions over graphql-ws, under the platform's RAC workload. Each is opened
 * before the change it must deliver; cluster time moves only when a test advances it.
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
  await server.advance(1000);
  const { httpUrl } = await listenOnLoopback(server);
  admin = graphqlWsClient(`ws://${new URL(httpUrl).host}`, { 'X-API-Key': ADMIN_KEY });
});
afterAll(async () => {
  await admin?.dispose();
  await server.close();
});

async function opened<Data>(query: string): Promise<Subscription<Data>> {
  const open = nextFeedOpened(server);
  const subscription = subscribe<Data>(admin, { query });
  await open;
  return subscription;
}

type FusionEvent = { cacheFusionEvents: { type: string; transfer: { nodeIds: string[]; way: string; latencyUs: number } | null; remaster: { toInstance: string } | null } };
type Transfer = { cacheFusionTransfer: { transferId: string; blockId: string; fromInstance: string; toInstance: string } };
type RecoveryStarted = { instanceRecoveryStarted: { type: string; failedInstance: string; trigger: string; phase: string } };
type AnyRac = { racEvents: { type: string; payload: { nodeIds?: string[]; nodeId?: string } } };

describe('RAC subscriptions', () => {
  test('cacheFusionTransfer and cacheFusionEvents(instanceId) deliver the workload\'s transfers', async () => {
    const transfers = await opened<Transfer>('subscription { cacheFusionTransfer { transferId blockId fromInstance toInstance } }');
    const ofNode2 = await opened<FusionEvent>('subscription { cacheFusionEvents(instanceId: "node-2") { type transfer { nodeIds way latencyUs } remaster { toInstance } } }');
    await server.advance(3000);
    const transfer = (await transfers.results.next()).data!.cacheFusionTransfer;
    expect(transfer.transferId).toMatch(/^transfer-\d+$/);
    expect(transfer.fromInstance).not.toBe(transfer.toInstance);
    const event = (await ofNode2.results.until((result) => result.data?.cacheFusionEvents.type === 'cache_fusion_transfer', 'a transfer of node-2')).match.data!.cacheFusionEvents;
    expect(event.transfer!.nodeIds).toContain('node-2');
    expect(event.transfer!.latencyUs).toBeGreaterThan(0);
    transfers.unsubscribe();
    ofNode2.unsubscribe();
  });

  test('instanceRecoveryStarted and racEvents(instanceIds) follow a crashed instance', async () => {
    const started = await opened<RecoveryStarted>('subscription { instanceRecoveryStarted { type failedInstance trigger phase } }');
    const aboutNode4 = await opened<AnyRac>('subscription { racEvents(instanceIds: ["node-4"], eventTypes: ["instance_recovery_completed"]) { type payload } }');
    const crash = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-4'] });
    await server.advance(5000);
    expect((await started.results.next()).data!.instanceRecoveryStarted).toEqual({ type: 'instance_recovery_started', failedInstance: 'node-4', trigger: 'CRASH', phase: 'DETECTED' });
    const completed = (await aboutNode4.results.next()).data!.racEvents;
    expect(completed.type).toBe('instance_recovery_completed');
    expect(completed.payload.nodeIds).toContain('node-4');
    await server.http.delete(`/api/v1/simulation/faults/${crash.body.data.id}`).set(asAdmin);
    started.unsubscribe();
    aboutNode4.unsubscribe();
  });
});
