/**
 * Publishes the unbuilt part of the contract as planned operations.
 *
 * Every endpoint of `spec/contract/endpoints.tsv` that the product serves (role `primary`, scope
 * `core`, `network` or `platform`) and that no domain path file defines yet becomes an operation
 * answering 501 `NOT_IMPLEMENTED`, so Swagger UI shows the whole roadmap. The operations go to
 * `spec/openapi/paths/planned/<module>.yaml`, one file per module (the first path segment after
 * `/api/v1`: `network.yaml`, `pools.yaml`, ...); the files of modules with nothing left to plan
 * are removed. The marked block of root `paths` in `spec/openapi/openapi.yaml` is rewritten to
 * reference them. When an operation is implemented, move it into its domain file and rerun.
 *
 * Usage: `npx tsx scripts/plan-operations.ts` (a developer tool; CI does not run it).
 *
 * The contract helpers are exported for `scripts/coverage-table.ts`, which must group endpoints
 * exactly as the planned operations are labelled.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML, { isMap, isScalar, isSeq } from 'yaml';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The contract: every endpoint the product must eventually serve. */
export const CONTRACT_FILE = join(REPO_ROOT, 'spec/contract/endpoints.tsv');
/** The root of the hand-written OpenAPI spec. */
export const ROOT_SPEC_FILE = join(REPO_ROOT, 'spec/openapi/openapi.yaml');
/** The folder of the planned path files, which this script alone writes. */
const PLANNED_DIR = join(REPO_ROOT, 'spec/openapi/paths/planned');
/** How the root spec names the planned folder in its `$ref`s. */
const PLANNED_REF_DIR = 'paths/planned';
const BEGIN_PLANNED_MARKER = '  # BEGIN planned (written by scripts/plan-operations.ts)';
const END_PLANNED_MARKER = '  # END planned';

const API_PREFIX = '/api/v1';

/** The HTTP methods the contract uses, as OpenAPI spells them in a path item. */
export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Scopes of the contract; `out` rows are outside the product. */
export const CONTRACT_SCOPES = ['core', 'network', 'platform', 'out'] as const;
export type ContractScope = (typeof CONTRACT_SCOPES)[number];

/** `primary` rows are the endpoints to serve; `variant` rows are later aliases of a primary. */
export const CONTRACT_ROLES = ['primary', 'variant'] as const;
export type ContractRole = (typeof CONTRACT_ROLES)[number];

const PRODUCT_SCOPES: readonly ContractScope[] = ['core', 'network', 'platform'];

/** One row of the contract. */
export interface ContractEndpoint {
  method: HttpMethod;
  /** The path template, e.g. `/api/v1/cluster/nodes/{id}`. */
  path: string;
  scope: ContractScope;
  role: ContractRole;
  /** The seed documents the endpoint comes from, e.g. `000,001`. */
  seeds: string;
  /** The section of the seed documents that describes the endpoint. */
  section: string;
  /** Line of the TSV, for messages. */
  line: number;
}

// ---------------------------------------------------------------------------------------------
// The contract

/**
 * Reads the contract TSV. Columns are found by their header names; an unknown method, scope or
 * role is an error rather than a silently dropped row, because a typo would hide an endpoint.
 */
export function readContract(file: string = CONTRACT_FILE): ContractEndpoint[] {
  const [header, ...rows] = readFileSync(file, 'utf8').split(/\r?\n/);
  const columns = columnIndexes(header ?? '', ['method', 'path', 'scope', 'role', 'seeds', 'section']);
  return rows.flatMap((row, index) => (row.trim() === '' ? [] : [contractEndpointFrom(row.split('\t'), columns, index + 2)]));
}

function columnIndexes<Name extends string>(header: string, names: readonly Name[]): Record<Name, number> {
  const headerCells = header.split('\t').map((cell) => cell.trim());
  const indexes = {} as Record<Name, number>;
  for (const name of names) {
    const index = headerCells.indexOf(name);
    if (index < 0) throw new Error(`The contract has no "${name}" column (header: ${header}).`);
    indexes[name] = index;
  }
  return indexes;
}

