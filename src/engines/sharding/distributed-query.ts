/**
 * Runs a distributed plan (`shard-query-plan.ts`) over the shards' nodes (README, "Cross-shard
 * execution"): each fragment reads its shard's rows from its node's storage, filters them and
 * computes partial aggregates (or, for a query of columns, its own first LIMIT rows in order);
 * the coordinator merges the fragments' results when the last arrives. Every fragment reads as of
 * the query's start (one statement snapshot, as PostgreSQL's), so the result equals a serial
 * evaluation of the rows at that moment. A fragment takes its network round trip (the caller's
 * link model, from the simulated network) plus its scan time (`scanRowsPerMs`) on the cluster clock.
 *
 * Executions are kept, bounded, with the actual rows and time of every fragment; statistics are
 * counted as queries end. No I/O: the caller gives the clock, the links and the row reader.
 */
import { DomainError, assert } from '../runtime/domain-error.js';
import type { TimerId, VirtualClock } from '../runtime/index.js';
import { finalizeAggregates, mergePartials, mergeRows, partialAggregate, selectRows, type PartialAggregates, type QueryResult } from '../query/aggregation.js';
import { selectsRows, type QueryRow } from '../query/select-query.js';
import type { DistributedQueryConfig } from './distributed-query-config.js';
import type { DistributedPlan, DistributedPlanKind, QueryFragment } from './shard-query-plan.js';

export type ExecutionStatus = 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface FragmentRun extends QueryFragment {
  status: ExecutionStatus;
  /** Rows read from the shard's table on the node. */
  rowsScanned: number;
  /** Rows sent back to the coordinator: partial groups, or the shard's own top rows. */
  rowsReturned: number;
  /** The round trip between the coordinator and the node, on the simulated network. */
  networkMs: number;
  /** Reading the rows at `scanRowsPerMs`. */
  scanMs: number;
  /** Cluster time it ended (its result arrived, or it failed); null while RUNNING. */
  completedAtMs: number | null;
  /** networkMs + scanMs once it ended. */
  elapsedMs: number | null;
  error: string | null;
}

export interface DistributedExecution {
  /** `dq-N`, from 1 in the order queries start. */
  queryId: string;
  plan: DistributedPlan;
  coordinatorNodeId: string;
  status: ExecutionStatus;
  startedAtMs: number;
  completedAtMs: number | null;
  /** Cluster time it took, once it ended. */
  durationMs: number | null;
  fragments: FragmentRun[];
  /** Rows the ended fragments read. */
  rowsScanned: number;
  result: QueryResult | null;
  error: string | null;
}

