/**
 * What a Raft group replicates into. One instance per node incarnation: it is volatile, rebuilt
 * after a crash from the latest snapshot plus the committed entries that follow it.
 */
import type { Entry, Snapshot } from './log-entry.js';

export interface RaftStateMachine {
  /** Applies one committed entry; entries arrive in index order, each once per incarnation. */
  apply(entry: Entry): void;
  /** Replaces the whole state with a snapshot's (at startup, or when the leader sends one). */
  restore(snapshot: Snapshot): void;
  /** Serializes the state as of the last applied entry. */
  snapshot(): string;
}

/** State of a {@link DigestStateMachine}, as stored in its snapshots. */
export interface DigestState {
  /** Index of the last entry applied. */
  lastIndex: number;
  /** Normal (command) entries applied. */
  commandCount: number;
  /** FNV-1a (32-bit) chain over every applied command: equal digests mean equal histories. */
  digest: number;
}

/**
 * The default replicated state: a running digest of the command history. Small enough to
 * snapshot at any size of log, and enough to tell whether two nodes applied the same commands.
 */
export class DigestStateMachine implements RaftStateMachine {
  private state: DigestState = { lastIndex: 0, commandCount: 0, digest: FNV_OFFSET_BASIS };

  apply(entry: Entry): void {
    this.state.lastIndex = entry.index;
    if (entry.type !== 'normal') return;
    this.state.commandCount += 1;
    this.state.digest = fnv1a(`${entry.index}:${entry.command}`, this.state.digest);
  }

  restore(snapshot: Snapshot): void {
    if (snapshot.data === '') {
      this.state = { lastIndex: snapshot.metadata.index, commandCount: 0, digest: FNV_OFFSET_BASIS };
      return;
    }
    const parsed = JSON.parse(snapshot.data) as DigestState;
    this.state = { lastIndex: parsed.lastIndex, commandCount: parsed.commandCount, digest: parsed.digest };
  }

  snapshot(): string {
    return JSON.stringify(this.state);
  }

  current(): Readonly<DigestState> {
    return { ...this.state };
  }
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash;
}
