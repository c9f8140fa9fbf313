import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { operations } from '../../../generated/operations.js';
import { contractProblem } from '../../support/contract.js';
import { fuzzPlan, type FuzzRequest } from '../../support/fuzz-requests.js';
import { listenOnLoopback } from '../../support/socket.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

/**
 * The spec-driven fuzz test: every operation of the bundled contract gets a valid request and a
 * bounded, seeded set of invalid variants (test/support/fuzz-requests.ts), so new domains are
 * covered without change. Every answer must be declared for its operation, match its schema and
 * be the envelope; none may be a 5xx; no invalid request may be accepted. Invalid requests run
 * first on a fresh server (they must change nothing), then the valid ones, deletions last.
 * `FUZZ_LOG=1` prints every request with its status, to see what a failing seed did.
 */
const SEED = 20261121;
const MAX_INVALID_PER_OPERATION = 8;

let server: TestServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  await server.advance(1000);
  ({ httpUrl: baseUrl } = await listenOnLoopback(server));
});
afterAll(() => server.close());

interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

async function send(request: Pick<FuzzRequest, 'method' | 'url' | 'body' | 'contentType'>): Promise<Answer> {
  const headers: Record<string, string> = { 'X-API-Key': ADMIN_KEY };
  if (request.contentType) headers['Content-Type'] = request.contentType;
  // A Buffer body carries no Content-Type of its own, so the request has exactly the one chosen.
  const response = await fetch(baseUrl + request.url, { method: request.method, headers, ...(request.body === undefined ? {} : { body: Buffer.from(request.body) }) });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    body: contentType.startsWith('application/json') ? JSON.parse(text) : text,
    headers: Object.fromEntries(response.headers),
  };
}

/** What is wrong with one answer, or undefined. */
function problemOf(request: FuzzRequest, answer: Answer): string | undefined {
  if (answer.status >= 500 && answer.status !== 501) return `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
  if (request.invalid && answer.status >= 200 && answer.status < 300) return `invalid request accepted with ${answer.status}`;
  const body = answer.body as { success?: unknown; timestamp?: unknown } | string;
  const isText = typeof body === 'string';
  if (!isText && (typeof body.success !== 'boolean' || typeof body.timestamp !== 'string')) return `not the envelope: ${JSON.stringify(body).slice(0, 300)}`;
  if (isText && answer.status >= 400) return `an error that is not the envelope: ${answer.status} ${body.slice(0, 300)}`;
  return contractProblem(request.operationId, answer);
}

async function run(requests: readonly FuzzRequest[]): Promise<string[]> {
  const problems: string[] = [];
  for (const request of requests) {
    const answer = await send(request);
    if (process.env.FUZZ_LOG) console.log(answer.status, request.method, request.url.slice(0, 100), request.variant);
    const problem = problemOf(request, answer);
    if (problem) problems.push(`${request.method} ${request.url.slice(0, 120)} (${request.operationId}, ${request.variant}): ${problem}`);
  }
  return problems;
}

function report(problems: readonly string[]): string {
  return `${problems.length} problem(s):\n${problems.slice(0, 40).join('\n')}`;
}

describe('spec-driven fuzz (seed ' + SEED + ')', () => {
  const plan = fuzzPlan(SEED, MAX_INVALID_PER_OPERATION);

  test('covers every operation of the contract', () => {
    expect(new Set(plan.valid.map((request) => request.operationId)).size).toBe(operations.length);
    expect(plan.invalid.length).toBeGreaterThan(operations.length);
  });

  test('the same seed gives the same requests', () => {
    const again = fuzzPlan(SEED, MAX_INVALID_PER_OPERATION);
    expect(again.invalid.map((request) => `${request.method} ${request.url} ${request.variant}`)).toEqual(plan.invalid.map((request) => `${request.method} ${request.url} ${request.variant}`));
  });

  test('invalid requests are refused as the contract declares', { timeout: 120_000 }, async () => {
    const problems = await run(plan.invalid);
    expect(problems, report(problems)).toEqual([]);
  });

  test('a method a path lacks is a declared 405 with Allow', { timeout: 60_000 }, async () => {
    const problems: string[] = [];
    const byPath = new Map<string, (typeof operations)[number][]>();
    for (const operation of operations) byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
    for (const [path, atPath] of byPath) {
      const methods = new Set<string>(atPath.map((operation) => operation.method));
      const missing = ['patch', 'put', 'delete', 'post'].find((method) => !methods.has(method))!;
      const url = path.replace(/\{[^}]+\}/g, 'x');
      const answer = await send({ method: missing.toUpperCase(), url });
      const problem = answer.status !== 405 ? `answered ${answer.status}` : answer.headers.allow ? contractProblem(atPath[0]!.operationId, answer) : 'no Allow header';
      if (problem) problems.push(`${missing.toUpperCase()} ${url}: ${problem}`);
    }
    expect(problems, report(problems)).toEqual([]);
  });

  test('valid requests are answered as the contract declares', { timeout: 120_000 }, async () => {
    const problems = await run(plan.valid);
    expect(problems, report(problems)).toEqual([]);
  });
});
