/**
 * Shared storage: the datafiles (each block's last written version) and one redo thread per
 * instance, plus the cluster's SCN counter. Everything here is durable: a listener mirrors each
 * change into the journal. Redo of a block is kept until a write-back puts a version at least as
 * new on disk (a checkpoint of that block).
 */
import { DomainError } from '../runtime/domain-error.js';
import { applyRedo, copyImage, rowBytes, type BlockId, type BlockImage, type RedoRecord, type RowChange, type Scn } from './block.js';

/** Receives every durable change (the journal mirror). */
export interface StorageListener {
  blockWritten(image: BlockImage): void;
  redoAppended(record: RedoRecord): void;
  redoCheckpointed(records: readonly RedoRecord[]): void;
  scnChanged(scn: Scn): void;
}

/** A redo thread's counters. */
export interface RedoThreadView {
  instanceId: string;
  /** Records written since the thread was created. */
  recordsWritten: number;
  bytesWritten: number;
  /** Records not yet covered by a write-back (what instance recovery would apply). */
  pendingRecords: number;
  pendingBytes: number;
  lastScn: Scn | null;
}

interface RedoThread {
  instanceId: string;
  /** Pending records per block, ascending SCN. */
  byBlock: Map<BlockId, RedoRecord[]>;
  recordsWritten: number;
  bytesWritten: number;
  pendingRecords: number;
  pendingBytes: number;
  lastScn: Scn | null;
}

/** Bytes of a redo record besides its row: SCN, thread, block address, offsets. */
const REDO_HEADER_BYTES = 48;

/** What a restore hands back to the storage. */
export interface StorageState {
  scn: Scn;
  tables: Record<string, BlockId[]>;
  blocks: BlockImage[];
  redo: RedoRecord[];
  threadCounters: { instanceId: string; recordsWritten: number; bytesWritten: number }[];
}

export class SharedStorage {
  private scn: Scn;
  private readonly tables = new Map<string, BlockId[]>();
  private readonly disk = new Map<BlockId, BlockImage>();
  private readonly threads = new Map<string, RedoThread>();
  /** Disk writes since start (write-backs and recovery writes). */
  diskWrites = 0;
  diskReads = 0;

  constructor(
    state: StorageState,
    private readonly listener?: StorageListener,
  ) {
    this.scn = state.scn;
    for (const [table, blockIds] of Object.entries(state.tables)) this.tables.set(table, [...blockIds]);
    for (const image of state.blocks) this.disk.set(image.blockId, copyImage(image));
    for (const counters of state.threadCounters) {
      const thread = this.threadOf(counters.instanceId);
      thread.recordsWritten = counters.recordsWritten;
      thread.bytesWritten = counters.bytesWritten;
    }
    for (const record of [...state.redo].sort((a, b) => a.scn - b.scn)) this.index(record);
  }

  /** Every durable fact, for the first mirror into the journal. */
  mirrorAll(): void {
    if (this.listener === undefined) return;
    this.listener.scnChanged(this.scn);
    for (const image of this.disk.values()) this.listener.blockWritten(image);
    for (const thread of this.threads.values()) for (const records of thread.byBlock.values()) for (const record of records) this.listener.redoAppended(record);
  }

  currentScn(): Scn {
    return this.scn;
  }

  /** The next SCN (the counter moves first: an SCN is never handed out twice). */
  nextScn(): Scn {
    this.scn += 1;
    this.listener?.scnChanged(this.scn);
    return this.scn;
  }

  /** Raises the counter to at least `scn` (Lamport: a message carried a higher SCN). */
  observeScn(scn: Scn): void {
    if (scn > this.scn) {
      this.scn = scn;
      this.listener?.scnChanged(this.scn);
    }
  }

  tableNames(): string[] {
    return [...this.tables.keys()];
  }

  /** The table's blocks in order. @throws DomainError NOT_FOUND for an unknown table. */
  blocksOf(table: string): readonly BlockId[] {
    const blocks = this.tables.get(table);
    if (blocks === undefined) throw new DomainError('NOT_FOUND', `Table ${table} does not exist (tables: ${this.tableNames().join(', ')}).`, { table });
    return blocks;
  }

  blockIds(): BlockId[] {
    return [...this.disk.keys()];
  }

  hasBlock(blockId: BlockId): boolean {
    return this.disk.has(blockId);
  }

  /** A copy of the block as disk holds it. */
  readDisk(blockId: BlockId): BlockImage {
    this.diskReads += 1;
    return copyImage(this.diskImage(blockId));
  }

  /** The SCN of the block's disk version. */
  diskScn(blockId: BlockId): Scn {
    return this.diskImage(blockId).scn;
  }

  /** The disk version itself, read-only, for observers (no read counted). */
  peekDisk(blockId: BlockId): Readonly<BlockImage> {
    return this.diskImage(blockId);
  }

