/**
 * Requests built from the bundled contract for the spec-driven fuzz test: one valid request per
 * operation, built from the spec's examples where it has them and from the schemas otherwise,
 * and invalid variants of it, each of which the contract refuses. Pure: the same contract and
 * seed give the same requests.
 */
import { SeededRng } from '../../src/engines/runtime/rng.js';
import { operations } from '../../generated/operations.js';
import { contract, resolveInContract as resolve } from './contract.js';

type Schema = Record<string, unknown>;

/** One request to send, and what its answer must not be. */
export interface FuzzRequest {
  operationId: string;
  /** What was changed from the valid request, for failure messages ("valid" for none). */
  variant: string;
  method: string;
  /** Path and query string, already encoded. */
  url: string;
  /** The raw body, and its Content-Type (none when undefined). */
  body?: string;
  contentType?: string;
  /** The contract refuses this request, so a 2xx answer is a failure. */
  invalid: boolean;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}

interface ContractOperation {
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content?: Record<string, { schema?: Schema; example?: unknown; examples?: Record<string, { value?: unknown }> }> } | { $ref: string };
}

/** A JSON text no JSON number can hold: JSON.parse makes it Infinity. */
const NON_FINITE = '1e400';
const TEN_KB = 10 * 1024;
const ONE_MB = 1024 * 1024;

/** The schema with allOf merged into one object schema (the contract uses allOf only to extend objects). */
function flatten(schema: Schema | undefined): Schema {
  const resolved = resolve(schema ?? {});
  if (!Array.isArray(resolved.allOf)) return resolved;
  const parts = (resolved.allOf as Schema[]).map(flatten);
  return {
    ...Object.assign({}, ...parts),
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
    required: parts.flatMap((part) => (part.required as string[] | undefined) ?? []),
  };
}

/** A value the schema accepts: its example, default or first enum value, else one built from its type. */
export function sampleOf(schema: Schema | undefined, depth = 0): unknown {
  const flat = flatten(schema);
  if (flat.example !== undefined) return flat.example;
  if (flat.default !== undefined) return flat.default;
  if (Array.isArray(flat.enum)) return flat.enum[0];
  for (const choice of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(flat[choice])) return sampleOf((flat[choice] as Schema[])[0], depth + 1);
  }
  switch (flat.type) {
    case 'object': {
      const properties = (flat.properties ?? {}) as Record<string, Schema>;
      const required = (flat.required as string[] | undefined) ?? [];
      return depth > 6 ? {} : Object.fromEntries(required.filter((name) => name in properties).map((name) => [name, sampleOf(properties[name], depth + 1)]));
    }
    case 'array':
      return depth > 6 ? [] : Array.from({ length: Math.max(1, Number(flat.minItems ?? 1)) }, () => sampleOf(flat.items as Schema, depth + 1));
    case 'integer':
    case 'number':
      return typeof flat.minimum === 'number' ? flat.minimum : 1;
    case 'boolean':
      return true;
    case 'string':
      if (flat.format === 'date-time') return '2026-11-21T10:30:00.000Z';
      return 'x'.repeat(Math.max(1, Number(flat.minLength ?? 1)));
    default:
      return null;
  }
}

function parametersOf(path: string, method: string): Parameter[] {
  const pathItem = contract.paths[path] as Record<string, unknown> & { parameters?: (Parameter | { $ref: string })[] };
  const operation = pathItem[method] as ContractOperation;
  const byKey = new Map<string, Parameter>();
  for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((each) => resolve<Parameter>(each))) {
    byKey.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

function parameterValue(parameter: Parameter): string {
  const value = parameter.example ?? sampleOf(parameter.schema);
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** The JSON body of an operation, if it takes one: its first example, else a sample of its schema. */
function bodyOf(operation: ContractOperation): { schema: Schema; value: unknown } | undefined {
  const media = operation.requestBody ? resolve(operation.requestBody).content?.['application/json'] : undefined;
  if (!media) return undefined;
  const examples = Object.values(media.examples ?? {}).map((example) => resolve(example).value);
  const value = media.example ?? examples[0] ?? sampleOf(media.schema);
  return { schema: flatten(media.schema), value };
}

function urlOf(path: string, pathValues: Record<string, string>, query: Record<string, string>): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(pathValues[name] ?? 'x'));
  const search = new URLSearchParams(query).toString();
  return search === '' ? filled : `${filled}?${search}`;
}

/** Values of the wrong JSON type for a schema, or undefined when the schema accepts any. */
function wrongTypeFor(schema: Schema): unknown {
  switch (schema.type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not a number';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not an array';
    case 'object':
      return 'not an object';
    default:
      return undefined;
  }
}

/** Bad values for one query or path parameter, by what its schema allows. */
function badParameterValues(schema: Schema): [string, string][] {
  const bad: [string, string][] = [];
  if (Array.isArray(schema.enum)) bad.push(['outside the enum', 'NOT_IN_ENUM']);
  if (schema.type === 'integer' || schema.type === 'number') {
    bad.push(['not a number', 'abc'], ['not finite', NON_FINITE]);
    if (typeof schema.minimum === 'number') bad.push(['below the minimum', String(schema.minimum - 1)]);
    if (typeof schema.maximum === 'number') bad.push(['above the maximum', String(schema.maximum + 1)]);
  }
  if (schema.format === 'date-time') bad.push(['not a date-time', 'yesterday']);
  if (schema.type === 'boolean') bad.push(['not a boolean', 'maybe']);
  if (typeof schema.maxLength === 'number' && schema.maxLength < TEN_KB) bad.push(['10 KB string', 'q'.repeat(TEN_KB)]);
  return bad;
}

