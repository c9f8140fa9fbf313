/**
 * A RAC cluster on an engine world (runtime, store, journal and event bus: see
 * ../runtime/engine-world.ts). Time moves only through {@link RacHarness.advance}.
 */
import type { RacEventMap } from '../../../src/engines/rac/events.js';
import { RacCluster, type RacBootstrap } from '../../../src/engines/rac/rac-cluster.js';
import { loadRacState, RacJournal } from '../../../src/engines/rac/rac-records.js';
import { startEngineWorld, type EngineWorld, type EngineWorldOptions } from '../runtime/engine-world.js';

export { START_MS } from '../runtime/engine-world.js';
export const INSTANCE_IDS = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];

export interface RacHarnessOptions extends EngineWorldOptions, Partial<Omit<RacBootstrap, 'instanceIds'>> {
  instanceIds?: string[];
}

export interface RacHarness extends Omit<EngineWorld<RacEventMap>, 'bus' | 'restarting'> {
  cluster: RacCluster;
}

export async function startRac(options: RacHarnessOptions = {}): Promise<RacHarness> {
  const world = await startEngineWorld<RacEventMap>(options);
  const deps = { runtime: world.runtime, bus: world.bus, records: new RacJournal(world.journal) };
  const restored = world.restarting ? await loadRacState(world.store) : null;
  const cluster =
    restored === null
      ? RacCluster.bootstrap(deps, {
          instanceIds: options.instanceIds ?? INSTANCE_IDS,
          config: { blocksPerTable: 16, rowsPerBlock: 8, ...options.config },
          ...(options.recovery ? { recovery: options.recovery } : {}),
          ...(options.parallelQuery ? { parallelQuery: options.parallelQuery } : {}),
        })
      : RacCluster.restore(deps, restored);
  await world.journal.flush();
  return {
    ...world,
    cluster,
    async close() {
      cluster.close();
      await world.close();
    },
  };
}

export { domainErrorFrom } from '../cluster/harness.js';
