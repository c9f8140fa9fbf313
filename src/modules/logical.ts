import { LogicalReplication } from '../engines/logical/logical-replication.js';
import { LogicalJournal, loadLogicalState } from '../engines/logical/logical-records.js';
import { logicalChannelSource } from '../engines/logical/logical-channels.js';
import { LogicalService } from '../services/logical/logical-service.js';
import { logicalHandlers } from '../api/rest/handlers/logical/logical.js';
import { logicalResolvers } from '../api/graphql/resolvers/logical/logical.js';
import type { DomainModule } from './domain-module.js';

/**
 * Logical replication over the replication engine's WAL: publications and subscriptions (their
 * slots are the replication engine's), applied through the apply engine's appliers (one per
 * subscription), persisted in the journal. Listed after replication and apply.
 */
export const logicalModule: DomainModule = {
  name: 'logical',
  async assemble({ store, runtime, journal, runner, shared }) {
    const replication = shared('replication');
    const logical = new LogicalReplication(
      { cluster: replication.cluster, apply: shared('apply'), clock: runtime.clock, records: new LogicalJournal(journal) },
      await loadLogicalState(store),
    );
    // Each subscription is a LOGICAL channel of replication monitoring.
    shared('replicationMonitoring').register(logicalChannelSource(logical));
    return {
      shares: { logical },
      close: () => logical.close(),
      services: { logical: new LogicalService({ logical, runner }) },
      restHandlers: [logicalHandlers],
      resolvers: [logicalResolvers],
    };
  },
};
