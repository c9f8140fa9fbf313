import { buildSchema, type GraphQLObjectType } from 'graphql';
import { AccessError } from '../../services/platform/access-errors.js';
import type { GraphQLContext } from './context.js';

type ResolverMap = Record<string, Record<string, unknown>>;

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

/**
 * Root fields of the contract's SDL that no resolver serves yet answer like planned REST
 * operations: the caller is authenticated, then gets NOT_IMPLEMENTED. Without this, graphql
 * would quietly answer `null` for a query and fail a subscription with a confusing message.
 */
export function plannedFieldResolvers(typeDefs: string, resolvers: ResolverMap): ResolverMap {
  const schema = buildSchema(typeDefs, { assumeValidSDL: true });
  const planned: ResolverMap = {};
  for (const typeName of ROOT_TYPES) {
    const type = schema.getType(typeName) as GraphQLObjectType | undefined;
    if (!type) continue;
    for (const fieldName of Object.keys(type.getFields())) {
      // `_`-prefixed fields are placeholders that let every SDL file `extend` the root types.
      if (fieldName.startsWith('_') || resolvers[typeName]?.[fieldName] !== undefined) continue;
      const refuse = notImplemented(`${typeName}.${fieldName}`);
      (planned[typeName] ??= {})[fieldName] = typeName === 'Subscription' ? { subscribe: refuse } : refuse;
    }
  }
  return planned;
}

function notImplemented(field: string) {
  return async (_parent: unknown, _args: unknown, context: GraphQLContext): Promise<never> => {
    await context.operation();
    throw new AccessError('NOT_IMPLEMENTED', `${field} is planned but not implemented yet.`, { field });
  };
}
