import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { DEFAULT_RATE_LIMIT_PER_KEY, startPlatform } from './platform.js';
import { createApiServer } from './api/server.js';

/**
 * Starts the server on its embedded defaults: a SQLite store under ./data (or the PostgreSQL
 * database RUSTYDB_STORE_URL names), five simulated nodes on a clock that follows wall time.
 * Flags override environment variables.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'store-url': { type: 'string' },
      nodes: { type: 'string' },
      seed: { type: 'string' },
      clock: { type: 'string' },
      'rate-limit': { type: 'string' },
    },
  });
  const settings = {
    port: integer(values.port ?? process.env.PORT ?? '8080', 'PORT'),
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    dataDir: values['data-dir'] ?? process.env.RUSTYDB_DATA_DIR ?? './data',
    // Empty counts as unset, so `RUSTYDB_STORE_URL=` keeps the SQLite default.
    storeUrl: values['store-url'] || process.env.RUSTYDB_STORE_URL || undefined,
    nodes: integer(values.nodes ?? process.env.RUSTYDB_NODES ?? '5', 'RUSTYDB_NODES'),
    seed: integer(values.seed ?? process.env.RUSTYDB_SEED ?? '1', 'RUSTYDB_SEED'),
    clock: values.clock ?? process.env.RUSTYDB_CLOCK ?? 'realtime',
    rateLimit: integer(values['rate-limit'] ?? process.env.RUSTYDB_RATE_LIMIT ?? String(DEFAULT_RATE_LIMIT_PER_KEY), 'RUSTYDB_RATE_LIMIT'),
  };
  if (settings.clock !== 'realtime' && settings.clock !== 'manual') throw new Error('RUSTYDB_CLOCK must be "realtime" or "manual".');
  // Consensus needs a founding voter: a cluster starts with at least one node.
  if (settings.nodes < 1) throw new Error('RUSTYDB_NODES must be at least 1.');
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  mkdirSync(settings.dataDir, { recursive: true });
  const platform = await startPlatform({
    storePath: join(settings.dataDir, 'rustydb.sqlite'),
    storeUrl: settings.storeUrl,
    initialNodes: settings.nodes,
    seed: settings.seed,
    clockMode: settings.clock,
    adminKey: process.env.RUSTYDB_ADMIN_KEY || undefined,
    rateLimitPerKeyPerSecond: settings.rateLimit,
    reportError: (what, error) => logger.error({ err: error }, what),
  });
  const server = await createApiServer(platform, logger);
  server.httpServer.listen(settings.port, settings.host, () => {
    const base = `http://${settings.host}:${settings.port}`;
    // The store URL itself is not logged: it may carry a password.
    const store = settings.storeUrl === undefined ? 'sqlite' : 'postgres';
    logger.info({ base, dataDir: settings.dataDir, store }, `RustyDB API listening on ${base} (docs ${base}/docs, GraphiQL ${base}/graphql)`);
    if (platform.bootstrap.createdAdminSecret) {
      // Printed once: only its hash is stored.
      process.stdout.write(
        `\n  Admin API key (shown once, store it now): ${platform.bootstrap.createdAdminSecret}\n` +
          `  Try: curl -H 'X-API-Key: ${platform.bootstrap.createdAdminSecret}' ${base}/api/v1/cluster/nodes\n\n`,
      );
    }
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await server.close();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

function integer(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${text}".`);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
