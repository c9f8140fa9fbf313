import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

let server: TestServer;
let viewerKey: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };

beforeAll(async () => {
  server = await startTestServer({ nodes: 4 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(3000);
  server.platform.engines.rac.workload.set({ ratePerSecond: 0 });
  await server.advance(500);
});
afterAll(() => server.close());

const rest = async (path: string) => (await server.http.get(`/api/v1/rac${path}`).set(asAdmin)).body.data;

describe('RAC over GraphQL', () => {
  test('queries answer as their REST twins', async () => {
    const data = dataOf(
      await graphql<Record<string, unknown>>(
        server,
        `{
          racClusterStatus { clusterName state scn totalInstances openInstances config { affinityThreshold heartbeatIntervalMs } }
          racInstances(sortBy: instanceId, order: DESC, limit: 2) { instanceId status cachedBlocks }
          racClusterStatistics { totalNodes cacheFusion { totalRequests twoWayTransfers } grd { totalResources resourcesPerMaster } interconnect { messagesSent } }
          racCacheFusionStatus { state blocksCached requestsInFlight enqueues { granted } }
          racCacheFusionStats { cacheHits hitRatePercent }
          cacheFusionStats { cacheHits hitRatePercent }
          cacheFusionTransfers(limit: 3) { transferId blockId way latencyUs }
          racGrdTopology { totalResources masters { instanceId resources } }
          grdTopology { totalResources }
          grdResources(limit: 2) { resourceId masterInstance hashMaster }
          grdAffinity(limit: 2) { resourceId instanceId affinityPercent }
          racInterconnectStatus { state instances { instanceId reachable } }
          racInterconnectStatistics { messagesSent pairs { fromInstance toInstance } }
          racInterconnectLatency { instanceIds matrixUs }
        }`,
      ),
    );
    const status = await rest('/cluster/status');
    expect(data.racClusterStatus).toMatchObject({ clusterName: status.clusterName, state: 'OPERATIONAL', totalInstances: 4, openInstances: 4, config: { affinityThreshold: status.config.affinityThreshold } });
    expect(Number((data.racClusterStatus as { scn: number }).scn)).toBe(status.scn);
    expect((data.racInstances as { instanceId: string }[]).map((row) => row.instanceId)).toEqual(['node-4', 'node-3']);
    expect(data.cacheFusionStats).toEqual(data.racCacheFusionStats);
    expect(Number((data.racCacheFusionStats as { cacheHits: number }).cacheHits)).toBe((await rest('/cache-fusion/stats')).cacheHits);
    const transfers = await rest('/cache-fusion/transfers?limit=3');
    expect((data.cacheFusionTransfers as { transferId: string }[]).map((row) => row.transferId)).toEqual(transfers.map((row: { transferId: string }) => row.transferId));
    expect(data.grdTopology).toEqual({ totalResources: (data.racGrdTopology as { totalResources: number }).totalResources });
    expect((data.racInterconnectLatency as { matrixUs: (number | null)[][] }).matrixUs[0]![0]).toBeNull();
    expect(data.racInterconnectLatency).toEqual({ instanceIds: ['node-1', 'node-2', 'node-3', 'node-4'], matrixUs: (await rest('/interconnect/latency')).matrixUs });
  });

  test('racCluster gathers instances, statistics, health and config', async () => {
    const data = dataOf(await graphql<{ racCluster: { clusterName: string; state: string; nodes: { instanceId: string }[]; statistics: { totalNodes: number }; health: { status: string }; config: { blocksPerTable: number } } }>(
      server,
      '{ racCluster { clusterName state nodes { instanceId } statistics { totalNodes } health { __typename } config { blocksPerTable } } }',
    ));
    expect(data.racCluster.nodes.map((node) => node.instanceId)).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    expect(data.racCluster.statistics.totalNodes).toBe(4);
    expect(data.racCluster.config.blocksPerTable).toBe(server.platform.engines.rac.cluster.racConfig().blocksPerTable);
  });

  test('remasterResource moves one block and racGrdRemaster sends it home; remasterGRDResources and racRebalance', async () => {
    const cluster = server.platform.engines.rac.cluster;
    const blockId = cluster.storage.blockIds().find((id) => cluster.grd.masterOf(id) !== 'node-3')!;
    const hashed = cluster.grd.hashMaster(blockId);
    expect(dataOf(await graphql<{ remasterResource: boolean }>(server, `mutation { remasterResource(resourceId: "${blockId}", targetNode: "node-3") }`)).remasterResource).toBe(true);
    await server.advance(50);
    expect(cluster.grd.peekMaster(blockId)?.masterId).toBe('node-3');
    const home = dataOf(await graphql<{ racGrdRemaster: { remasteredResources: number; moves: unknown[] } }>(server, `mutation { racGrdRemaster(resourceId: "${blockId}") { remasteredResources moves { resourceId fromInstance toInstance } } }`));
    expect(home.racGrdRemaster).toEqual({ remasteredResources: 1, moves: [{ resourceId: blockId, fromInstance: 'node-3', toInstance: hashed }] });
    await server.advance(50);
    expect(cluster.grd.peekMaster(blockId)?.masterId).toBe(hashed);

    expect(dataOf(await graphql<{ remasterGRDResources: boolean }>(server, 'mutation { remasterGRDResources(nodeId: "node-2") }')).remasterGRDResources).toBe(true);
    await server.advance(100);
    expect(cluster.grd.masterList().every((master) => master.masterId === 'node-2')).toBe(true);
    const rebalanced = dataOf(await graphql<{ racRebalance: { remasteredResources: number; imbalanceBefore: number } }>(server, 'mutation { racRebalance { remasteredResources imbalanceBefore imbalanceAfter } }'));
    expect(rebalanced.racRebalance.remasteredResources).toBe(cluster.grd.masterList().length - cluster.grd.masterList().filter((master) => cluster.grd.hashMaster(master.resourceId) === 'node-2').length);
    expect(rebalanced.racRebalance.imbalanceBefore).toBe(cluster.grd.masterList().length);

    expect(codesOf(await graphql(server, 'mutation { remasterResource(resourceId: "1:999", targetNode: "node-2") }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql(server, 'mutation { remasterResource(resourceId: "nope", targetNode: "node-2") }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql(server, 'mutation { racRebalance { remasteredResources } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
  });

  test('racFlushCache writes back and refuses both-false; stop and start', async () => {
    const cluster = server.platform.engines.rac.cluster;
    cluster.write('node-2', cluster.storage.blockIds()[0]!, { rowIndex: 0, values: { amount: 3 } });
    await server.advance(50);
    const dirty = cluster.gcs.cacheOf('node-2').dirtyCount();
    const flushed = dataOf(await graphql<{ racFlushCache: { blocksWritten: number; instanceIds: string[] } }>(server, 'mutation { racFlushCache(instanceId: "node-2") { blocksWritten instanceIds } }'));
    expect(flushed.racFlushCache).toEqual({ blocksWritten: dirty, instanceIds: ['node-2'] });
    expect(codesOf(await graphql(server, 'mutation { racFlushCache(flushDirty: false, invalidateClean: false) { blocksWritten } }'))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql(server, 'mutation { stopRacCluster }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);

    expect(dataOf(await graphql<{ stopRacCluster: boolean }>(server, 'mutation { stopRacCluster }')).stopRacCluster).toBe(true);
    expect(cluster.state()).toBe('STOPPED');
    expect(codesOf(await graphql(server, 'mutation { stopRacCluster }'))).toEqual(['CONFLICT']);
    const started = dataOf(await graphql<{ startRacCluster: { state: string; openInstances: number } }>(server, 'mutation { startRacCluster { state openInstances } }'));
    expect(started.startRacCluster).toEqual({ state: 'OPERATIONAL', openInstances: 4 });
  });
});
