import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FailoverConfig, FailoverResult, FailoverStatistics, FailoverTestResult, SuspectedNode } from '../../../generated/graphql/resolvers-types.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { listenOnLoopback, nextFeedOpened, sseSubscribe } from '../../support/socket.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

let server: TestServer;
let viewerKey: string;
let httpUrl: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const RESULT_FIELDS = 'failoverId kind status previousLeaderId newLeaderId targetNodeId previousTerm newTerm durationMs timeline { step nodeId term }';

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(3000);
  ({ httpUrl } = await listenOnLoopback(server));
});
afterAll(() => server.close());

async function leaderId(): Promise<string> {
  const response = await server.http.get('/api/v1/cluster/nodes?role=LEADER').set(asAdmin);
  return response.body.data[0].nodeId as string;
}

describe('failover over GraphQL', () => {
  test('failoverConfig matches REST, and updateFailoverConfig changes only the named settings', async () => {
    const read = dataOf(await graphql<{ failoverConfig: FailoverConfig }>(server, '{ failoverConfig { autoFailover detectionTimeoutMs failoverTimeoutMs splitBrainPrevention maxFailoversPerHour } }'));
    const rest = await server.http.get('/api/v1/cluster/failover/config').set(asAdmin);
    expect(read.failoverConfig).toEqual(rest.body.data);
    const changed = dataOf(
      await graphql<{ updateFailoverConfig: FailoverConfig }>(server, 'mutation { updateFailoverConfig(config: { maxFailoversPerHour: 6 }) { maxFailoversPerHour failoverTimeoutMs } }'),
    );
    expect(changed.updateFailoverConfig).toEqual({ maxFailoversPerHour: 6, failoverTimeoutMs: 10000 });
    const refused = await graphql(server, 'mutation { updateFailoverConfig(config: { maxFailoversPerHour: 99 }) { maxFailoversPerHour } }');
    expect(codesOf(refused)).toEqual(['VALIDATION_FAILED']);
    const forbidden = await graphql(server, 'mutation { updateFailoverConfig(config: { maxFailoversPerHour: 1 }) { maxFailoversPerHour } }', {}, { apiKey: viewerKey });
    expect(codesOf(forbidden)).toEqual(['FORBIDDEN']);
  });

  test('triggerFailover switches over, and failoverEvents streams its start and end', async () => {
    const opened = nextFeedOpened(server);
    const sse = await sseSubscribe<{ failoverEvents: { type: string; failover: Pick<FailoverResult, 'failoverId' | 'status'> } }>(
      httpUrl,
      { query: 'subscription { failoverEvents { type failover { failoverId status } } }' },
      asAdmin,
    );
    await opened;
    try {
      const before = await leaderId();
      const target = before === 'node-4' ? 'node-5' : 'node-4';
      const started = dataOf(await graphql<{ triggerFailover: FailoverResult }>(server, `mutation ($target: ID) { triggerFailover(input: { targetNodeId: $target }) { ${RESULT_FIELDS} } }`, { target }));
      expect(started.triggerFailover).toMatchObject({ kind: 'SWITCHOVER', status: 'IN_PROGRESS', previousLeaderId: before, targetNodeId: target });
      const id = started.triggerFailover.failoverId;
      // Each event carries the failover as it stands when delivered: read the first before the clock moves.
      expect(await sse.results.next()).toEqual({ data: { failoverEvents: { type: 'failover_initiated', failover: { failoverId: id, status: 'IN_PROGRESS' } } } });
      await server.advance(500);
      expect(await sse.results.next()).toEqual({ data: { failoverEvents: { type: 'failover_completed', failover: { failoverId: id, status: 'COMPLETED' } } } });
      const history = dataOf(await graphql<{ failoverHistory: FailoverResult[] }>(server, `{ failoverHistory(failoverId: "${id}") { ${RESULT_FIELDS} } }`));
      expect(history.failoverHistory[0]).toMatchObject({ status: 'COMPLETED', newLeaderId: target });
    } finally {
      sse.abort();
    }
  });

  test('testFailover drills the leader; suspectedNodes and failoverStatistics read the outcome', async () => {
    const drill = dataOf(
      await graphql<{ testFailover: FailoverTestResult }>(server, 'mutation { testFailover(input: { heal: false }) { status targetNodeId targetWasLeader healed faultId newLeaderId } }'),
    );
    expect(drill.testFailover).toMatchObject({ status: 'PASSED', targetWasLeader: true, healed: false });
    await server.advance(6000);
    const suspects = dataOf(await graphql<{ suspectedNodes: SuspectedNode[] }>(server, '{ suspectedNodes(status: DOWN) { nodeId status isVoter } }', {}, { apiKey: viewerKey }));
    expect(suspects.suspectedNodes).toEqual([{ nodeId: drill.testFailover.targetNodeId, status: 'DOWN', isVoter: true }]);
    await server.http.delete(`/api/v1/simulation/faults/${drill.testFailover.faultId}`).set(asAdmin);
    const statistics = dataOf(await graphql<{ failoverStatistics: FailoverStatistics }>(server, '{ failoverStatistics { total completed byKind { SWITCHOVER DRILL } } }'));
    expect(statistics.failoverStatistics).toEqual({ total: 2, completed: 2, byKind: { SWITCHOVER: 1, DRILL: 1 } });
  });
});
