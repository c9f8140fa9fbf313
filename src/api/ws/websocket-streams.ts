import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { Services } from '../../services/services.js';
import type { OperationContext } from '../../services/platform/operation-context.js';
import type { OpenSocket, OpenSubscription } from '../../services/platform/stream-registry.js';
import { credentialsOf } from '../auth/credentials.js';
import { errorBodyOf, statusOf, type ApiErrorBody } from '../error-catalog.js';
import { SocketOutbox } from './socket-outbox.js';
import { readMessage, unknownFieldsProblem } from './stream-config.js';
import { eventsTopic } from './topics/events.js';
import { metricsTopic } from './topics/metrics.js';
import { queryTopic } from './topics/query.js';
import type { EventScope, Topic, TopicName, TopicRequest, TopicSink, TopicSubscription } from './topics/topic.js';

/** A WebSocket stream of the contract: its path, its operation, and what it carries. */
export interface StreamDefinition extends Omit<EventScope, 'name'> {
  path: string;
  operationId: string;
  /** Events (the default), metrics snapshots, long queries' progress, or any of them by subscription (`topics`: /api/v1/ws). */
  topic?: TopicName | 'topics';
}

/** Largest message a client may send; config and subscribe messages are small. */
const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;
/** Longest subscription id a client may give on /api/v1/ws. */
const MAX_SUBSCRIPTION_ID_LENGTH = 64;
/** The operation whose roles each topic of /api/v1/ws needs: that of the topic's own stream. */
const TOPIC_OPERATIONS: Readonly<Record<TopicName, string>> = { events: 'streamEvents', metrics: 'streamMetrics', query: 'streamQueryProgress' };

/**
 * The WebSocket streams under /api/v1/ws. The upgrade is refused with a plain HTTP error when the
 * caller is not authenticated, not allowed, over its rate or over the connection limit. A
 * dedicated stream (/api/v1/ws/events, /api/v1/ws/metrics, …) carries one subscription that
 * `config` messages replace; /api/v1/ws carries any number, opened and closed by `subscribe` and
 * `unsubscribe` messages, each frame tagged with its subscription's id. The protocol is in the
 * contract (paths/platform/events.yaml, components/websockets.yaml).
 */
