import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  exitWithin,
  freePort,
  outputMatching,
  spawnServerProcess,
  startServerProcess,
  stopServerProcess,
  type ServerProcess,
} from './server-process.js';

/**
 * Start-up as an operator meets it, on real processes: a port in use is one line and exit 1,
 * and the start after it still hands out an admin key that works.
 */

/** A start that fails, or a command that only prints, is over well within this. */
const EXIT_TIMEOUT_MS = 20_000;
/** The key is printed right after the server listens. */
const KEY_OUTPUT_TIMEOUT_MS = 5_000;
const PRINTED_ADMIN_KEY = /Admin API key \(shown once, store it now\): (rdb_[0-9a-f]{40})/;
/** A line of a JavaScript stack trace. */
const STACK_FRAME = /^\s+at /m;

let dataDir: string;
let portHolder: Server;
let busyPort: number;
const running: ServerProcess[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rustydb-startup-'));
  portHolder = createServer();
  portHolder.listen(0, '127.0.0.1');
  await once(portHolder, 'listening');
  busyPort = (portHolder.address() as { port: number }).port;
});

afterAll(async () => {
  for (const server of running) await stopServerProcess(server, 'SIGKILL').catch(() => undefined);
  portHolder?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function nodesStatusWith(baseUrl: string, apiKey: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/cluster/nodes`, { headers: { 'X-API-Key': apiKey } });
  await response.arrayBuffer();
  return response.status;
}

describe('a first start on a port in use', () => {
  test('prints one line naming the port and what to set, and exits 1 without a stack trace', async () => {
    const failed = await spawnServerProcess({ dataDir, port: busyPort });
    running.push(failed);
    const exit = await exitWithin(failed, EXIT_TIMEOUT_MS);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(failed.output()).toContain(`rustydb-api: port ${busyPort} is in use: set PORT or --port\n`);
    expect(failed.output()).not.toMatch(STACK_FRAME);
    expect(failed.output()).not.toMatch(PRINTED_ADMIN_KEY);
  });

  test('the next start on a free port, same data dir, prints an admin key that works', async () => {
    const server = await startServerProcess({ dataDir });
    running.push(server);
    const adminKey = (await outputMatching(server, PRINTED_ADMIN_KEY, KEY_OUTPUT_TIMEOUT_MS))[1] as string;
    expect(await nodesStatusWith(server.baseUrl, adminKey)).toBe(200);
    expect(await stopServerProcess(server, 'SIGTERM')).toEqual({ code: 0, signal: null });

    // Shown once: the start after that prints nothing and the key still works.
    const restarted = await startServerProcess({ dataDir });
    running.push(restarted);
    expect(await nodesStatusWith(restarted.baseUrl, adminKey)).toBe(200);
    expect(restarted.output()).not.toMatch(PRINTED_ADMIN_KEY);
    await stopServerProcess(restarted, 'SIGTERM');
  }, 60_000);
});

describe('the command line', () => {
  test('--help prints every flag and exits 0', async () => {
    const help = await spawnServerProcess({ dataDir, port: await freePort(), args: ['--help'] });
    expect(await exitWithin(help, EXIT_TIMEOUT_MS)).toEqual({ code: 0, signal: null });
    expect(help.output()).toContain('--rate-limit <value>, RUSTYDB_RATE_LIMIT');
  });

  test('an unknown flag is one line pointing at --help, exit 2', async () => {
    const refused = await spawnServerProcess({ dataDir, args: ['--prot', '9000'] });
    expect(await exitWithin(refused, EXIT_TIMEOUT_MS)).toEqual({ code: 2, signal: null });
    expect(refused.output()).toBe('rustydb-api: unknown flag "--prot"; run with --help to see every flag\n');
  });
});
