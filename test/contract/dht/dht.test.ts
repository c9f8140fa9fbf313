import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 5 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const TOKEN_SPACE = 2 ** 32;

interface RingEntry {
  token: number;
  nodeId: string;
  vnodeIndex: number;
  rangeSize: number;
}

/** Routes `keys` and answers each key's owner, in order. */
async function ownersOf(keys: string[]): Promise<string[]> {
  const response = await fixture.server.http.post('/api/v1/cluster/dht/route').set(asAdmin).send({ keys, replicas: 1 });
  expect(response.status).toBe(200);
  return response.body.data.routes.map((route: { nodeId: string }) => route.nodeId);
}

describe('listDhtNodes', () => {
  test('every cluster node is on the ring with weight 1, sharing the whole token space', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/dht/nodes').set('X-API-Key', fixture.viewerKey);
    expect(response.status).toBe(200);
    expectContract('listDhtNodes', response);
    expect(response.body.data.map((node: { nodeId: string }) => node.nodeId)).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5']);
    for (const node of response.body.data) expect(node).toMatchObject({ weight: 1, vnodeCount: 128 });
    const owned = response.body.data.reduce((sum: number, node: { ownedTokenCount: number }) => sum + node.ownedTokenCount, 0);
    expect(owned).toBe(TOKEN_SPACE);
  });

  test('sorts, pages and selects fields', async () => {
    const all = await fixture.server.http.get('/api/v1/cluster/dht/nodes').set(asAdmin);
    const byOwnership = [...all.body.data].sort((a, b) => b.ownershipPercent - a.ownershipPercent).map((node) => node.nodeId);
    const response = await fixture.server.http.get('/api/v1/cluster/dht/nodes?sort_by=ownershipPercent&order=desc&limit=2&offset=1&fields=ownershipPercent').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('listDhtNodes', response, { sparse: true });
    expect(response.body.data.map((node: { nodeId: string }) => node.nodeId)).toEqual(byOwnership.slice(1, 3));
    expect(Object.keys(response.body.data[0]).sort()).toEqual(['nodeId', 'ownershipPercent']);
    expect(response.body.pagination).toEqual({ total: 5, limit: 2, offset: 1, hasMore: true });
  });

  test('rejects a bad sort field and limit (400) and an unknown field (422)', async () => {
    const bad = await fixture.server.http.get('/api/v1/cluster/dht/nodes?sort_by=color&limit=0').set(asAdmin);
    expect(bad.status).toBe(400);
    expectContract('listDhtNodes', bad);
    expect(bad.body.error.details.errors.map((error: { location: string }) => error.location).sort()).toEqual(['query/limit', 'query/sort_by']);
    const unknown = await fixture.server.http.get('/api/v1/cluster/dht/nodes?fields=color').set(asAdmin);
    expect(unknown.status).toBe(422);
    expectContract('listDhtNodes', unknown);
  });

  test('needs a key', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/dht/nodes');
    expect(response.status).toBe(401);
    expectContract('listDhtNodes', response);
  });
});

describe('getDhtRing', () => {
  test('lists every vnode in token order; their ranges cover the token space', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/dht/ring?limit=1000').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('getDhtRing', response);
    const entries: RingEntry[] = response.body.data;
    expect(response.body.pagination.total).toBe(640);
    expect(entries.map((entry) => entry.token)).toEqual([...entries.map((entry) => entry.token)].sort((a, b) => a - b));
    expect(entries.reduce((sum, entry) => sum + entry.rangeSize, 0)).toBe(TOKEN_SPACE);
    // Each vnode owns the tokens after the previous one; the first also owns the wrap-around.
    expect(entries[1]!.rangeSize).toBe(entries[1]!.token - entries[0]!.token);
    expect(entries[0]!.rangeSize).toBe(entries[0]!.token + TOKEN_SPACE - entries.at(-1)!.token);
  });

  test('filters by node and by starting token', async () => {
    const ofNode = await fixture.server.http.get('/api/v1/cluster/dht/ring?nodeId=node-2&limit=1000').set(asAdmin);
    expectContract('getDhtRing', ofNode);
    expect(ofNode.body.pagination.total).toBe(128);
    expect(new Set(ofNode.body.data.map((entry: RingEntry) => entry.nodeId))).toEqual(new Set(['node-2']));
    expect(new Set(ofNode.body.data.map((entry: RingEntry) => entry.vnodeIndex)).size).toBe(128);

    const fromHalf = await fixture.server.http.get('/api/v1/cluster/dht/ring?fromToken=2147483648&limit=3').set(asAdmin);
    expectContract('getDhtRing', fromHalf);
    expect(fromHalf.body.data).toHaveLength(3);
    for (const entry of fromHalf.body.data) expect(entry.token).toBeGreaterThanOrEqual(2 ** 31);
    expect(fromHalf.body.pagination.total).toBeLessThan(640);
  });

  test('rejects a token beyond 32 bits and a malformed node id, listing both', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/dht/ring?fromToken=4294967296&nodeId=NODE_1').set(asAdmin);
    expect(response.status).toBe(400);
    expectContract('getDhtRing', response);
    expect(response.body.error.details.errors.map((error: { location: string }) => error.location).sort()).toEqual(['query/fromToken', 'query/nodeId']);
  });
});

