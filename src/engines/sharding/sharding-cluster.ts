/**
 * The sharding engine's facade (README, "One shard model with the coordinator", "Where rows
 * live", "Shard states"): the catalog of sharded tables, each on a shard group of the coordinator,
 * its rows in the replication engine's node storage as `<tableName>_<N>` on the shard's primary
 * node, routing joined to nodes, and the steps the move workflows take. One owner each: the
 * coordinator owns placements and states, replication owns nodes and rows, this owns the catalog.
 * Time comes in through `clock`; every change calls `changed` so the module persists it.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { ClusterCoordinator } from '../coordinator/cluster-coordinator.js';
import { groupShardIdOf } from '../coordinator/shard-groups.js';
import { shardIdOf } from '../coordinator/shard-ranges.js';
import type { ReplicationCluster } from '../replication/replication-cluster.js';
import type { RowValue, RowWrite, StoredRow } from '../replication/wal-record.js';
import { effectiveOp, type WorkloadDraw, type WorkloadTableWriter, type WorkloadWrite } from '../replication/workload.js';
import { workloadRowOf } from './workload-rows.js';
import { ShardRouter, type KeyCondition, type KeyRoute, type PredicateRoute } from './shard-router.js';
import { acceptsWrites, servesReads, type ShardStatus, type TransitionActor } from './shard-state.js';
import { DEFAULT_SHARD_GROUP, layoutKeyOf, shardBoundsOf, shardGroupOf, type ShardBounds } from './shard-layout.js';
import { shardCountOf, shardNameOf, validateShardedTable, type ColumnDefinition, type ShardedTableDefinition, type ShardedTableInput } from './sharded-table.js';
import { deleteBatches, keyRows, measureRows, putBatches, validatePrimaryKey, type KeyedRow } from './shard-rows.js';
import { MAX_READ_ROWS, MAX_SHARDED_TABLES, MAX_WRITE_ROWS } from './sharding-config.js';
import { compareKeyValues, type KeyValue } from './shard-key.js';
import type { FieldValue } from '../replication/wal-record.js';

/** A table in the catalog, as persisted. */
export interface ShardedTableRecord {
  definition: ShardedTableDefinition;
  /** The key of a row in its shard table: the shard key columns and maybe more (`shard-rows.ts`). */
  primaryKeyColumns: string[];
  /** The coordinator's shard group: `default`, or a group named after the first table of its layout. */
  group: string;
  createdAtMs: number;
  updatedAtMs: number;
}

/** The persisted catalog. */
export interface ShardingCatalogState {
  tables: ShardedTableRecord[];
  /** Group shards a failover took OFFLINE (they were ACTIVE): ACTIVE again once re-pointed. Absent in catalogs saved before it. */
  offlineByFailover?: string[];
}

export interface ShardedTableView extends ShardedTableRecord {
  tableName: string;
  shardCount: number;
}

export interface CreateTableInput extends ShardedTableInput {
  /** Defaults to the shard key columns; must include them. */
  primaryKeyColumns?: string[];
}

/** What may change of a table: new columns (not in the key), the schema name. The key, strategy and shards change by addShard or a migration. */
export interface AlterTableInput {
  addColumns?: ColumnDefinition[];
  schemaName?: string;
}

/** How a shard is added (README, "Adding a shard"). */
export type AddShardInput =
  | { strategy: 'HASH' }
  | { strategy: 'RANGE'; splitAt: KeyValue }
  | { strategy: 'LIST'; values: KeyValue[] };

/** A table's shard as the API shows it. */
export interface TableShardView {
  tableName: string;
  /** The coordinator's id of the group shard: `shard-N` in the default group, else `<group>-shard-N`. */
  shardId: string;
  shardNumber: number;
  /** `<tableName>_<N>`: the shard's name and its table in node storage. */
  storageTable: string;
  group: string;
  state: ShardStatus;
  bounds: ShardBounds;
  primaryNodeId: string | null;
  /** The physical standbys of the primary node: they hold the rows by replication. */
  replicaNodeIds: string[];
  /** Measured on the node serving reads (the primary, else a running replica); 0 when none can. */
  rowCount: number;
  sizeBytes: number;
}

export interface RoutedKey extends KeyRoute {
  shardId: string;
  state: ShardStatus;
  primaryNodeId: string | null;
  replicaNodeIds: string[];
}

export interface RoutedPredicate extends PredicateRoute {
  shards: { shardNumber: number; shardId: string; storageTable: string; state: ShardStatus; primaryNodeId: string | null; replicaNodeIds: string[] }[];
}

