/**
 * One node's data: tables of rows with metadata, its WAL, and the three positions
 * (written, flushed, replayed). The only place rows change is {@link NodeStorage.replay} (and a
 * base backup installing an image), so a primary and its standbys apply the very same records.
 *
 * It also keeps the node's two-phase state (PostgreSQL's pg_twophase: transactions prepared here,
 * and heuristic outcomes until forgotten), derived from the WAL at replay, and the row locks of
 * distributed transactions (tentative ones in memory, prepared ones rebuilt from the two-phase state).
 */
import { assert, DomainError } from '../runtime/domain-error.js';
import { walRecordBytes, type Lsn } from './lsn.js';
import type { RowChange, RowValue, RowWrite, StoredRow, TwoPhaseChange, WalChange, WalRecord, XaIdentity } from './wal-record.js';

/** The node's positions in its WAL. Always walStartLsn ≤ replayLsn ≤ flushLsn ≤ writeLsn, except that WAL below replayLsn may be removed. */
export interface NodePositions {
  /** End of the WAL written (received, on a standby). */
  readonly writeLsn: Lsn;
  /** End of the WAL made durable. */
  readonly flushLsn: Lsn;
  /** End of the WAL applied to the tables. */
  readonly replayLsn: Lsn;
  /** First position whose WAL this node still holds; older WAL was removed by checkpoints. */
  readonly walStartLsn: Lsn;
  /** Timeline of the newest WAL this node follows. */
  readonly timeline: number;
}

/** Why WAL left a node. */
export type WalDiscardReason = 'crash' | 'rewind' | 'checkpoint' | 'backup';

/** Told of every durable change, to mirror the node into the platform's journal. */
export interface StorageListener {
  walAppended(nodeId: string, records: readonly WalRecord[]): void;
  walDiscarded(nodeId: string, records: readonly WalRecord[], reason: WalDiscardReason): void;
  positionsChanged(nodeId: string, positions: NodePositions): void;
  /** `stored` is null when the row was deleted. */
  rowChanged(nodeId: string, table: string, key: string, stored: StoredRow | null): void;
  /** The node's entry for `gid` in its two-phase state; null when it left. */
  twoPhaseChanged?(nodeId: string, gid: string, entry: PreparedTransaction | null): void;
}

/** Where a two-phase entry stands: prepared, or completed by an operator's heuristic decision and kept until forgotten. */
export type PreparedStatus = 'PREPARED' | 'HEURISTIC_COMMIT' | 'HEURISTIC_ROLLBACK';

/** A transaction prepared on this node (a row of pg_prepared_xacts), or a heuristic outcome kept until forgotten. */
export interface PreparedTransaction {
  readonly gid: string;
  /** xid of the PREPARE record: the xmin the transaction pins while prepared. */
  readonly xid: number;
  readonly prepareLsn: Lsn;
  readonly preparedAtMs: number;
  /** What COMMIT PREPARED applies. */
  readonly changes: readonly RowChange[];
  readonly participants: readonly string[];
  readonly coordinatorNodeId: string | null;
  readonly xa: XaIdentity | null;
  readonly status: PreparedStatus;
  /** When a heuristic decision completed it; null while prepared. */
  readonly resolvedAtMs: number | null;
}

/** What a PREPARE record says besides the gid and the changes. */
export interface PrepareMetadata {
  participants: readonly string[];
  coordinatorNodeId: string | null;
  xa: XaIdentity | null;
}

/** A row named by table and key. */
export interface RowRef {
  table: string;
  key: string;
}

/** Tables as a base backup copies them: table → key → row. Rows are immutable, so copies share them. */
export type TablesImage = ReadonlyMap<string, ReadonlyMap<string, StoredRow>>;

/** What {@link NodeStorage.readWal} found: the records, or that the WAL asked for was removed. */
export type WalRead = { readonly gone: false; readonly records: readonly WalRecord[] } | { readonly gone: true; readonly walStartLsn: Lsn };

