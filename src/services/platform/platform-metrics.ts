import type { AuditLog } from './audit-log.js';
import type { EventService } from './event-service.js';
import type { EventRetention } from './event-retention.js';
import { readCounter, readGauge, type MetricsCollector } from './metrics-service.js';

/** The API platform's own counts (its requests are counted as they are answered: rustydb_http_*). */
export function platformMetrics(events: EventService, eventLog: EventRetention, auditLog: AuditLog): MetricsCollector {
  return (registry) => {
    readCounter(registry, { name: 'rustydb_platform_events_published_total', help: 'Events committed to the event log (the cursor of the newest).', read: () => events.lastCursor() });
    readGauge(registry, { name: 'rustydb_platform_event_log_events', help: 'Events the store keeps in the event log (bounded by RUSTYDB_EVENT_LOG_MAX_EVENTS and _MAX_AGE_HOURS).', read: () => eventLog.stats().keptEvents });
    readCounter(registry, { name: 'rustydb_platform_events_pruned_total', help: 'Events pruned from the event log since the server started.', read: () => eventLog.stats().prunedEvents });
    readCounter(registry, { name: 'rustydb_platform_audit_entries_total', help: 'Mutations recorded in the audit log.', read: () => auditLog.recordedCount() });
  };
}
