import { LoadBalancerService } from '../services/load-balancer/load-balancer-service.js';
import { loadBalancerHandlers } from '../api/rest/handlers/load-balancer/load-balancer.js';
import { loadBalancerResolvers } from '../api/graphql/resolvers/load-balancer/load-balancer.js';
import type { DomainModule } from './domain-module.js';

/** The load balancer in front of the nodes, one backend per node; it follows membership after the ring. */
export const loadBalancerModule: DomainModule = {
  name: 'load-balancer',
  async assemble({ store, runtime, journal, runner, shared }) {
    return {
      services: { loadBalancer: await LoadBalancerService.load(store, { nodes: shared('nodes'), clock: runtime.clock, journal, runner }) },
      restHandlers: [loadBalancerHandlers],
      resolvers: [loadBalancerResolvers],
    };
  },
};