export interface LatencyPercentiles {
  /** Ended queries the figures are over: the most recent, at most `latencyWindow`. */
  samples: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface DistributedQueryStatistics {
  queriesStarted: number;
  queriesCompleted: number;
  queriesFailed: number;
  queriesRunning: number;
  singleShardQueries: number;
  scatterGatherQueries: number;
  noShardQueries: number;
  /** Single-shard queries of those started, in percent (0 before any). */
  singleShardPercent: number;
  fragmentsExecuted: number;
  rowsScanned: number;
  rowsReturned: number;
  /** Nearest-rank percentiles of the ended queries' durations; null before any ended. */
  latency: LatencyPercentiles | null;
}

export interface DistributedQueryDeps {
  clock: Pick<VirtualClock, 'now' | 'after' | 'cancel'>;
  /** The round trip between two nodes in cluster milliseconds (0 for a node to itself); null when one cannot reach the other. */
  roundTripMs(from: string, to: string): number | null;
  /** The rows of a fragment's shard table in its node's storage. @throws DomainError when the node cannot read them (down, or the shard not there). */
  readRows(fragment: QueryFragment): readonly QueryRow[];
  /** Told when a query starts (RUNNING) and when it ends. */
  onStarted?(execution: DistributedExecution): void;
  onEnded?(execution: DistributedExecution): void;
  /** Where the kept plans and the statistics are persisted (the journal); nothing persisted without it. */
  records?: DistributedQueryRecords;
}

/** What the store keeps of the executor: every kept execution, by query id, and the statistics. */
export interface DistributedQueryRecords {
  executionChanged(execution: DistributedExecution): void;
  executionRemoved(queryId: string): void;
  statisticsChanged(state: DistributedQueryStatisticsState): void;
}

/** The statistics' persisted part: the counters, the latency window and the next query number. */
export interface DistributedQueryStatisticsState {
  counters: DistributedQueryCounters;
  durationsMs: number[];
  nextQueryNumber: number;
}

export type DistributedQueryCounters = Omit<DistributedQueryStatistics, 'queriesRunning' | 'singleShardPercent' | 'latency'>;

/** What a restarted executor starts from. */
export interface DistributedQueryRestore {
  executions: DistributedExecution[];
  statistics: DistributedQueryStatisticsState | undefined;
}

/** The error of a query the server's restart interrupted: its fragments' outputs were in memory. */
export const INTERRUPTED_BY_RESTART = 'Interrupted: the server restarted before the query ended; run it again.';

/** A fragment's outcome, held until the merge. */
type FragmentOutput = { kind: 'partials'; partials: PartialAggregates } | { kind: 'rows'; rows: QueryResult };

export class DistributedQueryExecutor {
  private readonly executions: DistributedExecution[] = [];
  private readonly durationsMs: number[] = [];
  private nextQueryNumber = 1;
  private readonly counters: DistributedQueryCounters = { queriesStarted: 0, queriesCompleted: 0, queriesFailed: 0, singleShardQueries: 0, scatterGatherQueries: 0, noShardQueries: 0, fragmentsExecuted: 0, rowsScanned: 0, rowsReturned: 0 };
  private readonly running = new Map<string, { outputs: Map<number, FragmentOutput>; timers: TimerId[]; waiters: (() => void)[] }>();

  /**
   * Restored, the kept plans and statistics are the store's; a query that was running when the
   * server stopped has lost its fragments' outputs, so it ends FAILED, saying so.
   */
  constructor(
    private readonly deps: DistributedQueryDeps,
    private readonly config: DistributedQueryConfig,
    restored?: DistributedQueryRestore,
  ) {
    if (restored === undefined) return;
    if (restored.statistics !== undefined) {
      Object.assign(this.counters, restored.statistics.counters);
      this.durationsMs.push(...restored.statistics.durationsMs.slice(-config.latencyWindow));
      this.nextQueryNumber = restored.statistics.nextQueryNumber;
    }
    // Newest first, as kept: the query number orders them.
    const byNumber = (execution: DistributedExecution) => Number(execution.queryId.slice('dq-'.length));
    for (const execution of [...restored.executions].sort((a, b) => byNumber(b) - byNumber(a))) {
      this.executions.push(execution);
      if (execution.status !== 'RUNNING') continue;
      execution.status = 'FAILED';
      execution.error = INTERRUPTED_BY_RESTART;
      for (const fragment of execution.fragments) {
        if (fragment.status === 'RUNNING') {
          fragment.status = 'FAILED';
          fragment.error = 'interrupted by a restart';
        }
      }
      this.counters.queriesFailed += 1;
      this.deps.records?.executionChanged(execution);
    }
    this.persistStatistics();
  }

