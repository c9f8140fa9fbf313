import { captureBody } from './http-targets.js';
import { forkTarget, type ForkedTarget } from './http-target-process.js';
import { runAlternatingLoad, type LoadSettings, type LoadTurn } from './http-bench.js';
import { fixed, median, row, verdictAtLeast, verdictAtMost } from './stats.js';
import { loadContracts, runAlternatingValidation, type ValidationSettings, type ValidationTurn } from './validation-bench.js';
import { measureCluster, type ScaleMeasurement, type ScaleSettings } from './cluster-scale.js';
import { measureReplication, type ReplicationMeasurement, type ReplicationSettings } from './replication-scale.js';
import { measureFanout, type FanoutPhase, type FanoutSettings } from './stream-fanout.js';
import { measureScrape, type ScrapeMeasurement, type ScrapeSettings } from './scrape-scale.js';
import { measureTransactions, type TransactionsMeasurement, type TransactionsSettings } from './transactions.js';
import { measureRebalanceCopy, type RebalanceCopySettings } from './sharding.js';
import { measureRouting, ROUTE_STRATEGY_NAMES, type RouteSettings } from './shard-routing.js';
import { describeScatterLayout, measureScatterGather, SCATTER_QUERIES, type ScatterSettings } from './scatter-gather.js';
import { benchLogical } from './logical.js';
import { benchMultiMaster } from './multimaster.js';

/**
 * `npm run bench`: what the platform costs per request compared with bare express, and whether
 * request validation gets slower as the contract grows. It reports and never asserts: the exit
 * code is 0 whatever the numbers, 1 only when the bench itself crashed (see bench/README.md).
 */

/** 15 short rounds × 2 targets × (1 s + 2 s) = 90 s of load: on a noisy machine a median over many short, interleaved turns is steadier than a few long ones. */
const LOAD: LoadSettings = { rounds: 15, initialWarmupSeconds: 3, warmupSeconds: 1, measureSeconds: 2, connections: 10 };
/** Each round is 200 000 calls (some 20 ms of CPU, well above the clock's resolution); a median of 9 shrugs off a few disturbed turns. */
const VALIDATION: ValidationSettings = { rounds: 9, iterations: 200_000, warmupIterations: 2_000 };
/** Full stack must keep at least this share of bare express's throughput: its serializers and request path must win back what the platform adds. */
const THROUGHPUT_RATIO_TARGET = 1.0;
/** GraphQL's clusterNodes(limit: 50), every field, must serve at least this share of the REST call's requests/s. */
const GRAPHQL_RATIO_TARGET = 0.5;
/** Validation on the full contract may be this much slower than on the small one and count as equal. */
const VALIDATION_RATIO_TOLERANCE = 0.1;

/** The cluster at scale, against a 5-node baseline measured in the same run. */
const SCALE: ScaleSettings = { idleSeconds: 5, latencySeconds: 5, crashRounds: 3, leaderTimeoutMs: 60_000 };
const SCALE_BASELINE_NODES = 5;
const SCALE_NODES = 1000;
const SCALE_COLUMNS = [8, 12, 10, 9, 9, 16, 16];

/** Replication at the seed's 100 streams, against the default cluster's 4 standbys in the same run. */
const REPLICATION: ReplicationSettings = { clusterSeconds: 20, writesPerSecond: 200 };
const REPLICATION_BASELINE_REPLICAS = 4;
const REPLICATION_REPLICAS = 100;
const REPLICATION_COLUMNS = [9, 14, 16, 10, 14, 12];

