/**
 * Predicting conflicts from the book's history (README, "Predictions"): per table and key range,
 * an exponentially weighted rate of conflicts per window, the probability of at least one in the
 * next window as a Poisson arrival, and a backtest that scores the same model on every past
 * window against the base rate. Pure.
 */
import type { ConflictHistoryState } from './conflict-history.js';
import { KEY_RANGES, MAX_PREDICTION_SERIES, MAX_WINDOWS, MIN_HISTORY_WINDOWS } from './conflicts-config.js';

export interface Backtest {
  /** Predictions scored: one per series and window after the warm-up. */
  readonly predictions: number;
  /** Mean squared error of the model's probabilities against what happened (0 is perfect); null without predictions. */
  readonly brierScore: number | null;
  /** The same for the base rate (the share of earlier windows with a conflict). */
  readonly baseRateBrierScore: number | null;
  /** 1 − brier/baseRateBrier: above 0 the model beats the base rate; null when the base rate is perfect or nothing was scored. */
  readonly skill: number | null;
  /** Windows in which the series had a conflict, of those scored. */
  readonly positives: number;
}

export interface SeriesPrediction {
  readonly tableName: string;
  /** The key range (0 to keyRanges − 1); null for the whole table. */
  readonly keyRange: number | null;
  /** Exponentially weighted conflicts per window. */
  readonly ratePerWindow: number;
  /** P(at least one conflict in the next window) = 1 − e^(−rate); null with too little history. */
  readonly probability: number | null;
  /** Conflicts in the most recent complete windows, oldest first (at most 12). */
  readonly recentCounts: readonly number[];
  /** Conflicts over the observed windows. */
  readonly totalConflicts: number;
}

export interface ConflictPredictions {
  readonly model: 'EXPONENTIALLY_WEIGHTED_POISSON';
  readonly windowMs: number;
  readonly halfLifeWindows: number;
  readonly keyRanges: number;
  /** Complete windows the history covers (at most MAX_WINDOWS). */
  readonly observedWindows: number;
  readonly minHistoryWindows: number;
  readonly sufficientHistory: boolean;
  /** Start of the window predicted (the current one), cluster epoch ms. */
  readonly nextWindowStartMs: number;
  readonly tables: readonly SeriesPrediction[];
  readonly keyRangeSeries: readonly SeriesPrediction[];
  readonly backtest: { readonly tables: Backtest; readonly keyRanges: Backtest };
  /** What the numbers rest on, in words; says when there is too little history. */
  readonly basis: string;
}

