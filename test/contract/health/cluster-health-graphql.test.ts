/**
 * The GraphQL twins of the cluster health and status operations: each answers what its REST
 * operation answers (one service behind both), and refuses bad arguments and anonymous callers.
 */
import { describe, expect, test } from 'vitest';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

/** Long enough for the first election (election timeout 1 s, randomized up to 2 s, plus pre-vote). */
const fixture = useTestServer({ nodes: 5, warmUpMs: 3000 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };

const ISSUE_FIELDS = 'id type severity component nodeId message affectedNodes detectedAt updatedAt resolved resolvedAt';
const HEALTH_FIELDS = `state isHealthy hasQuorum quorumSize voters healthyVoters failureTolerance leaderId totalNodes healthyNodes suspectedNodes downNodes activeRecoveries issues { ${ISSUE_FIELDS} } checkedAt`;
const DETAILED_FIELDS = `summary { ${HEALTH_FIELDS} } checks { name outcome message } leader { leaderId term leaderSince } stateSince
  nodes { nodeId role status isVoter isLeader statusSince lastHeartbeat missedHeartbeats silenceMs uptimeSeconds raftState lagEntries openIssueIds }`;
const SAMPLE_FIELDS = 'at state hasQuorum failureTolerance totalNodes healthyNodes suspectedNodes downNodes leaderId openIssues';
const STATUS_FIELDS =
  'clusterName state stateSince leaderId term hasQuorum quorumSize voters healthyVoters failureTolerance totalNodes healthyNodes suspectedNodes downNodes failoverInProgress lastFailoverAt openIssues clusterTime';
const CLUSTERING_FIELDS = `clusterName state clusterTime nodes { total healthy suspected down recovering }
  consensus { leaderId term commitIndex voters learners quorumSize hasQuorum configChangePending }
  membership { members alive suspect dead left protocolPeriod }
  failover { autoFailover inProgress currentFailoverId lastFailoverAt automaticFailoversLastHour }
  dht { nodes vnodes hashFunction vnodesPerNode }
  loadBalancer { strategy backends healthyBackends activeConnections }
  coordinator { executionStrategy shards active moving underReplicated unassigned }`;

async function rest(path: string) {
  const response = await fixture.server.http.get(path).set(asAdmin);
  expect(response.status, path).toBe(200);
  return response.body.data;
}

/** Crashes a follower until it is DOWN, then heals it and waits for the cluster to be OPERATIONAL again: issues to list. */
async function makeHistory(): Promise<void> {
  const leader = (await rest('/api/v1/cluster/status')).leaderId;
  const victim = leader === 'node-4' ? 'node-5' : 'node-4';
  const fault = await fixture.server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: [victim] });
  await fixture.server.advance(6000);
  await fixture.server.http.delete(`/api/v1/simulation/faults/${fault.body.data.id}`).set(asAdmin);
  await fixture.server.advance(3000);
}