/** The event stream's fan-out: 1000 subscribers against 10 in the same run, under the default workload. */
const FANOUT: FanoutSettings = { small: 10, large: 1000, seconds: 20, settleSeconds: 3 };
/** p99 from an event's time to its arrival at a subscriber, at 1000 subscribers. */
const FANOUT_P99_TARGET_MS = 100;
const FANOUT_COLUMNS = [11, 7, 11, 7, 7, 7, 13, 14, 16, 13];
/** A Prometheus scrape at 1000 nodes against 5. */
const SCRAPE: ScrapeSettings = { scrapes: 9, warmUpClusterMs: 3000 };
const SCRAPE_BASELINE_NODES = 5;
const SCRAPE_NODES = 1000;
const SCRAPE_COLUMNS = [6, 8, 11, 12, 12];
/** Distributed transactions over 2, 3 and 5 participants, against 1 (a one-phase commit) in the same run. */
const TRANSACTIONS: TransactionsSettings = { transactions: 2000, concurrency: 16, stepMs: 1 };
const TRANSACTIONS_BASELINE_PARTICIPANTS = 1;
const TRANSACTIONS_PARTICIPANTS = [2, 3, 5];
/** Runs per participant count, in rotated order; the median is reported. */
const TRANSACTIONS_ROUNDS = 3;
const TRANSACTIONS_COLUMNS = [13, 6, 18, 15, 15];

/** Route decisions: 10k keys, 10 passes a turn (about 30–300 ms of CPU: shorter turns moved 2× on the shared machine), 9 rounds after a warm-up. */
const ROUTING: RouteSettings = { keys: 10_000, passes: 10, rounds: 9 };
const ROUTING_COLUMNS = [17, 16, 18, 8];
/** Scatter-gather: 20k rows in each table, one shard as the baseline. */
const SCATTER: ScatterSettings = { rows: 20_000, shardCounts: [1, 4, 32], queriesPerTurn: 5, rounds: 7 };
const SCATTER_COLUMNS = [8, 11, 7, 13, 10, 13, 10, 14];
/** Rebalance copy throughput at 10k and 100k rows: a high throttle, so the CPU is what is measured. */
const REBALANCE_COPY: RebalanceCopySettings = { copyRateBytesPerSecond: 64 * 1_048_576, tickMs: 100 };
const REBALANCE_COPY_ROWS = [10_000, 100_000];
const REBALANCE_COPY_COLUMNS = [9, 16, 19, 8, 12];

/** Sections by name: `npm run bench -- cluster` runs one; no argument runs them all. */
const SECTIONS: Record<string, () => Promise<void>> = {
  http: benchHttp,
  graphql: benchGraphql,
  validation: benchValidation,
  cluster: benchCluster,
  replication: benchReplication,
  streams: benchStreams,
  transactions: benchTransactions,
  sharding: benchSharding,
  logical: benchLogical,
  multimaster: benchMultiMaster,
};

/** Latencies print as whole ms: autocannon's histogram resolves 1 ms, decimals would be noise. */
const LOAD_COLUMNS = [14, 7, 9, 8, 8, 12];
const VALIDATION_COLUMNS = [18, 7, 11];

async function main(): Promise<void> {
  console.log(`RustyDB API bench (node ${process.version}, pid ${process.pid})\n`);
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) throw new Error(`unknown bench section(s) ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}`);
  const names = wanted.length > 0 ? wanted : Object.keys(SECTIONS);
  for (const [index, name] of names.entries()) {
    if (index > 0) console.log('');
    await SECTIONS[name]!();
  }
}

async function benchCluster(): Promise<void> {
  console.log(
    `Cluster at scale, realtime clock: ${SCALE_NODES} nodes against ${SCALE_BASELINE_NODES} in the same run; ` +
      `idle CPU over ${SCALE.idleSeconds} s, GET /api/v1/cluster/nodes?limit=100 on 1 connection for ${SCALE.latencySeconds} s, ` +
      `${SCALE.crashRounds} leader crashes`,
  );
  console.log(row(['nodes', 'tick CPU %', 'mean ms', 'p99 ms', '1st ldr ms', 'election wall ms', 'failover clk ms'], SCALE_COLUMNS));
  const baseline = await measureCluster(SCALE_BASELINE_NODES, SCALE);
  printScale(baseline);
  const large = await measureCluster(SCALE_NODES, SCALE);
  printScale(large);
  console.log(`tick CPU share at ${SCALE_NODES} nodes: ${fixed(large.tickCpuShare * 100, 1)} % of one core (${fixed(large.tickCpuShare / baseline.tickCpuShare, 1)}× the ${SCALE_BASELINE_NODES}-node cluster)`);
  console.log(`node-list latency ratio ${SCALE_NODES} / ${SCALE_BASELINE_NODES} nodes (mean): ${fixed(large.latencyMeanMs / baseline.latencyMeanMs, 2)}`);
  console.log(
    `election after a leader crash, median wall ms: ${fixed(median(large.electionWallMs), 0)} at ${SCALE_NODES} nodes vs ${fixed(median(baseline.electionWallMs), 0)} ` +
      `(ratio ${fixed(median(large.electionWallMs) / median(baseline.electionWallMs), 2)}); the election timeout is randomized in [1000, 2000) ms of cluster time`,
  );
}