export interface WriteResult {
  tableName: string;
  rowsWritten: number;
  shards: { shardNumber: number; storageTable: string; nodeId: string; rows: number; commits: number; lastLsn: number }[];
}

export interface ShardRows {
  shardNumber: number;
  storageTable: string;
  /** The node read, and whether it is the primary or a hot standby. */
  nodeId: string;
  copy: 'PRIMARY' | 'REPLICA';
  /** Rows in key order. */
  rows: RowValue[];
  total: number;
}

/** Events of the engine; the module wires them to the journal and bus. */
export interface ShardingListener {
  shardAdded?(event: { tableName: string; shardId: string; shardNumber: number; storageTable: string; primaryNodeId: string | null; state: ShardStatus }): void;
  shardRemoved?(event: { tableName: string; shardId: string; shardNumber: number; storageTable: string; primaryNodeId: string | null; rowsDeleted: number }): void;
  shardStateChanged?(event: { tableNames: string[]; shardId: string; from: ShardStatus; to: ShardStatus; actor: TransitionActor; primaryNodeId: string | null }): void;
}

export interface ShardingClusterDeps {
  coordinator: ClusterCoordinator;
  replication: ReplicationCluster;
  clock: { now(): number };
  /** Called after every change of the catalog or of the coordinator's groups and states, to persist both. */
  changed(): void;
  listener?: ShardingListener;
}

export class ShardingCluster {
  private readonly records = new Map<string, ShardedTableRecord>();
  private readonly routers = new Map<string, ShardRouter>();
  private readonly offlineByFailover = new Set<string>();

  constructor(
    private readonly deps: ShardingClusterDeps,
    restored?: ShardingCatalogState,
  ) {
    for (const shardId of restored?.offlineByFailover ?? []) this.offlineByFailover.add(shardId);
    for (const record of restored?.tables ?? []) {
      // Validated again: a stored definition validates to itself, so routing is the same after a restart.
      const definition = validateShardedTable(record.definition);
      this.remember({ ...structuredClone(record), definition });
    }
  }

  // ---------------------------------------------------------------- catalog

  tables(): ShardedTableView[] {
    return [...this.records.values()].sort((a, b) => (a.definition.tableName < b.definition.tableName ? -1 : 1)).map((record) => this.viewOf(record));
  }

  /** @throws NOT_FOUND. */
  table(tableName: string): ShardedTableView {
    return this.viewOf(this.record(tableName));
  }

  router(tableName: string): ShardRouter {
    this.record(tableName);
    return this.routers.get(tableName)!;
  }

  /**
   * Creates a table: validated, joined to its shard group (created when new, its shards CREATING
   * then ACTIVE). @throws UNPROCESSABLE (definition, primary key), CONFLICT (name taken, too many
   * tables, no writable node).
   */
  createTable(input: CreateTableInput): ShardedTableView {
    const definition = validateShardedTable(input);
    const primaryKeyColumns = validatePrimaryKey(definition, input.primaryKeyColumns);
    const { tableName } = definition;
    if (this.records.has(tableName)) throw new DomainError('CONFLICT', `Sharded table "${tableName}" already exists.`, { tableName });
    if (this.records.size >= MAX_SHARDED_TABLES) throw new DomainError('CONFLICT', `The catalog already holds the maximum of ${MAX_SHARDED_TABLES} sharded tables.`);
    const { coordinator } = this.deps;
    const groups = coordinator.shardGroups();
    const group = shardGroupOf(definition, groups.byLayout());
    const joined = groups.byLayout().get(layoutKeyOf(definition)) === group;
    if (group !== DEFAULT_SHARD_GROUP && groups.has(group) && !joined) {
      throw new DomainError('CONFLICT', `Shard group "${group}" (left by a dropped table of that name) holds tables of another layout; choose another table name.`, { tableName, group });
    }
    if (group !== DEFAULT_SHARD_GROUP && !groups.has(group)) {
      coordinator.createShardGroup(group, layoutKeyOf(definition), shardCountOf(definition), this.writableNodeIds());
      for (const shard of groups.shards(group)) this.transition([tableName], shard.shardId, 'ACTIVE', 'WORKFLOW');
    }
    const nowMs = this.deps.clock.now();
    const record: ShardedTableRecord = { definition, primaryKeyColumns, group, createdAtMs: nowMs, updatedAtMs: nowMs };
    this.remember(record);
    this.deps.changed();
    for (const shard of this.shardsOf(tableName)) {
      this.deps.listener?.shardAdded?.({ tableName, shardId: shard.shardId, shardNumber: shard.shardNumber, storageTable: shard.storageTable, primaryNodeId: shard.primaryNodeId, state: shard.state });
    }
    return this.viewOf(record);
  }

