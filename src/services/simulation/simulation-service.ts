import type { Fault, FaultSpec } from '../../engines/runtime/index.js';
import type { FaultInjector } from '../../engines/simulation/fault-injector.js';
import type { ClockControl, ClockReading, ClockSettings } from '../../engines/simulation/clock-control.js';
import { pageOf, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';
import { creationOf } from '../platform/operation-runner.js';

/** A fault as the API shows it. */
export interface FaultResource {
  id: string;
  type: Fault['type'];
  nodes: string[];
  groups: string[][];
  ms: number | null;
  rate: number | null;
  createdAt: string;
}

/** The clock as the API shows it. */
export interface ClockResource {
  mode: ClockSettings['mode'];
  speed: number;
  now: string;
  pendingTimers: number;
}

/** Faults and the cluster clock, for failover drills. */
export class SimulationService {
  constructor(
    private readonly injector: FaultInjector,
    private readonly clockControl: ClockControl,
    private readonly runner: OperationRunner,
  ) {}

  listFaults(context: OperationContext, query: { type?: Fault['type']; limit?: number; offset?: number }): Page<FaultResource> {
    return this.runner.read(context, 'listFaults', () =>
      pageOf(this.injector.list().map(toFaultResource), { filters: { type: query.type }, limit: query.limit, offset: query.offset }),
    );
  }

  injectFault(context: OperationContext, spec: FaultSpec): Promise<FaultResource> {
    const target = creationOf('simulation.fault', (fault: FaultResource) => fault.id, `(new ${spec.type})`);
    return this.runner.run(context, 'injectFault', target, () => toFaultResource(this.injector.inject(spec)));
  }

  healFault(context: OperationContext, faultId: string): Promise<FaultResource> {
    return this.runner.run(context, 'healFault', `simulation.fault/${faultId}`, () => toFaultResource(this.injector.heal(faultId)));
  }

  getClock(context: OperationContext): ClockResource {
    return this.runner.read(context, 'getClock', () => toClockResource(this.clockControl.read()));
  }

  setClock(context: OperationContext, changes: Partial<ClockSettings>): Promise<ClockResource> {
    return this.runner.run(context, 'setClock', 'simulation.clock', () => toClockResource(this.clockControl.update(changes)));
  }

  advanceClock(context: OperationContext, ms: number): Promise<ClockResource> {
    return this.runner.run(context, 'advanceClock', 'simulation.clock', () => toClockResource(this.clockControl.advance(ms)));
  }

  /** Figures for metrics; no caller involved. */
  status(): { clock: ClockReading; activeFaults: number } {
    return { clock: this.clockControl.read(), activeFaults: this.injector.list().length };
  }
}

function toFaultResource(fault: Fault): FaultResource {
  return {
    id: fault.id,
    type: fault.type,
    nodes: [...(fault.nodes ?? [])],
    groups: (fault.groups ?? []).map((group) => [...group]),
    ms: fault.ms ?? null,
    rate: fault.rate ?? null,
    createdAt: new Date(fault.createdAtMs).toISOString(),
  };
}

function toClockResource(reading: ClockReading): ClockResource {
  return { mode: reading.mode, speed: reading.speed, now: new Date(reading.nowMs).toISOString(), pendingTimers: reading.pendingTimers };
}