  /**
   * Writes a version of the block to disk, if newer than the one there, and checkpoints the redo
   * it covers. @returns whether disk changed.
   */
  writeDisk(image: BlockImage): boolean {
    const onDisk = this.diskImage(image.blockId);
    if (image.scn <= onDisk.scn) return false;
    const written = copyImage(image);
    this.disk.set(image.blockId, written);
    this.diskWrites += 1;
    this.listener?.blockWritten(written);
    this.checkpoint(image.blockId, image.scn);
    return true;
  }

  /** Logs a change in the instance's redo thread under a new SCN; the caller applies it to its cached block. */
  appendRedo(instanceId: string, blockId: BlockId, change: RowChange, atMs: number): RedoRecord {
    this.diskImage(blockId);
    const scn = this.nextScn();
    const record: RedoRecord = { scn, instanceId, blockId, rowIndex: change.rowIndex, row: { ...change.row }, bytes: REDO_HEADER_BYTES + rowBytes(change.row), atMs };
    const thread = this.threadOf(instanceId);
    thread.recordsWritten += 1;
    thread.bytesWritten += record.bytes;
    this.index(record);
    this.listener?.redoAppended(record);
    return record;
  }

  /** The instance's pending redo for a block with SCN above `afterScn`, ascending. */
  redoOf(instanceId: string, blockId: BlockId, afterScn: Scn): RedoRecord[] {
    return (this.threads.get(instanceId)?.byBlock.get(blockId) ?? []).filter((record) => record.scn > afterScn);
  }

  /** Blocks the instance has pending redo for. */
  blocksWithRedo(instanceId: string): BlockId[] {
    return [...(this.threads.get(instanceId)?.byBlock.keys() ?? [])];
  }

  /** Every thread's pending redo for a block above `afterScn`, merged in SCN order (crash recovery). */
  allRedoOf(blockId: BlockId, afterScn: Scn): RedoRecord[] {
    const records: RedoRecord[] = [];
    for (const thread of this.threads.values()) for (const record of thread.byBlock.get(blockId) ?? []) if (record.scn > afterScn) records.push(record);
    return records.sort((a, b) => a.scn - b.scn);
  }

  /** The last committed version of a block: disk plus every pending redo (what crash recovery rebuilds). */
  committedImage(blockId: BlockId): BlockImage {
    const image = copyImage(this.diskImage(blockId));
    for (const record of this.allRedoOf(blockId, image.scn)) applyRedo(image, record);
    return image;
  }

  threadViews(): RedoThreadView[] {
    return [...this.threads.values()].map((thread) => ({
      instanceId: thread.instanceId,
      recordsWritten: thread.recordsWritten,
      bytesWritten: thread.bytesWritten,
      pendingRecords: thread.pendingRecords,
      pendingBytes: thread.pendingBytes,
      lastScn: thread.lastScn,
    }));
  }

  /** Counters of the threads, for the store. */
  threadCounters(): StorageState['threadCounters'] {
    return [...this.threads.values()].map((thread) => ({ instanceId: thread.instanceId, recordsWritten: thread.recordsWritten, bytesWritten: thread.bytesWritten }));
  }

  ensureThread(instanceId: string): void {
    this.threadOf(instanceId);
  }

  private checkpoint(blockId: BlockId, scn: Scn): void {
    const removed: RedoRecord[] = [];
    for (const thread of this.threads.values()) {
      const records = thread.byBlock.get(blockId);
      if (records === undefined) continue;
      const kept = records.filter((record) => record.scn > scn);
      for (const record of records) {
        if (record.scn > scn) continue;
        removed.push(record);
        thread.pendingRecords -= 1;
        thread.pendingBytes -= record.bytes;
      }
      if (kept.length === 0) thread.byBlock.delete(blockId);
      else thread.byBlock.set(blockId, kept);
    }
    if (removed.length > 0) this.listener?.redoCheckpointed(removed);
  }

  private index(record: RedoRecord): void {
    const thread = this.threadOf(record.instanceId);
    let records = thread.byBlock.get(record.blockId);
    if (records === undefined) {
      records = [];
      thread.byBlock.set(record.blockId, records);
    }
    records.push(record);
    thread.pendingRecords += 1;
    thread.pendingBytes += record.bytes;
    thread.lastScn = Math.max(thread.lastScn ?? 0, record.scn);
  }

  private threadOf(instanceId: string): RedoThread {
    let thread = this.threads.get(instanceId);
    if (thread === undefined) {
      thread = { instanceId, byBlock: new Map(), recordsWritten: 0, bytesWritten: 0, pendingRecords: 0, pendingBytes: 0, lastScn: null };
      this.threads.set(instanceId, thread);
    }
    return thread;
  }

  private diskImage(blockId: BlockId): BlockImage {
    const image = this.disk.get(blockId);
    if (image === undefined) throw new DomainError('NOT_FOUND', `Block ${blockId} does not exist.`, { blockId });
    return image;
  }
}
