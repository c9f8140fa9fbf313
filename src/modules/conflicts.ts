import { ConflictBook } from '../engines/conflicts/conflict-book.js';
import { ConflictsService } from '../services/conflicts/conflicts-service.js';
import { conflictsMetrics } from '../services/conflicts/conflicts-metrics.js';
import { conflictsHandlers } from '../api/rest/handlers/conflicts/conflicts.js';
import { conflictsResolvers } from '../api/graphql/resolvers/conflicts/conflicts.js';
import type { DomainModule } from './domain-module.js';

/**
 * Conflicts: the conflict book every group engine records into, shared as `conflicts`. Listed
 * before multi-master, which records its conflicts here and registers the applier that writes a
 * resolution to its sites. The book is restored from the store, so it survives a restart. Serves
 * /api/v1/advanced-replication/conflicts/* and their GraphQL twins.
 */
export const conflictsModule: DomainModule = {
  name: 'conflicts',
  async assemble({ store, runtime, journal, runner }) {
    const conflicts = await ConflictBook.load(store, { clock: runtime.clock, journal });
    return {
      shares: { conflicts },
      services: { conflicts: new ConflictsService({ conflicts, runner }) },
      restHandlers: [conflictsHandlers],
      resolvers: [conflictsResolvers],
      metrics: [conflictsMetrics(conflicts)],
    };
  },
};
