/**
 * The RAC engine mirrored into the platform's store: disk blocks, redo records, the SCN, GRD
 * masters, recovery config and history, parallel query config and statistics, and the workload.
 * Buffer caches are volatile: a server restart is a crash of every instance, and the loader's
 * state is opened with crash recovery (redo newer than each block's disk SCN is applied).
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { BlockImage, RedoRecord, Scn } from './block.js';
import type { GrdCounters, ResourceMaster } from './grd.js';
import type { InstanceRecovery } from './instance-recovery.js';
import type { ParallelQueryConfig, RacConfig, RecoveryConfig } from './rac-config.js';
import type { RacWorkloadSettings } from './rac-workload.js';
import type { StorageListener, StorageState } from './shared-storage.js';

export const RAC_CLUSTER_RECORD = 'rac.cluster';
export const RAC_BLOCK_RECORD = 'rac.block';
export const RAC_REDO_RECORD = 'rac.redo';
export const RAC_SCN_RECORD = 'rac.scn';
export const RAC_MASTER_RECORD = 'rac.master';
export const RAC_RECOVERY_RECORD = 'rac.recovery';
export const RAC_SETTINGS_RECORD = 'rac.settings';

/** Parallel query statistics (durable). */
export interface ParallelQueryStats {
  executed: number;
  completed: number;
  failed: number;
  totalDurationMs: number;
  totalDop: number;
  blocksRead: number;
  granules: number;
  /** Granules moved to another slave after theirs went down. */
  reassignedGranules: number;
  /** Rows the slaves read (every row of every block read, before the WHERE filter). */
  rowsScanned: number;
  /** Queries whose DOP adaptive planning lowered. */
  adaptiveReductions: number;
  /** Queries that computed each aggregate function (a query counts once per function). */
  queriesByAggregate: Record<'COUNT' | 'SUM' | 'MIN' | 'MAX' | 'AVG', number>;
}

/** Counters before any query. */
export function emptyParallelQueryStats(): ParallelQueryStats {
  return {
    executed: 0, completed: 0, failed: 0, totalDurationMs: 0, totalDop: 0, blocksRead: 0, granules: 0, reassignedGranules: 0,
    rowsScanned: 0, adaptiveReductions: 0, queriesByAggregate: { COUNT: 0, SUM: 0, MIN: 0, MAX: 0, AVG: 0 },
  };
}

export interface StoredRacCluster {
  instanceIds: string[];
  config: RacConfig;
  tables: Record<string, string[]>;
  columns: Record<string, string[]>;
  open: boolean;
  nextRecoveryId: number;
  nextQueryId: number;
  threadCounters: StorageState['threadCounters'];
  grdCounters: GrdCounters;
}

export interface RacRestore {
  cluster: StoredRacCluster;
  scn: Scn;
  blocks: BlockImage[];
  redo: RedoRecord[];
  masters: ResourceMaster[];
  recoveryConfig: RecoveryConfig | null;
  recoveryHistory: InstanceRecovery[];
  parallelQueryConfig: ParallelQueryConfig | null;
  parallelQueryStats: ParallelQueryStats | null;
  workload: RacWorkloadSettings | null;
}

function redoRecordId(record: RedoRecord): string {
  return `${record.instanceId}/${record.scn.toString().padStart(15, '0')}`;
}

/** Writes the engine's durable changes into the journal. */
export class RacJournal implements StorageListener {
  constructor(private readonly journal: Journal) {}

  blockWritten(image: BlockImage): void {
    this.journal.put(RAC_BLOCK_RECORD, image.blockId, image);
  }

  redoAppended(record: RedoRecord): void {
    this.journal.put(RAC_REDO_RECORD, redoRecordId(record), record);
  }

  redoCheckpointed(records: readonly RedoRecord[]): void {
    for (const record of records) this.journal.delete(RAC_REDO_RECORD, redoRecordId(record));
  }

  scnChanged(scn: Scn): void {
    this.journal.put(RAC_SCN_RECORD, 'current', scn);
  }

  masterChanged(master: ResourceMaster): void {
    this.journal.put(RAC_MASTER_RECORD, master.resourceId, master);
  }

  clusterChanged(cluster: StoredRacCluster): void {
    this.journal.put(RAC_CLUSTER_RECORD, 'current', cluster);
  }

  recoveryCompleted(recovery: InstanceRecovery): void {
    this.journal.put(RAC_RECOVERY_RECORD, recovery.recoveryId, recovery);
  }

  recoveryForgotten(recoveryId: string): void {
    this.journal.delete(RAC_RECOVERY_RECORD, recoveryId);
  }

  recoveryConfigChanged(config: RecoveryConfig): void {
    this.journal.put(RAC_SETTINGS_RECORD, 'recovery', config);
  }

  parallelQueryConfigChanged(config: ParallelQueryConfig): void {
    this.journal.put(RAC_SETTINGS_RECORD, 'parallel-query', config);
  }

  parallelQueryStatsChanged(stats: ParallelQueryStats): void {
    this.journal.put(RAC_SETTINGS_RECORD, 'parallel-query-stats', stats);
  }

  workloadChanged(settings: RacWorkloadSettings): void {
    this.journal.put(RAC_SETTINGS_RECORD, 'workload', settings);
  }
}

/** The engine's state as the store holds it; null when RAC never ran. */
export async function loadRacState(store: Store): Promise<RacRestore | null> {
  const [cluster, scn, blocks, redo, masters, recoveries, settings] = await Promise.all([
    store.get<StoredRacCluster>(RAC_CLUSTER_RECORD, 'current'),
    store.get<Scn>(RAC_SCN_RECORD, 'current'),
    store.list<BlockImage>(RAC_BLOCK_RECORD),
    store.list<RedoRecord>(RAC_REDO_RECORD),
    store.list<ResourceMaster>(RAC_MASTER_RECORD),
    store.list<InstanceRecovery>(RAC_RECOVERY_RECORD),
    store.list<unknown>(RAC_SETTINGS_RECORD),
  ]);
  if (cluster === undefined) return null;
  const setting = <T>(id: string): T | null => (settings.find((record) => record.id === id)?.value as T | undefined) ?? null;
  return {
    cluster,
    scn: scn ?? 0,
    blocks: blocks.map((record) => record.value),
    redo: redo.map((record) => record.value),
    masters: masters.map((record) => record.value),
    // Ids are zero-padded: the history comes out oldest first.
    recoveryHistory: recoveries.map((record) => record.value),
    recoveryConfig: setting<RecoveryConfig>('recovery'),
    parallelQueryConfig: setting<ParallelQueryConfig>('parallel-query'),
    parallelQueryStats: setting<ParallelQueryStats>('parallel-query-stats'),
    workload: setting<RacWorkloadSettings>('workload'),
  };
}
