import { cpuUsage } from 'node:process';
import { decodeTransactions } from '../src/engines/replication/logical-decoding.js';
import { compilePublication, publishChange, validatePublication } from '../src/engines/logical/publication.js';
import { DEFAULT_LOGICAL_CONFIG } from '../src/engines/logical/logical-config.js';
import type { WalRecord } from '../src/engines/replication/wal-record.js';
import { journaledCluster } from './journaled-cluster.js';
import { fixed, median, row } from './stats.js';
import { benchParallelApply } from './apply.js';

/**
 * `npm run bench -- logical`: logical decoding of the replication engine's WAL, in decoded changes
 * per CPU second, raw (pgoutput without a publication) and through a publication with a row
 * filter, a column list and two masks, against raw decoding measured in the same run (and the
 * bare read of the same WAL records, for scale). The apply engine adds its parallel-apply figures to this section
 * (`LOGICAL_BENCHES`).
 */
export interface DecodingSettings {
  /** Transactions written before measuring. */
  transactions: number;
  /** Row changes per transaction. */
  changesPerTransaction: number;
  /** Passes over the WAL per round, and rounds (the median is reported). */
  passes: number;
  rounds: number;
}

export const DECODING: DecodingSettings = { transactions: 5000, changesPerTransaction: 4, passes: 5, rounds: 7 };
const COLUMNS = [28, 8, 20, 12];

function cpuSecondsOf(work: () => void): number {
  const before = cpuUsage();
  work();
  const used = cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/** Writes the workload on a journaled cluster and returns its WAL records. */
async function walOf(settings: DecodingSettings): Promise<readonly WalRecord[]> {
  const { store, journal, replication } = await journaledCluster(['node-1']);
  for (let index = 0; index < settings.transactions; index += 1) {
    replication.commit(
      Array.from({ length: settings.changesPerTransaction }, (_, change) => ({
        op: 'put' as const,
        table: change % 2 === 0 ? 'customers' : 'orders',
        key: `k${(index * settings.changesPerTransaction + change) % 20_000}`,
        row: { name: `customer ${index}`, card: `4111${String(index).padStart(12, '0')}`, region: index % 3 === 0 ? 'eu' : 'us', total: index },
      })),
    );
  }
  await journal.flush();
  const records = replication.storageOf('node-1').walRecords();
  replication.close();
  await store.close();
  return records;
}

export async function benchLogicalDecoding(settings: DecodingSettings = DECODING): Promise<void> {
  console.log(
    `Logical decoding: ${settings.transactions} transactions of ${settings.changesPerTransaction} row changes, ${settings.passes} passes a round, ${settings.rounds} rounds (median)`,
  );
  const records = await walOf(settings);
  const changes = settings.transactions * settings.changesPerTransaction;
  const publication = compilePublication(
    validatePublication(
      {
        tables: [{ table: 'customers', rowFilter: "region = 'eu'", columns: ['name', 'card', 'region'], masks: [{ column: 'card', kind: 'PARTIAL', keepLast: 4 }, { column: 'name', kind: 'HASH' }] }, 'orders'],
      },
      { name: 'bench', nodeId: 'node-1', nowMs: 0 },
      DEFAULT_LOGICAL_CONFIG,
      () => null,
    ),
  );
  let sink = 0;
  const variants: [string, () => void][] = [
    ['read the WAL (baseline)', () => records.forEach((record) => (sink += record.change.changes.length))],
    ['decode (pgoutput)', () => decodeTransactions(records).forEach((transaction) => (sink += transaction.changes.length))],
    [
      'decode + publication',
      () => decodeTransactions(records).forEach((transaction) => transaction.changes.forEach((change) => (sink += publishChange(publication, change) === null ? 0 : 1))),
    ],
  ];
  const perCpuSecond = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  for (const [, work] of variants) work(); // warm-up
  console.log(row(['variant', 'round', 'changes/cpu s', 'cpu ms'], COLUMNS));
  for (let round = 0; round < settings.rounds; round += 1) {
    for (const [name, work] of variants) {
      const seconds = cpuSecondsOf(() => {
        for (let pass = 0; pass < settings.passes; pass += 1) work();
      });
      const rate = (changes * settings.passes) / Math.max(seconds, 1e-6);
      perCpuSecond.get(name)!.push(rate);
      console.log(row([name, String(round + 1), fixed(rate, 0), fixed(seconds * 1000, 1)], COLUMNS));
    }
  }
  const raw = median(perCpuSecond.get('decode (pgoutput)')!);
  const published = median(perCpuSecond.get('decode + publication')!);
  console.log(`decoded changes per CPU second: ${fixed(raw, 0)} raw (pgoutput), ${fixed(published, 0)} through the publication (filter, column list, two masks)`);
  console.log(`publication / raw decoding: ${fixed(published / raw, 3)}; reading the WAL alone: ${fixed(median(perCpuSecond.get('read the WAL (baseline)')!), 0)} changes per CPU second`);
  if (sink < 0) console.log(sink);
}

/** The logical section's benches, in order; the apply engine adds its parallel-apply figures here. */
export const LOGICAL_BENCHES: (() => Promise<void>)[] = [() => benchLogicalDecoding(), () => benchParallelApply()];

export async function benchLogical(): Promise<void> {
  for (const [index, bench] of LOGICAL_BENCHES.entries()) {
    if (index > 0) console.log('');
    await bench();
  }
}
