import { describe, expect, test } from 'vitest';
import { ConfigurationError, parseServerCommand, type ServerOptions } from '../../src/config/server-options.js';
import { listenProblemOf } from '../../src/config/startup-error.js';
import { DEFAULT_RATE_LIMIT_PER_KEY } from '../../src/services/platform/rate-limiter.js';
import { DEFAULT_WEBSOCKET_LIMITS } from '../../src/services/platform/stream-registry.js';

function optionsOf(args: string[], env: Record<string, string | undefined> = {}): ServerOptions {
  const command = parseServerCommand(args, env);
  if (command.kind !== 'run') throw new Error(`expected a run command, got ${command.kind}`);
  return command.options;
}

/** The message of the ConfigurationError the parse throws; fails the test when it does not throw one. */
function refusalOf(args: string[], env: Record<string, string | undefined> = {}): string {
  try {
    parseServerCommand(args, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('the parse did not refuse');
}

describe('defaults', () => {
  test('nothing set gives the README defaults', () => {
    expect(optionsOf([])).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: './data',
      storeUrl: undefined,
      nodes: 5,
      seed: 1,
      clock: 'realtime',
      rateLimitPerKeyPerSecond: DEFAULT_RATE_LIMIT_PER_KEY,
      eventLogMaxEvents: 100_000,
      eventLogMaxAgeHours: 168,
      adminKey: undefined,
      logLevel: 'info',
      corsOrigins: [],
      webSocketLimits: DEFAULT_WEBSOCKET_LIMITS,
    });
  });

  test('an empty variable counts as unset', () => {
    expect(optionsOf([], { RUSTYDB_STORE_URL: '', PORT: '', RUSTYDB_ADMIN_KEY: '' })).toMatchObject({ storeUrl: undefined, port: 8080, adminKey: undefined });
  });
});

describe('flags and variables', () => {
  test('every variable is read', () => {
    const env = {
      PORT: '9000',
      HOST: '0.0.0.0',
      RUSTYDB_DATA_DIR: '/var/lib/rustydb',
      RUSTYDB_STORE_URL: 'postgres://user:secret@db/rustydb',
      RUSTYDB_NODES: '7',
      RUSTYDB_SEED: '42',
      RUSTYDB_CLOCK: 'manual',
      RUSTYDB_RATE_LIMIT: '0',
      RUSTYDB_EVENT_LOG_MAX_EVENTS: '5000',
      RUSTYDB_EVENT_LOG_MAX_AGE_HOURS: '24',
      RUSTYDB_ADMIN_KEY: 'rdb_given',
      LOG_LEVEL: 'warn',
      RUSTYDB_CORS_ORIGINS: 'https://ops.example.com, http://localhost:3000',
      RUSTYDB_WS_MAX_CONNECTIONS: '50',
      RUSTYDB_WS_MAX_QUEUED_BYTES: '65536',
      RUSTYDB_WS_MAX_SUBSCRIPTIONS: '8',
    };
    expect(optionsOf([], env)).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/rustydb',
      storeUrl: 'postgres://user:secret@db/rustydb',
      nodes: 7,
      seed: 42,
      clock: 'manual',
      rateLimitPerKeyPerSecond: 0,
      eventLogMaxEvents: 5000,
      eventLogMaxAgeHours: 24,
      adminKey: 'rdb_given',
      logLevel: 'warn',
      corsOrigins: ['https://ops.example.com', 'http://localhost:3000'],
      webSocketLimits: { maxConnections: 50, maxQueuedBytes: 65_536, maxSubscriptionsPerConnection: 8 },
    });
  });

  test('flags override variables, in both --flag value and --flag=value forms', () => {
    const env = { PORT: '9000', RUSTYDB_NODES: '7', RUSTYDB_CLOCK: 'manual', RUSTYDB_DATA_DIR: '/env' };
    const options = optionsOf(['--port', '9100', '--nodes=3', '--clock', 'realtime', '--data-dir', '/flag'], env);
    expect(options).toMatchObject({ port: 9100, nodes: 3, clock: 'realtime', dataDir: '/flag' });
  });

  test('a bad variable is not looked at when its flag overrides it', () => {
    expect(optionsOf(['--nodes', '2'], { RUSTYDB_NODES: 'abc' }).nodes).toBe(2);
  });
});

