import express, { type Express, type Request } from 'express';
import type { Logger } from 'pino';
import type { Services } from '../../platform.js';
import { ApiError } from '../error-catalog.js';
import { docsRoutes } from './docs.js';
import { requestLog } from './request-log.js';
import { clusterHandlers } from './handlers/cluster.js';
import { platformHandlers } from './handlers/platform.js';
import { simulationHandlers } from './handlers/simulation.js';
import type { HandlerTable } from './handler-types.js';
import { operationRoutes, routeNotFound, sendError, type OperationEntry } from './operation-routes.js';
import type { RequestValidator } from './request-validator.js';

export interface RestAppOptions {
  services: Services;
  operations: readonly OperationEntry[];
  validator: RequestValidator;
  logger: Logger;
  specJsonPath: string;
  specYamlPath: string;
  /** Mounts extra routes (GraphQL) before the 404 fallback. */
  mount?: (app: Express) => void;
}

/** Largest JSON body accepted. */
const MAX_BODY_BYTES = '1mb';

/** Every implemented REST operation's handler, by operationId. */
export function restHandlers(services: Services): HandlerTable {
  return { ...clusterHandlers(services), ...simulationHandlers(services), ...platformHandlers(services) };
}

/** The express application: logging, metrics, docs, every operation of the contract, and the 404 fallback. */
export function createRestApp(options: RestAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    requestLog(options.logger, (operationId, status, durationMs) => options.services.metrics.recordRequest(operationId, status, durationMs)),
  );
  const parseJson = express.json({ limit: MAX_BODY_BYTES });
  // Only requests that carry a body meet the parser: its set-up alone cost a bodiless GET ~20 µs.
  app.use((request, response, next) => {
    if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined) next();
    else parseJson(request, response, next);
  });
  // The API first: its radix-tree lookup is one step, where the docs and GraphQL routers are tried one route at a time.
  app.use(
    operationRoutes({
      operations: options.operations,
      services: options.services,
      validator: options.validator,
      handlers: restHandlers(options.services),
      onError: (error, request: Request) => options.logger.error({ err: error, requestId: request.id }, 'unexpected error'),
    }),
  );
  app.use(docsRoutes(options.specJsonPath, options.specYamlPath));
  options.mount?.(app);
  app.use(routeNotFound);
  // Body-parser failures (malformed JSON, too large) and anything else that escaped a route.
  app.use((error: unknown, request: Request, response: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status === 400 || status === 413) {
      sendError(response, new ApiError('VALIDATION_FAILED', `The request body is not valid JSON or is too large: ${(error as Error).message}`), String(request.id));
      return;
    }
    options.logger.error({ err: error, requestId: request.id }, 'unexpected error');
    sendError(response, error, request.id);
  });
  return app;
}
