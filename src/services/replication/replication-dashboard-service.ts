import type { WalStatus } from '../../engines/replication/slots.js';
import { alertRuleViewOf, alertViewOf, type ReplicationAlertRuleView, type ReplicationAlertView } from './replication-monitor-service.js';
import { replicaLagOf, type ReplicaLag, type ReplicationService, type ReplicationServiceDeps, type ReplicationStatus } from './replication-service.js';
import type { OperationContext } from '../platform/operation-context.js';

/** The contract's ReplicationDashboard. */
export interface ReplicationDashboard {
  status: ReplicationStatus;
  lag: ReplicaLag[];
  walBytesPerSecond: number;
  commitsPerSecond: number;
  slots: Record<WalStatus, number> & { retainedBytes: number };
  alertRules: ReplicationAlertRuleView[];
  firingAlerts: ReplicationAlertView[];
  unresolvedConflicts: number;
  snapshotsInProgress: number;
}

const SEVERITY_RANK = { CRITICAL: 0, ERROR: 1, WARNING: 2, INFO: 3 } as const;

/** Everything a replication dashboard shows, read in one pass over the engine. */
export class ReplicationDashboardService {
  constructor(
    private readonly deps: ReplicationServiceDeps,
    private readonly replication: ReplicationService,
  ) {}

  get(context: OperationContext): ReplicationDashboard {
    return this.deps.runner.read(context, 'getReplicationDashboard', () => {
      const { cluster, monitor, conflicts, snapshots } = this.deps.engine;
      const rates = monitor.rates();
      const currentLsn = cluster.currentLsn();
      const slots = { reserved: 0, extended: 0, unreserved: 0, lost: 0, retainedBytes: 0 };
      for (const slot of cluster.listSlots()) {
        slots[slot.walStatus] += 1;
        if (slot.walStatus !== 'lost') slots.retainedBytes = Math.max(slots.retainedBytes, currentLsn - slot.restartLsn);
      }
      const rules = monitor.rules();
      const alerts = monitor.alerts();
      const firing = alerts
        .filter((alert) => alert.state === 'FIRING')
        .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.firedAtMs ?? 0) - (b.firedAtMs ?? 0));
      const copying = snapshots.catalog.list().filter((snapshot) => snapshot.status === 'IN_PROGRESS').length;
      const restoring = snapshots.catalog.restoreHistory().filter((restore) => restore.status === 'IN_PROGRESS').length;
      return {
        status: this.replication.status(),
        lag: cluster.listReplicas().map(replicaLagOf),
        walBytesPerSecond: rates.walBytesPerSecond,
        commitsPerSecond: rates.commitsPerSecond,
        slots,
        alertRules: rules.map((rule) => alertRuleViewOf(rule, alerts)),
        firingAlerts: firing.map((alert) => alertViewOf(alert, rules)),
        unresolvedConflicts: conflicts.list().filter((conflict) => !conflict.resolved).length,
        snapshotsInProgress: copying + restoring,
      };
    });
  }
}
