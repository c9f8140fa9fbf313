/**
 * The Global Cache Service (Cache Fusion) as a message protocol. Each block has a directory
 * entry at its master (see grd.ts) listing its holders; the master serves one request per block
 * at a time (the others queue), so requests never race:
 *
 *   read  (S): the master forwards to a holder, which ships the block (an X holder downgrades to
 *              S); with no holder the master grants S and the requester reads disk (a miss).
 *   write (X): the master invalidates every other S holder and waits for their acks, then the
 *              current holder ships the block and drops to N (a dirty one keeps a past image);
 *              with no holder the requester reads disk; a requester holding S is upgraded in place.
 *   release (N): the holder gives the block up through the master (flush with invalidate).
 *
 * The requester installs what it receives and tells the master (DONE), which then updates the
 * entry and serves the next request. A reconfiguration (instance recovery) aborts everything in
 * flight: the epoch moves, stale messages are dropped, and requesters retry once it is over.
 */
import { assert, DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { VirtualClock } from '../runtime/index.js';
import { copyImage, imageBytes, type BlockId, type BlockImage, type Row, type Scn } from './block.js';
import { BufferCache, type LockMode } from './buffer-cache.js';
import type { GlobalResourceDirectory, Placement } from './grd.js';
import { CONTROL_MESSAGE_BYTES, type GcsMessage } from './messages.js';
import type { SharedStorage } from './shared-storage.js';

/** A change asked of a block: the row at `rowIndex` gets `values` merged in; no index inserts a row. */
export interface BlockChange {
  rowIndex?: number;
  values: Row;
}

export interface ReadResult {
  kind: 'read';
  instanceId: string;
  blockId: BlockId;
  rows: Row[];
  scn: Scn;
  /** Served from the instance's own cache without a request. */
  hit: boolean;
  /** Its block was shipped by another instance through Cache Fusion (not read from disk, not a hit). */
  shipped: boolean;
  startedAtMs: number;
  completedAtMs: number;
}

export interface WriteResult {
  kind: 'write';
  instanceId: string;
  blockId: BlockId;
  /** The SCN of the committed change (its redo record). */
  scn: Scn;
  rowIndex: number;
  row: Row;
  hit: boolean;
  startedAtMs: number;
  completedAtMs: number;
}

export interface ReleaseResult {
  kind: 'release';
  instanceId: string;
  blockId: BlockId;
  startedAtMs: number;
  completedAtMs: number;
}

export type OpResult = ReadResult | WriteResult | ReleaseResult;

export type OpOutcome<R extends OpResult> = { status: 'DONE'; result: R } | { status: 'FAILED'; reason: string; atMs: number };

/** A block operation's handle: its status now, and a promise settled on the cluster clock (never rejected). */
export class BlockOpHandle<R extends OpResult = OpResult> {
  status: 'PENDING' | 'DONE' | 'FAILED' = 'PENDING';
  result: R | null = null;
  reason: string | null = null;
  readonly settled: Promise<OpOutcome<R>>;
  private resolve!: (outcome: OpOutcome<R>) => void;
  private readonly listeners: ((outcome: OpOutcome<R>) => void)[] = [];

  constructor(
    readonly kind: R['kind'],
    readonly instanceId: string,
    readonly blockId: BlockId,
    readonly startedAtMs: number,
  ) {
    this.settled = new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  complete(result: R): void {
    assert(this.status === 'PENDING', `operation on ${this.blockId} settles once`);
    this.status = 'DONE';
    this.result = result;
    this.notify({ status: 'DONE', result });
  }

  /** Calls `listener` synchronously on the clock when the operation settles (now, if it has). */
  onSettled(listener: (outcome: OpOutcome<R>) => void): void {
    if (this.status === 'DONE') listener({ status: 'DONE', result: this.result! });
    else if (this.status === 'FAILED') listener({ status: 'FAILED', reason: this.reason!, atMs: this.failedAtMs! });
    else this.listeners.push(listener);
  }

  private failedAtMs: number | null = null;

  private notify(outcome: OpOutcome<R>): void {
    this.resolve(outcome);
    for (const listener of this.listeners.splice(0)) listener(outcome);
  }

  fail(reason: string, atMs: number): void {
    assert(this.status === 'PENDING', `operation on ${this.blockId} settles once`);
    this.status = 'FAILED';
    this.reason = reason;
    this.failedAtMs = atMs;
    this.notify({ status: 'FAILED', reason, atMs });
  }
}

interface BlockOp {
  kind: 'read' | 'write' | 'release';
  instanceId: string;
  blockId: BlockId;
  change: BlockChange | null;
  handle: BlockOpHandle<OpResult>;
  /** It waited for a request, so running it after the grant is not a cache hit. */
  requested: boolean;
  /** The request it waited for was answered with a block shipped by another instance. */
  shipped?: boolean;
}

interface PendingRequest {
  requestId: string;
  mode: 'N' | 'S' | 'X';
  startedAtMs: number;
  waiters: BlockOp[];
}

interface QueuedRequest {
  requestId: string;
  requester: string;
  mode: 'N' | 'S' | 'X';
  requestedAtMs: number;
}

interface ActiveRequest extends QueuedRequest {
  master: string;
  awaitingAcks: Set<string>;
  source: string | null;
  /** The source's mode before it shipped (X means it downgrades on a read). */
  sourceMode: 'S' | 'X' | null;
}

interface PendingMove {
  target: string;
  placement: Placement;
  requestedAtMs: number;
  reason: string;
}

/** A block's directory entry, kept at its master. */
interface DirectoryEntry {
  blockId: BlockId;
  holders: Map<string, 'S' | 'X'>;
  active: ActiveRequest | null;
  queue: QueuedRequest[];
  /** The entry is on its way to a new master; requests queue meanwhile. */
  moving: boolean;
  pendingMove: PendingMove | null;
}

/** One shipped block, as the transfer log keeps it. */
export interface TransferRecord {
  /** `transfer-N`, numbered since the GCS was created. */
  transferId: string;
  blockId: BlockId;
  from: string;
  to: string;
  master: string;
  mode: 'S' | 'X';
  way: 2 | 3;
  bytes: number;
  /** Cluster time from the request to the block received. */
  latencyMs: number;
  atMs: number;
  /** SCN of the version shipped. */
  scn: Scn;
  /** The sender gave up a dirty block and keeps its past image. */
  pastImageKept: boolean;
}

export interface GcsCounters {
  requests: number;
  grants: number;
  failedRequests: number;
  cacheHits: number;
  cacheMisses: number;
  twoWayTransfers: number;
  threeWayTransfers: number;
  bytesShipped: number;
  totalTransferLatencyMs: number;
  writeBacks: number;
  downgrades: number;
  invalidations: number;
  pastImagesDiscarded: number;
  /** Reads completed (hits, transfers and disk reads alike). */
  readsServed: number;
  /** Blocks given up because the buffer cache was full (aged out, least recently used first). */
  bufferEvictions: number;
}

/** Hits over hits and misses (transfers are neither); null before either. */
export function hitRateOf(counters: Pick<GcsCounters, 'cacheHits' | 'cacheMisses'>): number | null {
  const lookups = counters.cacheHits + counters.cacheMisses;
  return lookups === 0 ? null : counters.cacheHits / lookups;
}

export function zeroGcsCounters(): GcsCounters {
  return { requests: 0, grants: 0, failedRequests: 0, cacheHits: 0, cacheMisses: 0, twoWayTransfers: 0, threeWayTransfers: 0, bytesShipped: 0, totalTransferLatencyMs: 0, writeBacks: 0, downgrades: 0, invalidations: 0, pastImagesDiscarded: 0, readsServed: 0, bufferEvictions: 0 };
}

/** What the GCS needs from its host. */
export interface GcsHost {
  clock: VirtualClock;
  storage: SharedStorage;
  grd: GlobalResourceDirectory;
  /** Running and a member (not crashed, not evicted, database open). */
  isRunning(instanceId: string): boolean;
  /** Sends over the interconnect (from ≠ to). */
  send(from: string, to: string, message: GcsMessage, bytes: number): void;
  blockHeaderBytes: number;
  transferLogSize: number;
  /** Blocks each instance's buffer cache holds before the least recently used one ages out. */
  bufferCacheBlocks: number;
  transferred?(transfer: TransferRecord): void;
  remastered?(resourceId: string, from: string, to: string, latencyMs: number, reason: string): void;
}

export class GlobalCacheService {
  private readonly caches = new Map<string, BufferCache>();
  private readonly pending = new Map<string, Map<BlockId, PendingRequest>>();
  private readonly directory = new Map<BlockId, DirectoryEntry>();
  /** Operations waiting for a reconfiguration or a block recovery to end. */
  private parked: BlockOp[] = [];
  private frozen = false;
  private readonly recovering = new Set<BlockId>();
  private epochValue = 0;
  private nextRequestId = 1;
  readonly counters: GcsCounters = zeroGcsCounters();
  readonly perInstance = new Map<string, GcsCounters>();
  private readonly transferLog: TransferRecord[] = [];
  private nextTransferId = 1;

  constructor(private readonly host: GcsHost) {}

  epoch(): number {
    return this.epochValue;
  }

  isFrozen(): boolean {
    return this.frozen;
  }

  cacheOf(instanceId: string): BufferCache {
    let cache = this.caches.get(instanceId);
    if (cache === undefined) {
      cache = new BufferCache();
      this.caches.set(instanceId, cache);
    }
    return cache;
  }

  countersOf(instanceId: string): GcsCounters {
    let counters = this.perInstance.get(instanceId);
    if (counters === undefined) {
      counters = zeroGcsCounters();
      this.perInstance.set(instanceId, counters);
    }
    return counters;
  }

  /** Requests outstanding from an instance (parallel query's "busy" measure). */
  outstandingOf(instanceId: string): number {
    return this.pending.get(instanceId)?.size ?? 0;
  }

  recentTransfers(limit: number): TransferRecord[] {
    return this.transferLog.slice(-limit).reverse();
  }

  /** Directory holders of a block as its master sees them. */
  holdersOf(blockId: BlockId): Record<string, 'S' | 'X'> {
    return Object.fromEntries(this.directory.get(blockId)?.holders ?? []);
  }

  /** Requests in flight or queued at the block's master. */
  queueDepthOf(blockId: BlockId): number {
    const entry = this.directory.get(blockId);
    return entry === undefined ? 0 : entry.queue.length + (entry.active === null ? 0 : 1);
  }

  /** Whether the entry has nothing in flight, queued or moving. */
  isIdle(blockId: BlockId): boolean {
    const entry = this.directory.get(blockId);
    return entry === undefined || (entry.active === null && entry.queue.length === 0 && !entry.moving);
  }

  recoveringBlocks(): BlockId[] {
    return [...this.recovering];
  }

  // ---- operations --------------------------------------------------------------------------

  read(instanceId: string, blockId: BlockId): BlockOpHandle<ReadResult> {
    return this.submit('read', instanceId, blockId, null) as BlockOpHandle<ReadResult>;
  }

  write(instanceId: string, blockId: BlockId, change: BlockChange): BlockOpHandle<WriteResult> {
    return this.submit('write', instanceId, blockId, change) as BlockOpHandle<WriteResult>;
  }

  /** Gives the block up (to N) through its master. */
  release(instanceId: string, blockId: BlockId): BlockOpHandle<ReleaseResult> {
    return this.submit('release', instanceId, blockId, null) as BlockOpHandle<ReleaseResult>;
  }

  /** Writes a dirty cached block to disk; past images elsewhere that it covers are discarded. @returns whether it wrote. */
  writeBack(instanceId: string, blockId: BlockId): boolean {
    const cached = this.cacheOf(instanceId).get(blockId);
    if (cached === undefined || !cached.dirty) return false;
    this.host.storage.writeDisk(cached.image);
    cached.dirty = false;
    this.counters.writeBacks += 1;
    this.countersOf(instanceId).writeBacks += 1;
    this.discardPastImages(blockId);
    return true;
  }

  /** Discards every past image the disk version of the block now covers. */
  discardPastImages(blockId: BlockId): void {
    const diskScn = this.host.storage.diskScn(blockId);
    for (const cache of this.caches.values()) {
      if (cache.discardPastImage(blockId, diskScn)) this.counters.pastImagesDiscarded += 1;
    }
  }

  /**
   * Asks for the resource to move to `target` once its entry is idle (requests in flight finish first).
   * @returns false when it is already mastered there.
   */
  requestRemaster(blockId: BlockId, target: string, placement: Placement, reason: string): boolean {
    const entry = this.entryOf(blockId);
    const current = this.host.grd.masterOf(blockId);
    if (current === target && !entry.moving) {
      if (this.host.grd.peekMaster(blockId)?.placement !== placement) this.host.grd.setMaster(blockId, target, placement);
      entry.pendingMove = null;
      return false;
    }
    entry.pendingMove = { target, placement, requestedAtMs: this.host.clock.now(), reason };
    this.processNext(entry);
    return true;
  }

  /** Block requests being served at their masters, and those queued behind them, by master. */
  requestQueues(): { inFlight: number; queued: number; queuedByMaster: Record<string, number> } {
    let inFlight = 0;
    let queued = 0;
    const queuedByMaster: Record<string, number> = {};
    for (const entry of this.directory.values()) {
      if (entry.active !== null) inFlight += 1;
      if (entry.queue.length === 0) continue;
      queued += entry.queue.length;
      const master = this.host.grd.peekMaster(entry.blockId)?.masterId;
      if (master !== undefined) queuedByMaster[master] = (queuedByMaster[master] ?? 0) + entry.queue.length;
    }
    return { inFlight, queued, queuedByMaster };
  }

  /** Resets every counter and the transfer log (the database was opened afresh). */
  resetCounters(): void {
    Object.assign(this.counters, zeroGcsCounters());
    this.perInstance.clear();
    this.transferLog.length = 0;
  }

  /** Resources with a remaster waiting for their requests to finish. */
  pendingRemasters(): number {
    let count = 0;
    for (const entry of this.directory.values()) if (entry.pendingMove !== null || entry.moving) count += 1;
    return count;
  }

  // ---- reconfiguration -----------------------------------------------------------------------

  /**
   * Freezes the GCS (a reconfiguration): every request in flight is aborted and counted failed,
   * stale messages are dropped by the new epoch, operations of running instances wait to retry,
   * those of instances that are gone fail. @returns requests aborted.
   */
  freeze(): number {
    this.frozen = true;
    this.epochValue += 1;
    let aborted = 0;
    for (const entry of this.directory.values()) {
      entry.active = null;
      entry.queue = [];
      entry.moving = false;
      entry.pendingMove = null;
    }
    for (const [instanceId, requests] of this.pending) {
      for (const request of requests.values()) {
        aborted += 1;
        this.counters.failedRequests += 1;
        this.countersOf(instanceId).failedRequests += 1;
        for (const op of request.waiters) this.parked.push(op);
      }
      requests.clear();
    }
    this.failOpsOfGoneInstances();
    return aborted;
  }

  /** Drops the cache of an instance that crashed or was fenced (its contents are lost) and fails its operations. */
  loseCache(instanceId: string, reason: string): void {
    this.failOpsOf(instanceId, reason);
    this.cacheOf(instanceId).clear();
  }

  /** Rebuilds every directory entry from the caches of the running instances (the survivors resend their lock state). */
  rebuildDirectory(): void {
    for (const entry of this.directory.values()) entry.holders.clear();
    for (const [instanceId, cache] of this.caches) {
      if (!this.host.isRunning(instanceId)) continue;
      for (const [blockId, cached] of cache.entries()) this.entryOf(blockId).holders.set(instanceId, cached.mode);
    }
  }

  /** Blocks that stay frozen until their redo is applied. */
  holdForRecovery(blockIds: Iterable<BlockId>): void {
    for (const blockId of blockIds) this.recovering.add(blockId);
  }

  /** Ends the freeze: parked operations retry (those on blocks still recovering keep waiting). */
  thaw(): void {
    this.frozen = false;
    this.retryParked();
  }

  /** Blocks whose redo was applied are served again. */
  releaseRecovered(blockIds: Iterable<BlockId>): void {
    for (const blockId of blockIds) this.recovering.delete(blockId);
    this.retryParked();
  }

  /** Closes the database: every operation fails, caches and directory are dropped (dirty blocks must be written first). */
  reset(reason: string): void {
    this.epochValue += 1;
    const now = this.host.clock.now();
    const ops = [...this.parked];
    for (const requests of this.pending.values()) for (const request of requests.values()) ops.push(...request.waiters);
    this.parked = [];
    this.pending.clear();
    for (const cache of this.caches.values()) cache.clear();
    this.directory.clear();
    this.recovering.clear();
    this.frozen = false;
    for (const op of ops) if (op.handle.status === 'PENDING') op.handle.fail(reason, now);
  }

  // ---- protocol ------------------------------------------------------------------------------

  /** A GCS message arrived at `to` (deduplicated, current epoch). */
  receive(to: string, from: string, message: GcsMessage): void {
    if (!this.host.isRunning(to)) return;
    switch (message.type) {
      case 'REQUEST':
        return this.onRequest(to, message);
      case 'INVALIDATE':
        return this.onInvalidate(to, from, message);
      case 'INVALIDATE_ACK':
        return this.onInvalidateAck(to, from, message);
      case 'FORWARD':
        return this.onForward(to, message);
      case 'BLOCK':
        return this.onBlock(to, message);
      case 'GRANT':
        return this.onGrant(to, from, message);
      case 'DONE':
        return this.onDone(to, message);
      case 'REMASTER':
        return this.onRemasterArrived(to, from, message);
    }
  }

  private submit(kind: BlockOp['kind'], instanceId: string, blockId: BlockId, change: BlockChange | null): BlockOpHandle<OpResult> {
    const handle = new BlockOpHandle<OpResult>(kind, instanceId, blockId, this.host.clock.now());
    this.run({ kind, instanceId, blockId, change, handle, requested: false });
    return handle;
  }

  private run(op: BlockOp): void {
    if (op.handle.status !== 'PENDING') return;
    if (!this.host.isRunning(op.instanceId)) {
      op.handle.fail(`instance ${op.instanceId} is not running`, this.host.clock.now());
      return;
    }
    if (this.frozen || this.recovering.has(op.blockId)) {
      this.parked.push(op);
      return;
    }
    const mode = this.cacheOf(op.instanceId).modeOf(op.blockId);
    const satisfied = op.kind === 'read' ? mode !== 'N' : op.kind === 'write' ? mode === 'X' : mode === 'N';
    if (satisfied) {
      if (!op.requested && op.kind !== 'release') {
        this.counters.cacheHits += 1;
        this.countersOf(op.instanceId).cacheHits += 1;
      }
      this.perform(op);
      return;
    }
    op.requested = true;
    let requests = this.pending.get(op.instanceId);
    if (requests === undefined) {
      requests = new Map();
      this.pending.set(op.instanceId, requests);
    }
    const waiting = requests.get(op.blockId);
    if (waiting !== undefined) {
      waiting.waiters.push(op);
      return;
    }
    const request: PendingRequest = { requestId: `gc-${this.nextRequestId++}`, mode: op.kind === 'read' ? 'S' : op.kind === 'write' ? 'X' : 'N', startedAtMs: this.host.clock.now(), waiters: [op] };
    requests.set(op.blockId, request);
    this.counters.requests += 1;
    this.countersOf(op.instanceId).requests += 1;
    const master = this.host.grd.masterOf(op.blockId);
    this.post(op.instanceId, master, { type: 'REQUEST', requestId: request.requestId, blockId: op.blockId, mode: request.mode, requester: op.instanceId, requestedAtMs: request.startedAtMs }, CONTROL_MESSAGE_BYTES);
  }

  private perform(op: BlockOp): void {
    const now = this.host.clock.now();
    const cache = this.cacheOf(op.instanceId);
    const hit = !op.requested;
    if (op.kind === 'release') {
      op.handle.complete({ kind: 'release', instanceId: op.instanceId, blockId: op.blockId, startedAtMs: op.handle.startedAtMs, completedAtMs: now });
      return;
    }
    const cached = cache.get(op.blockId);
    assert(cached !== undefined, `${op.instanceId} holds ${op.blockId}`);
    cache.touch(op.blockId);
    if (op.kind === 'read') {
      this.counters.readsServed += 1;
      this.countersOf(op.instanceId).readsServed += 1;
      op.handle.complete({ kind: 'read', instanceId: op.instanceId, blockId: op.blockId, rows: cached.image.rows.map((row) => ({ ...row })), scn: cached.image.scn, hit, shipped: op.shipped === true, startedAtMs: op.handle.startedAtMs, completedAtMs: now });
      return;
    }
    const change = op.change!;
    const rowIndex = change.rowIndex ?? cached.image.rows.length;
    if (rowIndex > cached.image.rows.length) {
      op.handle.fail(`row ${rowIndex} is past the end of block ${op.blockId} (${cached.image.rows.length} rows)`, now);
      return;
    }
    const row: Row = { ...(cached.image.rows[rowIndex] ?? {}), ...change.values };
    // Redo first (durable, with its SCN), then the cached block: that order is the commit.
    const record = this.host.storage.appendRedo(op.instanceId, op.blockId, { rowIndex, row }, now);
    if (rowIndex < cached.image.rows.length) cached.image.rows[rowIndex] = row;
    else cached.image.rows.push(row);
    cached.image.scn = record.scn;
    cached.dirty = true;
    op.handle.complete({ kind: 'write', instanceId: op.instanceId, blockId: op.blockId, scn: record.scn, rowIndex, row: { ...row }, hit, startedAtMs: op.handle.startedAtMs, completedAtMs: now });
  }

  private post(from: string, to: string, message: GcsMessage, bytes: number): void {
    if (from !== to) {
      this.host.send(from, to, message, bytes);
      return;
    }
    // Local: no wire, but still on the clock, so a handler never runs inside another.
    const epoch = this.epochValue;
    this.host.clock.after(0, () => {
      if (epoch === this.epochValue) this.receive(to, from, message);
    });
  }

  private entryOf(blockId: BlockId): DirectoryEntry {
    let entry = this.directory.get(blockId);
    if (entry === undefined) {
      entry = { blockId, holders: new Map(), active: null, queue: [], moving: false, pendingMove: null };
      this.directory.set(blockId, entry);
    }
    return entry;
  }

  private onRequest(at: string, message: Extract<GcsMessage, { type: 'REQUEST' }>): void {
    const master = this.host.grd.masterOf(message.blockId);
    if (master !== at) {
      // The resource moved since the requester looked it up: pass the request on.
      this.post(at, master, message, CONTROL_MESSAGE_BYTES);
      return;
    }
    const entry = this.entryOf(message.blockId);
    entry.queue.push({ requestId: message.requestId, requester: message.requester, mode: message.mode, requestedAtMs: message.requestedAtMs });
    this.processNext(entry);
  }

  private processNext(entry: DirectoryEntry): void {
    if (entry.active !== null || entry.moving || this.frozen) return;
    const master = this.host.grd.masterOf(entry.blockId);
    if (entry.pendingMove !== null) {
      this.startMove(entry, master, entry.pendingMove);
      return;
    }
    const next = entry.queue.shift();
    if (next === undefined) return;
    this.start(entry, master, next);
  }

  private start(entry: DirectoryEntry, master: string, request: QueuedRequest): void {
    const { requester, mode, requestId } = request;
    const blockId = entry.blockId;
    if (mode !== 'N') {
      const target = this.host.grd.recordAccess(blockId, requester);
      if (target !== null && entry.pendingMove === null) entry.pendingMove = { target, placement: 'AFFINITY', requestedAtMs: this.host.clock.now(), reason: 'affinity' };
    }
    const active: ActiveRequest = { ...request, master, awaitingAcks: new Set(), source: null, sourceMode: null };
    entry.active = active;
    const held = entry.holders.get(requester);
    if (mode === 'N' || (mode === 'S' && held !== undefined) || (mode === 'X' && held === 'X')) {
      this.post(master, requester, { type: 'GRANT', requestId, blockId, mode, fromDisk: false }, CONTROL_MESSAGE_BYTES);
      return;
    }
    const others = [...entry.holders.entries()].filter(([id]) => id !== requester).sort(([a], [b]) => naturalCompare(a, b));
    const exclusive = others.find(([, heldMode]) => heldMode === 'X');
    // Prefer the X holder, then the master itself (a 2-way transfer), then the first S holder.
    const source = mode === 'X' && held === 'S' ? undefined : (exclusive ?? others.find(([id]) => id === master) ?? others[0]);
    if (source !== undefined) {
      active.source = source[0];
      active.sourceMode = source[1];
    }
    if (mode === 'X') {
      for (const [id] of others) if (id !== active.source) active.awaitingAcks.add(id);
      for (const id of active.awaitingAcks) this.post(master, id, { type: 'INVALIDATE', requestId, blockId }, CONTROL_MESSAGE_BYTES);
    }
    if (active.awaitingAcks.size === 0) this.transfer(entry, active);
  }

  private transfer(entry: DirectoryEntry, active: ActiveRequest): void {
    const { requestId, requester, mode, master, requestedAtMs } = active;
    assert(mode !== 'N', 'a release needs no transfer');
    if (active.source === null) {
      const holdsCopy = entry.holders.has(requester);
      this.post(master, requester, { type: 'GRANT', requestId, blockId: entry.blockId, mode, fromDisk: !holdsCopy }, CONTROL_MESSAGE_BYTES);
      return;
    }
    this.post(master, active.source, { type: 'FORWARD', requestId, blockId: entry.blockId, mode, requester, master, requestedAtMs }, CONTROL_MESSAGE_BYTES);
  }

  private onInvalidate(at: string, from: string, message: Extract<GcsMessage, { type: 'INVALIDATE' }>): void {
    if (this.cacheOf(at).drop(message.blockId) !== undefined) {
      this.counters.invalidations += 1;
      this.countersOf(at).invalidations += 1;
    }
    this.post(at, from, { type: 'INVALIDATE_ACK', requestId: message.requestId, blockId: message.blockId }, CONTROL_MESSAGE_BYTES);
  }

  private onInvalidateAck(at: string, from: string, message: Extract<GcsMessage, { type: 'INVALIDATE_ACK' }>): void {
    const entry = this.directory.get(message.blockId);
    const active = entry?.active;
    if (entry === undefined || active === null || active === undefined || active.requestId !== message.requestId || active.master !== at) return;
    if (!active.awaitingAcks.delete(from)) return;
    entry.holders.delete(from);
    if (active.awaitingAcks.size === 0) this.transfer(entry, active);
  }

  private onForward(at: string, message: Extract<GcsMessage, { type: 'FORWARD' }>): void {
    const cache = this.cacheOf(at);
    const cached = cache.get(message.blockId);
    assert(cached !== undefined, `${at} holds ${message.blockId} when the master forwards a request to it`);
    const image: BlockImage = copyImage(cached.image);
    let dirty = false;
    if (message.mode === 'S') {
      if (cached.mode === 'X') {
        cache.downgrade(message.blockId);
        this.counters.downgrades += 1;
        this.countersOf(at).downgrades += 1;
      }
    } else {
      // The write moves the duty to write the block back; a dirty block leaves a past image here.
      dirty = cached.dirty;
      cache.drop(message.blockId);
    }
    const bytes = imageBytes(image, this.host.blockHeaderBytes);
    this.post(at, message.requester, { type: 'BLOCK', requestId: message.requestId, blockId: message.blockId, mode: message.mode, image, dirty, from: at, master: message.master, requestedAtMs: message.requestedAtMs }, bytes);
  }

  private onBlock(at: string, message: Extract<GcsMessage, { type: 'BLOCK' }>): void {
    const request = this.pending.get(at)?.get(message.blockId);
    if (request === undefined || request.requestId !== message.requestId) return;
    this.cacheOf(at).install(message.image, message.mode, message.dirty);
    const now = this.host.clock.now();
    const way: 2 | 3 = message.master === at || message.master === message.from ? 2 : 3;
    const bytes = imageBytes(message.image, this.host.blockHeaderBytes);
    const transfer: TransferRecord = {
      transferId: `transfer-${this.nextTransferId++}`,
      blockId: message.blockId,
      from: message.from,
      to: at,
      master: message.master,
      mode: message.mode,
      way,
      bytes,
      latencyMs: now - message.requestedAtMs,
      atMs: now,
      scn: message.image.scn,
      // An X transfer drops the sender's copy; a dirty one leaves a past image there (BufferCache.drop).
      pastImageKept: message.mode === 'X' && message.dirty,
    };
    for (const counters of [this.counters, this.countersOf(at)]) {
      counters.grants += 1;
      if (way === 2) counters.twoWayTransfers += 1;
      else counters.threeWayTransfers += 1;
      counters.bytesShipped += bytes;
      counters.totalTransferLatencyMs += transfer.latencyMs;
    }
    this.transferLog.push(transfer);
    if (this.transferLog.length > this.host.transferLogSize) this.transferLog.splice(0, this.transferLog.length - this.host.transferLogSize);
    this.host.transferred?.(transfer);
    for (const op of this.pending.get(at)!.get(message.blockId)!.waiters) op.shipped = true;
    this.makeRoom(at);
    this.finishRequest(at, message.master, message.blockId, message.requestId);
  }

  private onGrant(at: string, from: string, message: Extract<GcsMessage, { type: 'GRANT' }>): void {
    const request = this.pending.get(at)?.get(message.blockId);
    if (request === undefined || request.requestId !== message.requestId) return;
    const cache = this.cacheOf(at);
    if (message.mode === 'N') {
      const agedOut = cache.isAgingOut(message.blockId);
      this.writeBack(at, message.blockId);
      cache.drop(message.blockId);
      if (agedOut) {
        this.counters.bufferEvictions += 1;
        this.countersOf(at).bufferEvictions += 1;
      }
    } else if (message.fromDisk) {
      cache.install(this.host.storage.readDisk(message.blockId), message.mode, false);
      this.counters.cacheMisses += 1;
      this.countersOf(at).cacheMisses += 1;
      this.makeRoom(at);
    } else {
      const cached = cache.get(message.blockId);
      assert(cached !== undefined, `${at} holds ${message.blockId} when granted ${message.mode} in place`);
      if (message.mode === 'X') cached.mode = 'X';
    }
    this.counters.grants += 1;
    this.countersOf(at).grants += 1;
    this.finishRequest(at, from, message.blockId, message.requestId);
  }

  /**
   * A block was installed: past the cache's size, the least recently used blocks not in use (no
   * request of this instance on them) are released through their masters, as a read of them
   * would be, so the directory always knows who holds what. The cache holds more than its size
   * only while those releases are in flight, or while every block it holds is in use.
   */
  private makeRoom(instanceId: string): void {
    const cache = this.cacheOf(instanceId);
    let excess = cache.size() - cache.agingOutCount() - this.host.bufferCacheBlocks;
    if (excess <= 0) return;
    const requests = this.pending.get(instanceId);
    const victims: BlockId[] = [];
    for (const blockId of cache.leastRecentlyUsed()) {
      if (excess <= 0) break;
      if (cache.isAgingOut(blockId) || requests?.has(blockId) === true) continue;
      victims.push(blockId);
      excess -= 1;
    }
    for (const blockId of victims) {
      cache.markAgingOut(blockId);
      this.release(instanceId, blockId);
    }
  }

  private finishRequest(at: string, master: string, blockId: BlockId, requestId: string): void {
    const requests = this.pending.get(at)!;
    const request = requests.get(blockId)!;
    requests.delete(blockId);
    this.post(at, master, { type: 'DONE', requestId, blockId }, CONTROL_MESSAGE_BYTES);
    for (const op of request.waiters) this.run(op);
  }

  private onDone(at: string, message: Extract<GcsMessage, { type: 'DONE' }>): void {
    const entry = this.directory.get(message.blockId);
    const active = entry?.active;
    if (entry === undefined || active === null || active === undefined || active.requestId !== message.requestId || active.master !== at) return;
    switch (active.mode) {
      case 'N':
        entry.holders.delete(active.requester);
        break;
      case 'S':
        entry.holders.set(active.requester, 'S');
        if (active.source !== null && active.sourceMode === 'X') entry.holders.set(active.source, 'S');
        break;
      case 'X':
        entry.holders.clear();
        entry.holders.set(active.requester, 'X');
        break;
    }
    entry.active = null;
    this.processNext(entry);
  }

  private startMove(entry: DirectoryEntry, master: string, move: PendingMove): void {
    entry.pendingMove = null;
    if (!this.host.isRunning(move.target)) {
      this.processNext(entry);
      return;
    }
    if (move.target === master) {
      this.host.grd.setMaster(entry.blockId, master, move.placement);
      this.processNext(entry);
      return;
    }
    entry.moving = true;
    this.movesInFlight.set(entry.blockId, move);
    // The entry (holders and queue) travels with the message.
    this.post(master, move.target, { type: 'REMASTER', resourceId: entry.blockId, requestedAtMs: move.requestedAtMs }, CONTROL_MESSAGE_BYTES + 16 * entry.holders.size);
  }

  private readonly movesInFlight = new Map<BlockId, PendingMove>();

  private onRemasterArrived(at: string, from: string, message: Extract<GcsMessage, { type: 'REMASTER' }>): void {
    const entry = this.directory.get(message.resourceId);
    const move = this.movesInFlight.get(message.resourceId);
    if (entry === undefined || move === undefined || !entry.moving || move.target !== at) return;
    this.movesInFlight.delete(message.resourceId);
    entry.moving = false;
    this.host.grd.setMaster(message.resourceId, at, move.placement);
    this.host.grd.resetAccesses(message.resourceId);
    const latencyMs = this.host.clock.now() - message.requestedAtMs;
    this.host.grd.countRemaster(message.resourceId, latencyMs, this.host.clock.now(), move.placement);
    this.host.remastered?.(message.resourceId, from, at, latencyMs, move.reason);
    this.processNext(entry);
  }

  private retryParked(): void {
    const parked = this.parked;
    this.parked = [];
    for (const op of parked) this.run(op);
  }

  private failOpsOfGoneInstances(): void {
    const now = this.host.clock.now();
    const kept: BlockOp[] = [];
    for (const op of this.parked) {
      if (op.handle.status !== 'PENDING') continue;
      if (this.host.isRunning(op.instanceId)) kept.push(op);
      else op.handle.fail(`instance ${op.instanceId} is not running`, now);
    }
    this.parked = kept;
  }

  /** Fails every operation of an instance that went away (its requests die with it). */
  failOpsOf(instanceId: string, reason: string): void {
    const now = this.host.clock.now();
    const requests = this.pending.get(instanceId);
    if (requests !== undefined) {
      for (const request of requests.values()) for (const op of request.waiters) if (op.handle.status === 'PENDING') op.handle.fail(reason, now);
      requests.clear();
    }
    this.parked = this.parked.filter((op) => {
      if (op.instanceId !== instanceId) return true;
      if (op.handle.status === 'PENDING') op.handle.fail(reason, now);
      return false;
    });
  }

  /** Modes of every cached copy of a block, by instance (the truth the coherence invariants are checked on). */
  cachedModes(blockId: BlockId): Record<string, LockMode> {
    const modes: Record<string, LockMode> = {};
    for (const [instanceId, cache] of this.caches) {
      const mode = cache.modeOf(blockId);
      if (mode !== 'N') modes[instanceId] = mode;
    }
    return modes;
  }

  /** @throws DomainError NOT_FOUND for a block the storage lacks. */
  assertBlock(blockId: BlockId): void {
    if (!this.host.storage.hasBlock(blockId)) throw new DomainError('NOT_FOUND', `Block ${blockId} does not exist.`, { blockId });
  }
}
