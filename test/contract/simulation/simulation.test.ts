import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

let server: TestServer;
let viewerKey: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(1000);
});
afterAll(() => server.close());

describe('injectFault, listFaults and healFault', () => {
  test('a crash takes a node DOWN on the cluster clock, and healing brings it back', async () => {
    const injected = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-2'] });
    expect(injected.status).toBe(201);
    expectContract('injectFault', injected);
    expect(injected.body.data).toMatchObject({ id: 'fault-1', type: 'crash', nodes: ['node-2'], ms: null, rate: null });

    await server.http.post('/api/v1/simulation/advance').set(asAdmin).send({ ms: 6000 });
    const down = await server.http.get('/api/v1/cluster/nodes/node-2').set(asAdmin);
    expect(down.body.data).toMatchObject({ status: 'DOWN', uptimeSeconds: 0 });

    const listed = await server.http.get('/api/v1/simulation/faults').set('X-API-Key', viewerKey);
    expect(listed.status).toBe(200);
    expectContract('listFaults', listed);
    expect(listed.body.data.map((fault: { id: string }) => fault.id)).toEqual(['fault-1']);

    const healed = await server.http.delete('/api/v1/simulation/faults/fault-1').set(asAdmin);
    expect(healed.status).toBe(200);
    expectContract('healFault', healed);
    await server.advance(2000);
    const back = await server.http.get('/api/v1/cluster/nodes/node-2').set(asAdmin);
    expect(back.body.data.status).toBe('HEALTHY');
  });

  test('a partition is validated and named nodes must exist', async () => {
    const unknown = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-77'] });
    expect(unknown.status).toBe(404);
    expectContract('injectFault', unknown);
    const overlapping = await server.http
      .post('/api/v1/simulation/faults')
      .set(asAdmin)
      .send({ type: 'partition', groups: [['node-1', 'node-2'], ['node-2', 'node-3']] });
    expect(overlapping.status).toBe(422);
    expectContract('injectFault', overlapping);
    const malformed = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'flood', nodes: ['node-1'] });
    expect(malformed.status).toBe(400);
    expectContract('injectFault', malformed);
    const listed = await server.http.get('/api/v1/simulation/faults?type=partition').set(asAdmin);
    expect(listed.body.pagination.total).toBe(0);
  });

  test('faults are an admin matter', async () => {
    const refused = await server.http.post('/api/v1/simulation/faults').set('X-API-Key', viewerKey).send({ type: 'crash', nodes: ['node-1'] });
    expect(refused.status).toBe(403);
    expectContract('injectFault', refused);
    const healUnknown = await server.http.delete('/api/v1/simulation/faults/fault-999').set(asAdmin);
    expect(healUnknown.status).toBe(404);
    expectContract('healFault', healUnknown);
    const badId = await server.http.delete('/api/v1/simulation/faults/abc').set(asAdmin);
    expect(badId.status).toBe(400);
    expectContract('healFault', badId);
    const listUnauthenticated = await server.http.get('/api/v1/simulation/faults');
    expect(listUnauthenticated.status).toBe(401);
    expectContract('listFaults', listUnauthenticated);
  });
});

describe('getClock, setClock and advanceClock', () => {
  test('advancing a manual clock moves cluster time by exactly that much', async () => {
    const before = await server.http.get('/api/v1/simulation/clock').set(asAdmin);
    expect(before.status).toBe(200);
    expectContract('getClock', before);
    expect(before.body.data.mode).toBe('manual');
    const advanced = await server.http.post('/api/v1/simulation/advance').set(asAdmin).send({ ms: 1500 });
    expect(advanced.status).toBe(200);
    expectContract('advanceClock', advanced);
    expect(Date.parse(advanced.body.data.now) - Date.parse(before.body.data.now)).toBe(1500);
  });

  test('a realtime clock cannot be advanced by hand', async () => {
    const realtime = await server.http.put('/api/v1/simulation/clock').set(asAdmin).send({ mode: 'realtime', speed: 0 });
    expect(realtime.status).toBe(200);
    expectContract('setClock', realtime);
    const refused = await server.http.post('/api/v1/simulation/advance').set(asAdmin).send({ ms: 10 });
    expect(refused.status).toBe(409);
    expectContract('advanceClock', refused);
    const manual = await server.http.put('/api/v1/simulation/clock').set(asAdmin).send({ mode: 'manual' });
    expect(manual.body.data.mode).toBe('manual');
  });

  test('bad clock requests are rejected', async () => {
    const empty = await server.http.put('/api/v1/simulation/clock').set(asAdmin).send({});
    expect(empty.status).toBe(400);
    expectContract('setClock', empty);
    const tooFar = await server.http.post('/api/v1/simulation/advance').set(asAdmin).send({ ms: 0 });
    expect(tooFar.status).toBe(400);
    expectContract('advanceClock', tooFar);
    const viewer = await server.http.put('/api/v1/simulation/clock').set('X-API-Key', viewerKey).send({ speed: 2 });
    expect(viewer.status).toBe(403);
    expectContract('setClock', viewer);
    const unauthenticated = await server.http.get('/api/v1/simulation/clock');
    expect(unauthenticated.status).toBe(401);
    expectContract('getClock', unauthenticated);
  });
});
