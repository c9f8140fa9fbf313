import { DEFAULT_LINK } from '../engines/runtime/index.js';
import { CoordinatorService } from '../services/coordinator/coordinator-service.js';
import { QueryLatency } from '../services/coordinator/query-latency.js';
import { coordinatorHandlers } from '../api/rest/handlers/coordinator/coordinator.js';
import { coordinatorResolvers } from '../api/graphql/resolvers/coordinator/coordinator.js';
import type { DomainModule } from './domain-module.js';

/** Shards placed on the nodes and the plans a distributed query follows, through the load balancer. */
export const coordinatorModule: DomainModule = {
  name: 'coordinator',
  async assemble({ store, runtime, journal, runner, shared, service }) {
    // The runtime is built without linkDefaults, so every simulated link has DEFAULT_LINK's delay model.
    const latency = new QueryLatency(DEFAULT_LINK, runtime.faults);
    const coordinator = await CoordinatorService.load(store, {
      nodes: shared('nodes'),
      loadBalancer: service('loadBalancer'),
      latency,
      clock: runtime.clock,
      journal,
      runner,
    });
    return {
      shares: { coordinator: coordinator.engineHandle() },
      services: { coordinator },
      restHandlers: [coordinatorHandlers],
      resolvers: [coordinatorResolvers],
    };
  },
};
