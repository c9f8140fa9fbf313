import type { ClusterConsensus } from '../../engines/cluster/cluster-consensus.js';
import type { MemberStatus } from '../../engines/raft/raft-group.js';
import type { RaftStatus } from '../../engines/raft/raft-node.js';
import { readGauge, type MetricsCollector, type Series } from '../platform/metrics-service.js';

/**
 * Each Raft group member's term, log positions and role, as its node holds them. A crashed node
 * shows what its disk holds (term, commit, snapshot); its applied index and role come back with it.
 */
export function raftMetrics(consensus: ClusterConsensus): MetricsCollector {
  const perNode = (read: (status: MemberStatus) => number | null) => (): Series<'node'>[] =>
    consensus.group.statuses().flatMap((status) => {
      const value = read(status);
      return value === null ? [] : [[{ node: status.nodeId }, value] as const];
    });
  const running = (read: (raft: RaftStatus) => number) => perNode((status) => (status.raft === null ? null : read(status.raft)));
  return (registry) => {
    readGauge(registry, {
      name: 'rustydb_raft_term',
      help: 'The latest Raft term each node has seen.',
      labelNames: ['node'],
      read: perNode((status) => status.raft?.currentTerm ?? status.disk.hardState.term),
    });
    readGauge(registry, {
      name: 'rustydb_raft_commit_index',
      help: 'The highest log index each node knows committed.',
      labelNames: ['node'],
      read: perNode((status) => status.raft?.commitIndex ?? status.disk.hardState.commit),
    });
    readGauge(registry, { name: 'rustydb_raft_applied_index', help: 'The highest log index each running node has applied.', labelNames: ['node'], read: running((raft) => raft.lastApplied) });
    readGauge(registry, { name: 'rustydb_raft_last_log_index', help: 'The index of the last entry in each node\'s log.', labelNames: ['node'], read: perNode((status) => status.raft?.lastIndex ?? status.disk.lastIndex) });
    readGauge(registry, {
      name: 'rustydb_raft_log_entries',
      help: 'Entries each node\'s log keeps after its snapshot.',
      labelNames: ['node'],
      read: perNode((status) => status.raft?.logSize ?? status.disk.entryCount),
    });
    readGauge(registry, {
      name: 'rustydb_raft_snapshot_index',
      help: 'The last log index each node\'s snapshot covers.',
      labelNames: ['node'],
      read: perNode((status) => status.raft?.snapshotIndex ?? status.disk.snapshotIndex),
    });
    readGauge(registry, {
      name: 'rustydb_raft_leader',
      help: '1 for the node that leads, 0 for the others.',
      labelNames: ['node'],
      read: perNode((status) => (status.raft?.role === 'LEADER' ? 1 : 0)),
    });
    readGauge(registry, { name: 'rustydb_raft_voters', help: 'Voters in the configuration in force.', read: () => consensus.voterIds().length });
  };
}
