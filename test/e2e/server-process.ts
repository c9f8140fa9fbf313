import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository root: `src/main.ts` and tsx are resolved from here. */
const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** Startup polling: at most this many probes, this far apart (about 20 s in all). */
const STARTUP_PROBES = 200;
const STARTUP_PROBE_INTERVAL_MS = 100;
/** One probe gives up after this long, so a hung server cannot stall the poll. */
const PROBE_TIMEOUT_MS = 1000;
/** Output kept for failure messages; older output is dropped. */
const MAX_OUTPUT_CHARS = 20_000;

/** The admin key the e2e servers are started with (RUSTYDB_ADMIN_KEY), so a test can call them at once. */
export const E2E_ADMIN_KEY = 'rdb_e2e_admin_0123456789abcdef0123456789abcdef';
/** Cluster time to the first heartbeats and the first election (timeout 1 s, randomized up to 2 s, plus pre-vote). */
export const CLUSTER_FORMED_MS = 3000;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A server running in a child process: `node --import tsx src/main.ts`. */
export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Settles when the process has exited, however it ended. */
  exited: Promise<ProcessExit>;
  /** What the process wrote to stdout and stderr so far (the tail), for failure messages. */
  output(): string;
}

export interface ServerProcessOptions {
  dataDir: string;
  /** RUSTYDB_ADMIN_KEY; without it the server makes its own admin key (and prints it). */
  adminKey?: string;
  /** A free port by default. */
  port?: number;
  /** Command-line arguments after `src/main.ts`. */
  args?: readonly string[];
}

/**
 * A port that was free a moment ago. main.ts has no "PORT=0, tell me which one" mode, so the
 * test asks the OS for an ephemeral port and hands it over; another process could take it in
 * between, which is unlikely enough for a test.
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('the probe server has no TCP address');
  return address.port;
}

/** Spawns the server (on a free port unless told one) without waiting for it to start. */
export async function spawnServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    RUSTYDB_DATA_DIR: options.dataDir,
    RUSTYDB_CLOCK: 'manual',
    LOG_LEVEL: 'warn',
  };
  // Never inherited: a test without a key must see the server make one.
  delete env.RUSTYDB_ADMIN_KEY;
  if (options.adminKey !== undefined) env.RUSTYDB_ADMIN_KEY = options.adminKey;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    exited: exitOf(child),
    output: collectOutput(child),
  };
}

/** Spawns the server on a free port and resolves once its startup probe answers 200. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const server = await spawnServerProcess(options);
  const { child } = server;
  try {
    await waitForStartup(server);
  } catch (error) {
    child.kill('SIGKILL');
    await server.exited;
    throw error;
  }
  return server;
}

/** Sends `signal` and waits at most `timeoutMs` for the exit; SIGKILLs and throws after that. */
export async function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals, timeoutMs = 10_000): Promise<ProcessExit> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  const exit = await settleWithin(server.exited, timeoutMs);
  if (exit) return exit;
  server.child.kill('SIGKILL');
  await server.exited;
  throw new Error(`the server did not exit within ${timeoutMs} ms of ${signal}; output:\n${server.output()}`);
}

/** The exit of a process expected to end by itself; SIGKILLs it and throws if it has not within `timeoutMs`. */
export async function exitWithin(server: ServerProcess, timeoutMs: number): Promise<ProcessExit> {
  const exit = await settleWithin(server.exited, timeoutMs);
  if (exit) return exit;
  server.child.kill('SIGKILL');
  await server.exited;
  throw new Error(`the process did not exit within ${timeoutMs} ms; output:\n${server.output()}`);
}

/** The first match of `pattern` in the process's output, polled for at most `timeoutMs`. */
export async function outputMatching(server: ServerProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  const deadlineMs = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(server.output());
    if (match) return match;
    if (Date.now() >= deadlineMs) throw new Error(`no output matched ${pattern} within ${timeoutMs} ms; output:\n${server.output()}`);
    await delay(STARTUP_PROBE_INTERVAL_MS);
  }
}

function exitOf(child: ChildProcess): Promise<ProcessExit> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function collectOutput(child: ChildProcess): () => string {
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT_CHARS);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => output;
}

/**
 * Polls the public startup probe. Fails early when the process exits (a crash at boot should
 * show its stack trace, not a timeout).
 */
async function waitForStartup(server: ServerProcess): Promise<void> {
  let exit: ProcessExit | undefined;
  void server.exited.then((settled) => (exit = settled));
  for (let probe = 0; probe < STARTUP_PROBES; probe += 1) {
    if (exit) throw new Error(`the server exited during startup (${describeExit(exit)}); output:\n${server.output()}`);
    if (await startupAnswers200(server.baseUrl)) return;
    await delay(STARTUP_PROBE_INTERVAL_MS);
  }
  throw new Error(`the server did not answer 200 on /api/v1/health/startup after ${STARTUP_PROBES} probes; output:\n${server.output()}`);
}

async function startupAnswers200(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/health/startup`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.arrayBuffer(); // drain, so the connection is released
    return response.status === 200;
  } catch {
    return false; // not listening yet
  }
}

/** The value of `promise` if it settles within `timeoutMs`, else undefined. */
async function settleWithin<T>(promise: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${String(exit.code)}`;
}
