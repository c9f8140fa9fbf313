/**
 * The events of the move machinery (spec/events/events.yaml): rebalance_* for rebalances (on
 * /api/v1/ws/cluster/sharding) and migration_* for migration tasks (on /api/v1/ws/cluster/nodes),
 * each carrying the workflow's progress as the API shows it.
 */
import type { WorkflowProgressView } from './shard-move-views.js';

export interface ShardMovesEventMap {
  [type: string]: unknown;
  rebalance_started: WorkflowProgressView;
  rebalance_progress: WorkflowProgressView;
  rebalance_completed: WorkflowProgressView;
  migration_started: WorkflowProgressView;
  migration_progress: WorkflowProgressView;
  migration_completed: WorkflowProgressView;
}

export const REBALANCE_EVENT_TYPES = Object.freeze(['rebalance_started', 'rebalance_progress', 'rebalance_completed'] as const);
export const MIGRATION_EVENT_TYPES = Object.freeze(['migration_started', 'migration_progress', 'migration_completed'] as const);

/** Publishes the mover's events (the platform's EventBus satisfies it). */
export interface ShardMovesEventPublisher {
  publish<K extends keyof ShardMovesEventMap & string>(type: K, source: string, payload: ShardMovesEventMap[K]): unknown;
}
