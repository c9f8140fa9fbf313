import type { BusEvent, EventBus, EventFilter } from '../../engines/runtime/event-bus.js';
import { EventFeed } from './event-feed.js';
import type { EventRetention } from './event-retention.js';
import type { OperationContext } from './operation-context.js';
import type { OperationRunner } from './operation-runner.js';

/** The event log and its live feeds, shared by REST, GraphQL subscriptions and WebSocket streams. */
export class EventService {
  constructor(
    private readonly bus: EventBus<object>,
    private readonly runner: OperationRunner,
    private readonly retention: Pick<EventRetention, 'assertResumable'>,
  ) {}

  async list(
    context: OperationContext,
    query: { after: number; limit: number; types?: readonly string[]; resourceId?: string },
  ): Promise<{ events: BusEvent[]; nextCursor: number }> {
    this.runner.read(context, 'listEvents', () => undefined);
    const filter: EventFilter = { types: query.types, resourceIds: query.resourceId === undefined ? undefined : [query.resourceId] };
    const events = await this.bus.readAfter(query.after, query.limit, filter);
    return { events, nextCursor: events.length > 0 ? events[events.length - 1]!.cursor : query.after };
  }

  /**
   * Opens a feed for a stream or subscription. `operationId` names the stream's operation, so
   * its roles apply.
   * @throws DomainError CONFLICT (reason CURSOR_EXPIRED) when events after `resumeFrom` have
   *   been pruned: the feed would start with a gap.
   */
  open(context: OperationContext, operationId: string, filter: EventFilter, resumeFrom?: number): EventFeed {
    return this.runner.read(context, operationId, () => {
      const retention = this.retention;
      if (resumeFrom !== undefined) retention.assertResumable(resumeFrom);
      return new EventFeed(this.bus, filter, resumeFrom, (afterCursor) => retention.assertResumable(afterCursor));
    });
  }

  lastCursor(): number {
    return this.bus.lastCommittedCursor();
  }
}
