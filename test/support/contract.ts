import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { expect } from 'vitest';
import { operations } from '../../generated/operations.js';
import { CONTRACT_ID, contractAjv, pointRefsAtContract } from '../../src/api/contract-schemas.js';

/** The bundled contract, as the server publishes it. */
export const contract = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'generated', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string; responses: Record<string, { $ref?: string }> }>>;
  components: { responses: Record<string, unknown>; schemas: Record<string, unknown> };
};

/** Validates against the contract's schemas; a `$ref` names them as `${CONTRACT_ID}#/…`. */
export const contractValidator = contractAjv(contract);
const ajv = contractValidator;

const validators = new Map<string, ValidateFunction>();

/** JSON-pointer escaping (RFC 6901). */
function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Where the JSON schema of an operation's response for `status` sits in the contract. */
function responseSchemaPointer(operationId: string, status: number): string | undefined {
  const operation = operations.find((each) => each.operationId === operationId);
  if (!operation) throw new Error(`operation ${operationId} is not in the contract`);
  const responses = contract.paths[operation.path]![operation.method]!.responses;
  const response = responses[String(status)];
  if (!response) return undefined;
  const base = response.$ref
    ? `#/components/responses/${escapePointer(response.$ref.split('/').pop()!)}`
    : `#/paths/${escapePointer(operation.path)}/${operation.method}/responses/${status}`;
  return `${base}/content/application~1json/schema`;
}

function validatorFor(operationId: string, status: number, sparse: boolean): ValidateFunction {
  const key = `${operationId} ${status} ${sparse}`;
  let validate = validators.get(key);
  if (!validate) {
    const pointer = responseSchemaPointer(operationId, status);
    if (!pointer) throw new Error(`the contract lists no ${status} response for ${operationId}`);
    const schema = { $ref: `${CONTRACT_ID}${pointer}` };
    validate = ajv.compile(sparse ? sparseVariant(operationId, status) : schema);
    validators.set(key, validate);
  }
  return validate;
}

/**
 * For operations marked x-rustydb-sparse-fields, a `fields` request returns items with only the
 * named fields: the item schema without its `required` list, everything else as strict.
 */
function sparseVariant(operationId: string, status: number): object {
  const resolved = JSON.parse(JSON.stringify(resolveRef(`#${responseSchemaPointer(operationId, status)!.slice(1)}`))) as {
    properties: { data: { items: object } };
  };
  const itemRef = (resolved.properties.data.items as { $ref: string }).$ref;
  const item = { ...(resolveRef(itemRef) as object), required: [] };
  resolved.properties.data.items = item;
  return pointRefsAtContract(resolved) as object;
}

/** A node of the contract with its `$ref`, if it is one, followed to what it names. */
export function resolveInContract<T>(node: T | { $ref: string }): T {
  return (typeof node === 'object' && node !== null && '$ref' in node ? resolveRef(node.$ref) : node) as T;
}

function resolveRef(ref: string): unknown {
  let node: unknown = contract;
  for (const segment of ref.replace(/^#\//, '').split('/')) {
    node = (node as Record<string, unknown>)[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
    if (node && typeof node === 'object' && '$ref' in node && Object.keys(node).length === 1) node = resolveRef((node as { $ref: string }).$ref);
  }
  return node;
}

/** A response as supertest gives it. */
export interface ObservedResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * Asserts that a response is one the contract allows for this operation: its status is listed,
 * and its JSON body validates against that status's schema.
 */
export function expectContract(operationId: string, response: ObservedResponse, options: { sparse?: boolean } = {}): void {
  const problem = contractProblem(operationId, response, options);
  expect(problem === undefined, problem).toBe(true);
}

/**
 * What is wrong with a response by the contract, in words, or undefined when nothing is: the
 * status is not listed, or the JSON body breaks that status's schema. A status whose answer is
 * not JSON (Prometheus text) is checked for its listing only.
 */
export function contractProblem(operationId: string, response: ObservedResponse, options: { sparse?: boolean } = {}): string | undefined {
  const pointer = responseSchemaPointer(operationId, response.status);
  if (!pointer) return `${operationId} answered ${response.status}, which the contract does not list`;
  if (!isJsonResponse(operationId, response.status)) return undefined;
  const validate = validatorFor(operationId, response.status, options.sparse ?? false);
  if (validate(response.body)) return undefined;
  return `${operationId} ${response.status} body breaks the contract: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(response.body).slice(0, 500)}`;
}

/** Whether the contract gives this status of the operation a JSON body. */
function isJsonResponse(operationId: string, status: number): boolean {
  const pointer = responseSchemaPointer(operationId, status)!;
  const response = resolveRef(pointer.slice(0, pointer.indexOf('/content/'))) as { content?: Record<string, unknown> };
  return response.content?.['application/json'] !== undefined;
}

/** Validates one value against a named component schema (event envelopes, payloads). */
export function expectSchema(schemaName: string, value: unknown): void {
  const validate = ajv.getSchema(`${CONTRACT_ID}#/components/schemas/${schemaName}`) ?? ajv.compile({ $ref: `${CONTRACT_ID}#/components/schemas/${schemaName}` });
  const valid = validate(value);
  expect(valid, `${schemaName}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value).slice(0, 500)}`).toBe(true);
}