async function benchReplication(): Promise<void> {
  console.log(
    `Replication: ${REPLICATION_REPLICAS} standbys against ${REPLICATION_BASELINE_REPLICAS} in the same run, ASYNCHRONOUS, ` +
      `${REPLICATION.writesPerSecond} writes/s for ${REPLICATION.clusterSeconds} s of cluster time, run as fast as the CPU allows`,
  );
  console.log(row(['replicas', 'WAL B/clk s', 'shipped MB/cpu s', 'CPU %', 'p99 replay ms', 'p99 lag B'], REPLICATION_COLUMNS));
  const baseline = await measureReplication(REPLICATION_BASELINE_REPLICAS, REPLICATION);
  printReplication(baseline);
  const large = await measureReplication(REPLICATION_REPLICAS, REPLICATION);
  printReplication(large);
  console.log(
    `CPU share at ${REPLICATION_REPLICAS} streams: ${fixed(large.cpuShare * 100, 1)} % of one core to keep up in real time ` +
      `(${fixed(large.cpuShare / baseline.cpuShare, 1)}× the ${REPLICATION_BASELINE_REPLICAS}-stream cluster; ${fixed(REPLICATION_REPLICAS / REPLICATION_BASELINE_REPLICAS, 0)}× the streams)`,
  );
  console.log(`WAL shipped per CPU second, ratio ${REPLICATION_REPLICAS} / ${REPLICATION_BASELINE_REPLICAS} streams: ${fixed(large.shippedBytesPerCpuSecond / baseline.shippedBytesPerCpuSecond, 2)}`);
  console.log(`p99 replay lag: ${fixed(large.replayLagP99Ms, 0)} ms at ${REPLICATION_REPLICAS} streams vs ${fixed(baseline.replayLagP99Ms, 0)} ms (cluster time)`);
}

