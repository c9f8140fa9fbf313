/**
 * Generates everything under `generated/` from the contracts in `spec/`.
 *
 * Steps, in order (each fails loudly and stops the run):
 * 1. bundle      spec/openapi/openapi.yaml → generated/openapi.{json,yaml} (refs kept), with the
 *                request edge's 405/413/415 declared on every operation (scripts/edge-responses.ts)
 * 2. types       generated/openapi.json → generated/openapi-types.ts (openapi-typescript)
 * 3. operations  generated/openapi.json → generated/operations.ts (router index)
 * 4. graphql     spec/graphql/*.graphql → generated/graphql/ (codegen.yml)
 * 5. client      generated/openapi.json → generated/client/ (openapi-generator typescript-fetch)
 *
 * `generated/` is committed and CI fails when this script changes it, so every step must give
 * byte-identical output for the same input.
 *
 * Usage: `npm run generate`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { stringify as stringifyYaml } from 'yaml';

import { addEdgeResponses } from './edge-responses.js';

// @graphql-codegen/cli and openapi-typescript are imported inside their steps: together they
// take about 3 s to load, which then shows in those steps' timings instead of before step 1.

/** The repository root; every relative path below is relative to it. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const paths = {
  openapiRoot: 'spec/openapi/openapi.yaml',
  graphqlDir: 'spec/graphql',
  codegenConfig: 'codegen.yml',
  openapiToolsConfig: 'openapitools.json',
  bundledJson: 'generated/openapi.json',
  bundledYaml: 'generated/openapi.yaml',
  openapiTypes: 'generated/openapi-types.ts',
  operations: 'generated/operations.ts',
  client: 'generated/client',
} as const;

/** SHA-256 of the official openapi-generator-cli 7.0.0 JAR from Maven Central. */
const generatorJarSha256 = '80e8e9d71bdbdf513b8c65cf7d3fc2fe3d88aaeb4e39a2c6e20831f00032c775';

/**
 * typescript-fetch options. `importFileExtension=.js` makes every relative import end in `.js`,
 * which module NodeNext requires. No `npmName`: it would nest the sources under `src/` and add a
 * package.json whose missing `"type": "module"` would turn the files into CommonJS for tsc.
 */
const clientGeneratorProperties = ['supportsES6=true', 'importFileExtension=.js'] as const;

/** A literal edit of one generated client file, for generator output the repo cannot compile. */
interface SourceFix {
  readonly file: string;
  readonly find: string;
  readonly replace: string;
}

/**
 * openapi-generator 7.0.0's runtime.ts redeclares Error's `cause` (lib ES2022) without
 * `override`, which `noImplicitOverride` rejects wherever a test imports the client.
 */
const clientSourceFixes: readonly SourceFix[] = [
  {
    file: 'runtime.ts',
    find: 'constructor(public cause: Error, msg?: string)',
    replace: 'constructor(public override cause: Error, msg?: string)',
  },
];

/** Keeps CLI tools from phoning home or printing banners; output is only shown on failure. */
const quietToolEnv = {
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
} as const;

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type HttpMethod = (typeof httpMethods)[number];

/** A parsed JSON object whose fields are not known yet. */
type JsonObject = { readonly [key: string]: unknown };

/** What generated/operations.ts says about one operation. */
interface OperationEntry {
  operationId: string;
  method: HttpMethod;
  path: string;
  expressPath: string;
  tags: string[];
  roles: string[];
  planned: boolean;
  websocket: boolean;
  public: boolean;
  sparseFields: boolean;
  readOnly: boolean;
}

/** An error whose message is already fit for the terminal (no stack trace needed). */
class GenerateError extends Error {
  override name = 'GenerateError';
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Resolves a file inside an installed package, failing with a hint when it is missing. */
function resolvePackageFile(packageName: string, fileInPackage: string): string {
  const require = createRequire(import.meta.url);
  try {
    const packageJson = require.resolve(`${packageName}/package.json`);
    return path.join(path.dirname(packageJson), fileInPackage);
  } catch {
    throw new GenerateError(`package ${packageName} is not installed; run \`npm ci\``);
  }
}

/** Runs a command with captured output; on failure the error carries that output. */
function runCommand(
  command: string,
  args: readonly string[],
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', (error) =>
      reject(new GenerateError(`cannot start \`${command}\`: ${error.message}`)),
    );
    child.on('close', (code, signal) => {
      const text = Buffer.concat(output).toString('utf8');
      if (code === 0) {
        resolve(text);
        return;
      }
      const status = signal === null ? `exit code ${String(code)}` : `signal ${signal}`;
      const shown = [command, ...args].join(' ');
      reject(new GenerateError(`\`${shown}\` failed with ${status}:\n${text.trimEnd()}`));
    });
  });
}

