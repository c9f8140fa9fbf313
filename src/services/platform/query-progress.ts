import type { TimerId, VirtualClock } from '../../engines/runtime/index.js';
import type { BusEvent, EventBus } from '../../engines/runtime/event-bus.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import type { OperationContext } from './operation-context.js';
import type { OperationRunner } from './operation-runner.js';
import type { Watcher } from './metrics-watch.js';

/** The kinds of long queries: RAC parallel queries, and distributed queries over sharded tables. */
export type QueryKind = 'RAC_PARALLEL' | 'DISTRIBUTED';

export type QueryExecutionStatus = 'RUNNING' | 'COMPLETED' | 'FAILED';

/** The contract's QueryExecution: one long query's progress and, once it ends, its result. */
export interface QueryExecutionView {
  queryId: string;
  kind: QueryKind;
  query: string;
  status: QueryExecutionStatus;
  startedAt: string;
  completedAt: string | null;
  /** Cluster time since it started, or what it took once it ended. */
  elapsedMs: number;
  /** Blocks read (RAC), or fragments ended (distributed). */
  progress: { unit: 'BLOCK' | 'FRAGMENT'; done: number; total: number; percent: number };
  rowsScanned: number;
  result: { columns: string[]; rows: Record<string, string | number | boolean | null>[]; rowCount: number } | null;
  error: string | null;
}

/** What a query stream sends: a running query's progress, then its end with the result. */
export interface QueryUpdate {
  type: 'query_progress' | 'query_completed';
  query: QueryExecutionView;
}

/**
 * One domain's long queries, as the query streams show them. A domain's assembly module returns
 * it in `longQueries` (src/modules/domain-module.ts).
 */
export interface LongQuerySource {
  kind: QueryKind;
  /** The bus events that say one of its queries started and ended. */
  startedEventType: string;
  completedEventType: string;
  queryIdOf(event: BusEvent): string;
  /** The query now, running or among those the domain keeps; undefined when it keeps no such query. */
  execution(queryId: string): QueryExecutionView | undefined;
  /** The queries running now, oldest first. */
  running(): QueryExecutionView[];
}

/** The long query sources of every domain, filled as the modules assemble. */
export class LongQueries {
  private readonly sources: LongQuerySource[] = [];

  register(source: LongQuerySource): void {
    this.sources.push(source);
  }

  all(): readonly LongQuerySource[] {
    return this.sources;
  }
}

/** Bounds of how often a query stream looks at progress, in cluster milliseconds, and its default. */
export const PROGRESS_INTERVAL_MS = Object.freeze({ min: 10, max: 60_000, default: 250 });
/** Query ids one watch may name. */
export const MAX_WATCHED_QUERY_IDS = 100;

export interface QueryWatchOptions {
  /** Only these queries; every long query when absent or empty. */
  queryIds?: readonly string[];
  progressIntervalMs: number;
}

/** A watch's deliveries; `complete` once every query it named has ended. */
export interface QueryWatcher extends Watcher<QueryUpdate> {
  complete(): void;
}

/**
 * The progress and results of long queries as they run. A query's start and end come from the
 * event bus; in between its progress is read from its domain every `progressIntervalMs` of
 * cluster time and sent when it moved. Queries named by id that have already ended are sent at
 * once with their result, while their domain keeps them.
 */
export class QueryProgressService {
  constructor(
    private readonly queries: LongQueries,
    private readonly bus: EventBus<object>,
    private readonly clock: Pick<VirtualClock, 'every' | 'cancel'>,
    private readonly runner: OperationRunner,
  ) {}

  /** One query now. @throws NOT_FOUND when no domain keeps it. */
  execution(context: OperationContext, operationId: string, queryId: string): QueryExecutionView {
    return this.runner.read(context, operationId, () => {
      const found = this.find(queryId);
      if (found === undefined) throw new DomainError('NOT_FOUND', `No long query has id "${queryId}" (finished queries are kept while their domain keeps them).`, { resource: 'query', id: queryId });
      return found.execution;
    });
  }

