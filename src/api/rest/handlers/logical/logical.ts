import type { OperationContext } from '../../../../services/platform/operation-context.js';
import type { Services } from '../../../../services/services.js';
import type { PublicationQuery, SubscriptionQuery, UpdateSubscriptionRequest } from '../../../../services/logical/logical-service.js';
import type { PublicationInput } from '../../../../engines/logical/publication.js';
import type { SubscriptionInput } from '../../../../engines/logical/subscription.js';
import { ok, okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

interface ListQuery {
  limit?: number;
  offset?: number;
  order?: 'asc' | 'desc';
}

type PublicationListQuery = ListQuery & Omit<PublicationQuery, 'sortBy'> & { sort_by?: PublicationQuery['sortBy'] };
type SubscriptionListQuery = ListQuery & Omit<SubscriptionQuery, 'sortBy'> & { sort_by?: SubscriptionQuery['sortBy'] };

/**
 * REST handlers of /api/v1/advanced-replication/logical and of the seeds' variant paths
 * (/api/v1/replication/logical/…, /api/v1/replication/publications and …/subscriptions), each
 * bound to its primary twin's handler under its own operation id (audit and roles name it).
 */
export function logicalHandlers({ logical }: Services): HandlerTable {
  const listPublications = (context: OperationContext, operationId: string, query: PublicationListQuery) => ({
    status: 200 as const,
    body: okPage(logical.listPublications(context, operationId, { nodeId: query.nodeId, sortBy: query.sort_by, order: query.order, limit: query.limit, offset: query.offset })),
  });
  const createPublication = async (context: OperationContext, operationId: string, body: unknown) => ({
    status: 201 as const,
    body: ok(await logical.createPublication(context, operationId, body as PublicationInput)),
  });
  const getPublication = (context: OperationContext, operationId: string, name: string) => ({ status: 200 as const, body: ok(logical.getPublication(context, operationId, name)) });
  const dropPublication = async (context: OperationContext, operationId: string, name: string) => ({ status: 200 as const, body: ok(await logical.dropPublication(context, operationId, name)) });
  const listSubscriptions = (context: OperationContext, operationId: string, query: SubscriptionListQuery) => ({
    status: 200 as const,
    body: okPage(
      logical.listSubscriptions(context, operationId, {
        status: query.status,
        publication: query.publication,
        targetNodeId: query.targetNodeId,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
      }),
    ),
  });
  const createSubscription = async (context: OperationContext, operationId: string, body: unknown) => ({
    status: 201 as const,
    body: ok(await logical.createSubscription(context, operationId, body as SubscriptionInput)),
  });
  const getSubscription = (context: OperationContext, operationId: string, name: string) => ({ status: 200 as const, body: ok(logical.getSubscription(context, operationId, name)) });
  const dropSubscription = async (context: OperationContext, operationId: string, name: string) => ({ status: 200 as const, body: ok(await logical.dropSubscription(context, operationId, name)) });
  const setEnabled = async (context: OperationContext, operationId: string, name: string, enabled: boolean) => ({
    status: 200 as const,
    body: ok(await logical.setEnabled(context, operationId, name, enabled)),
  });
  return {
    getLogicalChanges: ({ query, context }) => ({ status: 200, body: ok(logical.changes(context, query)) }),
    getLogicalStatistics: ({ context }) => ({ status: 200, body: ok(logical.statistics(context)) }),
    listLogicalPublications: ({ query, context }) => listPublications(context, 'listLogicalPublications', query),
    listLogicalPublicationsAlias: ({ query, context }) => listPublications(context, 'listLogicalPublicationsAlias', query),
    listLogicalPublicationsReplicationAlias: ({ query, context }) => listPublications(context, 'listLogicalPublicationsReplicationAlias', query),
    createLogicalPublication: ({ body, context }) => createPublication(context, 'createLogicalPublication', body),
    createLogicalPublicationAlias: ({ body, context }) => createPublication(context, 'createLogicalPublicationAlias', body),
    createLogicalPublicationReplicationAlias: ({ body, context }) => createPublication(context, 'createLogicalPublicationReplicationAlias', body),
    getLogicalPublication: ({ path, context }) => getPublication(context, 'getLogicalPublication', path.name),
    getLogicalPublicationAlias: ({ path, context }) => getPublication(context, 'getLogicalPublicationAlias', path.name),
    updateLogicalPublication: async ({ path, body, context }) => ({ status: 200, body: ok(await logical.updatePublication(context, path.name, body as PublicationInput)) }),
    dropLogicalPublication: ({ path, context }) => dropPublication(context, 'dropLogicalPublication', path.name),
    dropLogicalPublicationAlias: ({ path, context }) => dropPublication(context, 'dropLogicalPublicationAlias', path.name),
    listLogicalSubscriptions: ({ query, context }) => listSubscriptions(context, 'listLogicalSubscriptions', query),
    listLogicalSubscriptionsAlias: ({ query, context }) => listSubscriptions(context, 'listLogicalSubscriptionsAlias', query),
    listLogicalSubscriptionsReplicationAlias: ({ query, context }) => listSubscriptions(context, 'listLogicalSubscriptionsReplicationAlias', query),
    createLogicalSubscription: ({ body, context }) => createSubscription(context, 'createLogicalSubscription', body),
    createLogicalSubscriptionAlias: ({ body, context }) => createSubscription(context, 'createLogicalSubscriptionAlias', body),
    createLogicalSubscriptionReplicationAlias: ({ body, context }) => createSubscription(context, 'createLogicalSubscriptionReplicationAlias', body),
    getLogicalSubscription: ({ path, context }) => getSubscription(context, 'getLogicalSubscription', path.name),
    getLogicalSubscriptionAlias: ({ path, context }) => getSubscription(context, 'getLogicalSubscriptionAlias', path.name),
    updateLogicalSubscription: async ({ path, body, context }) => ({ status: 200, body: ok(await logical.updateSubscription(context, path.name, body as UpdateSubscriptionRequest)) }),
    dropLogicalSubscription: ({ path, context }) => dropSubscription(context, 'dropLogicalSubscription', path.name),
    dropLogicalSubscriptionAlias: ({ path, context }) => dropSubscription(context, 'dropLogicalSubscriptionAlias', path.name),
    enableLogicalSubscription: ({ path, context }) => setEnabled(context, 'enableLogicalSubscription', path.name, true),
    enableLogicalSubscriptionAlias: ({ path, context }) => setEnabled(context, 'enableLogicalSubscriptionAlias', path.name, true),
    disableLogicalSubscription: ({ path, context }) => setEnabled(context, 'disableLogicalSubscription', path.name, false),
    disableLogicalSubscriptionAlias: ({ path, context }) => setEnabled(context, 'disableLogicalSubscriptionAlias', path.name, false),
  };
}