export function predictConflicts(history: ConflictHistoryState, nowMs: number, halfLifeWindows: number, filter: { tableName?: string } = {}): ConflictPredictions {
  const current = Math.floor(nowMs / history.windowMs);
  const first = Math.max(history.firstWindow, current - MAX_WINDOWS);
  const observedWindows = Math.max(0, current - first);
  const sufficientHistory = observedWindows >= MIN_HISTORY_WINDOWS;
  const decay = 2 ** (-1 / halfLifeWindows);

  // Counts per series over the complete windows, oldest first.
  const tableSeries = new Map<string, number[]>();
  const rangeSeries = new Map<string, number[]>();
  const seriesOf = (map: Map<string, number[]>, key: string) => {
    let counts = map.get(key);
    if (counts === undefined) map.set(key, (counts = new Array<number>(observedWindows).fill(0)));
    return counts;
  };
  for (const { window, counts } of history.windows) {
    if (window < first || window >= current) continue;
    for (const [tableName, ranges] of Object.entries(counts)) {
      if (filter.tableName !== undefined && tableName !== filter.tableName) continue;
      for (const [range, count] of Object.entries(ranges)) {
        seriesOf(tableSeries, tableName)[window - first]! += count;
        seriesOf(rangeSeries, `${tableName}\u0000${range}`)[window - first]! += count;
      }
    }
  }

  const predict = (key: string, counts: number[], keyRange: number | null): SeriesPrediction => {
    const rate = weightedRate(counts, decay);
    return {
      tableName: key.split('\u0000')[0]!,
      keyRange,
      ratePerWindow: round(rate),
      probability: sufficientHistory ? round(1 - Math.exp(-rate)) : null,
      recentCounts: counts.slice(-12),
      totalConflicts: counts.reduce((sum, count) => sum + count, 0),
    };
  };
  const byProbability = (a: SeriesPrediction, b: SeriesPrediction) => b.ratePerWindow - a.ratePerWindow || a.tableName.localeCompare(b.tableName) || (a.keyRange ?? 0) - (b.keyRange ?? 0);
  const tables = [...tableSeries].map(([key, counts]) => predict(key, counts, null)).sort(byProbability).slice(0, MAX_PREDICTION_SERIES);
  const keyRangeSeries = [...rangeSeries].map(([key, counts]) => predict(key, counts, Number(key.split('\u0000')[1]))).sort(byProbability).slice(0, MAX_PREDICTION_SERIES);
  const backtest = { tables: backtestOf([...tableSeries.values()], decay), keyRanges: backtestOf([...rangeSeries.values()], decay) };

  const basis = sufficientHistory
    ? `Rates are exponentially weighted conflicts per ${history.windowMs} ms window (half-life ${halfLifeWindows} windows) over ${observedWindows} complete windows; the probability is 1 − e^(−rate). The backtest predicted each past window from the windows before it (after ${MIN_HISTORY_WINDOWS} of warm-up) and scores it against the base rate.`
    : `Too little history: ${observedWindows} complete window(s) of ${history.windowMs} ms, and a prediction needs ${MIN_HISTORY_WINDOWS}; rates are shown, probabilities are not.`;
  return {
    model: 'EXPONENTIALLY_WEIGHTED_POISSON',
    windowMs: history.windowMs,
    halfLifeWindows,
    keyRanges: KEY_RANGES,
    observedWindows,
    minHistoryWindows: MIN_HISTORY_WINDOWS,
    sufficientHistory,
    nextWindowStartMs: current * history.windowMs,
    tables,
    keyRangeSeries,
    backtest,
    basis,
  };
}

/** The exponentially weighted mean of counts per window, the newest weighing most. */
function weightedRate(counts: readonly number[], decay: number): number {
  let weighted = 0;
  let weights = 0;
  for (const count of counts) {
    weighted = weighted * decay + count;
    weights = weights * decay + 1;
  }
  return weights === 0 ? 0 : weighted / weights;
}

/** Scores, for every series and every window after the warm-up, the model fitted on the windows before. */
function backtestOf(series: readonly number[][], decay: number): Backtest {
  let predictions = 0;
  let positives = 0;
  let modelError = 0;
  let baseError = 0;
  for (const counts of series) {
    let weighted = 0;
    let weights = 0;
    let windowsWithConflict = 0;
    counts.forEach((count, index) => {
      if (index >= MIN_HISTORY_WINDOWS) {
        const happened = count > 0 ? 1 : 0;
        const probability = 1 - Math.exp(-(weighted / weights));
        const baseRate = windowsWithConflict / index;
        modelError += (probability - happened) ** 2;
        baseError += (baseRate - happened) ** 2;
        predictions += 1;
        positives += happened;
      }
      weighted = weighted * decay + count;
      weights = weights * decay + 1;
      if (count > 0) windowsWithConflict += 1;
    });
  }
  if (predictions === 0) return { predictions, brierScore: null, baseRateBrierScore: null, skill: null, positives };
  const brierScore = modelError / predictions;
  const baseRateBrierScore = baseError / predictions;
  return { predictions, brierScore: round(brierScore), baseRateBrierScore: round(baseRateBrierScore), skill: baseRateBrierScore === 0 ? null : round(1 - brierScore / baseRateBrierScore), positives };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
