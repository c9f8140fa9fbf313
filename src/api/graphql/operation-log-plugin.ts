import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Name of the `res.locals` field the request log reads the GraphQL operation from. */
export const GRAPHQL_OPERATION_LOCAL = 'graphqlOperation';

/** What yoga's server context holds when express hands it a request: express's response. */
interface ExpressServerContext {
  res?: { locals?: Record<string, unknown> };
  /** The request's GraphQL parameters, as yoga puts them in the context. */
  params?: { operationName?: string };
}

/**
 * Tells the request log which GraphQL operation a POST /graphql ran, as `query clusterNodes`
 * (`(anonymous)` without a name): every GraphQL request has the same path. Logged only, never a
 * metric label, since operation names are the client's words and unbounded.
 */
export function useOperationLog(): Plugin<ExpressServerContext> {
  return {
    // After parsing, not at execution: a request that fails validation is logged with its operation too.
    onParse({ context }) {
      return ({ result }) => {
        const { res, params } = context as ExpressServerContext;
        if (res?.locals === undefined || !isDocument(result)) return;
        const operation = getOperationAST(result, params?.operationName);
        res.locals[GRAPHQL_OPERATION_LOCAL] = `${operation?.operation ?? 'unknown'} ${operation?.name?.value ?? '(anonymous)'}`;
      };
    },
  };
}

function isDocument(result: unknown): result is DocumentNode {
  return typeof result === 'object' && result !== null && (result as { kind?: unknown }).kind === 'Document';
}
