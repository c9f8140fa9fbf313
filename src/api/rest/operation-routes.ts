import type { NextFunction, Request, RequestHandler, Response } from 'express';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { Services } from '../../services/services.js';
import type { OperationContext } from '../../services/platform/operation-context.js';
import { credentialsOf } from '../auth/credentials.js';
import { ApiError, errorBodyOf, statusOf } from '../error-catalog.js';
import { failure } from './envelope.js';
import type { Handler, HandlerTable, OperationId } from './handler-types.js';
import type { RequestValidator } from './request-validator.js';
import { writeJson, writeText } from './response-writer.js';
import type { ResponseSerializers, Serialize } from './response-serializers.js';

/** What the router needs to know of each operation (generated/operations.ts). */
export interface OperationEntry {
  operationId: string;
  method: string;
  expressPath: string;
  planned: boolean;
  websocket: boolean;
  public: boolean;
}

export interface OperationRoutesDeps {
  operations: readonly OperationEntry[];
  services: Services;
  validator: RequestValidator;
  handlers: HandlerTable;
  /** Each answer's serializer, compiled from the contract. */
  serializers: ResponseSerializers;
  /** express.json(), run only for operations' requests that carry a body. */
  parseJson: RequestHandler;
  onError: (error: unknown, request: Request) => void;
}

/** Name of `res.locals` field that carries the matched operation, for metrics and logs. */
export const OPERATION_LOCAL = 'operationId';

/**
 * Routes every operation of the contract. The route table is a radix tree built once
 * (find-my-way, fastify's router): express's own router tries its routes one after another, so
 * its cost per request would grow with the size of the API. Literal segments win over
 * parameters, so `/xa/resource-managers/:id` is never shadowed by `/xa/:xid/commit`. Each request
 * is then authenticated, authorized, validated and dispatched; operations without a handler
 * answer 501 through the planned-operations service.
 */
export function operationRoutes(deps: OperationRoutesDeps): RequestHandler {
  const table = FindMyWay({ caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: 200 });
  for (const operation of deps.operations) {
    const route = operation.websocket ? upgradeRequired(operation, deps.serializers) : dispatcher(operation, deps);
    const method = operation.method.toUpperCase() as HTTPMethod;
    table.on(method, operation.expressPath, () => undefined, { route });
    // HEAD is the GET without its body (RFC 9110), answered by the same operation.
    if (method === 'GET') table.on('HEAD', operation.expressPath, () => undefined, { route });
  }
  return (request: Request, response: Response, next: NextFunction) => {
    const match = table.find(request.method as HTTPMethod, request.path);
    if (!match) {
      next();
      return;
    }
    void (match.store as { route: RouteHandler }).route(request, response, match.params as Record<string, string>);
  };
}

type RouteHandler = (request: Request, response: Response, pathParams: Record<string, string>) => void | Promise<void>;

