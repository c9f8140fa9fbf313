/**
 * STAND-IN until the conflicts engine's ConflictBook is on main (seam 2); deleted then. A bounded
 * book of group conflicts, newest last, each recorded once by id; the module persists it.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { RowValue } from '../replication/wal-record.js';
import type { ConflictPort, MultiMasterConflict } from './multi-master-engine.js';

/** Conflicts the book keeps at most; the oldest go first. */
export const MAX_BOOK_CONFLICTS = 1000;

export class StandInConflictBook implements ConflictPort {
  private readonly conflicts = new Map<string, MultiMasterConflict>();

  constructor(
    private readonly changed: (conflict: MultiMasterConflict, kind: 'recorded' | 'resolved') => void,
    restored: readonly MultiMasterConflict[] = [],
  ) {
    for (const conflict of restored) this.conflicts.set(conflict.conflictId, conflict);
  }

  record(conflict: MultiMasterConflict): void {
    if (this.conflicts.has(conflict.conflictId)) return;
    this.conflicts.set(conflict.conflictId, conflict);
    if (this.conflicts.size > MAX_BOOK_CONFLICTS) this.conflicts.delete(this.conflicts.keys().next().value!);
    this.changed(conflict, 'recorded');
  }

  /** Newest first. */
  list(): MultiMasterConflict[] {
    return [...this.conflicts.values()].reverse();
  }

  get(conflictId: string): MultiMasterConflict {
    const conflict = this.conflicts.get(conflictId);
    if (conflict === undefined) throw new DomainError('NOT_FOUND', `No group conflict has id ${conflictId}.`, { conflictId });
    return conflict;
  }

  resolve(conflictId: string, row: RowValue | null, winnerSiteId: string, reason: string): MultiMasterConflict {
    const resolved: MultiMasterConflict = { ...this.get(conflictId), status: 'RESOLVED', resolvedRow: row, winnerSiteId, reason };
    this.conflicts.set(conflictId, resolved);
    this.changed(resolved, 'resolved');
    return resolved;
  }

  snapshot(): MultiMasterConflict[] {
    return [...this.conflicts.values()];
  }
}
