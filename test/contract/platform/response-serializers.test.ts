import { pino } from 'pino';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiServer, type ApiServer } from '../../../src/api/server.js';
import { ResponseContractError, ResponseSerializers } from '../../../src/api/rest/response-serializers.js';
import type { RestHandlerFactory } from '../../../src/api/surfaces.js';
import { startPlatform, type Platform } from '../../../src/platform.js';
import { contract, expectContract, expectSchema } from '../../support/contract.js';
import { ADMIN_KEY } from '../../support/test-server.js';

const document = contract as unknown as ConstructorParameters<typeof ResponseSerializers>[0];

const node = {
  nodeId: 'node-1',
  name: 'node-1',
  address: '10.0.0.1:7000',
  role: 'LEADER',
  status: 'HEALTHY',
  capacity: { cpuCores: 8, totalMemoryGb: 32, availableMemoryGb: 30, storageCapacityGb: 1024, networkBandwidthMbps: 10000 },
  services: ['storage', 'query'],
  priority: 100,
  region: 'local',
  zone: 'local-a',
  uptimeSeconds: 3600,
  lastHeartbeat: '2026-11-21T10:29:59.500Z',
  missedHeartbeats: 0,
  joinedAt: '2026-11-21T09:30:00.000Z',
};
const page = (items: unknown[]) => ({ success: true, data: items, pagination: { total: items.length, limit: 50, offset: 0, hasMore: false }, timestamp: '2026-11-21T10:30:00.000Z' });

describe('serializers compiled from the contract', () => {
  const serializers = new ResponseSerializers(document);

  test('write the same JSON as JSON.stringify for a body that is exactly the contract', () => {
    const body = page([node, { ...node, nodeId: 'node-2', name: 'node-2', lastHeartbeat: null }]);
    expect(JSON.parse(serializers.forAnswer('listClusterNodes', 200, {})(body))).toEqual(body);
  });

  test('write only what the contract lists: fields it does not name stay off the wire', () => {
    const text = serializers.forAnswer('listClusterNodes', 200, {})(page([{ ...node, adminSecret: 's3cret' }]));
    expect(text).not.toContain('adminSecret');
    expect(JSON.parse(text).data[0]).toEqual(node);
  });

  test('a date-time given as a Date is written as its ISO string', () => {
    const text = serializers.forAnswer('listClusterNodes', 200, {})(page([{ ...node, lastHeartbeat: new Date('2026-11-21T10:29:59.500Z') }]));
    expect(JSON.parse(text).data[0].lastHeartbeat).toBe('2026-11-21T10:29:59.500Z');
  });

  test('a body lacking a required field throws instead of writing a partial answer', () => {
    const { address: _address, ...withoutAddress } = node;
    expect(() => serializers.forAnswer('listClusterNodes', 200, {})(page([withoutAddress]))).toThrow(ResponseContractError);
    expect(() => serializers.forAnswer('listClusterNodes', 200, {})(page([withoutAddress]))).toThrow(/"address" is required/);
  });

  test('a sparse fieldset (fields on an x-rustydb-sparse-fields operation) may leave the required fields out', () => {
    const sparse = { nodeId: 'node-1', status: 'HEALTHY' };
    expect(JSON.parse(serializers.forAnswer('listClusterNodes', 200, { fields: 'nodeId,status' })(page([sparse]))).data).toEqual([sparse]);
    // Without `fields` the same items are a broken answer.
    expect(() => serializers.forAnswer('listClusterNodes', 200, {})(page([sparse]))).toThrow(ResponseContractError);
  });

  test('a status the contract does not list for the operation throws', () => {
    expect(() => serializers.forAnswer('listClusterNodes', 201, {})(page([node]))).toThrow(/lists no JSON answer/);
  });

  test('the error envelope keeps its details and drops what ErrorResponse does not name', () => {
    const body = { success: false, error: { code: 'NOT_FOUND', message: 'No node-9.', details: { id: 'node-9' }, stack: 'at …' }, requestId: 'req-1', timestamp: '2026-11-21T10:30:00.000Z' };
    const written = JSON.parse(serializers.error(body));
    expect(written).toEqual({ ...body, error: { code: 'NOT_FOUND', message: 'No node-9.', details: { id: 'node-9' } } });
  });

  test('a null in a non-nullable string is coerced by the compiled serializer, and refused when bodies are checked (as the test servers do)', () => {
    const broken = page([{ ...node, region: null }]);
    // fast-json-stringify documents this coercion; it is why test servers check every body.
    expect(JSON.parse(serializers.forAnswer('listClusterNodes', 200, {})(broken)).data[0].region).toBe('');
    const checked = new ResponseSerializers(document, { checkBodies: true });
    expect(() => checked.forAnswer('listClusterNodes', 200, {})(broken)).toThrow(/region/);
    expect(JSON.parse(checked.forAnswer('listClusterNodes', 200, {})(page([node])))).toEqual(page([node]));
  });
});

describe('an answer that breaks the contract, over HTTP', () => {
  let platform: Platform;
  let api: ApiServer;
  let http: ReturnType<typeof supertest>;
  const asAdmin = { 'X-API-Key': ADMIN_KEY };

  beforeAll(async () => {
    platform = await startPlatform({ storePath: ':memory:', initialNodes: 3, seed: 42, clockMode: 'manual', adminKey: ADMIN_KEY, rateLimitPerKeyPerSecond: 0 });
    // getClusterStatus loses a required field and gains a header; the production serializers (no body checks) must refuse it.
    const lossy: RestHandlerFactory = () => ({
      getClusterStatus: () => ({ status: 200, body: { success: true, timestamp: new Date().toISOString() } as never, headers: { 'X-Lost': 'yes' } }),
    });
    const factories = platform.surfaces.restHandlers.map(
      (factory): RestHandlerFactory =>
        (services) => {
          const table = { ...factory(services) };
          delete table.getClusterStatus;
          return table;
        },
    );
    api = await createApiServer({ services: platform.services, surfaces: { ...platform.surfaces, restHandlers: [...factories, lossy] } }, pino({ level: 'silent' }));
    http = supertest(api.app);
  });
  afterAll(async () => {
    await api?.close();
    await platform?.close();
  });

  test('answers 500 INTERNAL in the error envelope, without the headers of the broken answer', async () => {
    const response = await http.get('/api/v1/cluster/status').set(asAdmin);
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe('INTERNAL');
    expect(response.headers['x-lost']).toBeUndefined();
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.text));
  });

  test('other operations still answer, JSON through their serializers and Prometheus as text', async () => {
    const nodes = await http.get('/api/v1/cluster/nodes?limit=2').set(asAdmin);
    expectContract('listClusterNodes', nodes);
    expect(nodes.body.data).toHaveLength(2);
    const prometheus = await http.get('/api/v1/metrics/prometheus').set(asAdmin);
    expect(prometheus.status).toBe(200);
    expect(prometheus.headers['content-type']).toMatch(/^text\/plain/);
    expect(prometheus.text).toContain('rustydb_');
    const missing = await http.get('/api/v1/no-such-thing').set(asAdmin);
    expect(missing.status).toBe(404);
    expectSchema('ErrorResponse', missing.body);
    expect(missing.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