async function benchStreams(): Promise<void> {
  console.log(
    `Streams: subscribers on /api/v1/ws/events of a server as npm start runs it (own process, realtime clock, default workload), ` +
      `${FANOUT.small}, then ${FANOUT.large}, then ${FANOUT.small} again, ${FANOUT.seconds} s each after ${FANOUT.settleSeconds} s to settle; ` +
      'latency = arrival (wall clock) − the event\'s time',
  );
  console.log(row(['subscribers', 'events', 'deliveries', 'p50 ms', 'p99 ms', 'max ms', 'p99 first ms', 'p99 spread ms', 'server CPU ms/s', 'µs CPU/event'], FANOUT_COLUMNS));
  const [small, large, smallAgain] = await measureFanout(FANOUT, printFanout);
  const baselineP99 = Math.max(small!.latencyP99Ms, smallAgain!.latencyP99Ms);
  console.log(
    `p99 event-to-delivery at ${FANOUT.large} subscribers: ${fixed(large!.latencyP99Ms, 0)} ms (target < ${FANOUT_P99_TARGET_MS} ms) ${large!.latencyP99Ms < FANOUT_P99_TARGET_MS ? 'PASS' : 'BELOW TARGET'}; ` +
      `at ${FANOUT.small}: ${fixed(small!.latencyP99Ms, 0)} and ${fixed(smallAgain!.latencyP99Ms, 0)} ms (ratio ${fixed(large!.latencyP99Ms / baselineP99, 2)} against the larger)`,
  );
  // What the extra subscribers cost: the cluster's own ticks are in both phases and cancel out.
  const cpuRate = (phase: FanoutPhase) => phase.serverCpuMicros / phase.seconds;
  const deliveryRate = (phase: FanoutPhase) => phase.serverDelivered / phase.seconds;
  const marginal = (cpuRate(large!) - cpuRate(small!)) / (deliveryRate(large!) - deliveryRate(small!));
  console.log(`server CPU per delivered event: ${fixed(marginal, 1)} µs (the ${FANOUT.large}-subscriber phase's CPU and deliveries beyond the first ${FANOUT.small}-subscriber phase's)`);

  console.log('');
  console.log(`Prometheus scrape (the metrics service's text, no HTTP, manual clock after ${SCRAPE.warmUpClusterMs} ms): ${SCRAPE_NODES} nodes against ${SCRAPE_BASELINE_NODES}, median of ${SCRAPE.scrapes} scrapes`);
  console.log(row(['nodes', 'series', 'bytes', 'cpu ms', 'wall ms'], SCRAPE_COLUMNS));
  const scrapeBaseline = await measureScrape(SCRAPE_BASELINE_NODES, SCRAPE);
  printScrape(scrapeBaseline);
  const scrapeLarge = await measureScrape(SCRAPE_NODES, SCRAPE);
  printScrape(scrapeLarge);
  console.log(
    `scrape cost ratio ${SCRAPE_NODES} / ${SCRAPE_BASELINE_NODES} nodes: ${fixed(scrapeLarge.cpuMs / scrapeBaseline.cpuMs, 1)}× the CPU for ${fixed(scrapeLarge.series / scrapeBaseline.series, 1)}× the series ` +
      `(${fixed((scrapeLarge.cpuMs * 1000) / scrapeLarge.series, 1)} µs per series at ${SCRAPE_NODES} nodes)`,
  );
}

function printFanout(phase: FanoutPhase): void {
  console.log(
    row(
      [
        String(phase.subscribers),
        String(phase.events),
        String(phase.deliveries),
        fixed(phase.latencyP50Ms, 0),
        fixed(phase.latencyP99Ms, 0),
        fixed(phase.latencyMaxMs, 0),
        fixed(phase.firstArrivalP99Ms, 0),
        fixed(phase.spreadP99Ms, 0),
        fixed(phase.serverCpuMicros / 1000 / phase.seconds, 1),
        fixed(phase.serverCpuMicros / Math.max(1, phase.serverDelivered), 1),
      ],
      FANOUT_COLUMNS,
    ),
  );
}

function printScrape(measurement: ScrapeMeasurement): void {
  console.log(row([String(measurement.nodes), String(measurement.series), String(measurement.bytes), fixed(measurement.cpuMs, 2), fixed(measurement.wallMs, 2)], SCRAPE_COLUMNS));
}

async function benchTransactions(): Promise<void> {
  const counts = [TRANSACTIONS_BASELINE_PARTICIPANTS, ...TRANSACTIONS_PARTICIPANTS];
  console.log(
    `Distributed transactions: ${TRANSACTIONS.transactions} committed per run, ${TRANSACTIONS.concurrency} in flight, one row per participant, ` +
      `over ${counts.join(', ')} participants (1 commits in one phase), ${TRANSACTIONS_ROUNDS} rounds in rotated order, run as fast as the CPU allows`,
  );
  // The JIT's first compilations would land on whichever count runs first.
  await measureTransactions(TRANSACTIONS_PARTICIPANTS.at(-1)!, { ...TRANSACTIONS, transactions: TRANSACTIONS.transactions / 4 });
  console.log(row(['participants', 'round', 'committed/cpu s', 'p50 commit ms', 'p99 commit ms'], TRANSACTIONS_COLUMNS));
  const runs = new Map<number, TransactionsMeasurement[]>(counts.map((count) => [count, []]));
  for (let round = 0; round < TRANSACTIONS_ROUNDS; round += 1) {
    // Each round starts with another count, so a slow patch of the machine does not always land on the same one.
    const order = [...counts.slice(round % counts.length), ...counts.slice(0, round % counts.length)];
    for (const count of order) {
      const measurement = await measureTransactions(count, TRANSACTIONS);
      runs.get(count)!.push(measurement);
      printTransactions(measurement, String(round + 1));
    }
  }
  const perCpuSecond = (count: number) => median(runs.get(count)!.map((run) => run.committedPerCpuSecond));
  const p99 = (count: number) => median(runs.get(count)!.map((run) => run.commitLatencyP99Ms));
  const baseline = perCpuSecond(TRANSACTIONS_BASELINE_PARTICIPANTS);
  console.log(`medians: ${counts.map((count) => `${count} → ${fixed(perCpuSecond(count), 0)}/cpu s, p99 ${fixed(p99(count), 0)} ms`).join('; ')}`);
  for (const count of TRANSACTIONS_PARTICIPANTS) {
    console.log(
      `committed per CPU second, ${count} / ${TRANSACTIONS_BASELINE_PARTICIPANTS} participant: ${fixed(perCpuSecond(count) / baseline, 2)}; ` +
        `p99 commit latency ${fixed(p99(count), 0)} ms vs ${fixed(p99(TRANSACTIONS_BASELINE_PARTICIPANTS), 0)} ms (cluster time)`,
    );
  }
}

