import type { StreamDefinition } from '../websocket-streams.js';

/** Every event of every domain, as it is committed. */
export const allEventsStream: StreamDefinition = { path: '/api/v1/ws/events', operationId: 'streamEvents' };

/** The platform's streams: every event, metrics snapshots, long queries, and the generic socket that subscribes to any of them. */
export const platformStreams: readonly StreamDefinition[] = [
  allEventsStream,
  { path: '/api/v1/ws/metrics', operationId: 'streamMetrics', topic: 'metrics' },
  { path: '/api/v1/ws/query', operationId: 'streamQueryProgress', topic: 'query' },
  { path: '/api/v1/ws', operationId: 'streamTopics', topic: 'topics' },
];
