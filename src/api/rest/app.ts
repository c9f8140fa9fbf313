import cors from 'cors';
import express, { type Express, type Request } from 'express';
import type { Logger } from 'pino';
import type { Services } from '../../services/services.js';
import { docsRoutes } from './docs.js';
import { requestLog } from './request-log.js';
import type { HandlerTable } from './handler-types.js';
import type { RestHandlerFactory } from '../surfaces.js';
import { MAX_BODY_BYTES, operationRoutes, routeNotFound, sendError, type OperationEntry } from './operation-routes.js';
import type { RequestValidator } from './request-validator.js';
import type { ResponseSerializers } from './response-serializers.js';

export interface RestAppOptions {
  services: Services;
  /** Each domain's REST handlers. */
  handlerFactories: readonly RestHandlerFactory[];
  operations: readonly OperationEntry[];
  validator: RequestValidator;
  serializers: ResponseSerializers;
  logger: Logger;
  specJsonPath: string;
  specYamlPath: string;
  /** Mounts extra routes (GraphQL) before the 404 fallback. */
  mount?: (app: Express) => void;
  /** Origins of browser applications allowed to call the API (CORS); none when empty or absent. */
  corsOrigins?: readonly string[];
}

/** What a browser may send cross-origin: every method of the contract and the credentials' headers. */
const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const CORS_REQUEST_HEADERS = ['X-API-Key', 'Authorization', 'Content-Type'];
/** Response headers a browser application may read besides the safelisted ones. */
const CORS_EXPOSED_HEADERS = ['Retry-After', 'Location', 'Allow'];

/**
 * Every implemented REST operation's handler, by operationId, from each domain's factory. Two
 * domains claiming one operation is a wiring mistake, caught at start.
 */
export function restHandlers(services: Services, factories: readonly RestHandlerFactory[]): HandlerTable {
  const table: Record<string, unknown> = {};
  for (const factory of factories) {
    for (const [operationId, handler] of Object.entries(factory(services))) {
      if (operationId in table) throw new Error(`two REST handlers for operation ${operationId}`);
      table[operationId] = handler;
    }
  }
  return table as HandlerTable;
}

/** The express application: logging, metrics, docs, every operation of the contract, and the 404 fallback. */
export function createRestApp(options: RestAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // CORS is off unless origins are listed: without its headers browsers keep other sites' pages out.
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: [...options.corsOrigins],
        methods: CORS_METHODS,
        allowedHeaders: CORS_REQUEST_HEADERS,
        exposedHeaders: CORS_EXPOSED_HEADERS,
        maxAge: 600,
      }),
    );
  }
  app.use(
    requestLog(options.logger, (operationId, status, durationMs) => options.services.metrics.recordRequest(operationId, status, durationMs)),
  );
  // The API first: its radix-tree lookup is one step, where the docs and GraphQL routers are tried one route at a time.
  app.use(
    operationRoutes({
      operations: options.operations,
      services: options.services,
      validator: options.validator,
      serializers: options.serializers,
      handlers: restHandlers(options.services, options.handlerFactories),
      parseJson: express.json({ limit: MAX_BODY_BYTES }),
      onError: (error, request: Request) => options.logger.error({ err: error, requestId: request.id }, 'unexpected error'),
    }),
  );
  app.use(docsRoutes(options.specJsonPath, options.specYamlPath));
  options.mount?.(app);
  app.use(routeNotFound(options.serializers));
  // Anything that escaped a route.
  app.use((error: unknown, request: Request, response: express.Response, _next: express.NextFunction) => {
    options.logger.error({ err: error, requestId: request.id }, 'unexpected error');
    sendError(request, response, error, options.serializers.error);
  });
  return app;
}
