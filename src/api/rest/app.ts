import express, { type Express, type Request } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Services } from '../../platform.js';
import { ApiError } from '../error-catalog.js';
import { docsRoutes } from './docs.js';
import { clusterHandlers } from './handlers/cluster.js';
import { platformHandlers } from './handlers/platform.js';
import { simulationHandlers } from './handlers/simulation.js';
import type { HandlerTable } from './handler-types.js';
import { OPERATION_LOCAL, operationRoutes, routeNotFound, sendError, type OperationEntry } from './operation-routes.js';
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
  let requestCount = 0;
  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: (request, response) => {
        const given = request.headers['x-request-id'];
        const requestId = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : `req-${(++requestCount).toString(36)}`;
        response.setHeader('X-Request-Id', requestId);
        return requestId;
      },
      customProps: (_request, response) => ({ operationId: response.locals[OPERATION_LOCAL] }),
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
      // Credentials never reach the logs.
      redact: { paths: ['req.headers["x-api-key"]', 'req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    }),
  );
  app.use((_request, response, next) => {
    const startedNs = process.hrtime.bigint();
    response.on('finish', () => {
      const operationId = (response.locals[OPERATION_LOCAL] as string | undefined) ?? 'unmatched';
      options.services.metrics.recordRequest(operationId, response.statusCode, Number(process.hrtime.bigint() - startedNs) / 1e6);
    });
    next();
  });
  app.use(docsRoutes(options.specJsonPath, options.specYamlPath));
  options.mount?.(app);
  app.use(express.json({ limit: MAX_BODY_BYTES }));
  app.use(
    operationRoutes({
      operations: options.operations,
      services: options.services,
      validator: options.validator,
      handlers: restHandlers(options.services),
      onError: (error, request: Request) => request.log.error({ err: error }, 'unexpected error'),
    }),
  );
  app.use(routeNotFound);
  // Body-parser failures (malformed JSON, too large) and anything else that escaped a route.
  app.use((error: unknown, request: Request, response: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status === 400 || status === 413) {
      sendError(response, new ApiError('VALIDATION_FAILED', `The request body is not valid JSON or is too large: ${(error as Error).message}`), String(request.id));
      return;
    }
    request.log.error({ err: error }, 'unexpected error');
    sendError(response, error, String(request.id));
  });
  return app;
}
