import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { REPLICATION_EVENT_TYPES } from '../../../src/engines/replication/events.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { closeAllStreams, isEvent, isEventOfType, listenOnLoopback, openStream, type StreamSocket } from '../../support/socket.js';
import { configureStream as configure, expectFramesInContract, payloadOf } from '../../support/stream-contract.js';

let server: TestServer;
let wsUrl: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const REPLICATION = '/api/v1/ws/replication';
const CLUSTER_REPLICATION = '/api/v1/ws/cluster/replication';

const streams: StreamSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  await server.advance(1000);
  ({ wsUrl } = await listenOnLoopback(server));
});
afterEach(async () => {
  // Every frame a test received is checked against the contract.
  expectFramesInContract(streams.splice(0), REPLICATION_EVENT_TYPES);
  await closeAllStreams();
  const cluster = server.platform.engines.replication.cluster;
  for (const replica of cluster.listReplicas()) if (replica.replayPaused) cluster.resumeReplica(replica.replicaId);
  await server.advance(1000);
});
afterAll(() => server.close());

async function connect(path: string): Promise<StreamSocket> {
  const stream = await openStream(`${wsUrl}${path}?apiKey=${ADMIN_KEY}`);
  streams.push(stream);
  return stream;
}

describe('the replication streams', () => {
  test('a plain GET, without the upgrade, is answered 426 as the contract says', async () => {
    const replication = await server.http.get(REPLICATION).set(asAdmin);
    expect(replication.status).toBe(426);
    expectContract('streamReplicationEvents', replication);
    const clusterReplication = await server.http.get(CLUSTER_REPLICATION).set(asAdmin);
    expect(clusterReplication.status).toBe(426);
    expectContract('streamClusterReplicationEvents', clusterReplication);
  });

  test('both carry a replica\'s state changes, and nothing but replication events', async () => {
    const streamsOpened = [await connect(REPLICATION), await connect(CLUSTER_REPLICATION)];
    for (const stream of streamsOpened) expect(stream.upgrade.statusCode).toBe(101);
    server.platform.engines.replication.cluster.pauseReplica('node-3');
    await server.advance(500);
    for (const stream of streamsOpened) {
      const { match } = await stream.frames.until(
        (frame) => isEventOfType('replica_status_change')(frame) && payloadOf(frame).replicaId === 'node-3' && payloadOf(frame).to === 'PAUSED',
        'node-3 PAUSED',
      );
      expect(payloadOf(match)).toMatchObject({ replicaId: 'node-3', nodeId: 'node-3', to: 'PAUSED' });
    }
  });

  test('replicaIds and eventTypes narrow the stream to one replica and one event type', async () => {
    const stream = await connect(REPLICATION);
    await configure(stream, { replicaIds: ['node-3'], eventTypes: ['replica_status_change'] });
    const cluster = server.platform.engines.replication.cluster;
    cluster.pauseReplica('node-2');
    cluster.pauseReplica('node-3');
    await server.advance(500);
    const { match, skipped } = await stream.frames.until(isEventOfType('replica_status_change'), 'a replica state change');
    expect([...skipped, match].map((frame) => payloadOf(frame).replicaId)).toEqual(['node-3']);
    expect(payloadOf(match).to).toBe('PAUSED');
  });

  test('severity keeps an alert of a CRITICAL rule and drops INFO events', async () => {
    const stream = await connect(CLUSTER_REPLICATION);
    await configure(stream, { severity: 'CRITICAL' });
    const rule = server.platform.engines.replication.monitor.addRule(
      { name: 'node-4 replay lag over 1 s', metric: 'REPLAY_LAG_MS', threshold: 1000, forMs: 0, severity: 'CRITICAL', replicaId: 'node-4' },
      'key-test',
    );
    server.platform.engines.replication.cluster.pauseReplica('node-4');
    await server.advance(4000);
    const { match, skipped } = await stream.frames.until(
      (frame) => isEventOfType('replication_lag_alert')(frame) && payloadOf(frame).ruleId === rule.ruleId,
      'the CRITICAL alert of node-4',
    );
    expect(payloadOf(match)).toMatchObject({ state: 'FIRING', severity: 'CRITICAL', replicaId: 'node-4' });
    // wal_position_update and replica_status_change (INFO) happened meanwhile, and were left out.
    expect(skipped.filter(isEvent).map((frame) => frame.type)).not.toContain('wal_position_update');
    expect(skipped.filter(isEvent).map((frame) => frame.type)).not.toContain('replica_status_change');
    const stored = await server.http.get('/api/v1/events?types=wal_position_update&limit=1').set(asAdmin);
    expect(stored.body.data.length).toBe(1);
  });

  test('a bad severity, or severity on a stream without it, is answered with an error and the stream stays open', async () => {
    const replication = await connect(REPLICATION);
    replication.send({ type: 'config', severity: 'LOUD' });
    expect(await replication.frames.next()).toMatchObject({ type: 'error', error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/severity must be one of INFO, WARNING, ERROR, CRITICAL/) } });
    await configure(replication, { severity: 'WARNING' });

    const nodes = await connect('/api/v1/ws/cluster/nodes');
    nodes.send({ type: 'config', severity: 'WARNING' });
    expect(await nodes.frames.next()).toMatchObject({ type: 'error', error: { code: 'VALIDATION_FAILED', message: 'severity is not a filter of /api/v1/ws/cluster/nodes.' } });
    await configure(nodes, { eventTypes: ['node_joined'] });
    // The nodes stream's frames are node events: skip the replication-only check for it.
    streams.splice(streams.indexOf(nodes), 1);
  });
});
