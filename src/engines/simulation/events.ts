import type { FaultType } from '../runtime/faults.js';

/** Payload of `fault_injected` and `fault_healed`. */
export interface FaultPayload {
  faultId: string;
  faultType: FaultType;
  nodeIds: string[];
}

/** Events the simulation emits, by type. */
export interface SimulationEventMap {
  [type: string]: unknown;
  fault_injected: FaultPayload;
  fault_healed: FaultPayload;
}
