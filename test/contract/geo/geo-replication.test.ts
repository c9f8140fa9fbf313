/**
 * /api/v1/geo-replication (datacenters, streams, consistency levels, vector clocks, statistics)
 * over REST and the GraphQL twins, and a restart on the same store. Four nodes: node-1 the
 * primary, the others its standbys; node-3 is removed from the replicas, so it stands alone
 * (writable) and can be the writable node of a second datacenter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lastAuditEntry } from '../../support/audit.js';
import { expectContract } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

const asAdmin = { 'X-API-Key': ADMIN_KEY };
const G = '/api/v1/geo-replication';
const dataDir = mkdtempSync(join(tmpdir(), 'rustydb-geo-'));
const storePath = join(dataDir, 'rustydb.sqlite');
let server: TestServer;
let viewerKey: string;

const US_EAST = { datacenterId: 'us-east-1', name: 'US East 1', region: 'us-east', location: { latitude: 40.71, longitude: -74.01, city: 'New York' }, nodeIds: ['node-1', 'node-2'] };
const EU_WEST = { datacenterId: 'eu-west-1', name: 'EU West 1', region: 'eu-west', location: { latitude: 51.51, longitude: -0.13, city: 'London' }, nodeIds: ['node-3'] };

beforeAll(async () => {
  server = await startTestServer({ nodes: 4, storePath });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(1000);
  expect((await server.http.delete('/api/v1/replication/replicas/node-3').set(asAdmin)).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('geo-replication', () => {
  test('datacenters: create sets the nodes region, refuses a node elsewhere (422), unknown (404), taken (409), lists and gets', async () => {
    const created = await server.http.post(`${G}/datacenters`).set(asAdmin).send(US_EAST);
    expectContract('createGeoDatacenter', created);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ datacenterId: 'us-east-1', writableNodeId: 'node-1', nodes: [{ nodeId: 'node-1', writeRole: 'PRIMARY' }, { nodeId: 'node-2', writeRole: 'STANDBY' }] });
    expect((await server.http.get('/api/v1/cluster/nodes/node-1').set(asAdmin)).body.data.region).toBe('us-east');
    expect(await lastAuditEntry(server, 'createGeoDatacenter')).toMatchObject({ outcome: 'SUCCESS', target: 'geo.datacenter/us-east-1' });

    const second = await server.http.post(`${G}/datacenters`).set(asAdmin).send({ ...EU_WEST, wanLinks: [{ datacenterId: 'us-east-1', bandwidthBytesPerSecond: 12_500_000 }] });
    expectContract('createGeoDatacenter', second);
    expect(second.body.data.links).toEqual([{ datacenterIds: ['eu-west-1', 'us-east-1'], latencyMs: 30, bandwidthBytesPerSecond: 12_500_000, lossRate: 0, partitioned: false, basis: 'DISTANCE', distanceKm: expect.any(Number) }]);

    const taken = await server.http.post(`${G}/datacenters`).set(asAdmin).send({ ...EU_WEST, datacenterId: 'eu-west-2' });
    expectContract('createGeoDatacenter', taken);
    expect(taken.status).toBe(409);
    const elsewhere = await server.http.post(`${G}/datacenters`).set(asAdmin).send({ ...EU_WEST, datacenterId: 'ap-south-1', region: 'ap-south', nodeIds: ['node-2'] });
    expect(elsewhere.status).toBe(409);
    const unknown = await server.http.post(`${G}/datacenters`).set(asAdmin).send({ ...EU_WEST, datacenterId: 'ap-south-1', nodeIds: ['node-9'] });
    expectContract('createGeoDatacenter', unknown);
    expect(unknown.status).toBe(404);
    const offGlobe = await server.http.post(`${G}/datacenters`).set(asAdmin).send({ ...EU_WEST, datacenterId: 'ap-south-1', nodeIds: ['node-4'], location: { latitude: 91, longitude: 0, city: 'x' } });
    expectContract('createGeoDatacenter', offGlobe);
    expect(offGlobe.status).toBe(400);
    const forbidden = await server.http.post(`${G}/datacenters`).set('X-API-Key', viewerKey).send(EU_WEST);
    expectContract('createGeoDatacenter', forbidden);
    expect(forbidden.status).toBe(403);

    const list = await server.http.get(`${G}/datacenters`).set('X-API-Key', viewerKey);
    expectContract('listGeoDatacenters', list);
    expect(list.body.data.map((datacenter: { datacenterId: string }) => datacenter.datacenterId)).toEqual(['eu-west-1', 'us-east-1']);
    expect(list.body.pagination.total).toBe(2);
    const one = await server.http.get(`${G}/datacenters/eu-west-1`).set(asAdmin);
    expectContract('getGeoDatacenter', one);
    expect(one.body.data.writableNodeId).toBe('node-3');
    const missing = await server.http.get(`${G}/datacenters/nowhere`).set(asAdmin);
    expectContract('getGeoDatacenter', missing);
    expect(missing.status).toBe(404);
  });

  test('streams: ship the workload from us-east-1 to eu-west-1; a partition grows lag, healing drains it; levels change for later writes', async () => {
    const created = await server.http.post(`${G}/streams`).set(asAdmin).send({ sourceDatacenterId: 'us-east-1', targetDatacenterId: 'eu-west-1', consistencyLevel: 'Global' });
    expectContract('createGeoStream', created);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ streamId: 'stream-1', sourceNodeId: 'node-1', targetNodeId: 'node-3', consistencyLevel: 'Global' });
    const cycle = await server.http.post(`${G}/streams`).set(asAdmin).send({ sourceDatacenterId: 'eu-west-1', targetDatacenterId: 'us-east-1' });
    expectContract('createGeoStream', cycle);
    expect(cycle.status).toBe(409);
    const same = await server.http.post(`${G}/streams`).set(asAdmin).send({ sourceDatacenterId: 'eu-west-1', targetDatacenterId: 'eu-west-1' });
    expectContract('createGeoStream', same);
    expect(same.status).toBe(422);

    await server.advance(3000);
    const streaming = await server.http.get(`${G}/streams/stream-1/status`).set(asAdmin);
    expectContract('getGeoStreamStatus', streaming);
    expect(streaming.body.data.operationsApplied).toBeGreaterThan(0);
    expect(streaming.body.data.compressionRatio).toBeGreaterThan(1);
    expect(streaming.body.data.forecasts[0]).toMatchObject({ failedDatacenterIds: [], writesSucceed: true, worstCaseStalenessMs: 0 });

    // Partition the two datacenters' nodes (the fault injection API): the stream disconnects and lag grows.
    const cut = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'partition', groups: [['node-1', 'node-2'], ['node-3']] });
    expect(cut.status).toBe(201);
    await server.advance(3000);
    const partitioned = (await server.http.get(`${G}/streams/stream-1/status`).set(asAdmin)).body.data;
    expect(partitioned.state).toBe('DISCONNECTED');
    expect(partitioned.lagMs).toBeGreaterThan(1000);
    const stats = await server.http.get(`${G}/statistics`).set(asAdmin);
    expectContract('getGeoReplicationStatistics', stats);
    expect(stats.body.data.lagMatrix).toEqual([
      { sourceDatacenterId: 'eu-west-1', targetDatacenterId: 'us-east-1', streamId: null, lagMs: null, lagOperations: null },
      { sourceDatacenterId: 'us-east-1', targetDatacenterId: 'eu-west-1', streamId: 'stream-1', lagMs: expect.any(Number), lagOperations: expect.any(Number) },
    ]);
    expect(stats.body.data.lagMatrix[1].lagMs).toBeGreaterThan(1000);
    expect(stats.body.data.links[0].partitioned).toBe(true);
    const metrics = (await server.http.get('/api/v1/metrics/prometheus').set(asAdmin)).text;
    expect(metrics).toMatch(/rustydb_geo_stream_lag_operations\{stream="stream-1",source="us-east-1",target="eu-west-1"\} [1-9]/);
    expect(metrics).toContain('rustydb_geo_streams_not_streaming 1');

    expect((await server.http.delete(`/api/v1/simulation/faults/${cut.body.data.id}`).set(asAdmin)).status).toBe(200);
    await server.advance(3000);
    const healed = await server.http.get(`${G}/streams`).set('X-API-Key', viewerKey);
    expectContract('listGeoStreams', healed);
    // The workload keeps writing: what waits for its Global acknowledgement waits only for eu-west-1, and less than under the cut.
    expect(healed.body.data[0].state).toBe('STREAMING');
    expect(healed.body.data[0].unacknowledgedOperations).toBeLessThan(partitioned.unacknowledgedOperations);
    expect(healed.body.data[0].lagOperations).toBeLessThan(partitioned.lagOperations);

    const level = await server.http.put(`${G}/streams/stream-1/consistency-level`).set(asAdmin).send({ consistencyLevel: 'Strong' });
    expectContract('setGeoStreamConsistencyLevel', level);
    expect(level.body.data.levelHistory.map((change: { level: string }) => change.level)).toEqual(['Global', 'Strong']);
    const badLevel = await server.http.put(`${G}/streams/stream-1/consistency-level`).set(asAdmin).send({ consistencyLevel: 'Eventual' });
    expectContract('setGeoStreamConsistencyLevel', badLevel);
    expect(badLevel.status).toBe(400);
    const noStream = await server.http.get(`${G}/streams/stream-9/status`).set(asAdmin);
    expectContract('getGeoStreamStatus', noStream);
    expect(noStream.status).toBe(404);
  });

  test('vector clocks cover a session once its writes are applied; a used datacenter is not deleted (409)', async () => {
    const source = await server.http.get(`${G}/vector-clocks/us-east-1`).set(asAdmin);
    expectContract('getGeoVectorClock', source);
    const own = source.body.data.entries.find((entry: { datacenterId: string }) => entry.datacenterId === 'us-east-1').position;
    await server.advance(2000);
    const target = await server.http.get(`${G}/vector-clocks/eu-west-1`).query({ session: `us-east-1:${own}` }).set(asAdmin);
    expectContract('getGeoVectorClock', target);
    expect(target.body.data.session).toEqual({ covered: true, missing: [] });
    const ahead = await server.http.get(`${G}/vector-clocks/eu-west-1`).query({ session: `us-east-1:${own * 10}` }).set(asAdmin);
    expect(ahead.body.data.session.covered).toBe(false);

    const calculator = await server.http.post(`${G}/consistency-calculator`).set('X-API-Key', viewerKey).send({ consistencyLevel: 'Strong', writerDatacenterId: 'us-east-1', failedDatacenterIds: ['eu-west-1'] });
    expectContract('calculateGeoConsistency', calculator);
    expect(calculator.body.data).toMatchObject({ failedDatacenterIds: ['eu-west-1'], writesSucceed: false, readsSucceed: true, worstCaseStalenessMs: 0 });
    const local = await server.http.post(`${G}/consistency-calculator`).set(asAdmin).send({ consistencyLevel: 'Local', writerDatacenterId: 'us-east-1', replicasPerDatacenter: [{ datacenterId: 'eu-west-1', replicas: 2 }] });
    expectContract('calculateGeoConsistency', local);
    expect(local.body.data).toMatchObject({ writesSucceed: true, worstCaseStalenessMs: 130 });
    const unknownWriter = await server.http.post(`${G}/consistency-calculator`).set(asAdmin).send({ consistencyLevel: 'Local', writerDatacenterId: 'nowhere' });
    expectContract('calculateGeoConsistency', unknownWriter);
    expect(unknownWriter.status).toBe(404);

    const used = await server.http.delete(`${G}/datacenters/eu-west-1`).set(asAdmin);
    expectContract('deleteGeoDatacenter', used);
    expect(used.status).toBe(409);
    expect(used.body.error.details.users).toEqual([{ kind: 'geo stream', id: 'stream-1' }]);
  });

  test('GraphQL twins answer as REST does', async () => {
    const read = dataOf(
      await graphql<{ geoDatacenters: { datacenterId: string }[]; geoDatacenter: { writableNodeId: string } | null; geoStreams: { streamId: string }[]; geoStreamStatus: { consistencyLevel: string } | null; geoVectorClock: { entries: unknown[] }; geoReplicationStatistics: { streamCount: number } }>(
        server,
        `{ geoDatacenters { datacenterId } geoDatacenter(id: "eu-west-1") { writableNodeId } geoStreams { streamId } geoStreamStatus(id: "stream-1") { consistencyLevel }
           geoVectorClock(datacenterId: "eu-west-1") { entries { datacenterId position lsn } } geoReplicationStatistics { streamCount } }`,
      ),
    );
    const forecast = dataOf(await graphql<{ geoConsistencyForecast: { writesSucceed: boolean; basis: string } }>(server, `{ geoConsistencyForecast(input: { consistencyLevel: Global, writerDatacenterId: "us-east-1", failedDatacenterIds: ["eu-west-1"] }) { writesSucceed basis } }`));
    expect(forecast.geoConsistencyForecast.writesSucceed).toBe(false);
    expect(read).toMatchObject({ geoDatacenters: [{ datacenterId: 'eu-west-1' }, { datacenterId: 'us-east-1' }], geoDatacenter: { writableNodeId: 'node-3' }, geoStreams: [{ streamId: 'stream-1' }], geoStreamStatus: { consistencyLevel: 'Strong' }, geoReplicationStatistics: { streamCount: 1 } });
    const created = dataOf(
      await graphql<{ createGeoDatacenter: { datacenterId: string; region: string } }>(server, `mutation { createGeoDatacenter(input: { datacenterId: "eu-central-1", name: "Frankfurt", region: "eu-west", location: { latitude: 50.11, longitude: 8.68, city: "Frankfurt" }, nodeIds: ["node-4"] }) { datacenterId region } }`),
    );
    expect(created.createGeoDatacenter).toEqual({ datacenterId: 'eu-central-1', region: 'eu-west' });
    const standbysOnly = await graphql(server, `mutation { createGeoStream(input: { sourceDatacenterId: "eu-west-1", targetDatacenterId: "eu-central-1" }) { streamId } }`);
    expect(codesOf(standbysOnly)).toEqual(['CONFLICT']);
    const level = dataOf(await graphql<{ setGeoStreamConsistencyLevel: { consistencyLevel: string } }>(server, `mutation { setGeoStreamConsistencyLevel(id: "stream-1", consistencyLevel: Global) { consistencyLevel } }`));
    expect(level.setGeoStreamConsistencyLevel.consistencyLevel).toBe('Global');
    expect(dataOf(await graphql<{ deleteGeoDatacenter: boolean }>(server, `mutation { deleteGeoDatacenter(id: "eu-central-1") }`)).deleteGeoDatacenter).toBe(true);
    const deleted = await server.http.delete(`${G}/datacenters/eu-central-1`).set(asAdmin);
    expectContract('deleteGeoDatacenter', deleted);
    expect(deleted.status).toBe(404);
    expect((await server.http.get('/api/v1/cluster/nodes/node-4').set(asAdmin)).body.data.region).toBe('local');
  });

  test('a restart keeps datacenters, links, streams with their level history and positions, and shipping resumes', async () => {
    const before = (await server.http.get(`${G}/streams/stream-1/status`).set(asAdmin)).body.data;
    await server.close();
    server = await startTestServer({ nodes: 4, storePath });
    const after = await server.http.get(`${G}/streams/stream-1/status`).set(asAdmin);
    expectContract('getGeoStreamStatus', after);
    expect(after.body.data).toMatchObject({ levelHistory: before.levelHistory, appliedLsn: before.appliedLsn, operationsApplied: before.operationsApplied, targetNodeId: 'node-3' });
    const datacenter = (await server.http.get(`${G}/datacenters/eu-west-1`).set(asAdmin)).body.data;
    expect(datacenter.links[0].bandwidthBytesPerSecond).toBe(12_500_000);
    await server.advance(2000);
    expect((await server.http.get(`${G}/streams/stream-1/status`).set(asAdmin)).body.data.operationsApplied).toBeGreaterThan(before.operationsApplied);
  });
});