/** Everything needed to rebuild a node's storage after a server restart. */
export interface NodeStorageState {
  positions: NodePositions;
  records: readonly WalRecord[];
  rows: readonly { table: string; row: StoredRow }[];
  /** The two-phase state (absent in stores written before two-phase commit existed). */
  twoPhase?: readonly PreparedTransaction[];
}

/** Limits on a write, so one transaction cannot swamp a WAL segment. */
export const MAX_CHANGES_PER_TRANSACTION = 1000;
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const MAX_KEY_LENGTH = 256;

export class NodeStorage {
  private readonly tables = new Map<string, Map<string, StoredRow>>();
  /** pg_twophase: gid → entry. */
  private readonly twoPhase = new Map<string, PreparedTransaction>();
  /** Row locks of distributed transactions: row id → owner gid, and each owner's rows. */
  private readonly rowLocks = new Map<string, string>();
  private readonly locksByOwner = new Map<string, Set<string>>();
  /** Retained WAL, ascending; entries before `head` were removed (kept to avoid O(n) shifts). */
  private wal: WalRecord[] = [];
  private head = 0;
  private position: NodePositions;

  constructor(
    readonly nodeId: string,
    start: { lsn: Lsn; timeline: number },
    private readonly listener?: StorageListener,
  ) {
    this.position = { writeLsn: start.lsn, flushLsn: start.lsn, replayLsn: start.lsn, walStartLsn: start.lsn, timeline: start.timeline };
  }

  /** Rebuilds a node as the store held it; tells the listener nothing (the store already has it). */
  static restore(nodeId: string, state: NodeStorageState, listener?: StorageListener): NodeStorage {
    const storage = new NodeStorage(nodeId, { lsn: state.positions.writeLsn, timeline: state.positions.timeline }, listener);
    storage.position = { ...state.positions };
    storage.wal = [...state.records].sort((a, b) => a.lsn - b.lsn);
    for (const { table, row } of state.rows) storage.tableOf(table).set(row.key, row);
    for (const entry of state.twoPhase ?? []) storage.twoPhase.set(entry.gid, entry);
    storage.lockPreparedRows();
    return storage;
  }

  positions(): NodePositions {
    return this.position;
  }

  // ---------------------------------------------------------------- writing (a writable node: the primary or a standalone one)

  /**
   * A transaction on a writable node: logged as one record at the end of the WAL, flushed (a
   * writable node flushes as part of the commit) and applied at once. `owner` is the distributed
   * transaction committing in one phase: its own row locks do not stop it, and are released.
   * @throws DomainError UNPROCESSABLE for malformed writes, NOT_FOUND for a delete of a missing row,
   *   CONFLICT for a row another transaction holds locked; nothing changes then.
   */
  commitLocal(writes: readonly RowWrite[], atMs: number, timeline: number, xid: number, owner?: string, origin?: { origin: string; originLsn: Lsn }): WalRecord {
    const changes = this.resolveWrites(writes);
    this.assertUnlocked(changes, owner);
    const record = this.log(origin === undefined ? { changes } : { changes, origin: origin.origin, originLsn: origin.originLsn }, atMs, timeline, xid);
    if (owner !== undefined) this.releaseLocks(owner);
    return record;
  }

  /**
   * PREPARE TRANSACTION: logs the writes as prepared (not applied) under `gid`, whose rows stay
   * locked until COMMIT PREPARED or ROLLBACK PREPARED. A transaction without writes may prepare.
   * @throws DomainError CONFLICT when the gid is in use or a row is locked by another transaction;
   *   UNPROCESSABLE / NOT_FOUND for bad writes; nothing changes then.
   */
  prepareLocal(gid: string, writes: readonly RowWrite[], metadata: PrepareMetadata, atMs: number, timeline: number, xid: number): WalRecord {
    if (this.twoPhase.has(gid)) throw new DomainError('CONFLICT', `Transaction identifier "${gid}" is already in use on ${this.nodeId}.`, { gid });
    const prepared = writes.length === 0 ? [] : this.resolveWrites(writes);
    this.assertUnlocked(prepared, gid);
    const twoPhase: TwoPhaseChange = { kind: 'prepare', gid, prepared, participants: [...metadata.participants], coordinatorNodeId: metadata.coordinatorNodeId, xa: metadata.xa };
    return this.log({ changes: [], twoPhase }, atMs, timeline, xid);
  }

