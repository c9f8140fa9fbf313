import { assert } from '../runtime/domain-error.js';

/**
 * How a failover started:
 * - AUTOMATIC: the leader failed and the cluster replaced it on its own;
 * - MANUAL: an operator forced an election (the leader may be dead);
 * - SWITCHOVER: an operator moved leadership from a live leader to another node;
 * - DRILL: a failover test injected a fault into the leader.
 */
export type FailoverKind = 'AUTOMATIC' | 'MANUAL' | 'SWITCHOVER' | 'DRILL';

/** IN_PROGRESS → COMPLETED when a new leader is elected; IN_PROGRESS → FAILED when none is within the timeout. */
export type FailoverStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** One step of a failover's timeline. */
export interface FailoverStep {
  atMs: number;
  step: 'INITIATED' | 'LEADER_LOST' | 'ELECTION_STARTED' | 'LEADER_ELECTED' | 'COMPLETED' | 'FAILED';
  nodeId: string | null;
  term: number | null;
  detail: string;
}

export interface FailoverRecord {
  id: string;
  kind: FailoverKind;
  status: FailoverStatus;
  reason: string;
  /** Who started it: an API key id, or `failure-detector` for AUTOMATIC. */
  initiatedBy: string;
  previousLeaderId: string | null;
  previousTerm: number;
  /** The node an operator asked for, if any. */
  targetNodeId: string | null;
  newLeaderId: string | null;
  newTerm: number | null;
  initiatedAtMs: number;
  /** How long it may run before it is recorded FAILED, in ms of cluster time. */
  timeoutMs: number;
  completedAtMs: number | null;
  /** completedAtMs − initiatedAtMs on the cluster clock; null until it ends. */
  durationMs: number | null;
  timeline: FailoverStep[];
}

/** What the tracker remembers; persisted as one record. */
export interface FailoverTrackerState {
  nextNumber: number;
  /** Newest last, bounded by `maxHistory`; holds the one in progress too. */
  history: FailoverRecord[];
}

export const EMPTY_FAILOVER_STATE: Readonly<FailoverTrackerState> = Object.freeze({ nextNumber: 1, history: [] });

/** Failovers kept in the history; the oldest finished ones are dropped first. */
export const MAX_FAILOVER_HISTORY = 1000;

export interface FailoverStatistics {
  total: number;
  completed: number;
  failed: number;
  inProgress: number;
  byKind: Record<FailoverKind, number>;
  /** Over completed failovers; null when there is none. */
  averageDurationMs: number | null;
  p50DurationMs: number | null;
  p95DurationMs: number | null;
  maxDurationMs: number | null;
  lastFailoverAtMs: number | null;
}

/**
 * The failover timeline as an explicit state machine over leadership observations. It does not
 * cause failovers (Raft elects, the service asks for transfers); it records each one from the
 * moment it is initiated to the election of a new leader, on the cluster clock.
 */
export class FailoverTracker {
  private state: FailoverTrackerState;

  constructor(restored: FailoverTrackerState = EMPTY_FAILOVER_STATE) {
    this.state = structuredClone(restored);
  }

  /** The failover under way, if any. At most one runs at a time. */
  current(): FailoverRecord | undefined {
    const last = this.state.history.at(-1);
    return last?.status === 'IN_PROGRESS' ? last : undefined;
  }

  /** Opens a failover. Throws (a programmer error) when one is already in progress: check {@link current} first. */
  begin(
    start: Pick<FailoverRecord, 'kind' | 'reason' | 'initiatedBy' | 'previousLeaderId' | 'previousTerm' | 'targetNodeId'>,
    nowMs: number,
    timeoutMs: number,
  ): FailoverRecord {
    assert(Number.isSafeInteger(timeoutMs) && timeoutMs > 0, 'a failover timeout is a positive whole number of ms');
    assert(this.current() === undefined, 'a failover is already in progress');
    const record: FailoverRecord = {
      id: `failover-${this.state.nextNumber++}`,
      ...start,
      status: 'IN_PROGRESS',
      newLeaderId: null,
      newTerm: null,
      initiatedAtMs: nowMs,
      timeoutMs,
      completedAtMs: null,
      durationMs: null,
      timeline: [{ atMs: nowMs, step: 'INITIATED', nodeId: start.targetNodeId, term: start.previousTerm, detail: start.reason }],
    };
    this.state.history.push(record);
    this.trim();
    return record;
  }

