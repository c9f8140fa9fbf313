import type { ClusterEventMap } from '../engines/cluster/events.js';
import type { SimulationEventMap } from '../engines/simulation/events.js';
import type { MembershipEventMap } from '../engines/membership/events.js';
import type { ReplicationEventMap } from '../engines/replication/events.js';
import type { RacEventMap } from '../engines/rac/events.js';
import type { AlertEventMap } from '../engines/alerts/events.js';
import type { TransactionsEventMap } from '../engines/transactions/events.js';
import type { ShardingEventMap } from '../engines/sharding/events.js';
import type { DistributedQueryEventMap } from '../engines/sharding/distributed-query-events.js';
import type { ShardMovesEventMap } from '../engines/sharding/shard-move-events.js';
import type { MultiMasterEventMap } from '../engines/multi-master/events.js';

/** Every event type of the platform with its payload: the one bus carries them all. */
export type PlatformEventMap = ClusterEventMap &
  SimulationEventMap &
  MembershipEventMap &
  ReplicationEventMap &
  RacEventMap &
  AlertEventMap &
  TransactionsEventMap &
  ShardingEventMap &
  DistributedQueryEventMap &
  ShardMovesEventMap &
  MultiMasterEventMap;
