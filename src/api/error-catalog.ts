import { CodedError } from '../engines/runtime/domain-error.js';
import { FeedOverflowError } from '../services/platform/event-feed.js';

/** Every error code of the API with its HTTP status: one registry (as fastify's catalogue). */
export const errorCatalog = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  UPGRADE_REQUIRED: 426,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_IMPLEMENTED: 501,
  /** The cluster has no quorum, so the change could not commit; `details.retryAfterSeconds` becomes `Retry-After`. */
  NO_QUORUM: 503,
} as const;

export type ErrorCode = keyof typeof errorCatalog;

/** An error as every surface reports it: a stable code, words, and optional structure. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** An error raised by the API layer itself (routing, validation). */
export class ApiError extends CodedError<ErrorCode> {}

/**
 * Turns anything thrown into the error body clients see. Unknown errors become INTERNAL with a
 * generic message: their text may hold internals and is logged instead.
 */
export function errorBodyOf(error: unknown): ApiErrorBody {
  if (error instanceof CodedError && isErrorCode(error.code)) {
    return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  }
  if (error instanceof FeedOverflowError) return { code: 'CONFLICT', message: error.message };
  return { code: 'INTERNAL', message: 'An unexpected error occurred; it has been logged with the request id.' };
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalog, code);
}

export function statusOf(code: ErrorCode): number {
  return errorCatalog[code];
}
