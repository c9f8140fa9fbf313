import { parseLsn } from '../../engines/replication/lsn.js';
import { CONFLICT_TYPES } from '../../engines/logical/subscription.js';
import type { LogicalReplication } from '../../engines/logical/logical-replication.js';
import type { PublicationInput } from '../../engines/logical/publication.js';
import type { SubscriptionInput, SubscriptionPatch } from '../../engines/logical/subscription.js';
import { pageOf, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf, type OperationRunner } from '../platform/operation-runner.js';
import { changesOf, publicationOf, skipResultOf, subscriptionOf, type LogicalChanges, type Publication, type Subscription } from './logical-shapes.js';

export interface LogicalServiceDeps {
  logical: LogicalReplication;
  runner: OperationRunner;
}

export interface PublicationQuery {
  nodeId?: string;
  sortBy?: 'name' | 'nodeId' | 'createdAt';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface SubscriptionQuery {
  status?: Subscription['status'];
  publication?: string;
  targetNodeId?: string;
  sortBy?: 'name' | 'publication' | 'status' | 'lagBytes' | 'createdAt';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface ChangesRequest {
  nodeId?: string;
  fromLsn?: string;
  table?: string;
  op?: 'insert' | 'update' | 'delete';
  publication?: string;
  limit?: number;
}

export interface UpdateSubscriptionRequest extends SubscriptionPatch {
  skip?: { lsn: string; dryRun?: boolean };
}

export interface LogicalStatistics {
  publications: number;
  subscriptions: number;
  enabledSubscriptions: number;
  decodedChanges: number;
  appliedTransactions: number;
  appliedChanges: number;
  conflicts: Record<(typeof CONFLICT_TYPES)[number], number>;
  applyErrorCount: number;
  maxLagBytes: number;
  maxLagMs: number;
  perSubscription: {
    name: string;
    status: Subscription['status'];
    applyErrorCount: number;
    syncErrorCount: number;
    conflicts: Record<(typeof CONFLICT_TYPES)[number], number>;
    appliedTransactions: number;
    lagBytes: number;
    lagMs: number;
  }[];
}

/** Which operation a surface calls, so the audit and the roles name the one the caller used (aliases included). */
export type LogicalOperationId = string;

const PUBLICATION = 'logical.publication';
const SUBSCRIPTION = 'logical.subscription';

/**
 * Publications, subscriptions, decoded changes and statistics (/api/v1/advanced-replication/logical
 * and its aliases), over the logical replication engine.
 */
export class LogicalService {
  constructor(private readonly deps: LogicalServiceDeps) {}

  // ---- publications ----------------------------------------------------------------------------

  listPublications(context: OperationContext, operationId: LogicalOperationId, query: PublicationQuery): Page<Publication> {
    return this.deps.runner.read(context, operationId, () =>
      pageOf(this.publications(), { filters: { nodeId: query.nodeId }, sortBy: query.sortBy ?? 'name', order: query.order, limit: query.limit, offset: query.offset }),
    );
  }

  getPublication(context: OperationContext, operationId: LogicalOperationId, name: string): Publication {
    return this.deps.runner.read(context, operationId, () => this.publicationOf(name));
  }

  createPublication(context: OperationContext, operationId: LogicalOperationId, input: PublicationInput): Promise<Publication> {
    const requested = typeof input?.name === 'string' ? input.name : undefined;
    return this.deps.runner.run(context, operationId, creationOf<Publication>(PUBLICATION, (publication) => publication.name, requested), () =>
      this.publicationOf(this.deps.logical.createPublication(input).name),
    );
  }

  updatePublication(context: OperationContext, name: string, input: PublicationInput): Promise<Publication> {
    return this.deps.runner.run(context, 'updateLogicalPublication', `${PUBLICATION}/${name}`, () => this.publicationOf(this.deps.logical.updatePublication(name, input).name));
  }

  dropPublication(context: OperationContext, operationId: LogicalOperationId, name: string): Promise<{ id: string; deleted: true }> {
    return this.deps.runner.run(context, operationId, `${PUBLICATION}/${name}`, () => {
      this.deps.logical.dropPublication(name);
      return { id: name, deleted: true as const };
    });
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  listSubscriptions(context: OperationContext, operationId: LogicalOperationId, query: SubscriptionQuery): Page<Subscription> {
    return this.deps.runner.read(context, operationId, () =>
      pageOf(this.deps.logical.listSubscriptions().map(subscriptionOf), {
        filters: { status: query.status, publication: query.publication, targetNodeId: query.targetNodeId },
        sortBy: query.sortBy ?? 'name',
        order: query.order,
        limit: query.limit,
        offset: query.offset,
      }),
    );
  }

  getSubscription(context: OperationContext, operationId: LogicalOperationId, name: string): Subscription {
    return this.deps.runner.read(context, operationId, () => subscriptionOf(this.deps.logical.getSubscription(name)));
  }

  createSubscription(context: OperationContext, operationId: LogicalOperationId, input: SubscriptionInput): Promise<Subscription> {
    const requested = typeof input?.name === 'string' ? input.name : undefined;
    return this.deps.runner.run(context, operationId, creationOf<Subscription>(SUBSCRIPTION, (subscription) => subscription.name, requested), () =>
      subscriptionOf(this.deps.logical.createSubscription(input)),
    );
  }

  /**
   * ALTER SUBSCRIPTION; with `skip`, the audit target names the skipped transaction's LSN and xid
   * (a dry run is a read in all but name: it changes nothing, and is audited as the PUT it is).
   */
  updateSubscription(context: OperationContext, name: string, request: UpdateSubscriptionRequest): Promise<Subscription> {
    const { skip, ...patch } = request ?? {};
    const target = skip === undefined ? `${SUBSCRIPTION}/${name}` : `${SUBSCRIPTION}/${name}/skip/${skip.lsn}${skip.dryRun === true ? '/dry-run' : ''}`;
    return this.deps.runner.run(context, 'updateLogicalSubscription', target, () => {
      let skipped = null;
      if (skip !== undefined) {
        const lsn = parseLsn(skip.lsn);
        skipped = skipResultOf(this.deps.logical.skip(name, lsn, skip.dryRun === true));
      }
      const view = Object.keys(patch).length > 0 ? this.deps.logical.updateSubscription(name, patch) : this.deps.logical.getSubscription(name);
      return { ...subscriptionOf(view), skipResult: skipped };
    });
  }

  setEnabled(context: OperationContext, operationId: LogicalOperationId, name: string, enabled: boolean): Promise<Subscription> {
    return this.deps.runner.run(context, operationId, `${SUBSCRIPTION}/${name}`, () => subscriptionOf(this.deps.logical.setEnabled(name, enabled)));
  }

  dropSubscription(context: OperationContext, operationId: LogicalOperationId, name: string): Promise<{ id: string; deleted: true }> {
    return this.deps.runner.run(context, operationId, `${SUBSCRIPTION}/${name}`, () => {
      this.deps.logical.dropSubscription(name);
      return { id: name, deleted: true as const };
    });
  }

  // ---- changes and statistics ------------------------------------------------------------------

  changes(context: OperationContext, request: ChangesRequest): LogicalChanges {
    return this.deps.runner.read(context, 'getLogicalChanges', () => {
      const page = this.deps.logical.changes({
        nodeId: request.nodeId,
        fromLsn: request.fromLsn === undefined ? undefined : parseLsn(request.fromLsn),
        table: request.table,
        op: request.op,
        publication: request.publication,
        limit: request.limit,
      });
      return changesOf(page);
    });
  }

  statistics(context: OperationContext): LogicalStatistics {
    return this.deps.runner.read(context, 'getLogicalStatistics', () => {
      const subscriptions = this.deps.logical.listSubscriptions();
      const conflicts = Object.fromEntries(CONFLICT_TYPES.map((type) => [type, subscriptions.reduce((sum, view) => sum + view.counters.conflicts[type], 0)])) as LogicalStatistics['conflicts'];
      return {
        publications: this.deps.logical.listPublications().length,
        subscriptions: subscriptions.length,
        enabledSubscriptions: subscriptions.filter((view) => view.enabled).length,
        decodedChanges: this.deps.logical.decodedChanges(),
        appliedTransactions: subscriptions.reduce((sum, view) => sum + view.counters.appliedTransactions, 0),
        appliedChanges: subscriptions.reduce((sum, view) => sum + view.counters.appliedChanges, 0),
        conflicts,
        applyErrorCount: subscriptions.reduce((sum, view) => sum + view.counters.applyErrorCount, 0),
        maxLagBytes: Math.max(0, ...subscriptions.map((view) => view.lagBytes)),
        maxLagMs: Math.max(0, ...subscriptions.map((view) => view.lagMs)),
        perSubscription: subscriptions.map((view) => ({
          name: view.name,
          status: view.status,
          applyErrorCount: view.counters.applyErrorCount,
          syncErrorCount: view.counters.syncErrorCount,
          conflicts: { ...view.counters.conflicts },
          appliedTransactions: view.counters.appliedTransactions,
          lagBytes: view.lagBytes,
          lagMs: view.lagMs,
        })),
      };
    });
  }

  // ---- internals -------------------------------------------------------------------------------

  private publications(): Publication[] {
    const users = new Map<string, number>();
    for (const view of this.deps.logical.listSubscriptions()) users.set(view.publication, (users.get(view.publication) ?? 0) + 1);
    return this.deps.logical.listPublications().map((publication) => publicationOf(publication, users.get(publication.name) ?? 0));
  }

  private publicationOf(name: string): Publication {
    const publication = this.deps.logical.getPublication(name);
    const users = this.deps.logical.listSubscriptions().filter((view) => view.publication === name).length;
    return publicationOf(publication, users);
  }
}
