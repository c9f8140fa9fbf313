import { cpuUsage } from 'node:process';
import { ApplyEngine } from '../src/engines/apply/apply-engine.js';
import type { DecodedTransaction } from '../src/engines/apply/apply-types.js';
import { StorageApplyTarget } from '../src/engines/apply/storage-apply-target.js';
import type { DecodedChange } from '../src/engines/replication/logical-decoding.js';
import { SeededRng } from '../src/engines/runtime/rng.js';
import { journaledCluster } from './journaled-cluster.js';
import { fixed, median, row } from './stats.js';

/**
 * `npm run bench -- logical` (the apply engine's part): applied transactions per CPU second with
 * 1, 4 and 8 workers, on a workload where 10 % of the transactions rewrite a row a recent one
 * wrote (so they wait for it), against 1 worker measured in the same run. The target is a
 * standalone node's storage, mirrored into SQLite in memory through the journal as the server
 * does. Two speed-ups, labelled: in cluster time (the workers' apply cost is on the cluster clock,
 * so N workers do N times the work in the same cluster time, less what dependencies serialize),
 * and in CPU time (the engine runs in this one thread: more workers do not make a transaction
 * cheaper to apply, so this ratio stays near 1 and says what the scheduling costs).
 */
export interface ParallelApplySettings {
  transactions: number;
  changesPerTransaction: number;
  /** Share of transactions that rewrite a row one of the last `dependencyWindow` transactions wrote. */
  dependentShare: number;
  dependencyWindow: number;
  parallelisms: readonly number[];
  rounds: number;
  /** Cluster ms per clock step; the journal is committed after each, as the server's driver does. */
  stepMs: number;
}

export const PARALLEL_APPLY: ParallelApplySettings = {
  transactions: 4000,
  changesPerTransaction: 2,
  dependentShare: 0.1,
  dependencyWindow: 50,
  parallelisms: [1, 4, 8],
  rounds: 3,
  stepMs: 10,
};

const COLUMNS = [12, 7, 22, 18, 14];

/** The workload, in commit order, with consecutive LSNs. */
export function applyWorkload(settings: ParallelApplySettings, seed = 11): DecodedTransaction[] {
  const rng = new SeededRng(seed);
  const transactions: DecodedTransaction[] = [];
  const keysOf: string[][] = [];
  let lsn = 0x1000000;
  for (let index = 0; index < settings.transactions; index += 1) {
    const dependent = index > 0 && rng.float() < settings.dependentShare;
    const keys = Array.from({ length: settings.changesPerTransaction }, (_, change) => `t${index}c${change}`);
    if (dependent) {
      const earlier = keysOf[Math.max(0, index - 1 - rng.int(0, Math.min(index, settings.dependencyWindow)))]!;
      keys[0] = earlier[0]!;
    }
    keysOf.push(keys);
    const changes: DecodedChange[] = keys.map((key, change) => ({
      lsn,
      endLsn: lsn + 200,
      commitTimeMs: index,
      timeline: 1,
      op: 'update',
      table: 'bench',
      key,
      row: { key, amount: index * 10 + change, note: 'parallel apply bench' },
    }));
    transactions.push({ xid: index + 1, lsn, commitLsn: lsn + 200, commitTimeMs: index, origin: null, changes });
    lsn += 200;
  }
  return transactions;
}

interface ApplyRun {
  clusterMs: number;
  cpuSeconds: number;
  averageBusyWorkers: number;
}

async function measureParallelApply(parallelism: number, workload: readonly DecodedTransaction[], settings: ParallelApplySettings): Promise<ApplyRun> {
  const { store, journal, runtime, replication } = await journaledCluster(['node-1', 'node-2']);
  const engine = new ApplyEngine({
    clock: runtime.clock,
    persistence: {
      saveConfig: (value) => journal.put('apply.config', 'current', value),
      saveApplier: (record) => journal.put('apply.applier', record.subscriptionId, record),
      deleteApplier: (subscriptionId) => journal.delete('apply.applier', subscriptionId),
    },
  });
  engine.configure({ applyParallelism: parallelism, batchMaxTransactions: 10 });
  const applier = engine.applierFor('bench', new StorageApplyTarget(replication, 'node-2'));
  const startMs = runtime.clock.now();
  const cpuBefore = cpuUsage();
  applier.enqueue(workload);
  while (applier.status().queuedTransactions > 0) {
    runtime.clock.advance(settings.stepMs);
    await journal.flush();
  }
  const used = cpuUsage(cpuBefore);
  const { transactionsApplied, averageBusyWorkers } = engine.statistics();
  if (transactionsApplied !== workload.length) throw new Error(`applied ${transactionsApplied} of ${workload.length}`);
  const clusterMs = (applier.status().lastAppliedAtMs ?? startMs) - startMs;
  engine.close();
  replication.close();
  await store.close();
  return { clusterMs, cpuSeconds: (used.user + used.system) / 1e6, averageBusyWorkers };
}

export async function benchParallelApply(settings: ParallelApplySettings = PARALLEL_APPLY): Promise<void> {
  const workload = applyWorkload(settings);
  console.log(
    `Parallel apply: ${settings.transactions} transactions of ${settings.changesPerTransaction} row changes, ${settings.dependentShare * 100} % rewriting a row of one of the last ${settings.dependencyWindow}; ` +
      `workers ${settings.parallelisms.join(', ')}; ${settings.rounds} rounds in rotated order (median); target: a standalone node's storage, journaled to SQLite in memory`,
  );
  await measureParallelApply(settings.parallelisms[0]!, workload.slice(0, 500), settings); // warm-up
  const runs = new Map<number, ApplyRun[]>(settings.parallelisms.map((parallelism) => [parallelism, []]));
  console.log(row(['workers', 'round', 'applied/cpu s', 'cluster ms', 'busy workers'], COLUMNS));
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = settings.parallelisms.map((_, index) => settings.parallelisms[(index + round) % settings.parallelisms.length]!);
    for (const parallelism of order) {
      const run = await measureParallelApply(parallelism, workload, settings);
      runs.get(parallelism)!.push(run);
      console.log(row([String(parallelism), String(round + 1), fixed(workload.length / run.cpuSeconds, 0), fixed(run.clusterMs, 0), fixed(run.averageBusyWorkers, 2)], COLUMNS));
    }
  }
  const baseline = settings.parallelisms[0]!;
  const medianOf = (parallelism: number, pick: (run: ApplyRun) => number) => median(runs.get(parallelism)!.map(pick));
  const baseClusterMs = medianOf(baseline, (run) => run.clusterMs);
  const basePerCpu = medianOf(baseline, (run) => workload.length / run.cpuSeconds);
  for (const parallelism of settings.parallelisms) {
    const perCpu = medianOf(parallelism, (run) => workload.length / run.cpuSeconds);
    const clusterMs = medianOf(parallelism, (run) => run.clusterMs);
    console.log(
      `${parallelism} worker(s): ${fixed(perCpu, 0)} applied transactions per CPU second (${fixed(perCpu / basePerCpu, 2)} of 1 worker's: CPU time, one thread); ` +
        `${fixed(clusterMs, 0)} ms of cluster time, a speed-up of ${fixed(baseClusterMs / clusterMs, 2)} in cluster time`,
    );
  }
}