  /** Adds a step to the failover under way; ignored when none is. */
  note(step: Omit<FailoverStep, 'atMs'>, nowMs: number): void {
    const record = this.current();
    if (!record) return;
    const last = record.timeline.at(-1);
    if (last && last.step === step.step && last.nodeId === step.nodeId && last.term === step.term) return;
    record.timeline.push({ atMs: nowMs, ...step });
  }

  /**
   * A leader was elected. It completes the failover under way when it is a new leadership: a
   * later term than the one the failover started from. Returns the completed record.
   */
  leaderElected(leaderId: string, term: number, nowMs: number): FailoverRecord | undefined {
    const record = this.current();
    if (!record || term <= record.previousTerm) return undefined;
    const targetMissed = record.targetNodeId !== null && record.targetNodeId !== leaderId;
    record.timeline.push({ atMs: nowMs, step: 'LEADER_ELECTED', nodeId: leaderId, term, detail: targetMissed ? `elected instead of the target ${record.targetNodeId}` : 'elected' });
    return this.finish(record, 'COMPLETED', nowMs, { newLeaderId: leaderId, newTerm: term });
  }

  /** Fails the failover under way once it has run for its timeout. Returns the failed record. */
  expire(nowMs: number): FailoverRecord | undefined {
    const record = this.current();
    if (!record || nowMs - record.initiatedAtMs < record.timeoutMs) return undefined;
    return this.finish(record, 'FAILED', nowMs, { detail: `no new leader within ${record.timeoutMs} ms` });
  }

  /** Fails the failover under way for a reason, e.g. a transfer the leader refused. */
  abort(nowMs: number, detail: string): FailoverRecord | undefined {
    const record = this.current();
    return record ? this.finish(record, 'FAILED', nowMs, { detail }) : undefined;
  }

  /** Every failover, newest first. */
  history(): FailoverRecord[] {
    return [...this.state.history].reverse();
  }

  get(id: string): FailoverRecord | undefined {
    return this.state.history.find((record) => record.id === id);
  }

  statistics(): FailoverStatistics {
    const history = this.state.history;
    const durations = history
      .filter((record) => record.status === 'COMPLETED')
      .map((record) => record.durationMs as number)
      .sort((a, b) => a - b);
    const byKind: Record<FailoverKind, number> = { AUTOMATIC: 0, MANUAL: 0, SWITCHOVER: 0, DRILL: 0 };
    for (const record of history) byKind[record.kind]++;
    return {
      total: history.length,
      completed: durations.length,
      failed: history.filter((record) => record.status === 'FAILED').length,
      inProgress: this.current() ? 1 : 0,
      byKind,
      averageDurationMs: durations.length === 0 ? null : durations.reduce((sum, value) => sum + value, 0) / durations.length,
      p50DurationMs: percentile(durations, 0.5),
      p95DurationMs: percentile(durations, 0.95),
      maxDurationMs: durations.at(-1) ?? null,
      lastFailoverAtMs: history.at(-1)?.initiatedAtMs ?? null,
    };
  }

  snapshot(): FailoverTrackerState {
    return structuredClone(this.state);
  }

  private finish(
    record: FailoverRecord,
    status: 'COMPLETED' | 'FAILED',
    nowMs: number,
    outcome: { newLeaderId?: string; newTerm?: number; detail?: string },
  ): FailoverRecord {
    record.status = status;
    record.completedAtMs = nowMs;
    record.durationMs = nowMs - record.initiatedAtMs;
    if (outcome.newLeaderId !== undefined) record.newLeaderId = outcome.newLeaderId;
    if (outcome.newTerm !== undefined) record.newTerm = outcome.newTerm;
    record.timeline.push({ atMs: nowMs, step: status, nodeId: record.newLeaderId, term: record.newTerm, detail: outcome.detail ?? status.toLowerCase() });
    return record;
  }

  private trim(): void {
    if (this.state.history.length > MAX_FAILOVER_HISTORY) this.state.history.splice(0, this.state.history.length - MAX_FAILOVER_HISTORY);
  }
}

/** Nearest-rank percentile of sorted values; null when empty. */
function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}
