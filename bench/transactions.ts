import { percentile } from '../src/engines/replication/lag-history.js';
import { TransactionsEngine } from '../src/engines/transactions/transactions-engine.js';
import { journaledCluster } from './journaled-cluster.js';

/** What one run of distributed transactions measured. */
export interface TransactionsMeasurement {
  participants: number;
  committed: number;
  /** Transactions committed per second of this process's CPU: what the engine can commit. */
  committedPerCpuSecond: number;
  /** From the commit call to COMMITTED, ms of cluster time. */
  commitLatencyP50Ms: number;
  commitLatencyP99Ms: number;
}

export interface TransactionsSettings {
  /** Transactions committed per run. */
  transactions: number;
  /** Transactions in flight at once (a closed loop: a new one begins as one commits). */
  concurrency: number;
  /** Cluster ms per clock step; the journal is committed after each, as the server's driver does. */
  stepMs: number;
}

/** Nodes of the cluster: node-1 the primary, the others outside the physical group, so all take writes. */
const NODE_IDS = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];

/**
 * The transactions engine on the replication engine's storage, as the server assembles them (the
 * store's journal mirroring every node into SQLite in memory, events on the bus): a closed loop of
 * `concurrency` transactions over the first `participants` nodes, each one row put per
 * participant on a key of its own (no lock waits), begun and committed at once. The virtual clock
 * runs as fast as the CPU allows; CPU time is compared with the transactions committed.
 */
export async function measureTransactions(participants: number, settings: TransactionsSettings): Promise<TransactionsMeasurement> {
  const { store, journal, runtime, bus, replication: cluster } = await journaledCluster(NODE_IDS);
  const engine = TransactionsEngine.create({ runtime, cluster, bus, journal });
  const nodeIds = NODE_IDS.slice(0, participants);
  const latencies: number[] = [];
  let begun = 0;
  let committed = 0;

  const run = async (): Promise<void> => {
    const number = begun++;
    const { transactionId } = engine.begin({
      participants: nodeIds.map((nodeId) => ({ nodeId, writes: [{ op: 'put', table: 'bench', key: `k-${number}`, row: { n: number } }] })),
    });
    const committedAtMs = runtime.clock.now();
    engine.commit(transactionId);
    const settled = await engine.settled(transactionId, ['COMMITTED', 'ABORTED']);
    if (settled.state !== 'COMMITTED') throw new Error(`${transactionId} ended ${settled.state}: ${settled.reason ?? ''}`);
    latencies.push(runtime.clock.now() - committedAtMs);
    committed += 1;
  };

  const cpuBefore = process.cpuUsage();
  const inFlight = new Set<Promise<void>>();
  while (committed < settings.transactions) {
    while (inFlight.size < settings.concurrency && begun < settings.transactions) {
      const transaction = run().finally(() => inFlight.delete(transaction));
      inFlight.add(transaction);
    }
    runtime.clock.advance(settings.stepMs);
    await journal.flush();
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  engine.close();
  cluster.close();
  await journal.flush();
  bus.close();
  await store.close();
  return {
    participants,
    committed,
    committedPerCpuSecond: committed / cpuSeconds,
    commitLatencyP50Ms: percentile(latencies, 50) ?? 0,
    commitLatencyP99Ms: percentile(latencies, 99) ?? 0,
  };
}
