import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 5 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const RAC = '/api/v1/rac';

const http = () => fixture.server.http;
const cluster = () => fixture.server.platform.engines.rac.cluster;
const asViewer = () => ({ 'X-API-Key': fixture.viewerKey });

async function get(operationId: string, path: string) {
  const response = await http().get(`${RAC}${path}`).set(asAdmin);
  expectContract(operationId, response);
  expect(response.status).toBe(200);
  return response.body.data;
}

async function post(operationId: string, path: string, body?: object) {
  const request = http().post(`${RAC}${path}`).set(asAdmin);
  const response = body === undefined ? await request : await request.send(body);
  expectContract(operationId, response);
  return response;
}

/** A block whose master is `master` (placed by hashing at first use). */
function blockMasteredBy(master: string, except: readonly string[] = []): string {
  return cluster().storage.blockIds().find((id) => !except.includes(id) && cluster().grd.masterOf(id) === master)!;
}

describe('the RAC cluster under its workload', () => {
  test('status, its alias, instances and statistics read the engine, and move as the clock advances', async () => {
    const status = await get('getRacClusterStatus', '/cluster/status');
    expect(status).toMatchObject({ clusterName: 'rustydb', state: 'OPERATIONAL', totalInstances: 5, openInstances: 5, failedInstances: 0, recoveriesInProgress: 0 });
    expect(status.scn).toBe(cluster().storage.currentScn());
    expect(status.config.affinityThreshold).toBe(cluster().racConfig().affinityThreshold * 100);
    expect(await get('getRacStatusAlias', '/status')).toEqual(status);

    const before = await get('getRacClusterStatistics', '/cluster/stats');
    await fixture.server.advance(5000);
    const after = await get('getRacClusterStatistics', '/cluster/stats');
    expect(await get('getRacClusterStatisticsAlias', '/cluster/statistics')).toEqual(after);
    expect(after.totalQueries).toBeGreaterThan(before.totalQueries);
    expect(after.totalTransactions).toBeGreaterThan(before.totalTransactions);
    expect(after.interconnect.messagesSent).toBeGreaterThan(before.interconnect.messagesSent);
    expect(after.uptimeSeconds).toBe(before.uptimeSeconds + 5);
    const gcs = cluster().clusterStatistics().gcs;
    expect(after.cacheFusion.twoWayTransfers + after.cacheFusion.threeWayTransfers).toBe(gcs.twoWayTransfers + gcs.threeWayTransfers);
    expect(after.cacheFusion.hitRatePercent).toBeCloseTo((100 * gcs.cacheHits) / (gcs.cacheHits + gcs.cacheMisses), 1);
    expect(Object.values(after.grd.resourcesPerMaster as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(after.grd.totalResources);

    const page = await http().get(`${RAC}/cluster/nodes?sort_by=cachedBlocks&order=desc&limit=2&fields=cachedBlocks,status`).set(asAdmin);
    expectContract('listRacInstances', page, { sparse: true });
    expect(page.body.pagination).toMatchObject({ total: 5, limit: 2, hasMore: true });
    expect(Object.keys(page.body.data[0]).sort()).toEqual(['cachedBlocks', 'instanceId', 'status']);
    expect(page.body.data[0].cachedBlocks).toBeGreaterThanOrEqual(page.body.data[1].cachedBlocks);
    const full = await get('listRacInstances', '/cluster/nodes');
    const view = cluster().instanceViews().find((instance) => instance.instanceId === 'node-2')!;
    const node2 = full.find((instance: { instanceId: string }) => instance.instanceId === 'node-2');
    expect(node2).toMatchObject({ nodeId: 'node-2', status: 'OPEN', cachedBlocks: view.cachedBlocks, dirtyBlocks: view.dirtyBlocks, masteredResources: view.masteredResources });
    expect(node2.sharedBlocks + node2.exclusiveBlocks).toBe(node2.cachedBlocks);
    expect(node2.redoRecords).toBeGreaterThan(0);
    expect(node2.lastHeartbeatAt).not.toBeNull();

    const badSort = await http().get(`${RAC}/cluster/nodes?sort_by=color`).set(asAdmin);
    expect(badSort.status).toBe(400);
    expectContract('listRacInstances', badSort);
    const badField = await http().get(`${RAC}/cluster/nodes?fields=color`).set(asAdmin);
    expect(badField.status).toBe(422);
    expectContract('listRacInstances', badField);
  });

  test('Cache Fusion: a 2-way and a 3-way transfer, counted and logged with their SCN', async () => {
    fixture.server.platform.engines.rac.workload.set({ ratePerSecond: 0 });
    await fixture.server.advance(1000);
    // Cold caches, so each block below moves only as this test moves it.
    cluster().flush(undefined, { invalidateClean: true });
    await fixture.server.advance(100);
    const before = await get('getCacheFusionStatistics', '/cache-fusion/stats');
    // 2-way: the master holds the block in X and ships it to the reader.
    const twoWay = blockMasteredBy('node-1');
    cluster().write('node-1', twoWay, { rowIndex: 0, values: { amount: 1 } });
    await fixture.server.advance(50);
    cluster().read('node-2', twoWay);
    await fixture.server.advance(50);
    // 3-way: node-3 holds X, node-4 asks the master node-1, which forwards to node-3.
    const threeWay = blockMasteredBy('node-1', [twoWay]);
    cluster().write('node-3', threeWay, { rowIndex: 0, values: { amount: 2 } });
    await fixture.server.advance(50);
    cluster().read('node-4', threeWay);
    await fixture.server.advance(50);

    const after = await get('getCacheFusionStatistics', '/cache-fusion/stats');
    expect(await get('getCacheFusionStatisticsAlias', '/cache-fusion/statistics')).toEqual(after);
    expect(after.twoWayTransfers - before.twoWayTransfers).toBe(1);
    expect(after.threeWayTransfers - before.threeWayTransfers).toBe(1);
    expect(after.downgrades - before.downgrades).toBe(2);
    expect(after.bytesTransferred).toBeGreaterThan(before.bytesTransferred);

    const [shipped] = await get('listCacheFusionTransfers', `/cache-fusion/transfers?blockId=${threeWay}&limit=1`);
    expect(shipped).toMatchObject({ blockId: threeWay, tableName: 'sales', fromInstance: 'node-3', toInstance: 'node-4', masterInstance: 'node-1', mode: 'S', way: 'THREE_WAY', pastImageKept: false });
    expect(shipped.scn).toBe(cluster().storage.committedImage(threeWay).scn);
    expect(Date.parse(shipped.completedAt) - Date.parse(shipped.requestedAt)).toBe(shipped.latencyUs / 1000);
    const twoWays = await get('listCacheFusionTransfers', `/cache-fusion/transfers?blockId=${twoWay}&way=TWO_WAY`);
    expect(twoWays.map((row: { fromInstance: string; toInstance: string }) => [row.fromInstance, row.toInstance])).toEqual([['node-1', 'node-2']]);
    const byNode4 = await get('listCacheFusionTransfers', '/cache-fusion/transfers?instanceId=node-4&sort_by=latencyUs&order=asc');
    expect(byNode4.every((row: { fromInstance: string; toInstance: string }) => row.fromInstance === 'node-4' || row.toInstance === 'node-4')).toBe(true);

    const status = await get('getCacheFusionStatus', '/cache-fusion/status');
    expect(status.state).toBe('OPERATIONAL');
    expect(status.lastTransferAt).toBe(shipped.completedAt);
    const node3 = status.instances.find((row: { instanceId: string }) => row.instanceId === 'node-3');
    expect(node3.dirtyBlocks).toBe(cluster().gcs.cacheOf('node-3').dirtyCount());
    expect(status.requestsInFlight).toBe(0);
  });

  test('flush writes dirty blocks back (then invalidates clean ones), and refuses nonsense, strangers and viewers', async () => {
    const dirtyBlock = blockMasteredBy('node-2');
    cluster().write('node-5', dirtyBlock, { rowIndex: 1, values: { quantity: 7 } });
    await fixture.server.advance(50);
    const dirty = cluster().gcs.cacheOf('node-5').dirtyCount();
    expect(dirty).toBeGreaterThan(0);

    const both = await post('flushCacheFusion', '/cache-fusion/flush', { flushDirty: false, invalidateClean: false });
    expect(both.status).toBe(422);
    const stranger = await post('flushCacheFusion', '/cache-fusion/flush', { instanceId: 'node-9' });
    expect(stranger.status).toBe(404);
    const bad = await post('flushCacheFusion', '/cache-fusion/flush', { flushDirty: 'yes' });
    expect(bad.status).toBe(400);
    const viewer = await http().post(`${RAC}/cache-fusion/flush`).set(asViewer()).send({});
    expect(viewer.status).toBe(403);
    expectContract('flushCacheFusion', viewer);
    expect(cluster().gcs.cacheOf('node-5').dirtyCount()).toBe(dirty);

    const flushed = await post('flushCacheFusion', '/cache-fusion/flush', { instanceId: 'node-5' });
    expect(flushed.status).toBe(200);
    expect(flushed.body.data).toMatchObject({ blocksWritten: dirty, blocksInvalidated: 0, instanceIds: ['node-5'] });
    expect(flushed.body.data.bytesWritten).toBeGreaterThan(0);
    expect(cluster().gcs.cacheOf('node-5').dirtyCount()).toBe(0);
    expect(cluster().storage.diskScn(dirtyBlock)).toBe(cluster().storage.committedImage(dirtyBlock).scn);

    const cached = cluster().gcs.cacheOf('node-5').size();
    const cold = await post('flushCacheFusion', '/cache-fusion/flush', { flushDirty: false, invalidateClean: true, instanceId: 'node-5' });
    expect(cold.body.data).toMatchObject({ blocksWritten: 0, blocksInvalidated: cached });
    await fixture.server.advance(100);
    expect(cluster().gcs.cacheOf('node-5').size()).toBe(0);
  });

  test('GRD: one resource remastered to a target and back to its hash placement; topology, resources and affinity', async () => {
    const blockId = blockMasteredBy('node-1');
    const hashed = cluster().grd.hashMaster(blockId);
    const moved = await post('remasterGrdResources', '/grd/remaster', { resourceId: blockId, targetNode: 'node-4' });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ remasteredResources: 1, skippedResources: 0, moves: [{ resourceId: blockId, fromInstance: 'node-1', toInstance: 'node-4' }] });
    await fixture.server.advance(50);
    const [resource] = await get('listGrdResources', `/grd/resources?masterInstance=node-4&resourceType=BLOCK&limit=1000`).then((rows) => rows.filter((row: { resourceId: string }) => row.resourceId === blockId));
    expect(resource).toMatchObject({ resourceId: blockId, masterInstance: 'node-4', hashMaster: hashed, frozen: false, remasterCount: 1 });
    expect(resource.lastRemasteredAt).not.toBeNull();
    const topology = await get('getGrdTopology', '/grd/topology');
    expect(topology.remasteredResources).toBeGreaterThanOrEqual(1);
    expect(topology.masters.reduce((sum: number, row: { resources: number }) => sum + row.resources, 0)).toBe(topology.totalResources);

    const back = await post('remasterGrdResources', '/grd/remaster', { resourceId: blockId });
    expect(back.body.data.moves).toEqual([{ resourceId: blockId, fromInstance: 'node-4', toInstance: hashed }]);
    await fixture.server.advance(50);
    expect(cluster().grd.peekMaster(blockId)).toMatchObject({ masterId: hashed, placement: 'HASH' });

    const missing = await post('remasterGrdResources', '/grd/remaster', { resourceId: '1:999' });
    expect(missing.status).toBe(404);
    const nowhere = await post('remasterGrdResources', '/grd/remaster', { resourceId: blockId, targetNode: 'node-9' });
    expect(nowhere.status).toBe(404);
    const viewer = await http().post(`${RAC}/grd/remaster`).set(asViewer()).send({});
    expect(viewer.status).toBe(403);
    expectContract('remasterGrdResources', viewer);

    // The workload's skew builds affinity.
    fixture.server.platform.engines.rac.workload.set({ ratePerSecond: 200 });
    await fixture.server.advance(3000);
    fixture.server.platform.engines.rac.workload.set({ ratePerSecond: 0 });
    await fixture.server.advance(500);
    const affinity = await get('listGrdAffinity', '/grd/affinity?limit=1000');
    expect(affinity.length).toBeGreaterThan(0);
    const strongest = cluster().grd.affinities(1)[0]!;
    expect(affinity[0]).toMatchObject({ resourceId: strongest.resourceId, instanceId: strongest.instanceId, accesses: strongest.accesses });
    const above = await get('listGrdAffinity', '/grd/affinity?aboveThreshold=true&limit=1000');
    expect(above.every((row: { affinityPercent: number; totalAccesses: number }) => row.affinityPercent >= 50 && row.totalAccesses >= cluster().racConfig().affinityMinAccesses)).toBe(true);
    const stats = await get('getRacClusterStatistics', '/cluster/stats');
    expect(stats.grd.totalRemasters).toBeGreaterThanOrEqual(2);

    const rebalanced = await post('rebalanceRacCluster', '/cluster/rebalance');
    expect(rebalanced.status).toBe(200);
    await fixture.server.advance(200);
    expect(Object.keys(rebalanced.body.data.resourcesPerMaster).sort()).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5']);
    expect((await get('getGrdTopology', '/grd/topology')).remasteredResources).toBe(0);
  });

  test('interconnect: heartbeats heard, counters per pair, and a latency matrix', async () => {
    const status = await get('getInterconnectStatus', '/interconnect/status');
    expect(status).toMatchObject({ state: 'HEALTHY', splitBrainDetected: false, evictedInstances: [], heartbeatIntervalMs: cluster().racConfig().heartbeatIntervalMs });
    expect(status.instances[0].reachable).toEqual(['node-2', 'node-3', 'node-4', 'node-5']);
    const stats = await get('getInterconnectStatistics', '/interconnect/stats');
    expect(stats.pairs.length).toBe(20);
    expect(stats.pairs.reduce((sum: number, pair: { messages: number }) => sum + pair.messages, 0)).toBe(stats.messagesSent);
    expect(stats.avgMessageLatencyUs).toBeGreaterThan(0);
    const latency = await get('getInterconnectLatency', '/interconnect/latency');
    expect(latency.instanceIds).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5']);
    expect(latency.matrixUs[2][2]).toBeNull();
    expect(latency.matrixUs[0][1]).toBeGreaterThan(0);
    const pair = latency.pairs.find((row: { fromInstance: string; toInstance: string }) => row.fromInstance === 'node-1' && row.toInstance === 'node-2');
    expect(pair.minLatencyUs).toBeLessThanOrEqual(pair.maxLatencyUs);
    const sent = stats.pairs.find((row: { fromInstance: string; toInstance: string }) => row.fromInstance === 'node-1' && row.toInstance === 'node-2');
    expect(pair.samples).toBeGreaterThan(0);
    expect(pair.samples).toBeLessThanOrEqual(sent.messages);
  });

  test('stop closes the database (dirty blocks written, caches empty), start reopens it with counters at zero', async () => {
    cluster().write('node-3', blockMasteredBy('node-5'), { rowIndex: 0, values: { amount: 9 } });
    await fixture.server.advance(50);
    const viewer = await http().post(`${RAC}/cluster/stop`).set(asViewer());
    expect(viewer.status).toBe(403);
    expectContract('stopRacCluster', viewer);

    const stopped = await post('stopRacCluster', '/cluster/stop');
    expect(stopped.status).toBe(200);
    expect(stopped.body.data).toMatchObject({ state: 'STOPPED', closedInstances: ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'] });
    expect(stopped.body.data.blocksWritten).toBeGreaterThan(0);
    for (const blockId of cluster().storage.blockIds()) expect(cluster().storage.diskScn(blockId)).toBe(cluster().storage.committedImage(blockId).scn);
    const closed = await get('getRacClusterStatus', '/cluster/status');
    expect(closed).toMatchObject({ state: 'STOPPED', openedAt: null, openInstances: 0 });
    expect(closed.instances.every((row: { status: string }) => row.status === 'CLOSED')).toBe(true);
    const instances = await get('listRacInstances', '/cluster/nodes');
    expect(instances.every((row: { cachedBlocks: number }) => row.cachedBlocks === 0)).toBe(true);
    expect((await post('stopRacCluster', '/cluster/stop')).status).toBe(409);
    expect((await post('flushCacheFusion', '/cache-fusion/flush', {})).status).toBe(409);
    expect((await post('rebalanceRacCluster', '/cluster/rebalance')).status).toBe(409);
    expect((await post('remasterGrdResources', '/grd/remaster', {})).status).toBe(409);

    const started = await post('startRacCluster', '/cluster/start');
    expect(started.status).toBe(200);
    expect(started.body.data).toMatchObject({ state: 'OPERATIONAL', openInstances: 5 });
    expect((await post('startRacCluster', '/cluster/start')).status).toBe(409);
    const stats = await get('getCacheFusionStatistics', '/cache-fusion/stats');
    expect(stats).toMatchObject({ totalRequests: 0, cacheHits: 0, twoWayTransfers: 0, threeWayTransfers: 0, hitRatePercent: 0 });
    // Nothing exchanged since the start: every pair is silent.
    const latency = await get('getInterconnectLatency', '/interconnect/latency');
    expect(latency.matrixUs.flat().every((cell: number | null) => cell === null)).toBe(true);
    expect(latency.pairs.every((row: { samples: number; avgLatencyUs: number | null }) => row.samples === 0 && row.avgLatencyUs === null)).toBe(true);
    await fixture.server.advance(2000);
    const heard = await get('getInterconnectLatency', '/interconnect/latency');
    expect(heard.matrixUs[0][1]).not.toBeNull();
  });
});

describe('RAC reads for a viewer', () => {
  test('every read answers a CLUSTER_VIEWER within the contract; the mutations refuse one (403)', async () => {
    const read = (path: string) => http().get(`${RAC}${path}`).set(asViewer());
    const answers = {
      getRacClusterStatus: await read('/cluster/status'),
      getRacStatusAlias: await read('/status'),
      listRacInstances: await read('/cluster/nodes'),
      getRacClusterStatistics: await read('/cluster/stats'),
      getRacClusterStatisticsAlias: await read('/cluster/statistics'),
      getCacheFusionStatus: await read('/cache-fusion/status'),
      getCacheFusionStatistics: await read('/cache-fusion/stats'),
      getCacheFusionStatisticsAlias: await read('/cache-fusion/statistics'),
      listCacheFusionTransfers: await read('/cache-fusion/transfers'),
      getGrdTopology: await read('/grd/topology'),
      listGrdResources: await read('/grd/resources'),
      listGrdAffinity: await read('/grd/affinity'),
      getInterconnectStatus: await read('/interconnect/status'),
      getInterconnectStatistics: await read('/interconnect/stats'),
      getInterconnectLatency: await read('/interconnect/latency'),
    };
    expectContract('getRacClusterStatus', answers.getRacClusterStatus);
    expectContract('getRacStatusAlias', answers.getRacStatusAlias);
    expectContract('listRacInstances', answers.listRacInstances);
    expectContract('getRacClusterStatistics', answers.getRacClusterStatistics);
    expectContract('getRacClusterStatisticsAlias', answers.getRacClusterStatisticsAlias);
    expectContract('getCacheFusionStatus', answers.getCacheFusionStatus);
    expectContract('getCacheFusionStatistics', answers.getCacheFusionStatistics);
    expectContract('getCacheFusionStatisticsAlias', answers.getCacheFusionStatisticsAlias);
    expectContract('listCacheFusionTransfers', answers.listCacheFusionTransfers);
    expectContract('getGrdTopology', answers.getGrdTopology);
    expectContract('listGrdResources', answers.listGrdResources);
    expectContract('listGrdAffinity', answers.listGrdAffinity);
    expectContract('getInterconnectStatus', answers.getInterconnectStatus);
    expectContract('getInterconnectStatistics', answers.getInterconnectStatistics);
    expectContract('getInterconnectLatency', answers.getInterconnectLatency);
    for (const response of Object.values(answers)) expect(response.status).toBe(200);

    const start = await http().post(`${RAC}/cluster/start`).set(asViewer());
    expectContract('startRacCluster', start);
    const rebalance = await http().post(`${RAC}/cluster/rebalance`).set(asViewer());
    expectContract('rebalanceRacCluster', rebalance);
    const stop = await http().post(`${RAC}/cluster/stop`).set(asViewer());
    expectContract('stopRacCluster', stop);
    const flush = await http().post(`${RAC}/cache-fusion/flush`).set(asViewer()).send({});
    expectContract('flushCacheFusion', flush);
    const remaster = await http().post(`${RAC}/grd/remaster`).set(asViewer()).send({});
    expectContract('remasterGrdResources', remaster);
    expect([start.status, rebalance.status, stop.status, flush.status, remaster.status]).toEqual([403, 403, 403, 403, 403]);
    expect(cluster().state()).toBe('OPEN');
  });
});
