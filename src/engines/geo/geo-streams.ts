/**
 * Geo streams (README, "Geo streams"): one datacenter's WAL, decoded, shipped in compressed
 * batches over the WAN link to another datacenter's writable node, applied once and in order,
 * acknowledged back; lag, per-level acknowledgement and vector clocks from those positions.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { VirtualClock, TimerId } from '../runtime/clock.js';
import type { SimNetwork } from '../runtime/network.js';
import { DomainError } from '../runtime/domain-error.js';
import { nextNumberedId } from './numbered-ids.js';
import { decodeChanges, type DecodedChange } from '../replication/logical-decoding.js';
import { MAX_CHANGES_PER_TRANSACTION, type NodeStorage } from '../replication/node-storage.js';
import type { WriteRole } from '../replication/replication-cluster.js';
import type { Lsn } from '../replication/lsn.js';
import type { RowWrite, WalRecord } from '../replication/wal-record.js';
import type { Datacenter, Datacenters } from './datacenters.js';
import type { WanLinks } from './wan-links.js';
import { acknowledgedAt, type ConsistencyLevel } from './consistency.js';
import { mergeClocks, type VectorClock } from '../conflicts/vector-clock.js';
import { BATCH_MAX_BYTES, BATCH_MAX_RECORDS, COMPRESSION_LEVEL, MAX_LEVEL_HISTORY, MAX_STREAMS, RETRANSMIT_SLACK_MS, SHIP_INTERVAL_MS } from './geo-config.js';

/** A datacenter's version vector: datacenter id → LSN (README, "Vector clocks"); the conflicts engine's clocks. */
export type DatacenterClock = VectorClock;

/** What the geo network carries. */
export type GeoMessage =
  | { kind: 'batch'; streamId: string; firstLsn: Lsn; endLsn: Lsn; lastCommitMs: number; payload: Buffer; sourceClock: DatacenterClock | null }
  | { kind: 'ack'; streamId: string; appliedLsn: Lsn };

/** The part of the replication cluster streams use (ReplicationCluster satisfies it). */
export interface StreamReplication {
  nodeIds(): string[];
  writeRoleOf(nodeId: string): WriteRole;
  isRunning(nodeId: string): boolean;
  storageOf(nodeId: string): NodeStorage;
  commitOn(nodeId: string, writes: readonly RowWrite[]): WalRecord;
}

export type StreamState = 'STREAMING' | 'CATCHING_UP' | 'DISCONNECTED' | 'BROKEN';

export interface LevelChange {
  /** Writes whose WAL starts here or later are acknowledged at `level`. */
  fromLsn: Lsn;
  level: ConsistencyLevel;
  changedAtMs: number;
}

/** A stream as persisted. */
export interface GeoStreamRecord {
  streamId: string;
  sourceDatacenterId: string;
  targetDatacenterId: string;
  sourceNodeId: string;
  targetNodeId: string;
  createdAtMs: number;
  levels: LevelChange[];
  /** End of the last change applied on the target (the origin's remote_lsn). */
  appliedLsn: Lsn;
  /** What the source learned through acknowledgements. */
  confirmedLsn: Lsn;
  /** Highest position up to which every write met its level. */
  acknowledgedLsn: Lsn;
  /** The source's other clock entries as of the last time the target caught up. */
  inheritedClock: DatacenterClock;
  brokenReason: string | null;
  counters: StreamCounters;
}

export interface StreamCounters {
  batchesShipped: number;
  /** WAL transactions shipped and applied. */
  transactionsApplied: number;
  /** Row changes applied. */
  operationsApplied: number;
  rawBytes: number;
  compressedBytes: number;
  /** CPU spent compressing, measured with process.cpuUsage (not cluster time). */
  compressionCpuMicros: number;
  retransmits: number;
  applyErrors: number;
  /** Deletes of rows the target did not have (it started after them). */
  skippedDeletes: number;
  lastAppliedAtMs: number | null;
  /** Cluster ms from commit on the source to acknowledgement at its level, of the last write acknowledged. */
  lastAckLatencyMs: number | null;
  maxAckLatencyMs: number | null;
  lastError: string | null;
}

