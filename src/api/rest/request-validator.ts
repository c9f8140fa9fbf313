import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ApiError } from '../error-catalog.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Longest path parameter accepted, in characters: every id of the contract is shorter. Longer
 * ones answer 400 naming the parameter, after authentication like any other bad id.
 */
export const MAX_PATH_PARAMETER_LENGTH = 200;

/** A request as the validator sees it: plain values, never express's request object. */
export interface RawRequest {
  /** Path parameters, as the router extracted them. */
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** One reason a request was rejected, in the contract's FieldError shape. */
export interface FieldError {
  location: string;
  message: string;
  keyword: string;
  /** For an `enum` failure: the values the field may take. */
  allowedValues?: unknown[];
}

export interface ValidatedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * Validates requests against the contract with the validators openapi-backend compiles (ajv,
 * with type coercion of parameters), fed with what our router already parsed. openapi-backend's
 * own request parsing recompiles the path template on every request, and its router rebuilds
 * its operation list and one RegExp per path per request: costs that grow with the API.
 */
export class RequestValidator {
  private constructor(
    private readonly backend: OpenAPIBackend,
    /** Query parameters declared as arrays, by operation: a single value must become a one-item array. */
    private readonly arrayQueryParameters: ReadonlyMap<string, readonly string[]>,
    /** Operations whose contract defines a request body. */
    private readonly operationsWithBody: ReadonlySet<string>,
  ) {}

  static async create(definition: Document): Promise<RequestValidator> {
    const backend = new OpenAPIBackend({
      definition: structuredClone(definition),
      // Lazily compiles each operation's validators on first use; the spec is linted in CI.
      quick: true,
      validate: true,
      coerceTypes: true,
      // strictNumbers: `1e400` (Infinity) and NaN are not numbers, in a body or a parameter.
      ajvOpts: { allErrors: true, strict: false, strictNumbers: true },
      // openapi-backend's ajv knows only the numeric OpenAPI formats: without ajv-formats a
      // `date-time` parameter would accept "yesterday" (and log "unknown format ignored").
      customizeAjv: (ajv) => addFormats(ajv as unknown as Ajv) as unknown as typeof ajv,
    });
    await backend.init();
    const arrayQueryParameters = new Map(
      backend.router.getOperations().map((operation: Operation) => [operation.operationId ?? '', arrayQueryParametersOf(operation)]),
    );
    const operationsWithBody = new Set(
      backend.router.getOperations().flatMap((operation: Operation) => (operation.requestBody ? [operation.operationId ?? ''] : [])),
    );
    return new RequestValidator(backend, arrayQueryParameters, operationsWithBody);
  }

  /** Whether the operation's contract defines a request body: only those read one. */
  takesBody(operationId: string): boolean {
    return this.operationsWithBody.has(operationId);
  }

  /** The request's parameters and body, coerced to their schema types; throws VALIDATION_FAILED listing every problem. */
  validate(operationId: string, request: RawRequest): ValidatedRequest {
    const arrays = this.arrayQueryParameters.get(operationId);
    if (!arrays) throw new Error(`operation ${operationId} is not in the contract`);
    const overLong = overLongPathParameters(request.pathParams);
    if (overLong.length > 0) throw new ApiError('VALIDATION_FAILED', 'The request does not match the API contract.', { errors: overLong });
    const validators: ValidateFunction[] = this.backend.validator.getRequestValidatorsForOperation(operationId) ?? [];
    // The shape openapi-backend's validators expect; ajv coerces path and query values in place.
    const parameters: Record<string, unknown> = {
      path: { ...request.pathParams },
      query: withArrays({ ...request.query }, arrays),
      header: request.headers,
      cookie: {},
    };
    if (request.body !== undefined) parameters.requestBody = request.body;
    const errors: ErrorObject[] = [];
    for (const validate of validators) {
      if (!validate(parameters)) errors.push(...(validate.errors ?? []));
    }
    const fieldErrors = [...errors.map(fieldErrorOf), ...nonFiniteParameters(parameters)];
    if (fieldErrors.length > 0) {
      throw new ApiError('VALIDATION_FAILED', 'The request does not match the API contract.', { errors: fieldErrors });
    }
    return { path: parameters.path as Record<string, unknown>, query: parameters.query as Record<string, unknown>, body: request.body };
  }
}

function arrayQueryParametersOf(operation: Operation): string[] {
  return (operation.parameters ?? [])
    .filter((parameter) => !('$ref' in parameter) && parameter.in === 'query' && (parameter.schema as { type?: string } | undefined)?.type === 'array')
    .map((parameter) => (parameter as { name: string }).name);
}

function withArrays(query: Record<string, unknown>, arrays: readonly string[]): Record<string, unknown> {
  for (const name of arrays) {
    const value = query[name];
    if (typeof value === 'string') query[name] = [value];
  }
  return query;
}

/** The router accepts path parameters of any length, so that this check can name the field. */
function overLongPathParameters(pathParams: Record<string, string>): FieldError[] {
  return Object.entries(pathParams)
    .filter(([, value]) => value.length > MAX_PATH_PARAMETER_LENGTH)
    .map(([name]) => ({ location: `path/${name}`, message: `must NOT have more than ${MAX_PATH_PARAMETER_LENGTH} characters`, keyword: 'maxLength' }));
}

/**
 * ajv's coercion turns a parameter such as `1e400` into Infinity and does not check the type
 * again (strictNumbers applies to values that were numbers already), so coerced path and query
 * values are checked here.
 */
function nonFiniteParameters(parameters: Record<string, unknown>): FieldError[] {
  return (['path', 'query'] as const).flatMap((where) =>
    Object.entries(parameters[where] as Record<string, unknown>)
      .filter(([, value]) => (Array.isArray(value) ? value : [value]).some((item) => typeof item === 'number' && !Number.isFinite(item)))
      .map(([name]) => ({ location: `${where}/${name}`, message: 'must be a finite number', keyword: 'type' })),
  );
}

/** An ajv error in the contract's FieldError shape: where (`body/address`), what, and for an enum the allowed values. */
function fieldErrorOf(error: ErrorObject): FieldError {
  // openapi-backend validates { path, query, header, requestBody } as one object.
  const [, root = '', ...rest] = error.instancePath.split('/');
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const field = params.missingProperty ?? params.additionalProperty;
  if (root === '' && field === 'requestBody') return { location: 'body', message: 'a JSON body is required', keyword: error.keyword };
  const location = [root === 'requestBody' ? 'body' : root || 'request', ...rest, ...(field ? [field] : [])].join('/');
  if (error.keyword === 'enum') {
    const allowedValues = (error.params as { allowedValues: unknown[] }).allowedValues;
    return { location, message: `must be one of: ${allowedValues.join(', ')}`, keyword: 'enum', allowedValues };
  }
  return { location, message: error.message ?? 'is invalid', keyword: error.keyword };
}
