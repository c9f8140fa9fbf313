import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { operations } from '../../../generated/operations.js';
import { contract, expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import {
  closeAllStreams,
  isConfigAck,
  isErrorFrame,
  isEvent,
  isEventOfType,
  listenOnLoopback,
  openStream,
  refusedUpgrade,
  type EventFrame,
  type StreamFrame,
  type StreamSocket,
} from '../../support/socket.js';
import { expectFramesInContract } from '../../support/stream-contract.js';

let server: TestServer;
let wsUrl: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const EVENTS = '/api/v1/ws/events';
const NODES = '/api/v1/ws/cluster/nodes';
const NODE_EVENT_TYPES = ['node_joined', 'node_left', 'node_health_change'];

/** Every stream a test opened: each frame it received is checked against the contract afterwards. */
const streams: StreamSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  await server.advance(1000);
  ({ wsUrl } = await listenOnLoopback(server));
});
afterEach(async () => {
  expectFramesInContract(streams.splice(0));
  await closeAllStreams();
  await server.advance(1000); // nodes a test added are HEALTHY before the next one starts
});
afterAll(() => server.close());

/** Opens a stream with the admin key, in the query string unless told to use the header. */
async function connect(path: string, how: 'query' | 'header' = 'query', key = ADMIN_KEY): Promise<StreamSocket> {
  const stream = how === 'query' ? await openStream(`${wsUrl}${path}?apiKey=${key}`) : await openStream(`${wsUrl}${path}`, { 'X-API-Key': key });
  streams.push(stream);
  return stream;
}

async function addNode(nodeId: string, address: string): Promise<void> {
  const response = await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId, address });
  expect(response.status).toBe(201);
}

async function injectCrash(nodeId: string): Promise<string> {
  const response = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: [nodeId] });
  expect(response.status).toBe(201);
  return response.body.data.id as string;
}

async function heal(faultId: string): Promise<void> {
  const response = await server.http.delete(`/api/v1/simulation/faults/${faultId}`).set(asAdmin);
  expect(response.status).toBe(200);
}

async function storedEventsAfter(cursor: number): Promise<EventFrame[]> {
  const response = await server.http.get(`/api/v1/events?after=${cursor}&limit=1000`).set(asAdmin);
  expect(response.status).toBe(200);
  return response.body.data as EventFrame[];
}

/** A node event reduced to what a transcript shows: type, node, status. */
function summary(frame: StreamFrame): string {
  if (!isEvent(frame)) return frame.type;
  const payload = frame.payload as { nodeId?: string; nodeIds?: string[]; status?: string };
  return [frame.type, payload.nodeId ?? payload.nodeIds?.join('+'), payload.status].filter(Boolean).join(' ');
}

describe('the upgrade', () => {
  test('is answered 101, a status the contract lists for both streams', async () => {
    const events = await connect(EVENTS);
    const nodes = await connect(NODES, 'header');
    expect(events.upgrade.statusCode).toBe(101);
    expect(nodes.upgrade.statusCode).toBe(101);
    for (const operationId of ['streamEvents', 'streamClusterNodeEvents']) {
      const operation = operations.find((each) => each.operationId === operationId)!;
      expect(operation.websocket).toBe(true);
      expect(Object.keys(contract.paths[operation.path]![operation.method]!.responses)).toContain('101');
    }
  });

  // Every stream of the contract is built now (/api/v1/ws/cluster/sharding was the last planned one).
  test('an unknown path refuses the upgrade with 404', async () => {
    const unknown = await refusedUpgrade(`${wsUrl}/api/v1/ws/nowhere`, asAdmin);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ success: false, error: { code: 'ROUTE_NOT_FOUND' } });
  });

  test('without a key, or with a bad or revoked one, is refused with 401 and the error envelope', async () => {
    for (const path of [EVENTS, NODES]) {
      const operationId = path === EVENTS ? 'streamEvents' : 'streamClusterNodeEvents';
      const anonymous = await refusedUpgrade(`${wsUrl}${path}`);
      expect(anonymous.status).toBe(401);
      expectContract(operationId, { status: anonymous.status, body: anonymous.body, headers: {} });
      expect(anonymous.body).toMatchObject({ success: false, error: { code: 'UNAUTHENTICATED' } });
      const wrongKey = await refusedUpgrade(`${wsUrl}${path}?apiKey=rdb_not_a_key`);
      expect(wrongKey.status).toBe(401);
      expectContract(operationId, { status: wrongKey.status, body: wrongKey.body, headers: {} });
    }
    const viewerKey = await server.keyFor('CLUSTER_VIEWER');
    const viewer = await connect(NODES, 'header', viewerKey); // every role may read the streams
    expect(viewer.upgrade.statusCode).toBe(101);
    await viewer.close();
    const keys = await server.http.get('/api/v1/auth/api-keys?role=CLUSTER_VIEWER').set(asAdmin);
    await server.http.delete(`/api/v1/auth/api-keys/${keys.body.data[0].id}`).set(asAdmin);
    const revoked = await refusedUpgrade(`${wsUrl}${NODES}`, { 'X-API-Key': viewerKey });
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: 'The API key has been revoked or has expired.' } });
  });

  test('a plain GET, without the upgrade, is answered 426 as the contract says', async () => {
    const events = await server.http.get(EVENTS).set(asAdmin);
    expect(events.status).toBe(426);
    expectContract('streamEvents', events);
    expect(events.body.error.code).toBe('UPGRADE_REQUIRED');
    expect(events.headers.upgrade).toBe('websocket');
    const nodes = await server.http.get(NODES);
    expect(nodes.status).toBe(426);
    expectContract('streamClusterNodeEvents', nodes);
  });
});

