/**
 * The transaction events on /api/v1/ws/events (they have no stream of their own), each payload
 * validated against its schema, and the subscriptions distributedTransactionUpdates and
 * xaBranchUpdates as views of them with their filters.
 */
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { TRANSACTIONS_EVENT_TYPES } from '../../../src/engines/transactions/events.js';
import { healFault, injectFault } from '../../support/cluster-faults.js';
import { expectSchema } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { closeAllStreams, graphqlWsClient, isEvent, listenOnLoopback, nextFeedOpened, openStream, subscribe, type EventFrame, type StreamSocket, type Subscription } from '../../support/socket.js';
import { configureStream, expectFramesInContract } from '../../support/stream-contract.js';
import { advanceUntil, asAdmin, begin, detachReplica, DTX, transfer, XA } from '../../support/transactions.js';

/** The payload schema of each transaction event type (spec/events/events.yaml). */
const PAYLOAD_SCHEMAS: Record<string, string> = {
  distributed_transaction_begun: 'TransactionBegunPayload',
  distributed_transaction_prepared: 'TransactionVotePayload',
  distributed_transaction_committed: 'TransactionEndedPayload',
  distributed_transaction_aborted: 'TransactionEndedPayload',
  distributed_transaction_in_doubt: 'TransactionInDoubtPayload',
  distributed_transaction_heuristic: 'TransactionHeuristicPayload',
  distributed_transaction_forgotten: 'TransactionForgottenPayload',
  xa_branch_state_changed: 'XaBranchStatePayload',
};

let server: TestServer;
let wsUrl: string;
let client: Client;
const streams: StreamSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  await server.advance(1000);
  await detachReplica(server, 'node-3');
  await detachReplica(server, 'node-4');
  ({ wsUrl } = await listenOnLoopback(server));
  client = graphqlWsClient(wsUrl, { 'X-API-Key': ADMIN_KEY });
});
afterEach(async () => {
  expectFramesInContract(streams.splice(0));
  await closeAllStreams();
});
afterAll(async () => {
  await client?.dispose();
  await server.close();
});

async function eventsStream(config: Record<string, unknown>): Promise<StreamSocket> {
  const stream = await openStream(`${wsUrl}/api/v1/ws/events?apiKey=${ADMIN_KEY}`);
  streams.push(stream);
  await configureStream(stream, config);
  return stream;
}

async function opened<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Subscription<Data>> {
  const open = nextFeedOpened(server);
  const subscription = subscribe<Data>(client, { query, variables });
  await open;
  return subscription;
}

/** Events of the stream so far, until one of `type` about `id` arrived. */
async function eventsUntil(stream: StreamSocket, type: string, matches: (payload: Record<string, unknown>) => boolean): Promise<void> {
  await stream.frames.until((frame) => isEvent(frame) && frame.type === type && matches(frame.payload as Record<string, unknown>), `${type}`);
}