  /**
   * COMMIT PREPARED (or ROLLBACK PREPARED): applies (or drops) a prepared transaction's changes
   * and releases its locks. A heuristic decision keeps an entry until it is forgotten.
   * @throws DomainError NOT_FOUND when nothing is prepared under `gid`.
   */
  finishPreparedLocal(gid: string, outcome: 'COMMIT' | 'ROLLBACK', heuristic: boolean, atMs: number, timeline: number, xid: number): WalRecord {
    const entry = this.twoPhase.get(gid);
    if (entry === undefined || entry.status !== 'PREPARED') {
      throw new DomainError('NOT_FOUND', `Prepared transaction with identifier "${gid}" does not exist on ${this.nodeId}.`, { gid });
    }
    const change: WalChange =
      outcome === 'COMMIT'
        ? { changes: entry.changes, twoPhase: { kind: 'commit_prepared', gid, heuristic } }
        : { changes: [], twoPhase: { kind: 'rollback_prepared', gid, heuristic } };
    return this.log(change, atMs, timeline, xid);
  }

  /** Removes a heuristic outcome (XA's xa_forget). @throws DomainError NOT_FOUND when `gid` has none. */
  forgetHeuristicLocal(gid: string, atMs: number, timeline: number, xid: number): WalRecord {
    const entry = this.twoPhase.get(gid);
    if (entry === undefined || entry.status === 'PREPARED') throw new DomainError('NOT_FOUND', `No heuristic outcome "${gid}" on ${this.nodeId}.`, { gid });
    return this.log({ changes: [], twoPhase: { kind: 'forget', gid } }, atMs, timeline, xid);
  }

  /** Appends one record, flushes and applies it (a writable node's commit). */
  private log(change: WalChange, atMs: number, timeline: number, xid: number): WalRecord {
    assert(this.position.replayLsn === this.position.writeLsn, `write on ${this.nodeId}: replay is behind the WAL`);
    const lsn = this.position.writeLsn;
    const record: WalRecord = Object.freeze({ lsn, endLsn: lsn + walRecordBytes(change), timeline, xid, atMs, originNodeId: this.nodeId, change });
    this.receive([record]);
    this.flush();
    this.replay();
    return record;
  }

  // ---------------------------------------------------------------- row locks

  /** The distributed transaction holding a row locked, if any. */
  lockOwner(table: string, key: string): string | undefined {
    return this.rowLocks.get(rowId(table, key));
  }

  /** Takes a row's lock for `owner`; false when another owner holds it. */
  tryLockRow(table: string, key: string, owner: string): boolean {
    const id = rowId(table, key);
    const holder = this.rowLocks.get(id);
    if (holder !== undefined) return holder === owner;
    this.rowLocks.set(id, owner);
    let rows = this.locksByOwner.get(owner);
    if (rows === undefined) {
      rows = new Set();
      this.locksByOwner.set(owner, rows);
    }
    rows.add(id);
    return true;
  }

  /** Releases every lock `owner` holds; returns the rows freed. */
  releaseLocks(owner: string): RowRef[] {
    const rows = this.locksByOwner.get(owner);
    if (rows === undefined) return [];
    this.locksByOwner.delete(owner);
    for (const id of rows) this.rowLocks.delete(id);
    return [...rows].map(rowRefOf);
  }

  /** The rows `owner` holds locked, in lock order. */
  locksOf(owner: string): RowRef[] {
    return [...(this.locksByOwner.get(owner) ?? [])].map(rowRefOf);
  }

