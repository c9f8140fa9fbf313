import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';
import { dataOf, graphql } from '../../support/graphql.js';

const fixture = useTestServer({ nodes: 5 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const BASE = '/api/v1/advanced-replication/gds';

const INSTANCE_FIELDS = 'id host port role preference weight running standsFor poolSize activeConnections connectionsNote health nodeStatus lagMs lastHealthCheck';
const REGION_FIELDS = `regionId name geoRegion location { latitude longitude city } role health latencies databases { ${INSTANCE_FIELDS} }`;
const SERVICE_FIELDS = `name databaseRole locality regionFailover lagToleranceMs loadBalancing failoverPolicy { autoFailover timeoutMs maxRetries priorityOrder failback }
  adminState state stateReason regions { ${REGION_FIELDS} } failovers { failoverId kind status fromInstanceId fromRegionId toInstanceId toRegionId reason attempts startedAt endedAt steps { step at detail } }
  routing { routed unrouted byInstance byClientRegion } createdAt updatedAt`;
const DECISION_FIELDS = 'serviceName clientRegionId instanceId regionId latencyMs leftClientRegion strategy reason candidates { instanceId regionId latencyMs lagMs activeConnections healthy excludedBy reason }';

const SALES = {
  name: 'sales',
  locality: 'LOCAL_ONLY',
  regionFailover: true,
  loadBalancing: 'LEAST_LATENCY',
  failoverPolicy: { autoFailover: true, timeoutMs: 1000, maxRetries: 3, priorityOrder: ['dc-2'], failback: true },
  regions: [
    { regionId: 'dc-1', role: 'PRIMARY', preferred: ['node-6'], available: ['node-7'] },
    { regionId: 'dc-2', role: 'PRIMARY', preferred: ['node-8'] },
  ],
};

/** Writable nodes in two datacenters: three standalone nodes added to the cluster, placed by geo. */
async function twoRegions() {
  const { server } = fixture;
  for (const n of [6, 7, 8]) expect((await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: `node-${n}`, address: `10.0.0.${n}:7000` })).status).toBe(201);
  const geo = server.platform.engines.geo;
  geo.createDatacenter({ datacenterId: 'dc-1', name: 'new-york', region: 'us-east', location: { latitude: 40.71, longitude: -74.01, city: 'New York' }, nodeIds: ['node-6', 'node-7'] });
  geo.createDatacenter({ datacenterId: 'dc-2', name: 'london', region: 'eu-west', location: { latitude: 51.51, longitude: -0.13, city: 'London' }, nodeIds: ['node-8'] });
  await server.advance(3000);
}

