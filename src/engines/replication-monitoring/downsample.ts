/**
 * Largest-Triangle-Three-Buckets (Steinarsson, "Downsampling Time Series for Visual
 * Representation", 2013): keeps the first and last points and, from each of `threshold − 2`
 * equal buckets between them, the point that makes the largest triangle with the point kept
 * before it and the mean of the next bucket. Peaks and troughs survive, which an average per
 * bucket would flatten: a lag spike stays on the chart.
 */
import type { SeriesPoint } from './channel.js';

/** At most `threshold` points of `points` (ascending by time), each one of them, in order. */
export function largestTriangleThreeBuckets(points: readonly SeriesPoint[], threshold: number): SeriesPoint[] {
  if (threshold >= points.length || points.length <= 2) return [...points];
  if (threshold <= 2) return threshold <= 0 ? [] : threshold === 1 ? [points[0] as SeriesPoint] : [points[0] as SeriesPoint, points[points.length - 1] as SeriesPoint];
  const kept: SeriesPoint[] = [points[0] as SeriesPoint];
  const bucketSize = (points.length - 2) / (threshold - 2);
  let previous = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    // The mean of the next bucket (the last point for the last bucket).
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, points.length);
    let meanAtMs = 0;
    let meanValue = 0;
    for (let index = nextStart; index < nextEnd; index++) {
      meanAtMs += (points[index] as SeriesPoint).atMs;
      meanValue += (points[index] as SeriesPoint).value;
    }
    const count = Math.max(1, nextEnd - nextStart);
    meanAtMs /= count;
    meanValue /= count;
    const anchor = points[previous] as SeriesPoint;
    let largestArea = -1;
    let chosen = start;
    for (let index = start; index < end; index++) {
      const point = points[index] as SeriesPoint;
      const area = Math.abs((anchor.atMs - meanAtMs) * (point.value - anchor.value) - (anchor.atMs - point.atMs) * (meanValue - anchor.value));
      if (area > largestArea) {
        largestArea = area;
        chosen = index;
      }
    }
    kept.push(points[chosen] as SeriesPoint);
    previous = chosen;
  }
  kept.push(points[points.length - 1] as SeriesPoint);
  return kept;
}
