/**
 * A restart keeps the groups, each row's version with its vector clock (in node storage and its
 * WAL), and the recorded conflicts; shipping resumes where the sites left off.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer } from '../../support/test-server.js';

const asAdmin = { 'X-API-Key': ADMIN_KEY };
const M = '/api/v1/advanced-replication/multi-master';
const dataDir = mkdtempSync(join(tmpdir(), 'rustydb-multi-master-'));
const storePath = join(dataDir, 'rustydb.sqlite');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('groups, versions with their clocks and conflicts survive a restart; a site down at the stop catches up after it', async () => {
  const first = await startTestServer({ nodes: 3, storePath });
  let clockBefore: unknown;
  try {
    for (const nodeId of ['node-2', 'node-3']) expect((await first.http.delete(`/api/v1/replication/replicas/${nodeId}`).set(asAdmin)).status).toBe(200);
    const created = await first.http.post(`${M}/groups`).set(asAdmin).send({ groupId: 'g', name: 'G', tables: ['t'], sites: [{ nodeId: 'node-1' }, { nodeId: 'node-2' }, { nodeId: 'node-3' }], writeQuorum: 1, readQuorum: 1 });
    expect(created.status).toBe(201);
    const partition = await first.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'partition', groups: [['node-1', 'node-2'], ['node-3']] });
    for (const [siteId, v] of [['node-1', 1], ['node-3', 3]] as const) {
      expect((await first.http.post(`${M}/replicate`).set(asAdmin).send({ groupId: 'g', mode: 'WRITE', siteId, writes: [{ op: 'put', table: 't', key: 'k', row: { v } }] })).status).toBe(200);
    }
    await first.http.delete(`/api/v1/simulation/faults/${partition.body.data.id}`).set(asAdmin);
    await first.http.post('/api/v1/simulation/advance').set(asAdmin).send({ ms: 1000 });
    clockBefore = first.platform.engines.multiMaster.versionAt('g', 'node-2', 't', 'k')!.clock;
    // node-3 crashes, node-1 writes on: node-3 has not got it when the server stops.
    await first.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-3'] });
    expect((await first.http.post(`${M}/replicate`).set(asAdmin).send({ groupId: 'g', mode: 'WRITE', siteId: 'node-1', writes: [{ op: 'put', table: 't', key: 'k2', row: { v: 2 } }] })).status).toBe(200);
  } finally {
    await first.close();
  }

  const second = await startTestServer({ nodes: 3, storePath });
  try {
    const group = await second.http.get(`${M}/groups/g`).set(asAdmin);
    expectContract('getMultiMasterGroup', group);
    expect(group.body.data.sites.map((site: { siteId: string; writeRole: string }) => [site.siteId, site.writeRole])).toEqual([['node-1', 'PRIMARY'], ['node-2', 'STANDALONE'], ['node-3', 'STANDALONE']]);
    expect(second.platform.engines.multiMaster.versionAt('g', 'node-2', 't', 'k')!.clock).toEqual(clockBefore);
    const conflicts = await second.http.get('/api/v1/geo-replication/conflicts?groupId=g').set(asAdmin);
    expect(conflicts.body.data).toHaveLength(1);
    expect(second.platform.engines.replication.cluster.storageOf('node-3').getRow('t', 'k2')).toBeUndefined();
    for (const fault of (await second.http.get('/api/v1/simulation/faults').set(asAdmin)).body.data) await second.http.delete(`/api/v1/simulation/faults/${fault.id}`).set(asAdmin);
    await second.http.post('/api/v1/simulation/advance').set(asAdmin).send({ ms: 2000 });
    expect(second.platform.engines.replication.cluster.storageOf('node-3').getRow('t', 'k2')?.row).toEqual({ v: 2 });
    const convergence = await second.http.get(`${M}/convergence?groupId=g`).set(asAdmin);
    expect(convergence.body.data[0]).toMatchObject({ converged: true });
  } finally {
    await second.close();
  }
});
