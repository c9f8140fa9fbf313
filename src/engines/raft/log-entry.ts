/**
 * The durable vocabulary of Raft: log entries, the hard state and snapshots. Everything here is
 * plain JSON-serializable data, so a node's disk can be mirrored into a journal and read back
 * after a server restart.
 */
import type { ConfChange, Configuration } from './configuration.js';

/**
 * - `normal`: a client command, handed to the state machine.
 * - `config`: a membership change; carries the whole configuration in force from this entry on.
 * - `empty`: the no-op a new leader appends so that it can commit an entry of its own term.
 */
export type EntryType = 'normal' | 'config' | 'empty';

/** One entry of the replicated log. Entries are frozen once created: logs, disks and messages share them. */
export interface Entry {
  /** Position in the log, from 1. */
  readonly index: number;
  /** Term of the leader that created the entry. */
  readonly term: number;
  readonly type: EntryType;
  /** The client's command (normal), a description of the change (config), or '' (empty). */
  readonly command: string;
  /** Client that proposed the command, if the caller said so. */
  readonly clientId?: string;
  /** Client's request number, for deduplication by the state machine. */
  readonly requestId?: number;
  /** Proposal time in epoch ms, provided by the caller (the engine owns no clock). */
  readonly timestampMs?: number;
  /** For `config` entries: the configuration in force from this entry on (changes take effect when appended). */
  readonly configuration?: Configuration;
  /** For `config` entries other than the bootstrap one: the change that produced `configuration`. */
  readonly confChange?: ConfChange;
}

/** What a node must persist before it sends any message that depends on it. */
export interface HardState {
  /** Latest term the node has seen. */
  readonly term: number;
  /** Candidate voted for in `term`, or null. */
  readonly vote: string | null;
  /** Highest log index known committed. */
  readonly commit: number;
}

export const EMPTY_HARD_STATE: HardState = Object.freeze({ term: 0, vote: null, commit: 0 });

/** Where a snapshot sits in the log, and the configuration in force at that point. */
export interface SnapshotMetadata {
  /** Last log index the snapshot covers; 0 for "no snapshot". */
  readonly index: number;
  /** Term of the entry at `index`; 0 for "no snapshot". */
  readonly term: number;
  readonly configuration: Configuration;
}

/** A state-machine image at `metadata.index`; `data` is opaque to Raft. */
export interface Snapshot {
  readonly metadata: SnapshotMetadata;
  readonly data: string;
}

export const EMPTY_SNAPSHOT: Snapshot = Object.freeze({
  metadata: Object.freeze({ index: 0, term: 0, configuration: Object.freeze({ voters: Object.freeze([]), learners: Object.freeze([]) }) }),
  data: '',
});

/** Fields a caller may attach to a proposed command. */
export interface ProposalInput {
  command: string;
  clientId?: string;
  requestId?: number;
  timestampMs?: number;
}

/** Builds a frozen entry, leaving out the optional fields that are absent (so entries compare and serialize cleanly). */
export function createEntry(fields: {
  index: number;
  term: number;
  type: EntryType;
  command: string;
  clientId?: string | undefined;
  requestId?: number | undefined;
  timestampMs?: number | undefined;
  configuration?: Configuration | undefined;
  confChange?: ConfChange | undefined;
}): Entry {
  const entry: {
    index: number;
    term: number;
    type: EntryType;
    command: string;
    clientId?: string;
    requestId?: number;
    timestampMs?: number;
    configuration?: Configuration;
    confChange?: ConfChange;
  } = { index: fields.index, term: fields.term, type: fields.type, command: fields.command };
  if (fields.clientId !== undefined) entry.clientId = fields.clientId;
  if (fields.requestId !== undefined) entry.requestId = fields.requestId;
  if (fields.timestampMs !== undefined) entry.timestampMs = fields.timestampMs;
  if (fields.configuration !== undefined) entry.configuration = fields.configuration;
  if (fields.confChange !== undefined) entry.confChange = Object.freeze({ ...fields.confChange });
  return Object.freeze(entry);
}

export function hardStatesEqual(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}

/** What a node keeps on disk, and is rebuilt from after a crash: hard state, latest snapshot, entries after it. */
export interface DurableState {
  readonly hardState: HardState;
  readonly snapshot: Snapshot;
  /** Entries following the snapshot, contiguous from snapshot index + 1. */
  readonly entries: readonly Entry[];
}

export const EMPTY_DURABLE_STATE: DurableState = Object.freeze({ hardState: EMPTY_HARD_STATE, snapshot: EMPTY_SNAPSHOT, entries: Object.freeze([]) });

/** True for the disk of a node that has never run. */
export function isEmptyDurableState(state: DurableState): boolean {
  return hardStatesEqual(state.hardState, EMPTY_HARD_STATE) && state.snapshot.metadata.index === 0 && state.entries.length === 0;
}
