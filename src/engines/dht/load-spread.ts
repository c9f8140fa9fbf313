/**
 * How evenly load is spread over nodes that may have different weights. Each node's load is
 * divided by its fair share (the total load times its weight share), giving a load factor: 1 is
 * exactly fair, 2 is twice its share. The spread is described over those load factors.
 */
export interface LoadSpread {
  /** Mean load factor (exactly 1 when all weights are equal). */
  meanLoadFactor: number;
  /** Population variance of the load factors. */
  variance: number;
  standardDeviation: number;
  /** Highest load factor over the mean: how much hotter than average the hottest node runs. */
  maxOverMean: number;
  /** Lowest load factor over the mean. */
  minOverMean: number;
}

export interface WeightedLoad {
  load: number;
  weight: number;
}

/** The spread of `loads`; null when there is no node or no load to spread. */
export function loadSpreadOf(loads: readonly WeightedLoad[]): LoadSpread | null {
  const totalLoad = loads.reduce((sum, entry) => sum + entry.load, 0);
  const totalWeight = loads.reduce((sum, entry) => sum + entry.weight, 0);
  if (loads.length === 0 || totalLoad <= 0 || totalWeight <= 0) return null;
  const factors = loads.map((entry) => entry.load / ((totalLoad * entry.weight) / totalWeight));
  const mean = factors.reduce((sum, factor) => sum + factor, 0) / factors.length;
  const variance = factors.reduce((sum, factor) => sum + (factor - mean) ** 2, 0) / factors.length;
  return {
    meanLoadFactor: mean,
    variance,
    standardDeviation: Math.sqrt(variance),
    maxOverMean: Math.max(...factors) / mean,
    minOverMean: Math.min(...factors) / mean,
  };
}