export class WebSocketStreams {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });
  private readonly byPath: ReadonlyMap<string, StreamDefinition>;
  private readonly topics: Readonly<Record<TopicName, Topic<object>>>;

  constructor(
    private readonly services: Services,
    streams: readonly StreamDefinition[],
    private readonly logger: Logger,
    /** Every event type of the contract (its `EventType` enum), to refuse names that are none. */
    knownEventTypes: readonly string[],
  ) {
    this.byPath = new Map(streams.map((stream) => [stream.path, stream]));
    this.topics = { events: eventsTopic(services, knownEventTypes), metrics: metricsTopic(services), query: queryTopic(services) } as Record<TopicName, Topic<object>>;
    services.streamRegistry.declareStreams(streams.map((stream) => stream.path));
  }

  handles(pathname: string): boolean {
    return this.byPath.has(pathname);
  }

  async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    const stream = this.byPath.get(url.pathname);
    if (!stream) throw new Error(`no stream at ${url.pathname}`);
    let context: OperationContext;
    let record: OpenSocket;
    try {
      const caller = await this.services.apiKeys.authenticate(credentialsOf(request.headers, Object.fromEntries(url.searchParams)));
      this.services.access.authorize({ caller, requestId: 'ws-upgrade' }, stream.operationId);
      this.services.rateLimiter.admitKey(caller.keyId, stream.operationId);
      record = this.services.streamRegistry.openSocket(stream.path, caller, request.socket.remoteAddress ?? null);
      context = { caller, requestId: record.id };
    } catch (error) {
      refuseUpgrade(socket, error);
      return;
    }
    // The record lives as long as the connection, upgraded or not.
    if (socket.destroyed) record.close();
    else socket.once('close', () => record.close());
    this.server.handleUpgrade(request, socket, head, (webSocket) => {
      const session = new StreamSocket(webSocket, stream, context, record, this.services);
      if (stream.topic === 'topics') this.serveTopics(session);
      else this.serveStream(session, this.topics[stream.topic ?? 'events']);
    });
  }

  close(): void {
    for (const client of this.server.clients) client.close(1001, 'server shutting down');
    this.server.close();
  }

  /** A dedicated stream: one subscription, replaced by each `config` message. */
  private serveStream(session: StreamSocket, topic: Topic<object>): void {
    const { stream, context, outbox } = session;
    const scope = { name: stream.path, eventTypes: stream.eventTypes, severityOf: stream.severityOf };
    const configure = (config: object, acknowledge: boolean) => {
      const opened = session.subscribe('', topic, { context, operationId: stream.operationId, scope, config }, {
        clientId: null,
        ack: acknowledge ? { type: 'config_ack', ...config } : undefined,
        onError: (error) => {
          const body = errorBodyOf(error);
          this.logger.warn({ err: error, stream: stream.path }, 'stream subscription ended');
          outbox.sendFrame({ type: 'error', error: body });
          outbox.close(1011, body.code);
        },
      });
      if (opened) session.record.setFilters({ ...config });
    };
    const initial = topic.parse({});
    if ('config' in initial) configure(initial.config, false);
    session.onMessage((fields) => {
      if (fields.type !== 'config') return errorFrame('Only messages with "type": "config" are understood.');
      const parsed = unknownFieldsProblem(fields, ['type', ...topic.fields]) ?? topic.parse(withoutType(fields));
      if ('problem' in parsed) return errorFrame(parsed.problem);
      configure(parsed.config, true);
      return undefined;
    });
  }

  /** /api/v1/ws: subscriptions to any topic, opened and closed by messages; frames tagged with their id. */
  private serveTopics(session: StreamSocket): void {
    const { context, outbox } = session;
    const { maxSubscriptionsPerConnection } = this.services.streamRegistry.limits;
    session.onMessage((fields) => {
      switch (fields.type) {
        case 'ping':
          outbox.sendFrame({ type: 'pong' });
          return undefined;
        case 'unsubscribe': {
          const id = subscriptionIdOf(fields);
          if (typeof id !== 'string') return errorFrame(id.problem);
          if (!session.unsubscribe(id)) return { type: 'error', id, error: { code: 'NOT_FOUND', message: `No subscription has id "${id}" on this connection.` } };
          outbox.sendFrame({ type: 'unsubscribed', id });
          return undefined;
        }
        case 'subscribe': {
          const id = subscriptionIdOf(fields);
          if (typeof id !== 'string') return errorFrame(id.problem);
          const topic = typeof fields.topic === 'string' && Object.hasOwn(this.topics, fields.topic) ? this.topics[fields.topic as TopicName] : undefined;
          if (!topic) return errorFrame(`topic must be one of ${Object.keys(this.topics).join(', ')}.`, id);
          const parsed = unknownFieldsProblem(fields, ['type', 'id', 'topic', ...topic.fields]) ?? topic.parse(withoutType(fields, ['id', 'topic']));
          if ('problem' in parsed) return errorFrame(parsed.problem, id);
          if (session.has(id)) return { type: 'error', id, error: { code: 'CONFLICT', message: `A subscription with id "${id}" is already open on this connection; unsubscribe it first or choose another id.` } };
          if (session.size >= maxSubscriptionsPerConnection) {
            return { type: 'error', id, error: { code: 'RATE_LIMITED', message: `This connection holds ${maxSubscriptionsPerConnection} subscriptions, the most one may; unsubscribe one first.` } };
          }
          const tag = `{"type":"data","id":${JSON.stringify(id)},"topic":"${topic.name}","data":`;
          session.subscribe(id, topic, { context, operationId: TOPIC_OPERATIONS[topic.name], scope: { name: `the ${topic.name} topic` }, config: parsed.config }, {
            clientId: id,
            tag: (json) => `${tag}${json.toString()}}`,
            ack: { type: 'subscribed', id, topic: topic.name, ...parsed.config },
            onComplete: () => outbox.sendFrame({ type: 'complete', id }),
            onError: (error) => outbox.sendFrame({ type: 'error', id, error: errorBodyOf(error) }),
          });
          return undefined;
        }
        default:
          return errorFrame('Only messages with "type" subscribe, unsubscribe or ping are understood.');
      }
    });
  }
}

/** A frame answering a message the server could not act on. */
interface ErrorFrame {
  type: 'error';
  id?: string;
  error: ApiErrorBody;
}

function errorFrame(message: string, id?: string): ErrorFrame {
  return { type: 'error', ...(id === undefined ? {} : { id }), error: { code: 'VALIDATION_FAILED', message } };
}

function withoutType(fields: Record<string, unknown>, others: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'type' && !others.includes(key)));
}

function subscriptionIdOf(fields: Record<string, unknown>): string | { problem: string } {
  const id = fields.id;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_SUBSCRIPTION_ID_LENGTH) return { problem: `id must be a string of 1 to ${MAX_SUBSCRIPTION_ID_LENGTH} characters.` };
  return id;
}

/** How a socket opens one subscription: what the client called it, how its frames and its end are told. */
interface SubscriptionOptions {
  clientId: string | null;
  /** Wraps each frame (the id tag of /api/v1/ws); frames go as they are without it. */
  tag?: (json: string | Buffer) => string;
  /** Sent once the subscription is open, before any of its frames; none when undefined. */
  ack: object | undefined;
  onComplete?: () => void;
  onError: (error: unknown) => void;
}

/** One open socket: its outbox and its subscriptions (one on a dedicated stream, any number on /api/v1/ws). */
class StreamSocket {
  readonly outbox: SocketOutbox;
  private readonly subscriptions = new Map<string, SocketSubscription>();

  constructor(
    private readonly webSocket: WebSocket,
    readonly stream: StreamDefinition,
    readonly context: OperationContext,
    readonly record: OpenSocket,
    private readonly services: Services,
  ) {
    this.outbox = new SocketOutbox(webSocket, record, services.streamRegistry.limits, () => this.stopAsSlowConsumer());
    webSocket.on('close', () => this.closeAll());
  }

  get size(): number {
    return this.subscriptions.size;
  }

