/**
 * The multi-master events on the one bus, their payloads as the API shows them (the OpenAPI
 * schemas Convergence and GroupConflict).
 */
import type { RowValue } from '../replication/wal-record.js';
import type { VectorClock } from './stand-in-vector-clock.js';
import type { ConflictStrategy, Sibling } from './row-version.js';

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

export interface GroupConflictPayload {
  conflictId: string;
  groupId: string;
  table: string;
  key: string;
  versions: { siteId: string; row: RowValue | null; clock: VectorClock; dot: string; atMs: number }[];
  detectedAt: string;
  detectedBySiteId: string;
  strategy: ConflictStrategy;
  winnerDot: string;
  winnerSiteId: string;
  reason: string;
  status: 'OPEN' | 'RESOLVED';
  siblings: Sibling[];
  resolvedRow: RowValue | null;
}

export interface MultiMasterEventMap {
  multi_master_convergence: ConvergencePayload;
  group_conflict_detected: GroupConflictPayload;
  group_conflict_resolved: GroupConflictPayload;
}