describe('the transaction events on /api/v1/ws/events', () => {
  test('every lifecycle step is an event whose payload is its schema: begun, one vote each, committed, aborted, in doubt, heuristic, forgotten, XA branch changes', async () => {
    const stream = await eventsStream({ eventTypes: [...TRANSACTIONS_EVENT_TYPES] });
    const committed = await begin(server, transfer({ 'node-1': 'e-1', 'node-3': 'e-2' }));
    await server.http.post(`${DTX}/${committed}/commit`).set(asAdmin);
    await advanceUntil(server, committed, ['COMMITTED']);
    await eventsUntil(stream, 'distributed_transaction_committed', (payload) => payload['transactionId'] === committed);

    const aborted = await begin(server, transfer({ 'node-4': 'e-3' }));
    await server.http.post(`${DTX}/${aborted}/rollback`).set(asAdmin);
    await advanceUntil(server, aborted, ['ABORTED']);
    await eventsUntil(stream, 'distributed_transaction_aborted', (payload) => payload['transactionId'] === aborted);

    const doubtful = await begin(server, { ...transfer({ 'node-1': 'e-4', 'node-3': 'e-5' }), coordinatorNodeId: 'node-4' });
    await server.http.post(`${DTX}/${doubtful}/prepare`).set(asAdmin);
    await advanceUntil(server, doubtful, ['PREPARED']);
    const crash = await injectFault(server, { type: 'crash', nodes: ['node-4'] });
    await advanceUntil(server, doubtful, ['IN_DOUBT']);
    await server.http.post(`${DTX}/${doubtful}/resolve`).set(asAdmin).send({ outcome: 'ROLLBACK' });
    await healFault(server, crash);
    await server.advance(1000);
    expect((await server.http.post(`${DTX}/${doubtful}/forget`).set(asAdmin)).status).toBe(200);
    await eventsUntil(stream, 'distributed_transaction_forgotten', (payload) => payload['transactionId'] === doubtful);

    await server.http.post(`${XA}/resource-managers`).set(asAdmin).send({ name: 'events_rm', nodeId: 'node-3' });
    await server.http.post(`${XA}/start`).set(asAdmin).send({ xid: 'ev-1', resourceManager: 'events_rm' });
    await server.http.post(`${XA}/ev-1/end`).set(asAdmin);
    await server.http.post(`${XA}/ev-1/commit`).set(asAdmin).send({ onePhase: true });
    await server.advance(10);
    await eventsUntil(stream, 'xa_branch_state_changed', (payload) => payload['to'] === 'COMMITTED');

    const events = stream.frames.received.filter(isEvent) as EventFrame[];
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(TRANSACTIONS_EVENT_TYPES));
    for (const event of events) {
      expect(event.source).toBe('transactions');
      expectSchema(PAYLOAD_SCHEMAS[event.type]!, event.payload);
    }
    const ofCommitted = events.filter((event) => (event.payload as { transactionId?: string }).transactionId === committed);
    expect(ofCommitted.map((event) => event.type)).toEqual(['distributed_transaction_begun', 'distributed_transaction_prepared', 'distributed_transaction_prepared', 'distributed_transaction_committed']);
    const xaStates = events.filter((event) => event.type === 'xa_branch_state_changed').map((event) => (event.payload as { from: string | null; to: string }).to);
    expect(xaStates).toEqual(['ACTIVE', 'IDLE', 'COMMITTED']);
    // The same events are in the log for a client that resumes.
    const stored = await server.http.get(`/api/v1/events?after=${events[0]!.cursor - 1}&types=distributed_transaction_begun&limit=10`).set(asAdmin);
    expect(stored.body.data.map((event: { payload: { transactionId: string } }) => event.payload.transactionId)).toEqual([committed, aborted, doubtful]);
  });

  test('a node filter keeps the events that name the node', async () => {
    const stream = await eventsStream({ eventTypes: ['distributed_transaction_begun', 'distributed_transaction_committed'], nodeIds: ['node-4'] });
    const elsewhere = await begin(server, transfer({ 'node-1': 'e-6' }));
    const here = await begin(server, transfer({ 'node-4': 'e-7' }));
    await server.http.post(`${DTX}/${here}/commit`).set(asAdmin);
    await advanceUntil(server, here, ['COMMITTED']);
    await eventsUntil(stream, 'distributed_transaction_committed', (payload) => payload['transactionId'] === here);
    const ids = (stream.frames.received.filter(isEvent) as EventFrame[]).map((event) => (event.payload as { transactionId: string }).transactionId);
    expect(ids).toEqual([here, here]);
    expect(ids).not.toContain(elsewhere);
    await server.http.post(`${DTX}/${elsewhere}/rollback`).set(asAdmin);
  });
});

