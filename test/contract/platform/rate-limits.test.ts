import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

let server: TestServer;

beforeAll(async () => {
  // 2 requests per second per key, bursts of 4; one operation gets half of that.
  server = await startTestServer({ nodes: 1, rateLimitPerKeyPerSecond: 2 });
});
afterAll(() => server.close());

test('a key over its limit gets 429 with Retry-After, in the error envelope', async () => {
  const statuses: number[] = [];
  let limited: Awaited<ReturnType<typeof server.http.get>> | undefined;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const response = await server.http.get('/api/v1/cluster/topology').set('X-API-Key', ADMIN_KEY);
    statuses.push(response.status);
    if (response.status === 429) limited ??= response;
  }
  // The operation bucket holds 2 tokens; a burst of 4 on one operation spends them.
  expect(statuses.slice(0, 2)).toEqual([200, 200]);
  expect(statuses.slice(2)).toEqual([429, 429]);
  expectContract('getClusterTopology', limited!);
  expect(limited!.body.error.code).toBe('RATE_LIMITED');
  expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  // Another operation of the same key still has room.
  const other = await server.http.get('/api/v1/cluster/config').set('X-API-Key', ADMIN_KEY);
  expect(other.status).toBe(200);
});