  /** Locks held on this node. */
  lockCount(): number {
    return this.rowLocks.size;
  }

  /** The first of `rows` locked by someone other than `owner`, with its holder; undefined when none is. */
  lockedRow(rows: readonly RowRef[], owner?: string): (RowRef & { lockedBy: string }) | undefined {
    for (const { table, key } of rows) {
      const holder = this.lockOwner(table, key);
      if (holder !== undefined && holder !== owner) return { table, key, lockedBy: holder };
    }
    return undefined;
  }

  private assertUnlocked(changes: readonly RowChange[], owner: string | undefined): void {
    const locked = this.lockedRow(changes, owner);
    if (locked !== undefined) {
      throw new DomainError('CONFLICT', `Row ${locked.table}/${locked.key} on ${this.nodeId} is locked by distributed transaction ${locked.lockedBy}.`, { ...locked, nodeId: this.nodeId });
    }
  }

  /** Locks the rows of every prepared entry for its gid (after a restore, a crash or a base backup). */
  private lockPreparedRows(): void {
    for (const entry of this.twoPhase.values()) {
      if (entry.status !== 'PREPARED') continue;
      for (const change of entry.changes) this.forceLock(change.table, change.key, entry.gid);
    }
  }

  /** Replay's lock: the WAL says the row is the gid's (a tentative lock by the same owner is taken over). */
  private forceLock(table: string, key: string, owner: string): void {
    const holder = this.lockOwner(table, key);
    if (holder !== undefined && holder !== owner) this.locksByOwner.get(holder)?.delete(rowId(table, key));
    this.rowLocks.delete(rowId(table, key));
    this.tryLockRow(table, key, owner);
  }

  // ---------------------------------------------------------------- two-phase state

  /** Entries of the two-phase state (prepared and heuristic), oldest PREPARE first. */
  preparedTransactions(): PreparedTransaction[] {
    return [...this.twoPhase.values()].sort((a, b) => a.prepareLsn - b.prepareLsn);
  }

  preparedTransaction(gid: string): PreparedTransaction | undefined {
    return this.twoPhase.get(gid);
  }

  /** Entries that count against max_prepared_transactions: prepared ones and heuristic outcomes not yet forgotten. */
  twoPhaseCount(): number {
    return this.twoPhase.size;
  }

  /** LSN of the oldest PREPARE still prepared: checkpoints keep WAL from there. Null when none. */
  oldestPreparedLsn(): Lsn | null {
    let oldest: Lsn | null = null;
    for (const entry of this.twoPhase.values()) if (entry.status === 'PREPARED' && (oldest === null || entry.prepareLsn < oldest)) oldest = entry.prepareLsn;
    return oldest;
  }

  /** The oldest xid a prepared transaction pins (its PREPARE record's), or null. */
  xminHorizon(): number | null {
    let oldest: number | null = null;
    for (const entry of this.twoPhase.values()) if (entry.status === 'PREPARED' && (oldest === null || entry.xid < oldest)) oldest = entry.xid;
    return oldest;
  }

  /** Copies of the two-phase state, for a base backup (as pg_basebackup copies pg_twophase). */
  copyTwoPhase(): PreparedTransaction[] {
    return this.preparedTransactions();
  }

  /**
   * How `gid` ended here, read from the retained WAL: COMMIT or ABORT from a COMMIT PREPARED or
   * ROLLBACK PREPARED record an operator did not decide; null when the WAL does not say.
   */
  twoPhaseOutcome(gid: string): 'COMMIT' | 'ABORT' | null {
    for (let index = this.wal.length - 1; index >= this.head; index -= 1) {
      const record = this.wal[index] as WalRecord;
      const twoPhase = record.change.twoPhase;
      if (record.endLsn > this.position.replayLsn || twoPhase === undefined || twoPhase.gid !== gid) continue;
      if (twoPhase.kind === 'commit_prepared' && !twoPhase.heuristic) return 'COMMIT';
      if (twoPhase.kind === 'rollback_prepared' && !twoPhase.heuristic) return 'ABORT';
      if (twoPhase.kind === 'prepare') return null;
    }
    return null;
  }