describe('the transaction subscriptions', () => {
  type Update = { distributedTransactionUpdates: { type: string; transactionId: string; state: string; nodeIds: string[]; nodeId: string | null; vote: string | null; onePhase: boolean | null; cursor: number } };
  type BranchUpdate = { xaBranchUpdates: { type: string; xid: string; from: string | null; to: string; state: string; resourceManager: string; nodeId: string; reason: string | null } };

  test('distributedTransactionUpdates(id) follows one transaction; (state) only what leaves a transaction in that state', async () => {
    const id = await begin(server, transfer({ 'node-1': 's-1', 'node-3': 's-2' }));
    const ofOne = await opened<Update>('subscription ($id: ID) { distributedTransactionUpdates(id: $id) { type transactionId state nodeIds nodeId vote onePhase cursor } }', { id });
    const committedOnly = await opened<Update>('subscription { distributedTransactionUpdates(state: COMMITTED) { type transactionId state } }');
    const other = await begin(server, transfer({ 'node-4': 's-3' }));
    await server.http.post(`${DTX}/${id}/commit`).set(asAdmin);
    await server.http.post(`${DTX}/${other}/commit`).set(asAdmin);
    await advanceUntil(server, id, ['COMMITTED']);
    await advanceUntil(server, other, ['COMMITTED']);

    const votes = (await ofOne.results.take(2)).map((result) => result.data!.distributedTransactionUpdates);
    expect(votes.map((vote) => [vote.type, vote.transactionId, vote.vote])).toEqual([
      ['distributed_transaction_prepared', id, 'YES'],
      ['distributed_transaction_prepared', id, 'YES'],
    ]);
    expect(new Set(votes.map((vote) => vote.nodeId))).toEqual(new Set(['node-1', 'node-3']));
    const end = (await ofOne.results.next()).data!.distributedTransactionUpdates;
    expect(end).toMatchObject({ type: 'distributed_transaction_committed', transactionId: id, state: 'COMMITTED', nodeIds: ['node-1', 'node-3'], onePhase: false, vote: null });
    // The one-phase commit of the other ends first: one message, no votes.
    const ended = (await committedOnly.results.take(2)).map((result) => result.data!.distributedTransactionUpdates);
    expect(ended).toEqual([
      { type: 'distributed_transaction_committed', transactionId: other, state: 'COMMITTED' },
      { type: 'distributed_transaction_committed', transactionId: id, state: 'COMMITTED' },
    ]);
    ofOne.unsubscribe();
    committedOnly.unsubscribe();
  });

  test('xaBranchUpdates filters by xid in any notation, by state and by resource manager', async () => {
    await server.http.post(`${XA}/resource-managers`).set(asAdmin).send({ name: 'subs_rm', nodeId: 'node-4' });
    const byXid = await opened<BranchUpdate>('subscription { xaBranchUpdates(xid: "X\'73756231\'") { type xid from to state resourceManager nodeId reason } }');
    const prepared = await opened<BranchUpdate>('subscription { xaBranchUpdates(state: PREPARED, resourceManager: "subs_rm") { xid state } }');
    for (const xid of ['sub1', 'sub2']) {
      await server.http.post(`${XA}/start`).set(asAdmin).send({ xid, resourceManager: 'subs_rm' });
      await server.http.post(`${XA}/${xid}/end`).set(asAdmin);
      await server.http.post(`${XA}/${xid}/prepare`).set(asAdmin);
      await server.http.post(`${XA}/${xid}/rollback`).set(asAdmin);
    }
    await server.advance(10);
    const changes = (await byXid.results.take(4)).map((result) => result.data!.xaBranchUpdates);
    expect(changes.map((change) => [change.from, change.to])).toEqual([
      [null, 'ACTIVE'],
      ['ACTIVE', 'IDLE'],
      ['IDLE', 'PREPARED'],
      ['PREPARED', 'ROLLED_BACK'],
    ]);
    expect(changes[0]).toMatchObject({ type: 'xa_branch_state_changed', xid: "'sub1','',1", resourceManager: 'subs_rm', nodeId: 'node-4' });
    const preparedOnes = (await prepared.results.take(2)).map((result) => result.data!.xaBranchUpdates);
    expect(preparedOnes).toEqual([
      { xid: "'sub1','',1", state: 'PREPARED' },
      { xid: "'sub2','',1", state: 'PREPARED' },
    ]);
    byXid.unsubscribe();
    prepared.unsubscribe();

    const unreadable = subscribe<BranchUpdate>(client, { query: 'subscription { xaBranchUpdates(xid: "a,b,99999999999") { xid } }' });
    const refusal = await unreadable.results.next();
    expect(refusal.errors?.[0]?.extensions).toMatchObject({ code: 'UNPROCESSABLE' });
  });
});