describe('/api/v1/ws/events', () => {
  test('delivers node_joined for a node added through REST, whichever way the key is sent', async () => {
    const byQuery = await connect(EVENTS, 'query');
    const byHeader = await connect(EVENTS, 'header');
    await addNode('node-6', '10.0.0.6:7000');
    for (const stream of [byQuery, byHeader]) {
      const { match, skipped } = await stream.frames.until(isEventOfType('node_joined'), 'node_joined');
      expect(skipped).toEqual([]);
      expect(match).toMatchObject({ type: 'node_joined', source: 'cluster.membership', payload: { nodeId: 'node-6', address: '10.0.0.6:7000', role: 'FOLLOWER' } });
      expect((await storedEventsAfter(match.cursor - 1))[0]).toEqual(match);
    }
  });

  test('a config message narrows the stream to one event type about one node', async () => {
    const stream = await connect(EVENTS);
    stream.send({ type: 'config', eventTypes: ['node_health_change'], resourceIds: ['node-3'] });
    expect(await stream.frames.next()).toEqual({ type: 'config_ack', eventTypes: ['node_health_change'], resourceIds: ['node-3'] });

    // node-4 crashes at the same time: its events, and the faults' own, must not come through.
    const crash3 = await injectCrash('node-3');
    const crash4 = await injectCrash('node-4');
    await server.advance(6000);
    await heal(crash3);
    await heal(crash4);
    await server.advance(2000);

    const isNode3Healthy = (frame: StreamFrame) => isEvent(frame) && frame.payload.status === 'HEALTHY';
    const { match, skipped } = await stream.frames.until(isNode3Healthy, 'node-3 healthy again');
    expect([...skipped, match].map(summary)).toEqual([
      'node_health_change node-3 SUSPECTED',
      'node_health_change node-3 DOWN',
      'node_health_change node-3 RECOVERING',
      'node_health_change node-3 HEALTHY',
    ]);
    const node4 = await server.http.get('/api/v1/events?types=node_health_change&resourceId=node-4').set(asAdmin);
    expect(node4.body.data.length).toBeGreaterThanOrEqual(4); // they happened; the stream left them out
  });

  test('resumeFrom replays every stored event after the cursor, then live ones, with no gap and no duplicate', async () => {
    const stream = await connect(EVENTS);
    const resumeFrom = 4;
    stream.send({ type: 'config', resumeFrom });
    // Not waiting for the ack: this event may commit before the config applies, during the
    // replay or after it. Frames before the ack come from the unfiltered live feed.
    await addNode('node-7', '10.0.0.7:7000');
    const { match: ack, skipped: beforeAck } = await stream.frames.until(isConfigAck, 'config_ack');
    expect(ack).toEqual({ type: 'config_ack', resumeFrom });
    expect(beforeAck.map(summary)).toEqual(beforeAck.length === 0 ? [] : ['node_joined node-7']);

    const stored = await storedEventsAfter(resumeFrom);
    expect(stored.at(-1)).toMatchObject({ type: 'node_joined', payload: { nodeId: 'node-7' } });
    const replayed = await stream.frames.take(stored.length);
    expect(replayed).toEqual(stored);
    expect(replayed.map((frame) => (isEvent(frame) ? frame.cursor : frame.type))).toEqual(stored.map((_event, index) => resumeFrom + 1 + index));

    await addNode('node-8', '10.0.0.8:7000');
    const live = await stream.frames.next();
    expect(live).toMatchObject({ cursor: stored.at(-1)!.cursor + 1, type: 'node_joined', payload: { nodeId: 'node-8' } });
  });

  test('a bad config message is answered with an error, and the stream stays open with its filter', async () => {
    const stream = await connect(EVENTS);
    stream.send({ type: 'config', eventTypes: ['node_joined'] });
    expect(isConfigAck(await stream.frames.next())).toBe(true);

    const badMessages: [unknown, string][] = [
      ['not json', 'The message is not valid JSON.'],
      [{ type: 'subscribe' }, 'Only messages with "type": "config" are understood.'],
      [{ type: 'config', color: 'red' }, 'Unknown field(s): color.'],
      [{ type: 'config', eventTypes: 'node_joined' }, 'eventTypes must be an array of at most 1000 strings.'],
      [{ type: 'config', resumeFrom: -1 }, 'resumeFrom must be a cursor: a whole number, 0 or more.'],
    ];
    for (const [message, problem] of badMessages) {
      if (typeof message === 'string') stream.socket.send(message);
      else stream.send(message);
      const answer = await stream.frames.next();
      expect(isErrorFrame(answer)).toBe(true);
      expect(answer).toEqual({ type: 'error', error: { code: 'VALIDATION_FAILED', message: problem } });
    }
    expect(stream.socket.readyState).toBe(stream.socket.OPEN);

    const fault = await injectCrash('node-1'); // filtered out: the node_joined filter still holds
    await heal(fault);
    await addNode('node-9', '10.0.0.9:7000');
    const { match, skipped } = await stream.frames.until(isEventOfType('node_joined'), 'node_joined');
    expect(skipped).toEqual([]);
    expect(match.payload.nodeId).toBe('node-9');
  });
});

