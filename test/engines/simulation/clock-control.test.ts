import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeDriver, VirtualClock } from '../../../src/engines/runtime/index.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { CLOCK_RECORD, ClockControl, MAX_ADVANCE_MS, type ClockReading, type ClockSettings } from '../../../src/engines/simulation/clock-control.js';
import { Journal } from '../../../src/store/journal.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';

const START_MS = Date.UTC(2030, 0, 1);
const WALL_START_MS = Date.UTC(2026, 5, 1);

interface StoredClock extends ClockSettings {
  nowMs: number;
}

let store: SqliteStore;

beforeEach(() => {
  // The driver's interval must never fire on its own: ticks are taken by hand with a fake wall clock.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  store = SqliteStore.open(':memory:');
});

afterEach(async () => {
  vi.useRealTimers();
  await store.close();
});

function setup(settings: ClockSettings) {
  let wallMs = WALL_START_MS;
  const clock = new VirtualClock(START_MS);
  const driver = new RealtimeDriver(clock, { tickMs: 25, speed: settings.speed, wallNow: () => wallMs });
  const journal = new Journal(store);
  const control = new ClockControl(clock, driver, journal, settings);
  return {
    clock,
    driver,
    journal,
    control,
    /** Lets wall time pass. */
    wallPasses: (ms: number) => {
      wallMs += ms;
    },
    elapsedMs: () => clock.now() - START_MS,
  };
}

function rejection(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

describe('ClockControl', () => {
  it('in manual mode the clock moves only when advanced, firing due timers', () => {
    const { clock, driver, control, wallPasses, elapsedMs } = setup({ mode: 'manual', speed: 1 });
    expect(driver.running).toBe(false);
    const fired: number[] = [];
    clock.after(1_000, () => fired.push(clock.now() - START_MS));

    wallPasses(5_000);
    expect(elapsedMs()).toBe(0);
    const reading: ClockReading = control.advance(1_500);
    expect(reading).toEqual({ mode: 'manual', speed: 1, nowMs: START_MS + 1_500, pendingTimers: 0 });
    expect(fired).toEqual([1_000]);
  });

  it.each([0, -1, 1.5, MAX_ADVANCE_MS + 1, Number.NaN])('refuses to advance by %s ms with UNPROCESSABLE', (ms) => {
    const { control, elapsedMs } = setup({ mode: 'manual', speed: 1 });
    expect(rejection(() => control.advance(ms)).code).toBe('UNPROCESSABLE');
    expect(elapsedMs()).toBe(0);
  });

  it('advances by the bounds themselves: 1 ms and one cluster day', () => {
    const { control, elapsedMs } = setup({ mode: 'manual', speed: 1 });
    control.advance(1);
    expect(elapsedMs()).toBe(1);
    control.advance(MAX_ADVANCE_MS);
    expect(elapsedMs()).toBe(1 + MAX_ADVANCE_MS);
  });

  it('refuses to advance a clock that follows wall time with CONFLICT', () => {
    const { control, elapsedMs } = setup({ mode: 'realtime', speed: 1 });
    const error = rejection(() => control.advance(100));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ mode: 'realtime' });
    expect(elapsedMs()).toBe(0);
  });

  it('realtime mode starts the driver, which follows wall time at the speed', () => {
    const { driver, control, wallPasses, elapsedMs } = setup({ mode: 'realtime', speed: 2 });
    expect(driver.running).toBe(true);
    expect(driver.speed).toBe(2);
    wallPasses(100);
    driver.tickOnce();
    expect(elapsedMs()).toBe(200);
    expect(control.read()).toMatchObject({ mode: 'realtime', speed: 2, nowMs: START_MS + 200 });
  });

  it('switching to manual stops the driver; switching back starts it and skips the time spent in manual', () => {
    const { driver, control, wallPasses, elapsedMs } = setup({ mode: 'realtime', speed: 1 });
    wallPasses(100);
    driver.tickOnce();

    expect(control.update({ mode: 'manual' })).toMatchObject({ mode: 'manual', speed: 1 });
    expect(driver.running).toBe(false);
    wallPasses(60_000);
    control.advance(10);
    expect(elapsedMs()).toBe(110);

    control.update({ mode: 'realtime', speed: 3 });
    expect(driver.running).toBe(true);
    expect(driver.speed).toBe(3);
    wallPasses(10);
    driver.tickOnce();
    expect(elapsedMs()).toBe(140);
  });

  // BUG (reported, not fixed): a driver that was never started counts wall time, and
  // ClockControl.update calls driver.setSpeed (which banks it) before driver.start, so the first
  // realtime tick replays all the wall time the server spent in manual mode. Flip to `it` once fixed.
  it('switching to realtime from a manual start does not replay the wall time spent in manual mode', () => {
    const { driver, control, wallPasses, elapsedMs } = setup({ mode: 'manual', speed: 1 });
    wallPasses(3_600_000);
    control.update({ mode: 'realtime' });
    wallPasses(100);
    driver.tickOnce();
    expect(elapsedMs()).toBe(100);
  });

  it('persists the settings and the time reached', async () => {
    const { control, journal } = setup({ mode: 'manual', speed: 1 });
    control.advance(2_000);
    control.update({ speed: 4 });
    await journal.flush();
    expect(await store.get<StoredClock>(CLOCK_RECORD, 'current')).toEqual({ mode: 'manual', speed: 4, nowMs: START_MS + 2_000 });

    control.update({ mode: 'realtime' });
    await journal.flush();
    expect(await store.get<StoredClock>(CLOCK_RECORD, 'current')).toEqual({ mode: 'realtime', speed: 4, nowMs: START_MS + 2_000 });
    control.stop();
  });

  it('stop() stops the driver', () => {
    const { driver, control } = setup({ mode: 'realtime', speed: 1 });
    control.stop();
    expect(driver.running).toBe(false);
  });
});
