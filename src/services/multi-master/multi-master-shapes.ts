/** How the multi-master engine's state looks in answers (spec/openapi/components/multi-master.yaml). */
import type { ColumnCrdt, ConflictStrategy } from '../../engines/multi-master/row-version.js';
import type { ConvergencePayload, GroupConflictPayload, GroupConflictVersionPayload } from '../../engines/multi-master/events.js';
import { percentile } from '../../engines/replication/lag-history.js';
import type { ConflictRecord, ConflictVersion } from '../../engines/conflicts/conflict-record.js';
import type { ConvergenceReport, GroupCounters, MultiMasterEngine, QuorumStatus, ReadOutcome, SiteView, WriteOutcome } from '../../engines/multi-master/multi-master-engine.js';
import type { Sibling, VectorClock } from '../../engines/multi-master/row-version.js';
import type { RowValue } from '../../engines/replication/wal-record.js';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export interface MultiMasterSite {
  siteId: string;
  groupId: string;
  nodeId: string;
  datacenterId: string | null;
  priority: number;
  addedAt: string;
  running: boolean;
  writeRole: SiteView['writeRole'];
  dataHash: string;
  rowCount: number;
  peers: { siteId: string; ackedLsn: number; pendingBytes: number; reachable: boolean; changesShipped: number; bytesShipped: number }[];
}

export interface MultiMasterGroup {
  groupId: string;
  name: string;
  tables: string[];
  sites: MultiMasterSite[];
  conflictStrategy: ConflictStrategy;
  columnCrdts: Record<string, ColumnCrdt>;
  writeQuorum: number;
  readQuorum: number;
  converged: boolean;
  createdAt: string;
  updatedAt: string;
}

export function siteOf(view: SiteView): MultiMasterSite {
  const { addedAtMs, joinedAtLsn: _joinedAtLsn, peers, ...rest } = view;
  return { ...rest, peers: peers.map((peer) => ({ ...peer })), addedAt: iso(addedAtMs) };
}

export function groupOf(engine: MultiMasterEngine, groupId: string): MultiMasterGroup {
  const group = engine.group(groupId);
  return {
    groupId: group.groupId,
    name: group.name,
    tables: [...group.tables],
    sites: engine.siteViews(groupId).map(siteOf),
    conflictStrategy: group.conflictStrategy,
    columnCrdts: { ...group.columnCrdts },
    writeQuorum: group.writeQuorum,
    readQuorum: group.readQuorum,
    converged: engine.convergence(groupId).converged,
    createdAt: iso(group.createdAtMs),
    updatedAt: iso(group.updatedAtMs),
  };
}

export function convergenceOf(report: ConvergenceReport, nowMs: number): ConvergencePayload {
  return {
    groupId: report.groupId,
    converged: report.converged,
    agreement: report.agreement.map((entry) => ({ dataHash: entry.dataHash, siteIds: [...entry.siteIds] })),
    divergedSince: isoOrNull(report.divergedSinceMs),
    lastDivergenceAt: isoOrNull(report.lastDivergenceAtMs),
    sinceLastDivergenceMs: report.lastDivergenceAtMs === null ? null : nowMs - report.lastDivergenceAtMs,
    lastConvergedAt: isoOrNull(report.lastConvergedAtMs),
    lastConvergenceMs: report.lastConvergenceMs,
    p99ConvergenceMs: percentile(report.samplesMs, 99),
    samples: report.samplesMs.length,
  };
}

export function conflictOf(record: ConflictRecord): GroupConflictPayload {
  const side = (version: ConflictVersion): GroupConflictVersionPayload => ({ siteId: version.siteId, nodeId: version.nodeId, row: version.row, clock: version.clock, writtenAt: iso(version.writtenAtMs) });
  return {
    conflictId: record.conflictId,
    groupId: record.groupId,
    table: record.tableName,
    key: record.rowKey,
    conflictType: record.conflictType,
    local: side(record.local),
    remote: side(record.remote),
    detectedAt: iso(record.detectedAtMs),
    strategy: record.strategy,
    status: record.status,
    winner: record.winner,
    resolvedRow: record.resolvedRow,
    siblings: record.siblings.map(side),
    reason: record.reason,
    resolvedAt: isoOrNull(record.resolvedAtMs),
    resolvedBy: record.resolvedBy,
    appliedSiteIds: [...record.appliedSiteIds],
  };
}

export interface WriteView extends Omit<WriteOutcome, 'startedAtMs' | 'settledAtMs' | 'acknowledgedBy' | 'versions'> {
  acknowledgedBy: string[];
  versions: WriteOutcome['versions'][number][];
  startedAt: string;
  settledAt: string | null;
}

export function writeOf(outcome: WriteOutcome): WriteView {
  const { startedAtMs, settledAtMs, ...rest } = outcome;
  return { ...rest, acknowledgedBy: [...rest.acknowledgedBy], versions: [...rest.versions], startedAt: iso(startedAtMs), settledAt: isoOrNull(settledAtMs) };
}

export interface ReadView {
  readId: string;
  groupId: string;
  siteId: string;
  state: ReadOutcome['state'];
  answeredBy: string[];
  readQuorum: number;
  rows: { table: string; key: string; row: RowValue | null; clock: VectorClock; dot: string; siblings: Sibling[] }[];
  repairedSiteIds: string[];
  reason: string | null;
}

export function readOf(outcome: ReadOutcome): ReadView {
  return {
    ...outcome,
    answeredBy: [...outcome.answeredBy],
    rows: outcome.rows.map((row) => ({ ...row, siblings: [...row.siblings] })),
    repairedSiteIds: [...outcome.repairedSiteIds],
  };
}

export interface QuorumStatusView extends Omit<QuorumStatus, 'sites'> {
  sites: QuorumStatus['sites'][number][];
}

export function quorumStatusOf(status: QuorumStatus): QuorumStatusView {
  return { ...status, sites: status.sites.map((site) => ({ ...site })) };
}

export interface MultiMasterStatistics {
  groups: number;
  sites: number;
  totals: GroupCounters;
  perGroup: { groupId: string; sites: number; runningSites: number; converged: boolean; counters: GroupCounters }[];
}

export function statisticsOf(engine: MultiMasterEngine): MultiMasterStatistics {
  const perGroup = engine.groups().map((group) => ({
    groupId: group.groupId,
    sites: group.sites.length,
    runningSites: engine.siteViews(group.groupId).filter((site) => site.running).length,
    converged: engine.convergence(group.groupId).converged,
    counters: engine.counters(group.groupId),
  }));
  const totals = perGroup.reduce<GroupCounters>((sum, entry) => {
    const next = { ...sum };
    for (const [name, value] of Object.entries(entry.counters) as [keyof GroupCounters, number][]) next[name] += value;
    return next;
  }, { writesCommitted: 0, writesFailed: 0, rowsWritten: 0, readsServed: 0, readsFailed: 0, readRepairs: 0, changesShipped: 0, bytesShipped: 0, changesApplied: 0, duplicatesSkipped: 0, conflictsDetected: 0, antiEntropyRuns: 0, keysRepaired: 0 });
  return { groups: perGroup.length, sites: perGroup.reduce((sum, entry) => sum + entry.sites, 0), totals, perGroup };
}
