import type { AuditLog } from './audit-log.js';
import type { EventService } from './event-service.js';
import { readCounter, type MetricsCollector } from './metrics-service.js';

/** The API platform's own counts (its requests are counted as they are answered: rustydb_http_*). */
export function platformMetrics(events: EventService, auditLog: AuditLog): MetricsCollector {
  return (registry) => {
    readCounter(registry, { name: 'rustydb_platform_events_published_total', help: 'Events committed to the event log (the cursor of the newest).', read: () => events.lastCursor() });
    readCounter(registry, { name: 'rustydb_platform_audit_entries_total', help: 'Mutations recorded in the audit log.', read: () => auditLog.recordedCount() });
  };
}