  /**
   * Checks writes against the current tables and turns puts into inserts or updates, changing
   * nothing (a distributed transaction checks its writes before it sends them).
   * @throws DomainError UNPROCESSABLE for malformed writes, NOT_FOUND for a delete of a missing row.
   */
  planWrites(writes: readonly RowWrite[]): RowChange[] {
    return this.resolveWrites(writes);
  }

  /** Checks writes against the current tables and turns puts into inserts or updates. */
  private resolveWrites(writes: readonly RowWrite[]): RowChange[] {
    if (!Array.isArray(writes) || writes.length === 0) throw new DomainError('UNPROCESSABLE', 'A transaction needs at least one write.');
    if (writes.length > MAX_CHANGES_PER_TRANSACTION) {
      throw new DomainError('UNPROCESSABLE', `A transaction holds at most ${MAX_CHANGES_PER_TRANSACTION} writes, got ${writes.length}.`);
    }
    const problems: string[] = [];
    // Rows as the transaction sees them so far (a later write sees an earlier one).
    const pending = new Map<string, boolean>();
    const exists = (table: string, key: string): boolean => pending.get(`${table}\u0000${key}`) ?? this.tables.get(table)?.has(key) === true;
    const changes: RowChange[] = [];
    writes.forEach((write, index) => {
      const where = `writes[${index}]`;
      if (typeof write !== 'object' || write === null || (write.op !== 'put' && write.op !== 'delete')) {
        problems.push(`${where}.op must be put or delete`);
        return;
      }
      if (typeof write.table !== 'string' || !NAME_PATTERN.test(write.table)) problems.push(`${where}.table must be a name of letters, digits and _ (at most 63)`);
      if (typeof write.key !== 'string' || write.key.length === 0 || write.key.length > MAX_KEY_LENGTH) problems.push(`${where}.key must be a non-empty string of at most ${MAX_KEY_LENGTH} characters`);
      if (write.op === 'put') problems.push(...rowProblems(write.row, `${where}.row`));
      if (problems.length > 0) return;
      const present = exists(write.table, write.key);
      if (write.op === 'delete') {
        if (!present) problems.push(`${where}: no row ${write.key} in ${write.table} to delete`);
        else changes.push({ op: 'delete', table: write.table, key: write.key });
      } else {
        changes.push({ op: present ? 'update' : 'insert', table: write.table, key: write.key, row: Object.freeze({ ...write.row }) });
      }
      pending.set(`${write.table}\u0000${write.key}`, write.op === 'put');
    });
    if (problems.length > 0) {
      const missingOnly = problems.every((problem) => problem.includes('to delete'));
      throw new DomainError(missingOnly ? 'NOT_FOUND' : 'UNPROCESSABLE', `The transaction was refused: ${problems.join('; ')}.`, { problems });
    }
    return changes;
  }

  // ---------------------------------------------------------------- WAL movement

  /** Writes records received from a primary; they must continue this WAL exactly. */
  receive(records: readonly WalRecord[]): void {
    if (records.length === 0) return;
    let expected = this.position.writeLsn;
    for (const record of records) {
      assert(record.lsn === expected, `${this.nodeId}: WAL record at ${record.lsn} does not continue the WAL at ${expected}`);
      expected = record.endLsn;
      this.wal.push(record);
    }
    const last = records[records.length - 1] as WalRecord;
    this.setPositions({ writeLsn: expected, timeline: Math.max(this.position.timeline, last.timeline) });
    this.listener?.walAppended(this.nodeId, records);
  }

  /** Makes everything written durable. */
  flush(): void {
    if (this.position.flushLsn !== this.position.writeLsn) this.setPositions({ flushLsn: this.position.writeLsn });
  }