export interface GeoStreamView extends Omit<GeoStreamRecord, 'levels' | 'inheritedClock' | 'brokenReason'> {
  consistencyLevel: ConsistencyLevel;
  levelHistory: LevelChange[];
  state: StreamState;
  stateReason: string | null;
  /** The source node's end of WAL. */
  sourceLsn: Lsn;
  lagBytes: number;
  lagOperations: number;
  lagMs: number;
  unacknowledgedOperations: number;
  /** Datacenters that have not applied the oldest unacknowledged write (what its level waits for). */
  waitingFor: string[];
}

export interface CreateStreamInput {
  sourceDatacenterId: string;
  targetDatacenterId: string;
  consistencyLevel?: ConsistencyLevel;
}

export interface GeoStreamsDeps {
  replication: StreamReplication;
  datacenters: Datacenters;
  links: WanLinks;
  clock: VirtualClock;
  network: SimNetwork<GeoMessage>;
  persist: (streamId: string, record: GeoStreamRecord) => void;
  /** CPU microseconds this process has used; a measurement only, never read by a decision. */
  cpuMicros: () => number;
}

/** Most WAL records one settling of acknowledgements reads (the rest wait for the next tick). */
const MAX_SETTLE_RECORDS = 1000;

interface InFlight {
  firstLsn: Lsn;
  endLsn: Lsn;
  message: Extract<GeoMessage, { kind: 'batch' }>;
  records: number;
  operations: number;
  timer: TimerId | null;
}

export class GeoStreams {
  private readonly records = new Map<string, GeoStreamRecord>();
  private readonly inFlight = new Map<string, InFlight>();
  private readonly attached = new Set<string>();
  private readonly shipTimer: TimerId;

  constructor(
    private readonly deps: GeoStreamsDeps,
    restored: readonly GeoStreamRecord[] = [],
  ) {
    for (const record of restored) {
      this.records.set(record.streamId, record);
      this.attachNodes(record);
    }
    this.shipTimer = deps.clock.every(SHIP_INTERVAL_MS, () => this.tick());
  }

  close(): void {
    this.deps.clock.cancel(this.shipTimer);
    for (const flight of this.inFlight.values()) if (flight.timer !== null) this.deps.clock.cancel(flight.timer);
    this.inFlight.clear();
  }

  // ---------------------------------------------------------------- operations

  list(): GeoStreamView[] {
    return [...this.records.values()].map((record) => this.view(record));
  }

  /** @throws DomainError NOT_FOUND */
  get(streamId: string): GeoStreamView {
    return this.view(this.recordOf(streamId));
  }

  /** Streams that use a datacenter, for the delete check. */
  usersOf(datacenterId: string): { kind: string; id: string }[] {
    return [...this.records.values()]
      .filter((record) => record.sourceDatacenterId === datacenterId || record.targetDatacenterId === datacenterId)
      .map((record) => ({ kind: 'geo stream', id: record.streamId }));
  }

  /**
   * Starts a stream from the source's current end of WAL (no initial copy).
   * @throws DomainError UNPROCESSABLE (same datacenter), NOT_FOUND, CONFLICT (no writable node,
   * a stream between them already, a cycle, the limit).
   */
  create(input: CreateStreamInput): GeoStreamView {
    const { sourceDatacenterId, targetDatacenterId } = input;
    if (sourceDatacenterId === targetDatacenterId) throw new DomainError('UNPROCESSABLE', `A stream needs two datacenters; both are ${sourceDatacenterId}.`, { datacenterId: sourceDatacenterId });
    const source = this.deps.datacenters.get(sourceDatacenterId);
    const target = this.deps.datacenters.get(targetDatacenterId);
    if (this.records.size >= MAX_STREAMS) throw new DomainError('CONFLICT', `There are already ${MAX_STREAMS} geo streams, the most allowed.`, { limit: MAX_STREAMS });
    const existing = [...this.records.values()].find((record) => record.sourceDatacenterId === sourceDatacenterId && record.targetDatacenterId === targetDatacenterId);
    if (existing) throw new DomainError('CONFLICT', `Stream ${existing.streamId} already ships ${sourceDatacenterId} to ${targetDatacenterId}.`, { streamId: existing.streamId });
    if (this.reaches(targetDatacenterId, sourceDatacenterId)) {
      throw new DomainError('CONFLICT', `${targetDatacenterId} already ships to ${sourceDatacenterId}: a stream back would apply changes in a cycle. Two-way replication is a multi-master group's job.`, { sourceDatacenterId, targetDatacenterId });
    }
    const sourceNodeId = this.writableNodeOf(source);
    const targetNodeId = this.writableNodeOf(target);
    const nowMs = this.deps.clock.now();
    const startLsn = this.deps.replication.storageOf(sourceNodeId).positions().writeLsn;
    const record: GeoStreamRecord = {
      streamId: this.nextId(),
      sourceDatacenterId,
      targetDatacenterId,
      sourceNodeId,
      targetNodeId,
      createdAtMs: nowMs,
      levels: [{ fromLsn: startLsn, level: input.consistencyLevel ?? 'Local', changedAtMs: nowMs }],
      appliedLsn: startLsn,
      confirmedLsn: startLsn,
      acknowledgedLsn: startLsn,
      inheritedClock: {},
      brokenReason: null,
      counters: emptyCounters(),
    };
    this.records.set(record.streamId, record);
    this.attachNodes(record);
    this.deps.persist(record.streamId, record);
    return this.view(record);
  }

