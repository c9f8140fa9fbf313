import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { operations } from '../../../generated/operations.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

let server: TestServer;
let viewerKey: string;

beforeAll(async () => {
  server = await startTestServer({ nodes: 1 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
});
afterAll(() => server.close());

const planned = operations.filter((operation) => operation.planned && !operation.websocket);
const plannedStreams = operations.filter((operation) => operation.planned && operation.websocket);

/** A concrete path for a template: every parameter becomes `x1`. */
function concretePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, 'x1');
}

describe('planned operations', () => {
  test('there are planned operations to check', () => {
    expect(planned.length).toBeGreaterThan(100);
  });

  test.each(planned.map((operation) => [operation.operationId, operation] as const))('%s answers 501 NOT_IMPLEMENTED', async (operationId, operation) => {
    const response = await server.http[operation.method as 'get'](concretePath(operation.path)).set('X-API-Key', ADMIN_KEY);
    expect(response.status).toBe(501);
    expectContract(operationId, response);
    expect(response.body.error.code).toBe('NOT_IMPLEMENTED');
  });

  test('a planned mutation still enforces roles, and is audited as a failure', async () => {
    const mutation = planned.find((operation) => operation.method === 'post' && !(operation.roles as readonly string[]).includes('CLUSTER_VIEWER'))!;
    const refused = await server.http.post(concretePath(mutation.path)).set('X-API-Key', viewerKey);
    expect(refused.status).toBe(403);
    expectContract(mutation.operationId, refused);
    const unauthenticated = await server.http.post(concretePath(mutation.path));
    expect(unauthenticated.status).toBe(401);
    expectContract(mutation.operationId, unauthenticated);
    const audit = await server.http.get(`/api/v1/audit/entries?operationId=${mutation.operationId}`).set('X-API-Key', ADMIN_KEY);
    expect(audit.body.data.at(-1)).toMatchObject({ outcome: 'FAILURE', errorCode: 'FORBIDDEN' });
  });

  test.each(plannedStreams.map((operation) => [operation.operationId, operation] as const))('%s (a WebSocket stream) answers 426 to a plain request', async (operationId, operation) => {
    const response = await server.http.get(concretePath(operation.path)).set('X-API-Key', ADMIN_KEY);
    expect(response.status).toBe(426);
    expect(response.body.error.code).toBe('UPGRADE_REQUIRED');
  });
});
