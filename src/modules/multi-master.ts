import { MultiMasterEngine, type MultiMasterConflict } from '../engines/multi-master/multi-master-engine.js';
import type { CatalogState } from '../engines/multi-master/group-catalog.js';
import { StandInConflictBook } from '../engines/multi-master/stand-in-conflict-book.js';
import { MultiMasterService } from '../services/multi-master/multi-master-service.js';
import { GroupConflictService } from '../services/multi-master/group-conflict-service.js';
import { conflictOf, convergenceOf } from '../services/multi-master/multi-master-shapes.js';
import { clockRunsOn } from '../services/platform/outcome-wait.js';
import { multiMasterHandlers } from '../api/rest/handlers/multi-master/multi-master-groups.js';
import { groupConflictHandlers } from '../api/rest/handlers/multi-master/group-conflicts.js';
import { multiMasterResolvers } from '../api/graphql/resolvers/multi-master/multi-master-groups.js';
import { groupConflictResolvers } from '../api/graphql/resolvers/multi-master/group-conflicts.js';
import { multiMasterSubscriptionResolvers } from '../api/graphql/resolvers/multi-master/multi-master-subscriptions.js';
import type { DomainModule } from './domain-module.js';

/** The group catalog, persisted on every change. */
export const MULTI_MASTER_CATALOG_RECORD = 'multi-master.catalog';
/** STAND-IN: the group conflicts until the conflicts engine's book is on main. */
export const MULTI_MASTER_CONFLICTS_RECORD = 'multi-master.conflicts';

/**
 * Multi-master groups over the replication engine's node storage (src/engines/multi-master):
 * listed after replication. Shares `multiMaster`; serves the groups, sites, replicate, quorum
 * status, convergence and statistics, the group conflicts of /api/v1/geo-replication, and
 * multiMasterConvergence.
 */
export const multiMasterModule: DomainModule = {
  name: 'multi-master',
  async assemble({ store, runtime, bus, journal, runner, clockControl, shared }) {
    const replication = shared('replication');
    const restored = await store.get<CatalogState>(MULTI_MASTER_CATALOG_RECORD, 'current');
    const restoredConflicts = await store.get<MultiMasterConflict[]>(MULTI_MASTER_CONFLICTS_RECORD, 'current');
    const book: StandInConflictBook = new StandInConflictBook((conflict, kind) => {
      journal.put(MULTI_MASTER_CONFLICTS_RECORD, 'current', book.snapshot());
      bus.publish(kind === 'recorded' ? 'group_conflict_detected' : 'group_conflict_resolved', 'multi-master', conflictOf(conflict));
    }, restoredConflicts ?? []);
    const engine: MultiMasterEngine = new MultiMasterEngine(
      {
        replication: replication.cluster,
        runtime,
        conflicts: book,
        changed: () => journal.put(MULTI_MASTER_CATALOG_RECORD, 'current', engine.snapshot()),
        listener: {
          convergenceChanged: (report) => bus.publish('multi_master_convergence', 'multi-master', convergenceOf(report, runtime.clock.now())),
        },
      },
      restored ?? undefined,
    );
    return {
      shares: { multiMaster: engine },
      close: () => engine.close(),
      services: {
        multiMaster: new MultiMasterService({ engine, runner, clock: runtime.clock, clockRuns: clockRunsOn(clockControl) }),
        groupConflicts: new GroupConflictService({ engine, book, runner }),
      },
      restHandlers: [multiMasterHandlers, groupConflictHandlers],
      resolvers: [multiMasterResolvers, groupConflictResolvers, multiMasterSubscriptionResolvers],
    };
  },
};