  /**
   * Sets the level for writes from now on: those whose WAL starts at or after the source's current
   * end of WAL. Earlier writes keep theirs.
   */
  setLevel(streamId: string, level: ConsistencyLevel): GeoStreamView {
    const record = this.recordOf(streamId);
    const current = record.levels[record.levels.length - 1]!;
    if (current.level !== level) {
      const fromLsn = this.sourceEnd(record);
      const levels = current.fromLsn === fromLsn ? record.levels.slice(0, -1) : [...record.levels];
      levels.push({ fromLsn, level, changedAtMs: this.deps.clock.now() });
      // Bounded: the oldest entries go once every write under them is acknowledged (the last one before acknowledgedLsn stays).
      while (levels.length > MAX_LEVEL_HISTORY && levels[1]!.fromLsn <= record.acknowledgedLsn) levels.shift();
      record.levels = levels;
      this.settleAcknowledgements(record);
      this.deps.persist(streamId, record);
    }
    return this.view(record);
  }

  /** A datacenter's vector clock: its own end of WAL, and per source the last position applied here. */
  clockOf(datacenterId: string): DatacenterClock {
    const datacenter = this.deps.datacenters.get(datacenterId);
    let clock: DatacenterClock = {};
    for (const record of this.records.values()) {
      if (record.targetDatacenterId !== datacenterId) continue;
      // What the source had applied of this datacenter's own writes came from here: its own entry stays its own.
      const { [datacenterId]: _mine, ...inherited } = record.inheritedClock;
      clock = mergeClocks(clock, mergeClocks(inherited, { [record.sourceDatacenterId]: record.appliedLsn }));
    }
    const own = this.ownNodeOf(datacenter);
    return mergeClocks(clock, { [datacenterId]: own === null ? 0 : this.deps.replication.storageOf(own).positions().writeLsn });
  }

  // ---------------------------------------------------------------- shipping

  private tick(): void {
    for (const record of this.records.values()) {
      this.settleAcknowledgements(record);
      if (!this.inFlight.has(record.streamId)) this.ship(record);
    }
  }

  private ship(record: GeoStreamRecord): void {
    if (record.brokenReason !== null || !this.deps.replication.isRunning(record.sourceNodeId)) return;
    const storage = this.deps.replication.storageOf(record.sourceNodeId);
    if (record.confirmedLsn >= storage.positions().writeLsn) return;
    const read = storage.readWal(record.confirmedLsn, { maxBytes: BATCH_MAX_BYTES, maxRecords: BATCH_MAX_RECORDS });
    if (read.gone || (read.records[0] !== undefined && read.records[0].lsn !== record.confirmedLsn)) {
      record.brokenReason = `the source ${record.sourceNodeId} removed the WAL from ${record.confirmedLsn} before it shipped`;
      record.counters.lastError = record.brokenReason;
      this.deps.persist(record.streamId, record);
      return;
    }
    const records: WalRecord[] = [];
    let operations = 0;
    for (const walRecord of read.records) {
      const count = walRecord.change.changes.length;
      // One applying transaction per batch: within node storage's limit of changes per transaction.
      if (records.length > 0 && operations + count > MAX_CHANGES_PER_TRANSACTION) break;
      records.push(walRecord);
      operations += count;
    }
    const last = records[records.length - 1];
    if (last === undefined) return;
    const changes = decodeChanges(records);
    const raw = Buffer.from(JSON.stringify(changes));
    const cpuBeforeMicros = this.deps.cpuMicros();
    const payload = deflateRawSync(raw, { level: COMPRESSION_LEVEL });
    record.counters.compressionCpuMicros += this.deps.cpuMicros() - cpuBeforeMicros;
    record.counters.rawBytes += raw.length;
    record.counters.compressedBytes += payload.length;
    record.counters.batchesShipped += 1;
    const caughtUp = last.endLsn >= storage.positions().writeLsn;
    const message: InFlight['message'] = {
      kind: 'batch',
      streamId: record.streamId,
      firstLsn: record.confirmedLsn,
      endLsn: last.endLsn,
      lastCommitMs: last.atMs,
      payload,
      // The source's other entries travel only when the batch reaches its end of WAL: then everything they count is in it.
      sourceClock: caughtUp ? this.clockOf(record.sourceDatacenterId) : null,
    };
    const flight: InFlight = { firstLsn: record.confirmedLsn, endLsn: last.endLsn, message, records: records.length, operations: changes.length, timer: null };
    this.inFlight.set(record.streamId, flight);
    this.transmit(record, flight);
  }

