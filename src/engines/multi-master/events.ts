/**
 * The multi-master events on the one bus, their payloads as the API shows them (the OpenAPI
 * schemas Convergence and GroupConflict).
 */
import type { RowValue } from '../replication/wal-record.js';
import type { VectorClock } from '../conflicts/vector-clock.js';
import type { ConflictStatus, ConflictStrategy, ConflictType, ConflictWinner } from '../conflicts/conflict-record.js';

export interface ConvergencePayload {
  groupId: string;
  converged: boolean;
  agreement: { dataHash: string; siteIds: string[] }[];
  divergedSince: string | null;
  lastDivergenceAt: string | null;
  sinceLastDivergenceMs: number | null;
  lastConvergedAt: string | null;
  lastConvergenceMs: number | null;
  p99ConvergenceMs: number | null;
  samples: number;
}

export interface GroupConflictVersionPayload {
  siteId: string;
  nodeId: string;
  row: RowValue | null;
  clock: VectorClock;
  writtenAt: string;
}

export interface GroupConflictPayload {
  conflictId: string;
  groupId: string;
  table: string;
  key: string;
  conflictType: ConflictType;
  local: GroupConflictVersionPayload;
  remote: GroupConflictVersionPayload;
  detectedAt: string;
  strategy: ConflictStrategy;
  status: ConflictStatus;
  winner: ConflictWinner | null;
  resolvedRow: RowValue | null;
  siblings: GroupConflictVersionPayload[];
  reason: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  appliedSiteIds: string[];
}

export interface MultiMasterEventMap {
  multi_master_convergence: ConvergencePayload;
  group_conflict_detected: GroupConflictPayload;
  group_conflict_resolved: GroupConflictPayload;
}
