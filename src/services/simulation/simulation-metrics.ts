import { readGauge, type MetricsCollector } from '../platform/metrics-service.js';
import type { SimulationService } from './simulation-service.js';

/** Faults in force and the cluster clock's backlog. */
export function simulationMetrics(simulation: SimulationService): MetricsCollector {
  return (registry) => {
    readGauge(registry, { name: 'rustydb_simulation_active_faults', help: 'Faults injected and not healed.', read: () => simulation.status().activeFaults });
    readGauge(registry, { name: 'rustydb_simulation_pending_timers', help: 'Timers scheduled on the cluster clock.', read: () => simulation.status().clock.pendingTimers });
  };
}
