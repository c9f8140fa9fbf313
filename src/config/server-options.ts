import { parseArgs } from 'node:util';
import type { ClockMode } from '../engines/simulation/clock-control.js';
import { DEFAULT_EVENT_LOG_LIMITS } from '../services/platform/event-retention.js';
import { DEFAULT_RATE_LIMIT_PER_KEY } from '../services/platform/rate-limiter.js';
import { DEFAULT_WEBSOCKET_LIMITS, type WebSocketLimits } from '../services/platform/stream-registry.js';

/** What `npm start` runs with, read from flags and the environment (flags win). */
export interface ServerOptions {
  port: number;
  host: string;
  dataDir: string;
  /** A `postgres://` or `postgresql://` URL, or undefined for the SQLite file under `dataDir`. */
  storeUrl: string | undefined;
  nodes: number;
  seed: number;
  clock: ClockMode;
  rateLimitPerKeyPerSecond: number;
  /** Most events the event log keeps; older ones are pruned. */
  eventLogMaxEvents: number;
  /** Oldest event the event log keeps, in hours of cluster time. */
  eventLogMaxAgeHours: number;
  /** The admin key to accept; undefined lets the first start make one. */
  adminKey: string | undefined;
  logLevel: LogLevel;
  /** Origins of browser applications allowed to call the API (CORS); empty: none. */
  corsOrigins: string[];
  /** Bounds of the WebSocket streams under /api/v1/ws. */
  webSocketLimits: WebSocketLimits;
}

/** The outcome of reading the command line: run the server, or print the help and stop. */
export type ServerCommand = { kind: 'run'; options: ServerOptions } | { kind: 'help'; text: string };

/**
 * A flag or variable the server cannot run with. `exitCode` follows the shell's convention:
 * 2 for a usage error (the command line or its configuration), so scripts can tell it from a
 * server that failed while running (1).
 */