  /** Applies flushed WAL past replayLsn, up to `limitLsn` (default: all flushed). Returns records applied. */
  replay(limitLsn: Lsn = this.position.flushLsn): number {
    const target = Math.min(limitLsn, this.position.flushLsn);
    if (target <= this.position.replayLsn) return 0;
    let index = this.indexAtOrAfter(this.position.replayLsn);
    let applied = 0;
    let replayLsn = this.position.replayLsn;
    for (; index < this.wal.length; index += 1) {
      const record = this.wal[index] as WalRecord;
      if (record.endLsn > target) break;
      assert(record.lsn === replayLsn, `${this.nodeId}: replay gap at ${replayLsn}`);
      this.apply(record);
      replayLsn = record.endLsn;
      applied += 1;
    }
    if (applied > 0) this.setPositions({ replayLsn });
    return applied;
  }

  /**
   * A crash: what was written but not flushed is lost, and so are the locks of tentative
   * (unprepared) work. Tables and the two-phase state (≤ replayLsn ≤ flushLsn) survive.
   */
  crash(): WalRecord[] {
    for (const owner of [...this.locksByOwner.keys()]) if (this.twoPhase.get(owner)?.status !== 'PREPARED') this.releaseLocks(owner);
    return this.discardFrom(this.position.flushLsn, 'crash');
  }

  /**
   * Discards WAL from `lsn` on (pg_rewind, or following a new timeline). The tables must not
   * hold anything past it: a node that replayed past `lsn` needs a new base backup instead.
   */
  rewindTo(lsn: Lsn, timeline: number): WalRecord[] {
    assert(this.position.replayLsn <= lsn, `${this.nodeId}: cannot rewind to ${lsn}, replayed up to ${this.position.replayLsn}`);
    const discarded = this.discardFrom(lsn, 'rewind');
    this.setPositions({ timeline });
    return discarded;
  }

  /** True when replayLsn lies past `lsn`, so only a base backup can bring the node onto a history that forked there. */
  replayedPast(lsn: Lsn): boolean {
    return this.position.replayLsn > lsn;
  }

  private discardFrom(lsn: Lsn, reason: WalDiscardReason): WalRecord[] {
    if (lsn >= this.position.writeLsn) return [];
    const cut = this.indexAtOrAfter(lsn);
    const discarded = this.wal.splice(cut);
    const newEnd = cut > this.head ? (this.wal[cut - 1] as WalRecord).endLsn : (discarded[0]?.lsn ?? this.position.writeLsn);
    assert(newEnd <= lsn, `${this.nodeId}: discard at ${lsn} is not a record boundary`);
    this.setPositions({
      writeLsn: Math.max(newEnd, this.position.replayLsn),
      flushLsn: Math.min(this.position.flushLsn, Math.max(newEnd, this.position.replayLsn)),
    });
    if (discarded.length > 0) this.listener?.walDiscarded(this.nodeId, discarded, reason);
    return discarded;
  }

  /** Removes records that end at or before `lsn` (a checkpoint removing whole segments); returns them. */
  removeWalBefore(lsn: Lsn): WalRecord[] {
    let index = this.head;
    while (index < this.wal.length && (this.wal[index] as WalRecord).endLsn <= lsn) index += 1;
    if (index === this.head) return [];
    const removed = this.wal.slice(this.head, index);
    this.head = index;
    // Compact now and then so the dead prefix stays at most half the array.
    if (this.head > 1024 && this.head * 2 > this.wal.length) {
      this.wal = this.wal.slice(this.head);
      this.head = 0;
    }
    const first = this.wal[this.head];
    this.setPositions({ walStartLsn: first === undefined ? this.position.writeLsn : first.lsn });
    this.listener?.walDiscarded(this.nodeId, removed, 'checkpoint');
    return removed;
  }