  /**
   * Starts a plan from `coordinatorNodeId`; it ends on the cluster clock (at once when every
   * fragment is on the coordinator's node and reads nothing). Fragments read their shards now.
   * @throws DomainError CONFLICT when the plan leaves shards no node can answer for (nothing starts).
   */
  execute(plan: DistributedPlan, coordinatorNodeId: string): DistributedExecution {
    if (!plan.complete) {
      const shards = plan.unavailableShards.map((shard) => `${shard.shardName} (${shard.reason})`).join(', ');
      throw new DomainError('CONFLICT', `No node can answer for ${shards}; the query would miss their rows.`, { unavailableShards: plan.unavailableShards });
    }
    const nowMs = this.deps.clock.now();
    const execution: DistributedExecution = {
      queryId: `dq-${this.nextQueryNumber++}`,
      plan,
      coordinatorNodeId,
      status: 'RUNNING',
      startedAtMs: nowMs,
      completedAtMs: null,
      durationMs: null,
      fragments: plan.fragments.map((fragment) => ({ ...fragment, status: 'RUNNING', rowsScanned: 0, rowsReturned: 0, networkMs: 0, scanMs: 0, completedAtMs: null, elapsedMs: null, error: null })),
      rowsScanned: 0,
      result: null,
      error: null,
    };
    this.keep(execution);
    this.counters.queriesStarted += 1;
    const kindCounter: Record<DistributedPlanKind, 'singleShardQueries' | 'scatterGatherQueries' | 'noShardQueries'> = { SINGLE_SHARD: 'singleShardQueries', SCATTER_GATHER: 'scatterGatherQueries', NO_SHARD: 'noShardQueries' };
    this.counters[kindCounter[plan.kind]] += 1;
    this.deps.records?.executionChanged(execution);
    this.persistStatistics();
    const state = { outputs: new Map<number, FragmentOutput>(), timers: [] as TimerId[], waiters: [] as (() => void)[] };
    this.running.set(execution.queryId, state);
    this.deps.onStarted?.(execution);

    const arrivals: { run: FragmentRun; output: FragmentOutput | null; afterMs: number }[] = [];
    for (const run of execution.fragments) {
      const networkMs = this.deps.roundTripMs(coordinatorNodeId, run.nodeId);
      if (networkMs === null) {
        arrivals.push({ run, output: null, afterMs: 0 });
        run.error = `${run.nodeId} cannot be reached from the coordinator ${coordinatorNodeId}`;
        continue;
      }
      try {
        const rows = this.deps.readRows(run);
        const output = this.runFragment(plan, rows);
        run.rowsScanned = rows.length;
        run.rowsReturned = output.kind === 'rows' ? output.rows.rows.length : output.partials.size;
        run.networkMs = networkMs;
        run.scanMs = Math.ceil(rows.length / this.config.scanRowsPerMs);
        arrivals.push({ run, output, afterMs: networkMs + run.scanMs });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        run.networkMs = networkMs;
        run.error = `${run.shardName} on ${run.nodeId}: ${error.message}`;
        arrivals.push({ run, output: null, afterMs: networkMs });
      }
    }
    for (const arrival of arrivals) {
      if (execution.status !== 'RUNNING') break;
      if (arrival.afterMs === 0) this.arrive(execution, arrival.run, arrival.output);
      else state.timers.push(this.deps.clock.after(arrival.afterMs, () => this.arrive(execution, arrival.run, arrival.output)));
    }
    if (execution.fragments.length === 0) this.merge(execution);
    return execution;
  }

  /** Resolves once the query has ended (at once for an ended or unknown one). */
  whenEnded(queryId: string): Promise<void> {
    const state = this.running.get(queryId);
    return state === undefined ? Promise.resolve() : new Promise((resolve) => state.waiters.push(resolve));
  }

  /** Kept executions, newest first. */
  list(): readonly DistributedExecution[] {
    return this.executions;
  }

  find(queryId: string): DistributedExecution | undefined {
    return this.executions.find((execution) => execution.queryId === queryId);
  }

  /** Queries running now, oldest first. */
  runningExecutions(): DistributedExecution[] {
    return this.executions.filter((execution) => execution.status === 'RUNNING').reverse();
  }

  statistics(): DistributedQueryStatistics {
    const { queriesStarted, singleShardQueries } = this.counters;
    return {
      ...this.counters,
      queriesRunning: this.running.size,
      singleShardPercent: queriesStarted === 0 ? 0 : Math.round((singleShardQueries * 1000) / queriesStarted) / 10,
      latency: percentiles(this.durationsMs),
    };
  }

  private runFragment(plan: DistributedPlan, rows: readonly QueryRow[]): FragmentOutput {
    // A query of columns, or groups that each lie on one shard: the fragment's rows are final (its top n); else partial aggregates.
    if (selectsRows(plan.query)) return { kind: 'rows', rows: selectRows(plan.query, rows) };
    if (plan.groupsOnOneShard) return { kind: 'rows', rows: finalizeAggregates(plan.query, partialAggregate(plan.query, rows)) };
    return { kind: 'partials', partials: partialAggregate(plan.query, rows) };
  }

