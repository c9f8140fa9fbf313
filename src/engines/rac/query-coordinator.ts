/**
 * The parallel query coordinator (Oracle's QC): plans a query over the running instances, hands
 * each PX slave its granules, reads them through Cache Fusion in S mode, merges the partial
 * aggregates, and keeps the plans, the recent runs, the statistics and the config. The cluster
 * owns the membership, the database state and the table columns; it asks here.
 */
import type { VirtualClock } from '../runtime/index.js';
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { BlockId } from './block.js';
import type { RacEventPublisher } from './events.js';
import type { GlobalCacheService } from './gcs.js';
import { planQuery, validateQuery, type ParallelQuery, type QueryPlan } from './parallel-query.js';
import { finalizeAggregates, mergePartials, partialAggregate, type PartialAggregates, type QueryResult } from '../query/aggregation.js';
import { applyParallelQueryConfig, type ParallelQueryConfig } from './rac-config.js';
import type { ParallelQueryStats, RacJournal } from './rac-records.js';
import type { SharedStorage } from './shared-storage.js';

export type QueryStatus = 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface QueryRun {
  queryId: string;
  query: ParallelQuery;
  plan: QueryPlan;
  status: QueryStatus;
  startedAtMs: number;
  completedAtMs: number | null;
  blocksRead: number;
  /** Rows in the blocks read (before the WHERE filter). */
  rowsScanned: number;
  /** Blocks the slaves received from another instance through Cache Fusion. */
  cacheFusionTransfers: number;
  reassignedGranules: number;
  /** Each planned granule's progress, in plan order (a reassigned block counts for its planned granule). */
  granules: GranuleProgress[];
  result: QueryResult | null;
  error: string | null;
}

export interface GranuleProgress {
  granuleId: number;
  blocksRead: number;
  rowsScanned: number;
  status: QueryStatus;
}

/** A running parallel query: its record now, and a promise settled on the clock. */
export class QueryHandle {
  readonly settled: Promise<QueryRun>;
  private resolve!: (run: QueryRun) => void;
  constructor(readonly run: QueryRun) {
    this.settled = new Promise((resolve) => {
      this.resolve = resolve;
    });
  }
  settle(): void {
    this.resolve(this.run);
  }
}

/** Recent plans and runs kept (memory only). */
const MAX_PLANS = 100;
const SOURCE = 'rac';

export interface QueryCoordinatorDeps {
  clock: Pick<VirtualClock, 'now'>;
  storage: Pick<SharedStorage, 'blocksOf'>;
  gcs: Pick<GlobalCacheService, 'read' | 'outstandingOf'>;
  /** The instances a plan may use and a slave may move to. */
  runningInstances(): string[];
  isRunning(instanceId: string): boolean;
  /** A query took an id: the cluster stores the next one. */
  queryStarted(): void;
  bus?: RacEventPublisher;
  records?: RacJournal;
}

export class QueryCoordinator {
  private pqConfig: ParallelQueryConfig;
  private readonly pqStats: ParallelQueryStats;
  private nextId: number;
  private readonly activeQueries = new Map<string, QueryRun>();
  private readonly plans: (QueryPlan & { queryId: string; createdAtMs: number })[] = [];
  /** The last MAX_PLANS queries, running or ended, oldest first (memory only, like the plans). */
  private readonly runs: QueryRun[] = [];

  constructor(
    private readonly deps: QueryCoordinatorDeps,
    init: { config: ParallelQueryConfig; stats: ParallelQueryStats; nextQueryId: number },
  ) {
    this.pqConfig = init.config;
    this.pqStats = init.stats;
    this.nextId = init.nextQueryId;
  }

  /** The id the next query takes (stored with the cluster). */
  get nextQueryId(): number {
    return this.nextId;
  }

  parallelQueryConfig(): ParallelQueryConfig {
    return { ...this.pqConfig };
  }

  setParallelQueryConfig(patch: Partial<ParallelQueryConfig>): ParallelQueryConfig {
    this.pqConfig = applyParallelQueryConfig(this.pqConfig, patch);
    this.deps.records?.parallelQueryConfigChanged(this.pqConfig);
    return this.parallelQueryConfig();
  }

  parallelQueryStats(): ParallelQueryStats & { active: number; averageDurationMs: number | null; averageDop: number | null } {
    const finished = this.pqStats.completed + this.pqStats.failed;
    return {
      ...this.pqStats,
      active: this.activeQueries.size,
      averageDurationMs: finished === 0 ? null : this.pqStats.totalDurationMs / finished,
      averageDop: this.pqStats.executed === 0 ? null : this.pqStats.totalDop / this.pqStats.executed,
    };
  }

  queryPlans(): (QueryPlan & { queryId: string; createdAtMs: number })[] {
    return [...this.plans].reverse();
  }

  /** The recent queries, running or ended, newest first. */
  queryRuns(): QueryRun[] {
    return [...this.runs].reverse();
  }

  /** One recent query. @throws DomainError NOT_FOUND. */
  queryRun(queryId: string): QueryRun {
    const run = this.runs.find((candidate) => candidate.queryId === queryId);
    if (run === undefined) throw new DomainError('NOT_FOUND', `No parallel query has id "${queryId}".`, { resource: 'rac.parallelQuery', id: queryId });
    return run;
  }

  activeQueryRuns(): QueryRun[] {
    return [...this.activeQueries.values()];
  }

  /** Validates and plans a query over a table with `columns` without running it. */
  explain(query: ParallelQuery, columns: readonly string[]): QueryPlan {
    validateQuery(query, columns);
    const candidates = this.deps.runningInstances().map((instanceId) => ({ instanceId, outstanding: this.deps.gcs.outstandingOf(instanceId) }));
    return planQuery(query, this.deps.storage.blocksOf(query.table), candidates, this.pqConfig);
  }