  has(key: string): boolean {
    return this.subscriptions.has(key);
  }

  /** Reads each text message as JSON fields; an answer the handler returns (an error) is sent back, and the socket stays open. */
  onMessage(handle: (fields: Record<string, unknown>) => ErrorFrame | undefined): void {
    this.webSocket.on('message', (data, isBinary) => {
      const message = isBinary ? { problem: 'Send messages as JSON text frames.' } : readMessage(data.toString());
      const answer = 'problem' in message ? errorFrame(message.problem) : handle(message.fields);
      if (answer) this.outbox.sendFrame(answer);
    });
  }

  /**
   * Opens a subscription under `key`, replacing the one there, and acknowledges it. Frames the
   * topic produces while it opens wait for the acknowledgement. Answers an error frame and keeps
   * the current subscription when the topic refuses.
   */
  subscribe(key: string, topic: Topic<object>, request: TopicRequest<object>, options: SubscriptionOptions): boolean {
    const registration = this.services.streamRegistry.openSubscription({
      transport: 'WEBSOCKET',
      clientId: options.clientId,
      connectionId: this.record.id,
      stream: this.stream.path,
      topic: topic.name,
      filters: { ...request.config },
      owner: this.context.caller,
      remoteAddress: this.record.remoteAddress,
    });
    const subscription = new SocketSubscription(this.outbox, registration, options, () => {
      if (this.subscriptions.get(key) === subscription) this.subscriptions.delete(key);
    });
    try {
      subscription.started(topic.open(request, subscription.sink));
    } catch (error) {
      registration.close();
      this.outbox.sendFrame({ type: 'error', ...(options.clientId === null ? {} : { id: options.clientId }), error: errorBodyOf(error) });
      return false;
    }
    this.subscriptions.get(key)?.close();
    // A subscription can end while it opens (a query watch whose queries have all ended): its end follows the acknowledgement.
    if (subscription.isOpen) this.subscriptions.set(key, subscription);
    if (options.ack) this.outbox.sendFrame(options.ack);
    subscription.acknowledged();
    return true;
  }

  unsubscribe(key: string): boolean {
    const subscription = this.subscriptions.get(key);
    subscription?.close();
    return subscription !== undefined;
  }

  /** Stops every subscription; the earliest cursor any event subscription can resume from without a gap. */
  private stopAsSlowConsumer(): { resumeFrom?: number } {
    const cursors = [...this.subscriptions.values()].map((subscription) => subscription.resumeCursor()).filter((cursor) => cursor !== undefined);
    this.closeAll();
    return cursors.length === 0 ? {} : { resumeFrom: Math.min(...cursors) };
  }

  private closeAll(): void {
    for (const subscription of [...this.subscriptions.values()]) subscription.close();
  }
}

/** One subscription of a socket: its topic's subscription, its registry record, and its frames. */
class SocketSubscription {
  /** What waits for the acknowledgement; null once it is sent. */
  private held: (() => void)[] | null = [];
  private opened: TopicSubscription | undefined;
  private ended = false;
  readonly sink: TopicSink;

  constructor(
    private readonly outbox: SocketOutbox,
    private readonly registration: OpenSubscription,
    private readonly options: SubscriptionOptions,
    private readonly onClosed: () => void,
  ) {
    const tag = options.tag ?? ((json: string | Buffer) => json);
    this.sink = {
      send: (json, isEvent) => {
        if (this.ended) return false;
        const frame = tag(json);
        if (this.held === null) return this.deliver(frame, isEvent);
        this.held.push(() => this.deliver(frame, isEvent));
        return true;
      },
      complete: () => this.end(() => options.onComplete?.()),
      fail: (error) => this.end(() => options.onError(error)),
    };
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  started(opened: TopicSubscription): void {
    this.opened = opened;
    if (this.ended) opened.close();
  }

  acknowledged(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const release of held) release();
  }

  resumeCursor(): number | undefined {
    return this.opened?.resumeCursor?.();
  }

  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.opened?.close();
    this.registration.close();
    this.onClosed();
  }

  private deliver(frame: string | Buffer, isEvent: boolean): boolean {
    const sent = this.outbox.send(frame, isEvent);
    if (sent) this.registration.sent();
    return sent;
  }

  /** The topic ended the subscription: close it, then tell the client (after the acknowledgement). */
  private end(report: () => void): void {
    if (this.ended) return;
    this.close();
    if (this.held === null) report();
    else this.held.push(report);
  }
}

/** Answers a refused upgrade with the same status and error envelope as REST. */
export function refuseUpgrade(socket: Duplex, error: unknown): void {
  const body = errorBodyOf(error);
  const status = statusOf(body.code);
  const payload = JSON.stringify({ success: false, error: body, timestamp: new Date().toISOString() });
  const retryAfterSeconds = body.details?.retryAfterSeconds;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json\r\n' +
      (typeof retryAfterSeconds === 'number' ? `Retry-After: ${retryAfterSeconds}\r\n` : '') +
      `Content-Length: ${Buffer.byteLength(payload)}\r\n` +
      'Connection: close\r\n\r\n' +
      payload,
  );
}
