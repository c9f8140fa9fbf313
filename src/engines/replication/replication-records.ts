/**
 * The replication engine mirrored into the platform's store (in the style of raft-records.ts),
 * so tables, WAL, positions, slots, config, timelines and the workload survive a server
 * restart. One record per WAL record and per row: a write stores only what it changed.
 */
import type { Journal } from '../../store/journal.js';
import { encodeJson } from '../../store/json-values.js';
import type { JsonText, Store } from '../../store/port.js';
import type { NodePositions, NodeStorageState, PreparedTransaction, StorageListener, WalDiscardReason } from './node-storage.js';
import type { ReplicationConfig } from './replication-config.js';
import type { ReplicationSlot } from './slots.js';
import type { StoredRow, WalRecord } from './wal-record.js';
import type { CommitCounters } from './commit-tracker.js';
import type { WorkloadSettings } from './workload.js';

export const REPLICATION_WAL_RECORD = 'replication.wal';
export const REPLICATION_POSITION_RECORD = 'replication.position';
export const REPLICATION_ROW_RECORD = 'replication.row';
export const REPLICATION_SLOT_RECORD = 'replication.slot';
export const REPLICATION_CONFIG_RECORD = 'replication.config';
export const REPLICATION_TIMELINE_RECORD = 'replication.timeline';
export const REPLICATION_CLUSTER_RECORD = 'replication.cluster';
export const REPLICATION_WORKLOAD_RECORD = 'replication.workload';
/** Each node's two-phase state (pg_twophase): prepared transactions and heuristic outcomes. */
export const REPLICATION_TWOPHASE_RECORD = 'replication.twophase';

/** One switch of timeline, as PostgreSQL's timeline history files record it. */
export interface TimelineHistoryEntry {
  /** The timeline that ended. */
  timeline: number;
  /** Where it ended: the next timeline starts here. */
  switchLsn: number;
  previousPrimaryId: string;
  newPrimaryId: string;
  atMs: number;
  reason: string;
}

/** A replica as the store keeps it (the stream itself is rebuilt at start). */
export interface StoredReplica {
  replicaId: string;
  addedAtMs: number;
  rejoining: boolean;
  copying: boolean;
  needsResync: boolean;
  replayPaused: boolean;
}

/** The host's own state. */
export interface StoredClusterState {
  primaryId: string;
  timeline: number;
  nodeIds: string[];
  replicas: StoredReplica[];
  counters: CommitCounters;
  nextCommitId: number;
  syncAckedLsn: number;
  archive: { nextSegment: number | null; archivedSegments: number };
}

/** Everything {@link loadReplicationState} reads back. */
export interface ReplicationRestore {
  config: ReplicationConfig;
  cluster: StoredClusterState;
  nodes: Record<string, NodeStorageState>;
  slots: ReplicationSlot[];
  history: TimelineHistoryEntry[];
  workload: WorkloadSettings | null;
}

/** WAL record ids sort by node, then LSN: `node-1/0000000001000000`. */
function walRecordId(nodeId: string, lsn: number): string {
  return `${nodeId}/${lsn.toString(16).padStart(16, '0')}`;
}

function rowRecordId(nodeId: string, table: string, key: string): string {
  return `${nodeId}/${table}/${key}`;
}

/** Writes every node's changes into the journal, and the host's records on request. */
export class ReplicationJournal implements StorageListener {
  /**
   * Each WAL record's JSON, encoded for the first node that stores it. The primary and every
   * standby hold the same immutable record object (streaming hands it on), so the others reuse it.
   */
  private readonly walJson = new WeakMap<WalRecord, JsonText>();

  constructor(private readonly journal: Journal) {}

  walAppended(nodeId: string, records: readonly WalRecord[]): void {
    for (const record of records) {
      const id = walRecordId(nodeId, record.lsn);
      let json = this.walJson.get(record);
      if (json === undefined) {
        json = encodeJson(record, `value of ${REPLICATION_WAL_RECORD}/${id}`);
        this.walJson.set(record, json);
      }
      this.journal.putEncoded(REPLICATION_WAL_RECORD, id, json);
    }
  }

