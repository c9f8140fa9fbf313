import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { DomainError } from '../../../../engines/runtime/domain-error.js';
import { atLeastAsSevere, REPLICATION_EVENT_TYPES, severityOfReplicationEvent, type ReplicaStatusChangePayload, type ReplicationErrorPayload, type WalPositionUpdatePayload } from '../../../../engines/replication/events.js';
import type { BusEvent, EventFilter } from '../../../../engines/runtime/event-bus.js';
import type { ReplicationConflictView } from '../../../../services/replication/replication-conflict-service.js';
import type { Replica, ReplicationStatus } from '../../../../services/replication/replication-service.js';
import type { ReplicationSlotView } from '../../../../services/replication/replication-slot-service.js';
import type { GraphQLContext } from '../../context.js';
import { nullIfNotFound } from '../../arguments.js';
import { mapFeed } from '../../map-feed.js';


/** The replication subscriptions: views of the replication events on the one event bus. */
export const replicationSubscriptionResolvers: Resolvers = {
  Subscription: {
    replicationEvents: {
      subscribe: async (_parent, args, context) => {
        const resourceIds = args.replicaIds ?? undefined;
        const minimum = args.severity ?? 'INFO';
        const wanted = args.eventTypes && args.eventTypes.length > 0 ? args.eventTypes.filter((type) => REPLICATION_EVENT_TYPES.includes(type)) : [...REPLICATION_EVENT_TYPES];
        if (wanted.length === 0) throw new DomainError('UNPROCESSABLE', `eventTypes names none of the replication events: ${REPLICATION_EVENT_TYPES.join(', ')}.`);
        const admitted = (event: BusEvent) => atLeastAsSevere(severityOfReplicationEvent(event.type, event.payload), minimum);
        return feedOf(context, { types: wanted, resourceIds }, (event) => (admitted(event) ? { replicationEvents: { ...event, payload: event.payload as unknown } } : undefined), args.resumeFrom ?? undefined);
      },
    },
    replicationLagChanged: {
      subscribe: (_parent, args, context) => lagFeed(context, { threshold: args.threshold ?? 0 }),
      resolve: (event: LagEvent) => event,
    },
    replicationLagUpdates: {
      subscribe: (_parent, args, context) => lagFeed(context, { threshold: args.threshold ?? 0, replicaId: args.replicaId ?? undefined }),
      resolve: (event: LagEvent) => event,
    },
    replicaStatusChanges: {
      subscribe: async (_parent, args, context) => {
        const operation = await context.operation();
        const filter = { types: ['replica_status_change'], resourceIds: args.replicaId ? [args.replicaId] : undefined };
        return feedOf(context, filter, (event): ReplicaStatusEvent => {
          const payload = event.payload as ReplicaStatusChangePayload;
          return {
            cursor: event.cursor,
            time: event.time,
            replicaId: payload.replicaId,
            previousState: payload.from,
            state: payload.to,
            reason: payload.reason,
            // The replica as it is now; gone once removed or promoted.
            replica: payload.to === 'REMOVED' || payload.to === 'PROMOTED' ? null : replicaOrNull(context, operation, payload.replicaId),
          };
        });
      },
      resolve: (event: ReplicaStatusEvent) => event,
    },
    conflictDetected: {
      subscribe: (_parent, _args, context) => conflictFeed(context, ['conflict_detected'], (conflict) => conflict),
      resolve: (conflict: ReplicationConflictView) => conflict,
    },
    replicationConflictDetected: {
      subscribe: (_parent, _args, context) => conflictFeed(context, ['conflict_detected'], (conflict) => conflict),
      resolve: (conflict: ReplicationConflictView) => conflict,
    },
    replicationConflicts: {
      subscribe: async (_parent, args, context) => {
        // Streaming replication is one group, named by the cluster; another group matches nothing.
        const clusterName = context.services.cluster.getConfig(await context.operation()).clusterName;
        const inGroup = args.groupId === undefined || args.groupId === null || args.groupId === clusterName;
        return conflictFeed(context, ['conflict_detected', 'conflict_resolved'], (conflict, event) =>
          inGroup ? { cursor: event.cursor, type: event.type, time: event.time, conflict } : undefined,
        );
      },
      resolve: (event: { cursor: number; type: string; time: string; conflict: ReplicationConflictView }) => event,
    },
    slotStatusChanged: {
      subscribe: async (_parent, args, context) => {
        const operation = await context.operation();
        return feedOf(context, { types: ['slot_created', 'replication_error'] }, (event) => {
          const slotName = event.type === 'slot_created' ? (event.payload as { slotName: string }).slotName : (event.payload as ReplicationErrorPayload).slotName;
          if (slotName === undefined || (args.slotName && args.slotName !== slotName)) return undefined;
          // A slot dropped since has no state left to show.
          return nullIfNotFound(() => context.services.replicationSlots.get(operation, slotName)) ?? undefined;
        });
      },
      resolve: (slot: ReplicationSlotView) => slot,
    },
    replicationStatus: {
      subscribe: async (_parent, _args, context) => {
        await context.operation();
        return feedOf(context, { types: ['replica_status_change', 'replication_error'] }, () => context.services.replication.status());
      },
      resolve: (status: ReplicationStatus) => status,
    },
  },
};

interface ReplicaStatusEvent {
  cursor: number;
  time: string;
  replicaId: string;
  previousState: ReplicaStatusChangePayload['from'];
  state: ReplicaStatusChangePayload['to'];
  reason: string;
  replica: Replica | null;
}

interface LagEvent extends Omit<WalPositionUpdatePayload, 'nodeId'> {
  cursor: number;
  time: string;
}

/** Replication events from the bus, authorized as the replication stream, mapped (undefined skips one). */
async function feedOf<Out>(context: GraphQLContext, filter: EventFilter, map: (event: BusEvent) => Out | undefined, resumeFrom?: number): Promise<AsyncGenerator<Out>> {
  const feed = context.services.events.open(await context.operation(), 'streamReplicationEvents', filter, resumeFrom);
  return mapFeed(feed, map);
}

/** Standbys' positions (wal_position_update) at or above `threshold` bytes of lag. */
function lagFeed(context: GraphQLContext, options: { threshold: number; replicaId?: string }): Promise<AsyncGenerator<LagEvent>> {
  const filter = { types: ['wal_position_update'], resourceIds: options.replicaId ? [options.replicaId] : undefined };
  return feedOf(context, filter, (event) => {
    const { nodeId: _nodeId, ...position } = event.payload as WalPositionUpdatePayload;
    return position.lagBytes >= options.threshold ? { cursor: event.cursor, time: event.time, ...position } : undefined;
  });
}

/** Conflict events with the conflict as it stands when read (skipped once it left the kept history). */
async function conflictFeed<Out>(
  context: GraphQLContext,
  types: string[],
  map: (conflict: NonNullable<ReturnType<GraphQLContext['services']['replicationConflicts']['find']>>, event: BusEvent) => Out | undefined,
): Promise<AsyncGenerator<Out>> {
  const operation = await context.operation();
  return feedOf(context, { types }, (event) => {
    const conflict = context.services.replicationConflicts.find(operation, (event.payload as { conflictId: string }).conflictId);
    return conflict === null ? undefined : map(conflict, event);
  });
}

function replicaOrNull(context: GraphQLContext, operation: Awaited<ReturnType<GraphQLContext['operation']>>, replicaId: string) {
  return nullIfNotFound(() => context.services.replication.getReplica(operation, replicaId));
}

