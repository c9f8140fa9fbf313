/**
 * bufferPoolStats (seed 003): RAC's buffer caches, one per instance, measured. Its figures are
 * the ones the RAC REST operations report (instances, Cache Fusion statistics), read at the same
 * cluster instant (the clock moves only when the test advances it).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BufferPoolStats } from '../../../generated/graphql/resolvers-types.js';
import { expectContract } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

const FIELDS = `capacityBlocks usedBlocks hits misses hitRatio evictions
  caches { instanceId status capacityBlocks usedBlocks dirtyBlocks pastImages hits misses transfersIn hitRatio evictions }`;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
let server: TestServer;
let viewerKey: string;

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(3000);
});
afterAll(() => server.close());

async function bufferPool(): Promise<BufferPoolStats> {
  return dataOf(await graphql<{ bufferPoolStats: BufferPoolStats }>(server, `{ bufferPoolStats { ${FIELDS} } }`, {}, { apiKey: viewerKey })).bufferPoolStats;
}

describe('bufferPoolStats', () => {
  test("holds each instance's cache as GET /api/v1/rac/cluster/nodes and the Cache Fusion statistics count it", async () => {
    const pool = await bufferPool();
    const nodes = await server.http.get('/api/v1/rac/cluster/nodes').set(asAdmin);
    expectContract('listRacInstances', nodes);
    const stats = await server.http.get('/api/v1/rac/cache-fusion/stats').set(asAdmin);
    expectContract('getCacheFusionStatistics', stats);

    expect(pool.caches.map((cache) => cache.instanceId)).toEqual(nodes.body.data.map((node: { instanceId: string }) => node.instanceId));
    for (const [index, cache] of pool.caches.entries()) {
      const node = nodes.body.data[index];
      expect(cache).toMatchObject({ status: node.status, usedBlocks: node.cachedBlocks, dirtyBlocks: node.dirtyBlocks, pastImages: node.pastImages, capacityBlocks: 1024 });
      // The demo database (32 blocks) fits every cache: nothing ages out with the defaults.
      expect(cache.evictions).toBe(0);
      expect(cache.usedBlocks).toBeLessThanOrEqual(cache.capacityBlocks);
      const lookups = Number(cache.hits) + Number(cache.misses);
      expect(cache.hitRatio).toBe(lookups === 0 ? null : Number(cache.hits) / lookups);
    }
    expect(Number(pool.hits)).toBe(stats.body.data.cacheHits);
    expect(Number(pool.misses)).toBe(stats.body.data.cacheMisses);
    expect(pool.caches.reduce((sum, cache) => sum + Number(cache.transfersIn), 0)).toBe(stats.body.data.twoWayTransfers + stats.body.data.threeWayTransfers);
    expect(pool.capacityBlocks).toBe(1024 * pool.caches.length);
    expect(pool.usedBlocks).toBe(pool.caches.reduce((sum, cache) => sum + cache.usedBlocks, 0));
    expect(pool.hitRatio).toBeCloseTo(stats.body.data.hitRatePercent / 100, 2);
  });

  test('moves under the workload, and empties when the database stops', async () => {
    const before = await bufferPool();
    await server.advance(2000);
    const after = await bufferPool();
    expect(Number(after.hits) + Number(after.misses)).toBeGreaterThan(Number(before.hits) + Number(before.misses));
    expect(after.usedBlocks).toBeGreaterThan(0);

    const stop = await server.http.post('/api/v1/rac/cluster/stop').set(asAdmin).send({});
    expectContract('stopRacCluster', stop);
    const stopped = await bufferPool();
    expect(stopped.usedBlocks).toBe(0);
    expect(stopped.caches.every((cache) => cache.status === 'CLOSED' && cache.dirtyBlocks === 0)).toBe(true);
    expect((await server.http.post('/api/v1/rac/cluster/start').set(asAdmin).send({})).status).toBeLessThan(300);
  });

  test('needs a key', async () => {
    expect(codesOf(await graphql<unknown>(server, '{ bufferPoolStats { usedBlocks } }', {}, 'anonymous'))).toEqual(['UNAUTHENTICATED']);
  });
});