/** Creates a fresh scratch directory and removes it after `use`, whatever happens. */
async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rustydb-generate-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes a generated file, creating its folder. */
async function writeGeneratedFile(relativePath: string, content: string): Promise<void> {
  const target = path.join(repoRoot, relativePath);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content, 'utf8');
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and parses a JSON file that must hold an object. */
async function readJsonObject(relativePath: string): Promise<JsonObject> {
  const text = await readFile(path.join(repoRoot, relativePath), 'utf8');
  const parsed: unknown = JSON.parse(text);
  if (!isJsonObject(parsed)) throw new GenerateError(`${relativePath} does not hold a JSON object`);
  return parsed;
}

/** Byte-wise string order: unlike localeCompare it is the same on every machine. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Step 1: bundle the OpenAPI document
// ---------------------------------------------------------------------------------------------

/**
 * Bundles the multi-file OpenAPI document with the Redocly CLI (the same version `npm run
 * lint:spec` uses), keeping `#/components` refs, and writes it as JSON and YAML.
 */
async function bundleOpenApi(): Promise<void> {
  const redoclyCli = resolvePackageFile('@redocly/cli', 'bin/cli.js');
  const bundle = await withTempDir(async (dir) => {
    const output = path.join(dir, 'openapi.json');
    await runCommand(
      process.execPath,
      [redoclyCli, 'bundle', paths.openapiRoot, '--output', output, '--ext', 'json'],
      quietToolEnv,
    );
    return readFile(output, 'utf8');
  });
  // Both files are serialized from one parse, so they always hold the same document; key order
  // is the bundler's, which follows the authored order.
  const document: unknown = JSON.parse(bundle);
  if (!isJsonObject(document)) throw new GenerateError('the bundled contract is not a JSON object');
  addEdgeResponses(document);
  await writeGeneratedFile(paths.bundledJson, `${JSON.stringify(document, null, 2)}\n`);
  await writeGeneratedFile(paths.bundledYaml, renderYaml(document));
}

/** YAML without anchors/aliases or line folding, so diffs stay readable. */
function renderYaml(document: unknown): string {
  return stringifyYaml(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}

// ---------------------------------------------------------------------------------------------
// Step 2: TypeScript types of the OpenAPI document
// ---------------------------------------------------------------------------------------------

/** Generates `paths`/`components`/`operations` types with openapi-typescript. */
async function writeOpenApiTypes(): Promise<void> {
  const { default: openapiTS, astToString, COMMENT_HEADER } = await import('openapi-typescript');
  const source = pathToFileURL(path.join(repoRoot, paths.bundledJson));
  const ast = await openapiTS(source, { silent: true });
  await writeGeneratedFile(paths.openapiTypes, COMMENT_HEADER + astToString(ast));
}

// ---------------------------------------------------------------------------------------------
// Step 3: operation index for the router
// ---------------------------------------------------------------------------------------------

/** Writes generated/operations.ts from the bundled document. */
async function writeOperationIndex(): Promise<void> {
  const document = await readJsonObject(paths.bundledJson);
  const operations = collectOperations(document);
  assertUniqueOperationIds(operations);
  await writeGeneratedFile(paths.operations, renderOperationsModule(operations));
}

/** Lists every operation of the document, sorted by path then method. */
function collectOperations(document: JsonObject): OperationEntry[] {
  const pathItems = document['paths'];
  if (!isJsonObject(pathItems)) throw new GenerateError(`${paths.bundledJson}: no \`paths\` object`);
  const globalSecurity = document['security'] ?? [];
  const entries: OperationEntry[] = [];
  for (const [routePath, pathItem] of Object.entries(pathItems)) {
    if (!isJsonObject(pathItem)) throw new GenerateError(`path ${routePath}: not an object`);
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      const where = `${method.toUpperCase()} ${routePath}`;
      if (!isJsonObject(operation)) throw new GenerateError(`${where}: not an object`);
      entries.push(describeOperation(routePath, method, operation, globalSecurity, where));
    }
  }
  return entries.sort(
    (a, b) => compareCodeUnits(a.path, b.path) || compareCodeUnits(a.method, b.method),
  );
}

