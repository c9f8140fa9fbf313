import type {
  LogicalChanges as GraphQLLogicalChanges,
  LogicalStatistics as GraphQLLogicalStatistics,
  LogicalSubscription as GraphQLLogicalSubscription,
  Publication as GraphQLPublication,
  PublicationInput,
  Resolvers,
  SubscriptionInput,
  UpdatePublicationInput,
  UpdateSubscriptionInput,
} from '../../../../../generated/graphql/resolvers-types.js';
import type { PublicationInput as EnginePublicationInput } from '../../../../engines/logical/publication.js';
import type { SubscriptionInput as EngineSubscriptionInput } from '../../../../engines/logical/subscription.js';
import type { UpdateSubscriptionRequest } from '../../../../services/logical/logical-service.js';
import { nullIfNotFound, withoutNulls } from '../../arguments.js';

/** A publication input as the REST body writes it: absent fields dropped, in tables and masks too. */
function publicationRequestOf(input: PublicationInput | UpdatePublicationInput): EnginePublicationInput {
  const request: Record<string, unknown> = withoutNulls({ ...input, tables: undefined });
  if (input.tables) request.tables = input.tables.map((table) => ({ ...withoutNulls({ ...table, masks: undefined }), ...(table.masks ? { masks: table.masks.map((mask) => withoutNulls({ ...mask })) } : {}) }));
  return request as EnginePublicationInput;
}

function subscriptionRequestOf(input: SubscriptionInput | UpdateSubscriptionInput): Record<string, unknown> {
  const request: Record<string, unknown> = withoutNulls({ ...input, conflictResolution: undefined, skip: undefined });
  if (input.conflictResolution) request.conflictResolution = withoutNulls({ ...input.conflictResolution });
  if ('skip' in input && input.skip) request.skip = withoutNulls({ ...input.skip });
  return request;
}

/** GraphQL twins of /api/v1/advanced-replication/logical: the seed's four fields and the rest. */
export const logicalResolvers: Resolvers = {
  Query: {
    logicalPublications: async (_parent, args, { services, operation }) =>
      services.logical.listPublications(await operation(), 'listLogicalPublications', { nodeId: args.nodeId ?? undefined, limit: args.limit ?? undefined, offset: args.offset ?? undefined })
        .items as unknown as GraphQLPublication[],
    logicalPublication: async (_parent, { name }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.logical.getPublication(context, 'getLogicalPublication', name)) as unknown as GraphQLPublication | null;
    },
    logicalSubscriptions: async (_parent, args, { services, operation }) =>
      services.logical.listSubscriptions(await operation(), 'listLogicalSubscriptions', {
        status: args.status ?? undefined,
        publication: args.publication ?? undefined,
        targetNodeId: args.targetNodeId ?? undefined,
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as unknown as GraphQLLogicalSubscription[],
    logicalSubscription: async (_parent, { name }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.logical.getSubscription(context, 'getLogicalSubscription', name)) as unknown as GraphQLLogicalSubscription | null;
    },
    logicalChanges: async (_parent, args, { services, operation }) =>
      services.logical.changes(await operation(), withoutNulls({ ...args })) as unknown as GraphQLLogicalChanges,
    logicalStatistics: async (_parent, _args, { services, operation }) => services.logical.statistics(await operation()) as unknown as GraphQLLogicalStatistics,
  },
  Mutation: {
    createPublication: async (_parent, { input }, { services, operation }) =>
      (await services.logical.createPublication(await operation(), 'createLogicalPublication', publicationRequestOf(input))) as unknown as GraphQLPublication,
    updatePublication: async (_parent, { name, input }, { services, operation }) =>
      (await services.logical.updatePublication(await operation(), name, publicationRequestOf(input))) as unknown as GraphQLPublication,
    dropPublication: async (_parent, { name }, { services, operation }) => (await services.logical.dropPublication(await operation(), 'dropLogicalPublication', name)).deleted,
    createSubscription: async (_parent, { input }, { services, operation }) =>
      (await services.logical.createSubscription(await operation(), 'createLogicalSubscription', subscriptionRequestOf(input) as EngineSubscriptionInput)) as unknown as GraphQLLogicalSubscription,
    updateSubscription: async (_parent, { name, input }, { services, operation }) =>
      (await services.logical.updateSubscription(await operation(), name, subscriptionRequestOf(input) as UpdateSubscriptionRequest)) as unknown as GraphQLLogicalSubscription,
    dropSubscription: async (_parent, { name }, { services, operation }) => (await services.logical.dropSubscription(await operation(), 'dropLogicalSubscription', name)).deleted,
    enableSubscription: async (_parent, { name }, { services, operation }) =>
      (await services.logical.setEnabled(await operation(), 'enableLogicalSubscription', name, true)) as unknown as GraphQLLogicalSubscription,
    disableSubscription: async (_parent, { name }, { services, operation }) =>
      (await services.logical.setEnabled(await operation(), 'disableLogicalSubscription', name, false)) as unknown as GraphQLLogicalSubscription,
  },
};