  /** Replaces the tables (and the two-phase state) with a base backup's image taken at `lsn`; the WAL restarts there. */
  installImage(image: TablesImage, lsn: Lsn, timeline: number, twoPhase: readonly PreparedTransaction[] = []): void {
    const dropped = this.wal.slice(this.head);
    this.wal = [];
    this.head = 0;
    if (dropped.length > 0) this.listener?.walDiscarded(this.nodeId, dropped, 'backup');
    for (const [table, rows] of this.tables) {
      for (const key of rows.keys()) if (image.get(table)?.has(key) !== true) this.listener?.rowChanged(this.nodeId, table, key, null);
    }
    this.tables.clear();
    for (const [table, rows] of image) {
      const copy = new Map(rows);
      this.tables.set(table, copy);
      for (const [key, stored] of copy) this.listener?.rowChanged(this.nodeId, table, key, stored);
    }
    for (const gid of this.twoPhase.keys()) if (!twoPhase.some((entry) => entry.gid === gid)) this.listener?.twoPhaseChanged?.(this.nodeId, gid, null);
    this.twoPhase.clear();
    for (const entry of twoPhase) {
      this.twoPhase.set(entry.gid, entry);
      this.listener?.twoPhaseChanged?.(this.nodeId, entry.gid, entry);
    }
    this.rowLocks.clear();
    this.locksByOwner.clear();
    this.lockPreparedRows();
    this.setPositions({ writeLsn: lsn, flushLsn: lsn, replayLsn: lsn, walStartLsn: lsn, timeline });
  }

  // ---------------------------------------------------------------- reading

  /**
   * Records starting at or after `fromLsn` and ending at or before `toLsn`, at most
   * `maxBytes` (but always at least one record when any is available) and `maxRecords`.
   * Says `gone` when WAL from `fromLsn` was removed.
   */
  readWal(fromLsn: Lsn, options: { toLsn?: Lsn; maxBytes?: number; maxRecords?: number } = {}): WalRead {
    if (fromLsn < this.position.walStartLsn) return { gone: true, walStartLsn: this.position.walStartLsn };
    const toLsn = options.toLsn ?? this.position.writeLsn;
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
    const records: WalRecord[] = [];
    let bytes = 0;
    for (let index = this.indexAtOrAfter(fromLsn); index < this.wal.length && records.length < maxRecords; index += 1) {
      const record = this.wal[index] as WalRecord;
      if (record.endLsn > toLsn) break;
      const size = record.endLsn - record.lsn;
      if (records.length > 0 && bytes + size > maxBytes) break;
      records.push(record);
      bytes += size;
    }
    return { gone: false, records };
  }

  /** Number of WAL records retained. */
  walRecordCount(): number {
    return this.wal.length - this.head;
  }

  /** Retained WAL records (a copy of the list; the records are shared). */
  walRecords(): WalRecord[] {
    return this.wal.slice(this.head);
  }

  tableNames(): string[] {
    return [...this.tables.keys()].filter((table) => (this.tables.get(table)?.size ?? 0) > 0).sort();
  }

