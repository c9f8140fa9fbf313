import { Router, type Request, type Response } from 'express';
import type { Services } from '../../platform.js';
import type { OperationContext } from '../../services/operation-context.js';
import { credentialsOf } from '../auth/credentials.js';
import { ApiError, errorBodyOf, statusOf } from '../error-catalog.js';
import { failure } from './envelope.js';
import type { Handler, HandlerTable, OperationId } from './handler-types.js';
import type { RequestValidator } from './request-validator.js';

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
  onError: (error: unknown, request: Request) => void;
}

/** Name of `res.locals` field that carries the matched operation, for metrics and logs. */
export const OPERATION_LOCAL = 'operationId';

/**
 * One express route per operation of the contract, registered once: express's router finds the
 * operation, then each request is authenticated, authorized, validated and dispatched.
 * Operations without a handler answer 501 through the planned-operations service.
 */
export function operationRoutes(deps: OperationRoutesDeps): Router {
  const router = Router();
  for (const operation of [...deps.operations].sort(bySpecificity)) {
    const route = operation.websocket ? upgradeRequired(operation) : dispatcher(operation, deps);
    router[operation.method as 'get' | 'post' | 'put' | 'patch' | 'delete'](operation.expressPath, route);
  }
  return router;
}

function dispatcher(operation: OperationEntry, deps: OperationRoutesDeps) {
  const operationId = operation.operationId as OperationId;
  const handler = operation.planned ? undefined : (deps.handlers[operationId] as Handler<OperationId> | undefined);
  return async (request: Request, response: Response) => {
    response.locals[OPERATION_LOCAL] = operationId;
    try {
      const limiter = deps.services.rateLimiter;
      limiter.admitAddress(request.ip ?? 'unknown');
      const context = await contextOf(request, operation, deps.services);
      if (!operation.public) {
        limiter.admitKey(context.caller.keyId, operationId);
        await deps.services.access.admit(context, operationId, request.path);
      }
      const validated = await validateOrAudit(deps, operationId, request, context);
      if (!handler) {
        await deps.services.planned.invoke(context, operationId, request.path);
        return;
      }
      const output = (await handler({ ...validated, context } as Parameters<Handler<OperationId>>[0])) as AnyOutput;
      send(response, output);
    } catch (error) {
      if (errorBodyOf(error).code === 'INTERNAL') deps.onError(error, request);
      sendError(response, error, String(request.id));
    }
  };
}

/** Validates against the contract; a rejected mutation is audited before the 400 goes out. */
async function validateOrAudit(deps: OperationRoutesDeps, operationId: OperationId, request: Request, context: OperationContext) {
  try {
    return deps.validator.validate(operationId, {
      method: request.method,
      path: request.path,
      query: request.query as Record<string, unknown>,
      headers: request.headers,
      body: request.body,
    });
  } catch (error) {
    await deps.services.access.recordRejection(context, operationId, request.path, errorBodyOf(error).code);
    throw error;
  }
}

/**
 * Literal segments before parameters, segment by segment, so `/xa/resource-managers/:id` is
 * tried before `/xa/:xid/commit` and a literal path is never shadowed by a template.
 */
function bySpecificity(a: OperationEntry, b: OperationEntry): number {
  const aSegments = a.expressPath.split('/');
  const bSegments = b.expressPath.split('/');
  for (let index = 0; index < Math.min(aSegments.length, bSegments.length); index += 1) {
    const aParam = aSegments[index]!.startsWith(':');
    const bParam = bSegments[index]!.startsWith(':');
    if (aParam !== bParam) return aParam ? 1 : -1;
  }
  return a.expressPath.localeCompare(b.expressPath);
}

/**
 * The caller's context. Public operations (health probes) take no credentials and run as an
 * anonymous viewer: they read only what anyone may see.
 */
async function contextOf(request: Request, operation: OperationEntry, services: Services): Promise<OperationContext> {
  if (operation.public) return { caller: { keyId: 'anonymous', role: 'CLUSTER_VIEWER' }, requestId: String(request.id) };
  const caller = await services.apiKeys.authenticate(credentialsOf(request.headers, request.query as Record<string, unknown>));
  return { caller, requestId: String(request.id) };
}

/** Any handler's output, seen from the router (each handler's own type is checked where it is written). */
type AnyOutput = { status: number; body: unknown } | { status: number; contentType: string; text: string };

function send(response: Response, output: AnyOutput): void {
  if ('text' in output) {
    response.status(output.status).type(output.contentType).send(output.text);
  } else {
    response.status(output.status).json(output.body);
  }
}

export function sendError(response: Response, error: unknown, requestId: string): void {
  const body = errorBodyOf(error);
  const retryAfterSeconds = body.details?.retryAfterSeconds;
  if (typeof retryAfterSeconds === 'number') response.set('Retry-After', String(retryAfterSeconds));
  response.status(statusOf(body.code)).json(failure(body, requestId));
}

/** WebSocket operations reached without an upgrade: the upgrade itself is handled by src/api/ws. */
function upgradeRequired(operation: OperationEntry) {
  return (request: Request, response: Response) => {
    response.locals[OPERATION_LOCAL] = operation.operationId;
    response
      .status(426)
      .set('Upgrade', 'websocket')
      .json(failure({ code: 'UPGRADE_REQUIRED', message: `${operation.expressPath} is a WebSocket stream; connect with a WebSocket client.` }, String(request.id)));
  };
}

/** The answer for any path and method outside the contract. */
export function routeNotFound(request: Request, response: Response): void {
  response.locals[OPERATION_LOCAL] = 'unmatched';
  sendError(response, new ApiError('ROUTE_NOT_FOUND', `No operation exists at ${request.method} ${request.path}.`), String(request.id));
}
