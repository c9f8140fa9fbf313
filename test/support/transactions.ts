/** Distributed transactions through the API, for the contract tests of the transactions domain. */
import { expect } from 'vitest';
import { ADMIN_KEY, type TestServer } from './test-server.js';

export const asAdmin = { 'X-API-Key': ADMIN_KEY };
export const DTX = '/api/v1/cluster/transactions/distributed';
export const XA = '/api/v1/advanced-replication/xa';

/**
 * Under the default topology every node but the primary (node-1) is a hot standby; removing a
 * replica leaves its node standalone with its storage, a second writable participant.
 */
export async function detachReplica(server: TestServer, nodeId: string): Promise<void> {
  const response = await server.http.delete(`/api/v1/replication/replicas/${nodeId}`).set(asAdmin);
  expect(response.status).toBe(200);
}

/** One put per participant: `accounts/<key>` on each node, with a balance. */
export function transfer(keys: Record<string, string>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    participants: Object.entries(keys).map(([nodeId, key], index) => ({ nodeId, writes: [{ op: 'put', table: 'accounts', key, row: { owner: key, balance: 100 + index } }] })),
    ...extra,
  };
}

/** Begins a transaction that must be accepted; returns its id. */
export async function begin(server: TestServer, body: Record<string, unknown>): Promise<string> {
  const response = await server.http.post(`${DTX}/begin`).set(asAdmin).send(body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.data.transactionId as string;
}

/** The transaction's state now, through the API. */
export async function stateOf(server: TestServer, transactionId: string): Promise<string> {
  const response = await server.http.get(`${DTX}/${transactionId}/status`).set(asAdmin);
  expect(response.status).toBe(200);
  return response.body.data.state as string;
}

/** Advances the manual clock in small steps until the transaction is in one of `states`; returns it. */
export async function advanceUntil(server: TestServer, transactionId: string, states: readonly string[], withinMs = 10_000): Promise<Record<string, unknown>> {
  for (let waitedMs = 0; waitedMs <= withinMs; waitedMs += 10) {
    const response = await server.http.get(`${DTX}/${transactionId}/status`).set(asAdmin);
    if (states.includes(response.body.data.state)) return response.body.data;
    await server.advance(10);
  }
  throw new Error(`${transactionId} did not reach ${states.join(' or ')} within ${withinMs} ms of cluster time`);
}
