import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import type { ErrorObject } from 'ajv';
import { ApiError } from '../error-catalog.js';

/** A request as the validator sees it: plain values, never express's request object. */
export interface RawRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface ValidatedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * Validates requests against the contract with openapi-backend, but looks each operation up by
 * id in an index built once: openapi-backend's own router rebuilds its operation list and
 * compiles a RegExp per path on every request, a cost that grows with the size of the API.
 */
export class RequestValidator {
  private constructor(
    private readonly backend: OpenAPIBackend,
    private readonly operationsById: ReadonlyMap<string, Operation>,
  ) {}

  static async create(definition: Document): Promise<RequestValidator> {
    const backend = new OpenAPIBackend({
      definition: structuredClone(definition),
      // Lazily compiles each operation's validators on first use; the spec is linted in CI.
      quick: true,
      validate: true,
      coerceTypes: true,
      ajvOpts: { allErrors: true, strict: false },
    });
    await backend.init();
    const operationsById = new Map<string, Operation>(backend.router.getOperations().map((operation: Operation) => [operation.operationId ?? '', operation]));
    return new RequestValidator(backend, operationsById);
  }

  /** The request's parameters and body, coerced to their schema types; throws VALIDATION_FAILED listing every problem. */
  validate(operationId: string, request: RawRequest): ValidatedRequest {
    const operation = this.operationsById.get(operationId);
    if (!operation) throw new Error(`operation ${operationId} is not in the contract`);
    const result = this.backend.validator.validateRequest(request as Parameters<typeof this.backend.validator.validateRequest>[0], operation);
    if (!result.valid) {
      throw new ApiError('VALIDATION_FAILED', 'The request does not match the API contract.', {
        errors: (result.errors ?? []).map(fieldErrorOf),
      });
    }
    const coerced = result.coerced as { params?: Record<string, unknown>; query?: Record<string, unknown> };
    return { path: coerced.params ?? {}, query: coerced.query ?? {}, body: request.body };
  }
}

/** An ajv error in the contract's FieldError shape: where (`body/address`) and what. */
function fieldErrorOf(error: ErrorObject): { location: string; message: string; keyword: string } {
  // openapi-backend validates { path, query, header, requestBody } as one object.
  const [, root = '', ...rest] = error.instancePath.split('/');
  const location = [root === 'requestBody' ? 'body' : root || 'request', ...rest].join('/');
  const missing = error.keyword === 'required' ? `/${String((error.params as { missingProperty?: string }).missingProperty)}` : '';
  const extra = error.keyword === 'additionalProperties' ? `/${String((error.params as { additionalProperty?: string }).additionalProperty)}` : '';
  return { location: `${location}${missing}${extra}`, message: error.message ?? 'is invalid', keyword: error.keyword };
}