function dispatcher(operation: OperationEntry, deps: OperationRoutesDeps): RouteHandler {
  const operationId = operation.operationId as OperationId;
  const handler = operation.planned ? undefined : (deps.handlers[operationId] as Handler<OperationId> | undefined);
  const { services } = deps;
  return async (request: Request, response: Response, pathParams: Record<string, string>) => {
    response.locals[OPERATION_LOCAL] = operationId;
    let context: OperationContext | undefined;
    let reachedService = false;
    // express 5 parses the query string anew on every read of request.query.
    const query = request.query as Record<string, unknown>;
    try {
      services.rateLimiter.admitAddress(request.ip ?? 'unknown');
      if (operation.public) {
        context = anonymousContext(request);
      } else {
        // An API key is checked without waiting (the hot path); a bearer token needs its signature verified.
        const credentials = credentialsOf(request.headers, query);
        const caller = credentials.apiKey ? services.apiKeys.authenticateApiKey(credentials.apiKey) : await services.apiKeys.authenticate(credentials);
        context = { caller, requestId: request.id };
        services.rateLimiter.admitKey(context.caller.keyId, operationId);
        services.access.authorize(context, operationId);
      }
      if (!handler) {
        // Not built: 501 whatever the request holds, since its contract may still change.
        reachedService = true;
        await services.planned.invoke(context, operationId, request.path);
        return;
      }
      if (carriesBody(request)) await parseBody(deps.parseJson, request, response);
      const validated = deps.validator.validate(operationId, {
        pathParams,
        query,
        headers: request.headers,
        body: request.body,
      });
      reachedService = true;
      const pending = handler({ ...validated, context } as Parameters<Handler<OperationId>>[0]) as AnyOutput | Promise<AnyOutput>;
      const output = pending instanceof Promise ? await pending : pending;
      send(request, response, output, deps.serializers.forAnswer(operationId, output.status, query));
    } catch (error) {
      const code = errorBodyOf(error).code;
      // A mutation refused before its service (role, contract) is audited here; services audit their own outcomes.
      if (context && !reachedService && (code === 'FORBIDDEN' || code === 'VALIDATION_FAILED')) {
        await services.access.recordRejection(context, operationId, request.path, code);
      }
      if (code === 'INTERNAL') deps.onError(error, request);
      sendError(request, response, error, deps.serializers.error);
    }
  };
}

/** Whether the request has a body at all: the parser's set-up alone cost a bodiless GET ~20 µs. */
function carriesBody(request: Request): boolean {
  return request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
}

/** Runs the JSON body parser; malformed or oversized bodies become VALIDATION_FAILED. */
function parseBody(parseJson: RequestHandler, request: Request, response: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void parseJson(request, response, (error?: unknown) => {
      if (error === undefined) resolve();
      else reject(new ApiError('VALIDATION_FAILED', `The request body is not valid JSON or is too large: ${(error as Error).message}`));
    });
  });
}

/** Public operations (health probes) take no credentials and run as an anonymous viewer: they read only what anyone may see. */
function anonymousContext(request: Request): OperationContext {
  return { caller: { keyId: 'anonymous', role: 'CLUSTER_VIEWER' }, requestId: request.id };
}

/** Any handler's output, seen from the router (each handler's own type is checked where it is written). */
type AnyOutput = { status: number; body: unknown; headers?: Readonly<Record<string, string>> } | { status: number; contentType: string; text: string };

function send(request: Request, response: Response, output: AnyOutput, serialize: Serialize): void {
  if ('text' in output) {
    writeText(request, response, output.status, output.contentType, output.text);
  } else {
    writeJson(request, response, output.status, output.body, serialize, output.headers);
  }
}

export function sendError(request: Request, response: Response, error: unknown, serialize: Serialize): void {
  const body = errorBodyOf(error);
  const retryAfterSeconds = body.details?.retryAfterSeconds;
  writeJson(request, response, statusOf(body.code), failure(body, request.id), serialize, typeof retryAfterSeconds === 'number' ? { 'Retry-After': String(retryAfterSeconds) } : undefined);
}

/** WebSocket operations reached without an upgrade: the upgrade itself is handled by src/api/ws. */
function upgradeRequired(operation: OperationEntry, serializers: ResponseSerializers): RouteHandler {
  return (request: Request, response: Response) => {
    response.locals[OPERATION_LOCAL] = operation.operationId;
    const body = failure({ code: 'UPGRADE_REQUIRED', message: `${operation.expressPath} is a WebSocket stream; connect with a WebSocket client.` }, request.id);
    writeJson(request, response, 426, body, serializers.error, { Upgrade: 'websocket' });
  };
}

/** The answer for any path and method outside the contract. */
export function routeNotFound(serializers: ResponseSerializers) {
  return (request: Request, response: Response): void => {
    response.locals[OPERATION_LOCAL] = 'unmatched';
    sendError(request, response, new ApiError('ROUTE_NOT_FOUND', `No operation exists at ${request.method} ${request.path}.`), serializers.error);
  };
}
