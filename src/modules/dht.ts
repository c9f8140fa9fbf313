import { DhtService } from '../services/dht/dht-service.js';
import { dhtHandlers } from '../api/rest/handlers/dht/dht.js';
import { dhtResolvers } from '../api/graphql/resolvers/dht/dht.js';
import type { DomainModule } from './domain-module.js';

/** The consistent-hash ring over the cluster's nodes; it follows membership from here on. */
export const dhtModule: DomainModule = {
  name: 'dht',
  async assemble({ store, journal, runner, shared }) {
    return {
      services: { dht: await DhtService.load(store, { nodes: shared('nodes'), journal, runner }) },
      restHandlers: [dhtHandlers],
      resolvers: [dhtResolvers],
    };
  },
};
