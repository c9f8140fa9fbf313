import type { RealtimeDriver, VirtualClock } from '../runtime/index.js';
import type { Journal } from '../../store/journal.js';
import { DomainError } from '../runtime/domain-error.js';

export type ClockMode = 'realtime' | 'manual';

export interface ClockSettings {
  mode: ClockMode;
  speed: number;
}

export interface ClockReading extends ClockSettings {
  nowMs: number;
  pendingTimers: number;
}

export const CLOCK_RECORD = 'simulation.clock';

/** Fastest realtime speed: cluster milliseconds per wall millisecond. */
export const MAX_CLOCK_SPEED = 1000;

/** Largest single advance, one cluster day: bounds the work one request can cause. */
export const MAX_ADVANCE_MS = 86_400_000;

/**
 * How the cluster clock moves: following wall time at a speed (the realtime driver runs), or
 * only when an operator advances it. Settings and the time reached are persisted, so a restart
 * resumes where the cluster was.
 */
export class ClockControl {
  private settings: ClockSettings;

  constructor(
    private readonly clock: VirtualClock,
    private readonly driver: RealtimeDriver,
    private readonly journal: Journal,
    settings: ClockSettings,
  ) {
    this.settings = { ...settings };
    this.driver.setSpeed(settings.speed);
    if (settings.mode === 'realtime') this.driver.start();
  }

  read(): ClockReading {
    return { ...this.settings, nowMs: this.clock.now(), pendingTimers: this.clock.pendingTimers() };
  }

  update(changes: Partial<ClockSettings>): ClockReading {
    const next = { ...this.settings, ...changes };
    if (!Number.isFinite(next.speed) || next.speed < 0 || next.speed > MAX_CLOCK_SPEED) {
      throw new DomainError('UNPROCESSABLE', `speed must be from 0 to ${MAX_CLOCK_SPEED}.`, { speed: next.speed });
    }
    // Start before setting the speed: setSpeed banks wall time since the last tick, and wall time
    // spent in manual mode must not be replayed.
    if (next.mode === 'realtime' && !this.driver.running) this.driver.start();
    if (next.mode === 'manual' && this.driver.running) this.driver.stop();
    this.driver.setSpeed(next.speed);
    this.settings = next;
    this.persist();
    return this.read();
  }

  advance(ms: number): ClockReading {
    if (this.settings.mode !== 'manual') {
      throw new DomainError('CONFLICT', 'The clock follows wall time; switch it to manual mode before advancing it.', { mode: this.settings.mode });
    }
    if (!Number.isInteger(ms) || ms < 1 || ms > MAX_ADVANCE_MS) {
      throw new DomainError('UNPROCESSABLE', `ms must be a whole number from 1 to ${MAX_ADVANCE_MS}.`);
    }
    this.clock.advance(ms);
    this.persist();
    return this.read();
  }

  /** Records the time reached; the server calls it on each realtime tick that changed something. */
  persist(): void {
    this.journal.put(CLOCK_RECORD, 'current', { ...this.settings, nowMs: this.clock.now() });
  }

  stop(): void {
    this.driver.stop();
  }
}