  /** Adds columns (not to the key) or renames the schema. @throws NOT_FOUND, UNPROCESSABLE. */
  alterTable(tableName: string, input: AlterTableInput): ShardedTableView {
    const record = this.record(tableName);
    const addColumns = input.addColumns ?? [];
    const taken = addColumns.filter((column) => record.definition.columns.some((existing) => existing.name === column?.name));
    if (taken.length > 0) throw new DomainError('UNPROCESSABLE', `${tableName} already has the columns ${taken.map((column) => column.name).join(', ')}.`, { problems: taken.map((column) => `column ${column.name} exists`) });
    const definition = validateShardedTable({
      ...record.definition,
      schemaName: input.schemaName ?? record.definition.schemaName,
      columns: [...record.definition.columns, ...addColumns],
    });
    const updated = { ...record, definition, updatedAtMs: this.deps.clock.now() };
    this.remember(updated);
    this.deps.changed();
    return this.viewOf(updated);
  }

  /**
   * Drops a table: each shard goes DROPPING (when the group is the table's own), its shard tables
   * are deleted from the primaries' storage, and the table leaves the catalog (its own group with
   * it). @throws NOT_FOUND; CONFLICT when a shard is being moved or a primary cannot take writes
   * (nothing changed then).
   */
  dropTable(tableName: string): { tableName: string; shardsDropped: number; rowsDeleted: number } {
    const record = this.record(tableName);
    const shards = this.shardsOf(tableName);
    const ownGroup = this.ownsGroup(record);
    for (const shard of shards) {
      if (shard.state === 'REBALANCING') throw new DomainError('CONFLICT', `Shard ${shard.storageTable} is REBALANCING; cancel its move before dropping ${tableName}.`, { shardId: shard.shardId, state: shard.state });
      if (this.storedRows(shard.primaryNodeId, shard.storageTable).length > 0) this.requireWritable(shard.primaryNodeId, shard.storageTable);
    }
    if (ownGroup) for (const shard of shards) this.transition([tableName], shard.shardId, 'DROPPING', 'WORKFLOW');
    let rowsDeleted = 0;
    for (const shard of shards) {
      const deleted = this.dropShardTableOn(shard.primaryNodeId, shard.storageTable);
      rowsDeleted += deleted;
      this.deps.listener?.shardRemoved?.({ tableName, shardId: shard.shardId, shardNumber: shard.shardNumber, storageTable: shard.storageTable, primaryNodeId: shard.primaryNodeId, rowsDeleted: deleted });
    }
    if (ownGroup) {
      this.deps.coordinator.shardGroups().remove(record.group);
      for (const shard of shards) this.offlineByFailover.delete(shard.shardId);
    }
    this.records.delete(tableName);
    this.routers.delete(tableName);
    this.deps.changed();
    return { tableName, shardsDropped: shards.length, rowsDeleted };
  }

