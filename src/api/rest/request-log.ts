import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { OPERATION_LOCAL } from './operation-routes.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Identifies the request in logs and in error envelopes (`requestId`). */
    id: string;
  }
}

/**
 * Gives each request an id (the caller's `X-Request-Id` when it is sane) and logs one line when
 * the response is sent: 5xx as error, 4xx as warn, the rest as info. Written here rather than
 * with pino-http because pino-http builds a child logger and serializes the request on every
 * request even when nothing is logged, which cost more than the rest of a small request.
 */
export function requestLog(logger: Logger) {
  let requestCount = 0;
  return (request: Request, response: Response, next: NextFunction): void => {
    const given = request.headers['x-request-id'];
    request.id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : `req-${(++requestCount).toString(36)}`;
    response.setHeader('X-Request-Id', request.id);
    const startedNs = process.hrtime.bigint();
    response.on('finish', () => {
      const status = response.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level]({
        requestId: request.id,
        method: request.method,
        path: request.path,
        status,
        operationId: response.locals[OPERATION_LOCAL] as string | undefined,
        durationMs: Number(process.hrtime.bigint() - startedNs) / 1e6,
      });
    });
    next();
  };
}
