import { readFileSync } from 'node:fs';
import { createSchema } from 'graphql-yoga';
import { JSONResolver } from 'graphql-scalars';
import { DateTimeResolver } from './date-time-scalar.js';
import { BigIntResolver } from './big-int-scalar.js';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../../../generated/graphql/resolvers-types.js';
import type { GraphQLContext } from './context.js';
import { plannedFieldResolvers } from './planned-fields.js';

/** Joins the resolver maps of every domain, one root type at a time; two resolvers for one field is a wiring mistake. */
function mergeResolvers(maps: readonly Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map) as [string, Record<string, unknown>][]) {
      const type = (merged[typeName] ??= {});
      for (const [fieldName, resolver] of Object.entries(fields)) {
        if (fieldName in type) throw new Error(`two resolvers for ${typeName}.${fieldName}`);
        type[fieldName] = resolver;
      }
    }
  }
  return merged as Resolvers;
}

/** The executable schema: the contract's SDL (merged by `npm run generate`) with every domain's resolvers. */
export function executableSchema(schemaPath: string, resolvers: readonly Resolvers[]): GraphQLSchema {
  const typeDefs = readFileSync(schemaPath, 'utf8');
  const built = mergeResolvers(resolvers);
  return createSchema<GraphQLContext>({
    typeDefs,
    resolvers: [
      { BigInt: BigIntResolver, DateTime: DateTimeResolver, JSON: JSONResolver },
      built,
      plannedFieldResolvers(typeDefs, built as Record<string, Record<string, unknown>>),
    ],
  });
}