  /** Sends after the transmission time over the link's bandwidth; sends again when no ack came in time. */
  private transmit(record: GeoStreamRecord, flight: InFlight): void {
    const link = this.deps.links.linkBetween(record.sourceDatacenterId, record.targetDatacenterId);
    const transmitMs = Math.ceil((flight.message.payload.length * 1000) / link.bandwidthBytesPerSecond);
    this.deps.clock.after(transmitMs, () => {
      if (this.inFlight.get(record.streamId) === flight) this.deps.network.send(record.sourceNodeId, record.targetNodeId, flight.message);
    });
    flight.timer = this.deps.clock.after(transmitMs + 4 * link.latencyMs + RETRANSMIT_SLACK_MS, () => {
      if (this.inFlight.get(record.streamId) !== flight) return;
      record.counters.retransmits += 1;
      this.transmit(record, flight);
    });
  }

  private receive(nodeId: string, from: string, message: GeoMessage): void {
    const record = this.records.get(message.streamId);
    if (record === undefined) return;
    if (message.kind === 'ack') {
      if (nodeId === record.sourceNodeId) this.acknowledged(record, message.appliedLsn);
      return;
    }
    if (nodeId !== record.targetNodeId) return;
    if (message.firstLsn === record.appliedLsn) this.apply(record, message);
    // Applied (now or before, in part or whole): say how far, so the source ships from there. A batch
    // after a gap is ignored until the gap is sent.
    if (record.appliedLsn > message.firstLsn) this.deps.network.send(nodeId, from, { kind: 'ack', streamId: record.streamId, appliedLsn: record.appliedLsn });
  }

  private apply(record: GeoStreamRecord, message: Extract<GeoMessage, { kind: 'batch' }>): void {
    const changes = JSON.parse(inflateRawSync(message.payload).toString('utf8')) as DecodedChange[];
    const storage = this.deps.replication.storageOf(record.targetNodeId);
    const writes: RowWrite[] = [];
    const present = new Map<string, boolean>();
    let skippedDeletes = 0;
    for (const change of changes) {
      const key = `${change.table}\u0000${change.key}`;
      const exists = present.get(key) ?? storage.getRow(change.table, change.key) !== undefined;
      if (change.op === 'delete') {
        if (!exists) {
          skippedDeletes += 1;
          continue;
        }
        writes.push({ op: 'delete', table: change.table, key: change.key });
        present.set(key, false);
      } else {
        writes.push({ op: 'put', table: change.table, key: change.key, row: change.row ?? {} });
        present.set(key, true);
      }
    }
    try {
      if (writes.length > 0) this.deps.replication.commitOn(record.targetNodeId, writes);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      record.counters.applyErrors += 1;
      record.counters.lastError = error.message;
      return;
    }
    const nowMs = this.deps.clock.now();
    record.appliedLsn = message.endLsn;
    record.counters.transactionsApplied += new Set(changes.map((change) => change.lsn)).size;
    record.counters.operationsApplied += changes.length;
    record.counters.skippedDeletes += skippedDeletes;
    record.counters.lastAppliedAtMs = nowMs;
    if (message.sourceClock !== null) {
      const { [record.sourceDatacenterId]: _own, ...others } = message.sourceClock;
      record.inheritedClock = others;
    }
    this.deps.persist(record.streamId, record);
  }

