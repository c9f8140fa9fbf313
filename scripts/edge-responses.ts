/**
 * Declares the answers of the request edge on every operation of the bundled contract.
 *
 * Every path answers a method it does not have with 405, and every operation that takes a body
 * answers 413 (over 1 MiB) and 415 (not `application/json`) before its handler runs: the shared
 * mechanism in `src/api/rest/operation-routes.ts` gives these answers, never an operation. They
 * are added here, at bundle time, rather than written into each of the ~400 hand-written and
 * planned operations, where three identical lines apiece would bury what is particular to each
 * operation and every new domain would have to remember them. The spec's top description says
 * so; the response objects themselves are hand-written in `spec/openapi/components/responses.yaml`
 * and named in the root's `components.responses`.
 */

/** The shared responses the edge adds, by status, as `#/components/responses` names them. */
export const EDGE_RESPONSES = {
  everyOperation: { '405': 'MethodNotAllowed' },
  withRequestBody: { '413': 'PayloadTooLarge', '415': 'UnsupportedMediaType' },
} as const;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds the edge's responses to every operation of a bundled document, in place, keeping each
 * `responses` map in status order. A status an operation already declares is left as written.
 * Throws when a shared response is missing from `components.responses`.
 */
export function addEdgeResponses(document: JsonObject): void {
  const shared = isJsonObject(document['components']) ? document['components']['responses'] : undefined;
  for (const name of [...Object.values(EDGE_RESPONSES.everyOperation), ...Object.values(EDGE_RESPONSES.withRequestBody)]) {
    if (!isJsonObject(shared) || !isJsonObject(shared[name])) throw new Error(`components.responses.${name} is missing; name it in the root spec's components`);
  }
  const pathItems = isJsonObject(document['paths']) ? document['paths'] : {};
  for (const pathItem of Object.values(pathItems)) {
    if (!isJsonObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isJsonObject(operation) || !isJsonObject(operation['responses'])) continue;
      const added = { ...EDGE_RESPONSES.everyOperation, ...(operation['requestBody'] !== undefined ? EDGE_RESPONSES.withRequestBody : {}) };
      const responses: JsonObject = { ...operation['responses'] };
      for (const [status, name] of Object.entries(added)) {
        if (!(status in responses)) responses[status] = { $ref: `#/components/responses/${name}` };
      }
      operation['responses'] = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => statusOrder(a) - statusOrder(b)));
    }
  }
}

/** Numeric statuses in order, `2XX`-style ranges with their hundred, `default` last. */
function statusOrder(status: string): number {
  if (status === 'default') return 1000;
  return Number(status.replace(/X/gi, '0'));
}
