import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { VirtualClock } from '../../../src/engines/runtime/clock.js';
import { EventRetention, type EventLogLimits } from '../../../src/services/platform/event-retention.js';
import { Journal } from '../../../src/store/journal.js';
import { SQLITE_IN_MEMORY, SqliteStore } from '../../../src/store/sqlite-store.js';

/**
 * The event log's retention over a real (in-memory) store, a journal and the virtual clock: one
 * event per `append` call, committed as the platform commits them.
 */

const START_MS = Date.parse('2030-01-01T00:00:00.000Z');
const MINUTE_MS = 60_000;

let store: SqliteStore;
let journal: Journal;
let clock: VirtualClock;
let nextCursor: number;
let retention: EventRetention | undefined;
const reported: unknown[] = [];

beforeEach(async () => {
  store = SqliteStore.open(SQLITE_IN_MEMORY);
  journal = new Journal(store);
  clock = new VirtualClock(START_MS);
  nextCursor = 1;
  reported.length = 0;
});
afterEach(async () => {
  await retention?.stop();
  retention = undefined;
  await store.close();
});

async function start(limits: EventLogLimits): Promise<EventRetention> {
  retention = await EventRetention.load({ store, journal, clock, reportError: (_what, error) => reported.push(error) }, limits);
  return retention;
}

/** Commits `count` events, one commit each, at the clock's time. */
async function append(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const cursor = nextCursor++;
    journal.event({ cursor, id: `evt_${cursor}`, type: 'node_joined', time: new Date(clock.now()).toISOString(), source: 'test', payload: { nodeId: `node-${cursor}` } });
    await journal.flush();
  }
}

async function storedCursors(): Promise<number[]> {
  return (await store.readEvents(0, 10_000)).map((event) => event.cursor);
}

describe('by count', () => {
  test('prunes once the log reaches maxEvents, down to 1% below it, not per event', async () => {
    const log = await start({ maxEvents: 200, maxAgeMs: 24 * 60 * MINUTE_MS });
    await append(199);
    await log.idle();
    expect(log.stats()).toEqual({ keptEvents: 199, prunedThroughCursor: 0, prunedEvents: 0, prunes: 0 });

    await append(1);
    await log.idle();
    // 200 reached: down to 198, so the next prune waits for two more events.
    expect(log.stats()).toEqual({ keptEvents: 198, prunedThroughCursor: 2, prunedEvents: 2, prunes: 1 });
    expect((await storedCursors())[0]).toBe(3);
    await append(1);
    await log.idle();
    expect(log.stats().prunes).toBe(1);

    await append(1_000);
    await log.idle();
    const stats = log.stats();
    expect(stats.keptEvents).toBeLessThanOrEqual(200);
    // One prune on reaching 200 again, then one per two events.
    expect(stats.prunes).toBe(1 + 500);
    expect((await storedCursors()).length).toBe(stats.keptEvents);
    expect(reported).toEqual([]);
  });
});

describe('by age', () => {
  test('a timer on the cluster clock prunes what outlived maxAgeMs, with no event appended', async () => {
    const log = await start({ maxEvents: 100_000, maxAgeMs: 10 * MINUTE_MS });
    await append(5);
    clock.advance(5 * MINUTE_MS);
    await append(5);
    // Checked every 6 s (a hundredth of the age): the first five go at the first check after
    // they turn ten minutes old.
    clock.advance(5 * MINUTE_MS);
    await log.idle();
    expect((await storedCursors()).length).toBe(10);
    clock.advance(6000);
    await log.idle();
    expect(await storedCursors()).toEqual([6, 7, 8, 9, 10]);
    expect(log.stats()).toMatchObject({ keptEvents: 5, prunedThroughCursor: 5, prunedEvents: 5 });

    clock.advance(10 * MINUTE_MS);
    await log.idle();
    expect(await storedCursors()).toEqual([]);
    expect(log.stats()).toMatchObject({ keptEvents: 0, prunedThroughCursor: 10 });
    // Cursors go on where they were: the next event is 11, and it is resumable from 10.
    await append(1);
    expect(await storedCursors()).toEqual([11]);
    expect(() => log.assertResumable(10)).not.toThrow();
  });
});

describe('resuming', () => {
  test('a cursor below what was pruned is CURSOR_EXPIRED, naming the oldest cursor available', async () => {
    const log = await start({ maxEvents: 10, maxAgeMs: 60 * MINUTE_MS });
    await append(30);
    await log.idle();
    const { prunedThroughCursor } = log.stats();
    expect(prunedThroughCursor).toBeGreaterThan(0);
    expect(() => log.assertResumable(prunedThroughCursor)).not.toThrow();
    expect(() => log.assertResumable(prunedThroughCursor - 1)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', details: { reason: 'CURSOR_EXPIRED', resumeFrom: prunedThroughCursor - 1, oldestAvailableCursor: prunedThroughCursor + 1 } }),
    );
    expect(() => log.assertResumable(0)).toThrow(/oldest event still available is/);
  });

  test('a restart knows what was pruned from the store alone', async () => {
    const first = await start({ maxEvents: 10, maxAgeMs: 60 * MINUTE_MS });
    await append(25);
    await first.idle();
    const before = first.stats();
    await first.stop();
    const restarted = await start({ maxEvents: 10, maxAgeMs: 60 * MINUTE_MS });
    expect(restarted.stats()).toEqual({ keptEvents: before.keptEvents, prunedThroughCursor: before.prunedThroughCursor, prunedEvents: 0, prunes: 0 });
    expect(() => restarted.assertResumable(before.prunedThroughCursor - 1)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  test('a fresh store has pruned nothing: every cursor resumes', async () => {
    const log = await start({ maxEvents: 10, maxAgeMs: MINUTE_MS });
    expect(() => log.assertResumable(0)).not.toThrow();
  });
});

test('after stop nothing prunes, so the store can close under it', async () => {
  const log = await start({ maxEvents: 5, maxAgeMs: MINUTE_MS });
  await log.stop();
  await append(20);
  clock.advance(10 * MINUTE_MS);
  await log.idle();
  expect((await storedCursors()).length).toBe(20);
  expect(clock.pendingTimers()).toBe(0);
});
