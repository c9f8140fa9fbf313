import type { Services } from '../../../../services/services.js';
import { ok, okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handlers of the WebSocket server's management reads: its status, connections and subscriptions. */
export function websocketHandlers({ websockets }: Services): HandlerTable {
  return {
    getWebSocketStatus: ({ context }) => ({ status: 200, body: ok(websockets.status(context)) }),
    listWebSocketConnections: ({ query, context }) => ({
      status: 200,
      body: okPage(websockets.connections(context, { stream: query.stream, limit: query.limit, offset: query.offset })),
    }),
    listWebSocketSubscriptions: ({ query, context }) => ({
      status: 200,
      body: okPage(websockets.subscriptions(context, { transport: query.transport, connectionId: query.connectionId, limit: query.limit, offset: query.offset })),
    }),
  };
}