/** The body's invalid variants: each breaks one rule of its schema. */
function badBodies(schema: Schema, valid: unknown): [string, string][] {
  const bad: [string, string][] = [['malformed JSON', '{"unclosed": ']];
  if (schema.type !== 'object' || typeof valid !== 'object' || valid === null || Array.isArray(valid)) return bad;
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const base = valid as Record<string, unknown>;
  const withField = (name: string, value: unknown): string => JSON.stringify({ ...base, [name]: value });
  for (const name of (schema.required as string[] | undefined) ?? []) {
    const { [name]: _dropped, ...rest } = base;
    bad.push([`missing required ${name}`, JSON.stringify(rest)]);
  }
  if (schema.additionalProperties === false) bad.push(['unknown property', withField('notInTheContract', 1)]);
  for (const [name, property] of Object.entries(properties)) {
    const field = flatten(property);
    const wrong = wrongTypeFor(field);
    if (wrong !== undefined) bad.push([`${name} of the wrong type`, withField(name, wrong)]);
    if (Array.isArray(field.enum)) bad.push([`${name} outside the enum`, withField(name, 'NOT_IN_ENUM')]);
    if (typeof field.minimum === 'number') bad.push([`${name} below the minimum`, withField(name, field.minimum - 1)]);
    if (typeof field.maximum === 'number') bad.push([`${name} above the maximum`, withField(name, field.maximum + 1)]);
    if (field.type === 'integer' || field.type === 'number') bad.push([`${name} not finite`, withField(name, 0).replace(`"${name}":0`, `"${name}":${NON_FINITE}`)]);
    if (field.type === 'string' && typeof field.maxLength === 'number' && field.maxLength < TEN_KB) bad.push([`${name} a 10 KB string`, withField(name, 'q'.repeat(TEN_KB))]);
  }
  return bad;
}

/** Odd path ids: answered without a 5xx and as the contract says; only the over-long one must be refused. */
const ODD_IDS: readonly [string, string, boolean][] = [
  ['a NUL byte', 'node\u00001', false],
  ['a parent-directory id', '../../etc/passwd', false],
  ['a unicode id', 'nœud-été-🚀', false],
  ['a 300-character id', 'n'.repeat(300), true],
];

export interface FuzzPlan {
  /** Requests the contract refuses: none may change anything, so they run first. */
  invalid: FuzzRequest[];
  /** One valid request per operation: reads first, then mutations, deletions last. */
  valid: FuzzRequest[];
}

/** Every operation's valid request and at most `maxInvalidPerOperation` invalid variants, chosen by `seed`. */
export function fuzzPlan(seed: number, maxInvalidPerOperation: number): FuzzPlan {
  const rng = new SeededRng(seed);
  const plan: FuzzPlan = { invalid: [], valid: [] };
  for (const operation of operations) {
    const contractOperation = (contract.paths[operation.path] as Record<string, unknown>)[operation.method] as ContractOperation;
    const parameters = parametersOf(operation.path, operation.method);
    const pathValues = Object.fromEntries(parameters.filter((each) => each.in === 'path').map((each) => [each.name, parameterValue(each)]));
    const query = Object.fromEntries(parameters.filter((each) => each.in === 'query' && each.required).map((each) => [each.name, parameterValue(each)]));
    const body = bodyOf(contractOperation);
    const request = (variant: string, changes: Partial<FuzzRequest> & { path?: Record<string, string>; query?: Record<string, string> }): FuzzRequest => {
      const { path, query: changedQuery, ...rest } = changes;
      return {
        operationId: operation.operationId,
        variant,
        method: operation.method.toUpperCase(),
        url: urlOf(operation.path, path ?? pathValues, changedQuery ?? query),
        ...(body ? { body: JSON.stringify(body.value), contentType: 'application/json' } : {}),
        invalid: variant !== 'valid',
        ...rest,
      };
    };
    plan.valid.push(request('valid', {}));
    const variants: FuzzRequest[] = [];
    for (const parameter of parameters) {
      const schema = flatten(parameter.schema);
      if (parameter.in === 'query') {
        for (const [what, value] of badParameterValues(schema)) variants.push(request(`query ${parameter.name} ${what}`, { query: { ...query, [parameter.name]: value } }));
      }
      if (parameter.in === 'path') {
        for (const [what, value, refused] of ODD_IDS) variants.push(request(`path ${parameter.name} ${what}`, { path: { ...pathValues, [parameter.name]: value }, invalid: refused }));
      }
    }
    if (body) {
      for (const [what, text] of badBodies(body.schema, body.value)) variants.push(request(`body ${what}`, { body: text }));
      variants.push(request('body as text/plain', { contentType: 'text/plain' }));
      variants.push(request('body form-encoded', { body: 'a=1', contentType: 'application/x-www-form-urlencoded' }));
      variants.push(request('body of 1 MB', { body: JSON.stringify({ padding: 'p'.repeat(ONE_MB) }) }));
    }
    plan.invalid.push(...pick(rng, variants, maxInvalidPerOperation));
  }
  plan.valid.sort((a, b) => mutationOrder(a.method) - mutationOrder(b.method));
  return plan;
}

/** Reads change nothing; deletions go last, so that what they remove was there for the others. */
function mutationOrder(method: string): number {
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].indexOf(method);
}

/** `count` of the items, in their order, chosen by the seeded stream. */
function pick<T>(rng: SeededRng, items: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(rng.int(0, items.length));
  return [...chosen].sort((a, b) => a - b).map((index) => items[index]!);
}
