import { ApplyEngine } from '../engines/apply/apply-engine.js';
import type { ApplyConfig } from '../engines/apply/apply-config.js';
import type { ApplierRecord } from '../engines/apply/applier.js';
import type { DomainModule } from './domain-module.js';

/** The engine-wide apply configuration (`current`). */
export const APPLY_CONFIG_RECORD = 'apply.config';
/** One record per applier, by subscription id: its checkpoint (GoldenGate's checkpoint table), state and counters. */
export const APPLY_APPLIER_RECORD = 'apply.applier';

/**
 * The apply engine (GoldenGate Replicat's parallel apply): shares `apply`, which logical
 * subscriptions (assembled after it) use to apply decoded transactions to their target node.
 * Appliers and their checkpoints are restored from the store; a feeder binds each again with
 * `applierFor` and resends from its `resumeLsn()`.
 */
export const applyModule: DomainModule = {
  name: 'apply',
  async assemble({ store, runtime, journal }) {
    const config = await store.get<ApplyConfig>(APPLY_CONFIG_RECORD, 'current');
    const appliers = (await store.list<ApplierRecord>(APPLY_APPLIER_RECORD)).map((record) => record.value);
    const apply = new ApplyEngine(
      {
        clock: runtime.clock,
        persistence: {
          saveConfig: (value) => journal.put(APPLY_CONFIG_RECORD, 'current', value),
          saveApplier: (record) => journal.put(APPLY_APPLIER_RECORD, record.subscriptionId, record),
          deleteApplier: (subscriptionId) => journal.delete(APPLY_APPLIER_RECORD, subscriptionId),
        },
      },
      { ...(config === undefined ? {} : { config }), appliers },
    );
    return {
      shares: { apply },
      close: () => apply.close(),
    };
  },
};