  private acknowledged(record: GeoStreamRecord, appliedLsn: Lsn): void {
    if (appliedLsn <= record.confirmedLsn) return;
    record.confirmedLsn = appliedLsn;
    // The next batch starts where the target is, whatever was in flight.
    const flight = this.inFlight.get(record.streamId);
    if (flight !== undefined) {
      if (flight.timer !== null) this.deps.clock.cancel(flight.timer);
      this.inFlight.delete(record.streamId);
    }
    // Every stream from this source may now acknowledge more (a Global write counts every target).
    for (const other of this.records.values()) if (other.sourceNodeId === record.sourceNodeId) this.settleAcknowledgements(other);
    this.deps.persist(record.streamId, record);
    this.ship(record);
  }

  /** Moves acknowledgedLsn past every write that now meets its level, noting the latency of the last. */
  private settleAcknowledgements(record: GeoStreamRecord): void {
    if (!this.deps.replication.isRunning(record.sourceNodeId)) return;
    const storage = this.deps.replication.storageOf(record.sourceNodeId);
    if (record.acknowledgedLsn >= storage.positions().writeLsn) return;
    const read = storage.readWal(record.acknowledgedLsn, { maxRecords: MAX_SETTLE_RECORDS });
    if (read.gone) return;
    const datacenters = this.deps.datacenters.list();
    const writer = datacenters.find((datacenter) => datacenter.datacenterId === record.sourceDatacenterId);
    if (writer === undefined) return;
    const nowMs = this.deps.clock.now();
    for (const walRecord of read.records) {
      const applied = this.appliedSet(record, walRecord.endLsn);
      if (!acknowledgedAt(levelAt(record, walRecord.lsn), writer, datacenters, applied)) break;
      record.acknowledgedLsn = walRecord.endLsn;
      const latencyMs = nowMs - walRecord.atMs;
      record.counters.lastAckLatencyMs = latencyMs;
      record.counters.maxAckLatencyMs = Math.max(record.counters.maxAckLatencyMs ?? 0, latencyMs);
    }
  }

  /** The datacenters holding the source's WAL up to `endLsn`: the source, and targets of its streams that applied it. */
  private appliedSet(record: GeoStreamRecord, endLsn: Lsn): Set<string> {
    const applied = new Set([record.sourceDatacenterId]);
    for (const other of this.records.values()) {
      if (other.sourceNodeId === record.sourceNodeId && other.confirmedLsn >= endLsn) applied.add(other.targetDatacenterId);
    }
    return applied;
  }

  // ---------------------------------------------------------------- views

  private view(record: GeoStreamRecord): GeoStreamView {
    const { levels, inheritedClock: _inherited, brokenReason, ...rest } = record;
    const running = this.deps.replication.isRunning(record.sourceNodeId);
    const storage = this.deps.replication.storageOf(record.sourceNodeId);
    const sourceLsn = storage.positions().writeLsn;
    const pending = running ? storage.readWal(record.appliedLsn, { maxRecords: 100_000 }) : { gone: true as const };
    const pendingRecords = pending.gone ? [] : pending.records;
    const lagOperations = pendingRecords.reduce((sum, walRecord) => sum + walRecord.change.changes.length, 0);
    const nowMs = this.deps.clock.now();
    const lagMs = pendingRecords[0] === undefined ? 0 : nowMs - pendingRecords[0].atMs;
    const unacknowledged = running ? storage.readWal(record.acknowledgedLsn, { maxRecords: 100_000 }) : { gone: true as const };
    const unacknowledgedRecords = unacknowledged.gone ? [] : unacknowledged.records;
    const oldest = unacknowledgedRecords[0];
    const waitingFor = oldest === undefined ? [] : this.deps.datacenters.list().map((datacenter) => datacenter.datacenterId).filter((id) => !this.appliedSet(record, oldest.endLsn).has(id));
    const { state, reason } = this.stateOf(record, sourceLsn - record.appliedLsn);
    return {
      ...rest,
      counters: { ...record.counters },
      consistencyLevel: levels[levels.length - 1]!.level,
      levelHistory: levels.map((change) => ({ ...change })),
      state,
      stateReason: reason ?? brokenReason,
      sourceLsn,
      lagBytes: Math.max(0, sourceLsn - record.appliedLsn),
      lagOperations,
      lagMs,
      unacknowledgedOperations: unacknowledgedRecords.reduce((sum, walRecord) => sum + walRecord.change.changes.length, 0),
      waitingFor,
    };
  }

