import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createApiServer } from '../src/api/server.js';
import { startPlatform, type Platform } from '../src/platform.js';
import type { OperationContext } from '../src/services/platform/operation-context.js';
import { BENCH_ADMIN_KEY } from './http-targets.js';

/** What one cluster size measured, in real time. */
export interface ScaleMeasurement {
  nodes: number;
  /** Wall ms from the platform's start to its first leader. */
  firstLeaderMs: number;
  /** CPU time of this process over wall time while the cluster runs idle: the cost of its ticks. */
  tickCpuShare: number;
  /** Mean latency (autocannon's percentiles resolve whole ms, too coarse below 1 ms). */
  latencyMeanMs: number;
  latencyP99Ms: number;
  /** Per crash round: wall ms from the leader's crash to a new leader. */
  electionWallMs: number[];
  /** Per crash round: cluster-clock ms of the AUTOMATIC failover, from detection to the new leader. */
  failoverClusterMs: number[];
}

export interface ScaleSettings {
  idleSeconds: number;
  latencySeconds: number;
  crashRounds: number;
  /** Give up waiting for a leader after this long (wall ms). */
  leaderTimeoutMs: number;
}

/**
 * Runs a cluster of `nodeCount` simulated nodes on the realtime clock (as `npm start` does) and
 * measures it: the CPU its ticks take while idle, the latency of a node-list page, and the time
 * to elect a new leader after the leader crashes.
 */
export async function measureCluster(nodeCount: number, settings: ScaleSettings): Promise<ScaleMeasurement> {
  const startedMs = performance.now();
  const platform = await startPlatform({ storePath: ':memory:', initialNodes: nodeCount, seed: 1, clockMode: 'realtime', adminKey: BENCH_ADMIN_KEY, rateLimitPerKeyPerSecond: 1e9 });
  const api = await createApiServer(platform, pino({ level: 'silent' }));
  api.httpServer.listen(0, '127.0.0.1');
  await once(api.httpServer, 'listening');
  const port = (api.httpServer.address() as AddressInfo).port;
  try {
    const admin: OperationContext = { caller: await platform.services.apiKeys.authenticate({ apiKey: BENCH_ADMIN_KEY }), requestId: 'bench' };
    await waitFor(() => leaderOf(platform, admin) !== null, settings.leaderTimeoutMs, 'the first leader');
    const firstLeaderMs = performance.now() - startedMs;
    // Let every node send its first heartbeats before measuring the steady state.
    await pause(2000);
    const tickCpuShare = await idleCpuShare(settings.idleSeconds);
    const latency = await autocannon({
      url: `http://127.0.0.1:${port}/api/v1/cluster/nodes?limit=100`,
      headers: { 'X-API-Key': BENCH_ADMIN_KEY },
      connections: 1,
      duration: settings.latencySeconds,
      workers: 1,
    });
    const electionWallMs: number[] = [];
    const failoverClusterMs: number[] = [];
    for (let round = 0; round < settings.crashRounds; round += 1) {
      const leader = leaderOf(platform, admin);
      if (leader === null) throw new Error('no leader before a crash round');
      const crashedAtMs = performance.now();
      const fault = await platform.services.simulation.injectFault(admin, { type: 'crash', nodes: [leader] });
      await waitFor(() => {
        const now = leaderOf(platform, admin);
        return now !== null && now !== leader;
      }, settings.leaderTimeoutMs, 'a new leader');
      electionWallMs.push(performance.now() - crashedAtMs);
      await waitFor(() => platform.services.failover.history(admin, { kind: 'AUTOMATIC', limit: 1 }).items[0]?.status === 'COMPLETED', settings.leaderTimeoutMs, 'the failover record');
      failoverClusterMs.push(platform.services.failover.history(admin, { kind: 'AUTOMATIC', limit: 1 }).items[0]?.durationMs ?? NaN);
      await platform.services.simulation.healFault(admin, fault.id);
      await pause(1000);
    }
    return {
      nodes: nodeCount,
      firstLeaderMs,
      tickCpuShare,
      latencyMeanMs: latency.latency.average,
      latencyP99Ms: latency.latency.p99,
      electionWallMs,
      failoverClusterMs,
    };
  } finally {
    await api.close();
    await platform.close();
  }
}

/** The node the cluster shows as LEADER, as a client reads it. */
function leaderOf(platform: Platform, admin: OperationContext): string | null {
  return platform.services.cluster.listNodes(admin, { role: 'LEADER', limit: 1 }).items[0]?.nodeId ?? null;
}

/** CPU of this process per wall second while nothing but the cluster's timers runs. */
async function idleCpuShare(seconds: number): Promise<number> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  await pause(seconds * 1000);
  const cpu = process.cpuUsage(cpuBefore);
  return (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `done` every 5 ms of wall time (the bench's own waiting: the cluster runs on the realtime clock meanwhile). */
async function waitFor(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await pause(5);
  }
}

