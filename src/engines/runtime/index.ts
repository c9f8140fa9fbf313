/**
 * Deterministic simulation runtime: the only source of time and randomness for
 * the cluster engines, so that a seed reproduces a run exactly.
 */
import { VirtualClock } from './clock.js';
import { FaultSet } from './faults.js';
import { SimNetwork, type LinkDefaults } from './network.js';
import { SeededRng } from './rng.js';

export * from './clock.js';
export * from './faults.js';
export * from './network.js';
export * from './realtime-driver.js';
export * from './rng.js';

/** Link used by {@link SimulationRuntime.network} when none is given: 1 ms latency + 0..1 ms jitter. */
export const DEFAULT_LINK: Readonly<LinkDefaults> = Object.freeze({ latencyMs: 1, jitterMs: 1 });

/** Settings for {@link SimulationRuntime}. */
export interface RuntimeOptions {
  /** Root seed; the same seed and the same calls give the same run. */
  seed: number;
  /** Initial virtual time, epoch ms. */
  startMs: number;
  /** Delay model of every network's links. Default {@link DEFAULT_LINK}. */
  linkDefaults?: LinkDefaults;
  /** Runaway bound passed to the clock; see {@link VirtualClockOptions.maxTimersPerAdvance}. */
  maxTimersPerAdvance?: number;
}

/** One simulated world: a clock, a root random stream, the faults, and named networks sharing them. */
export class SimulationRuntime {
  /** Virtual time shared by everything in this runtime. */
  readonly clock: VirtualClock;
  /** Root random stream. Consumers should {@link SeededRng.fork} it with their own label rather than draw from it. */
  readonly rng: SeededRng;
  /** Faults in force; every network of this runtime obeys them. */
  readonly faults: FaultSet;
  private readonly linkDefaults: LinkDefaults;
  private readonly networks = new Map<string, SimNetwork<unknown>>();

  /** @param options - see {@link RuntimeOptions}. */
  constructor(options: RuntimeOptions) {
    this.clock = new VirtualClock(
      options.startMs,
      options.maxTimersPerAdvance === undefined ? {} : { maxTimersPerAdvance: options.maxTimersPerAdvance },
    );
    this.rng = new SeededRng(options.seed);
    this.faults = new FaultSet();
    this.linkDefaults = { ...(options.linkDefaults ?? DEFAULT_LINK) };
  }

  /**
   * The network called `name`, created on first use with a random stream forked
   * from the root by name (so networks do not perturb each other's draws).
   * Every call for one name must use the same message type `M`: it is not checked.
   */
  network<M>(name: string): SimNetwork<M> {
    let network = this.networks.get(name);
    if (network === undefined) {
      network = new SimNetwork<unknown>(this.clock, this.rng.fork(`network:${name}`), this.faults, this.linkDefaults);
      this.networks.set(name, network);
    }
    // Sound only under the documented one-type-per-name rule above.
    return network as SimNetwork<M>;
  }
}