  /**
   * Adds a shard where the strategy allows it without renumbering shards (README, "Adding a
   * shard"): HASH with CONSISTENT hashing (a ring member more), RANGE by splitting the last range at
   * `splitAt`, LIST by a new list (no default shard). The rows the new shard now owns move to it
   * before it turns ACTIVE. The table must be alone in its group (a colocated group changes for
   * every table). @throws UNPROCESSABLE (strategy, input), CONFLICT (shared group, states, nodes).
   */
  addShard(tableName: string, input: AddShardInput): TableShardView {
    const record = this.record(tableName);
    const definition = this.grownDefinition(record.definition, input);
    if (!this.ownsGroup(record)) {
      throw new DomainError('CONFLICT', `${tableName} shares shard group "${record.group}" with other tables${record.group === DEFAULT_SHARD_GROUP ? ' (the coordinator\'s own)' : ''}; a shard added to it would change their layout. Migrate the table to a layout of its own first.`, { tableName, group: record.group });
    }
    const before = this.shardsOf(tableName);
    for (const shard of before) {
      if (!acceptsWrites(shard.state)) throw new DomainError('CONFLICT', `Shard ${shard.storageTable} is ${shard.state}; a shard can be added only while every shard takes writes.`, { shardId: shard.shardId, state: shard.state });
      this.requireWritable(shard.primaryNodeId, shard.storageTable);
    }
    const { coordinator } = this.deps;
    const added = coordinator.addGroupShard(record.group, this.writableNodeIds());
    coordinator.shardGroups().relayout(record.group, layoutKeyOf(definition));
    const grown = { ...record, definition, updatedAtMs: this.deps.clock.now() };
    this.remember(grown);
    // Rows whose route changed (to the new shard, mostly) move: written where they now belong, then deleted where they were.
    const router = this.routers.get(tableName)!;
    const nodeOf = new Map(before.map((shard) => [shard.shardNumber, shard.primaryNodeId!]));
    nodeOf.set(added.shardNumber, added.primaryNodeId!);
    for (const shard of before) {
      const moving = new Map<number, StoredRow[]>();
      for (const stored of this.storedRows(shard.primaryNodeId, shard.storageTable)) {
        const { shardNumber } = router.routeKey(stored.row);
        if (shardNumber !== shard.shardNumber) moving.set(shardNumber, [...(moving.get(shardNumber) ?? []), stored]);
      }
      for (const [shardNumber, rows] of moving) {
        this.commitAll(nodeOf.get(shardNumber)!, putBatches(shardNameOf(tableName, shardNumber), rows.map(({ key, row }) => ({ key, row }))));
        this.commitAll(shard.primaryNodeId!, deleteBatches(shard.storageTable, rows.map((stored) => stored.key)));
      }
    }
    this.transition([tableName], added.shardId, 'ACTIVE', 'WORKFLOW');
    this.deps.changed();
    const view = this.shardOf(tableName, added.shardNumber);
    this.deps.listener?.shardAdded?.({ tableName, shardId: view.shardId, shardNumber: view.shardNumber, storageTable: view.storageTable, primaryNodeId: view.primaryNodeId, state: view.state });
    return view;
  }

  /** The tables colocated on a shard group, in name order (none for `default`: no table joins it). */
  tablesOfGroup(group: string): string[] {
    return [...this.records.values()].filter((record) => record.group === group).map((record) => record.definition.tableName).sort();
  }

  // ---------------------------------------------------------------- shards

  /** The table's shards in shard order, measured from node storage. */
  shardsOf(tableName: string): TableShardView[] {
    const record = this.record(tableName);
    return shardBoundsOf(record.definition).map((bounds) => this.shardView(record, bounds));
  }

  /** @throws NOT_FOUND for a shard number the table does not have. Unmeasured (`rowCount`, `sizeBytes` 0) unless `measured`. */
  shardOf(tableName: string, shardNumber: number, measured = true): TableShardView {
    const record = this.record(tableName);
    const bounds = shardBoundsOf(record.definition)[shardNumber - 1];
    if (bounds === undefined || !Number.isSafeInteger(shardNumber)) {
      throw new DomainError('NOT_FOUND', `${tableName} has no shard ${shardNumber}.`, { resource: 'sharding.shard', id: shardNameOf(tableName, shardNumber) });
    }
    return this.shardView(record, bounds, measured);
  }

  /**
   * Changes a shard's state (README, "Shard states"): the group shard's, so every table of a
   * colocated group sees it. @throws CONFLICT for a transition the table refuses `actor`.
   */
  setShardState(tableName: string, shardNumber: number, to: ShardStatus, actor: TransitionActor): TableShardView {
    const shard = this.shardOf(tableName, shardNumber);
    this.transition(this.tablesOfGroup(this.record(tableName).group), shard.shardId, to, actor);
    // A state set since the failover is the operator's decision: the re-point no longer restores ACTIVE.
    this.offlineByFailover.delete(shard.shardId);
    this.deps.changed();
    return this.shardOf(tableName, shardNumber);
  }

  /**
   * The move workflow's routing flip: the shard's primary becomes `nodeId` in one step (every
   * table of the group with it). The rows must already be there (copied by the workflow).
   * @throws CONFLICT when `nodeId` cannot take writes.
   */
  repointShard(tableName: string, shardNumber: number, nodeId: string): TableShardView {
    const shard = this.shardOf(tableName, shardNumber);
    this.requireWritable(nodeId, shard.storageTable);
    this.deps.coordinator.repointShard(shard.shardId, nodeId, this.deps.clock.now());
    this.deps.changed();
    return this.shardOf(tableName, shardNumber);
  }

