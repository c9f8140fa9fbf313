import { ADMIN_KEY, type TestServer } from './test-server.js';

/** The newest audit entry of an operation (order desc, limit 1). */
export async function lastAuditEntry(server: TestServer, operationId: string): Promise<{ outcome: string; errorCode?: string; target: string }> {
  const response = await server.http.get(`/api/v1/audit/entries?operationId=${operationId}&order=desc&limit=1`).set('X-API-Key', ADMIN_KEY);
  return response.body.data[0];
}
