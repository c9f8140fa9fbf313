import build from 'fast-json-stringify';
import type { Ajv, ValidateFunction } from 'ajv';
import { CONTRACT_ID, contractAjv, pointRefsAtContract } from '../contract-schemas.js';

/** Turns an answer's body into its JSON text. */
export type Serialize = (body: unknown) => string;

/** Thrown when a body cannot be written as its contract says; the request answers 500 INTERNAL. */
export class ResponseContractError extends Error {
  constructor(what: string, reason: string) {
    super(`${what} breaks the contract: ${reason}`);
    this.name = 'ResponseContractError';
  }
}

/** The parts of the bundled contract read here. */
interface ContractDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown>; responses?: Record<string, ResponseObject> };
}

interface OperationObject {
  operationId?: string;
  responses?: Record<string, ResponseObject | { $ref: string }>;
  'x-rustydb-sparse-fields'?: boolean;
}

interface ResponseObject {
  content?: Record<string, { schema?: JsonSchema }>;
}

type JsonSchema = Record<string, unknown>;

/** Where one answer's JSON schema sits: `key` names it once however many operations share it (the shared error responses). */
interface AnswerSchema {
  key: string;
  schema: JsonSchema;
}

export interface ResponseSerializerOptions {
  /**
   * Validates every body against its schema (ajv) before writing it. The compiled serializer
   * trusts the types it is given (it writes a `null` in a non-nullable string as `""`, as
   * fast-json-stringify documents), so the test servers turn this on: a handler that drifts
   * from the contract then fails its tests with a 500 instead of being quietly coerced.
   */
  checkBodies?: boolean;
}

/**
 * JSON answers written by serializers compiled from the contract (fast-json-stringify, as
 * fastify does): one per operation and status, and one for the shared error envelope. Only
 * what the response schema lists goes on the wire; a body that lacks a required field makes the
 * serializer throw instead of sending a partial answer (the request then answers 500 INTERNAL).
 *
 * Each serializer is compiled on its first use (a few ms each): compiling all ~250 answers of
 * the contract at start would add more than a second to every start and every test server.
 */
export class ResponseSerializers {
  private readonly answers = new Map<string, Map<number, AnswerSchema>>();
  private readonly sparseOperations = new Set<string>();
  private readonly compiled = new Map<string, Serialize>();
  private readonly externalSchemas: NonNullable<build.Options['schema']>;
  private readonly ajv: Ajv | undefined;
  private errorSerializer: Serialize | undefined;

  constructor(
    private readonly document: ContractDocument,
    options: ResponseSerializerOptions = {},
  ) {
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item) as OperationObject[]) {
        if (!operation?.operationId || !operation.responses) continue;
        this.answers.set(operation.operationId, this.answerSchemasOf(operation));
        if (operation['x-rustydb-sparse-fields'] === true) this.sparseOperations.add(operation.operationId);
      }
    }
    this.externalSchemas = { [CONTRACT_ID]: { $id: CONTRACT_ID, components: { schemas: pointRefsAtContract(document.components.schemas) } } } as unknown as NonNullable<build.Options['schema']>;
    if (options.checkBodies) this.ajv = contractAjv(document);
  }

  /**
   * The serializer of `operationId`'s answer with `status`. `query` tells whether a sparse
   * fieldset was asked for (`fields` on an operation marked `x-rustydb-sparse-fields`): its items
   * then carry only the named fields, as the contract documents, so none of them is required.
   */
  forAnswer(operationId: string, status: number, query: Readonly<Record<string, unknown>>): Serialize {
    const sparse = query.fields !== undefined && this.sparseOperations.has(operationId);
    const answer = this.answers.get(operationId)?.get(status);
    if (!answer) {
      return () => {
        throw new ResponseContractError(`${operationId} ${status}`, 'the contract lists no JSON answer with this status');
      };
    }
    const key = sparse ? `${answer.key} sparse` : answer.key;
    let serialize = this.compiled.get(key);
    if (!serialize) {
      serialize = this.compile(`${operationId} ${status}`, sparse ? sparseVariant(answer.schema, this.document) : answer.schema);
      this.compiled.set(key, serialize);
    }
    return serialize;
  }

  /** The serializer of the error envelope every operation shares (`ErrorResponse`). */
  get error(): Serialize {
    this.errorSerializer ??= this.compile('the error envelope', { $ref: '#/components/schemas/ErrorResponse' });
    return this.errorSerializer;
  }

  private compile(what: string, schema: JsonSchema): Serialize {
    let stringify: (body: unknown) => string;
    try {
      stringify = build(pointRefsAtContract(schema) as Parameters<typeof build>[0], { schema: this.externalSchemas }) as (body: unknown) => string;
    } catch (error) {
      throw new Error(`cannot compile the serializer of ${what}: ${(error as Error).message}`);
    }
    const written = (body: unknown): string => {
      try {
        return stringify(body);
      } catch (error) {
        throw new ResponseContractError(what, (error as Error).message);
      }
    };
    if (!this.ajv) return written;
    const validate: ValidateFunction = this.ajv.compile(pointRefsAtContract(schema) as object);
    const ajv = this.ajv;
    return (body) => {
      if (!validate(body)) throw new ResponseContractError(what, ajv.errorsText(validate.errors));
      return written(body);
    };
  }

  private answerSchemasOf(operation: OperationObject): Map<number, AnswerSchema> {
    const schemas = new Map<number, AnswerSchema>();
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      const ref = '$ref' in response ? response.$ref : undefined;
      const resolved = ref ? this.document.components.responses?.[ref.split('/').pop()!] : (response as ResponseObject);
      const schema = resolved?.content?.['application/json']?.schema;
      if (schema) schemas.set(Number(status), { key: ref ?? `${operation.operationId} ${status}`, schema });
    }
    return schemas;
  }
}

/**
 * A list answer whose items carry only the fields a sparse fieldset named: the item schema
 * without its `required` list, everything else as strict (the same variant the contract tests
 * validate such answers with).
 */
function sparseVariant(schema: JsonSchema, document: ContractDocument): JsonSchema {
  const envelope = resolveLocal(schema, document) as { properties?: { data?: { items?: JsonSchema } } };
  const items = envelope.properties?.data?.items;
  if (!items) throw new Error('a sparse-fields operation must answer { data: [items] }');
  const item = resolveLocal(items, document);
  return { ...envelope, properties: { ...envelope.properties, data: { ...envelope.properties!.data, items: { ...item, required: [] } } } };
}

/** A schema with a local `$ref` replaced by its target (one level). */
function resolveLocal(schema: JsonSchema, document: ContractDocument): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = document.components.schemas[name];
  if (!target) throw new Error(`unresolvable reference ${ref}`);
  return target as JsonSchema;
}
