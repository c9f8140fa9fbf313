import autocannon, { type Result } from 'autocannon';
import type { ForkedTarget } from './http-target-process.js';

export interface LoadSettings {
  rounds: number;
  /** Load on each target before the first round. */
  initialWarmupSeconds: number;
  /** Load on a target right before each of its measured turns. */
  warmupSeconds: number;
  measureSeconds: number;
  connections: number;
}

/** One measured turn of one target. */
export interface LoadTurn {
  round: number;
  target: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /**
   * CPU time the target's process spent per answered request. Unlike requests/s it hardly
   * depends on what else the machine runs at the time, so it is the steadier view of the cost.
   */
  cpuMicrosPerRequest: number;
  /** Non-2xx answers, errors and timeouts: a turn with any of them did not measure the real path. */
  failures: number;
}

/**
 * Runs every target once per round, warm-up first, swapping the order each round: a drift of
 * the machine (thermal, another process) then falls on both targets alike instead of always
 * on the one that runs second.
 */
export async function runAlternatingLoad(targets: readonly ForkedTarget[], settings: LoadSettings, onTurn: (turn: LoadTurn) => void): Promise<LoadTurn[]> {
  const turns: LoadTurn[] = [];
  // Once, before any round: the JIT compiles each target's hot path, so round 1 is not a warm-up in disguise.
  for (const target of targets) await load(target, settings.initialWarmupSeconds, settings.connections);
  for (let round = 1; round <= settings.rounds; round += 1) {
    const order = round % 2 === 1 ? targets : [...targets].reverse();
    for (const target of order) {
      await load(target, settings.warmupSeconds, settings.connections);
      const cpuBefore = await target.cpuMicros();
      const result = await load(target, settings.measureSeconds, settings.connections);
      const turn = turnOf(round, target, result, (await target.cpuMicros()) - cpuBefore);
      turns.push(turn);
      onTurn(turn);
    }
  }
  return turns;
}

/** autocannon in this process, which does nothing else: the targets run in processes of their own. */
function load(target: ForkedTarget, seconds: number, connections: number): Promise<Result> {
  const request = target.body === undefined ? {} : { method: 'POST' as const, body: target.body };
  return Promise.resolve(autocannon({ url: target.url, headers: target.headers, connections, pipelining: 1, duration: seconds, ...request }));
}

function turnOf(round: number, target: ForkedTarget, result: Result, cpuMicros: number): LoadTurn {
  return {
    round,
    target: target.name,
    // Completed requests over the time actually run; autocannon's per-second average would
    // be over only `measureSeconds` samples.
    requestsPerSecond: result.requests.total / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    cpuMicrosPerRequest: cpuMicros / result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
