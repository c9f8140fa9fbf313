import { RESOLUTION_STRATEGIES, type ConflictType } from '../../engines/replication/conflict-resolution.js';
import { WAL_START_LSN } from '../../engines/replication/lsn.js';
import type { ReplicaState } from '../../engines/replication/replica-state.js';
import type { ReplicationEngine } from '../../engines/replication/replication-engine.js';
import type { ReplicaView } from '../../engines/replication/replication-views.js';
import type { WalStatus } from '../../engines/replication/slots.js';
import { countPairSeries, countSeries, readCounter, readGauge, secondsOf, stateSeries, type MetricsCollector, type Series } from '../platform/metrics-service.js';

const REPLICA_STATES: readonly ReplicaState[] = ['STARTING', 'STREAMING', 'CATCHING_UP', 'PAUSED', 'WAITING', 'DISCONNECTED', 'NEEDS_RESYNC', 'REJOINING', 'PROMOTED', 'REMOVED'];
const SYNC_STATES: readonly ReplicaView['syncState'][] = ['sync', 'potential', 'quorum', 'async'];
const WAL_STATUSES: readonly WalStatus[] = ['reserved', 'extended', 'unreserved', 'lost'];
const CONFLICT_TYPES: readonly ConflictType[] = ['UPDATE_CONFLICT', 'DELETE_CONFLICT', 'UNIQUENESS_VIOLATION', 'INSERT_CONFLICT'];
/** The strategy label of a conflict not resolved yet. */
const UNRESOLVED = 'UNRESOLVED';

/**
 * WAL streaming as the primary's senders see it: each standby's lag and sync state, each slot's
 * retained WAL, commits and their acknowledgements, WAL written and conflicts. Its lag alerts are
 * the alert engine's (`rustydb_alerts_firing{source="replication"}`).
 */
export function replicationMetrics(engine: ReplicationEngine): MetricsCollector {
  const { cluster } = engine;
  /** One series per standby, its lag at one position (the primary's current LSN minus it). */
  const bytesBehind = (position: (replica: ReplicaView) => number) => (): Series<'replica'>[] => {
    const currentLsn = cluster.currentLsn();
    return cluster.listReplicas().map((replica) => [{ replica: replica.replicaId }, Math.max(0, currentLsn - position(replica))]);
  };
  const perReplica = (read: (replica: ReplicaView) => number) => (): Series<'replica'>[] => cluster.listReplicas().map((replica) => [{ replica: replica.replicaId }, read(replica)]);
  return (registry) => {
    readGauge(registry, { name: 'rustydb_replication_write_lag_bytes', help: 'WAL each standby has not written yet: the primary\'s LSN minus its write LSN.', labelNames: ['replica'], read: bytesBehind((replica) => replica.writeLsn) });
    readGauge(registry, { name: 'rustydb_replication_flush_lag_bytes', help: 'WAL each standby has not flushed yet.', labelNames: ['replica'], read: bytesBehind((replica) => replica.flushLsn) });
    readGauge(registry, { name: 'rustydb_replication_replay_lag_bytes', help: 'WAL each standby has not replayed yet.', labelNames: ['replica'], read: bytesBehind((replica) => replica.replayLsn) });
    readGauge(registry, { name: 'rustydb_replication_write_lag_seconds', help: 'Each standby\'s write lag as its WAL sender measures it (pg_stat_replication.write_lag).', labelNames: ['replica'], read: perReplica((replica) => secondsOf(replica.writeLagMs)) });
    readGauge(registry, { name: 'rustydb_replication_flush_lag_seconds', help: 'Each standby\'s flush lag as its WAL sender measures it.', labelNames: ['replica'], read: perReplica((replica) => secondsOf(replica.flushLagMs)) });
    readGauge(registry, { name: 'rustydb_replication_replay_lag_seconds', help: 'Each standby\'s replay lag as its WAL sender measures it.', labelNames: ['replica'], read: perReplica((replica) => secondsOf(replica.replayLagMs)) });
    readGauge(registry, { name: 'rustydb_replication_replay_paused', help: '1 while a standby\'s replay is paused.', labelNames: ['replica'], read: perReplica((replica) => (replica.replayPaused ? 1 : 0)) });
    readGauge(registry, {
      name: 'rustydb_replication_sync_state',
      help: 'Each standby\'s sync state (pg_stat_replication.sync_state) as a state set.',
      labelNames: ['replica', 'sync_state'],
      read: () => cluster.listReplicas().flatMap((replica) => stateSeries('sync_state', SYNC_STATES, replica.syncState, { replica: replica.replicaId })),
    });
    readGauge(registry, {
      name: 'rustydb_replication_standbys',
      help: 'Standbys by replication state.',
      labelNames: ['state'],
      read: () => countSeries('state', REPLICA_STATES, cluster.listReplicas().map((replica) => replica.state)),
    });
    readGauge(registry, {
      name: 'rustydb_replication_slot_retained_wal_bytes',
      help: 'WAL each slot holds back on the primary (0 once its WAL is lost).',
      labelNames: ['slot'],
      read: () => {
        const currentLsn = cluster.currentLsn();
        return cluster.listSlots().map((slot) => [{ slot: slot.slotName }, slot.walStatus === 'lost' ? 0 : Math.max(0, currentLsn - slot.restartLsn)]);
      },
    });
    readGauge(registry, {
      name: 'rustydb_replication_slot_wal_status',
      help: 'Each slot\'s WAL status (pg_replication_slots.wal_status) as a state set.',
      labelNames: ['slot', 'wal_status'],
      read: () => cluster.listSlots().flatMap((slot) => stateSeries('wal_status', WAL_STATUSES, slot.walStatus, { slot: slot.slotName })),
    });
    readCounter(registry, { name: 'rustydb_replication_commits_acknowledged_total', help: 'Commits acknowledged to the client (after their standbys confirmed, in a synchronous mode).', read: () => cluster.commitCounters().acknowledged });
    readGauge(registry, { name: 'rustydb_replication_commits_waiting', help: 'Commits waiting for their standbys now.', read: () => cluster.commitCounters().waiting });
    readCounter(registry, { name: 'rustydb_replication_commits_timed_out_total', help: 'Commits that gave up waiting for their standbys.', read: () => cluster.commitCounters().timedOut });
    readCounter(registry, { name: 'rustydb_replication_wal_written_bytes_total', help: 'WAL the primaries have written since the cluster was created.', read: () => Math.max(0, cluster.currentLsn() - WAL_START_LSN) });
    readGauge(registry, {
      // A gauge: the conflict log keeps the latest 1000.
      name: 'rustydb_replication_conflicts',
      help: 'Conflicts in the conflict log (the latest 1000) by type and resolution strategy (unresolved before one is chosen).',
      labelNames: ['type', 'strategy'],
      read: () =>
        countPairSeries(
          ['type', 'strategy'],
          [CONFLICT_TYPES, [...RESOLUTION_STRATEGIES, UNRESOLVED]],
          engine.conflicts.list().map((conflict) => [conflict.conflictType, conflict.resolutionStrategy ?? UNRESOLVED] as const),
        ),
    });
  };
}