  /** Runs a query: slaves read their granules through Cache Fusion in S mode; settles on the clock. */
  executeQuery(query: ParallelQuery, plan: QueryPlan): QueryHandle {
    const queryId = `pq-${this.nextId++}`;
    const now = this.deps.clock.now();
    const run: QueryRun = {
      queryId, query, plan, status: 'RUNNING', startedAtMs: now, completedAtMs: null, blocksRead: 0, rowsScanned: 0, cacheFusionTransfers: 0, reassignedGranules: 0,
      granules: plan.granules.map((granule) => ({ granuleId: granule.granuleId, blocksRead: 0, rowsScanned: 0, status: 'RUNNING' })),
      result: null, error: null,
    };
    const granuleOf = new Map(plan.granules.flatMap((granule, index) => granule.blockIds.map((blockId) => [blockId, run.granules[index]!] as const)));
    const handle = new QueryHandle(run);
    this.activeQueries.set(queryId, run);
    this.plans.push({ ...plan, queryId, createdAtMs: now });
    if (this.plans.length > MAX_PLANS) this.plans.shift();
    this.runs.push(run);
    if (this.runs.length > MAX_PLANS) this.runs.shift();
    if (plan.adaptiveReduced) this.pqStats.adaptiveReductions += 1;
    for (const fn of new Set(query.aggregates.map((aggregate) => aggregate.fn))) this.pqStats.queriesByAggregate[fn] += 1;
    this.pqStats.executed += 1;
    this.pqStats.totalDop += plan.dop;
    this.pqStats.granules += plan.granules.length;
    this.deps.queryStarted();
    this.deps.bus?.publish('parallel_query_started', SOURCE, {
      queryId,
      query: plan.text,
      nodeIds: plan.instances,
      dop: plan.dop,
      granules: plan.granules.length,
      status: 'RUNNING',
      durationMs: null,
      blocksRead: 0,
      resultRows: null,
      error: null,
    });
    const partials = new Map<BlockId, PartialAggregates>();
    const blocks = plan.granules.flatMap((granule) => granule.blockIds.map((blockId) => ({ blockId, instanceId: granule.instanceId })));
    let remaining = blocks.length;
    const finish = (error: string | null): void => {
      if (run.status !== 'RUNNING') return;
      run.completedAtMs = this.deps.clock.now();
      run.status = error === null ? 'COMPLETED' : 'FAILED';
      run.error = error;
      for (const granule of run.granules) if (granule.status === 'RUNNING') granule.status = 'FAILED';
      if (error === null) run.result = finalizeAggregates(query, mergePartials(blocks.map((block) => partials.get(block.blockId)!)));
      this.activeQueries.delete(queryId);
      this.pqStats[error === null ? 'completed' : 'failed'] += 1;
      this.pqStats.totalDurationMs += run.completedAtMs - run.startedAtMs;
      this.pqStats.blocksRead += run.blocksRead;
      this.deps.records?.parallelQueryStatsChanged(this.pqStats);
      this.deps.bus?.publish('parallel_query_completed', SOURCE, {
        queryId,
        query: plan.text,
        nodeIds: plan.instances,
        dop: plan.dop,
        granules: plan.granules.length,
        status: run.status,
        durationMs: run.completedAtMs - run.startedAtMs,
        blocksRead: run.blocksRead,
        resultRows: run.result === null ? null : run.result.rows.length,
        error,
      });
      handle.settle();
    };
    // Each slave reads its blocks one after another; a block whose slave went down moves to another.
    const bySlave = new Map<string, BlockId[]>();
    for (const block of blocks) bySlave.set(block.instanceId, [...(bySlave.get(block.instanceId) ?? []), block.blockId]);
    const readNext = (slave: string, queue: BlockId[]): void => {
      const blockId = queue.shift();
      if (blockId === undefined || run.status !== 'RUNNING') return;
      const reassign = (): void => {
        const others = this.deps.runningInstances();
        if (others.length === 0) {
          finish('no instance left to read the remaining granules');
          return;
        }
        const next = others.sort((a, b) => this.deps.gcs.outstandingOf(a) - this.deps.gcs.outstandingOf(b) || naturalCompare(a, b))[0]!;
        run.reassignedGranules += 1;
        this.pqStats.reassignedGranules += 1;
        readNext(next, [blockId, ...queue]);
      };
      if (!this.deps.isRunning(slave)) {
        reassign();
        return;
      }
      this.deps.gcs.read(slave, blockId).onSettled((outcome) => {
        if (outcome.status === 'FAILED') {
          reassign();
          return;
        }
        run.blocksRead += 1;
        run.rowsScanned += outcome.result.rows.length;
        this.pqStats.rowsScanned += outcome.result.rows.length;
        if (outcome.result.shipped) run.cacheFusionTransfers += 1;
        const granule = granuleOf.get(blockId)!;
        granule.blocksRead += 1;
        granule.rowsScanned += outcome.result.rows.length;
        if (granule.blocksRead === plan.granules[granule.granuleId - 1]!.blockIds.length) granule.status = 'COMPLETED';
        partials.set(blockId, partialAggregate(query, outcome.result.rows));
        remaining -= 1;
        if (remaining === 0) finish(null);
        else readNext(slave, queue);
      });
    };
    for (const [slave, queue] of bySlave) readNext(slave, queue);
    if (blocks.length === 0) finish(null);
    return handle;
  }
}
