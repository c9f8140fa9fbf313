import { AccessError } from './access-errors.js';
import type { Caller } from './operation-context.js';

/** How a subscription reaches its client. */
export type SubscriptionTransport = 'WEBSOCKET' | 'GRAPHQL_WS' | 'GRAPHQL_SSE';

/** The bounds of the WebSocket streams under /api/v1/ws (flags `--ws-*`, see the README). */
export interface WebSocketLimits {
  /** Sockets open at once on /api/v1/ws/*; an upgrade beyond it is refused with 429. */
  maxConnections: number;
  /**
   * Bytes a socket may hold that the network has not taken (the kernel's buffers are full): a
   * frame that would pass it closes the socket as a slow consumer. A lone frame larger than this
   * is still sent.
   */
  maxQueuedBytes: number;
  /** Subscriptions one socket of /api/v1/ws may hold at once. */
  maxSubscriptionsPerConnection: number;
}

export const DEFAULT_WEBSOCKET_LIMITS: Readonly<WebSocketLimits> = Object.freeze({
  maxConnections: 2000,
  maxQueuedBytes: 512 * 1024,
  maxSubscriptionsPerConnection: 100,
});

/** The stream GraphQL subscriptions name, whichever transport carries them. */
export const GRAPHQL_STREAM = '/graphql';

/** One stream under /api/v1/ws: what is open now, and what it has sent since the server started (closed sockets included). */
export interface StreamTally {
  connections: number;
  /** Active subscriptions: one per socket of a dedicated stream, any number on /api/v1/ws. */
  subscribers: number;
  messagesSent: number;
  bytesSent: number;
  eventsDelivered: number;
  eventsDropped: number;
  slowConsumersClosed: number;
}

/** One open socket, as GET /api/v1/ws/connections lists it. */
export interface SocketView {
  id: string;
  stream: string;
  principal: Caller;
  remoteAddress: string | null;
  connectedAtMs: number;
  /** The stream's current filter; null on /api/v1/ws, whose filters are its subscriptions'. */
  filters: Record<string, unknown> | null;
  subscriptions: number;
  messagesSent: number;
  bytesSent: number;
  messagesQueued: number;
  bytesQueued: number;
}

/** One active subscription, as GET /api/v1/ws/subscriptions lists it. */
export interface SubscriptionView {
  id: string;
  /** The id the client gave it (a /api/v1/ws subscription, a graphql-ws operation); null when it gave none. */
  clientId: string | null;
  transport: SubscriptionTransport;
  /** The socket under /api/v1/ws that carries it; null for GraphQL. */
  connectionId: string | null;
  stream: string;
  topic: string;
  filters: Record<string, unknown>;
  owner: Caller;
  remoteAddress: string | null;
  createdAtMs: number;
  messagesSent: number;
}

/** A socket the ws layer opened: it reports what it sends, then closes the record. */
export interface OpenSocket {
  readonly id: string;
  readonly remoteAddress: string | null;
  /** A frame handed to the socket: it counts as queued until it is {@link written} or {@link discarded}. */
  queued(bytes: number): void;
  /** The network took a queued frame. */
  written(bytes: number, isEvent: boolean): void;
  /** A queued frame the socket could not write (it closed first). */
  discarded(bytes: number): void;
  /** An event the subscriber matched but the server refused to queue. */
  dropped(): void;
  /** Closed for falling behind (close code 4008). */
  closedAsSlowConsumer(): void;
  setFilters(filters: Record<string, unknown> | null): void;
  close(): void;
}

/** A subscription a transport opened: it reports each message, then closes the record. */
export interface OpenSubscription {
  readonly id: string;
  sent(): void;
  close(): void;
}

export interface SubscriptionSpec {
  transport: SubscriptionTransport;
  clientId: string | null;
  /** The socket's id for subscriptions of /api/v1/ws sockets. */
  connectionId: string | null;
  stream: string;
  topic: string;
  filters: Record<string, unknown>;
  owner: Caller;
  remoteAddress: string | null;
}

/**
 * Every open socket of /api/v1/ws and every active subscription, over WebSocket and over GraphQL
 * (graphql-ws and SSE): the one place both transports report to, and what the management reads
 * and the Prometheus metrics are made of. Live records go when they close; what they sent stays
 * in the per-stream tallies, whose streams are the fixed set the server serves.
 */
export class StreamRegistry {
  private readonly sockets = new Map<string, SocketView>();
  private readonly subscriptions = new Map<string, SubscriptionView>();
  private readonly tallies = new Map<string, StreamTally>();
  private readonly graphqlSubscribers = { GRAPHQL_WS: 0, GRAPHQL_SSE: 0 };
  private nextSocketNumber = 1;
  private nextSubscriptionNumber = 1;

