import { CodedError } from '../../engines/runtime/domain-error.js';

/**
 * Errors of access and availability that services raise (engines raise DomainError). The API
 * maps each code to its status in src/api/error-catalog.ts.
 */
export type AccessErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED' | 'NOT_IMPLEMENTED';

export class AccessError extends CodedError<AccessErrorCode> {}