  /**
   * Starts a watch under `operationId`'s roles; returns what stops it.
   * @throws UNPROCESSABLE for an interval out of bounds or too many ids.
   */
  watch(context: OperationContext, operationId: string, options: QueryWatchOptions, watcher: QueryWatcher): () => void {
    return this.runner.read(context, operationId, () => {
      const { min, max } = PROGRESS_INTERVAL_MS;
      const { progressIntervalMs } = options;
      if (!Number.isSafeInteger(progressIntervalMs) || progressIntervalMs < min || progressIntervalMs > max) {
        throw new DomainError('UNPROCESSABLE', `progressIntervalMs must be a whole number of milliseconds from ${min} to ${max}.`, { field: 'progressIntervalMs', progressIntervalMs, min, max });
      }
      const named = options.queryIds !== undefined && options.queryIds.length > 0 ? new Set(options.queryIds) : undefined;
      if (named && named.size > MAX_WATCHED_QUERY_IDS) {
        throw new DomainError('UNPROCESSABLE', `queryIds may name at most ${MAX_WATCHED_QUERY_IDS} queries.`, { field: 'queryIds', max: MAX_WATCHED_QUERY_IDS });
      }
      return this.startWatch(named, progressIntervalMs, watcher);
    });
  }

  private startWatch(named: Set<string> | undefined, progressIntervalMs: number, watcher: QueryWatcher): () => void {
    /** Running queries followed, with the progress last sent; their progress is read on a timer that runs only while there are some. */
    const following = new Map<string, { source: LongQuerySource; sent: string }>();
    let timer: TimerId | undefined;
    const unfinished = new Set(named);
    let stopped = false;
    const sources = this.queries.all();
    const unfollow = (queryId: string) => {
      following.delete(queryId);
      if (following.size > 0 || timer === undefined) return;
      this.clock.cancel(timer);
      timer = undefined;
    };
    const stop = () => {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      if (timer !== undefined) this.clock.cancel(timer);
    };
    const send = (update: QueryUpdate) => {
      if (stopped) return;
      try {
        watcher.next(update);
      } catch (error) {
        stop();
        watcher.error(error);
      }
    };
    const finished = (queryId: string) => {
      unfollow(queryId);
      unfinished.delete(queryId);
      if (named && unfinished.size === 0 && !stopped) {
        stop();
        watcher.complete();
      }
    };
    const report = (source: LongQuerySource, execution: QueryExecutionView) => {
      if (execution.status !== 'RUNNING') {
        send({ type: 'query_completed', query: execution });
        finished(execution.queryId);
        return;
      }
      const signature = progressSignature(execution);
      if (following.get(execution.queryId)?.sent === signature) return;
      following.set(execution.queryId, { source, sent: signature });
      timer ??= this.clock.every(progressIntervalMs, readProgress);
      send({ type: 'query_progress', query: execution });
    };
    // Progress between start and end is read here; the end itself arrives as its event, once committed.
    const readProgress = () => {
      for (const [queryId, { source }] of [...following]) {
        const execution = source.execution(queryId);
        if (execution === undefined) unfollow(queryId);
        else if (execution.status === 'RUNNING') report(source, execution);
      }
    };
    const wanted = (queryId: string) => named === undefined || named.has(queryId);

    const eventTypes = sources.flatMap((source) => [source.startedEventType, source.completedEventType]);
    const unsubscribe = this.bus.subscribe({ types: eventTypes }, (event) => {
      const source = sources.find((candidate) => candidate.startedEventType === event.type || candidate.completedEventType === event.type)!;
      const queryId = source.queryIdOf(event);
      if (!wanted(queryId) || stopped) return;
      const execution = source.execution(queryId);
      // A start committed after the query already ended: its end is on the way.
      if (execution !== undefined && (event.type === source.completedEventType || execution.status === 'RUNNING')) report(source, execution);
    });
    for (const source of sources) for (const execution of source.running()) if (wanted(execution.queryId)) report(source, execution);
    for (const queryId of named ?? []) {
      const found = this.find(queryId);
      if (found !== undefined && found.execution.status !== 'RUNNING') report(found.source, found.execution);
    }
    return stop;
  }

  private find(queryId: string): { source: LongQuerySource; execution: QueryExecutionView } | undefined {
    for (const source of this.queries.all()) {
      const execution = source.execution(queryId);
      if (execution !== undefined) return { source, execution };
    }
    return undefined;
  }
}

function progressSignature(execution: QueryExecutionView): string {
  return `${execution.progress.done}/${execution.progress.total}/${execution.rowsScanned}`;
}
