/**
 * The conflict book's limits and the prediction model's parameters (README, "The conflict record
 * and the book", "Predictions"). `validateConflictsConfig` fills defaults and rejects nonsense.
 */

/** Conflict records kept by default; the oldest resolved go first. */
export const CONFLICTS_KEPT = 1000;
/** Tables counted by name in the statistics; more count under `(other)`. */
export const MAX_COUNTED_TABLES = 256;
/** The label the statistics count tables beyond `MAX_COUNTED_TABLES` under. */
export const OTHER_TABLES = '(other)';
/** Key ranges per table the predictions keep rates for (equal cuts of the 32-bit MurmurHash3 token space). */
export const KEY_RANGES = 8;
/** Windows of conflict counts kept for the predictions. */
export const MAX_WINDOWS = 288;
/** Windows a prediction needs before it gives a probability (and the backtest's warm-up). */
export const MIN_HISTORY_WINDOWS = 5;
/** Most series (table × key range) a prediction reports, highest probability first. */
export const MAX_PREDICTION_SERIES = 50;

export interface ConflictsConfig {
  /** Conflict records kept (1 to 100,000). */
  capacity: number;
  /** Length of a prediction window, in cluster ms (1 s to 1 day). */
  windowMs: number;
  /** Half-life of the conflict rate's exponential decay, in windows (0.5 to 1,000). */
  halfLifeWindows: number;
}

export const DEFAULT_CONFLICTS_CONFIG: Readonly<ConflictsConfig> = Object.freeze({ capacity: CONFLICTS_KEPT, windowMs: 60_000, halfLifeWindows: 6 });

/** @throws Error naming every bad field (a programmer's or operator's configuration error). */
export function validateConflictsConfig(input: Partial<ConflictsConfig> = {}): ConflictsConfig {
  const config = { ...DEFAULT_CONFLICTS_CONFIG, ...input };
  const problems: string[] = [];
  if (!Number.isSafeInteger(config.capacity) || config.capacity < 1 || config.capacity > 100_000) problems.push(`capacity ${config.capacity} is not 1 to 100000`);
  if (!Number.isSafeInteger(config.windowMs) || config.windowMs < 1_000 || config.windowMs > 86_400_000) problems.push(`windowMs ${config.windowMs} is not 1000 to 86400000`);
  if (!Number.isFinite(config.halfLifeWindows) || config.halfLifeWindows < 0.5 || config.halfLifeWindows > 1_000) problems.push(`halfLifeWindows ${config.halfLifeWindows} is not 0.5 to 1000`);
  if (problems.length > 0) throw new Error(`invalid conflicts config: ${problems.join('; ')}`);
  return config;
}