export class ConfigurationError extends Error {
  readonly exitCode = 2;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

const HOUR_MS = 3_600_000;
/** Ten years: a longer age would bound nothing a server lives through. */
const MAX_EVENT_LOG_AGE_HOURS = 87_600;

/** Any other scheme is refused here, before the store is opened: a typo must not start an empty store. */
const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

interface Setting {
  /** The flag, without `--`; undefined when only the environment sets it. */
  flag?: string;
  env: string;
  /** The default as the help prints it. */
  defaultText: string;
  meaning: string;
}

/** Every setting, in the order the help lists them: the one table the parser and the help read. */
const SETTINGS = {
  port: { flag: 'port', env: 'PORT', defaultText: '8080', meaning: 'TCP port to listen on (1-65535)' },
  host: { flag: 'host', env: 'HOST', defaultText: '127.0.0.1', meaning: 'address to listen on' },
  dataDir: { flag: 'data-dir', env: 'RUSTYDB_DATA_DIR', defaultText: './data', meaning: 'directory of the SQLite store (rustydb.sqlite)' },
  storeUrl: {
    flag: 'store-url',
    env: 'RUSTYDB_STORE_URL',
    defaultText: '(unset: SQLite)',
    meaning: 'a postgres:// or postgresql:// URL: keep the state in that PostgreSQL database instead',
  },
  nodes: { flag: 'nodes', env: 'RUSTYDB_NODES', defaultText: '5', meaning: 'simulated nodes created at the first start (at least 1)' },
  seed: { flag: 'seed', env: 'RUSTYDB_SEED', defaultText: '1', meaning: "seed of the simulation's random streams" },
  clock: {
    flag: 'clock',
    env: 'RUSTYDB_CLOCK',
    defaultText: 'realtime',
    meaning: '"realtime" (cluster time follows wall time) or "manual" (moves only through POST /api/v1/simulation/advance)',
  },
  rateLimit: {
    flag: 'rate-limit',
    env: 'RUSTYDB_RATE_LIMIT',
    defaultText: String(DEFAULT_RATE_LIMIT_PER_KEY),
    meaning: 'requests per second per API key; 0 turns limits off',
  },
  eventLogMaxEvents: {
    flag: 'event-log-max-events',
    env: 'RUSTYDB_EVENT_LOG_MAX_EVENTS',
    defaultText: String(DEFAULT_EVENT_LOG_LIMITS.maxEvents),
    meaning: 'most events the event log keeps (at least 1); the oldest are pruned, and resuming a stream from a pruned cursor is refused',
  },
  eventLogMaxAgeHours: {
    flag: 'event-log-max-age-hours',
    env: 'RUSTYDB_EVENT_LOG_MAX_AGE_HOURS',
    defaultText: String(DEFAULT_EVENT_LOG_LIMITS.maxAgeMs / HOUR_MS),
    meaning: 'oldest event the event log keeps, in hours of cluster time (at least 1)',
  },
  corsOrigins: {
    flag: 'cors-origins',
    env: 'RUSTYDB_CORS_ORIGINS',
    defaultText: '(unset: no cross-origin calls)',
    meaning: 'comma-separated origins of browser applications allowed to call the API, e.g. https://ops.example.com',
  },
  wsMaxConnections: {
    flag: 'ws-max-connections',
    env: 'RUSTYDB_WS_MAX_CONNECTIONS',
    defaultText: String(DEFAULT_WEBSOCKET_LIMITS.maxConnections),
    meaning: 'WebSocket connections open at once under /api/v1/ws; one more upgrade is refused with 429',
  },
  wsMaxQueuedBytes: {
    flag: 'ws-max-queued-bytes',
    env: 'RUSTYDB_WS_MAX_QUEUED_BYTES',
    defaultText: String(DEFAULT_WEBSOCKET_LIMITS.maxQueuedBytes),
    meaning: 'bytes a WebSocket may hold that the network has not taken; past it the client is closed as a slow consumer (4008)',
  },
  wsMaxSubscriptions: {
    flag: 'ws-max-subscriptions',
    env: 'RUSTYDB_WS_MAX_SUBSCRIPTIONS',
    defaultText: String(DEFAULT_WEBSOCKET_LIMITS.maxSubscriptionsPerConnection),
    meaning: 'subscriptions one connection of /api/v1/ws may hold',
  },
  adminKey: { env: 'RUSTYDB_ADMIN_KEY', defaultText: '(made and printed at the first start)', meaning: 'the admin API key to accept' },
  logLevel: { env: 'LOG_LEVEL', defaultText: 'info', meaning: `pino log level: ${LOG_LEVELS.join(', ')}` },
} satisfies Record<string, Setting>;

type SettingName = keyof typeof SETTINGS;

/**
 * Reads the server's options from its arguments (without `node` and the script) and its
 * environment. Pure: it reads only what it is given, so every rule is unit-tested.
 * @throws ConfigurationError naming the flag or variable at fault and the value it had.
 */
export function parseServerCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>): ServerCommand {
  const flags = readFlags(args);
  if (flags.help) return { kind: 'help', text: helpText() };
  const read = (name: SettingName): Supplied | undefined => supplied(name, flags.values, env);
  const storeUrl = read('storeUrl');
  return {
    kind: 'run',
    options: {
      port: wholeNumber(read('port'), 8080, { min: 1, max: 65_535 }),
      host: nonEmpty(read('host'), '127.0.0.1'),
      dataDir: nonEmpty(read('dataDir'), './data'),
      storeUrl: storeUrl === undefined ? undefined : postgresUrl(storeUrl),
      nodes: wholeNumber(read('nodes'), 5, { min: 1 }),
      seed: wholeNumber(read('seed'), 1, { min: 0 }),
      clock: oneOf(read('clock'), 'realtime', ['realtime', 'manual'] as const),
      rateLimitPerKeyPerSecond: wholeNumber(read('rateLimit'), DEFAULT_RATE_LIMIT_PER_KEY, { min: 0 }),
      eventLogMaxEvents: wholeNumber(read('eventLogMaxEvents'), DEFAULT_EVENT_LOG_LIMITS.maxEvents, { min: 1 }),
      eventLogMaxAgeHours: wholeNumber(read('eventLogMaxAgeHours'), DEFAULT_EVENT_LOG_LIMITS.maxAgeMs / HOUR_MS, { min: 1, max: MAX_EVENT_LOG_AGE_HOURS }),
      adminKey: read('adminKey')?.text,
      logLevel: oneOf(read('logLevel'), 'info', LOG_LEVELS),
      corsOrigins: origins(read('corsOrigins')),
      webSocketLimits: {
        maxConnections: wholeNumber(read('wsMaxConnections'), DEFAULT_WEBSOCKET_LIMITS.maxConnections, { min: 1 }),
        maxQueuedBytes: wholeNumber(read('wsMaxQueuedBytes'), DEFAULT_WEBSOCKET_LIMITS.maxQueuedBytes, { min: 1024 }),
        maxSubscriptionsPerConnection: wholeNumber(read('wsMaxSubscriptions'), DEFAULT_WEBSOCKET_LIMITS.maxSubscriptionsPerConnection, { min: 1 }),
      },
    },
  };
}

