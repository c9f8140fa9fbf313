import type { EventSeverity } from '../../../engines/replication/events.js';
import type { OperationContext } from '../../../services/platform/operation-context.js';
import type { Problem } from '../stream-config.js';

/** What a subscription carries: events, metrics snapshots, or long queries' progress. */
export type TopicName = 'events' | 'metrics' | 'query';

/** What an event subscription may carry (a dedicated stream's, or every event). */
export interface EventScope {
  /** How messages name it: the stream's path, or the topic. */
  name: string;
  /** undefined: every event type. */
  eventTypes?: readonly string[];
  /** How urgent an event is, for scopes that filter by `severity`. */
  severityOf?: (type: string, payload: unknown) => EventSeverity;
}

/** Where a subscription's frames go: its socket, which tags them when it carries several. */
export interface TopicSink {
  /** Sends one frame (its JSON, as text or UTF-8 bytes); false once the socket is closed or closing. */
  send(json: string | Buffer, isEvent: boolean): boolean;
  /** The subscription ended by itself (every query it named has ended). */
  complete(): void;
  /** The subscription failed; it is over. */
  fail(error: unknown): void;
}

/** An open subscription. */
export interface TopicSubscription {
  /** The cursor a client resumes an event subscription from to miss nothing (the last event sent, or where it started). */
  resumeCursor?(): number;
  close(): void;
}

export interface TopicRequest<Config> {
  context: OperationContext;
  /** The operation whose roles the subscription needs. */
  operationId: string;
  scope: EventScope;
  config: Config;
}

/** One kind of subscription: the fields a client sets, and how it runs. */
export interface Topic<Config extends object = object> {
  readonly name: TopicName;
  readonly fields: readonly string[];
  /** The subscription a message asks for, defaults filled in (the acknowledgement echoes it), or what is wrong with it. */
  parse(fields: Record<string, unknown>): { config: Config } | Problem;
  /** @throws a coded error when the caller may not subscribe, or the config does not fit. */
  open(request: TopicRequest<Config>, sink: TopicSink): TopicSubscription;
}