describe('global data services', () => {
  test('register (dry run, then for real), the aliases, validations, and the GraphQL twins', async () => {
    const { server } = fixture;
    await twoRegions();

    const preview = await server.http.post(`${BASE}/services?dryRun=true`).set(asAdmin).send(SALES);
    expectContract('registerGlobalService', preview);
    expect(preview.status).toBe(200);
    expect(preview.body.data.changes.find((change: { clientRegionId: string }) => change.clientRegionId === 'dc-2').after.instanceId).toBe('node-8');
    expect((await server.http.get(`${BASE}/services`).set(asAdmin)).body.data).toEqual([]);

    const created = await server.http.post(`${BASE}/services`).set(asAdmin).send(SALES);
    expectContract('registerGlobalService', created);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: 'sales', state: 'ACTIVE', locality: 'LOCAL_ONLY' });
    expect(created.body.data.regions[0].databases[0]).toMatchObject({ id: 'node-6', host: '10.0.0.6', port: 7000, role: 'PRIMARY', running: true, poolSize: 0, health: 'UP' });

    const ora45520 = await server.http.post(`${BASE}/services`).set(asAdmin).send({ name: 'bad1', locality: 'ANYWHERE', regionFailover: true });
    expectContract('registerGlobalService', ora45520);
    expect([ora45520.status, ora45520.body.error.details.rule]).toEqual([422, 'ORA-45520']);
    const ora45512 = await server.http.post('/api/v1/gds/services').set(asAdmin).send({ name: 'bad2', locality: 'LOCAL_ONLY', regions: [{ regionId: 'dc-1', available: ['node-7'] }] });
    expectContract('registerGlobalServiceAlias', ora45512);
    expect([ora45512.status, ora45512.body.error.details.rule]).toEqual([422, 'ORA-45512']);
    const both = await server.http.post('/api/v1/replication/gds/services').set(asAdmin).send({ name: 'bad3', regions: [{ regionId: 'dc-1', preferred: ['node-6'], available: ['node-6'] }] });
    expectContract('registerGlobalServiceReplicationAlias', both);
    expect([both.status, both.body.error.details.rule]).toEqual([422, 'PREFERRED_AND_AVAILABLE']);
    const duplicate = await server.http.post(`${BASE}/services`).set(asAdmin).send(SALES);
    expect(duplicate.status).toBe(409);

    const list = await server.http.get(`${BASE}/services`).set(asAdmin);
    expectContract('listGlobalServices', list);
    expect(list.body.data.map((service: { name: string }) => service.name)).toEqual(['sales']);
    const aliasList = await server.http.get('/api/v1/gds/services').set(asAdmin);
    expectContract('listGlobalServicesAlias', aliasList);
    const replicationList = await server.http.get('/api/v1/replication/gds/services').set(asAdmin);
    expectContract('listGlobalServicesReplicationAlias', replicationList);
    expect(replicationList.body.data).toEqual(list.body.data);
    const one = await server.http.get(`${BASE}/services/sales`).set(asAdmin);
    expectContract('getGlobalService', one);
    const aliasOne = await server.http.get('/api/v1/gds/services/sales').set(asAdmin);
    expectContract('getGlobalServiceAlias', aliasOne);
    expect(aliasOne.body.data).toEqual(one.body.data);
    expectContract('getGlobalService', await server.http.get(`${BASE}/services/nothing`).set(asAdmin));

    const viaGraphql = await graphql<{ globalServices: unknown[]; gdsServices: unknown[]; globalService: unknown }>(
      server,
      `{ globalServices { ${SERVICE_FIELDS} } gdsServices { name } globalService(name: "sales") { ${SERVICE_FIELDS} } }`,
    );
    expect(dataOf(viaGraphql).globalServices).toEqual(one.body.data ? [one.body.data] : []);
    expect(dataOf(viaGraphql).gdsServices).toEqual([{ name: 'sales' }]);
    expect(dataOf(viaGraphql).globalService).toEqual(one.body.data);
    const bad = await graphql(server, 'mutation { registerGlobalService(input: { name: "bad4", locality: ANYWHERE, regionFailover: true }) { name } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNPROCESSABLE');
  });

  test('route from each region with every candidate and its reason; latencies measured over the WAN', async () => {
    const { server } = fixture;
    const fromLondon = await server.http.post(`${BASE}/route`).set(asAdmin).send({ service: 'sales', regionId: 'dc-2' });
    expectContract('routeGlobalService', fromLondon);
    expect(fromLondon.body.data).toMatchObject({ instanceId: 'node-8', regionId: 'dc-2', leftClientRegion: false });
    const fromNewYork = await server.http.get('/api/v1/gds/routing?service=sales&latitude=40.7&longitude=-74').set(asAdmin);
    expectContract('getGdsRouting', fromNewYork);
    expect(fromNewYork.body.data.clientRegionId).toBe('dc-1');
    expect(fromNewYork.body.data.instanceId).toBe('node-6');
    const reasons = Object.fromEntries(fromNewYork.body.data.candidates.map((c: { instanceId: string; excludedBy: string | null }) => [c.instanceId, c.excludedBy]));
    expect(reasons).toEqual({ 'node-6': null, 'node-7': 'NOT_PREFERRED', 'node-8': 'LOCALITY' });
    // New York to London, 5,570 km: 30 ms one way over geo's link, so about 60 ms round trip, measured.
    const london = fromNewYork.body.data.candidates.find((c: { instanceId: string }) => c.instanceId === 'node-8');
    expect(london.latencyMs).toBeGreaterThanOrEqual(60);
    expect(london.latencyMs).toBeLessThan(75);

    const latencies = await server.http.get(`${BASE}/latencies`).set(asAdmin);
    expectContract('getGdsLatencies', latencies);
    expect(latencies.body.data.regions).toEqual(['dc-1', 'dc-2']);
    const cell = latencies.body.data.cells.find((c: { fromRegionId: string; toRegionId: string }) => c.fromRegionId === 'dc-1' && c.toRegionId === 'dc-2');
    expect(cell).toMatchObject({ reachable: true });
    expect(cell.probesAnswered).toBeGreaterThan(0);

    const routed = await graphql<{ routeGlobalService: { instanceId: string } }>(server, `mutation { routeGlobalService(input: { service: "sales", regionId: "dc-2" }) { ${DECISION_FIELDS} } }`);
    expect(dataOf(routed).routeGlobalService.instanceId).toBe('node-8');
    const twins = await graphql<{ gdsLatencies: { regions: string[] }; gdsStatistics: { routed: number } }>(server, '{ gdsLatencies { regions cells { fromRegionId toRegionId roundTripMs reachable measuredAt probesSent probesAnswered } } gdsStatistics { routed } }');
    expect(dataOf(twins).gdsLatencies.regions).toEqual(['dc-1', 'dc-2']);
    expect(dataOf(twins).gdsStatistics.routed).toBe(3);
  });

  test('crash the preferred instance, then the whole region: the service fails over, routing follows, and fails back', async () => {
    const { server } = fixture;
    const crash6 = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-6'] });
    await server.advance(6000);
    const afterInstance = (await server.http.get(`${BASE}/services/sales`).set(asAdmin)).body.data;
    expect(afterInstance.failovers[0]).toMatchObject({ kind: 'INSTANCE', status: 'COMPLETED', fromInstanceId: 'node-6', toInstanceId: 'node-7' });
    expect(afterInstance.state).toBe('DEGRADED');
    expect((await server.http.post(`${BASE}/route`).set(asAdmin).send({ service: 'sales', regionId: 'dc-1' })).body.data.instanceId).toBe('node-7');

    await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-7'] });
    await server.advance(6000);
    const health = await server.http.get(`${BASE}/health`).set(asAdmin);
    expectContract('getGdsHealth', health);
    expect(health.body.data[0].regions[0]).toMatchObject({ regionId: 'dc-1', health: 'DOWN' });
    const afterRegion = (await server.http.get(`${BASE}/services/sales`).set(asAdmin)).body.data;
    expect(afterRegion.failovers[1]).toMatchObject({ kind: 'REGION', status: 'COMPLETED', toInstanceId: 'node-8', toRegionId: 'dc-2' });
    const followed = await server.http.post(`${BASE}/route`).set(asAdmin).send({ service: 'sales', regionId: 'dc-1' });
    expect(followed.body.data).toMatchObject({ instanceId: 'node-8', leftClientRegion: true });

    await server.http.delete(`/api/v1/simulation/faults/${crash6.body.data.id}`).set(asAdmin);
    await server.advance(4000);
    const afterFailback = (await server.http.get(`${BASE}/services/sales`).set(asAdmin)).body.data;
    expect(afterFailback.failovers.at(-1)).toMatchObject({ kind: 'FAILBACK', toInstanceId: 'node-6' });
    expect((await server.http.post(`${BASE}/route`).set(asAdmin).send({ service: 'sales', regionId: 'dc-1' })).body.data.instanceId).toBe('node-6');

    const statistics = await server.http.get(`${BASE}/statistics`).set(asAdmin);
    expectContract('getGdsStatistics', statistics);
    expect(statistics.body.data.failovers).toMatchObject({ completed: 2, failbacks: 1 });
    const stats = await server.http.get('/api/v1/gds/stats').set(asAdmin);
    expectContract('getGdsStatisticsAlias', stats);
    expect(stats.body.data).toEqual(statistics.body.data);
    const gqlHealth = await graphql<{ gdsHealth: unknown[] }>(server, '{ gdsHealth { name state stateReason regions { regionId health instances { id health nodeStatus running lagMs lastHealthCheck } } } }');
    expect(dataOf(gqlHealth).gdsHealth).toEqual(health.body.data.length ? (await server.http.get(`${BASE}/health`).set(asAdmin)).body.data : []);
  });

  test('update, regions and instances, each with a dry run, and removal; the GraphQL twins', async () => {
    const { server } = fixture;
    const dry = await server.http.put(`${BASE}/services/sales?dryRun=true`).set(asAdmin).send({ adminState: 'STOPPED' });
    expectContract('updateGlobalService', dry);
    expect(dry.body.data.changes.every((change: { after: { instanceId: string | null } }) => change.after.instanceId === null)).toBe(true);
    const updated = await server.http.put(`${BASE}/services/sales`).set(asAdmin).send({ loadBalancing: 'ROUND_ROBIN', lagToleranceMs: 1000 });
    expectContract('updateGlobalService', updated);
    expect(updated.body.data).toMatchObject({ loadBalancing: 'ROUND_ROBIN', lagToleranceMs: 1000 });

    const regions = await server.http.get(`${BASE}/services/sales/regions`).set(asAdmin);
    expectContract('listServiceRegions', regions);
    expect(regions.body.data.map((region: { regionId: string }) => region.regionId)).toEqual(['dc-1', 'dc-2']);
    const instances = await server.http.get(`${BASE}/services/sales/regions/dc-1/instances`).set(asAdmin);
    expectContract('listServiceInstances', instances);
    expect(instances.body.data.map((instance: { id: string }) => instance.id)).toEqual(['node-6', 'node-7']);

    const removeDry = await server.http.delete(`${BASE}/services/sales/regions/dc-1/instances/node-6?dryRun=true`).set(asAdmin);
    expectContract('removeServiceInstance', removeDry);
    expect(removeDry.status).toBe(422);
    expect(removeDry.body.error.details.rule).toBe('ORA-45512');
    const removed = await server.http.delete(`${BASE}/services/sales/regions/dc-1/instances/node-7`).set(asAdmin);
    expectContract('removeServiceInstance', removed);
    expect(removed.body.data.regions[0].databases.map((d: { id: string }) => d.id)).toEqual(['node-6']);
    const addDry = await server.http.post(`${BASE}/services/sales/regions/dc-1/instances?dryRun=true`).set(asAdmin).send({ instanceId: 'node-7' });
    expectContract('addServiceInstance', addDry);
    expect(addDry.status).toBe(200);
    const added = await server.http.post(`${BASE}/services/sales/regions/dc-1/instances`).set(asAdmin).send({ instanceId: 'node-7', preference: 'AVAILABLE' });
    expectContract('addServiceInstance', added);
    expect(added.body.data).toMatchObject({ id: 'node-7', preference: 'AVAILABLE', running: false });
    const outside = await server.http.post(`${BASE}/services/sales/regions/dc-2/instances`).set(asAdmin).send({ instanceId: 'node-7' });
    expect([outside.status, outside.body.error.details.rule]).toEqual([422, 'INSTANCE_OUTSIDE_REGION']);

    const regionDry = await server.http.delete(`${BASE}/services/sales/regions/dc-2?dryRun=true`).set(asAdmin);
    expectContract('removeServiceRegion', regionDry);
    // London's clients lose their region; region failover sends them to New York.
    expect(regionDry.body.data.changes.find((change: { clientRegionId: string }) => change.clientRegionId === 'dc-2')).toMatchObject({ changed: true, after: { instanceId: 'node-6', regionId: 'dc-1' } });
    const regionRemoved = await server.http.delete('/api/v1/gds/services/sales/regions/dc-2').set(asAdmin);
    expectContract('removeServiceRegionAlias', regionRemoved);
    expect(regionRemoved.body.data.regions.map((region: { regionId: string }) => region.regionId)).toEqual(['dc-1']);
    // The datacenter a service uses cannot go while it does.
    expect(() => server.platform.engines.geo.deleteDatacenter('dc-1')).toThrow(/global service sales/);

    const regionDryAdd = await server.http.post(`${BASE}/services/sales/regions?dryRun=true`).set(asAdmin).send({ regionId: 'dc-2', preferred: ['node-8'] });
    expectContract('addServiceRegion', regionDryAdd);
    expect(regionDryAdd.status).toBe(200);
    const regionAdded = await server.http.post('/api/v1/gds/services/sales/regions').set(asAdmin).send({ regionId: 'dc-2', role: 'STANDBY', preferred: ['node-8'] });
    expectContract('addServiceRegionAlias', regionAdded);
    expect(regionAdded.status).toBe(201);
    expect(regionAdded.body.data).toMatchObject({ regionId: 'dc-2', name: 'london', role: 'STANDBY', geoRegion: 'eu-west' });
    const noPreferred = await server.http.post(`${BASE}/services/sales/regions`).set(asAdmin).send({ regionId: 'dc-2' });
    expectContract('addServiceRegion', noPreferred);
    expect(noPreferred.status).toBe(409);

    const gql = await graphql<Record<string, { name?: string; regionId?: string; id?: string; databases?: unknown[] }>>(
      server,
      `mutation {
        updateGlobalService(name: "sales", input: { loadBalancing: WEIGHTED }) { name loadBalancing }
        removeServiceInstance(service: "sales", regionId: "dc-1", instanceId: "node-7") { name }
        addServiceInstance(service: "sales", regionId: "dc-1", instance: { instanceId: "node-7" }) { ${INSTANCE_FIELDS} }
        removeServiceRegion(service: "sales", regionId: "dc-2") { name }
        addServiceRegion(service: "sales", region: { regionId: "dc-2", preferred: ["node-8"] }) { ${REGION_FIELDS} }
        registerGlobalService(input: { name: "reports", regions: [{ regionId: "dc-2", preferredAll: true }] }) { name regions { databases { id running } } }
      }`,
    );
    expect(dataOf(gql).updateGlobalService).toEqual({ name: 'sales', loadBalancing: 'WEIGHTED' });
    expect(dataOf(gql).addServiceInstance).toMatchObject({ id: 'node-7', preference: 'AVAILABLE' });
    expect(dataOf(gql).addServiceRegion).toMatchObject({ regionId: 'dc-2' });
    expect(dataOf(gql).registerGlobalService).toEqual({ name: 'reports', regions: [{ databases: [{ id: 'node-8', running: true }] }] });
    const reads = await graphql<{ globalServiceRegions: unknown[]; globalServiceInstances: unknown[] }>(
      server,
      `{ globalServiceRegions(service: "sales") { ${REGION_FIELDS} } globalServiceInstances(service: "sales", regionId: "dc-1") { ${INSTANCE_FIELDS} } }`,
    );
    expect(dataOf(reads).globalServiceRegions).toHaveLength(2);
    expect(dataOf(reads).globalServiceInstances).toEqual((await server.http.get(`${BASE}/services/sales/regions/dc-1/instances`).set(asAdmin)).body.data);

    const deleteDry = await server.http.delete(`${BASE}/services/reports?dryRun=true`).set(asAdmin);
    expectContract('deleteGlobalService', deleteDry);
    const deleted = await server.http.delete(`${BASE}/services/reports`).set(asAdmin);
    expectContract('deleteGlobalService', deleted);
    expect(deleted.body.data.name).toBe('reports');
    const gqlRemove = await graphql<{ removeGlobalService: { name: string } }>(server, 'mutation { removeGlobalService(name: "sales") { name } }');
    expect(dataOf(gqlRemove).removeGlobalService.name).toBe('sales');
    const gone = await server.http.delete('/api/v1/gds/services/sales').set(asAdmin);
    expectContract('deleteGlobalServiceAlias', gone);
    expect(gone.status).toBe(404);
  });
});
