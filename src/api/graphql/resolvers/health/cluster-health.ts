import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { HealthIssuePayload, QuorumPayload } from '../../../../engines/cluster/events.js';
import type { ClusterState } from '../../../../engines/cluster/quorum.js';
import type { BusEvent } from '../../../../engines/runtime/event-bus.js';
import type { ClusterHealthSummary, HealthIssueResource } from '../../../../services/health/cluster-health-service.js';
import type { GraphQLContext } from '../../context.js';
import { orderOf } from '../../arguments.js';
import { mapFeed } from '../../map-feed.js';

/** Events that change the cluster's health, as clusterHealthChanges carries them. */
const HEALTH_EVENT_TYPES = ['cluster_state_changed', 'health_issue_detected', 'health_issue_resolved', 'quorum_lost', 'quorum_restored'];

/** GraphQL twins of the /api/v1/cluster/health operations, and the health subscriptions. */
export const clusterHealthResolvers: Resolvers = {
  Query: {
    clusterHealth: async (_parent, _args, { services, operation }) => services.clusterHealth.health(await operation()),
    detailedClusterHealth: async (_parent, _args, { services, operation }) => services.clusterHealth.detailed(await operation()),
    healthIssues: async (_parent, args, { services, operation }) =>
      services.clusterHealth.issues(await operation(), {
        severity: args.severity ?? undefined,
        type: args.type ?? undefined,
        component: args.component ?? undefined,
        nodeId: args.nodeId ?? undefined,
        resolved: args.resolved ?? undefined,
        since: args.since ? new Date(args.since).toISOString() : undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as HealthIssueResource[],
    healthHistory: async (_parent, args, { services, operation }) =>
      services.clusterHealth.history(await operation(), {
        state: args.state ?? undefined,
        since: args.since ? new Date(args.since).toISOString() : undefined,
        until: args.until ? new Date(args.until).toISOString() : undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items,
  },
  Subscription: {
    healthIssueDetected: {
      subscribe: async (_parent, _args, { services, operation }) => {
        const feed = services.events.open(await operation(), 'streamEvents', { types: ['health_issue_detected'] });
        return mapFeed(feed, (event) => issueOf(event.payload as HealthIssuePayload));
      },
      resolve: (issue: HealthIssueResource) => issue,
    },
    clusterHealthChanges: {
      subscribe: async (_parent, _args, context) => healthChangeFeed(context),
      resolve: (event: ClusterHealthEvent) => event,
    },
    quorumChanges: {
      subscribe: async (_parent, _args, { services, operation }) => {
        const feed = services.events.open(await operation(), 'streamClusterNodeEvents', { types: ['quorum_lost', 'quorum_restored'] });
        return mapFeed(feed, (event) => ({ cursor: event.cursor, type: event.type, time: event.time, ...(event.payload as QuorumPayload) }));
      },
      resolve: (event: QuorumEvent) => event,
    },
  },
};

type QuorumEvent = QuorumPayload & { cursor: number; type: string; time: string };

interface ClusterHealthEvent {
  cursor: number;
  type: string;
  time: string;
  previousState: ClusterState | null;
  health: ClusterHealthSummary;
  issue: HealthIssueResource | null;
}

/** Every health event, with the health as it stands when the event is read. */
async function healthChangeFeed({ services, operation }: GraphQLContext): Promise<AsyncIterable<ClusterHealthEvent>> {
  const context = await operation();
  const feed = services.events.open(context, 'streamEvents', { types: HEALTH_EVENT_TYPES });
  return mapFeed(feed, (event: BusEvent): ClusterHealthEvent => {
    const payload = event.payload as HealthIssuePayload;
    let issue: HealthIssueResource | null = null;
    if (event.type === 'health_issue_detected') issue = issueOf(payload);
    // A resolved issue as kept, with its last update; past the kept history, as the event recorded it.
    if (event.type === 'health_issue_resolved') issue = services.clusterHealth.findIssue(context, payload.issueId) ?? issueOf(payload);
    const previousState = event.type === 'cluster_state_changed' ? (event.payload as { previousState: ClusterState | null }).previousState : null;
    return { cursor: event.cursor, type: event.type, time: event.time, previousState, health: services.clusterHealth.health(context), issue };
  });
}

/**
 * The issue as the event recorded it. The event does not carry `updatedAt`: a detected issue has
 * not changed since its detection, and a resolved one changed no later than its resolution.
 */
function issueOf(payload: HealthIssuePayload): HealthIssueResource {
  return {
    id: payload.issueId,
    type: payload.type as HealthIssueResource['type'],
    severity: payload.severity as HealthIssueResource['severity'],
    component: payload.component as HealthIssueResource['component'],
    nodeId: payload.nodeId,
    message: payload.message,
    affectedNodes: payload.affectedNodes,
    detectedAt: payload.detectedAt,
    updatedAt: payload.resolvedAt ?? payload.detectedAt,
    resolved: payload.resolvedAt !== null,
    resolvedAt: payload.resolvedAt,
  };
}
