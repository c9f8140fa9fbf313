import { GraphQLError, getOperationAST, getVariableValues, type ExecutionArgs } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { useGraphQlJit } from '@envelop/graphql-jit';
import type { Resolvers } from '../../../generated/graphql/resolvers-types.js';
import type { Services } from '../../services/services.js';
import { credentialsOf } from '../auth/credentials.js';
import { errorBodyOf } from '../error-catalog.js';
import type { ContractSchemas } from '../contract-schemas.js';
import type { GraphQLContext } from './context.js';
import { executableSchema } from './schema.js';
import { useOperationLog } from './operation-log-plugin.js';
import { useSubscriptionRegistry } from './subscription-registry-plugin.js';
import type { OperationContext } from '../../services/platform/operation-context.js';

export const GRAPHQL_PATH = '/graphql';

/** What yoga hands the context factory: an HTTP request, or a graphql-ws connection's params and the operation's id. */
interface ContextSource {
  request?: Request;
  connectionParams?: Record<string, unknown>;
  graphqlWsId?: string;
  /** Node's request: express's, or graphql-ws's upgrade request. */
  req?: { socket?: { remoteAddress?: string } };
}

export type RustyDbYoga = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

/**
 * GraphQL over HTTP (queries, mutations, subscriptions over SSE) with GraphiQL, backed by the
 * same services as REST. Errors carry the same codes as REST in `extensions.code`.
 */
export function createGraphQL(services: Services, resolvers: readonly Resolvers[], contract: ContractSchemas, schemaPath: string): RustyDbYoga {
  let operationCount = 0;
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: executableSchema(schemaPath, resolvers),
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: {
      title: 'RustyDB GraphiQL',
      headers: JSON.stringify({ 'X-API-Key': 'paste your API key here' }, null, 2),
      defaultQuery: 'query {\n  clusterNodes(limit: 10) {\n    nodeId\n    status\n    lastHeartbeat\n  }\n}\n',
    },
    // GraphiQL's assets served from the npm package: yoga's default page loads them from a CDN,
    // which this platform must not depend on. Loaded on first use (the page is ~9 MB).
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    landingPage: false,
    logging: false,
    // Queries and mutations run compiled (graphql-jit): each distinct document is compiled once
    // (documents are cached by yoga's parse cache), then runs without graphql-js's per-field
    // work. See `runsCompiled` for what stays on graphql-js's executor.
    plugins: [useGraphQlJit({}, { enableIf: runsCompiled }), useOperationLog(), useSubscriptionRegistry(services.streamRegistry)],
    context: (source: ContextSource): GraphQLContext => {
      const requestId = `gql-${(++operationCount).toString(36)}`;
      let context: ReturnType<GraphQLContext['operation']> | undefined;
      let authenticated: OperationContext | undefined;
      return {
        services,
        contract,
        operation: () => {
          context ??= services.apiKeys.authenticate(credentialsOfSource(source)).then((caller) => {
            services.rateLimiter.admitKey(caller.keyId, 'graphql');
            authenticated = { caller, requestId };
            return authenticated;
          });
          return context;
        },
        authenticated: () => authenticated,
        transport: source.graphqlWsId === undefined ? { kind: 'http' } : { kind: 'graphql-ws', id: source.graphqlWsId },
        remoteAddress: source.req?.socket?.remoteAddress ?? null,
      };
    },
    maskedErrors: {
      // Service and engine errors keep their code and words; graphql's own errors (syntax,
      // validation) pass unchanged; anything unexpected becomes INTERNAL with a generic message.
      maskError: (error) => {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) return error;
        const body = errorBodyOf(original);
        return new GraphQLError(body.message, {
          ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
          extensions: { code: body.code, ...(body.details ? { details: body.details } : {}) },
        });
      },
    },
  });
}

/**
 * Subscriptions keep graphql-js's executor: they start once per subscriber, not per request,
 * and it is the one graphql-ws and SSE are tested with. So do operations whose variables do not
 * fit their types: graphql-js names the variable and the path of the bad value
 * (`Variable "$input" got invalid value "LEADER" at "input.role"`), graphql-jit only a field name.
 */
function runsCompiled(args: ExecutionArgs): boolean {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation || operation.operation === 'subscription') return false;
  const definitions = operation.variableDefinitions ?? [];
  return definitions.length === 0 || !('errors' in getVariableValues(args.schema, definitions, args.variableValues ?? {}));
}

function credentialsOfSource(source: ContextSource) {
  if (source.request) {
    return credentialsOf(Object.fromEntries(source.request.headers.entries()));
  }
  const params = source.connectionParams ?? {};
  const lowerCased = Object.fromEntries(Object.entries(params).map(([key, value]) => [key.toLowerCase(), typeof value === 'string' ? value : undefined]));
  return credentialsOf({ 'x-api-key': lowerCased['x-api-key'] ?? lowerCased.apikey, authorization: lowerCased.authorization });
}