/** Reads what the router needs from one operation object. */
function describeOperation(
  routePath: string,
  method: HttpMethod,
  operation: JsonObject,
  globalSecurity: unknown,
  where: string,
): OperationEntry {
  const operationId = operation['operationId'];
  if (typeof operationId !== 'string' || operationId === '') {
    throw new GenerateError(`${where}: missing operationId`);
  }
  // An operation without its own `security` inherits the document's, as OpenAPI defines.
  const security = operation['security'] ?? globalSecurity;
  const isPublic = Array.isArray(security) && security.length === 0;
  const roles = readStringArray(operation['x-rustydb-roles'], `${where}: x-rustydb-roles`);
  // A secured operation that admits no role could never be called: a spec mistake.
  if (!isPublic && roles.length === 0) throw new GenerateError(`${where}: x-rustydb-roles must name at least one role`);
  return {
    operationId,
    method,
    path: routePath,
    expressPath: toExpressPath(routePath, where),
    tags: readStringArray(operation['tags'], `${where}: tags`),
    roles,
    planned: operation['x-rustydb-planned'] === true,
    websocket: operation['x-rustydb-websocket'] === true,
    public: isPublic,
    sparseFields: operation['x-rustydb-sparse-fields'] === true,
    readOnly: operation['x-rustydb-read-only'] === true,
  };
}

/** `/nodes/{id}` → `/nodes/:id`; names must be identifiers for Express 5 (path-to-regexp 8). */
function toExpressPath(routePath: string, where: string): string {
  return routePath.replace(/\{([^}]*)\}/g, (_match, name: string) => {
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) {
      throw new GenerateError(`${where}: path parameter {${name}} is not a valid Express name`);
    }
    return `:${name}`;
  });
}

/** An optional array of strings; absent means empty. */
function readStringArray(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new GenerateError(`${where}: expected an array of strings`);
  }
  return [...(value as string[])];
}

/** The `OperationId` union is keyed on operationId, so two operations may not share one. */
function assertUniqueOperationIds(operations: readonly OperationEntry[]): void {
  const seen = new Map<string, string>();
  for (const operation of operations) {
    const where = `${operation.method.toUpperCase()} ${operation.path}`;
    const earlier = seen.get(operation.operationId);
    if (earlier !== undefined) {
      throw new GenerateError(`operationId ${operation.operationId} used by ${earlier} and ${where}`);
    }
    seen.set(operation.operationId, where);
  }
}

/** Renders generated/operations.ts. */
function renderOperationsModule(operations: readonly OperationEntry[]): string {
  const operationIds = operations.map((operation) => operation.operationId).sort(compareCodeUnits);
  return [
    `// Generated by \`npm run generate\` from ${paths.openapiRoot}. Do not edit.`,
    '',
    '/** An HTTP method of an OpenAPI operation, lower case as in the document. */',
    `export type HttpMethod = ${httpMethods.map((method) => JSON.stringify(method)).join(' | ')};`,
    '',
    '/** One operation of the OpenAPI contract, as the server needs it to build its router. */',
    'export interface OperationInfo {',
    '  /** The operation\'s `operationId`. */',
    '  readonly operationId: string;',
    '  readonly method: HttpMethod;',
    '  /** The path template as in the document, e.g. `/api/v1/cluster/nodes/{id}`. */',
    '  readonly path: string;',
    '  /** The same path in Express syntax, e.g. `/api/v1/cluster/nodes/:id`. */',
    '  readonly expressPath: string;',
    '  readonly tags: readonly string[];',
    '  /** Roles admitted by `x-rustydb-roles`; empty for public operations. */',
    '  readonly roles: readonly string[];',
    '  /** `x-rustydb-planned: true`: in the contract, answered with 501 NOT_IMPLEMENTED. */',
    '  readonly planned: boolean;',
    '  /** `x-rustydb-websocket: true`: served as a WebSocket upgrade. */',
    '  readonly websocket: boolean;',
    '  /** The operation\'s effective `security` is an empty array: no authentication. */',
    '  readonly public: boolean;',
    '  /** `x-rustydb-sparse-fields: true`: accepts the `fields` query parameter. */',
    '  readonly sparseFields: boolean;',
    '  /** `x-rustydb-read-only: true`: a POST that changes nothing durable (a lookup), so not audited as a mutation. */',
    '  readonly readOnly: boolean;',
    '}',
    '',
    '/** Every operation of the OpenAPI contract, sorted by path then method. */',
    'export const operations = [',
    ...operations.map(renderOperationEntry),
    '] as const satisfies readonly OperationInfo[];',
    '',
    '/** The `operationId` of every operation. */',
    'export type OperationId =',
    ...operationIds.map((id, index) =>
      `  | ${JSON.stringify(id)}${index === operationIds.length - 1 ? ';' : ''}`,
    ),
    '',
  ].join('\n');
}