  /**
   * After the physical primary changed (a failover or switchover): each table group's shard whose
   * primary node was demoted to a standby is re-pointed to the new physical primary, which holds
   * the same rows by physical replication, so nothing is copied (Vitess's reparent). An ACTIVE
   * shard is OFFLINE until re-pointed, then ACTIVE; a READ_ONLY or OFFLINE one keeps its state.
   * A shard no writable node can take (the new primary DOWN or not a member) stays OFFLINE, its
   * writes refused with 409 naming the state, until a later call re-points it: then it is ACTIVE
   * again, unless an operator set its state in between. The module calls this on every promotion
   * and every second of cluster time. CREATING, REBALANCING and DROPPING shards are their
   * workflows'.
   */
  followPrimaryChange(): { repointed: string[]; offline: string[] } {
    const { coordinator, replication } = this.deps;
    const groups = coordinator.shardGroups();
    const target = replication.primary();
    const repointed: string[] = [];
    const offline: string[] = [];
    const nodeIds = replication.nodeIds();
    for (const group of groups.names()) {
      for (const shard of groups.shards(group)) {
        const { shardId, primaryNodeId, state } = shard;
        if (primaryNodeId === null || !nodeIds.includes(primaryNodeId) || replication.writeRoleOf(primaryNodeId) !== 'STANDBY') continue;
        if (state !== 'ACTIVE' && state !== 'READ_ONLY' && state !== 'OFFLINE') continue;
        // Only for a shard to re-point: the module calls this every second, and most calls find none.
        const tableNames = this.tablesOfGroup(group);
        const wasServing = state === 'ACTIVE' || (state === 'OFFLINE' && this.offlineByFailover.has(shardId));
        if (state === 'ACTIVE') {
          this.transition(tableNames, shardId, 'OFFLINE', 'WORKFLOW');
          this.offlineByFailover.add(shardId);
        }
        try {
          if (replication.whyNotWritable(target) !== null) throw new DomainError('CONFLICT', `${target} takes no writes`);
          coordinator.repointShard(shardId, target, this.deps.clock.now());
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          if (state === 'READ_ONLY') this.transition(tableNames, shardId, 'OFFLINE', 'WORKFLOW');
          offline.push(shardId);
          continue;
        }
        if (wasServing) {
          this.transition(tableNames, shardId, 'ACTIVE', 'WORKFLOW');
          this.offlineByFailover.delete(shardId);
        }
        repointed.push(shardId);
      }
    }
    if (repointed.length + offline.length > 0) this.deps.changed();
    return { repointed, offline };
  }

  // ---------------------------------------------------------------- routing

  /** The key's one shard, why, and its nodes. @throws UNPROCESSABLE for a key that cannot route. */
  routeKey(tableName: string, key: Readonly<Record<string, FieldValue | undefined>>): RoutedKey {
    const record = this.record(tableName);
    const route = this.routers.get(tableName)!.routeKey(key);
    const shard = this.shardView(record, shardBoundsOf(record.definition)[route.shardIndex]!, false);
    return { ...route, shardId: shard.shardId, state: shard.state, primaryNodeId: shard.primaryNodeId, replicaNodeIds: shard.replicaNodeIds };
  }

  /** The shards a conjunction of conditions can touch, with their nodes. */
  routePredicate(tableName: string, conditions: readonly KeyCondition[]): RoutedPredicate {
    const record = this.record(tableName);
    const route = this.routers.get(tableName)!.routePredicate(conditions);
    const bounds = shardBoundsOf(record.definition);
    const shards = route.shardIndexes.map((index) => {
      const shard = this.shardView(record, bounds[index]!, false);
      return { shardNumber: shard.shardNumber, shardId: shard.shardId, storageTable: shard.storageTable, state: shard.state, primaryNodeId: shard.primaryNodeId, replicaNodeIds: shard.replicaNodeIds };
    });
    return { ...route, shards };
  }

  // ---------------------------------------------------------------- rows