  /** Every row of a table with its metadata, ordered by key. */
  tableImage(table: string): StoredRow[] {
    const rows = this.tables.get(table);
    if (rows === undefined) return [];
    return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  getRow(table: string, key: string): StoredRow | undefined {
    return this.tables.get(table)?.get(key);
  }

  rowCount(): number {
    let count = 0;
    for (const rows of this.tables.values()) count += rows.size;
    return count;
  }

  /** A consistent copy of the tables as of replayLsn (rows shared, maps copied), for a base backup. */
  copyTables(): TablesImage {
    const image = new Map<string, Map<string, StoredRow>>();
    for (const [table, rows] of this.tables) if (rows.size > 0) image.set(table, new Map(rows));
    return image;
  }

  /** Everything the store mirrors, for tests and for a loader check. */
  state(): NodeStorageState {
    const rows: { table: string; row: StoredRow }[] = [];
    for (const table of this.tableNames()) for (const row of this.tableImage(table)) rows.push({ table, row });
    return { positions: { ...this.position }, records: this.walRecords(), rows, twoPhase: this.preparedTransactions() };
  }

  // ---------------------------------------------------------------- internals

  private apply(record: WalRecord): void {
    for (const change of record.change.changes) {
      const rows = this.tableOf(change.table);
      if (change.op === 'delete') {
        rows.delete(change.key);
        this.listener?.rowChanged(this.nodeId, change.table, change.key, null);
        continue;
      }
      const previous = rows.get(change.key);
      const stored: StoredRow = Object.freeze({
        key: change.key,
        row: change.row,
        meta: Object.freeze(
          record.change.origin === undefined
            ? { version: (previous?.meta.version ?? 0) + 1, updatedAtMs: record.atMs, originNodeId: record.originNodeId }
            : { version: (previous?.meta.version ?? 0) + 1, updatedAtMs: record.atMs, originNodeId: record.originNodeId, origin: record.change.origin },
        ),
      });
      rows.set(change.key, stored);
      this.listener?.rowChanged(this.nodeId, change.table, change.key, stored);
    }
    if (record.change.twoPhase !== undefined) this.applyTwoPhase(record, record.change.twoPhase);
  }

  /** What a two-phase record does to the two-phase state and the locks (the changes are applied already). */
  private applyTwoPhase(record: WalRecord, twoPhase: TwoPhaseChange): void {
    const gid = twoPhase.gid;
    if (twoPhase.kind === 'prepare') {
      const entry: PreparedTransaction = Object.freeze({
        gid,
        xid: record.xid,
        prepareLsn: record.lsn,
        preparedAtMs: record.atMs,
        changes: twoPhase.prepared,
        participants: twoPhase.participants,
        coordinatorNodeId: twoPhase.coordinatorNodeId,
        xa: twoPhase.xa,
        status: 'PREPARED',
        resolvedAtMs: null,
      });
      this.twoPhase.set(gid, entry);
      for (const change of entry.changes) this.forceLock(change.table, change.key, gid);
      this.listener?.twoPhaseChanged?.(this.nodeId, gid, entry);
      return;
    }
    this.releaseLocks(gid);
    const entry = this.twoPhase.get(gid);
    if (twoPhase.kind !== 'forget' && twoPhase.heuristic && entry !== undefined) {
      const resolved: PreparedTransaction = Object.freeze({ ...entry, status: twoPhase.kind === 'commit_prepared' ? 'HEURISTIC_COMMIT' : 'HEURISTIC_ROLLBACK', resolvedAtMs: record.atMs });
      this.twoPhase.set(gid, resolved);
      this.listener?.twoPhaseChanged?.(this.nodeId, gid, resolved);
      return;
    }
    if (this.twoPhase.delete(gid)) this.listener?.twoPhaseChanged?.(this.nodeId, gid, null);
  }

  private tableOf(table: string): Map<string, StoredRow> {
    let rows = this.tables.get(table);
    if (rows === undefined) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    return rows;
  }

  /** Index of the first retained record with lsn ≥ `lsn` (binary search). */
  private indexAtOrAfter(lsn: Lsn): number {
    let low = this.head;
    let high = this.wal.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.wal[middle] as WalRecord).lsn < lsn) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private setPositions(change: Partial<NodePositions>): void {
    this.position = { ...this.position, ...change };
    this.listener?.positionsChanged(this.nodeId, this.position);
  }
}

function rowId(table: string, key: string): string {
  return `${table}\u0000${key}`;
}

function rowRefOf(id: string): RowRef {
  const cut = id.indexOf('\u0000');
  return { table: id.slice(0, cut), key: id.slice(cut + 1) };
}

function rowProblems(row: unknown, where: string): string[] {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return [`${where} must be a JSON object`];
  const problems: string[] = [];
  for (const [field, value] of Object.entries(row as Record<string, unknown>)) {
    if (!isJsonValue(value)) problems.push(`${where}.${field} must be a JSON value (no undefined, functions or non-finite numbers)`);
  }
  return problems;
}

function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isJsonValue);
  return false;
}

/** Re-exported for callers that only need the row type. */
export type { RowValue };
