import { getArgumentValues, getOperationAST, Kind, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { GRAPHQL_STREAM, type StreamRegistry } from '../../services/platform/stream-registry.js';
import type { GraphQLContext } from './context.js';

/**
 * Reports every GraphQL subscription that starts (graphql-ws or SSE) to the stream registry, with
 * its field, its arguments and its owner, counts what it sends, and closes its record when it
 * ends, however it ends: so GET /api/v1/ws/subscriptions lists GraphQL's beside the streams'.
 */
export function useSubscriptionRegistry(registry: StreamRegistry): Plugin<GraphQLContext> {
  return {
    onSubscribe() {
      return {
        onSubscribeResult({ args, result }) {
          if (!isAsyncIterable(result)) return undefined; // refused: an error result, not a subscription
          const context = args.contextValue as GraphQLContext;
          const caller = context.authenticated()?.caller;
          const field = rootFieldOf(args);
          if (caller === undefined || field === undefined) return undefined;
          const record = registry.openSubscription({
            transport: context.transport.kind === 'graphql-ws' ? 'GRAPHQL_WS' : 'GRAPHQL_SSE',
            clientId: context.transport.kind === 'graphql-ws' ? context.transport.id : null,
            connectionId: null,
            stream: GRAPHQL_STREAM,
            topic: field.name,
            filters: field.arguments,
            owner: caller,
            remoteAddress: context.remoteAddress,
          });
          return { onNext: () => record.sent(), onEnd: () => record.close() };
        },
      };
    },
  };
}

/** The subscription's root field and the values of its arguments, variables applied. */
function rootFieldOf(args: ExecutionArgs): { name: string; arguments: Record<string, unknown> } | undefined {
  const operation = getOperationAST(args.document, args.operationName);
  const selection = operation?.selectionSet.selections[0];
  const definition = selection?.kind === Kind.FIELD ? args.schema.getSubscriptionType()?.getFields()[selection.name.value] : undefined;
  if (selection?.kind !== Kind.FIELD || definition === undefined) return undefined;
  return { name: selection.name.value, arguments: { ...getArgumentValues(definition, selection, args.variableValues ?? undefined) } };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
