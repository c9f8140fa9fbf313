import type { BusEvent } from '../../../engines/runtime/event-bus.js';
import { atLeastAsSevere } from '../../../engines/replication/events.js';
import type { Services } from '../../../services/services.js';
import { ApiError } from '../../error-catalog.js';
import { EVENT_CONFIG_FIELDS, filterFor, parseEventConfig, type EventConfig } from '../stream-config.js';
import type { Topic } from './topic.js';

/** Each event's JSON in UTF-8, written once however many sockets carry it (events are frozen and shared). */
const serialized = new WeakMap<BusEvent, Buffer>();

function jsonOf(event: BusEvent): Buffer {
  let bytes = serialized.get(event);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(event));
    serialized.set(event, bytes);
  }
  return bytes;
}

/**
 * Events of the bus, each one frame in the EventEnvelope shape: stored ones after `resumeFrom`
 * first, then live ones, with no gap and no duplicate (the event feed's promise).
 */
export function eventsTopic(services: Services, knownEventTypes: readonly string[]): Topic<EventConfig> {
  return {
    name: 'events',
    fields: EVENT_CONFIG_FIELDS,
    parse: parseEventConfig,
    open({ context, operationId, scope, config }, sink) {
      const chosen = config.severity !== undefined && !scope.severityOf ? { problem: `severity is not a filter of ${scope.name}.` } : filterFor(scope.eventTypes, config, knownEventTypes);
      if ('problem' in chosen) throw new ApiError('VALIDATION_FAILED', chosen.problem);
      const feed = services.events.open(context, operationId, chosen.filter, config.resumeFrom);
      let resumeCursor = config.resumeFrom ?? services.events.lastCursor();
      const { severity } = config;
      const severityOf = scope.severityOf;
      void (async () => {
        try {
          for await (const event of feed) {
            const admitted = severity === undefined || !severityOf || atLeastAsSevere(severityOf(event.type, event.payload), severity);
            if (admitted && !sink.send(jsonOf(event), true)) break;
            // Every event up to this one is handled (sent, or not wanted): a resume starts after it.
            resumeCursor = event.cursor;
          }
        } catch (error) {
          sink.fail(error);
        } finally {
          feed.close();
        }
      })();
      return { resumeCursor: () => resumeCursor, close: () => feed.close() };
    },
  };
}
