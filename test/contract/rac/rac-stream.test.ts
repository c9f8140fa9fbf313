import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { RAC_EVENT_TYPES } from '../../../src/engines/rac/events.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { closeAllStreams, isEventOfType, listenOnLoopback, openStream, type StreamSocket } from '../../support/socket.js';
import { configureStream as configure, expectFramesInContract, payloadOf } from '../../support/stream-contract.js';

let server: TestServer;
let wsUrl: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const RAC = '/api/v1/ws/cluster/rac';
const streams: StreamSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ nodes: 4 });
  await server.advance(1000);
  ({ wsUrl } = await listenOnLoopback(server));
});
afterEach(async () => {
  // Every frame a test received is checked against the contract: the payload schemas included.
  expectFramesInContract(streams.splice(0), RAC_EVENT_TYPES);
  await closeAllStreams();
});
afterAll(() => server.close());

async function connect(): Promise<StreamSocket> {
  const stream = await openStream(`${wsUrl}${RAC}?apiKey=${ADMIN_KEY}`);
  streams.push(stream);
  return stream;
}

describe('/api/v1/ws/cluster/rac', () => {
  test('a plain GET, without the upgrade, is answered 426 as the contract says', async () => {
    const response = await server.http.get(RAC).set(asAdmin);
    expect(response.status).toBe(426);
    expectContract('streamRacEvents', response);
  });

  test('carries the workload\'s block transfers, filtered to one instance', async () => {
    const stream = await connect();
    expect(stream.upgrade.statusCode).toBe(101);
    await configure(stream, { instanceIds: ['node-2'], eventTypes: ['cache_fusion_transfer'] });
    await server.advance(3000);
    const { match } = await stream.frames.until(isEventOfType('cache_fusion_transfer'), 'a transfer naming node-2');
    const transfer = payloadOf(match);
    expect(transfer['nodeIds']).toContain('node-2');
    expect(['TWO_WAY', 'THREE_WAY']).toContain(transfer['way']);
  });

  test('an instance crash is recovered: recovery started, then completed, naming the dead instance', async () => {
    const stream = await connect();
    await configure(stream, { eventTypes: ['instance_recovery_started', 'instance_recovery_completed'] });
    const crash = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-3'] });
    expect(crash.status).toBe(201);
    await server.advance(5000);
    const started = await stream.frames.until(isEventOfType('instance_recovery_started'), 'recovery started');
    expect(payloadOf(started.match)).toMatchObject({ failedInstance: 'node-3', trigger: 'CRASH', phase: 'DETECTED' });
    const completed = await stream.frames.until(isEventOfType('instance_recovery_completed'), 'recovery completed');
    expect(payloadOf(completed.match)).toMatchObject({ failedInstance: 'node-3', phase: 'COMPLETED' });
    await server.http.delete(`/api/v1/simulation/faults/${crash.body.data.id}`).set(asAdmin);
    await server.advance(2000);
  });
});
