import { isoTime } from './iso-time.js';
import { pageOf, type Page } from './list-query.js';
import type { Caller, OperationContext } from './operation-context.js';
import type { OperationRunner } from './operation-runner.js';
import type { SocketView, StreamRegistry, SubscriptionTransport, SubscriptionView, WebSocketLimits } from './stream-registry.js';

/** The contract's WebSocketStatus. */
export interface WebSocketStatusView {
  openConnections: number;
  streams: { stream: string; connections: number; subscribers: number; messagesSent: number; bytesSent: number; slowConsumersClosed: number }[];
  subscriptions: { total: number; websocket: number; graphqlWs: number; graphqlSse: number };
  messagesSent: number;
  bytesSent: number;
  eventsDelivered: number;
  eventsDropped: number;
  slowConsumersClosed: number;
  limits: WebSocketLimits;
}

/** The contract's WebSocketConnection. */
export interface WebSocketConnectionView extends Omit<SocketView, 'connectedAtMs'> {
  connectedAt: string;
}

/** The contract's StreamSubscription. */
export interface StreamSubscriptionView extends Omit<SubscriptionView, 'createdAtMs'> {
  createdAt: string;
}

export interface ConnectionQuery {
  stream?: string;
  limit?: number;
  offset?: number;
}

export interface SubscriptionQuery {
  transport?: SubscriptionTransport;
  connectionId?: string;
  limit?: number;
  offset?: number;
}

/**
 * The WebSocket server's management reads (seed 002 §2.1): its status, its open sockets and every
 * active subscription. The lists show a CLUSTER_VIEWER only what its own key opened; the status
 * holds counts alone, which the Prometheus metrics give every role anyway.
 */
export class WebSocketService {
  constructor(
    private readonly registry: StreamRegistry,
    private readonly runner: OperationRunner,
  ) {}

  status(context: OperationContext): WebSocketStatusView {
    return this.runner.read(context, 'getWebSocketStatus', () => {
      const tallies = this.registry.streamTallies();
      const subscriptions = this.registry.subscriptionList();
      const graphql = this.registry.graphqlSubscriberCounts();
      const sum = (field: 'messagesSent' | 'bytesSent' | 'eventsDelivered' | 'eventsDropped' | 'slowConsumersClosed') =>
        tallies.reduce((total, [, tally]) => total + tally[field], 0);
      return {
        openConnections: this.registry.socketList().length,
        streams: tallies.map(([stream, tally]) => ({
          stream,
          connections: tally.connections,
          subscribers: tally.subscribers,
          messagesSent: tally.messagesSent,
          bytesSent: tally.bytesSent,
          slowConsumersClosed: tally.slowConsumersClosed,
        })),
        subscriptions: {
          total: subscriptions.length,
          websocket: subscriptions.length - graphql.GRAPHQL_WS - graphql.GRAPHQL_SSE,
          graphqlWs: graphql.GRAPHQL_WS,
          graphqlSse: graphql.GRAPHQL_SSE,
        },
        messagesSent: sum('messagesSent'),
        bytesSent: sum('bytesSent'),
        eventsDelivered: sum('eventsDelivered'),
        eventsDropped: sum('eventsDropped'),
        slowConsumersClosed: sum('slowConsumersClosed'),
        limits: { ...this.registry.limits },
      };
    });
  }

  connections(context: OperationContext, query: ConnectionQuery): Page<WebSocketConnectionView> {
    return this.runner.read(context, 'listWebSocketConnections', () => {
      const visible = this.registry.socketList().filter((socket) => sees(context.caller, socket.principal));
      const page = pageOf(visible, { filters: { stream: query.stream }, limit: query.limit, offset: query.offset });
      return { ...page, items: page.items.map(({ connectedAtMs, ...socket }) => ({ ...socket, connectedAt: isoTime(connectedAtMs) })) };
    });
  }

  subscriptions(context: OperationContext, query: SubscriptionQuery): Page<StreamSubscriptionView> {
    return this.runner.read(context, 'listWebSocketSubscriptions', () => {
      const visible = this.registry.subscriptionList().filter((subscription) => sees(context.caller, subscription.owner));
      const page = pageOf(visible, { filters: { transport: query.transport, connectionId: query.connectionId }, limit: query.limit, offset: query.offset });
      return { ...page, items: page.items.map(({ createdAtMs, ...subscription }) => ({ ...subscription, createdAt: isoTime(createdAtMs) })) };
    });
  }
}

/** A CLUSTER_VIEWER sees what its own key opened; every other role sees everything. */
function sees(caller: Caller, owner: Caller): boolean {
  return caller.role !== 'CLUSTER_VIEWER' || caller.keyId === owner.keyId;
}