describe('/api/v1/ws/cluster/nodes', () => {
  test('carries node and failover events but not fault events', async () => {
    const stream = await connect(NODES, 'header');
    const fault = await injectCrash('node-2');
    await server.advance(2000);
    await heal(fault);
    await server.advance(2000);
    await addNode('node-10', '10.0.0.10:7000');

    const { match, skipped } = await stream.frames.until(isEventOfType('node_joined'), 'node_joined of node-10');
    // node-2 leads at this seed: consensus replaces it (election timeout 1 s) before the failure
    // detector suspects it (1.5 s).
    expect([...skipped, match].map(summary)).toEqual([
      'failover_initiated',
      'leader_elected',
      'failover_completed COMPLETED',
      'node_health_change node-2 SUSPECTED',
      'node_health_change node-2 HEALTHY',
      'node_joined node-10',
    ]);
    const faultEvents = await server.http.get('/api/v1/events?types=fault_injected,fault_healed&resourceId=node-2').set(asAdmin);
    expect(faultEvents.body.data).toHaveLength(2); // they happened; this stream left them out
  });

  test('filters by nodeIds and event types, and refuses event types it never carries', async () => {
    const stream = await connect(NODES);
    stream.send({ type: 'config', eventTypes: ['fault_injected'] });
    expect(await stream.frames.next()).toMatchObject({ type: 'error', error: { code: 'VALIDATION_FAILED' } });
    stream.send({ type: 'config', nodeIds: ['node-11'], eventTypes: ['node_joined', 'node_left', 'fault_injected'] });
    expect(await stream.frames.next()).toEqual({ type: 'config_ack', resourceIds: ['node-11'], eventTypes: ['node_joined', 'node_left', 'fault_injected'] });

    await addNode('node-12', '10.0.0.12:7000');
    await addNode('node-11', '10.0.0.11:7000');
    const crash = await injectCrash('node-11');
    const removed = await server.http.delete('/api/v1/cluster/nodes/node-11?force=true').set(asAdmin);
    expect(removed.status).toBe(200);

    const { match, skipped } = await stream.frames.until(isEventOfType('node_left'), 'node_left of node-11');
    expect([...skipped, match].map(summary)).toEqual(['node_joined node-11', 'node_left node-11']);
    expect(NODE_EVENT_TYPES).toContain(match.type);
    await heal(crash);
  });

  test('an unknown event type is an error frame listing the types the stream carries', async () => {
    const nodes = await connect(NODES);
    nodes.send({ type: 'config', eventTypes: ['node_joined', 'node_joinned'] });
    expect(await nodes.frames.next()).toEqual({
      type: 'error',
      error: {
        code: 'VALIDATION_FAILED',
        message:
          'eventTypes names unknown event type(s) node_joinned; this stream carries: node_joined, node_left, node_health_change, failover_initiated, failover_completed, leader_elected, quorum_lost, quorum_restored, migration_started, migration_progress, migration_completed.',
      },
    });
    const every = await connect(EVENTS);
    every.send({ type: 'config', eventTypes: ['nope'] });
    const frame = await every.frames.next();
    expect(isErrorFrame(frame)).toBe(true);
    const eventTypes = (contract.components.schemas.EventType as { enum: string[] }).enum;
    expect((frame as { error: { message: string } }).error.message).toBe(`eventTypes names unknown event type(s) nope; this stream carries: ${eventTypes.join(', ')}.`);
    // The stream keeps its configuration: a known type still works.
    every.send({ type: 'config', eventTypes: ['fault_injected'] });
    expect(isConfigAck(await every.frames.next())).toBe(true);
  });

  test('an empty eventTypes list means every node event, never more', async () => {
    const stream = await connect(NODES);
    stream.send({ type: 'config', eventTypes: [] });
    expect(isConfigAck(await stream.frames.next())).toBe(true);
    const fault = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'latency', nodes: ['node-1'], ms: 5 });
    await heal(fault.body.data.id);
    await addNode('node-13', '10.0.0.13:7000');
    const { match, skipped } = await stream.frames.until(isEventOfType('node_joined'), 'node_joined of node-13');
    expect(skipped.map(summary)).toEqual([]);
    expect(match.payload.nodeId).toBe('node-13');
  });
});