/** The help: every flag and variable with its default. */
export function helpText(): string {
  const rows = Object.values(SETTINGS).map((setting: Setting) => {
    const names = setting.flag === undefined ? setting.env : `--${setting.flag} <value>, ${setting.env}`;
    return `  ${names}\n      ${setting.meaning}\n      default: ${setting.defaultText}`;
  });
  return [
    'Usage: npm start -- [flags]    (or: node dist/src/main.js [flags])',
    '',
    'Starts the RustyDB management API. Each setting is a flag or an environment variable;',
    'a flag overrides its variable. An empty value counts as unset.',
    '',
    ...rows,
    '  --help, -h',
    '      print this help and exit',
    '',
    'Exit codes: 0 after a clean shutdown or --help, 1 when the server cannot start or run',
    '(for example, its port is in use), 2 for an unknown flag or a value it cannot use.',
    '',
  ].join('\n');
}

interface Flags {
  help: boolean;
  values: Partial<Record<string, string>>;
}

function readFlags(args: readonly string[]): Flags {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const setting of Object.values(SETTINGS) as Setting[]) if (setting.flag !== undefined) options[setting.flag] = { type: 'string' };
  try {
    const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
    return { help: values.help === true, values: values as Partial<Record<string, string>> };
  } catch (error) {
    throw new ConfigurationError(`${usageProblemOf(error, args)}; run with --help to see every flag`);
  }
}

/** node:util's messages are long and name its own API; this says what was wrong in one line. */
function usageProblemOf(error: unknown, args: readonly string[]): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag "${quoted ?? '?'}"`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument "${quoted ?? args.join(' ')}"`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--[a-z-]+/.exec(message)?.[0];
    if (flag === undefined) return message;
    // node:util reads `--seed -1` as a flag missing its value; `--seed=-1` is how to say it.
    return message.includes('ambiguous') ? `${flag} needs a value (write ${flag}=<value> for one that starts with "-")` : `${flag} needs a value`;
  }
  return message;
}

/** A value and where it came from, so an error names the flag or the variable that was set. */
interface Supplied {
  text: string;
  source: string;
}

function supplied(name: SettingName, flags: Partial<Record<string, string>>, env: Readonly<Record<string, string | undefined>>): Supplied | undefined {
  const setting: Setting = SETTINGS[name];
  // Empty counts as unset, so `RUSTYDB_STORE_URL=` keeps the SQLite default.
  const fromFlag = setting.flag === undefined ? undefined : flags[setting.flag];
  if (fromFlag !== undefined && fromFlag !== '') return { text: fromFlag, source: `--${setting.flag}` };
  const fromEnv = env[setting.env];
  if (fromEnv !== undefined && fromEnv !== '') return { text: fromEnv, source: setting.env };
  return undefined;
}

function wholeNumber(value: Supplied | undefined, fallback: number, range: { min: number; max?: number }): number {
  if (value === undefined) return fallback;
  // Digits only: Number() would also take '', ' 5', '0x10' and '1e3'.
  const number = /^\d+$/.test(value.text) ? Number(value.text) : Number.NaN;
  const bounds = range.max === undefined ? `≥ ${range.min}` : `from ${range.min} to ${range.max}`;
  if (!Number.isSafeInteger(number) || number < range.min || (range.max !== undefined && number > range.max)) {
    throw new ConfigurationError(`${value.source} must be a whole number ${bounds}, got "${value.text}"`);
  }
  return number;
}

function oneOf<T extends string>(value: Supplied | undefined, fallback: T, allowed: readonly T[]): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value.text)) {
    const choices = allowed.map((choice) => `"${choice}"`);
    const list = choices.length === 2 ? choices.join(' or ') : `one of ${choices.join(', ')}`;
    throw new ConfigurationError(`${value.source} must be ${list}, got "${value.text}"`);
  }
  return value.text as T;
}

function nonEmpty(value: Supplied | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (value.text.trim() === '') throw new ConfigurationError(`${value.source} must not be blank, got "${value.text}"`);
  return value.text;
}

/** A list of origins as browsers send them: scheme, host and optional port, nothing after. */
function origins(value: Supplied | undefined): string[] {
  if (value === undefined) return [];
  const listed = value.text.split(',').map((origin) => origin.trim());
  const malformed = listed.find((origin) => !/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin));
  if (malformed !== undefined) {
    throw new ConfigurationError(`${value.source} must list origins such as https://ops.example.com (scheme and host, no path), got "${malformed}"`);
  }
  return listed;
}

function postgresUrl(value: Supplied): string {
  if (POSTGRES_URL.test(value.text)) return value.text;
  // Only the scheme is echoed: the rest of the URL may carry a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(value.text)?.[0] ?? '(none)';
  throw new ConfigurationError(`${value.source} must start with postgres:// or postgresql://, got scheme "${scheme}"`);
}
