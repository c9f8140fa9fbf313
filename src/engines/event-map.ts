import type { ClusterEventMap } from './cluster/events.js';
import type { SimulationEventMap } from './simulation/events.js';
import type { MembershipEventMap } from './membership/events.js';
import type { ReplicationEventMap } from './replication/events.js';
import type { RacEventMap } from './rac/events.js';

/** Every event type of the platform with its payload: the one bus carries them all. */
export type PlatformEventMap = ClusterEventMap & SimulationEventMap & MembershipEventMap & ReplicationEventMap & RacEventMap;
