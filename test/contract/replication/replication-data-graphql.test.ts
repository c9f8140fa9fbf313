import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

let server: TestServer;
let viewerKey: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };

beforeAll(async () => {
  server = await startTestServer({ nodes: 3 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(3000);
});
afterAll(() => server.close());

const SLOT_FIELDS = 'slotName slotType plugin database active activeNodeId replicaId restartLsn confirmedFlushLsn walStatus safeWalSizeBytes retainedBytes catalogXmin restartDelay invalidationReason createdAt';

describe('replication slots over GraphQL', () => {
  test('replicationSlots matches REST; createReplicationSlot and deleteReplicationSlot change what both show', async () => {
    const listed = dataOf(await graphql<{ replicationSlots: unknown[] }>(server, `{ replicationSlots { ${SLOT_FIELDS} } }`));
    const rest = await server.http.get('/api/v1/replication/slots').set(asAdmin);
    expect(listed.replicationSlots).toEqual(rest.body.data);

    const created = dataOf(
      await graphql<{ createReplicationSlot: { slotName: string; plugin: string; walStatus: string; retainedBytes: number } }>(
        server,
        'mutation { createReplicationSlot(input: { slotName: "gql_cdc", slotType: LOGICAL }) { slotName plugin walStatus retainedBytes } }',
      ),
    );
    expect(created.createReplicationSlot).toEqual({ slotName: 'gql_cdc', plugin: 'pgoutput', walStatus: 'reserved', retainedBytes: 0 });
    const one = dataOf(await graphql<{ replicationSlot: { slotName: string } | null }>(server, '{ replicationSlot(name: "gql_cdc") { slotName } }'));
    expect(one.replicationSlot).toEqual({ slotName: 'gql_cdc' });

    const invalid = await graphql(server, 'mutation { createReplicationSlot(input: { slotName: "Not Valid", slotType: PHYSICAL }) { slotName } }');
    expect(codesOf(invalid)).toEqual(['VALIDATION_FAILED']);
    const forbidden = await graphql(server, 'mutation { deleteReplicationSlot(name: "gql_cdc") }', {}, { apiKey: viewerKey });
    expect(codesOf(forbidden)).toEqual(['FORBIDDEN']);
    const replicaSlot = await graphql(server, 'mutation { deleteReplicationSlot(name: "replica_node-2") }');
    expect(codesOf(replicaSlot)).toEqual(['CONFLICT']);

    expect(dataOf(await graphql<{ deleteReplicationSlot: boolean }>(server, 'mutation { deleteReplicationSlot(name: "gql_cdc") }')).deleteReplicationSlot).toBe(true);
    expect(dataOf(await graphql<{ replicationSlot: unknown }>(server, '{ replicationSlot(name: "gql_cdc") { slotName } }')).replicationSlot).toBeNull();
  });
});

describe('snapshots over GraphQL', () => {
  test('a snapshot starts IN_PROGRESS, its progress moves with the clock, and a restore reports RESTORE progress', async () => {
    const created = dataOf(
      await graphql<{ createReplicationSnapshot: { snapshotId: string; status: string; label: string } }>(
        server,
        'mutation { createReplicationSnapshot(input: { label: "gql" }) { snapshotId status label } }',
      ),
    );
    expect(created.createReplicationSnapshot).toEqual({ snapshotId: 'snapshot-1', status: 'IN_PROGRESS', label: 'gql' });
    const refused = await graphql(server, 'mutation { restoreReplicationSnapshot(id: "snapshot-1") { status } }');
    expect(codesOf(refused)).toEqual(['CONFLICT']);
    await server.advance(1000);
    const progress = dataOf(
      await graphql<{ replicationSnapshotProgress: { operation: string; status: string; percent: number } }>(server, '{ replicationSnapshotProgress(id: "snapshot-1") { operation status percent } }'),
    );
    expect(progress.replicationSnapshotProgress).toEqual({ operation: 'CREATE', status: 'COMPLETED', percent: 100 });
    const listed = dataOf(await graphql<{ replicationSnapshots: { snapshotId: string }[] }>(server, '{ replicationSnapshots(status: COMPLETED) { snapshotId } }'));
    expect(listed.replicationSnapshots).toEqual([{ snapshotId: 'snapshot-1' }]);

    const restore = dataOf(
      await graphql<{ restoreReplicationSnapshot: { snapshotId: string; operation: string; status: string } }>(server, 'mutation { restoreReplicationSnapshot(id: "snapshot-1") { snapshotId operation status } }'),
    );
    expect(restore.restoreReplicationSnapshot).toEqual({ snapshotId: 'snapshot-1', operation: 'RESTORE', status: 'IN_PROGRESS' });
    await server.advance(1000);
    const rest = await server.http.get('/api/v1/replication/snapshots/snapshot-1/progress').set(asAdmin);
    expect(rest.body.data).toMatchObject({ operation: 'RESTORE', status: 'COMPLETED' });

    const badParent = await graphql(server, 'mutation { createReplicationSnapshot(input: { type: FULL, parentSnapshotId: "snapshot-1" }) { snapshotId } }');
    expect(codesOf(badParent)).toEqual(['UNPROCESSABLE']);
    expect(dataOf(await graphql<{ replicationSnapshot: unknown }>(server, '{ replicationSnapshot(id: "snapshot-9") { snapshotId } }')).replicationSnapshot).toBeNull();
    expect(dataOf(await graphql<{ deleteReplicationSnapshot: boolean }>(server, 'mutation { deleteReplicationSnapshot(id: "snapshot-1") }')).deleteReplicationSnapshot).toBe(true);
  });
});

describe('conflicts over GraphQL', () => {
  test('simulateReplicationConflict then resolveConflict with CRDT_COUNTER; customValue: null deletes with CUSTOM', async () => {
    server.platform.engines.replication.cluster.put('gql_ledger', 'a-1', { balance: 100 });
    const simulated = dataOf(
      await graphql<{ simulateReplicationConflict: { conflictId: string; conflictType: string; resolved: boolean } }>(
        server,
        'mutation ($local: JSON, $remote: JSON) { simulateReplicationConflict(input: { tableName: "gql_ledger", rowKey: "a-1", localData: $local, remoteData: $remote }) { conflictId conflictType resolved } }',
        { local: { balance: 130 }, remote: { balance: 95 } },
      ),
    );
    const conflictId = simulated.simulateReplicationConflict.conflictId;
    expect(simulated.simulateReplicationConflict).toMatchObject({ conflictType: 'UPDATE_CONFLICT', resolved: false });
    const unresolved = dataOf(await graphql<{ replicationConflicts: { conflictId: string }[] }>(server, '{ replicationConflicts(resolved: false) { conflictId } }'));
    expect(unresolved.replicationConflicts).toEqual([{ conflictId }]);

    const noValue = await graphql(server, `mutation { resolveConflict(input: { conflictId: "${conflictId}", strategy: CUSTOM }) { winner } }`);
    expect(codesOf(noValue)).toEqual(['UNPROCESSABLE']);
    const merged = dataOf(
      await graphql<{ resolveConflict: { winner: string; resolvedData: unknown; conflict: { resolved: boolean } } }>(
        server,
        `mutation { resolveConflict(input: { conflictId: "${conflictId}", strategy: CRDT_COUNTER }) { winner resolvedData conflict { resolved } } }`,
      ),
    );
    expect(merged.resolveConflict).toEqual({ winner: 'MERGED', resolvedData: { balance: 125 }, conflict: { resolved: true } });
    const again = await graphql(server, `mutation { resolveConflict(input: { conflictId: "${conflictId}", strategy: CRDT_COUNTER }) { winner } }`);
    expect(codesOf(again)).toEqual(['CONFLICT']);

    const second = dataOf(
      await graphql<{ simulateReplicationConflict: { conflictId: string } }>(server, 'mutation { simulateReplicationConflict(input: { tableName: "gql_ledger", rowKey: "a-1" }) { conflictId } }'),
    );
    const deleted = dataOf(
      await graphql<{ resolveConflict: { winner: string; resolvedData: unknown } }>(
        server,
        `mutation { resolveConflict(input: { conflictId: "${second.simulateReplicationConflict.conflictId}", strategy: CUSTOM, customValue: null }) { winner resolvedData } }`,
      ),
    );
    expect(deleted.resolveConflict).toEqual({ winner: 'CUSTOM', resolvedData: null });
    expect(server.platform.engines.replication.cluster.storageOf('node-1').getRow('gql_ledger', 'a-1')).toBeUndefined();
  });
});

describe('monitoring over GraphQL', () => {
  test('channels, lag history and alerts match REST; createReplicationAlertRule validates like REST', async () => {
    const channels = dataOf(await graphql<{ replicationChannels: unknown[] }>(server, '{ replicationChannels { channelId replicaId slotName state sentLsn bytesSent batchesSent resentBatches statusReports throughputBytesPerSecond startedAt lastSentAt lastStatusAt } }'));
    expect(channels.replicationChannels).toEqual((await server.http.get('/api/v1/replication/monitor/channels').set(asAdmin)).body.data);
    const lag = dataOf(await graphql<{ replicationLagHistory: unknown[] }>(server, '{ replicationLagHistory(replicaId: "node-3") { replicaId at primaryLsn replayLsn lagBytes writeLagMs flushLagMs replayLagMs } }'));
    expect(lag.replicationLagHistory.length).toBeGreaterThan(0);
    expect(lag.replicationLagHistory).toEqual((await server.http.get('/api/v1/replication/monitor/lag?replicaId=node-3').set(asAdmin)).body.data);
    const backwards = await graphql(server, '{ replicationLagHistory(since: "2026-11-21T10:30:00Z", until: "2026-11-21T10:00:00Z") { at } }');
    expect(codesOf(backwards)).toEqual(['UNPROCESSABLE']);

    const rule = dataOf(
      await graphql<{ createReplicationAlertRule: { ruleId: string; name: string; severity: string; forMs: number } }>(
        server,
        'mutation { createReplicationAlertRule(input: { metric: FLUSH_LAG_MS, threshold: 500 }) { ruleId name severity forMs } }',
      ),
    );
    expect(rule.createReplicationAlertRule).toMatchObject({ name: 'FLUSH_LAG_MS > 500', severity: 'WARNING', forMs: 0 });
    const negative = await graphql(server, 'mutation { createReplicationAlertRule(input: { metric: FLUSH_LAG_MS, threshold: -1 }) { ruleId } }');
    expect(codesOf(negative)).toEqual(['VALIDATION_FAILED']);
    const forbidden = await graphql(server, 'mutation { createReplicationAlertRule(input: { metric: FLUSH_LAG_MS, threshold: 9 }) { ruleId } }', {}, { apiKey: viewerKey });
    expect(codesOf(forbidden)).toEqual(['FORBIDDEN']);

    const alerts = dataOf(await graphql<{ replicationAlerts: { alertId: string }[] }>(server, '{ replicationAlerts { alertId } }'));
    const restAlerts = await server.http.get('/api/v1/replication/monitor/alerts').set(asAdmin);
    expect(alerts.replicationAlerts.map((alert) => alert.alertId)).toEqual(restAlerts.body.data.map((alert: { alertId: string }) => alert.alertId));
  });
});
