import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { pino } from 'pino';
import { ConfigurationError, parseServerCommand, type ServerOptions } from './config/server-options.js';
import { StartupError, listenProblemOf } from './config/startup-error.js';

/**
 * Starts the server on its embedded defaults: a SQLite store under ./data (or the PostgreSQL
 * database RUSTYDB_STORE_URL names), five simulated nodes on a clock that follows wall time.
 * Flags override environment variables (`--help` lists them).
 */
async function main(): Promise<void> {
  const command = parseServerCommand(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    process.stdout.write(command.text);
    return;
  }
  const options = command.options;
  // Loaded once the command line is understood: `--help` and a mistyped flag answer without them.
  const [{ startPlatform }, { createApiServer }] = await Promise.all([import('./platform.js'), import('./api/server.js')]);
  const logger = pino({ level: options.logLevel });
  prepareDataDir(options);
  const platform = await startPlatform({
    storePath: join(options.dataDir, 'rustydb.sqlite'),
    storeUrl: options.storeUrl,
    initialNodes: options.nodes,
    seed: options.seed,
    clockMode: options.clock,
    adminKey: options.adminKey,
    rateLimitPerKeyPerSecond: options.rateLimitPerKeyPerSecond,
    eventLogLimits: { maxEvents: options.eventLogMaxEvents, maxAgeMs: options.eventLogMaxAgeHours * 3_600_000 },
    webSocketLimits: options.webSocketLimits,
    reportError: (what, error) => logger.error({ err: error }, what),
  });
  const server = await createApiServer(platform, logger, { corsOrigins: options.corsOrigins });
  try {
    await listen(server.httpServer, options);
  } catch (error) {
    // Nothing was served: close what started so the store is released, then report.
    await server.close().catch(() => undefined);
    await platform.close().catch(() => undefined);
    throw error;
  }
  const base = `http://${options.host}:${options.port}`;
  // The store URL itself is not logged: it may carry a password.
  const store = options.storeUrl === undefined ? 'sqlite' : 'postgres';
  logger.info({ base, dataDir: options.dataDir, store }, `RustyDB API listening on ${base} (docs ${base}/docs, GraphiQL ${base}/graphql)`);
  const adminSecret = platform.bootstrap.createdAdminSecret;
  if (adminSecret !== null) {
    // Printed once: only its hash is stored. Marked shown only after the write, so a start that
    // dies before it leaves the key to be replaced (and printed) by the next start.
    await writeOut(
      `\n  Admin API key (shown once, store it now): ${adminSecret}\n` + `  Try: curl -H 'X-API-Key: ${adminSecret}' ${base}/api/v1/cluster/nodes\n\n`,
    );
    await platform.bootstrap.markAdminSecretShown();
  }
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

function prepareDataDir(options: ServerOptions): void {
  if (options.storeUrl !== undefined) return; // the state lives in PostgreSQL
  try {
    mkdirSync(options.dataDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new StartupError(`cannot create the data directory "${options.dataDir}" (${code}): set RUSTYDB_DATA_DIR or --data-dir`);
  }
}

/** Resolves once listening; rejects with a one-line StartupError when the address cannot be bound. */
function listen(httpServer: Server, options: ServerOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(new StartupError(listenProblemOf(error, options)));
    httpServer.once('error', onError);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', onError);
      resolve();
    });
  });
}

function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

main().catch((error: unknown) => {
  // What the operator can fix is one line; anything else keeps its stack for whoever debugs it.
  if (error instanceof ConfigurationError || error instanceof StartupError) {
    process.stderr.write(`rustydb-api: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
