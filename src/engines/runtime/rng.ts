/**
 * Seeded randomness for the simulation. Every random choice an engine makes
 * (election timeouts, jitter, message loss) comes from here, so one seed
 * reproduces a whole run.
 *
 * Backed by pure-rand's xoroshiro128+ and its unbiased distributions.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { skipN } from 'pure-rand/utils/skipN';

/**
 * Outputs discarded after seeding. xoroshiro128+'s first outputs are close to a
 * plain function of its seed (the very first one is `~seed`); we also avalanche
 * the seed first, so that neighbouring seeds (1, 2, 3...) start far apart.
 */
const WARM_UP_DRAWS = 16;

/** A deterministic random stream. Not safe to share across runs that must stay independent: use {@link SeededRng.fork}. */
export class SeededRng {
  /** The seed this stream was created from (for a fork, the derived child seed). */
  readonly seed: number;
  private readonly generator: RandomGenerator;

  /**
   * @param seed - any safe integer; values beyond 32 bits are folded, not truncated.
   */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new Error(`SeededRng: seed must be a safe integer, got ${seed}`);
    this.seed = seed;
    this.generator = xoroshiro128plus(mix32(seed32(seed)));
    skipN(this.generator, WARM_UP_DRAWS);
  }

  /** Uniform float in [0, 1), 53 bits of precision. Consumes two generator outputs. */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /**
   * Uniform integer in [minInclusive, maxExclusive), without modulo bias.
   * Both bounds must be safe integers with minInclusive < maxExclusive.
   */
  int(minInclusive: number, maxExclusive: number): number {
    if (!Number.isSafeInteger(minInclusive) || !Number.isSafeInteger(maxExclusive)) {
      throw new Error(`SeededRng.int: bounds must be safe integers, got [${minInclusive}, ${maxExclusive})`);
    }
    if (minInclusive >= maxExclusive) {
      throw new Error(`SeededRng.int: empty range [${minInclusive}, ${maxExclusive})`);
    }
    return uniformInt(this.generator, minInclusive, maxExclusive - 1);
  }

  /**
   * True with the given probability. Always consumes one float, even for 0 or 1,
   * so tuning a probability does not shift every later draw of the stream.
   * @param probability - in [0, 1].
   */
  chance(probability: number): boolean {
    if (!(probability >= 0 && probability <= 1)) {
      throw new Error(`SeededRng.chance: probability must be in [0, 1], got ${probability}`);
    }
    return this.float() < probability;
  }

  /** A uniformly chosen element. `items` must be non-empty. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('SeededRng.pick: items is empty');
    return items[this.int(0, items.length)] as T;
  }

  /** A new array with the elements of `items` in uniformly random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const shuffled = items.slice();
    for (let index = shuffled.length - 1; index > 0; index -= 1) {
      const swapIndex = this.int(0, index + 1);
      const held = shuffled[index] as T;
      shuffled[index] = shuffled[swapIndex] as T;
      shuffled[swapIndex] = held;
    }
    return shuffled;
  }

  /**
   * An independent child stream derived from this stream's seed and `label`.
   * Forking reads no draws from the parent, so adding a consumer does not perturb
   * the others. The same label always yields the same child: give each consumer
   * its own label.
   */
  fork(label: string): SeededRng {
    return new SeededRng(childSeed(this.seed, label));
  }
}

/** Folds a safe integer into 32 bits, keeping the high bits' influence. */
function seed32(seed: number): number {
  const low = seed >>> 0; // ToUint32 takes the value modulo 2^32, sign included
  const high = Math.floor(seed / 0x1_0000_0000) | 0;
  return high === 0 ? low | 0 : (low ^ mix32(high)) | 0;
}

/**
 * Child seed = FNV-1a hash of the label, started from the mixed parent seed,
 * then avalanched. A hash, not a generator: it only derives seeds.
 */
function childSeed(parentSeed: number, label: string): number {
  let hash = (0x811c9dc5 ^ mix32(seed32(parentSeed))) >>> 0;
  for (let index = 0; index < label.length; index += 1) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return mix32(hash) >>> 0;
}

/** MurmurHash3's fmix32 finaliser: every input bit flips each output bit with probability ~1/2. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
