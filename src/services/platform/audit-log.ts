import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { Caller, Role } from './operation-context.js';
import { pageOf, type ListQuery, type Page } from './list-query.js';

export interface AuditEntry {
  id: number;
  time: string;
  actorKeyId: string;
  actorRole: Role;
  operationId: string;
  target: string;
  outcome: 'SUCCESS' | 'FAILURE';
  errorCode?: string;
  requestId: string;
}

export const AUDIT_RECORD = 'audit.entry';

/** Entries kept; the oldest are dropped beyond this (TigerStyle: a limit on everything). */
export const AUDIT_RETENTION = 10_000;

/**
 * The audit log of mutations: who, which operation, on what, with which outcome, when. Entries
 * are journaled with the change they describe, so both land in the same commit.
 */
export class AuditLog {
  private constructor(
    private readonly journal: Journal,
    private readonly entries: AuditEntry[],
    private readonly wallNow: () => number,
  ) {}

  static async load(store: Store, journal: Journal, wallNow: () => number): Promise<AuditLog> {
    const records = await store.list<AuditEntry>(AUDIT_RECORD);
    const entries = records.map((record) => record.value).sort((a, b) => a.id - b.id);
    return new AuditLog(journal, entries, wallNow);
  }

  record(entry: { caller: Caller; operationId: string; target: string; requestId: string; errorCode?: string }): AuditEntry {
    const last = this.entries[this.entries.length - 1];
    const recorded: AuditEntry = {
      id: (last?.id ?? 0) + 1,
      time: new Date(this.wallNow()).toISOString(),
      actorKeyId: entry.caller.keyId,
      actorRole: entry.caller.role,
      operationId: entry.operationId,
      target: entry.target,
      outcome: entry.errorCode === undefined ? 'SUCCESS' : 'FAILURE',
      requestId: entry.requestId,
      ...(entry.errorCode === undefined ? {} : { errorCode: entry.errorCode }),
    };
    this.entries.push(recorded);
    this.journal.put(AUDIT_RECORD, auditRecordId(recorded.id), recorded);
    while (this.entries.length > AUDIT_RETENTION) {
      const dropped = this.entries.shift();
      if (dropped) this.journal.delete(AUDIT_RECORD, auditRecordId(dropped.id));
    }
    return recorded;
  }

  /** Entries recorded since the log began, those dropped by retention included (the latest id). */
  recordedCount(): number {
    return this.entries.at(-1)?.id ?? 0;
  }

  list(query: ListQuery<AuditEntry>): Page<AuditEntry> {
    return pageOf(this.entries, { ...query, sortBy: 'id' });
  }
}

/** Zero-padded so the store's id order is the log's order. */
function auditRecordId(id: number): string {
  return String(id).padStart(12, '0');
}
