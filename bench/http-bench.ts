import autocannon, { type Result } from 'autocannon';
import type { HttpTarget } from './http-targets.js';

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
  /** Non-2xx answers, errors and timeouts: a turn with any of them did not measure the real path. */
  failures: number;
}

/**
 * Runs every target once per round, warm-up first, swapping the order each round: a drift of
 * the machine (thermal, another process) then falls on both targets alike instead of always
 * on the one that runs second.
 */
export async function runAlternatingLoad(targets: readonly HttpTarget[], settings: LoadSettings, onTurn: (turn: LoadTurn) => void): Promise<LoadTurn[]> {
  const turns: LoadTurn[] = [];
  // Once, before any round: the JIT compiles each target's hot path, so round 1 is not a warm-up in disguise.
  for (const target of targets) await load(target, settings.initialWarmupSeconds, settings.connections);
  for (let round = 1; round <= settings.rounds; round += 1) {
    const order = round % 2 === 1 ? targets : [...targets].reverse();
    for (const target of order) {
      await load(target, settings.warmupSeconds, settings.connections);
      const turn = turnOf(round, target, await load(target, settings.measureSeconds, settings.connections));
      turns.push(turn);
      onTurn(turn);
    }
  }
  return turns;
}

/**
 * autocannon on one worker thread: the load generator then has its own event loop instead of
 * competing with the server under test for this thread's (both targets live in this process).
 */
function load(target: HttpTarget, seconds: number, connections: number): Promise<Result> {
  return Promise.resolve(autocannon({ url: target.url, headers: target.headers, connections, pipelining: 1, duration: seconds, workers: 1 }));
}

function turnOf(round: number, target: HttpTarget, result: Result): LoadTurn {
  return {
    round,
    target: target.name,
    // Completed requests over the time actually run; autocannon's per-second average would
    // be over only `measureSeconds` samples.
    requestsPerSecond: result.requests.total / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