/** One element of the `operations` array literal. */
function renderOperationEntry(operation: OperationEntry): string {
  const fields = Object.entries(operation).map(
    ([key, value]) => `    ${key}: ${JSON.stringify(value).replaceAll('","', '", "')},`,
  );
  return ['  {', ...fields, '  },'].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Step 4: GraphQL resolver types and merged schema
// ---------------------------------------------------------------------------------------------

/** Runs GraphQL Code Generator with codegen.yml. */
async function writeGraphQLArtifacts(): Promise<void> {
  await assertGraphQLSchemaExists();
  const { generate: runGraphQLCodegen, loadContext } = await import('@graphql-codegen/cli');
  const context = await loadContext(path.join(repoRoot, paths.codegenConfig));
  // codegen.yml's paths are relative to the repository, wherever the script is started from.
  context.cwd = repoRoot;
  // Codegen's progress renderer would add many lines; errors still reject the promise.
  context.updateConfig({ silent: true });
  try {
    await runGraphQLCodegen(context, true);
  } catch (error) {
    throw new GenerateError(`GraphQL codegen failed: ${trimCodegenMessage(describeError(error))}`);
  }
}

/** Codegen puts stack traces and a list of supported schema sources into its messages. */
function trimCodegenMessage(message: string): string {
  const withoutHelp = message.split('\nGraphQL Code Generator supports:')[0] ?? message;
  return withoutHelp
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n')
    .trimEnd();
}

/** Codegen's own message for an empty glob is vague, so say what is missing. */
async function assertGraphQLSchemaExists(): Promise<void> {
  const files = await readdir(path.join(repoRoot, paths.graphqlDir)).catch(() => []);
  if (!files.some((file) => file.endsWith('.graphql'))) {
    throw new GenerateError(`no GraphQL schema: ${paths.graphqlDir}/*.graphql matches no file`);
  }
}

/** Message of an error; for an aggregate, its distinct nested messages (codegen repeats one per output). */
function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(describeError))].join('\n');
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

// ---------------------------------------------------------------------------------------------
// Step 5: TypeScript client SDK
// ---------------------------------------------------------------------------------------------

/** Generates the typescript-fetch client into a scratch folder and keeps only its TS sources. */
async function writeClientSdk(): Promise<void> {
  await verifyGeneratorJar();
  await assertJavaAvailable();
  await withTempDir(async (dir) => {
    await runOpenApiGenerator(dir);
    await applySourceFixes(dir, clientSourceFixes);
    // Replacing the folder drops files of removed models; copying only *.ts leaves out the
    // generator's metadata (.openapi-generator/, .openapi-generator-ignore).
    const target = path.join(repoRoot, paths.client);
    await rm(target, { recursive: true, force: true });
    await copyTypeScriptSources(dir, target);
  });
}

/** Checks the JAR that openapitools.json selects against the pinned checksum. */
async function verifyGeneratorJar(): Promise<void> {
  const jarPath = await locateGeneratorJar();
  const content = await readFile(jarPath).catch(() => {
    throw new GenerateError(`openapi-generator JAR not found at ${jarPath}; run \`npm ci\``);
  });
  const actual = createHash('sha256').update(content).digest('hex');
  if (actual !== generatorJarSha256) {
    throw new GenerateError(
      `openapi-generator JAR ${jarPath} has SHA-256 ${actual}, expected ${generatorJarSha256}; ` +
        'refusing to run an unverified JAR',
    );
  }
}

