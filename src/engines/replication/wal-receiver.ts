/**
 * The standby's side of a stream: which primary it follows and whether it copies, streams, or
 * is down. An explicit machine changed only by {@link WalReceiver.become}.
 */
import type { TimerId } from '../runtime/index.js';

export type ReceiverState = 'IDLE' | 'COPYING' | 'STREAMING' | 'DOWN';

const RECEIVER_EDGES: Readonly<Record<ReceiverState, readonly ReceiverState[]>> = {
  IDLE: ['COPYING', 'STREAMING', 'DOWN'],
  COPYING: ['STREAMING', 'IDLE', 'DOWN', 'COPYING'],
  STREAMING: ['IDLE', 'COPYING', 'DOWN'],
  DOWN: ['IDLE'],
};

export class WalReceiver {
  private current: ReceiverState = 'IDLE';
  /** Replay paused by an operator (pg_wal_replay_pause); WAL is still received and flushed. */
  replayPaused = false;
  /** Pending flush, at most one. */
  flushTimer: TimerId | null = null;
  /** Pending end of a base backup. */
  backupTimer: TimerId | null = null;
  /** When the current base backup started and when it ends (cluster ms). */
  backup: { startedAtMs: number; endsAtMs: number; lsn: number; sizeBytes: number; fromNodeId: string } | null = null;

  constructor(readonly nodeId: string) {}

  get state(): ReceiverState {
    return this.current;
  }

  /** @throws Error on an edge the machine does not have. */
  become(next: ReceiverState): void {
    if (next === this.current && next !== 'COPYING') return;
    if (!RECEIVER_EDGES[this.current].includes(next)) throw new Error(`invalid WAL receiver transition [${this.current} -> ${next}] on ${this.nodeId}`);
    this.current = next;
  }
}
