import type { ClusterConsensus } from '../../engines/cluster/cluster-consensus.js';
import type { MemberStatus } from '../../engines/raft/raft-group.js';
import type { RaftStatus } from '../../engines/raft/raft-node.js';
import { readCounter, readGauge, type MetricsCollector, type Series } from '../platform/metrics-service.js';

/**
 * Each Raft group member's term, log positions, log size and role, as its node holds them, and
 * the elections and proposals the group has seen. A crashed node shows what its disk holds (term,
 * commit, snapshot, log); its applied index and role come back with it. Elections and proposals
 * are counted since the server started (a restart is a counter reset).
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
      name: 'rustydb_raft_log_size_bytes',
      help: 'Bytes of the entries each node\'s log keeps after its snapshot (their commands), measured from the log.',
      labelNames: ['node'],
      read: perNode((status) => status.disk.sizeBytes),
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
    readCounter(registry, {
      name: 'rustydb_raft_elections_started_total',
      help: 'Elections each node started as a candidate in a new term (pre-votes are not elections).',
      labelNames: ['node'],
      read: perNode((status) => status.electionsStarted),
    });
    readCounter(registry, {
      name: 'rustydb_raft_proposals_total',
      help: 'Entries proposed to the group (client commands and membership changes), appended or refused.',
      read: () => consensus.group.proposalCounts().proposals,
    });
    readCounter(registry, {
      name: 'rustydb_raft_proposal_failures_total',
      help: 'Proposals that will never commit: refused (no leader, a change pending, too many uncommitted entries, a bad command) or lost (another entry committed at their index).',
      labelNames: ['reason'],
      read: () => {
        const counts = consensus.group.proposalCounts();
        return [
          [{ reason: 'refused' }, counts.refused],
          [{ reason: 'lost' }, counts.lost],
        ];
      },
    });
  };
}
