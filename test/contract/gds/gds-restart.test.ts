import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer } from '../../support/test-server.js';

const asAdmin = { 'X-API-Key': ADMIN_KEY };
const dataDir = mkdtempSync(join(tmpdir(), 'rustydb-gds-'));
const storePath = join(dataDir, 'rustydb.sqlite');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('a restart keeps global services, where they run, their failovers and routing counts', async () => {
  const first = await startTestServer({ nodes: 3, storePath });
  let before: Record<string, unknown>;
  try {
    await first.advance(1000);
    first.platform.engines.geo.createDatacenter({ datacenterId: 'dc-1', name: 'frankfurt', region: 'eu-central', location: { latitude: 50.11, longitude: 8.68, city: 'Frankfurt' }, nodeIds: ['node-2', 'node-3'] });
    const created = await first.http
      .post('/api/v1/advanced-replication/gds/services')
      .set(asAdmin)
      .send({ name: 'reads', databaseRole: 'STANDBY', loadBalancing: 'ROUND_ROBIN', regions: [{ regionId: 'dc-1', preferred: ['node-2'], available: ['node-3'] }] });
    expect(created.status).toBe(201);
    await first.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-2'] });
    await first.advance(6000);
    const routed = await first.http.post('/api/v1/advanced-replication/gds/route').set(asAdmin).send({ service: 'reads', regionId: 'dc-1' });
    expect(routed.body.data.instanceId).toBe('node-3');
    before = (await first.http.get('/api/v1/advanced-replication/gds/services/reads').set(asAdmin)).body.data;
    expect(before).toMatchObject({ failovers: [{ kind: 'INSTANCE', toInstanceId: 'node-3', status: 'COMPLETED' }], routing: { routed: 1 } });
  } finally {
    await first.close();
  }

  const second = await startTestServer({ nodes: 3, storePath });
  try {
    const after = await second.http.get('/api/v1/advanced-replication/gds/services/reads').set(asAdmin);
    expectContract('getGlobalService', after);
    const { regions: _regions, state: _state, stateReason: _reason, ...kept } = after.body.data;
    const { regions: _r, state: _s, stateReason: _sr, ...keptBefore } = before;
    expect(kept).toEqual(keptBefore);
    expect(after.body.data.regions[0].databases.map((d: { id: string; running: boolean }) => [d.id, d.running])).toEqual([['node-2', false], ['node-3', true]]);
  } finally {
    await second.close();
  }
});
