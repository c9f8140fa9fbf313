import { RAC_EVENT_TYPES } from '../../../engines/rac/events.js';
import type { StreamDefinition } from '../websocket-streams.js';

/** Cache Fusion, GRD, interconnect and instance recovery events. */
export const racStream: StreamDefinition = { path: '/api/v1/ws/cluster/rac', operationId: 'streamRacEvents', eventTypes: RAC_EVENT_TYPES };
