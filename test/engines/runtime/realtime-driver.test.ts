import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../../src/engines/runtime/clock.js';
import { RealtimeDriver, type RealtimeDriverOptions } from '../../../src/engines/runtime/realtime-driver.js';

const START_MS = Date.UTC(2030, 0, 1);
const WALL_START_MS = Date.UTC(2026, 5, 1);

/** A wall clock the test moves by hand. */
function fakeWall() {
  let wallMs = WALL_START_MS;
  return {
    wallNow: () => wallMs,
    pass: (ms: number) => {
      wallMs += ms;
    },
  };
}

function setup(options: Partial<RealtimeDriverOptions> = {}, onTick?: () => void) {
  const clock = new VirtualClock(START_MS);
  const wall = fakeWall();
  const driver = new RealtimeDriver(clock, { tickMs: 50, speed: 1, wallNow: wall.wallNow, ...options }, onTick);
  const elapsedMs = (): number => clock.now() - START_MS;
  return { clock, wall, driver, elapsedMs };
}

describe('RealtimeDriver', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('advances the clock by wall time elapsed since the last tick', () => {
    const { wall, driver, elapsedMs } = setup();
    wall.pass(120);
    driver.tickOnce();
    expect(elapsedMs()).toBe(120);
    driver.tickOnce();
    expect(elapsedMs()).toBe(120);
    wall.pass(30);
    driver.tickOnce();
    expect(elapsedMs()).toBe(150);
  });

  it('fires due timers, then calls onTick', () => {
    const events: string[] = [];
    const { clock, wall, driver } = setup({}, () => events.push(`tick@${clock.now() - START_MS}`));
    clock.after(40, () => events.push('timer@40'));
    wall.pass(50);
    driver.tickOnce();
    expect(events).toEqual(['timer@40', 'tick@50']);
  });

  it('multiplies wall time by the speed and carries fractions', () => {
    const { wall, driver, elapsedMs } = setup({ speed: 2.5 });
    wall.pass(100);
    driver.tickOnce();
    expect(elapsedMs()).toBe(250);

    driver.setSpeed(0.5);
    expect(driver.speed).toBe(0.5);
    for (let tick = 0; tick < 4; tick += 1) {
      wall.pass(1);
      driver.tickOnce();
    }
    // 4 × 0.5 ms: whole milliseconds only, fractions are not lost.
    expect(elapsedMs()).toBe(252);
  });

  it('pauses at speed 0 and resumes without catching up', () => {
    const { wall, driver, elapsedMs } = setup();
    wall.pass(10);
    driver.setSpeed(0);
    wall.pass(1_000);
    driver.tickOnce();
    expect(elapsedMs()).toBe(10);
    driver.setSpeed(1);
    wall.pass(5);
    driver.tickOnce();
    expect(elapsedMs()).toBe(15);
  });

  it('counts time before a speed change at the old speed', () => {
    const { wall, driver, elapsedMs } = setup();
    wall.pass(100);
    driver.setSpeed(10);
    wall.pass(100);
    driver.tickOnce();
    expect(elapsedMs()).toBe(100 + 1_000);
  });

  it('treats a wall clock stepping backwards as no time passing', () => {
    const { wall, driver, elapsedMs } = setup();
    wall.pass(100);
    driver.tickOnce();
    wall.pass(-60_000);
    driver.tickOnce();
    expect(elapsedMs()).toBe(100);
    wall.pass(20);
    driver.tickOnce();
    expect(elapsedMs()).toBe(120);
  });

  it('ticks from an unref’d interval while running, and not after stop', () => {
    vi.useFakeTimers();
    const { wall, driver, elapsedMs } = setup({ tickMs: 50 });
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');

    expect(driver.running).toBe(false);
    driver.start();
    driver.start();
    expect(driver.running).toBe(true);
    expect(setIntervalSpy).toHaveBeenCalledTimes(1);
    const handle = setIntervalSpy.mock.results[0]?.value as ReturnType<typeof setInterval>;
    expect(handle.hasRef()).toBe(false);

    wall.pass(50);
    vi.advanceTimersByTime(50);
    expect(elapsedMs()).toBe(50);

    wall.pass(30);
    driver.stop();
    driver.stop();
    expect(driver.running).toBe(false);
    wall.pass(10_000);
    vi.advanceTimersByTime(10_000);
    expect(elapsedMs()).toBe(50);

    // Time up to stop() was banked; time while stopped is not replayed.
    driver.start();
    wall.pass(50);
    vi.advanceTimersByTime(50);
    expect(elapsedMs()).toBe(50 + 30 + 50);
    driver.stop();
  });

  it('ignores wall time while stopped, even for manual ticks and speed changes', () => {
    vi.useFakeTimers();
    const { wall, driver, elapsedMs } = setup();
    driver.start();
    wall.pass(20);
    driver.stop();
    wall.pass(1_000);
    driver.setSpeed(2);
    wall.pass(1_000);
    driver.tickOnce();
    // Only the 20 ms run before stop() count.
    expect(elapsedMs()).toBe(20);
  });

  it('routes errors from interval ticks to onError', () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const { clock, wall, driver } = setup({ onError: (error) => errors.push(error) });
    clock.after(10, () => {
      throw new Error('engine bug');
    });
    driver.start();
    wall.pass(50);
    vi.advanceTimersByTime(50);
    driver.stop();
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('engine bug');
  });

  it('lets tickOnce errors reach the caller', () => {
    const { clock, wall, driver } = setup();
    clock.after(10, () => {
      throw new Error('engine bug');
    });
    wall.pass(50);
    expect(() => driver.tickOnce()).toThrow('engine bug');
  });

  it('rejects bad options', () => {
    const clock = new VirtualClock(START_MS);
    expect(() => new RealtimeDriver(clock, { tickMs: 0, speed: 1 })).toThrow(/tickMs must be > 0/);
    expect(() => new RealtimeDriver(clock, { tickMs: 10, speed: -1 })).toThrow(/speed must be >= 0/);
    const driver = new RealtimeDriver(clock, { tickMs: 10, speed: 1, wallNow: () => 0 });
    expect(() => driver.setSpeed(Number.NaN)).toThrow(/speed must be >= 0/);
    expect(driver.speed).toBe(1);
  });

  it('defaults to the real wall clock', () => {
    const clock = new VirtualClock(START_MS);
    const driver = new RealtimeDriver(clock, { tickMs: 10, speed: 0 });
    driver.tickOnce();
    expect(clock.now()).toBe(START_MS);
  });
});
