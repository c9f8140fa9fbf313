import type { EventFilter } from '../../engines/runtime/event-bus.js';
import { EVENT_SEVERITIES, type EventSeverity } from '../../engines/replication/events.js';

/** What is wrong with a client's message, in words. */
export interface Problem {
  problem: string;
}

/** Longest list a message may name. */
const MAX_FILTER_ENTRIES = 1000;

/** A client's text frame as a JSON object's fields, or what is wrong with it. */
export function readMessage(text: string): { fields: Record<string, unknown> } | Problem {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { problem: 'The message is not valid JSON.' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { problem: 'The message must be a JSON object.' };
  return { fields: message as Record<string, unknown> };
}

/** A problem naming the fields outside `known`, if there are any. */
export function unknownFieldsProblem(fields: Record<string, unknown>, known: readonly string[]): Problem | undefined {
  const unknown = Object.keys(fields).filter((key) => !known.includes(key));
  return unknown.length > 0 ? { problem: `Unknown field(s): ${unknown.join(', ')}.` } : undefined;
}

/** A list of strings (each at most 200 characters), absent, or a problem naming the field. */
export function stringListField(fields: Record<string, unknown>, name: string): string[] | undefined | Problem {
  const value = fields[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > MAX_FILTER_ENTRIES || !value.every((entry) => typeof entry === 'string' && entry.length <= 200)) {
    return { problem: `${name} must be an array of at most ${MAX_FILTER_ENTRIES} strings.` };
  }
  return value as string[];
}

/** A whole number of milliseconds, the fallback when absent, or a problem naming the field (its range is the service's to check). */
export function millisecondsField(fields: Record<string, unknown>, name: string, fallback: number): number | Problem {
  const value = fields[name];
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value)) return { problem: `${name} must be a whole number of milliseconds.` };
  return value as number;
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'problem' in value;
}

/** What an event subscription asks for: which events, about what, how urgent, from where. */
export interface EventConfig {
  eventTypes?: string[];
  resourceIds?: string[];
  /** Only events at or above this severity (streams whose events have one). */
  severity?: EventSeverity;
  resumeFrom?: number;
}

/**
 * The fields of an event subscription. `nodeIds`, `replicaIds`, `instanceIds` and `tables` are the
 * seeds' names for resource ids on the nodes, replication, RAC and sharding streams.
 */
export const EVENT_CONFIG_FIELDS = ['eventTypes', 'resourceIds', 'nodeIds', 'replicaIds', 'instanceIds', 'tables', 'severity', 'resumeFrom'] as const;

/** Reads an event subscription's fields, or says precisely what is wrong with them. */
export function parseEventConfig(fields: Record<string, unknown>): { config: EventConfig } | Problem {
  const config: EventConfig = {};
  for (const name of ['eventTypes', 'resourceIds', 'nodeIds', 'replicaIds', 'instanceIds', 'tables'] as const) {
    const list = stringListField(fields, name);
    if (isProblem(list)) return list;
    if (list === undefined) continue;
    if (name === 'eventTypes') config.eventTypes = list;
    else config.resourceIds = [...(config.resourceIds ?? []), ...list];
  }
  if (fields.severity !== undefined) {
    if (!EVENT_SEVERITIES.includes(fields.severity as EventSeverity)) return { problem: `severity must be one of ${EVENT_SEVERITIES.join(', ')}.` };
    config.severity = fields.severity as EventSeverity;
  }
  if (fields.resumeFrom !== undefined) {
    if (!Number.isSafeInteger(fields.resumeFrom) || (fields.resumeFrom as number) < 0) return { problem: 'resumeFrom must be a cursor: a whole number, 0 or more.' };
    config.resumeFrom = fields.resumeFrom as number;
  }
  return { config };
}

/**
 * The filter a stream applies: the client's choice, within the event types the stream carries.
 * A name that is no event type at all (a typo) is a problem that lists the types the stream
 * carries: accepting it would silently filter out everything it was meant to let through. An
 * empty `eventTypes` constrains nothing, as in {@link EventFilter}: the stream's own types then
 * apply. Naming only types the stream never carries is a problem too: an empty intersection
 * would otherwise read as "no constraint" and let every event through.
 */
export function filterFor(
  streamEventTypes: readonly string[] | undefined,
  config: EventConfig,
  /** Every event type of the contract. */
  knownEventTypes: readonly string[],
): { filter: EventFilter } | Problem {
  const wanted = config.eventTypes !== undefined && config.eventTypes.length > 0 ? config.eventTypes : undefined;
  const carried = streamEventTypes ?? knownEventTypes;
  const unknown = (wanted ?? []).filter((type) => !knownEventTypes.includes(type));
  if (unknown.length > 0) return { problem: `eventTypes names unknown event type(s) ${unknown.join(', ')}; this stream carries: ${carried.join(', ')}.` };
  if (wanted === undefined || streamEventTypes === undefined) return { filter: { types: wanted ?? streamEventTypes, resourceIds: config.resourceIds } };
  const types = wanted.filter((type) => streamEventTypes.includes(type));
  if (types.length === 0) return { problem: `eventTypes names none of the events this stream carries: ${streamEventTypes.join(', ')}.` };
  return { filter: { types, resourceIds: config.resourceIds } };
}