/** The path `<storageDir>/<version>.jar` that openapi-generator-cli runs, from openapitools.json. */
async function locateGeneratorJar(): Promise<string> {
  const config = await readJsonObject(paths.openapiToolsConfig);
  const cliConfig = config['generator-cli'];
  const version = isJsonObject(cliConfig) ? cliConfig['version'] : undefined;
  const storageDir = isJsonObject(cliConfig) ? cliConfig['storageDir'] : undefined;
  if (typeof version !== 'string' || typeof storageDir !== 'string') {
    throw new GenerateError(
      `${paths.openapiToolsConfig}: generator-cli.version and generator-cli.storageDir are required`,
    );
  }
  return path.resolve(repoRoot, storageDir, `${version}.jar`);
}

async function assertJavaAvailable(): Promise<void> {
  await runCommand('java', ['-version']).catch((error: unknown) => {
    throw new GenerateError(
      `openapi-generator needs Java 11+ on PATH (\`java -version\` failed): ${describeError(error)}`,
    );
  });
}

/** Runs openapi-generator-cli (which reads openapitools.json) to write the client into `outputDir`. */
async function runOpenApiGenerator(outputDir: string): Promise<void> {
  const generatorCli = resolvePackageFile('@openapitools/openapi-generator-cli', 'main.js');
  const args = [
    generatorCli,
    'generate',
    '--generator-name', 'typescript-fetch',
    '--input-spec', paths.bundledJson,
    '--output', outputDir,
    `--additional-properties=${clientGeneratorProperties.join(',')}`,
  ];
  // The wrapper resolves openapitools.json and storageDir from $PWD, not from its cwd.
  await runCommand(process.execPath, args, { PWD: repoRoot });
}

/** Applies each fix exactly once; a fix that no longer matches means the generator changed. */
async function applySourceFixes(dir: string, fixes: readonly SourceFix[]): Promise<void> {
  for (const fix of fixes) {
    const file = path.join(dir, fix.file);
    const source = await readFile(file, 'utf8');
    const matches = source.split(fix.find).length - 1;
    if (matches !== 1) {
      throw new GenerateError(
        `client fix for ${fix.file} expected 1 match of \`${fix.find}\`, found ${matches}; ` +
          'check whether the generator still needs it (clientSourceFixes in scripts/generate.ts)',
      );
    }
    await writeFile(file, source.replace(fix.find, fix.replace), 'utf8');
  }
}

/** Copies every `*.ts` file below `sourceDir` to the same relative path below `targetDir`. */
async function copyTypeScriptSources(sourceDir: string, targetDir: string): Promise<void> {
  const entries = await readdir(sourceDir, { recursive: true, withFileTypes: true });
  const sources = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'));
  if (sources.length === 0) throw new GenerateError('openapi-generator wrote no TypeScript file');
  for (const entry of sources) {
    const relative = path.relative(sourceDir, path.join(entry.parentPath, entry.name));
    const target = path.join(targetDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(sourceDir, relative), target);
  }
}

// ---------------------------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------------------------

/** One step of the pipeline, in the order it must run. */
interface Step {
  readonly name: string;
  readonly produces: string;
  readonly run: () => Promise<void>;
}

const steps: readonly Step[] = [
  { name: 'bundle', produces: `${paths.bundledJson}, ${paths.bundledYaml}`, run: bundleOpenApi },
  { name: 'types', produces: paths.openapiTypes, run: writeOpenApiTypes },
  { name: 'operations', produces: paths.operations, run: writeOperationIndex },
  { name: 'graphql', produces: 'generated/graphql/', run: writeGraphQLArtifacts },
  { name: 'client', produces: `${paths.client}/`, run: writeClientSdk },
];

/** Runs one step and prints a line with its duration. */
async function runStep(step: Step, index: number): Promise<void> {
  const label = `[generate] ${index + 1}/${steps.length} ${step.name.padEnd(10)}`;
  const started = performance.now();
  try {
    await step.run();
  } catch (error) {
    throw new GenerateError(`${label} FAILED: ${describeError(error)}`);
  }
  console.log(`${label} ${formatDuration(performance.now() - started)}  → ${step.produces}`);
}

function formatDuration(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`.padStart(7);
}

async function main(): Promise<void> {
  const started = performance.now();
  for (const [index, step] of steps.entries()) await runStep(step, index);
  console.log(`[generate] done in ${formatDuration(performance.now() - started).trim()}`);
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exitCode = 1;
});