function printTransactions(measurement: TransactionsMeasurement, round: string): void {
  console.log(
    row(
      [String(measurement.participants), round, fixed(measurement.committedPerCpuSecond, 0), fixed(measurement.commitLatencyP50Ms, 0), fixed(measurement.commitLatencyP99Ms, 0)],
      TRANSACTIONS_COLUMNS,
    ),
  );
}

function printReplication(measurement: ReplicationMeasurement): void {
  console.log(
    row(
      [
        String(measurement.replicas),
        fixed(measurement.walBytesPerClusterSecond, 0),
        fixed(measurement.shippedBytesPerCpuSecond / 1e6, 2),
        fixed(measurement.cpuShare * 100, 1),
        fixed(measurement.replayLagP99Ms, 0),
        fixed(measurement.lagBytesP99, 0),
      ],
      REPLICATION_COLUMNS,
    ),
  );
}

function printScale(measurement: ScaleMeasurement): void {
  console.log(
    row(
      [
        String(measurement.nodes),
        fixed(measurement.tickCpuShare * 100, 1),
        fixed(measurement.latencyMeanMs, 2),
        fixed(measurement.latencyP99Ms, 0),
        fixed(measurement.firstLeaderMs, 0),
        measurement.electionWallMs.map((ms) => fixed(ms, 0)).join('/'),
        measurement.failoverClusterMs.map((ms) => fixed(ms, 0)).join('/'),
      ],
      SCALE_COLUMNS,
    ),
  );
}

async function benchHttp(): Promise<void> {
  const fullStack = await forkTarget({ kind: 'full stack' });
  const bareExpress = await forkTarget({ kind: 'bare express', body: await captureBody(fullStack) });
  await comparePair(
    `HTTP: GET /api/v1/cluster/nodes?limit=50 (50 nodes), ${LOAD.connections} connections, ${LOAD.rounds} rounds × ${LOAD.measureSeconds} s after ${LOAD.warmupSeconds} s warm-up (and ${LOAD.initialWarmupSeconds} s for each target before the first)`,
    fullStack,
    bareExpress,
    THROUGHPUT_RATIO_TARGET,
  );
}

