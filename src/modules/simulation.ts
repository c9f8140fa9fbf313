import { CONTROL_PLANE_ID } from '../engines/cluster/cluster-nodes.js';
import { FaultInjector, loadFaults } from '../engines/simulation/fault-injector.js';
import { SimulationService } from '../services/simulation/simulation-service.js';
import { simulationMetrics } from '../services/simulation/simulation-metrics.js';
import { simulationHandlers } from '../api/rest/handlers/simulation/simulation.js';
import { simulationResolvers } from '../api/graphql/resolvers/simulation/simulation.js';
import type { DomainModule } from './domain-module.js';

/**
 * Faults and the cluster clock, as operations of the API. Listed right after the nodes it faults:
 * faults in force when the server stopped are back before the engines that obey them start.
 */
export const simulationModule: DomainModule = {
  name: 'simulation',
  async assemble({ store, runtime, bus, journal, runner, clockControl, shared }) {
    const nodes = shared('nodes');
    const faultInjector = new FaultInjector(
      { clock: runtime.clock, faults: runtime.faults, bus, journal, isMember: (nodeId) => nodes.has(nodeId), observerId: CONTROL_PLANE_ID },
      await loadFaults(store),
    );
    const simulation = new SimulationService(faultInjector, clockControl, runner);
    return {
      shares: { faultInjector },
      services: { simulation },
      restHandlers: [simulationHandlers],
      resolvers: [simulationResolvers],
      metrics: [simulationMetrics(simulation)],
    };
  },
};