describe('values it cannot use name the flag or variable and the value', () => {
  test.each([
    [[], { RUSTYDB_NODES: 'abc' }, 'RUSTYDB_NODES must be a whole number ≥ 1, got "abc"'],
    [['--nodes', '0'], {}, '--nodes must be a whole number ≥ 1, got "0"'],
    [['--clock', 'fast'], {}, '--clock must be "realtime" or "manual", got "fast"'],
    [[], { RUSTYDB_CLOCK: 'Manual' }, 'RUSTYDB_CLOCK must be "realtime" or "manual", got "Manual"'],
    [[], { PORT: '70000' }, 'PORT must be a whole number from 1 to 65535, got "70000"'],
    [['--port', '0x50'], {}, '--port must be a whole number from 1 to 65535, got "0x50"'],
    [['--seed=-1'], {}, '--seed must be a whole number ≥ 0, got "-1"'],
    [[], { RUSTYDB_RATE_LIMIT: '1.5' }, 'RUSTYDB_RATE_LIMIT must be a whole number ≥ 0, got "1.5"'],
    [[], { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of "fatal", "error", "warn", "info", "debug", "trace", "silent", got "verbose"'],
    [['--host', ' '], {}, '--host must not be blank, got " "'],
    [['--event-log-max-events', '0'], {}, '--event-log-max-events must be a whole number ≥ 1, got "0"'],
    [[], { RUSTYDB_EVENT_LOG_MAX_EVENTS: '1e5' }, 'RUSTYDB_EVENT_LOG_MAX_EVENTS must be a whole number ≥ 1, got "1e5"'],
    [['--event-log-max-age-hours=7d'], {}, '--event-log-max-age-hours must be a whole number from 1 to 87600, got "7d"'],
    [[], { RUSTYDB_EVENT_LOG_MAX_AGE_HOURS: '0' }, 'RUSTYDB_EVENT_LOG_MAX_AGE_HOURS must be a whole number from 1 to 87600, got "0"'],
    [['--ws-max-connections', '0'], {}, '--ws-max-connections must be a whole number ≥ 1, got "0"'],
    [[], { RUSTYDB_WS_MAX_QUEUED_BYTES: '512' }, 'RUSTYDB_WS_MAX_QUEUED_BYTES must be a whole number ≥ 1024, got "512"'],
  ])('%j %j', (args, env, message) => {
    expect(refusalOf(args, env)).toBe(message);
  });

  test('a CORS origin with a path, or no scheme, is refused naming it', () => {
    expect(refusalOf(['--cors-origins', 'https://ops.example.com,ops.example.com'])).toBe(
      '--cors-origins must list origins such as https://ops.example.com (scheme and host, no path), got "ops.example.com"',
    );
    expect(refusalOf([], { RUSTYDB_CORS_ORIGINS: 'https://ops.example.com/app' })).toContain('RUSTYDB_CORS_ORIGINS must list origins');
  });

  test('a store URL of another scheme is refused without echoing the rest of it (it may carry a password)', () => {
    const message = refusalOf([], { RUSTYDB_STORE_URL: 'mysql://root:hunter2@db/x' });
    expect(message).toBe('RUSTYDB_STORE_URL must start with postgres:// or postgresql://, got scheme "mysql:"');
    expect(message).not.toContain('hunter2');
  });
});

describe('the command line', () => {
  test('--help (and -h) asks for the help, which lists every flag and variable with its default', () => {
    for (const args of [['--help'], ['-h'], ['--port', 'abc', '--help']]) {
      const command = parseServerCommand(args, {});
      expect(command.kind).toBe('help');
    }
    const command = parseServerCommand(['--help'], {});
    const text = command.kind === 'help' ? command.text : '';
    for (const name of ['--port', 'PORT', '--host', 'HOST', '--data-dir', 'RUSTYDB_DATA_DIR', '--store-url', 'RUSTYDB_STORE_URL', '--nodes', 'RUSTYDB_NODES',
      '--seed', 'RUSTYDB_SEED', '--clock', 'RUSTYDB_CLOCK', '--rate-limit', 'RUSTYDB_RATE_LIMIT', '--event-log-max-events', 'RUSTYDB_EVENT_LOG_MAX_EVENTS',
      '--event-log-max-age-hours', 'RUSTYDB_EVENT_LOG_MAX_AGE_HOURS', '--cors-origins', 'RUSTYDB_CORS_ORIGINS', '--ws-max-connections', 'RUSTYDB_WS_MAX_CONNECTIONS',
      '--ws-max-queued-bytes', 'RUSTYDB_WS_MAX_QUEUED_BYTES', '--ws-max-subscriptions', 'RUSTYDB_WS_MAX_SUBSCRIPTIONS', 'RUSTYDB_ADMIN_KEY', 'LOG_LEVEL']) {
      expect(text).toContain(name);
    }
    expect(text).toContain('default: 8080');
    expect(text).toContain(`default: ${DEFAULT_RATE_LIMIT_PER_KEY}`);
    expect(text).toContain('default: 100000');
    expect(text).toContain('default: 168');
    expect(text.match(/default: /g)).toHaveLength(16);
  });

  test('an unknown flag is one line that points at --help', () => {
    expect(refusalOf(['--prot', '9000'])).toBe('unknown flag "--prot"; run with --help to see every flag');
  });

  test('a flag without its value, and a stray argument, are refused the same way', () => {
    expect(refusalOf(['--port'])).toBe('--port needs a value; run with --help to see every flag');
    expect(refusalOf(['--seed', '-1'])).toBe('--seed needs a value (write --seed=<value> for one that starts with "-"); run with --help to see every flag');
    expect(refusalOf(['serve'])).toBe('unexpected argument "serve"; run with --help to see every flag');
  });
});

describe('listen failures', () => {
  const address = { host: '127.0.0.1', port: 8080 };
  const failure = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

  test('a port in use says which and what to set', () => {
    expect(listenProblemOf(failure('EADDRINUSE'), address)).toBe('port 8080 is in use: set PORT or --port');
  });

  test('a host that is not this machine names HOST', () => {
    expect(listenProblemOf(failure('EADDRNOTAVAIL'), address)).toBe('host 127.0.0.1 is not an address of this machine: set HOST or --host');
  });
});
