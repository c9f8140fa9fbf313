/**
 * Events the sharding engine publishes on the platform's bus (declared in spec/events/events.yaml
 * by the sharding contract). Each payload names its nodes in `nodeIds` for the streams' filters.
 */
import type { ShardStatus, TransitionActor } from './shard-state.js';

/** Payload of `shard_added`: a table's shard created (with its table) or added. */
export interface ShardAddedPayload {
  tableName: string;
  shardId: string;
  shardNumber: number;
  storageTable: string;
  state: ShardStatus;
  nodeIds: string[];
}

/** Payload of `shard_removed`: a table's shard dropped, its shard table deleted from node storage. */
export interface ShardRemovedPayload {
  tableName: string;
  shardId: string;
  shardNumber: number;
  storageTable: string;
  rowsDeleted: number;
  nodeIds: string[];
}

/** Payload of `shard_state_changed`: a shard's state changed, by an operator or a workflow. */
export interface ShardStateChangedPayload {
  /** Every table of the shard's group: colocated tables share their shards' states. */
  tableNames: string[];
  shardId: string;
  from: ShardStatus;
  to: ShardStatus;
  actor: TransitionActor;
  nodeIds: string[];
}

export interface ShardingEventMap {
  shard_added: ShardAddedPayload;
  shard_removed: ShardRemovedPayload;
  shard_state_changed: ShardStateChangedPayload;
}
