import { FaultSpecError, type Fault, type FaultSet, type FaultSpec, type VirtualClock } from '../runtime/index.js';
import type { EventBus } from '../runtime/event-bus.js';
import type { Journal } from '../../store/journal.js';
import { DomainError } from '../runtime/domain-error.js';
import type { SimulationEventMap } from './events.js';

export const FAULT_RECORD = 'simulation.fault';
const FAULT_COUNTER_RECORD = 'simulation.faultCounter';

/** Most faults active at once. */
export const MAX_ACTIVE_FAULTS = 100;

export interface FaultInjectorDeps {
  clock: VirtualClock;
  faults: FaultSet;
  bus: EventBus<SimulationEventMap>;
  journal: Journal;
  /** Whether a node id names a member; faults may only name members (and the observer). */
  isMember: (nodeId: string) => boolean;
  /**
   * The failure detector's own id. A partition that does not name it places it in the largest
   * group (the first of equals), the side a majority would keep; naming it places it explicitly.
   */
  observerId: string;
}

/**
 * Operators' handle on the fault set: injects and heals faults with stable ids (`fault-N`),
 * keeps them across restarts, and announces each change as an event.
 */
export class FaultInjector {
  private lastFaultNumber: number;

  constructor(private readonly deps: FaultInjectorDeps, restored: { faults: Fault[]; lastFaultNumber: number }) {
    deps.faults.restore(restored.faults);
    this.lastFaultNumber = restored.lastFaultNumber;
  }

  list(): Fault[] {
    return this.deps.faults.list();
  }

  inject(spec: FaultSpec): Fault {
    if (this.deps.faults.list().length >= MAX_ACTIVE_FAULTS) {
      throw new DomainError('CONFLICT', `At most ${MAX_ACTIVE_FAULTS} faults can be active; heal some first.`);
    }
    const unknownNodes = nodesNamedBy(spec).filter((nodeId) => nodeId !== this.deps.observerId && !this.deps.isMember(nodeId));
    if (unknownNodes.length > 0) {
      throw new DomainError('NOT_FOUND', `No cluster node has id ${unknownNodes.map((id) => `"${id}"`).join(', ')}.`, {
        resource: 'cluster.node',
        ids: unknownNodes,
      });
    }
    const faultNumber = this.lastFaultNumber + 1;
    let fault: Fault;
    try {
      fault = this.deps.faults.inject(this.withObserverPlaced(spec), `fault-${faultNumber}`, this.deps.clock.now());
    } catch (error) {
      if (error instanceof FaultSpecError) throw new DomainError('UNPROCESSABLE', error.message);
      throw error;
    }
    this.lastFaultNumber = faultNumber;
    this.deps.journal.put(FAULT_COUNTER_RECORD, 'last', faultNumber);
    this.deps.journal.put(FAULT_RECORD, fault.id, fault);
    this.deps.bus.publish('fault_injected', 'simulation.faults', payloadOf(fault));
    return fault;
  }

  private withObserverPlaced(spec: FaultSpec): FaultSpec {
    if (spec.type !== 'partition' || !spec.groups || spec.groups.some((group) => group.includes(this.deps.observerId))) return spec;
    const largest = spec.groups.reduce((best, group, index) => (group.length > spec.groups![best]!.length ? index : best), 0);
    return { ...spec, groups: spec.groups.map((group, index) => (index === largest ? [...group, this.deps.observerId] : group)) };
  }

  heal(faultId: string): Fault {
    const fault = this.deps.faults.heal(faultId);
    if (!fault) throw new DomainError('NOT_FOUND', `No active fault has id "${faultId}".`, { resource: 'simulation.fault', id: faultId });
    this.deps.journal.delete(FAULT_RECORD, faultId);
    this.deps.bus.publish('fault_healed', 'simulation.faults', payloadOf(fault));
    return fault;
  }
}

/** Reads what FaultInjector persisted. */
export async function loadFaults(store: { list<T>(kind: string): Promise<{ value: T }[]>; get<T>(kind: string, id: string): Promise<T | undefined> }) {
  const faults = (await store.list<Fault>(FAULT_RECORD)).map((record) => record.value).sort((a, b) => faultNumber(a.id) - faultNumber(b.id));
  const lastFaultNumber = (await store.get<number>(FAULT_COUNTER_RECORD, 'last')) ?? 0;
  return { faults, lastFaultNumber };
}

function faultNumber(faultId: string): number {
  return Number(faultId.slice('fault-'.length));
}

function nodesNamedBy(spec: FaultSpec): string[] {
  return [...new Set([...(spec.nodes ?? []), ...(spec.groups ?? []).flat()])];
}

function payloadOf(fault: Fault): SimulationEventMap['fault_injected'] {
  return { faultId: fault.id, faultType: fault.type, nodeIds: nodesNamedBy(fault) };
}
