import type { Services } from '../../../../services/services.js';
import type { MigrationTaskView } from '../../../../engines/sharding/shard-move-views.js';
import type { CreateMigrationTaskRequest } from '../../../../services/sharding/migration-service.js';
import type { OperationContext } from '../../../../services/platform/operation-context.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

const progressPath = (taskId: string) => `/api/v1/cluster/migration/tasks/${encodeURIComponent(taskId)}/progress`;

/**
 * REST handlers of /api/v1/cluster/migration, and of the seed's variant paths (POST
 * /api/v1/cluster/migration, GET /api/v1/cluster/migration/{id}) bound to their primary twins.
 */
export function migrationHandlers({ migration }: Services): HandlerTable {
  const create = async (context: OperationContext, body: CreateMigrationTaskRequest, operationId: string) => {
    const task = await migration.create(context, body, operationId);
    // A task started at once answers 202 with where to follow it, as `start` does.
    return body.start === true ? { status: 202 as const, body: ok(task), headers: { Location: progressPath(task.taskId) } } : { status: 201 as const, body: ok(task) };
  };
  return {
    listMigrationTasks: ({ query, context }) => {
      const page = migration.list(context, {
        state: query.state,
        targetNodeId: query.targetNodeId,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<MigrationTaskView>(page.items) }) };
    },
    createMigrationTask: ({ body, context }) => create(context, body as CreateMigrationTaskRequest, 'createMigrationTask'),
    createMigrationTaskAlias: ({ body, context }) => create(context, body as CreateMigrationTaskRequest, 'createMigrationTaskAlias'),
    getMigrationTask: ({ path, context }) => ({ status: 200, body: ok(migration.get(context, path.id)) }),
    getMigrationTaskAlias: ({ path, context }) => ({ status: 200, body: ok(migration.get(context, path.id, 'getMigrationTaskAlias')) }),
    deleteMigrationTask: async ({ path, context }) => ({ status: 200, body: ok(await migration.delete(context, path.id)) }),
    startMigrationTask: async ({ path, body, context }) => ({
      status: 202,
      body: ok(await migration.start(context, path.id, body?.force ?? false)),
      headers: { Location: progressPath(path.id) },
    }),
    pauseMigrationTask: async ({ path, context }) => ({ status: 200, body: ok(await migration.pause(context, path.id)) }),
    resumeMigrationTask: async ({ path, context }) => ({ status: 200, body: ok(await migration.resume(context, path.id)) }),
    getMigrationTaskProgress: ({ path, context }) => ({ status: 200, body: ok(migration.progress(context, path.id)) }),
    getMigrationStatistics: ({ context }) => ({ status: 200, body: ok(migration.statistics(context)) }),
  };
}