function contractEndpointFrom(cells: string[], columns: Record<'method' | 'path' | 'scope' | 'role' | 'seeds' | 'section', number>, line: number): ContractEndpoint {
  const cell = (index: number): string => (cells[index] ?? '').trim();
  const method = cell(columns.method).toLowerCase();
  const path = cell(columns.path);
  const scope = cell(columns.scope);
  const role = cell(columns.role);
  if (!isOneOf(method, HTTP_METHODS)) throw new Error(`Contract line ${line}: unknown method "${method}".`);
  if (!isOneOf(scope, CONTRACT_SCOPES)) throw new Error(`Contract line ${line}: unknown scope "${scope}".`);
  if (!isOneOf(role, CONTRACT_ROLES)) throw new Error(`Contract line ${line}: unknown role "${role}".`);
  if (!/^\/api\/v1(\/([a-z0-9-]+|\{[A-Za-z][A-Za-z0-9]*\}))*$/.test(path)) throw new Error(`Contract line ${line}: malformed path "${path}".`);
  return { method, path, scope, role, seeds: cell(columns.seeds), section: cell(columns.section), line };
}

function isOneOf<Value extends string>(value: string, allowed: readonly Value[]): value is Value {
  return (allowed as readonly string[]).includes(value);
}

/** True for the endpoints the product must serve: primary rows inside the product's scopes. */
export function isProductEndpoint(endpoint: ContractEndpoint): boolean {
  return endpoint.role === 'primary' && PRODUCT_SCOPES.includes(endpoint.scope);
}

/** The segments of a path after `/api/v1`, e.g. `['cluster', 'nodes', '{id}']`. */
function segmentsOf(path: string): string[] {
  return path.slice(API_PREFIX.length).split('/').filter((segment) => segment !== '');
}

function parameterNameOf(segment: string): string | undefined {
  return /^\{(.+)\}$/.exec(segment)?.[1];
}

/**
 * The family of an endpoint: its first two segments after `/api/v1` (`cluster/raft`,
 * `replication/slots`), or one when there is only one (`health`). A path parameter ends the
 * family early, so that `/api/v1/pools/{id}/stats` belongs to `pools` and not to `pools/{id}`.
 */
export function familyOf(path: string): string {
  const family: string[] = [];
  for (const segment of segmentsOf(path).slice(0, 2)) {
    if (parameterNameOf(segment) !== undefined) break;
    family.push(segment);
  }
  return family.join('/');
}

/**
 * The shape of a path template, with every parameter name erased: `/a/{id}` and `/a/{name}`
 * have the same shape, and OpenAPI treats them as the same path.
 */
export function templateShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

/** Identifies an operation independently of the names of its path parameters. */
export function operationKey(method: HttpMethod, path: string): string {
  return `${method.toUpperCase()} ${templateShape(path)}`;
}

// ---------------------------------------------------------------------------------------------
// What the domain path files already define

/** A path item of the root spec that a domain path file (not a planned file) defines. */
interface DefinedPathItem {
  path: string;
  /** Where the path item lives, e.g. `paths/cluster/cluster.yaml#/nodes`. */
  ref: string;
  methods: Set<HttpMethod>;
  operationIds: string[];
}

/**
 * Collects the path items of the root spec that are not planned, following each `$ref` into its
 * file. Keyed by template shape, because a planned path of the same shape would clash.
 */
function readDefinedPathItems(rootFile: string): Map<string, DefinedPathItem> {
  const rootPaths = asRecord(YAML.parse(readFileSync(rootFile, 'utf8')), rootFile)['paths'];
  const defined = new Map<string, DefinedPathItem>();
  for (const [path, reference] of Object.entries(asRecord(rootPaths ?? {}, `${rootFile}#/paths`))) {
    const ref = asRecord(reference, `${rootFile}#/paths/${path}`)['$ref'];
    if (typeof ref === 'string' && ref.startsWith(`${PLANNED_REF_DIR}/`)) continue;
    const pathItem = typeof ref === 'string' ? resolveReference(rootFile, ref) : asRecord(reference, path);
    const methods = HTTP_METHODS.filter((method) => pathItem[method] !== undefined);
    const operationIds = methods.map((method) => asRecord(pathItem[method], `${path} ${method}`)['operationId']).filter((id): id is string => typeof id === 'string');
    defined.set(templateShape(path), { path, ref: typeof ref === 'string' ? ref : '(inline)', methods: new Set(methods), operationIds });
  }
  return defined;
}

