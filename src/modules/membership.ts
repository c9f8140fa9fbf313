import { MembershipService } from '../services/membership/membership-service.js';
import { membershipHandlers } from '../api/rest/handlers/membership/membership.js';
import { membershipResolvers } from '../api/graphql/resolvers/membership/membership.js';
import { membershipMetrics } from '../services/membership/membership-metrics.js';
import type { DomainModule } from './domain-module.js';

/**
 * SWIM gossip among the nodes. Listed before consensus: the gossip group takes each node's own
 * role as metadata, not LEADER or CANDIDATE.
 */
export const membershipModule: DomainModule = {
  name: 'membership',
  async assemble({ store, runtime, bus, journal, runner, shared }) {
    const membership = await MembershipService.start(store, { runtime, nodes: shared('nodes'), bus, journal }, runner);
    return {
      services: { membership },
      restHandlers: [membershipHandlers],
      resolvers: [membershipResolvers],
      metrics: [membershipMetrics(membership)],
      close: () => membership.close(),
    };
  },
};