describe('routeDhtKey and getDhtStatistics', () => {
  test('routes keys to their owner and preference list, and counts them in the statistics', async () => {
    const before = await fixture.server.http.get('/api/v1/cluster/dht/statistics').set(asAdmin);
    expect(before.status).toBe(200);
    expectContract('getDhtStatistics', before);

    const one = await fixture.server.http.post('/api/v1/cluster/dht/route').set(asAdmin).send({ key: 'user:42' });
    expect(one.status).toBe(200);
    expectContract('routeDhtKey', one);
    const [route] = one.body.data.routes;
    expect(route).toMatchObject({ key: 'user:42', preferenceList: expect.any(Array) });
    expect(route.preferenceList).toHaveLength(3);
    expect(route.preferenceList[0]).toBe(route.nodeId);
    expect(new Set(route.preferenceList).size).toBe(3);
    expect(route.vnodeToken).toBeGreaterThanOrEqual(route.token);
    // The owning vnode is on the ring where the route says.
    const ring = await fixture.server.http.get(`/api/v1/cluster/dht/ring?fromToken=${route.vnodeToken}&limit=1`).set(asAdmin);
    expect(ring.body.data[0]).toMatchObject({ token: route.vnodeToken, nodeId: route.nodeId, vnodeIndex: route.vnodeIndex });

    const many = await fixture.server.http.post('/api/v1/cluster/dht/route').set(asAdmin).send({ keys: ['a', 'b', 'c'], replicas: 2 });
    expectContract('routeDhtKey', many);
    expect(many.body.data.routes.map((each: { key: string; preferenceList: string[] }) => [each.key, each.preferenceList.length])).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 2],
    ]);

    const after = await fixture.server.http.get('/api/v1/cluster/dht/statistics').set(asAdmin);
    expectContract('getDhtStatistics', after);
    expect(after.body.data.routedKeys - before.body.data.routedKeys).toBe(4);
    expect(after.body.data).toMatchObject({ hashFunction: 'MURMUR3', vnodesPerNode: 128, nodeCount: 5, vnodeCount: 640, hashSpaceSize: TOKEN_SPACE });
    const owner = after.body.data.nodes.find((node: { nodeId: string }) => node.nodeId === route.nodeId);
    expect(owner.routedKeys).toBeGreaterThanOrEqual(1);
    const percents = after.body.data.nodes.reduce((sum: number, node: { routedKeyPercent: number }) => sum + node.routedKeyPercent, 0);
    expect(percents).toBeCloseTo(100, 6);
    expect(after.body.data.ownershipSpread.meanLoadFactor).toBeCloseTo(1, 9);
  });

  test('is a lookup: a viewer may route keys, and nothing is audited', async () => {
    const response = await fixture.server.http.post('/api/v1/cluster/dht/route').set('X-API-Key', fixture.viewerKey).send({ key: 'viewer:1' });
    expect(response.status).toBe(200);
    expectContract('routeDhtKey', response);
    const audit = await fixture.server.http.get('/api/v1/audit/entries?operationId=routeDhtKey').set(asAdmin);
    expect(audit.body.pagination.total).toBe(0);
  });

  test('wants exactly one of key and keys (422), and a body the contract accepts (400)', async () => {
    const both = await fixture.server.http.post('/api/v1/cluster/dht/route').set(asAdmin).send({ key: 'a', keys: ['b'] });
    expect(both.status).toBe(422);
    expectContract('routeDhtKey', both);
    const neither = await fixture.server.http.post('/api/v1/cluster/dht/route').set(asAdmin).send({ replicas: 2 });
    expect(neither.status).toBe(422);
    expectContract('routeDhtKey', neither);
    const malformed = await fixture.server.http.post('/api/v1/cluster/dht/route').set(asAdmin).send({ keys: [], replicas: 0, color: 'red' });
    expect(malformed.status).toBe(400);
    expectContract('routeDhtKey', malformed);
    expect(malformed.body.error.details.errors.map((error: { location: string }) => error.location).sort()).toEqual(['body/color', 'body/keys', 'body/replicas']);
  });

  test('statistics need a key', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/dht/statistics');
    expect(response.status).toBe(401);
    expectContract('getDhtStatistics', response);
  });
});

describe('the ring follows the cluster', () => {
  const keys = Array.from({ length: 500 }, (_, index) => `account:${index}`);
  /** Owners before node-6 joined. */
  let original: string[] = [];

  test('a node added to the cluster joins the ring and takes over keys from the others only', async () => {
    const before = await ownersOf(keys);
    original = before;
    const added = await fixture.server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: '10.0.0.6:7000' });
    expect(added.status).toBe(201);

    const nodes = await fixture.server.http.get('/api/v1/cluster/dht/nodes').set(asAdmin);
    expect(nodes.body.data.map((node: { nodeId: string }) => node.nodeId)).toContain('node-6');
    expect(nodes.body.data.find((node: { nodeId: string }) => node.nodeId === 'node-6')).toMatchObject({ weight: 1, vnodeCount: 128 });
    const ring = await fixture.server.http.get('/api/v1/cluster/dht/ring?limit=1').set(asAdmin);
    expect(ring.body.pagination.total).toBe(768);

    const after = await ownersOf(keys);
    const moved = keys.filter((_, index) => before[index] !== after[index]);
    expect(moved.length).toBeGreaterThan(0);
    // Consistent hashing: a key changes hands only to the newcomer.
    expect(new Set(moved.map((key) => after[keys.indexOf(key)]))).toEqual(new Set(['node-6']));
  });

  test('removing it gives back exactly its keys, to their former owners', async () => {
    const withSix = await ownersOf(keys);
    const removed = await fixture.server.http.delete('/api/v1/cluster/nodes/node-6').set(asAdmin);
    expect(removed.status).toBe(200);
    const after = await ownersOf(keys);
    // Keys node-6 did not own stay put; its own go back where they were before it joined.
    keys.forEach((_, index) => {
      if (withSix[index] !== 'node-6') expect(after[index]).toBe(withSix[index]);
    });
    expect(after).toEqual(original);
    const ring = await fixture.server.http.get('/api/v1/cluster/dht/ring?limit=1').set(asAdmin);
    expect(ring.body.pagination.total).toBe(640);
  });
});
