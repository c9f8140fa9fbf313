import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Configuration,
  DistributedTransactionsApi,
  DistributedTransactionState,
  FaultType,
  ReplicationApi,
  ResponseError,
  RowWriteOpEnum,
  SimulationApi,
  type DistributedTransaction,
} from '../../generated/client/index.js';
import { CLUSTER_FORMED_MS, E2E_ADMIN_KEY, startServerProcess, stopServerProcess, type ServerProcess } from './server-process.js';

/**
 * Distributed transactions end to end: a real server process on a SQLite file, driven by the
 * generated client, killed with SIGKILL and restarted on the same data dir. A committed
 * transaction is still committed, its rows still there; one whose coordinator crashed after
 * PREPARE (a crash fault, which the store keeps) is still in doubt, its locks still held.
 */


function clientFor(baseUrl: string) {
  const configuration = new Configuration({ basePath: baseUrl, apiKey: E2E_ADMIN_KEY });
  return { transactions: new DistributedTransactionsApi(configuration), replication: new ReplicationApi(configuration), simulation: new SimulationApi(configuration) };
}
type Client = ReturnType<typeof clientFor>;

/** Advances the manual clock 10 ms at a time until the transaction is in `state`. */
async function advanceUntil(client: Client, id: string, state: DistributedTransactionState): Promise<DistributedTransaction> {
  for (let waitedMs = 0; waitedMs <= 5000; waitedMs += 10) {
    const transaction = (await client.transactions.getDistributedTransactionStatus({ id })).data;
    if (transaction.state === state) return transaction;
    await client.simulation.advanceClock({ advanceRequest: { ms: 10 } });
  }
  throw new Error(`${id} did not become ${state}`);
}

/** A delete of a row that does not exist is refused with 404 before anything begins: a read of whether it is there. */
async function rowExists(client: Client, nodeId: string, key: string): Promise<boolean> {
  try {
    const begun = await client.transactions.beginDistributedTransaction({
      beginDistributedTransactionRequest: { participants: [{ nodeId, writes: [{ op: RowWriteOpEnum.Delete, table: 'accounts', key }] }] },
    });
    await client.transactions.rollbackDistributedTransaction({ id: begun.data.transactionId });
    return true;
  } catch (error) {
    if (error instanceof ResponseError && error.response.status === 404) return false;
    throw error;
  }
}

const put = (key: string, balance: number) => [{ op: RowWriteOpEnum.Put, table: 'accounts', key, row: { balance } }];

let dataDir: string;
let server: ServerProcess;
let client: Client;
let committedId: string;
let inDoubtId: string;
let statisticsBefore: { committed: number; commitSamples: number; latencySince: Date };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rustydb-e2e-transactions-'));
  server = await startServerProcess({ dataDir, adminKey: E2E_ADMIN_KEY });
  client = clientFor(server.baseUrl);
  await client.simulation.advanceClock({ advanceRequest: { ms: CLUSTER_FORMED_MS } });
  // Every node but the primary is a hot standby: detached, node-3 and node-4 take writes too.
  await client.replication.removeReplica({ id: 'node-3' });
  await client.replication.removeReplica({ id: 'node-4' });
}, 60_000);

afterAll(async () => {
  if (server) await stopServerProcess(server, 'SIGKILL').catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('distributed transactions across SIGKILL', () => {
  test('before the kill: one transaction committed, another in doubt with its coordinator crashed after PREPARE', async () => {
    const committed = await client.transactions.beginDistributedTransaction({
      beginDistributedTransactionRequest: { participants: [{ nodeId: 'node-1', writes: put('durable-1', 10) }, { nodeId: 'node-3', writes: put('durable-2', 20) }] },
    });
    committedId = committed.data.transactionId;
    await client.transactions.commitDistributedTransaction({ id: committedId });
    await advanceUntil(client, committedId, DistributedTransactionState.Committed);
    expect(await rowExists(client, 'node-3', 'durable-2')).toBe(true);

    const doubtful = await client.transactions.beginDistributedTransaction({
      beginDistributedTransactionRequest: { participants: [{ nodeId: 'node-1', writes: put('doubt-1', 30) }, { nodeId: 'node-3', writes: put('doubt-2', 40) }], coordinatorNodeId: 'node-4' },
    });
    inDoubtId = doubtful.data.transactionId;
    await client.transactions.prepareDistributedTransaction({ id: inDoubtId });
    await advanceUntil(client, inDoubtId, DistributedTransactionState.Prepared);
    await client.simulation.injectFault({ faultRequest: { type: FaultType.Crash, nodes: new Set(['node-4']) } });
    await advanceUntil(client, inDoubtId, DistributedTransactionState.InDoubt);
    const statistics = (await client.transactions.getDistributedTransactionStatistics()).data;
    statisticsBefore = { committed: statistics.committed, commitSamples: statistics.commitLatency.samples, latencySince: statistics.latencySince };
    expect(statisticsBefore.commitSamples).toBeGreaterThan(0);
  }, 60_000);

  test('after SIGKILL and a restart on the same data dir: the committed one is committed with its rows, the other still in doubt with its locks', async () => {
    const killed = await stopServerProcess(server, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    server = await startServerProcess({ dataDir, adminKey: E2E_ADMIN_KEY });
    client = clientFor(server.baseUrl);

    const committed = (await client.transactions.getDistributedTransactionStatus({ id: committedId })).data;
    expect(committed).toMatchObject({ state: DistributedTransactionState.Committed, decision: 'COMMIT' });
    expect(await rowExists(client, 'node-1', 'durable-1')).toBe(true);
    expect(await rowExists(client, 'node-3', 'durable-2')).toBe(true);
    // The counters are stored; the latency windows are not, and say they began with this server.
    const statistics = (await client.transactions.getDistributedTransactionStatistics()).data;
    expect(statistics.committed).toBe(statisticsBefore.committed);
    expect(statistics.commitLatency.samples).toBe(0);
    expect(statistics.latencySince.getTime()).toBeGreaterThan(statisticsBefore.latencySince.getTime());

    // Time passes after the restart: the crashed coordinator is still down, and no peer knows the decision.
    await client.simulation.advanceClock({ advanceRequest: { ms: 2000 } });
    const inDoubt = (await client.transactions.listInDoubtTransactions({})).data;
    expect(inDoubt).toEqual([
      expect.objectContaining({
        transactionId: inDoubtId,
        coordinatorNodeId: 'node-4',
        coordinatorReachable: false,
        coordinatorLog: null,
        locks: [
          { nodeId: 'node-1', table: 'accounts', key: 'doubt-1' },
          { nodeId: 'node-3', table: 'accounts', key: 'doubt-2' },
        ],
      }),
    ]);
    expect(inDoubt[0]!.transaction.state).toBe(DistributedTransactionState.InDoubt);
    expect(await rowExists(client, 'node-1', 'doubt-1')).toBe(false);
  }, 60_000);
});
