import type { Lsn } from './lsn.js';
import type { WalRecord } from './wal-record.js';

/** Primary → standby: consecutive records starting at `startLsn` (shared, never copied). */
export interface WalData {
  readonly type: 'WalData';
  readonly timeline: number;
  readonly startLsn: Lsn;
  readonly records: readonly WalRecord[];
}

/** Why a standby sent its status. `gap`: a batch did not start at its writeLsn, so the sender should resend from there. */
export type StatusReason = 'write' | 'flush' | 'interval' | 'gap';

/** Standby → primary: its positions. */
export interface StandbyStatus {
  readonly type: 'StandbyStatus';
  readonly timeline: number;
  readonly writeLsn: Lsn;
  readonly flushLsn: Lsn;
  readonly replayLsn: Lsn;
  readonly reason: StatusReason;
}

export type ReplicationMessage = WalData | StandbyStatus;
