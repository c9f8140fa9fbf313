import type { ClusterState } from '../cluster/quorum.js';
import { assert } from '../runtime/domain-error.js';
import { detectIssues, type DetectedIssue, type HealthObservation } from './issue-detection.js';

/** An issue with its life: opened when first detected, resolved when an observation no longer shows it. */
export interface HealthIssue extends DetectedIssue {
  id: string;
  detectedAtMs: number;
  /** Last time its severity, message or affected nodes changed. */
  updatedAtMs: number;
  resolvedAtMs: number | null;
}

/** The cluster's health at one instant; a sample is kept whenever one of these changes. */
export interface HealthSample {
  atMs: number;
  state: ClusterState;
  hasQuorum: boolean;
  failureTolerance: number;
  totalNodes: number;
  healthyNodes: number;
  suspectedNodes: number;
  downNodes: number;
  leaderId: string | null;
  openIssues: number;
}

/** Everything the monitor remembers; persisted as one record and restored on start. */
export interface HealthMonitorState {
  nextIssueNumber: number;
  open: HealthIssue[];
  /** Newest last, bounded by {@link HealthLimits.maxResolvedIssues}. */
  resolved: HealthIssue[];
  /** Oldest first, bounded by {@link HealthLimits.maxSamples}. */
  samples: HealthSample[];
}

export interface HealthLimits {
  /** Resolved issues kept for the history; the oldest are dropped first. */
  maxResolvedIssues: number;
  /** Samples kept for the state history; the oldest are dropped first. */
  maxSamples: number;
}

export const DEFAULT_HEALTH_LIMITS: Readonly<HealthLimits> = Object.freeze({ maxResolvedIssues: 500, maxSamples: 1000 });

/** What one observation changed. */
export interface HealthChange {
  opened: HealthIssue[];
  resolved: HealthIssue[];
  /** Issues still open whose severity, message or affected nodes changed. */
  updated: HealthIssue[];
  /** The state before this observation (null at the first) and after it. */
  previousState: ClusterState | null;
  state: ClusterState;
  /** The sample this observation added, or null when nothing sampled changed. */
  sample: HealthSample | null;
}

export const EMPTY_HEALTH_STATE: Readonly<HealthMonitorState> = Object.freeze({ nextIssueNumber: 1, open: [], resolved: [], samples: [] });

/**
 * Turns a stream of observations into issues with a lifetime and a history of samples. It keeps
 * no clock: every observation carries its own time, so replaying observations replays the history.
 */
export class HealthMonitor {
  private state: HealthMonitorState;

  constructor(
    restored: HealthMonitorState = EMPTY_HEALTH_STATE,
    private readonly limits: HealthLimits = DEFAULT_HEALTH_LIMITS,
  ) {
    assert(limits.maxResolvedIssues > 0 && limits.maxSamples > 0, 'health limits must be positive');
    this.state = structuredClone(restored);
  }

  observe(observation: HealthObservation): HealthChange {
    const lastSample = this.state.samples.at(-1);
    assert(lastSample === undefined || observation.nowMs >= lastSample.atMs, 'health observations must not go back in time');
    const detected = new Map(detectIssues(observation).map((issue) => [issue.key, issue]));
    const opened: HealthIssue[] = [];
    const resolved: HealthIssue[] = [];
    const updated: HealthIssue[] = [];
    const stillOpen: HealthIssue[] = [];
    for (const issue of this.state.open) {
      const now = detected.get(issue.key);
      detected.delete(issue.key);
      if (now === undefined) {
        resolved.push({ ...issue, resolvedAtMs: observation.nowMs });
      } else if (changed(issue, now)) {
        const update = { ...issue, ...now, updatedAtMs: observation.nowMs };
        updated.push(update);
        stillOpen.push(update);
      } else {
        stillOpen.push(issue);
      }
    }
    for (const issue of detected.values()) {
      const id = `issue-${this.state.nextIssueNumber++}`;
      opened.push({ ...issue, id, detectedAtMs: observation.nowMs, updatedAtMs: observation.nowMs, resolvedAtMs: null });
    }
    this.state.open = [...stillOpen, ...opened];
    this.state.resolved = [...this.state.resolved, ...resolved].slice(-this.limits.maxResolvedIssues);
    const sample = sampleOf(observation, this.state.open.length);
    const sampled = lastSample === undefined || !sameSample(lastSample, sample);
    if (sampled) this.state.samples = withSample(this.state.samples, sample, this.limits.maxSamples);
    return { opened, resolved, updated, previousState: lastSample?.state ?? null, state: observation.state, sample: sampled ? sample : null };
  }

  /** Issues present now, oldest first. */
  openIssues(): readonly HealthIssue[] {
    return this.state.open;
  }

  /** Open issues then resolved ones, newest detection first. */
  allIssues(): HealthIssue[] {
    return [...this.state.open, ...this.state.resolved].sort((a, b) => b.detectedAtMs - a.detectedAtMs || issueNumber(b) - issueNumber(a));
  }

  /** The state history, oldest first. */
  samples(): readonly HealthSample[] {
    return this.state.samples;
  }

  /**
   * When the cluster entered the state of the newest sample: the first of the newest run of
   * samples in that state (the history may have dropped older ones). Null before any observation.
   */
  stateSinceMs(): number | null {
    const samples = this.state.samples;
    let index = samples.length - 1;
    if (index < 0) return null;
    const state = samples[index]!.state;
    while (index > 0 && samples[index - 1]!.state === state) index -= 1;
    return samples[index]!.atMs;
  }

  /** A copy of everything the monitor remembers, for persistence. */
  snapshot(): HealthMonitorState {
    return structuredClone(this.state);
  }
}

function issueNumber(issue: HealthIssue): number {
  return Number(issue.id.slice('issue-'.length));
}

function changed(issue: HealthIssue, now: DetectedIssue): boolean {
  return issue.severity !== now.severity || issue.message !== now.message || issue.affectedNodes.join() !== now.affectedNodes.join();
}

function sampleOf(observation: HealthObservation, openIssues: number): HealthSample {
  const count = (status: string) => observation.nodes.filter((node) => node.status === status).length;
  return {
    atMs: observation.nowMs,
    state: observation.state,
    hasQuorum: observation.quorum.hasQuorum,
    failureTolerance: observation.quorum.failureTolerance,
    totalNodes: observation.nodes.length,
    healthyNodes: count('HEALTHY'),
    suspectedNodes: count('SUSPECTED'),
    downNodes: count('DOWN'),
    leaderId: observation.leaderId,
    openIssues,
  };
}

/**
 * The history with `sample` recorded. Changes at one instant (a batch of heartbeats arriving
 * together) make one sample: a sample lasting no time describes no period of the cluster.
 */
function withSample(samples: readonly HealthSample[], sample: HealthSample, maxSamples: number): HealthSample[] {
  const kept = samples.at(-1)?.atMs === sample.atMs ? samples.slice(0, -1) : [...samples];
  const before = kept.at(-1);
  if (before === undefined || !sameSample(before, sample)) kept.push(sample);
  return kept.slice(-maxSamples);
}

function sameSample(a: HealthSample, b: HealthSample): boolean {
  return (
    a.state === b.state &&
    a.hasQuorum === b.hasQuorum &&
    a.failureTolerance === b.failureTolerance &&
    a.totalNodes === b.totalNodes &&
    a.healthyNodes === b.healthyNodes &&
    a.suspectedNodes === b.suspectedNodes &&
    a.downNodes === b.downNodes &&
    a.leaderId === b.leaderId &&
    a.openIssues === b.openIssues
  );
}
