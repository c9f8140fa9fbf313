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

/** The schema built last, with what it was built from. */
let lastBuilt: { typeDefs: string; resolvers: readonly Resolvers[]; schema: GraphQLSchema } | undefined;

/**
 * The executable schema: the contract's SDL (merged by `npm run generate`) with every domain's
 * resolvers. Resolvers reach the services through the context, so servers started in one process
 * from the same SDL and the same resolver maps share one schema: building it takes about a second
 * of CPU, which test processes starting dozens of servers would otherwise spend on each.
 */
export function executableSchema(schemaPath: string, resolvers: readonly Resolvers[]): GraphQLSchema {
  const typeDefs = readFileSync(schemaPath, 'utf8');
  if (lastBuilt && lastBuilt.typeDefs === typeDefs && sameMaps(lastBuilt.resolvers, resolvers)) return lastBuilt.schema;
  const built = mergeResolvers(resolvers);
  const schema = createSchema<GraphQLContext>({
    typeDefs,
    resolvers: [
      { BigInt: BigIntResolver, DateTime: DateTimeResolver, JSON: JSONResolver },
      built,
      plannedFieldResolvers(typeDefs, built as Record<string, Record<string, unknown>>),
    ],
  });
  lastBuilt = { typeDefs, resolvers: [...resolvers], schema };
  return schema;
}

function sameMaps(a: readonly Resolvers[], b: readonly Resolvers[]): boolean {
  return a.length === b.length && a.every((map, index) => map === b[index]);
}
