/**
 * Prints how much of the contract the published spec implements, as a Markdown table with one
 * row per family (`cluster/raft`, `replication/slots`, ...), then the implemented operations
 * that the contract does not list (platform additions such as `/api/v1/simulation/*`).
 *
 * Usage: `npx tsx scripts/coverage-table.ts [--write README.md]`. With `--write`, the table
 * replaces the block between `<!-- BEGIN coverage -->` and `<!-- END coverage -->` of that file.
 *
 * The spec is `generated/openapi.json` when it exists (what the server publishes), else a
 * bundle of `spec/openapi/openapi.yaml` made for the occasion.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type ContractEndpoint,
  type ContractScope,
  CONTRACT_SCOPES,
  HTTP_METHODS,
  type HttpMethod,
  ROOT_SPEC_FILE,
  familyOf,
  isProductEndpoint,
  operationKey,
  readContract,
} from './plan-operations.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED_SPEC_FILE = join(REPO_ROOT, 'generated/openapi.json');
const BEGIN_COVERAGE_MARKER = '<!-- BEGIN coverage -->';
const END_COVERAGE_MARKER = '<!-- END coverage -->';

/** One operation of the published spec. */
interface PublishedOperation {
  method: HttpMethod;
  path: string;
  operationId: string;
  /** True while the operation only answers 501 (`x-rustydb-planned`). */
  planned: boolean;
}

// ---------------------------------------------------------------------------------------------
// The published spec

/** Reads the published spec: the generated bundle if there is one, else a fresh bundle. */
function readPublishedSpec(): unknown {
  if (existsSync(GENERATED_SPEC_FILE)) return JSON.parse(readFileSync(GENERATED_SPEC_FILE, 'utf8'));
  return bundleSpec(ROOT_SPEC_FILE);
}

/**
 * Bundles the multi-file spec with the Redocly CLI. The CLI rather than the
 * `@redocly/openapi-core` API: the latter is only here as a dependency of openapi-typescript,
 * in another major version than the CLI, so importing it would rely on how npm hoists packages.
 */
