import type { StreamDefinition } from '../event-streams.js';

/** Every event of every domain, as it is committed. */
export const allEventsStream: StreamDefinition = { path: '/api/v1/ws/events', operationId: 'streamEvents' };
