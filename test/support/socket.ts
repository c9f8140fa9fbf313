/**
 * Promise helpers for tests that talk to the server over a real loopback port: WebSocket event
 * streams, graphql-ws and GraphQL over SSE. Cluster time never passes here; the only thing
 * waited on is network I/O, bounded by a short real timeout and a count of frames.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client, type FormattedExecutionResult, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestServer } from './test-server.js';

/** Real time a frame may take to cross loopback before a wait gives up. */
export const NETWORK_TIMEOUT_MS = 5000;
/** Items a wait may skip over before it gives up. */
export const MAX_SKIPPED = 100;

/** Rejects when `promise` has not settled within `ms` of real time. */
export function withTimeout<T>(promise: Promise<T>, what: string, ms = NETWORK_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves once `check` holds, looking again as network I/O completes: for what a test cannot
 * await directly, such as a client's close reaching the server. Bounded like every network wait.
 */
export function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  let gaveUp = false;
  const poll = async () => {
    while (!gaveUp && !(await check())) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return withTimeout(poll(), what).finally(() => {
    gaveUp = true;
  });
}

/** Makes the test server listen on an ephemeral loopback port. `server.close()` stops it. */
export async function listenOnLoopback(server: TestServer): Promise<{ port: number; httpUrl: string; wsUrl: string }> {
  const httpServer = server.api.httpServer;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  return { port, httpUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}` };
}

/**
 * Resolves once the server opens its next event feed (a stream's filter, a subscription): from
 * then on no committed event can be missed, so a test can make one happen without racing.
 */
export function nextFeedOpened(server: TestServer): Promise<void> {
  const events = server.platform.services.events;
  const original = events.open;
  return withTimeout(
    new Promise<void>((resolve) => {
      events.open = (...args: Parameters<typeof original>) => {
        events.open = original;
        const feed = original.apply(events, args);
        resolve();
        return feed;
      };
    }),
    'the server to open an event feed',
  ).finally(() => {
    events.open = original;
  });
}

/**
 * Everything received on one connection, in order, with waits on what comes next. Items that
 * arrive before anyone waits are kept, so no frame is lost between two awaits.
 */
export class Transcript<T> {
  /** Every item received so far, in arrival order. */
  readonly received: T[] = [];
  private readOffset = 0;
  private wake: (() => void) | null = null;
  private endReason: unknown = undefined;
  private ended = false;
  private readonly endWaiters: ((reason: unknown) => void)[] = [];

  constructor(private readonly name: string) {}

  push(item: T): void {
    this.received.push(item);
    this.wake?.();
  }

  /** No more items will arrive; `reason` says why (a close code, `complete`, an error). */
  end(reason: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.endReason = reason;
    this.wake?.();
    for (const resolve of this.endWaiters.splice(0)) resolve(reason);
  }

  /** The next unread item. */
  next(): Promise<T> {
    return this.until(() => true, 'any item', 0).then(({ match }) => match);
  }

  /** The next `count` unread items. */
  async take(count: number): Promise<T[]> {
    const items: T[] = [];
    while (items.length < count) items.push(await this.next());
    return items;
  }

  /**
   * Reads on until an item satisfies `predicate`, returning it and the items read past on the
   * way. Rejects after `maxSkipped` other items, when the connection ends, or after a short
   * real timeout.
   */
  until<M extends T>(
    predicate: ((item: T) => item is M) | ((item: T) => boolean),
    what: string,
    maxSkipped = MAX_SKIPPED,
  ): Promise<{ match: M; skipped: T[] }> {
    const skipped: T[] = [];
    const search = new Promise<{ match: M; skipped: T[] }>((resolve, reject) => {
      const scan = () => {
        while (this.readOffset < this.received.length) {
          const item = this.received[this.readOffset++]!;
          if (predicate(item)) {
            this.wake = null;
            resolve({ match: item as M, skipped });
            return;
          }
          skipped.push(item);
          if (skipped.length > maxSkipped) {
            this.wake = null;
            reject(new Error(`${this.name}: no ${what} within ${maxSkipped} items; read past ${preview(skipped)}`));
            return;
          }
        }
        if (this.ended) {
          this.wake = null;
          reject(new Error(`${this.name} ended (${String(describeReason(this.endReason))}) before ${what}; read past ${preview(skipped)}`));
        }
      };
      this.wake = scan;
      scan();
    });
    return withTimeout(search, `${what} on ${this.name} (read past ${skipped.length})`).finally(() => {
      this.wake = null;
    });
  }

  /** Resolves with the reason once the connection ends. */
  finished(): Promise<unknown> {
    if (this.ended) return Promise.resolve(this.endReason);
    return withTimeout(new Promise((resolve) => this.endWaiters.push(resolve)), `${this.name} to end`);
  }
}

function preview(items: readonly unknown[]): string {
  return JSON.stringify(items).slice(0, 800);
}

function describeReason(reason: unknown): unknown {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'object' && reason !== null) return JSON.stringify(reason);
  return reason;
}

// ---------------------------------------------------------------------------------------------
// The event streams of /api/v1/ws

/** A frame of an event stream: an event envelope, or the server's answer to a config message. */
export type StreamFrame = EventFrame | ConfigAckFrame | ErrorFrame;

export interface EventFrame {
  cursor: number;
  id: string;
  type: string;
  time: string;
  source: string;
  payload: Record<string, unknown>;
}

export interface ConfigAckFrame {
  type: 'config_ack';
  eventTypes?: string[];
  resourceIds?: string[];
  resumeFrom?: number;
}

export interface ErrorFrame {
  type: 'error';
  error: { code: string; message: string };
}

export function isEvent(frame: StreamFrame): frame is EventFrame {
  return 'cursor' in frame;
}

export function isEventOfType(type: string): (frame: StreamFrame) => frame is EventFrame {
  return (frame): frame is EventFrame => isEvent(frame) && frame.type === type;
}

export function isConfigAck(frame: StreamFrame): frame is ConfigAckFrame {
  return frame.type === 'config_ack';
}

export function isErrorFrame(frame: StreamFrame): frame is ErrorFrame {
  return frame.type === 'error' && !isEvent(frame);
}

/** An open event stream. */
export interface StreamSocket {
  socket: WebSocket;
  /** The server's answer to the upgrade request (101). */
  upgrade: IncomingMessage;
  frames: Transcript<StreamFrame>;
  /** Sends a JSON text frame. */
  send(message: unknown): void;
  close(): Promise<void>;
}

const openSockets = new Set<WebSocket>();

/** Opens a WebSocket and resolves once the server switched protocols. */
export function openStream(url: string, headers: Record<string, string> = {}): Promise<StreamSocket> {
  const socket = new WebSocket(url, { headers });
  openSockets.add(socket);
  const frames = new Transcript<StreamFrame>(`stream ${new URL(url).pathname}`);
  socket.on('message', (data) => frames.push(JSON.parse(String(data)) as StreamFrame));
  socket.on('close', (code, reason) => {
    openSockets.delete(socket);
    frames.end({ code, reason: reason.toString() });
  });
  let upgrade: IncomingMessage | undefined;
  socket.once('upgrade', (response) => {
    upgrade = response;
  });
  const opened = new Promise<StreamSocket>((resolve, reject) => {
    socket.once('open', () =>
      resolve({
        socket,
        upgrade: upgrade!,
        frames,
        send: (message) => socket.send(JSON.stringify(message)),
        close: () => closeSocket(socket),
      }),
    );
    socket.once('unexpected-response', (_request, response) => {
      reject(new Error(`upgrade refused with ${response.statusCode}`));
      socket.terminate();
    });
    socket.on('error', (error) => reject(error));
  });
  return withTimeout(opened, `the upgrade of ${url}`);
}

/** An upgrade the server refused: its HTTP status and JSON body. */
export interface RefusedUpgrade {
  status: number;
  body: unknown;
}

/** Attempts an upgrade that the server must refuse, and reads the refusal. */
export function refusedUpgrade(url: string, headers: Record<string, string> = {}): Promise<RefusedUpgrade> {
  const socket = new WebSocket(url, { headers });
  const refused = new Promise<RefusedUpgrade>((resolve, reject) => {
    socket.once('open', () => {
      reject(new Error(`the server accepted the upgrade of ${url}`));
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, body: text === '' ? undefined : (JSON.parse(text) as unknown) });
        socket.terminate();
      });
    });
    // ws reports the refusal as an error too once it tears the connection down.
    socket.on('error', () => undefined);
  });
  return withTimeout(refused, `the refusal of ${url}`);
}

function closeSocket(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.close();
  return withTimeout(closed, 'the socket to close');
}

/** Closes every stream a test left open. */
export async function closeAllStreams(): Promise<void> {
  await Promise.all([...openSockets].map(closeSocket));
}

// ---------------------------------------------------------------------------------------------
// GraphQL subscriptions: graphql-ws over WebSocket, and SSE over HTTP

export type GraphQLResult<Data> = FormattedExecutionResult<Data, unknown>;

/** A graphql-ws client that neither retries nor reconnects: a failure shows at once. */
export function graphqlWsClient(wsUrl: string, connectionParams: Record<string, string>): Client {
  return createClient({
    url: `${wsUrl}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** One subscription's results; it ends with `complete`, an error, or a close event. */
export interface Subscription<Data> {
  results: Transcript<GraphQLResult<Data>>;
  unsubscribe(): void;
}

export function subscribe<Data>(client: Client, payload: SubscribePayload): Subscription<Data> {
  const results = new Transcript<GraphQLResult<Data>>(`subscription ${payload.query.replace(/\s+/g, ' ').slice(0, 60)}`);
  const unsubscribe = client.subscribe<Data>(payload, {
    next: (result) => results.push(result),
    error: (error) => results.end(error),
    complete: () => results.end('complete'),
  });
  return { results, unsubscribe };
}

/** A GraphQL subscription over server-sent events. */
export interface SseSubscription<Data> {
  status: number;
  contentType: string | null;
  results: Transcript<GraphQLResult<Data>>;
  /** Aborts the request: the server ends the subscription. */
  abort(): void;
}

/** POSTs a subscription with `Accept: text/event-stream` and reads the stream as it arrives. */
export async function sseSubscribe<Data>(
  httpUrl: string,
  body: { query: string; variables?: Record<string, unknown> },
  headers: Record<string, string>,
): Promise<SseSubscription<Data>> {
  const controller = new AbortController();
  const response = await withTimeout(
    fetch(`${httpUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...headers },
      body: JSON.stringify(body),
      signal: controller.signal,
    }),
    'the SSE response headers',
  );
  const results = new Transcript<GraphQLResult<Data>>('SSE subscription');
  void readServerSentEvents(response, results);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    results,
    abort: () => controller.abort(),
  };
}

/** Parses `event:`/`data:` blocks (comments such as keep-alive `:` lines are skipped). */
async function readServerSentEvents<Data>(response: Response, results: Transcript<GraphQLResult<Data>>): Promise<void> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      let boundary = buffered.indexOf('\n\n');
      while (boundary !== -1) {
        const block = buffered.slice(0, boundary);
        buffered = buffered.slice(boundary + 2);
        boundary = buffered.indexOf('\n\n');
        const lines = block.split('\n');
        const event = lines.find((line) => line.startsWith('event:'))?.slice('event:'.length).trim();
        const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice('data:'.length).trim()).join('\n');
        if (event === 'complete') {
          results.end('complete');
          return;
        }
        if (data !== '') results.push(JSON.parse(data) as GraphQLResult<Data>);
      }
    }
    results.end('stream closed');
  } catch (error) {
    results.end(error);
  }
}

/** `extensions.code` of each error of a GraphQL result. */
export function errorCodes(result: { errors?: readonly { extensions?: { [key: string]: unknown } }[] }): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
