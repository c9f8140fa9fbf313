import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ApiError } from './error-catalog.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface ContractDocument {
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

/** Where schemas copied out of the contract point their local `$ref`s: the id the contract is registered under. */
export const CONTRACT_ID = 'openapi.json';

/**
 * An ajv that knows the bundled contract as {@link CONTRACT_ID}, with the formats it uses: every
 * validator of the contract's schemas (GraphQL inputs, checked answers, tests) compiles here.
 */
export function contractAjv(document: object): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('int64', true);
  ajv.addSchema(document, CONTRACT_ID);
  return ajv;
}

/**
 * The contract's component schemas as validators, for inputs that do not pass through the
 * OpenAPI request validator (GraphQL arguments): one rule book for every surface.
 */
export class ContractSchemas {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: ContractDocument) {
    this.ajv = contractAjv(document);
  }

  /**
   * Throws VALIDATION_FAILED listing every problem when `value` breaks the named schema. With
   * `partial`, the schema's fields are all optional (an update that names only what changes).
   */
  check(schemaName: string, value: unknown, options: { partial?: boolean; location?: string } = {}): void {
    const validate = this.validatorFor(schemaName, options.partial ?? false);
    if (validate(value)) return;
    const location = options.location ?? 'input';
    throw new ApiError('VALIDATION_FAILED', 'The input does not match the API contract.', {
      errors: (validate.errors ?? []).map((error) => fieldErrorOf(error, location)),
    });
  }

  private validatorFor(schemaName: string, partial: boolean): ValidateFunction {
    const key = `${schemaName}${partial ? ' partial' : ''}`;
    let validate = this.validators.get(key);
    if (!validate) {
      const schema = this.document.components.schemas[schemaName];
      if (!schema) throw new Error(`the contract has no schema ${schemaName}`);
      validate = this.ajv.compile(
        partial
          ? { type: 'object', additionalProperties: false, properties: pointRefsAtContract(schema.properties ?? {}) }
          : { $ref: `${CONTRACT_ID}#/components/schemas/${schemaName}` },
      );
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** Local refs of a schema copied out of the document, pointed back at the document registered as `openapi.json`. */
export function pointRefsAtContract(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(pointRefsAtContract);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${CONTRACT_ID}${value}` : pointRefsAtContract(value)]),
  );
}

function fieldErrorOf(error: ErrorObject, location: string): { location: string; message: string; keyword: string } {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const field = params.missingProperty ?? params.additionalProperty;
  return { location: `${location}${error.instancePath}${field ? `/${field}` : ''}`, message: error.message ?? 'is invalid', keyword: error.keyword };
}