describe('cluster health over GraphQL', () => {
  test('clusterHealth and detailedClusterHealth answer what REST answers', async () => {
    const read = dataOf(await graphql<{ clusterHealth: unknown; detailedClusterHealth: unknown }>(fixture.server, `{ clusterHealth { ${HEALTH_FIELDS} } detailedClusterHealth { ${DETAILED_FIELDS} } }`));
    expect(read.clusterHealth).toEqual(await rest('/api/v1/cluster/health'));
    expect(read.detailedClusterHealth).toEqual(await rest('/api/v1/cluster/health/detailed'));
    expect(read.clusterHealth).toMatchObject({ state: 'OPERATIONAL', isHealthy: true, failureTolerance: 2 });
  });

  test('healthIssues filters, sorts and pages as listHealthIssues does', async () => {
    await makeHistory();
    const all = dataOf(await graphql<{ healthIssues: { id: string; detectedAt: string }[] }>(fixture.server, `{ healthIssues(limit: 1000) { ${ISSUE_FIELDS} } }`)).healthIssues;
    expect(all).toEqual(await rest('/api/v1/cluster/health/issues?limit=1000'));
    expect(all.length).toBeGreaterThanOrEqual(3);
    const filtered = dataOf(
      await graphql<{ healthIssues: unknown[] }>(
        fixture.server,
        `{ healthIssues(component: NODE, resolved: true, severity: WARNING, sortBy: id, order: ASC, limit: 2, offset: 0) { ${ISSUE_FIELDS} } }`,
      ),
    ).healthIssues;
    expect(filtered).toEqual(await rest('/api/v1/cluster/health/issues?component=NODE&resolved=true&severity=WARNING&sort_by=id&order=asc&limit=2'));
    expect(filtered.length).toBeGreaterThan(0);
    const first = all.at(-1)!;
    const since = dataOf(await graphql<{ healthIssues: unknown[] }>(fixture.server, `query ($since: DateTime) { healthIssues(since: $since, limit: 1000) { ${ISSUE_FIELDS} } }`, { since: first.detectedAt })).healthIssues;
    expect(since).toEqual(await rest(`/api/v1/cluster/health/issues?since=${first.detectedAt}&limit=1000`));
    const aboutNode = dataOf(await graphql<{ healthIssues: unknown[] }>(fixture.server, `{ healthIssues(nodeId: "node-4", type: NODE_DOWN) { ${ISSUE_FIELDS} } }`)).healthIssues;
    expect(aboutNode).toEqual(await rest('/api/v1/cluster/health/issues?nodeId=node-4&type=NODE_DOWN'));
  });

  test('healthHistory answers what listHealthHistory answers', async () => {
    const all = dataOf(await graphql<{ healthHistory: { at: string }[] }>(fixture.server, `{ healthHistory(limit: 1000) { ${SAMPLE_FIELDS} } }`)).healthHistory;
    expect(all).toEqual(await rest('/api/v1/cluster/health/history?limit=1000'));
    const window = { since: all.at(-1)!.at, until: all[1]!.at };
    const windowed = dataOf(
      await graphql<{ healthHistory: unknown[] }>(fixture.server, `query ($since: DateTime, $until: DateTime) { healthHistory(since: $since, until: $until, order: ASC, limit: 1000) { ${SAMPLE_FIELDS} } }`, window),
    ).healthHistory;
    expect(windowed).toEqual(await rest(`/api/v1/cluster/health/history?since=${window.since}&until=${window.until}&order=asc&limit=1000`));
    const degraded = dataOf(await graphql<{ healthHistory: { state: string }[] }>(fixture.server, `{ healthHistory(state: DEGRADED) { state } }`)).healthHistory;
    expect(degraded.length).toBeGreaterThan(0);
    expect(degraded.every((sample) => sample.state === 'DEGRADED')).toBe(true);
  });

  test('refuses bad arguments: an unknown enum (validation), a page out of bounds (UNPROCESSABLE), an unknown time', async () => {
    expect(codesOf(await graphql(fixture.server, '{ healthIssues(severity: SEVERE) { id } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codesOf(await graphql(fixture.server, '{ healthHistory(state: ON_FIRE) { at } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codesOf(await graphql(fixture.server, '{ healthIssues(limit: 0) { id } }'))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql(fixture.server, '{ healthHistory(offset: -1) { at } }'))).toEqual(['UNPROCESSABLE']);
    const badTime = await graphql(fixture.server, 'query ($since: DateTime) { healthIssues(since: $since) { id } }', { since: 'yesterday' });
    expect(badTime.errors).toHaveLength(1);
    expect(badTime.data ?? null).toBeNull();
  });

  test('an anonymous caller is UNAUTHENTICATED; a viewer may read', async () => {
    for (const query of ['{ clusterHealth { state } }', '{ detailedClusterHealth { stateSince } }', '{ healthIssues { id } }', '{ healthHistory { at } }', '{ clusterStatus { state } }', '{ clusteringStatus { state } }']) {
      expect(codesOf(await graphql(fixture.server, query, {}, 'anonymous')), query).toEqual(['UNAUTHENTICATED']);
      expect((await graphql(fixture.server, query, {}, { apiKey: fixture.viewerKey })).errors, query).toBeUndefined();
    }
  });
});

describe('cluster status over GraphQL', () => {
  test('clusterStatus and clusteringStatus answer what REST answers', async () => {
    const read = dataOf(await graphql<{ clusterStatus: unknown; clusteringStatus: unknown }>(fixture.server, `{ clusterStatus { ${STATUS_FIELDS} } clusteringStatus { ${CLUSTERING_FIELDS} } }`));
    expect(read.clusterStatus).toEqual(await rest('/api/v1/cluster/status'));
    expect(read.clusteringStatus).toEqual(await rest('/api/v1/clustering/status'));
    expect(read.clusterStatus).toMatchObject({ state: 'OPERATIONAL', voters: 5, failureTolerance: 2 });
  });
});
