import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { Services } from '../../services/services.js';
import type { OperationContext } from '../../services/platform/operation-context.js';
import type { EventFeed } from '../../services/platform/event-feed.js';
import { credentialsOf } from '../auth/credentials.js';
import { errorBodyOf, statusOf } from '../error-catalog.js';
import { atLeastAsSevere, type EventSeverity } from '../../engines/replication/events.js';
import { filterFor, parseStreamConfig, type StreamConfig } from './stream-config.js';

/** A WebSocket stream of the contract: its path, operation, and the event types it carries. */
export interface StreamDefinition {
  path: string;
  operationId: string;
  /** undefined: every event type. */
  eventTypes?: readonly string[];
  /** How urgent an event is, for streams that filter by `severity`. */
  severityOf?: (type: string, payload: unknown) => EventSeverity;
}

/** A client further behind than this many bytes of unsent frames is disconnected. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * The event streams under /api/v1/ws. The upgrade is refused with a plain HTTP error when the
 * caller is not authenticated or not allowed; once open, every event is one JSON text frame in
 * the EventEnvelope shape, and `config` messages change the filter or resume from a cursor.
 */
export class EventStreams {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly byPath: ReadonlyMap<string, StreamDefinition>;

  constructor(
    private readonly services: Services,
    streams: readonly StreamDefinition[],
    private readonly logger: Logger,
    /** Every event type of the contract (its `EventType` enum), to refuse names that are none. */
    private readonly knownEventTypes: readonly string[],
  ) {
    this.byPath = new Map(streams.map((stream) => [stream.path, stream]));
  }

  handles(pathname: string): boolean {
    return this.byPath.has(pathname);
  }

  async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    const stream = this.byPath.get(url.pathname);
    if (!stream) throw new Error(`no stream at ${url.pathname}`);
    let context: OperationContext;
    try {
      const caller = await this.services.apiKeys.authenticate(credentialsOf(request.headers, Object.fromEntries(url.searchParams)));
      context = { caller, requestId: `ws-${Date.now().toString(36)}` };
      this.services.access.authorize(context, stream.operationId);
    } catch (error) {
      refuseUpgrade(socket, error);
      return;
    }
    this.server.handleUpgrade(request, socket, head, (webSocket) => this.serve(webSocket, stream, context));
  }

  close(): void {
    for (const client of this.server.clients) client.close(1001, 'server shutting down');
    this.server.close();
  }

  private serve(webSocket: WebSocket, stream: StreamDefinition, context: OperationContext): void {
    let feed: EventFeed | null = null;
    /** Applies a config, or answers what is wrong with it and keeps the current one. */
    const open = (config: StreamConfig): boolean => {
      const chosen =
        config.severity !== undefined && !stream.severityOf ? { problem: `severity is not a filter of ${stream.path}.` } : filterFor(stream.eventTypes, config, this.knownEventTypes);
      if ('problem' in chosen) {
        webSocket.send(JSON.stringify({ type: 'error', error: { code: 'VALIDATION_FAILED', message: chosen.problem } }));
        return false;
      }
      let current: EventFeed;
      try {
        current = this.services.events.open(context, stream.operationId, chosen.filter, config.resumeFrom);
      } catch (error) {
        // A resumeFrom older than the log keeps (CURSOR_EXPIRED): say so, and keep the current feed.
        webSocket.send(JSON.stringify({ type: 'error', error: errorBodyOf(error) }));
        return false;
      }
      feed?.close();
      feed = current;
      const { severity } = config;
      const severityOf = stream.severityOf;
      const admits = severity === undefined || !severityOf ? undefined : (event: { type: string; payload: unknown }) => atLeastAsSevere(severityOf(event.type, event.payload), severity);
      void this.pump(webSocket, current, admits);
      return true;
    };
    open({});
    webSocket.on('message', (data, isBinary) => {
      const parsed = isBinary ? { problem: 'Send config messages as JSON text frames.' } : parseStreamConfig(data.toString());
      if ('problem' in parsed) {
        webSocket.send(JSON.stringify({ type: 'error', error: { code: 'VALIDATION_FAILED', message: parsed.problem } }));
        return;
      }
      if (open(parsed.config)) webSocket.send(JSON.stringify({ type: 'config_ack', ...parsed.config }));
    });
    webSocket.on('close', () => feed?.close());
  }

  private async pump(webSocket: WebSocket, feed: EventFeed, admits?: (event: { type: string; payload: unknown }) => boolean): Promise<void> {
    try {
      for await (const event of feed) {
        if (webSocket.readyState !== webSocket.OPEN) break;
        if (admits && !admits(event)) continue;
        if (webSocket.bufferedAmount > MAX_BUFFERED_BYTES) {
          webSocket.close(1008, 'client too slow; reconnect with resumeFrom');
          break;
        }
        webSocket.send(JSON.stringify(event));
      }
    } catch (error) {
      const body = errorBodyOf(error);
      this.logger.warn({ err: error }, 'event stream ended');
      if (webSocket.readyState === webSocket.OPEN) {
        webSocket.send(JSON.stringify({ type: 'error', error: body }));
        webSocket.close(1011, body.code);
      }
    } finally {
      feed.close();
    }
  }
}

/** Answers a refused upgrade with the same status and error envelope as REST. */
export function refuseUpgrade(socket: Duplex, error: unknown): void {
  const body = errorBodyOf(error);
  const status = statusOf(body.code);
  const payload = JSON.stringify({ success: false, error: body, timestamp: new Date().toISOString() });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(payload)}\r\n` +
      'Connection: close\r\n\r\n' +
      payload,
  );
}