  private stateOf(record: GeoStreamRecord, lagBytes: number): { state: StreamState; reason: string | null } {
    if (record.brokenReason !== null) return { state: 'BROKEN', reason: record.brokenReason };
    if (!this.deps.replication.isRunning(record.sourceNodeId)) return { state: 'DISCONNECTED', reason: `the source node ${record.sourceNodeId} is down` };
    if (!this.deps.replication.isRunning(record.targetNodeId)) return { state: 'DISCONNECTED', reason: `the target node ${record.targetNodeId} is down` };
    if (this.deps.replication.writeRoleOf(record.targetNodeId) === 'STANDBY') return { state: 'DISCONNECTED', reason: `the target node ${record.targetNodeId} became a standby and takes no writes` };
    const link = this.deps.links.linkBetween(record.sourceDatacenterId, record.targetDatacenterId);
    if (link.partitioned) return { state: 'DISCONNECTED', reason: `the WAN link ${record.sourceDatacenterId}-${record.targetDatacenterId} is partitioned` };
    return lagBytes > BATCH_MAX_BYTES ? { state: 'CATCHING_UP', reason: null } : { state: 'STREAMING', reason: null };
  }

  // ---------------------------------------------------------------- internals

  private sourceEnd(record: GeoStreamRecord): Lsn {
    return this.deps.replication.storageOf(record.sourceNodeId).positions().writeLsn;
  }

  private ownNodeOf(datacenter: Datacenter): string | null {
    const known = new Set(this.deps.replication.nodeIds());
    return datacenter.nodeIds.find((nodeId) => known.has(nodeId) && this.deps.replication.writeRoleOf(nodeId) !== 'STANDBY') ?? null;
  }

  /** @throws DomainError CONFLICT naming the roles when the datacenter has no writable node. */
  private writableNodeOf(datacenter: Datacenter): string {
    const nodeId = this.ownNodeOf(datacenter);
    if (nodeId !== null) return nodeId;
    const known = new Set(this.deps.replication.nodeIds());
    const roles = datacenter.nodeIds.map((id) => `${id} ${known.has(id) ? this.deps.replication.writeRoleOf(id) : 'not replicated'}`).join(', ');
    throw new DomainError('CONFLICT', `Datacenter ${datacenter.datacenterId} has no writable node (PRIMARY or STANDALONE): ${roles}.`, { datacenterId: datacenter.datacenterId });
  }

  /** Whether changes applied at `from` already reach `to` through streams. */
  private reaches(from: string, to: string): boolean {
    const seen = new Set<string>();
    const pending = [from];
    while (pending.length > 0) {
      const at = pending.pop()!;
      if (at === to) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      for (const record of this.records.values()) if (record.sourceDatacenterId === at) pending.push(record.targetDatacenterId);
    }
    return false;
  }

  private attachNodes(record: GeoStreamRecord): void {
    for (const nodeId of [record.sourceNodeId, record.targetNodeId]) {
      if (this.attached.has(nodeId)) continue;
      this.attached.add(nodeId);
      this.deps.network.attach(nodeId, (from, message) => this.receive(nodeId, from, message));
    }
  }

  private recordOf(streamId: string): GeoStreamRecord {
    const record = this.records.get(streamId);
    if (record === undefined) throw new DomainError('NOT_FOUND', `No geo stream has id "${streamId}".`, { resource: 'geo.stream', id: streamId });
    return record;
  }

  private nextId(): string {
    return nextNumberedId('stream', this.records.keys());
  }
}

function levelAt(record: GeoStreamRecord, lsn: Lsn): ConsistencyLevel {
  let level = record.levels[0]!.level;
  for (const change of record.levels) if (change.fromLsn <= lsn) level = change.level;
  return level;
}

function emptyCounters(): StreamCounters {
  return {
    batchesShipped: 0,
    transactionsApplied: 0,
    operationsApplied: 0,
    rawBytes: 0,
    compressedBytes: 0,
    compressionCpuMicros: 0,
    retransmits: 0,
    applyErrors: 0,
    skippedDeletes: 0,
    lastAppliedAtMs: null,
    lastAckLatencyMs: null,
    maxAckLatencyMs: null,
    lastError: null,
  };
}
