/**
 * Errors the outside world can cause in an engine: an unknown id, a state that forbids the
 * operation, a request that makes no sense, or a change the cluster cannot commit while it has no
 * quorum. Engines throw these; the API maps each code to its status in one catalogue
 * (src/api/error-catalog.ts). Programmer errors stay plain `Error`s.
 */
export type DomainErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'UNPROCESSABLE' | 'NO_QUORUM';

/** An error with a stable code and optional structured details; each layer narrows the codes it may raise. */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class DomainError extends CodedError<DomainErrorCode> {}

/** Throws a programmer error when `condition` is false. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}
