import type { VirtualClock } from '../../engines/runtime/index.js';

/**
 * How long an operation that starts work on the cluster clock (a distributed transaction's
 * `prepare` or `commit`, a distributed query) waits for its outcome before answering, in cluster
 * milliseconds: a fault-free run takes a few network round trips, so most answers carry the
 * outcome (200), and a slow one answers 202 rather than hold the request.
 */
export const OUTCOME_WAIT_MS = 1000;

export interface OutcomeWaitDeps {
  clock: VirtualClock;
  /** Whether the cluster clock moves on its own now (realtime mode at a speed above 0). */
  clockRuns(): boolean;
}

/** Whether the cluster clock moves on its own: realtime mode at a speed above 0. */
export function clockRunsOn(clockControl: { read(): { mode: string; speed: number } }): () => boolean {
  return () => {
    const clock = clockControl.read();
    return clock.mode === 'realtime' && clock.speed > 0;
  };
}

/**
 * Waits until `outcome` settles, for at most {@link OUTCOME_WAIT_MS} of cluster time. On a clock
 * that does not move on its own (manual mode) nothing happens while a request waits, so it does
 * not wait at all. The same span of wall time bounds the wait too, should the clock be slowed or
 * stopped meanwhile.
 */
export async function awaitOutcome(deps: OutcomeWaitDeps, outcome: Promise<unknown>): Promise<void> {
  if (!deps.clockRuns()) return;
  let clockTimer: ReturnType<VirtualClock['after']> | undefined;
  let wallTimer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<void>((resolve) => {
    clockTimer = deps.clock.after(OUTCOME_WAIT_MS, resolve);
    wallTimer = setTimeout(resolve, OUTCOME_WAIT_MS);
  });
  try {
    await Promise.race([outcome, bound]);
  } finally {
    if (clockTimer !== undefined) deps.clock.cancel(clockTimer);
    clearTimeout(wallTimer);
  }
}
