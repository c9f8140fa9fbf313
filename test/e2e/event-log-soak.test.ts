import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MAX_FAILOVER_HISTORY } from '../../src/engines/failover/failover-tracker.js';
import { DEFAULT_HEALTH_LIMITS } from '../../src/engines/health/health-monitor.js';
import { CONFLICTS_KEPT } from '../../src/engines/replication/conflict-log.js';
import { DEFAULT_ALERT_LIMITS } from '../../src/engines/alerts/alert-book.js';
import { LAG_HISTORY_CAPACITY } from '../../src/engines/replication/replication-monitor.js';
import { AUDIT_RETENTION } from '../../src/services/platform/audit-log.js';
import type { EventLogLimits } from '../../src/services/platform/event-retention.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * A soak on the manual clock: the server under the default workload (20 writes a second, which
 * with RAC's traffic publishes about 430 events a simulated minute), with an event log kept small
 * so the run crosses the count bound many times, then a quiet spell where the age bound does the
 * pruning. Every few minutes it reads the store's file beside the server and every history the
 * engines keep, and holds each to its bound. The lag series fill their 3600 samples well before
 * the workload ends, and must stop there.
 *
 * The suite's default is 20 simulated minutes of workload, on a log of 500 events and 2 minutes
 * with lag sampled every 200 ms (full at 12 minutes): each bound crossed and held for several of
 * its own lengths. Runs of 40 minutes or more keep wider settings, pruned less often (1500
 * events, 4 minutes, lag every 500 ms, full at 30 minutes): the simulation costs some 12 s of CPU
 * per simulated hour, so a whole day takes about 5 minutes. Run one with
 * `SOAK_MINUTES=1440 npx vitest run test/e2e/event-log-soak.test.ts`; CI (`.ci/run`) runs the day.
 */

const SOAK_MINUTES = Number(process.env.SOAK_MINUTES ?? 20);
const MINUTE_MS = 60_000;
const SHORT_RUN = SOAK_MINUTES < 40;
const QUIET_MINUTES = SHORT_RUN ? 5 : 10;
const CHECK_EVERY_MINUTES = 5;
const LIMITS: EventLogLimits = SHORT_RUN ? { maxEvents: 500, maxAgeMs: 2 * MINUTE_MS } : { maxEvents: 1500, maxAgeMs: 4 * MINUTE_MS };
const LAG_SAMPLE_INTERVAL_MS = SHORT_RUN ? 200 : 500;
/** The age bound is checked every hundredth of the age: an event may outlive it by that much. */
const AGE_SLACK_MS = LIMITS.maxAgeMs / 100;
/** The store is warm here (the event log full many times over); later checkpoints must hold no more than it did. */
const WARM_MINUTES = SHORT_RUN ? { from: 5, to: 10 } : { from: 10, to: 20 };

