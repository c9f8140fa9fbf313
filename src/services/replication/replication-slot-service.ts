import { formatLsn } from '../../engines/replication/lsn.js';
import type { ReplicationCluster } from '../../engines/replication/replication-cluster.js';
import type { SlotView } from '../../engines/replication/replication-views.js';
import type { SlotType, WalStatus } from '../../engines/replication/slots.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { ReplicationServiceDeps } from './replication-service.js';

/** A replication slot as the API shows it (the contract's ReplicationSlot, as pg_replication_slots). */
export interface ReplicationSlotView {
  slotName: string;
  plugin: string | null;
  slotType: SlotType;
  database: string | null;
  active: boolean;
  activeNodeId: string | null;
  replicaId: string | null;
  restartLsn: string | null;
  confirmedFlushLsn: string | null;
  walStatus: WalStatus;
  safeWalSizeBytes: number | null;
  retainedBytes: number;
  catalogXmin: number | null;
  restartDelay: number | null;
  invalidationReason: 'wal_removed' | null;
  createdAt: string;
}

export const REPLICATION_SLOT_FIELDS: readonly (keyof ReplicationSlotView)[] = [
  'slotName', 'plugin', 'slotType', 'database', 'active', 'activeNodeId', 'replicaId', 'restartLsn', 'confirmedFlushLsn', 'walStatus',
  'safeWalSizeBytes', 'retainedBytes', 'catalogXmin', 'restartDelay', 'invalidationReason', 'createdAt',
];

export interface ReplicationSlotQuery {
  slotType?: SlotType;
  active?: boolean;
  walStatus?: WalStatus;
  sortBy?: 'slotName' | 'slotType' | 'retainedBytes' | 'createdAt';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface CreateReplicationSlotRequest {
  slotName: string;
  slotType: SlotType;
  plugin?: string;
  database?: string;
}

/** The simulation's one database: what a logical slot decodes when none is named. */
const DEFAULT_DATABASE = 'rustydb';
const DEFAULT_PLUGIN = 'pgoutput';

/**
 * The API view of an engine slot, measured against the primary's WAL now. Exported for the
 * replication dashboard (slots by walStatus, the most WAL one slot retains).
 */
export function slotViewOf(slot: SlotView, cluster: ReplicationCluster, nowMs: number): ReplicationSlotView {
  const lost = slot.walStatus === 'lost';
  const currentLsn = cluster.currentLsn();
  const oldestNeeded = lost ? undefined : firstRecordFrom(cluster, slot.restartLsn);
  return {
    slotName: slot.slotName,
    plugin: slot.plugin,
    slotType: slot.slotType,
    database: slot.database,
    active: slot.active,
    // A replica's slot is consumed by its standby; a logical slot's consumer is an API client, not a node.
    activeNodeId: slot.active && slot.replicaId !== null ? slot.replicaId : null,
    replicaId: slot.replicaId,
    restartLsn: lost ? null : formatLsn(slot.restartLsn),
    confirmedFlushLsn: slot.confirmedFlushLsn === null ? null : formatLsn(slot.confirmedFlushLsn),
    walStatus: slot.walStatus,
    safeWalSizeBytes: slot.safeWalSizeBytes,
    retainedBytes: lost ? 0 : Math.max(0, currentLsn - slot.restartLsn),
    // The oldest transaction the slot still needs: the first record it has not confirmed.
    catalogXmin: slot.slotType === 'LOGICAL' ? (oldestNeeded?.xid ?? null) : null,
    restartDelay: oldestNeeded === undefined ? null : Math.max(0, nowMs - oldestNeeded.atMs),
    invalidationReason: slot.invalidationReason,
    createdAt: isoTime(slot.createdAtMs),
  };
}

/** The primary's first WAL record from `lsn` on (none when the slot is caught up or its WAL is gone). */
function firstRecordFrom(cluster: ReplicationCluster, lsn: number) {
  const read = cluster.storageOf(cluster.primary()).readWal(lsn, { maxRecords: 1 });
  return read.gone ? undefined : read.records[0];
}


/** Replication slots: list, create, read and drop, physical and logical. */
export class ReplicationSlotService {
  constructor(private readonly deps: ReplicationServiceDeps) {}

  list(context: OperationContext, query: ReplicationSlotQuery): Page<Partial<ReplicationSlotView>> {
    return this.deps.runner.read(context, 'listReplicationSlots', () => {
      const page = pageOf(this.views(), {
        filters: { slotType: query.slotType, active: query.active, walStatus: query.walStatus },
        sortBy: query.sortBy ?? 'slotName',
        order: query.order ?? 'asc',
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'slotName', REPLICATION_SLOT_FIELDS) };
    });
  }

  /** Every slot's view now, by name (for the dashboard). */
  views(): ReplicationSlotView[] {
    const { cluster } = this.deps.engine;
    const nowMs = this.deps.clock.now();
    return cluster.listSlots().map((slot) => slotViewOf(slot, cluster, nowMs));
  }

  get(context: OperationContext, slotName: string): ReplicationSlotView {
    return this.deps.runner.read(context, 'getReplicationSlot', () => this.viewOf(slotName));
  }

  /** @throws CONFLICT (name taken), UNPROCESSABLE (plugin/database on a physical slot, a replica_ name). */
  create(context: OperationContext, request: CreateReplicationSlotRequest): Promise<ReplicationSlotView> {
    return this.deps.runner.run(context, 'createReplicationSlot', `replication.slot/${request.slotName}`, () => {
      const logical = request.slotType === 'LOGICAL';
      const created = this.deps.engine.cluster.createSlot({
        slotName: request.slotName,
        slotType: request.slotType,
        // Logical slots get the contract's defaults; a physical slot passes what was given, so the engine refuses it.
        plugin: logical ? (request.plugin ?? DEFAULT_PLUGIN) : (request.plugin ?? null),
        database: logical ? (request.database ?? DEFAULT_DATABASE) : (request.database ?? null),
      });
      return slotViewOf(created, this.deps.engine.cluster, this.deps.clock.now());
    });
  }

  /** @throws NOT_FOUND; CONFLICT for an active slot or a live replica's own slot. */
  drop(context: OperationContext, slotName: string): Promise<{ id: string; deleted: true }> {
    return this.deps.runner.run(context, 'deleteReplicationSlot', `replication.slot/${slotName}`, () => {
      this.deps.engine.cluster.dropSlot(slotName);
      return { id: slotName, deleted: true as const };
    });
  }

  private viewOf(slotName: string): ReplicationSlotView {
    return slotViewOf(this.deps.engine.cluster.getSlot(slotName), this.deps.engine.cluster, this.deps.clock.now());
  }
}
