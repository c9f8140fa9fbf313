import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Clock, ClusterNode, Event, Fault } from '../../../generated/graphql/resolvers-types.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

let server: TestServer;
let viewerKey: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(1000);
});
afterAll(() => server.close());

const FAULT_FIELDS = 'id type nodes groups ms rate createdAt';
const CLOCK_FIELDS = 'mode speed now pendingTimers';

async function clockNow(): Promise<string> {
  return String(dataOf(await graphql<{ clock: Clock }>(server, '{ clock { now } }')).clock.now);
}

describe('injectFault, faults and healFault', () => {
  test('a crash takes the node DOWN on the cluster clock; healing brings it back', async () => {
    const now = await clockNow();
    const injected = await graphql<{ injectFault: Fault }>(server, `mutation { injectFault(input: { type: crash, nodes: ["node-3"] }) { ${FAULT_FIELDS} } }`);
    expect(dataOf(injected).injectFault).toEqual({ id: 'fault-1', type: 'crash', nodes: ['node-3'], groups: [], ms: null, rate: null, createdAt: now });

    await graphql<{ advanceClock: Clock }>(server, 'mutation { advanceClock(ms: 6000) { now } }');
    const down = await graphql<{ clusterNodes: ClusterNode[] }>(server, '{ clusterNodes(status: DOWN) { nodeId status uptimeSeconds } }', {}, { apiKey: viewerKey });
    expect(dataOf(down).clusterNodes).toEqual([{ nodeId: 'node-3', status: 'DOWN', uptimeSeconds: 0 }]);
    const healthChanges = await graphql<{ events: { events: Event[] } }>(server, '{ events(types: ["node_health_change"], resourceId: "node-3") { events { payload } } }');
    expect(dataOf(healthChanges).events.events.map((event) => (event.payload as { status: string }).status)).toEqual(['HEALTHY', 'SUSPECTED', 'DOWN']);

    const listed = await graphql<{ faults: Fault[] }>(server, `{ faults(type: crash) { ${FAULT_FIELDS} } }`, {}, { apiKey: viewerKey });
    const rest = await server.http.get('/api/v1/simulation/faults').set(asAdmin);
    expectContract('listFaults', rest);
    expect(dataOf(listed).faults).toEqual(rest.body.data);
    expect(dataOf(listed).faults.map((fault) => fault.id)).toEqual(['fault-1']);

    const healed = await graphql<{ healFault: Fault }>(server, 'mutation { healFault(id: "fault-1") { id type nodes } }');
    expect(dataOf(healed).healFault).toEqual({ id: 'fault-1', type: 'crash', nodes: ['node-3'] });
    await server.advance(2000);
    const back = await graphql<{ clusterNode: ClusterNode }>(server, '{ clusterNode(nodeId: "node-3") { status } }');
    expect(dataOf(back).clusterNode.status).toBe('HEALTHY');
    const none = await graphql<{ faults: Fault[] }>(server, '{ faults { id } }');
    expect(dataOf(none).faults).toEqual([]);
  });

  test('partition, latency and loss faults keep the fields their type uses', async () => {
    const partition = await graphql<{ injectFault: Fault }>(
      server,
      `mutation { injectFault(input: { type: partition, groups: [["node-1", "node-2"], ["node-3", "node-4", "node-5"]] }) { ${FAULT_FIELDS} } }`,
    );
    // The failure detector joins the largest group unless a group names it (see FaultType).
    expect(dataOf(partition).injectFault).toMatchObject({
      id: 'fault-2',
      type: 'partition',
      groups: [['node-1', 'node-2'], ['node-3', 'node-4', 'node-5', 'control-plane']],
      ms: null,
      rate: null,
    });
    const latency = await graphql<{ injectFault: Fault }>(server, `mutation { injectFault(input: { type: latency, nodes: ["node-4"], ms: 200 }) { ${FAULT_FIELDS} } }`);
    expect(dataOf(latency).injectFault).toMatchObject({ id: 'fault-3', nodes: ['node-4'], ms: 200, rate: null });
    const loss = await graphql<{ injectFault: Fault }>(server, `mutation { injectFault(input: { type: loss, nodes: ["node-5"], rate: 0.25 }) { ${FAULT_FIELDS} } }`);
    expect(dataOf(loss).injectFault).toMatchObject({ id: 'fault-4', nodes: ['node-5'], rate: 0.25, ms: null });

    const byType = await graphql<{ faults: Fault[] }>(server, '{ faults(type: latency) { id } }');
    expect(dataOf(byType).faults).toEqual([{ id: 'fault-3' }]);
    const paged = await graphql<{ faults: Fault[] }>(server, '{ faults(limit: 2, offset: 1) { id } }');
    expect(dataOf(paged).faults).toEqual([{ id: 'fault-3' }, { id: 'fault-4' }]);

    const events = await graphql<{ events: { events: Event[] } }>(server, '{ events(types: ["fault_injected"]) { events { payload } } }');
    expect(dataOf(events).events.events.at(-1)?.payload).toEqual({ faultId: 'fault-4', faultType: 'loss', nodeIds: ['node-5'] });

    for (const id of ['fault-2', 'fault-3', 'fault-4']) {
      expect(dataOf(await graphql<{ healFault: Fault }>(server, 'mutation ($id: ID!) { healFault(id: $id) { id } }', { id })).healFault.id).toBe(id);
    }
  });

  test('named nodes must exist, specs must make sense, and only active faults heal', async () => {
    const unknown = await graphql<unknown>(server, 'mutation { injectFault(input: { type: crash, nodes: ["node-77"] }) { id } }');
    expect(codesOf(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors?.[0]?.extensions?.details).toEqual({ resource: 'cluster.node', ids: ['node-77'] });
    const overlapping = await graphql<unknown>(server, 'mutation { injectFault(input: { type: partition, groups: [["node-1", "node-2"], ["node-2", "node-3"]] }) { id } }');
    expect(codesOf(overlapping)).toEqual(['UNPROCESSABLE']);
    const crashWithoutNodes = await graphql<unknown>(server, 'mutation { injectFault(input: { type: crash }) { id } }');
    expect(codesOf(crashWithoutNodes)).toEqual(['UNPROCESSABLE']);
    const unknownType = await graphql<unknown>(server, 'mutation { injectFault(input: { type: flood, nodes: ["node-1"] }) { id } }');
    expect(codesOf(unknownType)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const healUnknown = await graphql<unknown>(server, 'mutation { healFault(id: "fault-999") { id } }');
    expect(codesOf(healUnknown)).toEqual(['NOT_FOUND']);
    expect(dataOf(await graphql<{ faults: Fault[] }>(server, '{ faults { id } }')).faults).toEqual([]);
  });

  test('faults are an admin matter; reading them needs a key', async () => {
    expect(codesOf(await graphql<unknown>(server, 'mutation { injectFault(input: { type: crash, nodes: ["node-1"] }) { id } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql<unknown>(server, 'mutation { healFault(id: "fault-1") { id } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql<unknown>(server, '{ faults { id } }', {}, 'anonymous'))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('clock, setClock and advanceClock', () => {
  test('clock reads what GET /api/v1/simulation/clock reads', async () => {
    const response = await graphql<{ clock: Clock }>(server, `{ clock { ${CLOCK_FIELDS} } }`, {}, { apiKey: viewerKey });
    const rest = await server.http.get('/api/v1/simulation/clock').set(asAdmin);
    expectContract('getClock', rest);
    expect(dataOf(response).clock).toEqual(rest.body.data);
    expect(dataOf(response).clock).toMatchObject({ mode: 'manual', speed: 1 });
  });

  test('advanceClock moves cluster time by exactly that much and fires due timers', async () => {
    const before = await clockNow();
    const advanced = await graphql<{ advanceClock: Clock }>(server, `mutation { advanceClock(ms: 1500) { ${CLOCK_FIELDS} } }`);
    const clock = dataOf(advanced).advanceClock;
    expect(Date.parse(String(clock.now)) - Date.parse(before)).toBe(1500);
    expect(clock).toMatchObject({ mode: 'manual', speed: 1 });
    expect(clock.pendingTimers).toBeGreaterThan(0);
    expect(await clockNow()).toBe(clock.now);
  });

  test('advanceClock refuses a step outside 1 ms to one day', async () => {
    const zero = await graphql<unknown>(server, 'mutation { advanceClock(ms: 0) { now } }');
    expect(codesOf(zero)).toEqual(['VALIDATION_FAILED']);
    const tooFar = await graphql<unknown>(server, 'mutation { advanceClock(ms: 86400001) { now } }');
    expect(codesOf(tooFar)).toEqual(['VALIDATION_FAILED']);
  });

  test('setClock changes the speed, and a realtime clock cannot be advanced by hand', async () => {
    const faster = await graphql<{ setClock: Clock }>(server, `mutation { setClock(input: { speed: 5 }) { ${CLOCK_FIELDS} } }`);
    expect(dataOf(faster).setClock).toMatchObject({ mode: 'manual', speed: 5 });

    const realtime = await graphql<{ setClock: Clock }>(server, 'mutation { setClock(input: { mode: realtime, speed: 0 }) { mode speed } }');
    expect(dataOf(realtime).setClock).toEqual({ mode: 'realtime', speed: 0 });
    const refused = await graphql<unknown>(server, 'mutation { advanceClock(ms: 10) { now } }');
    expect(codesOf(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0]?.extensions?.details).toEqual({ mode: 'realtime' });

    const manual = await graphql<{ setClock: Clock }>(server, 'mutation { setClock(input: { mode: manual, speed: 1 }) { mode speed } }');
    expect(dataOf(manual).setClock).toEqual({ mode: 'manual', speed: 1 });
    const rest = await server.http.get('/api/v1/simulation/clock').set(asAdmin);
    expect(rest.body.data).toMatchObject({ mode: 'manual', speed: 1 });
  });

  test('only an admin moves the clock; a viewer reads it', async () => {
    expect(codesOf(await graphql<unknown>(server, 'mutation { advanceClock(ms: 10) { now } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql<unknown>(server, 'mutation { setClock(input: { speed: 2 }) { now } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql<unknown>(server, '{ clock { now } }', {}, 'anonymous'))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('GraphQL inputs meet the same contract checks as REST', () => {
  test('setClock with a negative speed is VALIDATION_FAILED, as PUT /api/v1/simulation/clock answers 400', async () => {
    const rest = await server.http.put('/api/v1/simulation/clock').set(asAdmin).send({ speed: -1 });
    expect(rest.status).toBe(400);
    const response = await graphql<unknown>(server, 'mutation { setClock(input: { speed: -1 }) { speed } }');
    expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
  });
});
