import { afterEach, describe, expect, it } from 'vitest';
import { FaultSet, VirtualClock, type FaultSpec } from '../../../src/engines/runtime/index.js';
import { EventBus, type BusEvent } from '../../../src/engines/runtime/event-bus.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { FAULT_RECORD, FaultInjector, MAX_ACTIVE_FAULTS, loadFaults } from '../../../src/engines/simulation/fault-injector.js';
import type { FaultPayload, SimulationEventMap } from '../../../src/engines/simulation/events.js';
import { Journal } from '../../../src/store/journal.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';

const START_MS = Date.UTC(2030, 0, 1);
const MEMBERS = new Set(['node-1', 'node-2', 'node-3', 'node-4', 'node-5']);

interface Simulation {
  clock: VirtualClock;
  faults: FaultSet;
  journal: Journal;
  bus: EventBus<SimulationEventMap>;
  injector: FaultInjector;
  events: BusEvent[];
}

const stores: SqliteStore[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function newStore(): SqliteStore {
  const store = SqliteStore.open(':memory:');
  stores.push(store);
  return store;
}

/** Starts the injector over `store` the way the platform does: restoring what it persisted. */
async function startSimulation(store: SqliteStore, startMs = START_MS): Promise<Simulation> {
  const clock = new VirtualClock(startMs);
  const faults = new FaultSet();
  const journal = new Journal(store);
  const bus = await EventBus.create<SimulationEventMap>(journal, store, () => clock.now());
  const events: BusEvent[] = [];
  bus.subscribe({}, (event) => events.push(event));
  const injector = new FaultInjector(
    { clock, faults, bus, journal, isMember: (nodeId) => MEMBERS.has(nodeId), observerId: 'control-plane' },
    await loadFaults(store),
  );
  return { clock, faults, journal, bus, injector, events };
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

describe('FaultInjector', () => {
  it('numbers faults fault-1, fault-2, … and applies them to the fault set', async () => {
    const { injector, faults, clock } = await startSimulation(newStore());
    const crash = injector.inject({ type: 'crash', nodes: ['node-2'] });
    clock.advance(250);
    const partition = injector.inject({ type: 'partition', groups: [['node-1', 'node-2'], ['node-3', 'node-4', 'node-5']] });

    expect(crash).toEqual({ id: 'fault-1', type: 'crash', nodes: ['node-2'], createdAtMs: START_MS });
    expect(partition).toMatchObject({ id: 'fault-2', createdAtMs: START_MS + 250 });
    expect(faults.isCrashed('node-2')).toBe(true);
    expect(faults.isPartitioned('node-1', 'node-3')).toBe(true);
    expect(injector.list().map((fault) => fault.id)).toEqual(['fault-1', 'fault-2']);
  });

  it('rejects a fault naming a node that is not a member with NOT_FOUND, listing the unknown ids', async () => {
    const { injector, journal } = await startSimulation(newStore());
    const error = rejection(() => injector.inject({ type: 'partition', groups: [['node-1', 'node-8'], ['node-9', 'node-8']] }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toEqual({ resource: 'cluster.node', ids: ['node-8', 'node-9'] });
    expect(injector.list()).toEqual([]);
    expect(journal.pending).toBe(false);
  });

  it.each<[string, FaultSpec]>([
    ['loss without a rate', { type: 'loss', nodes: ['node-1'] }],
    ['loss above 1', { type: 'loss', nodes: ['node-1'], rate: 1.5 }],
    ['latency of 0 ms', { type: 'latency', nodes: ['node-1'], ms: 0 }],
    ['crash without nodes', { type: 'crash' }],
    ['crash with a rate', { type: 'crash', nodes: ['node-1'], rate: 0.5 }],
    ['partition with one group', { type: 'partition', groups: [['node-1', 'node-2']] }],
    ['partition with overlapping groups', { type: 'partition', groups: [['node-1', 'node-2'], ['node-2', 'node-3']] }],
  ])('maps a bad spec (%s) to UNPROCESSABLE without using up an id', async (_case, spec) => {
    const { injector, journal } = await startSimulation(newStore());
    const error = rejection(() => injector.inject(spec));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message.length).toBeGreaterThan(10);
    expect(journal.pending).toBe(false);
    expect(injector.inject({ type: 'crash', nodes: ['node-1'] }).id).toBe('fault-1');
  });

  it(`refuses more than ${MAX_ACTIVE_FAULTS} active faults with CONFLICT`, async () => {
    const { injector } = await startSimulation(newStore());
    for (let index = 0; index < MAX_ACTIVE_FAULTS; index += 1) injector.inject({ type: 'latency', nodes: ['node-1'], ms: 1 });
    expect(rejection(() => injector.inject({ type: 'crash', nodes: ['node-1'] })).code).toBe('CONFLICT');
    injector.heal('fault-1');
    expect(injector.inject({ type: 'crash', nodes: ['node-1'] }).id).toBe(`fault-${MAX_ACTIVE_FAULTS + 1}`);
  });

  it('heals a fault by id, and an unknown id is NOT_FOUND', async () => {
    const { injector, faults } = await startSimulation(newStore());
    injector.inject({ type: 'crash', nodes: ['node-2'] });
    expect(injector.heal('fault-1')).toMatchObject({ id: 'fault-1', type: 'crash' });
    expect(faults.isCrashed('node-2')).toBe(false);
    const again = rejection(() => injector.heal('fault-1'));
    expect(again.code).toBe('NOT_FOUND');
    expect(again.details).toEqual({ resource: 'simulation.fault', id: 'fault-1' });
    expect(rejection(() => injector.heal('fault-77')).code).toBe('NOT_FOUND');
  });

  it('places the failure detector in the largest group of a partition that does not name it', async () => {
    const { injector } = await startSimulation(newStore());
    const implicit = injector.inject({ type: 'partition', groups: [['node-1'], ['node-2', 'node-3']] });
    expect(implicit.groups).toEqual([['node-1'], ['node-2', 'node-3', 'control-plane']]);
    const explicit = injector.inject({ type: 'partition', groups: [['node-1', 'control-plane'], ['node-2', 'node-3']] });
    expect(explicit.groups).toEqual([['node-1', 'control-plane'], ['node-2', 'node-3']]);
  });

  it('announces fault_injected and fault_healed with every node the fault names', async () => {
    const { injector, journal, events } = await startSimulation(newStore());
    injector.inject({ type: 'partition', groups: [['node-1', 'node-2'], ['node-3']] });
    injector.inject({ type: 'loss', nodes: ['node-4'], rate: 0.25 });
    injector.heal('fault-1');
    await journal.flush();
    const transcript = events.map((event) => [event.type, event.source, event.payload as FaultPayload]);
    expect(transcript).toEqual([
      ['fault_injected', 'simulation.faults', { faultId: 'fault-1', faultType: 'partition', nodeIds: ['node-1', 'node-2', 'control-plane', 'node-3'] }],
      ['fault_injected', 'simulation.faults', { faultId: 'fault-2', faultType: 'loss', nodeIds: ['node-4'] }],
      ['fault_healed', 'simulation.faults', { faultId: 'fault-1', faultType: 'partition', nodeIds: ['node-1', 'node-2', 'control-plane', 'node-3'] }],
    ]);
  });

  it('persists active faults and the counter, so a reload keeps them and never reuses an id', async () => {
    const store = newStore();
    const before = await startSimulation(store);
    before.injector.inject({ type: 'crash', nodes: ['node-1'] });
    before.clock.advance(100);
    before.injector.inject({ type: 'latency', nodes: ['node-2'], ms: 40 });
    before.injector.inject({ type: 'loss', nodes: ['node-3'], rate: 0.5 });
    before.injector.heal('fault-3');
    await before.journal.flush();
    const active = before.injector.list();
    before.bus.close();

    expect((await store.list(FAULT_RECORD)).map((record) => record.id)).toEqual(['fault-1', 'fault-2']);
    expect(await loadFaults(store)).toEqual({ faults: active, lastFaultNumber: 3 });

    const after = await startSimulation(store, START_MS + 60_000);
    expect(after.injector.list()).toEqual(active);
    expect(after.faults.isCrashed('node-1')).toBe(true);
    expect(after.faults.extraLatencyMs('node-2', 'node-4')).toBe(40);
    expect(after.injector.inject({ type: 'crash', nodes: ['node-5'] }).id).toBe('fault-4');
  });

  it('reloads faults in numeric order: fault-10 after fault-9', async () => {
    const store = newStore();
    const before = await startSimulation(store);
    for (let index = 1; index <= 10; index += 1) before.injector.inject({ type: 'latency', nodes: ['node-1'], ms: index });
    await before.journal.flush();
    before.bus.close();
    const { faults } = await loadFaults(store);
    expect(faults.map((fault) => fault.id)).toEqual(Array.from({ length: 10 }, (_, index) => `fault-${index + 1}`));
  });
});