/** The same 50 nodes with every field over GraphQL and over REST, each from a full stack in its own process. */
async function benchGraphql(): Promise<void> {
  const graphql = await forkTarget({ kind: 'graphql' });
  const rest = await forkTarget({ kind: 'full stack' });
  const answer = (await captureBody(graphql)) as { data?: { clusterNodes?: unknown[] }; errors?: unknown };
  if (answer.errors !== undefined || answer.data?.clusterNodes?.length !== 50) {
    await Promise.all([graphql.close(), rest.close()]);
    throw new Error(`the GraphQL query did not answer 50 nodes: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  await comparePair(
    `GraphQL: clusterNodes(limit: 50) with every field (POST /graphql) against REST GET /api/v1/cluster/nodes?limit=50, ${LOAD.connections} connections, ${LOAD.rounds} rounds × ${LOAD.measureSeconds} s after ${LOAD.warmupSeconds} s warm-up`,
    graphql,
    rest,
    GRAPHQL_RATIO_TARGET,
  );
}

/** Loads `measured` and `baseline` in alternating rounds, prints every turn and the ratios, then closes both. */
async function comparePair(title: string, measured: ForkedTarget, baseline: ForkedTarget, ratioTarget: number): Promise<void> {
  try {
    console.log(title);
    console.log(row(['target', 'round', 'req/s', 'p50 ms', 'p99 ms', 'cpu µs/req'], LOAD_COLUMNS));
    const turns = await runAlternatingLoad([measured, baseline], LOAD, printLoadTurn);
    reportLoad(turns, measured, baseline, ratioTarget);
  } finally {
    await measured.close();
    await baseline.close();
  }
}

function printLoadTurn(turn: LoadTurn): void {
  const failures = turn.failures > 0 ? `  ${turn.failures} non-2xx/errors: NOT A VALID MEASUREMENT` : '';
  console.log(
    row([turn.target, String(turn.round), fixed(turn.requestsPerSecond, 0), fixed(turn.latencyP50Ms, 0), fixed(turn.latencyP99Ms, 0), fixed(turn.cpuMicrosPerRequest, 1)], LOAD_COLUMNS) + failures,
  );
}

/** Medians per target, then `measured` against `baseline`: throughput ratios (median of pairs, best rounds) against `ratioTarget`, and CPU per request. */
function reportLoad(turns: readonly LoadTurn[], measured: ForkedTarget, baseline: ForkedTarget, ratioTarget: number): void {
  const full = summarizeTarget(turns, measured.name);
  const bare = summarizeTarget(turns, baseline.name);
  const versus = `${measured.name} / ${baseline.name}`;
  console.log('medians:');
  for (const summary of [full, bare]) {
    console.log(
      row([summary.target, '', fixed(summary.requestsPerSecond, 0), fixed(summary.latencyP50Ms, 0), fixed(summary.latencyP99Ms, 0), fixed(summary.cpuMicrosPerRequest, 1)], LOAD_COLUMNS),
    );
  }
  const ratio = medianPairedRatio(turns, measured.name, baseline.name, (turn) => turn.target, (turn) => turn.requestsPerSecond);
  if (full.failures + bare.failures > 0) console.log('WARNING: some answers were not 2xx (see the rounds above); the ratio below does not measure the real path.');
  console.log(`throughput ratio ${versus} (median of the rounds' ratios): ${fixed(ratio, 3)} (target ≥ ${ratioTarget}) ${verdictAtLeast(ratio, ratioTarget)}`);
  const best = bestRoundRatio(turns, measured.name, baseline.name);
  console.log(`throughput ratio of the best rounds (each target's fastest round): ${fixed(best, 3)} (target ≥ ${ratioTarget}) ${verdictAtLeast(best, ratioTarget)}`);
  const cpuRatio = medianPairedRatio(turns, baseline.name, measured.name, (turn) => turn.target, (turn) => turn.cpuMicrosPerRequest);
  console.log(`CPU per request ratio ${baseline.name} / ${measured.name} (median of the rounds' ratios): ${fixed(cpuRatio, 3)} (the same measure seen from the server's side)`);
  console.log(`per-request CPU ${measured.name} spends beyond ${baseline.name}: ${fixed(full.cpuMicrosPerRequest - bare.cpuMicrosPerRequest, 1)} µs (difference of the medians)`);
}

/**
 * Each target's fastest round against the other's. Interference from other processes only ever
 * slows a turn down, so the fastest turn is the one it touched least (the reasoning of Python's
 * timeit, which reports the minimum). On a quiet machine it agrees with the median of pairs;
 * on a busy one it is the steadier of the two.
 */
function bestRoundRatio(turns: readonly LoadTurn[], a: string, b: string): number {
  const fastest = (target: string) => Math.max(...turns.filter((turn) => turn.target === target).map((turn) => turn.requestsPerSecond));
  return fastest(a) / fastest(b);
}

/** Median of each measure over the target's rounds. */
function summarizeTarget(turns: readonly LoadTurn[], target: string): Omit<LoadTurn, 'round'> {
  const own = turns.filter((turn) => turn.target === target);
  return {
    target,
    requestsPerSecond: median(own.map((turn) => turn.requestsPerSecond)),
    latencyP50Ms: median(own.map((turn) => turn.latencyP50Ms)),
    latencyP99Ms: median(own.map((turn) => turn.latencyP99Ms)),
    cpuMicrosPerRequest: median(own.map((turn) => turn.cpuMicrosPerRequest)),
    failures: own.reduce((sum, turn) => sum + turn.failures, 0),
  };
}

async function benchValidation(): Promise<void> {
  const contracts = await loadContracts();
  const [large, small] = contracts;
  if (!large || !small) throw new Error('expected two contracts');
  console.log(
    `Validation: RequestValidator.validate('listClusterNodes'), ${VALIDATION.rounds} rounds × ${VALIDATION.iterations} calls, ` +
      `${large.name} (${large.operationCount} operations) vs ${small.name} (${small.operationCount} operations)`,
  );
  console.log(row(['contract', 'round', 'cpu µs/op'], VALIDATION_COLUMNS));
  const turns = runAlternatingValidation(contracts, VALIDATION, printValidationTurn);
  const largeMicros = medianMicros(turns, large.name);
  const smallMicros = medianMicros(turns, small.name);
  console.log('medians:');
  console.log(row([large.name, '', fixed(largeMicros, 2)], VALIDATION_COLUMNS));
  console.log(row([small.name, '', fixed(smallMicros, 2)], VALIDATION_COLUMNS));
  const ratio = medianPairedRatio(turns, large.name, small.name, (turn) => turn.contract, (turn) => turn.microsPerOp);
  console.log(`time ratio full / implemented-only (median of the rounds' ratios): ${fixed(ratio, 3)} (target ≤ ${1 + VALIDATION_RATIO_TOLERANCE}: not measurably slower) ${verdictAtMost(ratio, 1 + VALIDATION_RATIO_TOLERANCE)}`);
}

function printValidationTurn(turn: ValidationTurn): void {
  console.log(row([turn.contract, String(turn.round), fixed(turn.microsPerOp, 2)], VALIDATION_COLUMNS));
}

/**
 * The median over rounds of `measure(a) / measure(b)` within the same round. Both turns of a
 * round ran back to back, so a machine that speeds up or slows down during the run (shared
 * hosts do, by 50 % and more) shifts both alike and the paired ratio stays put, where the ratio
 * of two medians taken from different moments would not.
 */
function medianPairedRatio<Turn extends { round: number }>(
  turns: readonly Turn[],
  a: string,
  b: string,
  nameOf: (turn: Turn) => string,
  measure: (turn: Turn) => number,
): number {
  const rounds = [...new Set(turns.map((turn) => turn.round))];
  return median(
    rounds.map((round) => {
      const inRound = turns.filter((turn) => turn.round === round);
      const turnA = inRound.find((turn) => nameOf(turn) === a);
      const turnB = inRound.find((turn) => nameOf(turn) === b);
      if (!turnA || !turnB) throw new Error(`round ${round} lacks ${a} or ${b}`);
      return measure(turnA) / measure(turnB);
    }),
  );
}

function medianMicros(turns: readonly ValidationTurn[], contract: string): number {
  return median(turns.filter((turn) => turn.contract === contract).map((turn) => turn.microsPerOp));
}


async function benchSharding(): Promise<void> {
  benchRouting();
  benchScatterGather();
  await benchRebalanceCopy();
}

function benchRouting(): void {
  console.log(
    `Route decisions: ShardRouter.routeKey over ${ROUTING.keys} keys × ${ROUTING.passes} passes a turn, ${ROUTING.rounds} rounds (after a warm-up), ` +
      `against the bare DHT hash (MurmurHash3) of the same key texts in the same round`,
  );
  const turns = measureRouting(ROUTING);
  console.log(row(['strategy', 'routes/CPU s', 'bare hash/CPU s', 'ratio'], ROUTING_COLUMNS));
  for (const strategy of ROUTE_STRATEGY_NAMES) {
    const own = turns.filter((turn) => turn.strategy === strategy);
    const ratio = median(own.map((turn) => turn.routesPerCpuSecond / turn.baselinePerCpuSecond));
    console.log(
      row([strategy, fixed(median(own.map((turn) => turn.routesPerCpuSecond)), 0), fixed(median(own.map((turn) => turn.baselinePerCpuSecond)), 0), fixed(ratio, 3)], ROUTING_COLUMNS),
    );
  }
  console.log('(medians over the rounds; ratio: the median of each round\'s routes / bare hashes)');
}

function benchScatterGather(): void {
  console.log();
  console.log(
    `Scatter-gather: the distributed query executor, ${describeScatterLayout(SCATTER)}; ` +
      `${SCATTER.queriesPerTurn} queries a turn, ${SCATTER.rounds} rounds (after a warm-up), against ${SCATTER.shardCounts[0]} shard in the same run`,
  );
  const { turns, nodesUsed } = measureScatterGather(SCATTER);
  const baselineShards = SCATTER.shardCounts[0]!;
  console.log(row(['shards', 'query', 'nodes', 'cluster ms', 'ratio', 'CPU µs/query', 'ratio', 'rows scanned'], SCATTER_COLUMNS));
  for (const query of Object.keys(SCATTER_QUERIES)) {
    const baseline = turns.filter((turn) => turn.query === query && turn.shards === baselineShards);
    for (const shards of SCATTER.shardCounts) {
      const own = turns.filter((turn) => turn.query === query && turn.shards === shards);
      const clusterMs = median(own.map((turn) => turn.clusterMs));
      const cpuRatio = median(own.map((turn) => turn.cpuMicrosPerQuery / baseline.find((other) => other.round === turn.round)!.cpuMicrosPerQuery));
      console.log(
        row(
          [String(shards), query, String(nodesUsed.get(shards)), fixed(clusterMs, 0), fixed(clusterMs / median(baseline.map((turn) => turn.clusterMs)), 2), fixed(median(own.map((turn) => turn.cpuMicrosPerQuery)), 0), fixed(cpuRatio, 2), String(own[0]!.rowsScanned)],
          SCATTER_COLUMNS,
        ),
      );
    }
  }
  console.log(`(cluster ms: the executor's durationMs, the slowest fragment's round trip + scan at the default scanRowsPerMs; CPU ratio: the median of each round's ratio to ${baselineShards} shard)`);
}

async function benchRebalanceCopy(): Promise<void> {
  console.log();
  console.log(
    `Rebalance copy: one shard of ${REBALANCE_COPY_ROWS.join(' and ')} rows moved to another node by the move workflow (copy, catch-up, verify, switch, clean-up), ` +
      `journaled as the server does, against committing the same rows straight to a node in the same run`,
  );
  // The JIT's first compilations would land on the first size.
  await measureRebalanceCopy(2000, REBALANCE_COPY);
  console.log(row(['rows', 'moved rows/CPU s', 'direct rows/CPU s', 'ratio', 'cluster ms'], REBALANCE_COPY_COLUMNS));
  for (const rows of REBALANCE_COPY_ROWS) {
    const measured = await measureRebalanceCopy(rows, REBALANCE_COPY);
    console.log(
      row(
        [String(rows), fixed(measured.movedRowsPerCpuSecond, 0), fixed(measured.baselineRowsPerCpuSecond, 0), fixed(measured.movedRowsPerCpuSecond / measured.baselineRowsPerCpuSecond, 2), String(measured.clusterMs)],
        REBALANCE_COPY_COLUMNS,
      ),
    );
  }
}

main().then(
  // Open handles (autocannon workers, sqlite) must not keep a finished bench alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    // Numbers never fail the run, but a bench that could not run at all must not look green.
    process.exit(1);
  },
);
