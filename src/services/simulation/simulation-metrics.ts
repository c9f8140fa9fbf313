import { readGauge, type MetricsCollector } from '../platform/metrics-service.js';
import type { SimulationService } from './simulation-service.js';

/** Faults in force and the cluster clock's backlog. */
export function simulationMetrics(simulation: SimulationService): MetricsCollector {
  return (registry) => {
    readGauge(registry, 'rustydb_simulation_active_faults', 'Faults injected and not healed.', () => simulation.status().activeFaults);
    readGauge(registry, 'rustydb_simulation_pending_timers', 'Timers scheduled on the cluster clock.', () => simulation.status().clock.pendingTimers);
  };
}