let directory: string;
let server: TestServer;
let file: Database.Database;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'rustydb-soak-'));
  const storePath = join(directory, 'rustydb.sqlite');
  server = await startTestServer({ nodes: 5, storePath, eventLogLimits: LIMITS });
  file = new Database(storePath, { readonly: true });
  const configured = await server.http.post('/api/v1/replication/configure').set('X-API-Key', ADMIN_KEY).send({ lagSampleIntervalMs: LAG_SAMPLE_INTERVAL_MS });
  expect(configured.status).toBe(200);
});
afterAll(async () => {
  file?.close();
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

/** The store as it sits on disk: the event log, the records, and the pages they take. */
function storeSize() {
  const events = file.prepare<[], { count: number; oldest: string | null }>('SELECT count(*) AS count, min(time) AS oldest FROM events').get()!;
  const records = file.prepare<[], { count: number }>('SELECT count(*) AS count FROM records').get()!.count;
  const usedPages = (file.pragma('page_count', { simple: true }) as number) - (file.pragma('freelist_count', { simple: true }) as number);
  return { events: events.count, oldestEventMs: events.oldest === null ? null : Date.parse(events.oldest), records, usedPages };
}

/** Every history the engines and the platform keep, each with its bound. */
function histories(): { name: string; size: number; bound: number }[] {
  const { replication, failover, clusterHealth, rac, alerts } = server.platform.engines;
  const { cluster, monitor, conflicts } = replication;
  const config = cluster.getConfig();
  const audit = server.platform.services.audit.list(server.admin, { limit: 1 }).total;
  return [
    { name: 'audit log', size: audit, bound: AUDIT_RETENTION },
    ...monitor.sampledReplicaIds().map((replicaId) => ({ name: `lag series of ${replicaId}`, size: monitor.samples(replicaId).length, bound: LAG_HISTORY_CAPACITY })),
    // At most one lag alert open per rule and standby, besides the resolved ones each source keeps.
    { name: 'lag alerts', size: monitor.alerts().length, bound: DEFAULT_ALERT_LIMITS.maxResolvedPerSource + monitor.rules().length * cluster.listReplicas().length },
    { name: 'alert history', size: alerts.history().length, bound: DEFAULT_ALERT_LIMITS.maxResolvedPerSource * 2 },
    { name: 'conflicts', size: conflicts.list().length, bound: CONFLICTS_KEPT },
    { name: 'failover history', size: failover.history().length, bound: MAX_FAILOVER_HISTORY },
    { name: 'health samples', size: clusterHealth.samples().length, bound: DEFAULT_HEALTH_LIMITS.maxSamples },
    { name: 'health issues', size: clusterHealth.issues().length, bound: DEFAULT_HEALTH_LIMITS.maxResolvedIssues + clusterHealth.openIssues().length },
    { name: 'RAC transfer log', size: rac.cluster.transfers(Number.MAX_SAFE_INTEGER).length, bound: rac.cluster.racConfig().transferLogSize },
    { name: 'RAC recovery history', size: rac.cluster.recoveryHistory().length, bound: rac.cluster.recoveryConfig().maxHistory },
    // A checkpoint keeps walKeepSegments behind the current segment; between checkpoints the current one fills.
    ...cluster.nodeIds().map((nodeId) => ({
      name: `WAL of ${nodeId} (bytes)`,
      size: cluster.storageOf(nodeId).walRecords().reduce((bytes, record) => bytes + (record.endLsn - record.lsn), 0),
      bound: (config.walKeepSegments + 2) * config.walSegmentBytes,
    })),
  ];
}

async function advanceMinute(): Promise<void> {
  await server.advance(MINUTE_MS);
  await server.platform.eventLog.idle();
}

test(
  `${SOAK_MINUTES} simulated minutes of the default workload: the store levels off and every history stays within its bound`,
  async () => {
    const startedCpu = process.cpuUsage();
    const checkpoints: ({ minute: number } & ReturnType<typeof storeSize>)[] = [];
    const check = (minute: number) => {
      const size = storeSize();
      checkpoints.push({ minute, ...size });
      const nowMs = server.platform.runtime.clock.now();
      expect(size.events, `events stored at minute ${minute}`).toBeLessThanOrEqual(LIMITS.maxEvents);
      expect(size.events).toBe(server.platform.eventLog.stats().keptEvents);
      expect(size.oldestEventMs ?? nowMs, `oldest event at minute ${minute}`).toBeGreaterThanOrEqual(nowMs - LIMITS.maxAgeMs - AGE_SLACK_MS);
      for (const history of histories()) expect(history.size, `${history.name} at minute ${minute}`).toBeLessThanOrEqual(history.bound);
    };

    for (let minute = 1; minute <= SOAK_MINUTES; minute += 1) {
      await advanceMinute();
      if (minute % CHECK_EVERY_MINUTES === 0) check(minute);
    }
    // The workload wrote far past the bound, and pruning kept up with it, batch by batch.
    const afterWorkload = server.platform.eventLog.stats();
    expect(server.platform.services.events.lastCursor()).toBeGreaterThan(10 * LIMITS.maxEvents);
    expect(afterWorkload.prunedEvents).toBeGreaterThan(server.platform.services.events.lastCursor() - LIMITS.maxEvents - 1);
    expect(afterWorkload.prunes).toBeGreaterThanOrEqual(SOAK_MINUTES / 2);
    // The lag series filled up and stayed there.
    const fullAfterMinutes = (LAG_HISTORY_CAPACITY * LAG_SAMPLE_INTERVAL_MS) / MINUTE_MS;
    if (SOAK_MINUTES > fullAfterMinutes) expect(histories().filter((history) => history.name.startsWith('lag series')).map((history) => history.size)).toEqual([1, 2, 3, 4].map(() => LAG_HISTORY_CAPACITY));

    // Levelling off: once warm, the store holds no more than it did in the warm window (WAL
    // segments come and go: 20% of slack), where an unpruned log would have grown by some 430
    // events a minute since.
    const warm = checkpoints.filter((point) => point.minute >= WARM_MINUTES.from && point.minute <= WARM_MINUTES.to);
    const late = checkpoints.filter((point) => point.minute > WARM_MINUTES.to);
    expect(late.length).toBeGreaterThan(0);
    const warmPages = Math.max(...warm.map((point) => point.usedPages));
    const warmRecords = Math.max(...warm.map((point) => point.records));
    for (const point of late) {
      expect(point.usedPages, `pages at minute ${point.minute}`).toBeLessThanOrEqual(warmPages * 1.2);
      expect(point.records, `records at minute ${point.minute}`).toBeLessThanOrEqual(warmRecords * 1.2);
    }

    // A quiet spell (no writes): fewer events than maxEvents arrive, so the age bound does the pruning.
    const workload = await server.http.put('/api/v1/simulation/workload').set('X-API-Key', ADMIN_KEY).send({ ...server.platform.engines.replication.workload.settings(), ratePerSecond: 0 });
    expect(workload.status).toBe(200);
    const beforeQuiet = server.platform.eventLog.stats().prunedEvents;
    for (let minute = 1; minute <= QUIET_MINUTES; minute += 1) await advanceMinute();
    check(SOAK_MINUTES + QUIET_MINUTES);
    const quiet = storeSize();
    expect(quiet.events).toBeLessThan(LIMITS.maxEvents * 0.9);
    expect(server.platform.eventLog.stats().prunedEvents).toBeGreaterThan(beforeQuiet);
    const cpu = process.cpuUsage(startedCpu);
    console.log(`soak: ${SOAK_MINUTES + QUIET_MINUTES} simulated minutes in ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU`);
  },
  // About 0.2 s of CPU per simulated minute; a loaded machine gets five times that.
  Math.max(180_000, SOAK_MINUTES * 1000),
);
