import { ConflictBook } from '../engines/conflicts/conflict-book.js';
import type { DomainModule } from './domain-module.js';

/**
 * Conflicts: the conflict book every group engine records into, shared as `conflicts`. Listed
 * before multi-master, which records its conflicts here and registers the applier that writes a
 * resolution to its sites. The book is restored from the store, so it survives a restart.
 */
export const conflictsModule: DomainModule = {
  name: 'conflicts',
  async assemble({ store, runtime, journal }) {
    const conflicts = await ConflictBook.load(store, { clock: runtime.clock, journal });
    return {
      shares: { conflicts },
    };
  },
};
