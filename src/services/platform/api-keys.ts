import { hash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import { AccessError } from './access-errors.js';
import { pageOf, type Page } from './list-query.js';
import type { Caller, OperationContext, Role } from './operation-context.js';
import type { OperationRunner } from './operation-runner.js';
import { creationOf } from './operation-runner.js';

/** An API key as stored: never the secret, only its SHA-256. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  secretSha256: string;
  createdAtMs: number;
  createdBy: string;
  expiresAtMs: number | null;
  revokedAtMs: number | null;
  lastUsedAtMs: number | null;
  /**
   * Only on a key the server generated at start-up (the bootstrap admin key): null until its
   * secret was printed, then when. Absent on every other key, and on bootstrap keys stored before
   * this field existed (they count as shown: replacing them could lock out an operator who has one).
   */
  secretShownAtMs?: number | null;
}

/** An API key as the API shows it. */
export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface AccessToken {
  token: string;
  tokenType: 'Bearer';
  role: Role;
  expiresAt: string;
}

export interface Credentials {
  apiKey?: string | undefined;
  bearerToken?: string | undefined;
}

export const API_KEY_RECORD = 'auth.apiKey';
const JWT_SECRET_RECORD = 'auth.jwtSecret';
const TOKEN_ISSUER = 'rustydb-api';
/** lastUsedAt is refreshed at most this often per key, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
export const MAX_API_KEYS = 10_000;

/** The outcome of bootstrapping: the admin secret when this start created one. */
export interface Bootstrap {
  /** The secret of the admin key this start generated, to print once; null when none was generated. */
  createdAdminSecret: string | null;
  /**
   * Records that `createdAdminSecret` has been shown to the operator, so later starts keep the
   * key. Until it is called, the next start replaces the key with a new one and shows that.
   */
  markAdminSecretShown(): Promise<void>;
}

const GENERATED_ADMIN_KEY_NAME = 'bootstrap-admin';
const BOOTSTRAP_CREATOR = 'bootstrap';

/**
 * API keys and the bearer tokens exchanged for them. Keys are random 160-bit secrets from
 * node:crypto (this is security, not simulation, so it does not use the seeded RNG).
 */
export class ApiKeys {
  private readonly byId = new Map<string, ApiKeyRecord>();
  private readonly bySecretSha256 = new Map<string, ApiKeyRecord>();

  private constructor(
    private readonly journal: Journal,
    private readonly runner: OperationRunner,
    private readonly jwtSecret: Uint8Array,
    private readonly wallNow: () => number,
    records: readonly ApiKeyRecord[],
  ) {
    for (const record of records) this.index(record);
  }

