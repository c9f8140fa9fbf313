import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from 'openapi-backend';
import { RequestValidator, type RawRequest } from '../src/api/rest/request-validator.js';
import { GENERATED_DIR } from '../src/api/server.js';
import { BENCH_ADMIN_KEY } from './http-targets.js';

const OPERATION_ID = 'listClusterNodes';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** listClusterNodes as operationRoutes hands it to the validator (express's view of the request). */
const LIST_NODES_REQUEST: RawRequest = {
  pathParams: {},
  query: { limit: '50' },
  headers: { host: '127.0.0.1', 'x-api-key': BENCH_ADMIN_KEY, accept: '*/*' },
  body: undefined,
};

export interface ValidationSettings {
  rounds: number;
  iterations: number;
  /** Calls before timing: the first compiles the operation's validators (quick mode). */
  warmupIterations: number;
}

export interface ContractUnderTest {
  name: string;
  operationCount: number;
  validator: RequestValidator;
}

export interface ValidationTurn {
  round: number;
  contract: string;
  /** CPU time per validation. */
  microsPerOp: number;
}

/** The full bundled contract and the same contract without its planned operations. */
export async function loadContracts(): Promise<ContractUnderTest[]> {
  const full = JSON.parse(await readFile(join(GENERATED_DIR, 'openapi.json'), 'utf8')) as Document;
  const implemented = withoutPlannedOperations(full);
  return [await contractUnderTest('full contract', full), await contractUnderTest('implemented only', implemented)];
}

/** Times `validate` on each contract in turn, swapping the order each round (see runAlternatingLoad). */
export function runAlternatingValidation(contracts: readonly ContractUnderTest[], settings: ValidationSettings, onTurn: (turn: ValidationTurn) => void): ValidationTurn[] {
  for (const contract of contracts) validateRepeatedly(contract.validator, settings.warmupIterations);
  const turns: ValidationTurn[] = [];
  for (let round = 1; round <= settings.rounds; round += 1) {
    const order = round % 2 === 1 ? contracts : [...contracts].reverse();
    for (const contract of order) {
      const cpuMicros = validateRepeatedly(contract.validator, settings.iterations);
      const turn = { round, contract: contract.name, microsPerOp: cpuMicros / settings.iterations };
      turns.push(turn);
      onTurn(turn);
    }
  }
  return turns;
}

/**
 * CPU microseconds (user + system) for `iterations` validations. CPU time rather than wall time:
 * the loop is synchronous, and on a shared machine wall time also counts the moments another
 * process had the core, which differs from turn to turn. Each result is checked so the work
 * cannot be optimized away.
 */
function validateRepeatedly(validator: RequestValidator, iterations: number): number {
  const started = process.cpuUsage();
  for (let index = 0; index < iterations; index += 1) {
    const validated = validator.validate(OPERATION_ID, LIST_NODES_REQUEST);
    if (validated.query.limit !== 50) throw new Error(`limit was not coerced to 50: ${String(validated.query.limit)}`);
  }
  const used = process.cpuUsage(started);
  return used.user + used.system;
}

async function contractUnderTest(name: string, definition: Document): Promise<ContractUnderTest> {
  return { name, operationCount: countOperations(definition), validator: await RequestValidator.create(definition) };
}

/** A copy of `definition` without x-rustydb-planned operations (and without paths left empty). */
export function withoutPlannedOperations(definition: Document): Document {
  const copy = structuredClone(definition);
  for (const [path, pathItem] of Object.entries(copy.paths ?? {})) {
    if (!pathItem) continue;
    const item = pathItem as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (isPlanned(item[method])) delete item[method];
    }
    if (!HTTP_METHODS.some((method) => item[method] !== undefined)) delete copy.paths![path];
  }
  return copy;
}

function isPlanned(operation: unknown): boolean {
  return typeof operation === 'object' && operation !== null && (operation as Record<string, unknown>)['x-rustydb-planned'] === true;
}

function countOperations(definition: Document): number {
  return Object.values(definition.paths ?? {}).reduce((count, pathItem) => {
    const item = (pathItem ?? {}) as Record<string, unknown>;
    return count + HTTP_METHODS.filter((method) => item[method] !== undefined).length;
  }, 0);
}