  /**
   * Writes rows (upserts by primary key): each routed to its shard and committed on the shard's
   * primary node in commits of at most MAX_ROWS_PER_COMMIT. Everything is checked before anything
   * is written. @throws UNPROCESSABLE (rows, keys), CONFLICT (a shard in a state that takes no
   * writes, naming it; a primary that cannot take writes).
   */
  writeRows(tableName: string, rows: readonly unknown[]): WriteResult {
    const record = this.record(tableName);
    if (!Array.isArray(rows) || rows.length === 0 || rows.length > MAX_WRITE_ROWS) {
      throw new DomainError('UNPROCESSABLE', `Send 1 to ${MAX_WRITE_ROWS} rows in one write.`, { problems: ['rows must list 1 to ' + MAX_WRITE_ROWS + ' rows'] });
    }
    const keyed = keyRows(record.definition, record.primaryKeyColumns, rows);
    const router = this.routers.get(tableName)!;
    const byShard = new Map<number, KeyedRow[]>();
    for (const row of keyed) {
      const { shardIndex } = router.routeKey(row.row);
      byShard.set(shardIndex, [...(byShard.get(shardIndex) ?? []), row]);
    }
    const bounds = shardBoundsOf(record.definition);
    const targets = [...byShard.keys()].sort((a, b) => a - b).map((index) => this.shardView(record, bounds[index]!, false));
    for (const shard of targets) {
      if (!acceptsWrites(shard.state)) {
        throw new DomainError('CONFLICT', `Shard ${shard.storageTable} is ${shard.state}: it takes no writes${shard.state === 'READ_ONLY' ? ' (reads only)' : ''}.`, { shardId: shard.shardId, storageTable: shard.storageTable, state: shard.state });
      }
      this.requireWritable(shard.primaryNodeId, shard.storageTable);
    }
    const shards = targets.map((shard) => {
      const shardRows = byShard.get(shard.shardNumber - 1)!;
      const records = this.commitAll(shard.primaryNodeId!, putBatches(shard.storageTable, shardRows));
      return { shardNumber: shard.shardNumber, storageTable: shard.storageTable, nodeId: shard.primaryNodeId!, rows: shardRows.length, commits: records.length, lastLsn: records.at(-1)!.lsn };
    });
    return { tableName, rowsWritten: keyed.length, shards };
  }

  /**
   * A shard's rows in key order, from its primary, or a running hot standby when the primary is
   * down. @throws CONFLICT when the state serves no reads or no copy runs.
   */
  readShardRows(tableName: string, shardNumber: number, page: { limit?: number; offset?: number } = {}): ShardRows {
    const shard = this.shardOf(tableName, shardNumber);
    if (!servesReads(shard.state)) throw new DomainError('CONFLICT', `Shard ${shard.storageTable} is ${shard.state}: it serves no reads.`, { shardId: shard.shardId, state: shard.state });
    const serving = this.servingNode(shard.primaryNodeId, shard.replicaNodeIds);
    if (serving === null) throw new DomainError('CONFLICT', `No copy of shard ${shard.storageTable} is up: its primary ${shard.primaryNodeId ?? '(none)'} and replicas are down.`, { shardId: shard.shardId });
    const limit = Math.min(page.limit ?? MAX_READ_ROWS, MAX_READ_ROWS);
    const offset = page.offset ?? 0;
    const stored = this.deps.replication.storageOf(serving.nodeId).tableImage(shard.storageTable);
    return {
      shardNumber,
      storageTable: shard.storageTable,
      nodeId: serving.nodeId,
      copy: serving.copy,
      rows: stored.slice(offset, offset + limit).map((entry) => entry.row),
      total: stored.length,
    };
  }

  /**
   * How the simulation's workload writes sharded tables: the drawn row routed by key to its
   * shard and committed on the shard's primary, as a write through the API is. A write the shard
   * refuses now (its state, its primary down or a standby, a value no list names, the row locked
   * by a distributed transaction) is skipped, not an error: the workload counts it.
   */
  workloadWriter(): WorkloadTableWriter {
    return {
      owns: (table) => this.records.has(table),
      write: (draw) => this.writeDraw(draw),
    };
  }