  /**
   * Loads the keys and makes sure an admin key exists: the one given (RUSTYDB_ADMIN_KEY), or a
   * new one whose secret is returned once for the caller to print.
   *
   * A generated admin key is stored before it is printed (the server must accept it from its
   * first request), and marked shown once printed (Bootstrap.markAdminSecretShown). A start that
   * finds a generated key never marked shown deletes it: nobody can hold its secret, so nobody
   * loses access, and a start that failed before printing (a port in use, a crash between the
   * store and the print) is repaired by the next one, which makes and prints a new key. The worst
   * case, a crash after the print and before the mark, replaces a key that was just printed by
   * one the next start prints: the operator is never left without a key they can read. A given
   * key is never deleted or replaced.
   */
  static async load(
    store: Store,
    journal: Journal,
    runner: OperationRunner,
    wallNow: () => number,
    givenAdminSecret: string | undefined,
  ): Promise<{ apiKeys: ApiKeys; bootstrap: Bootstrap }> {
    const stored = (await store.list<ApiKeyRecord>(API_KEY_RECORD)).map((record) => record.value);
    const neverShown = stored.filter((record) => record.secretShownAtMs === null);
    for (const record of neverShown) journal.delete(API_KEY_RECORD, record.id);
    const records = stored.filter((record) => record.secretShownAtMs !== null);
    let jwtSecretBase64 = await store.get<string>(JWT_SECRET_RECORD, 'current');
    if (!jwtSecretBase64) {
      jwtSecretBase64 = randomBytes(32).toString('base64');
      journal.put(JWT_SECRET_RECORD, 'current', jwtSecretBase64);
    }
    const apiKeys = new ApiKeys(journal, runner, Buffer.from(jwtSecretBase64, 'base64'), wallNow, records);
    let created: { record: ApiKeyRecord; secret: string } | null = null;
    if (givenAdminSecret !== undefined) {
      if (!apiKeys.bySecretSha256.has(sha256(givenAdminSecret))) apiKeys.insert(GENERATED_ADMIN_KEY_NAME, 'CLUSTER_ADMIN', BOOTSTRAP_CREATOR, null, givenAdminSecret);
    } else if (records.length === 0) {
      const secret = newSecret();
      created = { record: apiKeys.insert(GENERATED_ADMIN_KEY_NAME, 'CLUSTER_ADMIN', BOOTSTRAP_CREATOR, null, secret, { secretShownAtMs: null }), secret };
    }
    await journal.flush();
    const bootstrap: Bootstrap = {
      createdAdminSecret: created?.secret ?? null,
      markAdminSecretShown: async () => {
        if (created === null || created.record.secretShownAtMs !== null) return;
        created.record.secretShownAtMs = wallNow();
        journal.put(API_KEY_RECORD, created.record.id, created.record);
        await journal.flush();
      },
    };
    return { apiKeys, bootstrap };
  }

  /** Who presents these credentials; throws UNAUTHENTICATED when nobody valid does. */
  async authenticate(credentials: Credentials): Promise<Caller> {
    if (credentials.apiKey) return this.authenticateApiKey(credentials.apiKey);
    if (credentials.bearerToken) return this.verifyToken(credentials.bearerToken);
    throw new AccessError('UNAUTHENTICATED', 'Send an API key in the X-API-Key header or a bearer token.');
  }

  /** The caller behind an API key, without waiting: the REST hot path checks keys synchronously. */
  authenticateApiKey(secret: string): Caller {
    return this.callerOf(this.bySecretSha256.get(sha256(secret)));
  }

  list(context: OperationContext, query: { role?: Role; active?: boolean; limit?: number; offset?: number }): Page<ApiKey> {
    return this.runner.read(context, 'listApiKeys', () => {
      const nowMs = this.wallNow();
      const matching = [...this.byId.values()]
        .filter((record) => query.role === undefined || record.role === query.role)
        .filter((record) => query.active === undefined || isActive(record, nowMs) === query.active)
        .sort((a, b) => a.createdAtMs - b.createdAtMs || a.id.localeCompare(b.id));
      return pageOf(matching.map(toApiKey), { limit: query.limit, offset: query.offset });
    });
  }

  create(context: OperationContext, request: { name: string; role: Role; expiresInDays?: number }): Promise<ApiKey & { secret: string }> {
    const target = creationOf('auth.apiKey', (key: ApiKey) => key.id);
    return this.runner.run(context, 'createApiKey', target, () => {
      if (this.byId.size >= MAX_API_KEYS) throw new DomainError('CONFLICT', `At most ${MAX_API_KEYS} API keys can exist.`);
      const secret = newSecret();
      const expiresAtMs = request.expiresInDays === undefined ? null : this.wallNow() + request.expiresInDays * 86_400_000;
      const record = this.insert(request.name, request.role, context.caller.keyId, expiresAtMs, secret);
      return { ...toApiKey(record), secret };
    });
  }

  revoke(context: OperationContext, keyId: string): Promise<ApiKey> {
    return this.runner.run(context, 'revokeApiKey', `auth.apiKey/${keyId}`, () => {
      const record = this.byId.get(keyId);
      if (!record) throw new DomainError('NOT_FOUND', `No API key has id "${keyId}".`, { resource: 'auth.apiKey', id: keyId });
      if (keyId === context.caller.keyId) throw new DomainError('CONFLICT', 'A key cannot revoke itself; use another admin key.');
      if (record.revokedAtMs === null) {
        record.revokedAtMs = this.wallNow();
        this.journal.put(API_KEY_RECORD, record.id, record);
      }
      return toApiKey(record);
    });
  }

