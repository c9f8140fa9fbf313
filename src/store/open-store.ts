import type { Store } from './port.js';
import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';

/** Where the platform keeps its state. */
export interface StoreLocation {
  /** SQLite file, or `':memory:'`; used when there is no `url`. */
  path: string;
  /** A `postgres://` or `postgresql://` URL: when given, the state lives in that database instead. */
  url?: string;
}

/** Any other scheme is refused rather than falling back to SQLite: a mistyped URL must not start an empty store. */
const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** Opens the adapter the location names: PostgreSQL for a URL, otherwise the SQLite file. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.url === undefined) return SqliteStore.open(location.path);
  if (!POSTGRES_URL.test(location.url)) {
    // Only the scheme is echoed: the rest of the URL may carry a password.
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(location.url)?.[0] ?? '(none)';
    throw new Error(`store URL must start with postgres:// or postgresql://, got scheme ${scheme}`);
  }
  return PostgresStore.open(location.url);
}
