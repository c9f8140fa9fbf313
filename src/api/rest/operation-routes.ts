import type { NextFunction, Request, RequestHandler, Response } from 'express';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { Services } from '../../services/services.js';
import type { OperationContext } from '../../services/platform/operation-context.js';
import { credentialsOf } from '../auth/credentials.js';
import { ApiError, errorBodyOf, statusOf, type ErrorCode } from '../error-catalog.js';
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
  /** express.json() with a limit of {@link MAX_BODY_BYTES}, run only for operations' requests that carry a body. */
  parseJson: RequestHandler;
  onError: (error: unknown, request: Request) => void;
}

/** Largest JSON body accepted, in bytes (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

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
  // No length limit on parameters here: the validator refuses over-long ones with a 400 that
  // names the field (find-my-way's own limit would make the route miss and answer 404).
  const table = FindMyWay({ caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: Number.MAX_SAFE_INTEGER });
  const methods = new Set<HTTPMethod>();
  for (const operation of deps.operations) {
    const route = operation.websocket ? upgradeRequired(operation, deps.serializers) : dispatcher(operation, deps);
    const method = operation.method.toUpperCase() as HTTPMethod;
    table.on(method, operation.expressPath, () => undefined, { route });
    methods.add(method);
    // HEAD is the GET without its body (RFC 9110), answered by the same operation.
    if (method === 'GET') {
      table.on('HEAD', operation.expressPath, () => undefined, { route });
      methods.add('HEAD');
    }
  }
  const sortedMethods = [...methods].sort();
  /** The methods the contract has at this path, empty when the path is unknown. */
  const allowedAt = (path: string): HTTPMethod[] => sortedMethods.filter((method) => table.find(method, path) !== null);
  return (request: Request, response: Response, next: NextFunction) => {
    // Before matching: `/nodes/` would otherwise match `/nodes/:id` with an empty id.
    if (request.path.length > 1 && request.path.endsWith('/')) {
      const canonicalPath = withoutTrailingSlash(request.path);
      if (allowedAt(canonicalPath).length > 0) {
        redirectToCanonical(request, response, canonicalPath);
        return;
      }
    }
    const match = table.find(request.method as HTTPMethod, request.path);
    if (match) {
      void (match.store as { route: RouteHandler }).route(request, response, match.params as Record<string, string>);
      return;
    }
    // Misses are rare, so trying every method here costs nothing on the hot path.
    const allowed = allowedAt(request.path);
    if (allowed.length > 0) {
      methodNotAllowed(request, response, allowed, deps.serializers.error);
      return;
    }
    next();
  };
}

/** `/api/v1/cluster/nodes/` → `/api/v1/cluster/nodes`; the root `/` stays. */
function withoutTrailingSlash(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/**
 * A known path written with a trailing slash: a 308 to the path without it, query string kept.
 * 308 (not 301) makes clients repeat the method and body; it runs nothing itself.
 */
function redirectToCanonical(request: Request, response: Response, canonicalPath: string): void {
  const query = request.originalUrl.indexOf('?');
  response.locals[OPERATION_LOCAL] = 'unmatched';
  response.statusCode = 308;
  response.setHeader('Location', canonicalPath + (query >= 0 ? request.originalUrl.slice(query) : ''));
  response.setHeader('Content-Length', 0);
  response.end();
}

function methodNotAllowed(request: Request, response: Response, allowed: readonly HTTPMethod[], serialize: Serialize): void {
  response.locals[OPERATION_LOCAL] = 'unmatched';
  response.setHeader('Allow', allowed.join(', '));
  sendError(
    request,
    response,
    new ApiError('METHOD_NOT_ALLOWED', `${request.path} does not answer ${request.method}; it answers ${allowed.join(', ')}.`, { allowedMethods: allowed }),
    serialize,
  );
}

type RouteHandler = (request: Request, response: Response, pathParams: Record<string, string>) => void | Promise<void>;

function dispatcher(operation: OperationEntry, deps: OperationRoutesDeps): RouteHandler {
  const operationId = operation.operationId as OperationId;
  const handler = operation.planned ? undefined : (deps.handlers[operationId] as Handler<OperationId> | undefined);
  const { services } = deps;
  const takesBody = deps.validator.takesBody(operationId);
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
      // Only operations whose contract has a body read one; the others leave it unread, as a GET's.
      if (takesBody && carriesBody(request)) await parseBody(deps.parseJson, request, response);
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
      if (context && !reachedService && REFUSALS_AUDITED.has(code)) {
        await services.access.recordRejection(context, operationId, request.path, code);
      }
      if (code === 'INTERNAL') deps.onError(error, request);
      sendError(request, response, error, deps.serializers.error);
    }
  };
}

/** Refusals before the service that a mutation's audit trail records: the role, and a request the contract rejects. */
const REFUSALS_AUDITED: ReadonlySet<string> = new Set<ErrorCode>(['FORBIDDEN', 'VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE']);

/** Whether the request has a body at all: the parser's set-up alone cost a bodiless GET ~20 µs. */
function carriesBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/** `application/json`, with parameters (a charset) or none; any other type of body is refused, never ignored. */
function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType);
}

/** Reads a JSON body: another content type is 415, an oversized body 413, malformed JSON 400. */
function parseBody(parseJson: RequestHandler, request: Request, response: Response): Promise<void> {
  const contentType = request.headers['content-type'];
  if (!isJson(contentType)) {
    const sent = contentType === undefined ? 'no Content-Type' : `Content-Type ${contentType}`;
    return Promise.reject(
      new ApiError('UNSUPPORTED_MEDIA_TYPE', `The request body must be JSON, sent as Content-Type application/json; this request has ${sent}.`, {
        supportedMediaTypes: ['application/json'],
      }),
    );
  }
  return new Promise((resolve, reject) => {
    void parseJson(request, response, (error?: unknown) => {
      if (error === undefined) resolve();
      else reject(bodyErrorOf(error as Error & { type?: string }));
    });
  });
}

/** body-parser's errors, by their `type`, in the catalogue's words. */
function bodyErrorOf(error: Error & { type?: string }): ApiError {
  switch (error.type) {
    case 'entity.too.large':
      return new ApiError('PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${MAX_BODY_BYTES} bytes.`, { limitBytes: MAX_BODY_BYTES });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ApiError('UNSUPPORTED_MEDIA_TYPE', `The request body cannot be read: ${error.message}.`, { supportedMediaTypes: ['application/json'] });
    default:
      return new ApiError('VALIDATION_FAILED', `The request body is not valid JSON: ${error.message}`);
  }
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
