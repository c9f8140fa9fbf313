import type { EventFilter } from '../../engines/runtime/event-bus.js';
import { EVENT_SEVERITIES, type EventSeverity } from '../../engines/replication/events.js';

/** A client's `config` message on a stream: which events, about what, how urgent, from where. */
export interface StreamConfig {
  eventTypes?: string[];
  resourceIds?: string[];
  /** Only events at or above this severity (streams whose events have one). */
  severity?: EventSeverity;
  resumeFrom?: number;
}

/** Longest list a config may name. */
const MAX_FILTER_ENTRIES = 1000;

/**
 * Reads a config message, or says precisely what is wrong with it. `nodeIds`, `replicaIds` and
 * `instanceIds` are accepted as the seeds' names for resource ids on the nodes, replication and
 * RAC streams.
 */
export function parseStreamConfig(text: string): { config: StreamConfig } | { problem: string } {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { problem: 'The message is not valid JSON.' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { problem: 'The message must be a JSON object.' };
  const fields = message as Record<string, unknown>;
  if (fields.type !== 'config') return { problem: 'Only messages with "type": "config" are understood.' };
  const known = new Set(['type', 'eventTypes', 'resourceIds', 'nodeIds', 'replicaIds', 'instanceIds', 'severity', 'resumeFrom']);
  const unknown = Object.keys(fields).filter((key) => !known.has(key));
  if (unknown.length > 0) return { problem: `Unknown field(s): ${unknown.join(', ')}.` };
  const config: StreamConfig = {};
  for (const name of ['eventTypes', 'resourceIds', 'nodeIds', 'replicaIds', 'instanceIds'] as const) {
    const value = fields[name];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.length > MAX_FILTER_ENTRIES || !value.every((entry) => typeof entry === 'string' && entry.length <= 200)) {
      return { problem: `${name} must be an array of at most ${MAX_FILTER_ENTRIES} strings.` };
    }
    const list = value as string[];
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
  config: StreamConfig,
  /** Every event type of the contract. */
  knownEventTypes: readonly string[],
): { filter: EventFilter } | { problem: string } {
  const wanted = config.eventTypes !== undefined && config.eventTypes.length > 0 ? config.eventTypes : undefined;
  const carried = streamEventTypes ?? knownEventTypes;
  const unknown = (wanted ?? []).filter((type) => !knownEventTypes.includes(type));
  if (unknown.length > 0) return { problem: `eventTypes names unknown event type(s) ${unknown.join(', ')}; this stream carries: ${carried.join(', ')}.` };
  if (wanted === undefined || streamEventTypes === undefined) return { filter: { types: wanted ?? streamEventTypes, resourceIds: config.resourceIds } };
  const types = wanted.filter((type) => streamEventTypes.includes(type));
  if (types.length === 0) return { problem: `eventTypes names none of the events this stream carries: ${streamEventTypes.join(', ')}.` };
  return { filter: { types, resourceIds: config.resourceIds } };
}
