import { DomainError } from '../../engines/runtime/domain-error.js';
import type { SequenceState } from '../../engines/sharding/shard-move-sequence.js';
import {
  migrationStatisticsView,
  migrationTaskView,
  workflowProgressView,
  type MigrationStatisticsView,
  type MigrationTaskView,
  type WorkflowProgressView,
} from '../../engines/sharding/shard-move-views.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf } from '../platform/operation-runner.js';
import type { ShardMovesServiceDeps } from './rebalance-service.js';

export interface CreateMigrationTaskRequest {
  shardId?: string;
  keyRange?: { table: string; fromKey: unknown; toKey: unknown };
  targetNodeId: string;
  start?: boolean;
  force?: boolean;
}

export interface MigrationTaskQuery {
  state?: SequenceState;
  targetNodeId?: string;
  sortBy?: 'createdAt' | 'taskId' | 'state';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export const MIGRATION_TASK_FIELDS = ['taskId', 'state', 'targetNodeId', 'keyRange', 'moves', 'forcedFindings', 'createdAt', 'startedAt', 'finishedAt', 'error', 'progress'] as const;

const TARGET = 'cluster.migrationTask';

/**
 * Migration tasks (/api/v1/cluster/migration and its aliases): one shard or the shards of a key
 * range moved to a node by the same move workflow as a rebalance.
 */
export class MigrationService {
  constructor(private readonly deps: ShardMovesServiceDeps) {}

  list(context: OperationContext, query: MigrationTaskQuery): Page<Partial<MigrationTaskView>> {
    return this.deps.runner.read(context, 'listMigrationTasks', () => {
      const tasks = this.deps.mover.list('MIGRATION').map((record) => this.viewOf(record.id));
      const page = pageOf(tasks, { filters: { state: query.state, targetNodeId: query.targetNodeId }, sortBy: query.sortBy ?? 'createdAt', order: query.order, limit: query.limit, offset: query.offset });
      return { ...page, items: selectFields(page.items, query.fields, 'taskId', MIGRATION_TASK_FIELDS) };
    });
  }

  /** @throws UNPROCESSABLE without exactly one of shardId and keyRange; NOT_FOUND for an unknown shard, table or node; CONFLICT (pre-flight) when started. */
  create(context: OperationContext, request: CreateMigrationTaskRequest, operationId = 'createMigrationTask'): Promise<MigrationTaskView> {
    return this.deps.runner.run(context, operationId, creationOf<MigrationTaskView>(TARGET, (task) => task.taskId), () => {
      if ((request.shardId === undefined) === (request.keyRange === undefined)) {
        throw new DomainError('UNPROCESSABLE', 'Give exactly one of shardId and keyRange.', { problems: ['exactly one of shardId and keyRange is required'] });
      }
      const now = this.deps.clock.now();
      const record =
        request.shardId !== undefined
          ? this.deps.mover.createMigration({ shardId: request.shardId, targetNodeId: request.targetNodeId }, now)
          : this.deps.mover.createMigration(
              {
                shardIds: this.deps.catalog.shardIdsOfKeyRange(request.keyRange!.table, request.keyRange!.fromKey ?? null, request.keyRange!.toKey ?? null),
                keyRange: { table: request.keyRange!.table, fromKey: (request.keyRange!.fromKey ?? null) as never, toKey: (request.keyRange!.toKey ?? null) as never },
                targetNodeId: request.targetNodeId,
              },
              now,
            );
      if (request.start === true) {
        try {
          this.deps.mover.start(record.id, { force: request.force ?? false }, now);
        } catch (error) {
          // A task that cannot start is not left behind: the request changes nothing.
          this.deps.mover.delete(record.id, now);
          throw error;
        }
        this.deps.started();
      }
      return this.viewOf(record.id);
    });
  }

  get(context: OperationContext, taskId: string, operationId = 'getMigrationTask'): MigrationTaskView {
    return this.deps.runner.read(context, operationId, () => this.viewOf(taskId));
  }

  progress(context: OperationContext, taskId: string): WorkflowProgressView {
    return this.deps.runner.read(context, 'getMigrationTaskProgress', () => {
      this.task(taskId);
      return workflowProgressView(this.deps.mover.progress(taskId, this.deps.clock.now()));
    });
  }

  start(context: OperationContext, taskId: string, force: boolean): Promise<MigrationTaskView> {
    return this.control(context, 'startMigrationTask', taskId, () => this.deps.mover.start(taskId, { force }, this.deps.clock.now()));
  }

  pause(context: OperationContext, taskId: string): Promise<MigrationTaskView> {
    return this.control(context, 'pauseMigrationTask', taskId, () => this.deps.mover.pause(taskId, this.deps.clock.now()));
  }

  resume(context: OperationContext, taskId: string): Promise<MigrationTaskView> {
    return this.control(context, 'resumeMigrationTask', taskId, () => this.deps.mover.resume(taskId, this.deps.clock.now()));
  }

  /** Cancels a running task (refused past its move's switch) and removes it; answers it as it was last. */
  delete(context: OperationContext, taskId: string): Promise<MigrationTaskView> {
    return this.deps.runner.run(context, 'deleteMigrationTask', `${TARGET}/${taskId}`, () => {
      this.task(taskId);
      const record = this.deps.mover.delete(taskId, this.deps.clock.now());
      const view = migrationTaskView(record, this.deps.mover.progressOfRecord(record, this.deps.clock.now()));
      this.deps.started();
      return view;
    });
  }

  statistics(context: OperationContext): MigrationStatisticsView {
    return this.deps.runner.read(context, 'getMigrationStatistics', () => migrationStatisticsView(this.deps.mover.statistics()));
  }

  private control(context: OperationContext, operationId: string, taskId: string, change: () => unknown): Promise<MigrationTaskView> {
    return this.deps.runner.run(context, operationId, `${TARGET}/${taskId}`, () => {
      this.task(taskId);
      change();
      this.deps.started();
      return this.viewOf(taskId);
    });
  }

  private viewOf(taskId: string): MigrationTaskView {
    const record = this.task(taskId);
    return migrationTaskView(record, this.deps.mover.progress(taskId, this.deps.clock.now()));
  }

  /** A task's record; a rebalance's id is not a task (404). */
  private task(taskId: string) {
    const record = this.deps.mover.list('MIGRATION').find((candidate) => candidate.id === taskId);
    if (record === undefined) throw new DomainError('NOT_FOUND', `No migration task has id "${taskId}".`, { resource: 'cluster.migrationTask', id: taskId });
    return record;
  }
}