  walDiscarded(nodeId: string, records: readonly WalRecord[], _reason: WalDiscardReason): void {
    for (const record of records) this.journal.delete(REPLICATION_WAL_RECORD, walRecordId(nodeId, record.lsn));
  }

  positionsChanged(nodeId: string, positions: NodePositions): void {
    this.journal.put(REPLICATION_POSITION_RECORD, nodeId, positions);
  }

  rowChanged(nodeId: string, table: string, key: string, stored: StoredRow | null): void {
    const id = rowRecordId(nodeId, table, key);
    if (stored === null) this.journal.delete(REPLICATION_ROW_RECORD, id);
    else this.journal.put(REPLICATION_ROW_RECORD, id, { table, row: stored });
  }

  twoPhaseChanged(nodeId: string, gid: string, entry: PreparedTransaction | null): void {
    const id = `${nodeId}/${gid}`;
    if (entry === null) this.journal.delete(REPLICATION_TWOPHASE_RECORD, id);
    else this.journal.put(REPLICATION_TWOPHASE_RECORD, id, entry);
  }

  slotChanged(slot: ReplicationSlot): void {
    this.journal.put(REPLICATION_SLOT_RECORD, slot.slotName, slot);
  }

  slotDropped(slotName: string): void {
    this.journal.delete(REPLICATION_SLOT_RECORD, slotName);
  }

  configChanged(config: ReplicationConfig): void {
    this.journal.put(REPLICATION_CONFIG_RECORD, 'current', config);
  }

  timelineSwitched(entry: TimelineHistoryEntry): void {
    this.journal.put(REPLICATION_TIMELINE_RECORD, String(entry.timeline).padStart(10, '0'), entry);
  }

  clusterChanged(state: StoredClusterState): void {
    this.journal.put(REPLICATION_CLUSTER_RECORD, 'current', state);
  }

  workloadChanged(settings: WorkloadSettings): void {
    this.journal.put(REPLICATION_WORKLOAD_RECORD, 'current', settings);
  }
}

/** The engine's state as the store holds it; null when replication never ran. */
export async function loadReplicationState(store: Store): Promise<ReplicationRestore | null> {
  const [cluster, config, workload, positions, wal, rows, slots, history, twoPhase] = await Promise.all([
    store.get<StoredClusterState>(REPLICATION_CLUSTER_RECORD, 'current'),
    store.get<ReplicationConfig>(REPLICATION_CONFIG_RECORD, 'current'),
    store.get<WorkloadSettings>(REPLICATION_WORKLOAD_RECORD, 'current'),
    store.list<NodePositions>(REPLICATION_POSITION_RECORD),
    store.list<WalRecord>(REPLICATION_WAL_RECORD),
    store.list<{ table: string; row: StoredRow }>(REPLICATION_ROW_RECORD),
    store.list<ReplicationSlot>(REPLICATION_SLOT_RECORD),
    store.list<TimelineHistoryEntry>(REPLICATION_TIMELINE_RECORD),
    store.list<PreparedTransaction>(REPLICATION_TWOPHASE_RECORD),
  ]);
  if (cluster === undefined || config === undefined) return null;
  const nodes: Record<string, { positions: NodePositions; records: WalRecord[]; rows: { table: string; row: StoredRow }[]; twoPhase: PreparedTransaction[] }> = {};
  for (const record of positions) nodes[record.id] = { positions: record.value, records: [], rows: [], twoPhase: [] };
  const nodeOf = (id: string) => nodes[id.slice(0, id.indexOf('/'))];
  // Ids sort by node then zero-padded LSN: each node's WAL comes out in order.
  for (const record of wal) nodeOf(record.id)?.records.push(record.value);
  for (const record of rows) nodeOf(record.id)?.rows.push(record.value);
  for (const record of twoPhase) nodeOf(record.id)?.twoPhase.push(record.value);
  return {
    config,
    cluster,
    nodes,
    slots: slots.map((record) => record.value),
    history: history.map((record) => record.value),
    workload: workload ?? null,
  };
}
