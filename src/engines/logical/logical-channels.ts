/**
 * Logical subscriptions as replication monitoring's channels (kind LOGICAL, one per
 * subscription), read from the subscriptions' views. Pure reading: nothing changes.
 */
import type { ChannelReading, ChannelSource, ChannelState } from '../replication-monitoring/channel.js';
import type { LogicalReplication, SubscriptionView } from './logical-replication.js';
import { CONFLICT_TYPES } from './subscription.js';

/** A subscription's status in monitoring's words. */
function stateOf(view: SubscriptionView): ChannelState {
  switch (view.status) {
    case 'STREAMING':
      return 'STREAMING';
    case 'CATCHING_UP':
      return 'CATCHING_UP';
    case 'DISABLED':
      return 'PAUSED';
    case 'SLOT_LOST':
      return 'FAILED';
    case 'ERROR':
      // A target that is down is retried; a conflict that is an error waits for an operator.
      return view.lastError?.transient === true ? 'DISCONNECTED' : 'FAILED';
  }
}

export function logicalChannelSource(logical: LogicalReplication): ChannelSource {
  return {
    kind: 'LOGICAL',
    channels: (): ChannelReading[] =>
      logical.listSubscriptions().map((view) => ({
        channelId: `logical-${view.name}`,
        kind: 'LOGICAL',
        source: { nodeId: view.sourceNodeId, datacenterId: null },
        target: { nodeId: view.targetNodeId, datacenterId: null },
        state: stateOf(view),
        stateDetail: view.status,
        lagBytes: view.lagBytes,
        lagMs: view.lagMs,
        // Transactions are counted as they are applied, not as they are decoded: the backlog in operations is unknown.
        lagOperations: null,
        bytesShipped: null,
        operationsShipped: view.counters.appliedChanges,
        errors: view.counters.applyErrorCount + view.counters.syncErrorCount,
        conflicts: CONFLICT_TYPES.reduce((sum, type) => sum + view.counters.conflicts[type], 0),
      })),
  };
}
