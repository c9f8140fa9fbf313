/** Faults through the API, for the contract tests of operations the cluster's condition refuses. */
import { expect } from 'vitest';
import type { FaultSpec } from '../../src/engines/runtime/faults.js';
import { ADMIN_KEY, type TestServer } from './test-server.js';

const asAdmin = { 'X-API-Key': ADMIN_KEY };

/** The node that leads now (exactly one must). */
export async function leaderId(server: TestServer): Promise<string> {
  const response = await server.http.get('/api/v1/cluster/nodes?role=LEADER').set(asAdmin);
  expect(response.body.data).toHaveLength(1);
  return response.body.data[0].nodeId as string;
}

/** Injects a fault with `POST /api/v1/simulation/faults`; returns its id. */
export async function injectFault(server: TestServer, spec: FaultSpec): Promise<string> {
  const response = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send(spec);
  expect(response.status).toBe(201);
  return response.body.data.id as string;
}

export async function healFault(server: TestServer, faultId: string): Promise<void> {
  expect((await server.http.delete(`/api/v1/simulation/faults/${faultId}`).set(asAdmin)).status).toBe(200);
}

/**
 * Crashes all voters but the leader and one follower of a five-voter cluster, then advances the
 * clock until the failure detector reports no quorum. Returns the fault and the crashed nodes.
 */
export async function loseQuorum(server: TestServer): Promise<{ faultId: string; crashed: string[]; survivors: string[] }> {
  const leader = await leaderId(server);
  const members = await server.http.get('/api/v1/cluster/raft/members').set(asAdmin);
  const voters: string[] = members.body.data.members.filter((member: { suffrage: string }) => member.suffrage === 'VOTER').map((member: { nodeId: string }) => member.nodeId);
  expect(voters).toHaveLength(5);
  const followers = voters.filter((nodeId) => nodeId !== leader);
  const crashed = followers.slice(1);
  const faultId = await injectFault(server, { type: 'crash', nodes: crashed });
  for (let waitedMs = 0; waitedMs < 10_000; waitedMs += 500) {
    const status = await server.http.get('/api/v1/cluster/status').set(asAdmin);
    if (status.body.data.hasQuorum === false) return { faultId, crashed, survivors: [leader, followers[0]!] };
    await server.advance(500);
  }
  throw new Error('quorum was not lost within 10 s of cluster time');
}
