/** GraphQL over HTTP, in process: one POST /graphql per call, as a client would send it. */
import type { TestServer } from './test-server.js';
import { ADMIN_KEY } from './test-server.js';

/** Every field of the `Metrics` type (the metrics query and metricsStream): the whole GET /api/v1/metrics snapshot. */
export const METRICS_SELECTION = `
  requests { total errors byOperation { operationId requests errors meanLatencyMs maxLatencyMs } }
  cluster { totalNodes healthyNodes suspectedNodes downNodes hasQuorum heartbeatsReceived }
  runtime { clockMode clockSpeed clockTime pendingTimers activeFaults network { sent delivered dropped inFlight } }
  events { lastCursor }
  process { rssBytes heapUsedBytes uptimeSeconds }`;

/** One error of a GraphQL response. */
export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; details?: Record<string, unknown>; [key: string]: unknown };
}

/** A GraphQL response: the HTTP status and the result. */
export interface GraphQLResponse<Data> {
  status: number;
  data: Data | null | undefined;
  errors: GraphQLErrorBody[] | undefined;
}

/** How to authenticate: an API key (the admin's unless told), a bearer token, or nothing. */
export type Credentials = { apiKey: string } | { bearer: string } | 'anonymous';

/** POSTs `{ query, variables }` to /graphql with the credentials (the admin key unless told). */
export async function graphql<Data>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: Credentials = { apiKey: ADMIN_KEY },
): Promise<GraphQLResponse<Data>> {
  let request = server.http.post('/graphql').set('Content-Type', 'application/json').set('Accept', 'application/json');
  if (credentials !== 'anonymous') {
    request = 'apiKey' in credentials ? request.set('X-API-Key', credentials.apiKey) : request.set('Authorization', `Bearer ${credentials.bearer}`);
  }
  const response = await request.send({ query, variables });
  const body = response.body as { data?: Data | null; errors?: GraphQLErrorBody[] };
  return { status: response.status, data: body.data, errors: body.errors };
}

/** The data of a response that must have succeeded; fails with the errors otherwise. */
export function dataOf<Data>(response: GraphQLResponse<Data>): Data {
  if (response.errors !== undefined || response.data === null || response.data === undefined) {
    throw new Error(`expected data, got ${response.status} ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** `extensions.code` of every error of a response. */
export function codesOf(response: GraphQLResponse<unknown>): (string | undefined)[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}