function bundleSpec(rootFile: string): unknown {
  const workDir = mkdtempSync(join(tmpdir(), 'rustydb-coverage-'));
  try {
    const bundleFile = join(workDir, 'openapi.json');
    // `--no`: never download a CLI; the one in devDependencies is the one the project lints with.
    execFileSync('npx', ['--no', 'redocly', 'bundle', rootFile, '--output', bundleFile], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    return JSON.parse(readFileSync(bundleFile, 'utf8'));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lists every operation of a bundled spec; path items are inline in a bundle. */
function publishedOperations(spec: unknown): PublishedOperation[] {
  if (!isRecord(spec) || !isRecord(spec['paths'])) throw new Error('The published spec has no paths.');
  return Object.entries(spec['paths']).flatMap(([path, pathItem]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = isRecord(pathItem) ? pathItem[method] : undefined;
      if (!isRecord(operation)) return [];
      const operationId = typeof operation['operationId'] === 'string' ? operation['operationId'] : '';
      return [{ method, path, operationId, planned: operation['x-rustydb-planned'] === true }];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Coverage

/** Where a contract endpoint stands in the published spec. */
type EndpointStatus = 'implemented' | 'planned' | 'missing';

/** One row of the table. */
interface FamilyCoverage {
  family: string;
  scopes: ContractScope[];
  endpoints: number;
  implemented: number;
  planned: number;
}

/** The whole report: per family, plus what the table cannot show. */
interface Coverage {
  families: FamilyCoverage[];
  /** Contract endpoints absent from the spec (a clashing template, or a method a domain file lacks). */
  missing: ContractEndpoint[];
  /** Implemented operations that no product endpoint of the contract asks for. */
  additions: Array<PublishedOperation & { contractNote: string }>;
}

function statusOf(endpoint: ContractEndpoint, publishedByKey: ReadonlyMap<string, PublishedOperation>): EndpointStatus {
  const operation = publishedByKey.get(operationKey(endpoint.method, endpoint.path));
  if (operation === undefined) return 'missing';
  return operation.planned ? 'planned' : 'implemented';
}

/** Tallies the product endpoints of the contract by family, and collects the platform additions. */
function measureCoverage(contract: readonly ContractEndpoint[], published: readonly PublishedOperation[]): Coverage {
  // Keyed by template shape: a domain file may name a path parameter differently from the contract.
  const publishedByKey = new Map(published.map((operation) => [operationKey(operation.method, operation.path), operation]));
  const productEndpoints = contract.filter(isProductEndpoint);
  const families = new Map<string, FamilyCoverage>();
  const missing: ContractEndpoint[] = [];
  for (const endpoint of productEndpoints) {
    const family = familyOf(endpoint.path);
    const row = families.get(family) ?? { family, scopes: [], endpoints: 0, implemented: 0, planned: 0 };
    if (!row.scopes.includes(endpoint.scope)) row.scopes.push(endpoint.scope);
    row.endpoints += 1;
    const status = statusOf(endpoint, publishedByKey);
    if (status === 'implemented') row.implemented += 1;
    else if (status === 'planned') row.planned += 1;
    else missing.push(endpoint);
    families.set(family, row);
  }
  return { families: [...families.values()].sort(byScopeThenFamily), missing, additions: platformAdditions(contract, published) };
}

function byScopeThenFamily(a: FamilyCoverage, b: FamilyCoverage): number {
  const scopeOrder = (row: FamilyCoverage): number => Math.min(...row.scopes.map((scope) => CONTRACT_SCOPES.indexOf(scope)));
  return scopeOrder(a) - scopeOrder(b) || (a.family < b.family ? -1 : a.family > b.family ? 1 : 0);
}

/**
 * Implemented operations outside the product endpoints of the contract. An operation matching
 * a variant or out-of-scope row is noted as such, since it is in the contract after all.
 */
function platformAdditions(contract: readonly ContractEndpoint[], published: readonly PublishedOperation[]): Coverage['additions'] {
  const contractByKey = new Map<string, ContractEndpoint[]>();
  for (const endpoint of contract) {
    const key = operationKey(endpoint.method, endpoint.path);
    contractByKey.set(key, [...(contractByKey.get(key) ?? []), endpoint]);
  }
  return published
    .filter((operation) => !operation.planned)
    .flatMap((operation) => {
      const rows = contractByKey.get(operationKey(operation.method, operation.path)) ?? [];
      if (rows.some(isProductEndpoint)) return [];
      const contractNote = rows.length === 0 ? '' : ` (contract: ${rows.map((row) => (row.role === 'variant' ? 'variant' : `scope ${row.scope}`)).join(', ')})`;
      return [{ ...operation, contractNote }];
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : HTTP_METHODS.indexOf(a.method) - HTTP_METHODS.indexOf(b.method)));
}

// ---------------------------------------------------------------------------------------------
// Markdown

function renderTable(families: readonly FamilyCoverage[]): string[] {
  const sum = (pick: (row: FamilyCoverage) => number): number => families.reduce((total, row) => total + pick(row), 0);
  return [
    '| Family | Scope | Endpoints | Implemented | Planned (501) |',
    '|---|---|---:|---:|---:|',
    ...families.map((row) => `| \`${row.family}\` | ${row.scopes.join(', ')} | ${row.endpoints} | ${row.implemented} | ${row.planned} |`),
    `| **Total** | | **${sum((row) => row.endpoints)}** | **${sum((row) => row.implemented)}** | **${sum((row) => row.planned)}** |`,
  ];
}

function renderCoverage(coverage: Coverage): string {
  const lines = renderTable(coverage.families);
  if (coverage.missing.length > 0) {
    lines.push('', 'Contract endpoints absent from the spec (see `scripts/plan-operations.ts`):', '');
    for (const endpoint of coverage.missing) lines.push(`- \`${endpoint.method.toUpperCase()} ${endpoint.path}\``);
  }
  lines.push('', 'Implemented operations outside the contract (platform additions):', '');
  for (const operation of coverage.additions) {
    lines.push(`- \`${operation.method.toUpperCase()} ${operation.path}\` (\`${operation.operationId}\`)${operation.contractNote}`);
  }
  if (coverage.additions.length === 0) lines.push('- none');
  return lines.join('\n');
}

/** Replaces what lies between the coverage markers of a Markdown file; the file must exist. */
function writeIntoMarkedBlock(file: string, markdown: string): void {
  if (!existsSync(file)) throw new Error(`${file} does not exist; create it with the coverage markers first.`);
  const text = readFileSync(file, 'utf8');
  const begin = text.indexOf(BEGIN_COVERAGE_MARKER);
  const end = text.indexOf(END_COVERAGE_MARKER);
  if (begin < 0 || end < begin) throw new Error(`${file} needs ${BEGIN_COVERAGE_MARKER} followed by ${END_COVERAGE_MARKER}.`);
  const before = text.slice(0, begin + BEGIN_COVERAGE_MARKER.length);
  writeFileSync(file, `${before}\n${markdown}\n${text.slice(end)}`);
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const { values } = parseArgs({ options: { write: { type: 'string' } } });
  const markdown = renderCoverage(measureCoverage(readContract(), publishedOperations(readPublishedSpec())));
  console.log(markdown);
  if (values.write !== undefined) {
    writeIntoMarkedBlock(resolve(values.write), markdown);
    console.error(`Wrote the coverage table into ${values.write}.`);
  }
}

main();