  private arrive(execution: DistributedExecution, run: FragmentRun, output: FragmentOutput | null): void {
    if (execution.status !== 'RUNNING') return;
    const nowMs = this.deps.clock.now();
    run.completedAtMs = nowMs;
    run.elapsedMs = nowMs - execution.startedAtMs;
    run.status = output === null ? 'FAILED' : 'COMPLETED';
    this.counters.fragmentsExecuted += 1;
    if (output === null) {
      this.end(execution, null, `Fragment ${run.shardName} failed: ${run.error}.`);
      return;
    }
    execution.rowsScanned += run.rowsScanned;
    this.counters.rowsScanned += run.rowsScanned;
    this.counters.rowsReturned += run.rowsReturned;
    this.running.get(execution.queryId)!.outputs.set(run.shardIndex, output);
    if (execution.fragments.every((fragment) => fragment.status === 'COMPLETED')) this.merge(execution);
  }

  private merge(execution: DistributedExecution): void {
    const { query } = execution.plan;
    // In fragment (shard) order, so the merge does not depend on arrival order.
    const outputs = execution.fragments.map((fragment) => this.running.get(execution.queryId)!.outputs.get(fragment.shardIndex)!);
    const result = selectsRows(query) || execution.plan.groupsOnOneShard
      ? mergeRows(query, outputs.map((output) => (output as Extract<FragmentOutput, { kind: 'rows' }>).rows))
      : finalizeAggregates(query, mergePartials(outputs.map((output) => (output as Extract<FragmentOutput, { kind: 'partials' }>).partials)));
    if (result.rows.length > this.config.maxResultRows) {
      this.end(execution, null, `Row count exceeded ${this.config.maxResultRows} (maxResultRows); add a LIMIT or a narrower WHERE.`);
      return;
    }
    this.end(execution, result, null);
  }

  private end(execution: DistributedExecution, result: QueryResult | null, error: string | null): void {
    const state = this.running.get(execution.queryId);
    assert(state !== undefined, `${execution.queryId} is running`);
    for (const timer of state.timers) this.deps.clock.cancel(timer);
    this.running.delete(execution.queryId);
    const nowMs = this.deps.clock.now();
    execution.status = error === null ? 'COMPLETED' : 'FAILED';
    execution.completedAtMs = nowMs;
    execution.durationMs = nowMs - execution.startedAtMs;
    execution.result = result;
    execution.error = error;
    for (const fragment of execution.fragments) {
      // Fragments still out when another failed are abandoned with the query.
      if (fragment.status === 'RUNNING') {
        fragment.status = 'FAILED';
        fragment.error = 'abandoned: another fragment failed';
      }
    }
    this.counters[error === null ? 'queriesCompleted' : 'queriesFailed'] += 1;
    this.durationsMs.push(execution.durationMs);
    if (this.durationsMs.length > this.config.latencyWindow) this.durationsMs.shift();
    this.deps.records?.executionChanged(execution);
    this.persistStatistics();
    this.deps.onEnded?.(execution);
    for (const resolve of state.waiters) resolve();
  }

  private keep(execution: DistributedExecution): void {
    this.executions.unshift(execution);
    // A running query is never forgotten before it ends: only ended ones fall off the end.
    while (this.executions.length > this.config.maxKeptPlans) {
      let index = this.executions.length - 1;
      while (index >= 0 && this.executions[index]!.status === 'RUNNING') index -= 1;
      if (index < 0) break;
      const [forgotten] = this.executions.splice(index, 1);
      this.deps.records?.executionRemoved(forgotten!.queryId);
    }
  }

  private persistStatistics(): void {
    this.deps.records?.statisticsChanged({ counters: { ...this.counters }, durationsMs: [...this.durationsMs], nextQueryNumber: this.nextQueryNumber });
  }
}

/** Nearest-rank percentiles of the durations. */
function percentiles(durationsMs: readonly number[]): LatencyPercentiles | null {
  if (durationsMs.length === 0) return null;
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const rank = (percent: number) => sorted[Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1)]!;
  return {
    samples: sorted.length,
    p50Ms: rank(50),
    p95Ms: rank(95),
    p99Ms: rank(99),
    maxMs: sorted[sorted.length - 1]!,
    meanMs: Math.round((sorted.reduce((sum, value) => sum + value, 0) / sorted.length) * 10) / 10,
  };
}