  private writeDraw({ table, ordinal, wanted, amount, seq }: WorkloadDraw): WorkloadWrite | null {
    const record = this.record(table);
    const row = workloadRowOf(record.definition, record.primaryKeyColumns, ordinal, amount, seq);
    const [keyed] = keyRows(record.definition, record.primaryKeyColumns, [row]);
    let shardIndex: number;
    try {
      shardIndex = this.routers.get(table)!.routeKey(keyed!.row).shardIndex;
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
    const shard = this.shardView(record, shardBoundsOf(record.definition)[shardIndex]!, false);
    const nodeId = shard.primaryNodeId;
    if (!acceptsWrites(shard.state) || !this.takesWrites(nodeId)) return null;
    const storage = this.deps.replication.storageOf(nodeId);
    if (storage.lockOwner(shard.storageTable, keyed!.key) !== undefined) return null;
    const op = effectiveOp(wanted, storage.getRow(shard.storageTable, keyed!.key) !== undefined);
    const writes: RowWrite[] = op === 'delete' ? [{ op: 'delete', table: shard.storageTable, key: keyed!.key }] : [{ op: 'put', table: shard.storageTable, key: keyed!.key, row: keyed!.row }];
    const [commit] = this.commitAll(nodeId, [writes]);
    return { op, lsn: commit!.lsn, endLsn: commit!.endLsn };
  }

  // ---------------------------------------------------------------- shard tables on a node (the move workflows)

  /** Every row of a shard table on one node (any node: the workflows read sources and targets). */
  readShardTableOn(nodeId: string, storageTable: string): StoredRow[] {
    return this.deps.replication.storageOf(nodeId).tableImage(storageTable);
  }

  /** Puts rows into a shard table on a writable node, in bounded commits. @throws CONFLICT (node). */
  writeShardTableOn(nodeId: string, storageTable: string, rows: readonly { key: string; row: RowValue }[]): number {
    this.requireWritable(nodeId, storageTable);
    this.commitAll(nodeId, putBatches(storageTable, rows));
    return rows.length;
  }

  /** Deletes a shard table's rows on a node (nothing when it holds none). Returns the rows deleted. */
  dropShardTableOn(nodeId: string | null, storageTable: string): number {
    const keys = this.storedRows(nodeId, storageTable).map((stored) => stored.key);
    if (keys.length === 0) return 0;
    this.requireWritable(nodeId, storageTable);
    this.commitAll(nodeId!, deleteBatches(storageTable, keys));
    return keys.length;
  }

  snapshot(): ShardingCatalogState {
    return { tables: structuredClone([...this.records.values()]), offlineByFailover: [...this.offlineByFailover].sort() };
  }

  // ---------------------------------------------------------------- internals

  private remember(record: ShardedTableRecord): void {
    this.records.set(record.definition.tableName, record);
    this.routers.set(record.definition.tableName, new ShardRouter(record.definition));
  }

  private record(tableName: string): ShardedTableRecord {
    const record = this.records.get(tableName);
    if (record === undefined) throw new DomainError('NOT_FOUND', `No sharded table "${tableName}".`, { resource: 'sharding.table', id: tableName });
    return record;
  }

  private viewOf(record: ShardedTableRecord): ShardedTableView {
    return { tableName: record.definition.tableName, ...structuredClone(record), shardCount: shardCountOf(record.definition) };
  }

  private ownsGroup(record: ShardedTableRecord): boolean {
    return record.group !== DEFAULT_SHARD_GROUP && this.tablesOfGroup(record.group).length === 1;
  }

  /** Shard N of a table is shard N of its group: ids are made the coordinator's way, not looked up. */
  private groupShardIdOf(record: ShardedTableRecord, shardNumber: number): string {
    return record.group === DEFAULT_SHARD_GROUP ? shardIdOf(shardNumber - 1) : groupShardIdOf(record.group, shardNumber);
  }

  private shardView(record: ShardedTableRecord, bounds: ShardBounds, measured = true): TableShardView {
    const { coordinator } = this.deps;
    const shardId = this.groupShardIdOf(record, bounds.shardNumber);
    const primaryNodeId = record.group === DEFAULT_SHARD_GROUP ? coordinator.shard(shardId).primaryNodeId : coordinator.shardGroups().shard(shardId).primaryNodeId;
    const replicaNodeIds = this.replicasOf(primaryNodeId);
    const serving = measured ? this.servingNode(primaryNodeId, replicaNodeIds) : null;
    const { rowCount, sizeBytes } = serving === null ? { rowCount: 0, sizeBytes: 0 } : measureRows(this.storedRows(serving.nodeId, bounds.shardName));
    return {
      tableName: record.definition.tableName,
      shardId,
      shardNumber: bounds.shardNumber,
      storageTable: bounds.shardName,
      group: record.group,
      state: coordinator.shardState(shardId),
      bounds,
      primaryNodeId,
      replicaNodeIds,
      rowCount,
      sizeBytes,
    };
  }

  /** The physical standbys of a node: only the replication primary has them. */
  private replicasOf(nodeId: string | null): string[] {
    const { replication } = this.deps;
    if (nodeId === null || !replication.nodeIds().includes(nodeId) || replication.writeRoleOf(nodeId) !== 'PRIMARY') return [];
    return replication.listReplicas().map((replica) => replica.replicaId);
  }

  private servingNode(primaryNodeId: string | null, replicaNodeIds: readonly string[]): { nodeId: string; copy: 'PRIMARY' | 'REPLICA' } | null {
    const { replication } = this.deps;
    if (primaryNodeId !== null && replication.nodeIds().includes(primaryNodeId) && replication.isRunning(primaryNodeId)) return { nodeId: primaryNodeId, copy: 'PRIMARY' };
    const replica = replicaNodeIds.find((nodeId) => replication.isRunning(nodeId));
    return replica === undefined ? null : { nodeId: replica, copy: 'REPLICA' };
  }

  private storedRows(nodeId: string | null, storageTable: string): StoredRow[] {
    if (nodeId === null || !this.deps.replication.nodeIds().includes(nodeId)) return [];
    return this.deps.replication.storageOf(nodeId).tableImage(storageTable);
  }

  /** Nodes whose writes replication takes: PRIMARY or STANDALONE and up. */
  private writableNodeIds(): string[] {
    return this.deps.replication.nodeIds().filter((nodeId) => this.takesWrites(nodeId));
  }

  private takesWrites(nodeId: string | null): nodeId is string {
    const { replication } = this.deps;
    return nodeId !== null && replication.nodeIds().includes(nodeId) && replication.whyNotWritable(nodeId) === null;
  }

  private requireWritable(nodeId: string | null, storageTable: string): void {
    if (nodeId === null) throw new DomainError('CONFLICT', `Shard ${storageTable} has no primary node.`, { storageTable });
    if (!this.deps.replication.nodeIds().includes(nodeId)) throw new DomainError('CONFLICT', `Shard ${storageTable}'s node ${nodeId} is not a replication node.`, { storageTable, nodeId });
    const problem = this.deps.replication.whyNotWritable(nodeId);
    if (problem !== null) throw new DomainError('CONFLICT', `Shard ${storageTable} cannot take writes on ${nodeId}: ${problem}.`, { storageTable, nodeId, role: this.deps.replication.writeRoleOf(nodeId) });
  }

  private commitAll(nodeId: string, batches: readonly RowWrite[][]) {
    return batches.map((writes) => this.deps.replication.commitOn(nodeId, writes));
  }

  private transition(tableNames: string[], shardId: string, to: ShardStatus, actor: TransitionActor): void {
    const from = this.deps.coordinator.shardState(shardId);
    this.deps.coordinator.transitionShard(shardId, to, actor);
    if (from !== to) this.deps.listener?.shardStateChanged?.({ tableNames, shardId, from, to, actor, primaryNodeId: this.primaryNodeOf(shardId) });
  }

  /** The primary of a shard of any group (the `default` group's are the coordinator's placements). */
  private primaryNodeOf(shardId: string): string | null {
    const { coordinator } = this.deps;
    const defaultShard = coordinator.shards().find((shard) => shard.shardId === shardId);
    return defaultShard === undefined ? coordinator.shardGroups().shard(shardId).primaryNodeId : defaultShard.primaryNodeId;
  }

  /** The definition with one more shard, or UNPROCESSABLE saying why the strategy does not allow it. */
  private grownDefinition(definition: ShardedTableDefinition, input: AddShardInput): ShardedTableDefinition {
    const { strategy } = definition;
    const refuse = (why: string) => new DomainError('UNPROCESSABLE', `Cannot add a shard to ${definition.tableName}: ${why}.`, { problems: [why] });
    if (strategy.type === 'COMPOSITE') throw refuse('a COMPOSITE table\'s shards are every combination of its levels; migrate it to a new layout instead');
    if (input?.strategy !== strategy.type) throw refuse(`the table is sharded by ${strategy.type}; send strategy ${strategy.type}`);
    switch (strategy.type) {
      case 'HASH':
        if (strategy.hashFunction !== 'CONSISTENT') throw refuse(`with ${strategy.hashFunction} hashing another shard would move nearly every key; only CONSISTENT hashing adds shards (about 1/n of the keys move)`);
        return validateShardedTable({ ...definition, strategy: { ...strategy, numShards: strategy.numShards + 1 } });
      case 'RANGE': {
        const last = strategy.ranges.at(-1)!;
        const { splitAt } = input as { splitAt: KeyValue };
        if (splitAt === undefined || splitAt === null || (last.lowerBound !== null && compareKeyValues(splitAt, last.lowerBound) <= 0)) {
          throw refuse(`splitAt must be above the last range's lower bound ${JSON.stringify(last.lowerBound)}: only the last range splits, so no shard is renumbered`);
        }
        return validateShardedTable({ ...definition, strategy: { ...strategy, ranges: [...strategy.ranges.slice(0, -1), { lowerBound: last.lowerBound, upperBound: splitAt }, { lowerBound: splitAt, upperBound: null }] } });
      }
      case 'LIST': {
        if (strategy.defaultShard) throw refuse('the default shard is last and a new list would renumber it; its values move by a migration instead');
        const { values } = input as { values: KeyValue[] };
        return validateShardedTable({ ...definition, strategy: { ...strategy, lists: [...strategy.lists, { values }] } });
      }
    }
  }
}
