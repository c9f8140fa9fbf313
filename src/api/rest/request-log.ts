import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { OPERATION_LOCAL } from './operation-routes.js';
import { GRAPHQL_OPERATION_LOCAL } from '../graphql/operation-log-plugin.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Identifies the request in logs and in error envelopes (`requestId`). */
    id: string;
  }
}

/** Told of every answered request: which operation, with which status, how fast. */
export type RequestObserver = (operationId: string, status: number, durationMs: number) => void;

/**
 * Gives each request an id (the caller's `X-Request-Id` when it is sane) and, when the response
 * is sent, tells the observer (metrics) and logs one line: 5xx as error, 4xx as warn, the rest as
 * info. Written here rather than with pino-http because pino-http builds a child logger and
 * serializes the request on every request even when nothing is logged, which cost more than the
 * rest of a small request.
 */
export function requestLog(logger: Logger, observe: RequestObserver) {
  let requestCount = 0;
  return (request: Request, response: Response, next: NextFunction): void => {
    const given = request.headers['x-request-id'];
    request.id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : `req-${(++requestCount).toString(36)}`;
    response.setHeader('X-Request-Id', request.id);
    const startedNs = process.hrtime.bigint();
    response.on('finish', () => {
      const status = response.statusCode;
      const operationId = (response.locals[OPERATION_LOCAL] as string | undefined) ?? 'unmatched';
      const durationMs = Number(process.hrtime.bigint() - startedNs) / 1e6;
      observe(operationId, status, durationMs);
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (logger.isLevelEnabled(level)) {
        // originalUrl: a mounted router (GraphQL at /graphql) sees its own path as `/`.
        const path = request.originalUrl.split('?', 1)[0];
        const graphqlOperation = response.locals[GRAPHQL_OPERATION_LOCAL] as string | undefined;
        logger[level]({ requestId: request.id, method: request.method, path, status, operationId, ...(graphqlOperation ? { graphqlOperation } : {}), durationMs });
      }
    });
    next();
  };
}