  constructor(
    readonly limits: Readonly<WebSocketLimits>,
    private readonly wallNow: () => number,
  ) {}

  /** Gives each stream under /api/v1/ws its (zero) tallies, so every one shows in the metrics. */
  declareStreams(streams: readonly string[]): void {
    for (const stream of streams) this.tallyOf(stream);
  }

  /** @throws RATE_LIMITED when {@link WebSocketLimits.maxConnections} sockets are open. */
  openSocket(stream: string, principal: Caller, remoteAddress: string | null): OpenSocket {
    if (this.sockets.size >= this.limits.maxConnections) {
      throw new AccessError('RATE_LIMITED', `${this.limits.maxConnections} WebSocket connections are open, the most this server accepts; retry later.`, {
        retryAfterSeconds: 1,
      });
    }
    const view: SocketView = {
      id: `ws-${this.nextSocketNumber++}`,
      stream,
      principal,
      remoteAddress,
      connectedAtMs: this.wallNow(),
      filters: null,
      subscriptions: 0,
      messagesSent: 0,
      bytesSent: 0,
      messagesQueued: 0,
      bytesQueued: 0,
    };
    const tally = this.tallyOf(stream);
    this.sockets.set(view.id, view);
    tally.connections += 1;
    let open = true;
    return {
      id: view.id,
      remoteAddress,
      queued(bytes) {
        view.messagesQueued += 1;
        view.bytesQueued += bytes;
      },
      written(bytes, isEvent) {
        view.messagesQueued -= 1;
        view.bytesQueued -= bytes;
        view.messagesSent += 1;
        view.bytesSent += bytes;
        tally.messagesSent += 1;
        tally.bytesSent += bytes;
        if (isEvent) tally.eventsDelivered += 1;
      },
      discarded(bytes) {
        view.messagesQueued -= 1;
        view.bytesQueued -= bytes;
      },
      dropped: () => {
        tally.eventsDropped += 1;
      },
      closedAsSlowConsumer: () => {
        tally.slowConsumersClosed += 1;
      },
      setFilters(filters) {
        view.filters = filters;
      },
      close: () => {
        if (!open) return;
        open = false;
        this.sockets.delete(view.id);
        tally.connections -= 1;
      },
    };
  }

  openSubscription(spec: SubscriptionSpec): OpenSubscription {
    const view: SubscriptionView = { id: `sub-${this.nextSubscriptionNumber++}`, ...spec, createdAtMs: this.wallNow(), messagesSent: 0 };
    const socket = spec.connectionId === null ? undefined : this.sockets.get(spec.connectionId);
    const tally = spec.transport === 'WEBSOCKET' ? this.tallyOf(spec.stream) : undefined;
    const graphql = this.graphqlSubscribers;
    const transport = spec.transport;
    this.subscriptions.set(view.id, view);
    if (socket) socket.subscriptions += 1;
    if (tally) tally.subscribers += 1;
    if (transport !== 'WEBSOCKET') graphql[transport] += 1;
    let open = true;
    return {
      id: view.id,
      sent() {
        view.messagesSent += 1;
      },
      close: () => {
        if (!open) return;
        open = false;
        this.subscriptions.delete(view.id);
        if (socket) socket.subscriptions -= 1;
        if (tally) tally.subscribers -= 1;
        if (transport !== 'WEBSOCKET') graphql[transport] -= 1;
      },
    };
  }

  /** Open sockets, oldest first. */
  socketList(): SocketView[] {
    return [...this.sockets.values()];
  }

  /** Active subscriptions, oldest first. */
  subscriptionList(): SubscriptionView[] {
    return [...this.subscriptions.values()];
  }

  /** Each stream's tallies, in the order the streams were declared. */
  streamTallies(): [stream: string, tally: Readonly<StreamTally>][] {
    return [...this.tallies];
  }

  /** Active GraphQL subscriptions, by transport. */
  graphqlSubscriberCounts(): Readonly<Record<'GRAPHQL_WS' | 'GRAPHQL_SSE', number>> {
    return this.graphqlSubscribers;
  }

  private tallyOf(stream: string): StreamTally {
    let tally = this.tallies.get(stream);
    if (tally === undefined) {
      tally = { connections: 0, subscribers: 0, messagesSent: 0, bytesSent: 0, eventsDelivered: 0, eventsDropped: 0, slowConsumersClosed: 0 };
      this.tallies.set(stream, tally);
    }
    return tally;
  }
}
