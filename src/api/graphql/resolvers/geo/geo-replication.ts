import type { GeoDatacenter, GeoStream as GraphQLGeoStream, Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { CreateDatacenterRequest } from '../../../../engines/geo/geo-engine.js';
import type { CreateStreamInput } from '../../../../engines/geo/geo-streams.js';
import type { CalculatorRequest } from '../../../../services/geo/geo-service.js';
import { nullIfNotFound, withoutNulls } from '../../arguments.js';

/** GraphQL twins of /api/v1/geo-replication: datacenters, streams, vector clocks, statistics. */
export const geoReplicationResolvers: Resolvers = {
  Query: {
    geoDatacenters: async (_parent, args, { services, operation }) =>
      services.geoReplication.listDatacenters(await operation(), { region: args.region ?? undefined, limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items as unknown as GeoDatacenter[],
    geoDatacenter: async (_parent, { id }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.geoReplication.getDatacenter(context, id)) as unknown as GeoDatacenter | null;
    },
    geoStreams: async (_parent, args, { services, operation }) =>
      services.geoReplication.listStreams(await operation(), { state: args.state ?? undefined, limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items as unknown as GraphQLGeoStream[],
    geoStreamStatus: async (_parent, { id }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.geoReplication.getStreamStatus(context, id)) as unknown as GraphQLGeoStream | null;
    },
    geoVectorClock: async (_parent, { datacenterId, session }, { services, operation }) => services.geoReplication.vectorClock(await operation(), datacenterId, session ?? undefined),
    geoReplicationStatistics: async (_parent, _args, { services, operation }) => services.geoReplication.statistics(await operation()),
    geoConsistencyForecast: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls({ ...input, replicasPerDatacenter: input.replicasPerDatacenter?.map((entry) => ({ ...entry })) });
      contract.check('ConsistencyCalculatorRequest', request);
      return services.geoReplication.calculate(context, request as CalculatorRequest);
    },
  },
  Mutation: {
    createGeoDatacenter: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = {
        ...withoutNulls({ ...input, location: undefined, wanLinks: undefined }),
        location: { ...input.location },
        ...(input.wanLinks ? { wanLinks: input.wanLinks.map((link) => withoutNulls({ ...link })) } : {}),
      };
      contract.check('CreateDatacenterRequest', request);
      return (await services.geoReplication.createDatacenter(context, request as unknown as CreateDatacenterRequest)) as unknown as GeoDatacenter;
    },
    deleteGeoDatacenter: async (_parent, { id }, { services, operation }) => (await services.geoReplication.deleteDatacenter(await operation(), id)).deleted,
    createGeoStream: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls({ ...input });
      contract.check('CreateGeoStreamRequest', request);
      return (await services.geoReplication.createStream(context, request as CreateStreamInput)) as unknown as GraphQLGeoStream;
    },
    setGeoStreamConsistencyLevel: async (_parent, { id, consistencyLevel }, { services, operation }) =>
      (await services.geoReplication.setConsistencyLevel(await operation(), id, consistencyLevel)) as unknown as GraphQLGeoStream,
  },
};