/** Reads the value a `file#/json/pointer` reference points to, relative to the referring file. */
function resolveReference(referringFile: string, ref: string): Record<string, unknown> {
  const [file = '', pointer = ''] = ref.split('#');
  const target = file === '' ? referringFile : join(dirname(referringFile), file);
  let value: unknown = YAML.parse(readFileSync(target, 'utf8'));
  for (const token of pointer.split('/').slice(1)) {
    value = asRecord(value, `${target}#${pointer}`)[decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return asRecord(value, `${target}#${pointer}`);
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`Expected a mapping at ${where}.`);
  return value as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Deciding what to plan

/** Why a product endpoint gets no planned operation. */
interface SkippedEndpoint {
  endpoint: ContractEndpoint;
  reason: string;
}

/** The endpoints to plan, grouped by path in TSV order, and those left out with the reason. */
interface Plan {
  pathsToPlan: Map<string, ContractEndpoint[]>;
  implemented: ContractEndpoint[];
  skipped: SkippedEndpoint[];
}

/**
 * Sorts the product endpoints into implemented, to plan, and skipped. Skipped are: endpoints
 * whose path a domain file already owns without that method (a second path item of the same
 * shape is invalid, so the method must be added to the domain file), path templates of the same
 * shape as an earlier one with other parameter names (OpenAPI rejects both; the first wins), and
 * duplicate rows.
 */
function planEndpoints(endpoints: readonly ContractEndpoint[], defined: ReadonlyMap<string, DefinedPathItem>): Plan {
  const plan: Plan = { pathsToPlan: new Map(), implemented: [], skipped: [] };
  const plannedPathByShape = new Map<string, string>();
  for (const endpoint of endpoints) {
    const shape = templateShape(endpoint.path);
    const owner = defined.get(shape);
    if (owner?.methods.has(endpoint.method)) {
      plan.implemented.push(endpoint);
      continue;
    }
    if (owner) {
      plan.skipped.push({ endpoint, reason: `path owned by ${owner.ref} (${owner.path}), which lacks this method: add it there` });
      continue;
    }
    const plannedPath = plannedPathByShape.get(shape) ?? endpoint.path;
    plannedPathByShape.set(shape, plannedPath);
    if (plannedPath !== endpoint.path) {
      plan.skipped.push({ endpoint, reason: `clashes with ${plannedPath} (same template, other parameter names)` });
      continue;
    }
    const planned = plan.pathsToPlan.get(plannedPath) ?? [];
    if (planned.some((other) => other.method === endpoint.method)) {
      plan.skipped.push({ endpoint, reason: `duplicate of contract line ${planned.find((other) => other.method === endpoint.method)?.line}` });
      continue;
    }
    plan.pathsToPlan.set(plannedPath, [...planned, endpoint]);
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Naming

function pascalCase(words: string): string {
  return words
    .split(/[-_]/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function kebabCase(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * The operationId of a planned operation: the method, then each segment after `/api/v1` in
 * PascalCase, a parameter reading `By<Param>` where it stands. So
 * `POST /api/v1/cluster/nodes/{id}/drain` is `postClusterNodesByIdDrain`. Mechanical on purpose:
 * the real name is chosen when the operation moves to its domain file.
 */
export function plannedOperationId(method: HttpMethod, path: string): string {
  return method + segmentsOf(path).map((segment) => {
    const parameter = parameterNameOf(segment);
    return parameter === undefined ? pascalCase(segment) : `By${pascalCase(parameter)}`;
  }).join('');
}

/** The key of a path item in its planned file: `/api/v1/cluster/nodes/{id}/drain` is `cluster-nodes-by-id-drain`. */
function plannedPathKey(path: string): string {
  const words = segmentsOf(path).map((segment) => {
    const parameter = parameterNameOf(segment);
    return parameter === undefined ? segment : `by-${kebabCase(parameter)}`;
  });
  return words.length === 0 ? 'root' : words.join('-');
}

/** The module of a path, which names its planned file: `/api/v1/network/cluster/nodes` is `network`. */
function moduleOf(path: string): string {
  return segmentsOf(path)[0] ?? 'root';
}

/** Throws when two different things got the same name: a clash must be resolved, not overwritten. */
function assertUnique(names: ReadonlyArray<readonly [name: string, owner: string]>, what: string): void {
  const ownerByName = new Map<string, string>();
  const clashes: string[] = [];
  for (const [name, owner] of names) {
    const previous = ownerByName.get(name);
    if (previous !== undefined) clashes.push(`${name}: ${previous} and ${owner}`);
    else ownerByName.set(name, owner);
  }
  if (clashes.length > 0) throw new Error(`Duplicate ${what}:\n  ${clashes.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// Building the planned files

const ALL_ROLES = ['CLUSTER_ADMIN', 'REPLICATION_ADMIN', 'DBA', 'CLUSTER_VIEWER'];

/** Who may call a mutation, by the area of the API it touches; anything else is CLUSTER_ADMIN's. */
const MUTATION_ROLES_BY_AREA: ReadonlyArray<{ prefixes: readonly string[]; roles: readonly string[] }> = [
  { prefixes: ['/api/v1/replication', '/api/v1/advanced-replication', '/api/v1/geo-replication'], roles: ['CLUSTER_ADMIN', 'REPLICATION_ADMIN'] },
  { prefixes: ['/api/v1/network', '/api/v1/pools', '/api/v1/gateway', '/api/v1/sessions'], roles: ['CLUSTER_ADMIN', 'DBA'] },
];

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The roles admitted by a planned operation: every role may read; mutations by area. */
export function plannedRoles(method: HttpMethod, path: string): string[] {
  if (method === 'get') return [...ALL_ROLES];
  const area = MUTATION_ROLES_BY_AREA.find(({ prefixes }) => prefixes.some((prefix) => isUnder(path, prefix)));
  return [...(area?.roles ?? ['CLUSTER_ADMIN'])];
}

function isWebSocketPath(path: string): boolean {
  return isUnder(path, `${API_PREFIX}/ws`);
}

/** The shared responses, relative to a planned file. */
const RESPONSES_FILE = '../../components/responses.yaml';

/**
 * The answers of every planned operation: 501 until built, and the checks that run before it. A
 * stream answers a plain GET (not an upgrade) with 426, as every stream does.
 */
function plannedResponses(webSocket: boolean): Record<string, { $ref: string }> {
  return {
    '401': { $ref: `${RESPONSES_FILE}#/Unauthorized` },
    '403': { $ref: `${RESPONSES_FILE}#/Forbidden` },
    ...(webSocket ? { '426': { $ref: `${RESPONSES_FILE}#/UpgradeRequired` } } : {}),
    '429': { $ref: `${RESPONSES_FILE}#/TooManyRequests` },
    '501': { $ref: `${RESPONSES_FILE}#/NotImplemented` },
  };
}

function plannedOperation(endpoint: ContractEndpoint): Record<string, unknown> {
  const verb = endpoint.method.toUpperCase();
  return {
    operationId: plannedOperationId(endpoint.method, endpoint.path),
    tags: ['Planned'],
    summary: `Planned: ${verb} ${endpoint.path}`,
    description:
      `Part of the contract, from the seed section "${endpoint.section}" (seed documents ${endpoint.seeds}). ` +
      'Not built yet: answers 501 `NOT_IMPLEMENTED` until it is implemented.',
    'x-rustydb-planned': true,
    'x-rustydb-scope': endpoint.scope,
    'x-rustydb-family': familyOf(endpoint.path),
    'x-rustydb-roles': plannedRoles(endpoint.method, endpoint.path),
    ...(isWebSocketPath(endpoint.path) ? { 'x-rustydb-websocket': true } : {}),
    responses: plannedResponses(isWebSocketPath(endpoint.path)),
  };
}

/** Path-level parameters, one per `{param}`, described by the collection segment before it. */
function pathParameters(path: string): Record<string, unknown>[] {
  const segments = segmentsOf(path);
  return segments.flatMap((segment, index) => {
    const name = parameterNameOf(segment);
    if (name === undefined) return [];
    const collection = segments[index - 1] ?? 'api';
    return [{
      name,
      in: 'path',
      required: true,
      description: `The \`${name}\` of the addressed \`${collection}\` entry.`,
      schema: { type: 'string', maxLength: 200 },
    }];
  });
}

function plannedPathItem(path: string, endpoints: readonly ContractEndpoint[]): Record<string, unknown> {
  const parameters = pathParameters(path);
  const byMethodOrder = [...endpoints].sort((a, b) => HTTP_METHODS.indexOf(a.method) - HTTP_METHODS.indexOf(b.method));
  return {
    ...(parameters.length > 0 ? { parameters } : {}),
    ...Object.fromEntries(byMethodOrder.map((endpoint) => [endpoint.method, plannedOperation(endpoint)])),
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A path to plan, with its module and its key in the module's planned file. */
interface PlannedPath {
  path: string;
  module: string;
  key: string;
  endpoints: ContractEndpoint[];
}

/** Planned paths sorted by path. */
function plannedPathsInOrder(plan: Plan): PlannedPath[] {
  return [...plan.pathsToPlan.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([path, endpoints]) => ({ path, module: moduleOf(path), key: plannedPathKey(path), endpoints }));
}

/** The planned paths of each module, in path order. */
function plannedPathsByModule(plannedPaths: readonly PlannedPath[]): Map<string, PlannedPath[]> {
  const byModule = new Map<string, PlannedPath[]>();
  for (const plannedPath of plannedPaths) byModule.set(plannedPath.module, [...(byModule.get(plannedPath.module) ?? []), plannedPath]);
  return byModule;
}

function plannedFileName(module: string): string {
  return `${module}.yaml`;
}

/**
 * Renders the planned file of one module in the style of the hand-written path files: small maps
 * (`$ref`s, schemas) and lists of words inline, a blank line between path items.
 */
function renderPlannedFile(module: string, plannedPaths: readonly PlannedPath[]): string {
  const content = Object.fromEntries(plannedPaths.map(({ path, key, endpoints }) => [key, plannedPathItem(path, endpoints)]));
  const document = new YAML.Document(content);
  document.commentBefore = plannedFileHeader(module);
  YAML.visit(document, {
    Map(_, node) {
      if (node.items.length <= 2 && node.items.every((pair) => isScalar(pair.value))) node.flow = true;
    },
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    // Quoted like the hand-written files, where a reference reads as a string at a glance.
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '$ref' && isScalar(pair.value)) pair.value.type = 'QUOTE_SINGLE';
    },
  });
  if (isMap(document.contents)) {
    document.contents.items.slice(1).forEach((pair) => {
      if (isScalar(pair.key)) pair.key.spaceBefore = true;
    });
  }
  return document.toString({ singleQuote: true, lineWidth: 0, flowCollectionPadding: false });
}

function plannedFileHeader(module: string): string {
  return [
    ` Planned operations under ${API_PREFIX}/${module}.`,
    ' Endpoints of spec/contract/endpoints.tsv that are not built yet; each answers 501 NOT_IMPLEMENTED.',
    ' Written by scripts/plan-operations.ts: do not edit by hand. To implement one, define it in its',
    ' domain path file and rerun the script, which drops it from here.',
  ].join('\n');
}

/** Writes one planned file per module and removes the planned files of modules no longer planned. */
function writePlannedFiles(plannedPaths: readonly PlannedPath[]): void {
  mkdirSync(PLANNED_DIR, { recursive: true });
  const written = new Set<string>();
  for (const [module, modulePaths] of plannedPathsByModule(plannedPaths)) {
    const file = plannedFileName(module);
    writeFileSync(join(PLANNED_DIR, file), renderPlannedFile(module, modulePaths));
    written.add(file);
  }
  for (const file of readdirSync(PLANNED_DIR)) {
    if (file.endsWith('.yaml') && !written.has(file)) rmSync(join(PLANNED_DIR, file));
  }
}

// ---------------------------------------------------------------------------------------------
// Rewriting the root spec's planned block

/** Replaces the lines between the planned markers of the root spec, leaving every other line alone. */
function rewritePlannedBlock(rootText: string, blockLines: readonly string[]): string {
  const lines = rootText.split('\n');
  const begin = indexOfOnlyLine(lines, BEGIN_PLANNED_MARKER);
  const end = indexOfOnlyLine(lines, END_PLANNED_MARKER);
  if (end < begin) throw new Error('The END planned marker comes before the BEGIN marker in the root spec.');
  return [...lines.slice(0, begin + 1), ...blockLines, ...lines.slice(end)].join('\n');
}

function indexOfOnlyLine(lines: readonly string[], marker: string): number {
  const indexes = lines.flatMap((line, index) => (line.trimEnd() === marker ? [index] : []));
  if (indexes.length !== 1) throw new Error(`Expected exactly one line "${marker.trim()}" in the root spec, found ${indexes.length}.`);
  return indexes[0] ?? -1;
}

/** The root's planned block: the contract rows left out (as comments), then one `$ref` per planned path. */
function rootPlannedLines(plannedPaths: readonly PlannedPath[], skipped: readonly SkippedEndpoint[]): string[] {
  const skippedLines = skipped.length === 0 ? [] : [
    '  # Contract rows left out:',
    ...skipped.map(({ endpoint, reason }) => `  #   ${endpoint.method.toUpperCase()} ${endpoint.path} (line ${endpoint.line}): ${reason}`),
  ];
  return [
    ...skippedLines,
    ...plannedPaths.map(({ path, module, key }) => `  ${path}: { $ref: '${PLANNED_REF_DIR}/${plannedFileName(module)}#/${key}' }`),
  ];
}

// ---------------------------------------------------------------------------------------------
// Summary

function countBy<Item>(items: readonly Item[], keyOf: (item: Item) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return new Map([...counts.entries()].sort(([a], [b]) => compareStrings(a, b)));
}

function printSummary(plan: Plan): void {
  const planned = [...plan.pathsToPlan.values()].flat();
  console.log(`Planned ${planned.length} operations on ${plan.pathsToPlan.size} paths (${plan.implemented.length} contract endpoints already implemented).`);
  console.log('\nBy scope:');
  for (const [scope, count] of countBy(planned, (endpoint) => endpoint.scope)) console.log(`  ${scope.padEnd(10)} ${count}`);
  console.log('\nBy family:');
  for (const [family, count] of countBy(planned, (endpoint) => `${endpoint.scope}  ${familyOf(endpoint.path)}`)) console.log(`  ${family.padEnd(44)} ${count}`);
  if (plan.skipped.length === 0) {
    console.log('\nNo contract row left out (no clashing templates, no partially owned paths).');
    return;
  }
  console.log(`\nLeft out (${plan.skipped.length}):`);
  for (const { endpoint, reason } of plan.skipped) console.log(`  ${endpoint.method.toUpperCase()} ${endpoint.path} (line ${endpoint.line}): ${reason}`);
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const productEndpoints = readContract().filter(isProductEndpoint);
  const defined = readDefinedPathItems(ROOT_SPEC_FILE);
  const plan = planEndpoints(productEndpoints, defined);

  const plannedPaths = plannedPathsInOrder(plan);
  assertUnique(plannedPaths.map(({ key, path }) => [key, path] as const), 'planned path keys');
  assertUnique(
    [
      ...[...defined.values()].flatMap(({ operationIds, ref }) => operationIds.map((id) => [id, ref] as const)),
      ...plannedPaths.flatMap(({ endpoints }) => endpoints.map((e) => [plannedOperationId(e.method, e.path), `${e.method.toUpperCase()} ${e.path}`] as const)),
    ],
    'operationIds',
  );

  writePlannedFiles(plannedPaths);
  writeFileSync(ROOT_SPEC_FILE, rewritePlannedBlock(readFileSync(ROOT_SPEC_FILE, 'utf8'), rootPlannedLines(plannedPaths, plan.skipped)));
  printSummary(plan);
}

// Run only when executed, not when coverage-table.ts imports the contract helpers.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
