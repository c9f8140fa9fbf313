import { metricLabel, readCounter, readGauge, type MetricsCollector, type Series } from './metrics-service.js';
import type { StreamRegistry, StreamTally } from './stream-registry.js';

/**
 * The WebSocket streams' metrics, per stream (the paths under /api/v1/ws: a fixed set, so the
 * labels stay bounded), and GraphQL's subscriptions by transport. Counters include closed sockets.
 */
export function websocketMetrics(registry: StreamRegistry): MetricsCollector {
  const perStream = (field: keyof StreamTally) => (): Series<'stream'>[] => registry.streamTallies().map(([stream, tally]) => [{ stream }, tally[field]]);
  return (prometheus) => {
    readGauge(prometheus, { name: 'rustydb_platform_websocket_connections', help: 'WebSocket connections open now, by stream.', labelNames: ['stream'], read: perStream('connections') });
    readGauge(prometheus, {
      name: 'rustydb_platform_websocket_subscribers',
      help: 'Subscriptions now, by stream: one per connection of a dedicated stream, any number on /api/v1/ws.',
      labelNames: ['stream'],
      read: perStream('subscribers'),
    });
    readGauge(prometheus, {
      name: 'rustydb_platform_graphql_subscribers',
      help: 'GraphQL subscriptions now, by transport (graphql_ws, graphql_sse).',
      labelNames: ['transport'],
      read: () => Object.entries(registry.graphqlSubscriberCounts()).map(([transport, count]): Series<'transport'> => [{ transport: metricLabel(transport) }, count]),
    });
    readCounter(prometheus, { name: 'rustydb_platform_websocket_events_delivered_total', help: 'Events written to WebSocket clients, by stream.', labelNames: ['stream'], read: perStream('eventsDelivered') });
    readCounter(prometheus, {
      name: 'rustydb_platform_websocket_events_dropped_total',
      help: 'Events a WebSocket client matched but did not get because it had fallen behind, by stream.',
      labelNames: ['stream'],
      read: perStream('eventsDropped'),
    });
    readCounter(prometheus, { name: 'rustydb_platform_websocket_messages_sent_total', help: 'Frames written to WebSocket clients, by stream.', labelNames: ['stream'], read: perStream('messagesSent') });
    readCounter(prometheus, { name: 'rustydb_platform_websocket_sent_bytes_total', help: 'Bytes of the frames written to WebSocket clients, by stream.', labelNames: ['stream'], read: perStream('bytesSent') });
    readCounter(prometheus, {
      name: 'rustydb_platform_websocket_slow_consumers_total',
      help: 'WebSocket connections closed because their client fell behind (close code 4008), by stream.',
      labelNames: ['stream'],
      read: perStream('slowConsumersClosed'),
    });
  };
}
