import type { StreamDefinition } from '../websocket-streams.js';

/** The events of /api/v1/ws/cluster/sharding: the engine's shard events and a rebalance's. */
export const SHARDING_STREAM_EVENT_TYPES: readonly string[] = Object.freeze(['shard_added', 'shard_removed', 'shard_state_changed', 'rebalance_started', 'rebalance_progress', 'rebalance_completed']);

/** Shard management and rebalancing progress; `tables` filters by the payload's table names. */
export const shardingStream: StreamDefinition = { path: '/api/v1/ws/cluster/sharding', operationId: 'streamShardingEvents', eventTypes: SHARDING_STREAM_EVENT_TYPES };