  createToken(context: OperationContext, expiresInSeconds: number): Promise<AccessToken> {
    return this.runner.run(context, 'createAccessToken', `auth.apiKey/${context.caller.keyId}`, async () => {
      const expiresAtSeconds = Math.floor(this.wallNow() / 1000) + expiresInSeconds;
      const token = await new SignJWT({ role: context.caller.role })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(context.caller.keyId)
        .setIssuer(TOKEN_ISSUER)
        .setIssuedAt(Math.floor(this.wallNow() / 1000))
        .setExpirationTime(expiresAtSeconds)
        .sign(this.jwtSecret);
      return { token, tokenType: 'Bearer' as const, role: context.caller.role, expiresAt: new Date(expiresAtSeconds * 1000).toISOString() };
    });
  }

  private async verifyToken(token: string): Promise<Caller> {
    try {
      const { payload } = await jwtVerify(token, this.jwtSecret, {
        issuer: TOKEN_ISSUER,
        algorithms: ['HS256'],
        currentDate: new Date(this.wallNow()),
      });
      // The key behind the token decides: revoking it ends its tokens too.
      return this.callerOf(payload.sub === undefined ? undefined : this.byId.get(payload.sub));
    } catch (error) {
      if (error instanceof AccessError) throw error;
      const reason = error instanceof joseErrors.JWTExpired ? 'The bearer token has expired.' : 'The bearer token is not valid.';
      throw new AccessError('UNAUTHENTICATED', reason);
    }
  }

  private callerOf(record: ApiKeyRecord | undefined): Caller {
    const nowMs = this.wallNow();
    if (!record) {
      throw new AccessError('UNAUTHENTICATED', 'The API key is not valid.');
    }
    if (!isActive(record, nowMs)) throw new AccessError('UNAUTHENTICATED', 'The API key has been revoked or has expired.');
    if (record.lastUsedAtMs === null || nowMs - record.lastUsedAtMs >= LAST_USED_RESOLUTION_MS) {
      record.lastUsedAtMs = nowMs;
      this.journal.put(API_KEY_RECORD, record.id, record);
    }
    return { keyId: record.id, role: record.role };
  }

  private insert(
    name: string,
    role: Role,
    createdBy: string,
    expiresAtMs: number | null,
    secret: string,
    generated: Pick<ApiKeyRecord, 'secretShownAtMs'> = {},
  ): ApiKeyRecord {
    const record: ApiKeyRecord = {
      id: `key_${sha256(secret).slice(0, 12)}`,
      name,
      role,
      prefix: secret.slice(0, 8),
      secretSha256: sha256(secret),
      createdAtMs: this.wallNow(),
      createdBy,
      expiresAtMs,
      revokedAtMs: null,
      lastUsedAtMs: null,
      ...generated,
    };
    this.index(record);
    this.journal.put(API_KEY_RECORD, record.id, record);
    return record;
  }

  private index(record: ApiKeyRecord): void {
    this.byId.set(record.id, record);
    this.bySecretSha256.set(record.secretSha256, record);
  }
}

function newSecret(): string {
  return `rdb_${randomBytes(20).toString('hex')}`;
}

function sha256(text: string): string {
  // The one-shot form: every authenticated request hashes its key, and a Hash object costs more.
  return hash('sha256', text, 'hex');
}

function isActive(record: ApiKeyRecord, nowMs: number): boolean {
  return record.revokedAtMs === null && (record.expiresAtMs === null || record.expiresAtMs > nowMs);
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function toApiKey(record: ApiKeyRecord): ApiKey {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    prefix: record.prefix,
    createdAt: new Date(record.createdAtMs).toISOString(),
    createdBy: record.createdBy,
    expiresAt: iso(record.expiresAtMs),
    revokedAt: iso(record.revokedAtMs),
    lastUsedAt: iso(record.lastUsedAtMs),
  };
}
