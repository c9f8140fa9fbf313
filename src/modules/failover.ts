import { ClusterFailover, FAILOVER_HISTORY_RECORD } from '../engines/failover/cluster-failover.js';
import { DEFAULT_FAILOVER_POLICY, FAILOVER_POLICY_RECORD, type FailoverPolicy } from '../engines/failover/failover-config.js';
import { EMPTY_FAILOVER_STATE, type FailoverTrackerState } from '../engines/failover/failover-tracker.js';
import { DRILL_COUNTER_RECORD, FailoverDrill } from '../services/failover/failover-drill.js';
import { FailoverService } from '../services/failover/failover-service.js';
import { failoverHandlers } from '../api/rest/handlers/failover/failover.js';
import { failoverResolvers } from '../api/graphql/resolvers/failover/failover.js';
import { failoverMetrics } from '../services/failover/failover-metrics.js';
import type { DomainModule } from './domain-module.js';

/** Replacing the consensus leader: automatic failover, switchover, forced elections and drills. */
export const failoverModule: DomainModule = {
  name: 'failover',
  async assemble({ store, runtime, bus, journal, runner, clockControl, shared }) {
    const nodes = shared('nodes');
    const consensus = shared('consensus');
    const failover = new ClusterFailover(
      { clock: runtime.clock, consensus, nodes, bus, journal },
      {
        history: (await store.get<FailoverTrackerState>(FAILOVER_HISTORY_RECORD, 'current')) ?? EMPTY_FAILOVER_STATE,
        policy: (await store.get<FailoverPolicy>(FAILOVER_POLICY_RECORD, 'current')) ?? DEFAULT_FAILOVER_POLICY,
      },
    );
    const drill = new FailoverDrill(
      { clock: runtime.clock, clockControl, injector: shared('faultInjector'), failover, nodes, journal },
      (await store.get<number>(DRILL_COUNTER_RECORD, 'last')) ?? 0,
    );
    return {
      shares: { failover },
      services: { failover: new FailoverService({ failover, drill, nodes, consensus, clock: runtime.clock, runner }) },
      restHandlers: [failoverHandlers],
      resolvers: [failoverResolvers],
      metrics: [failoverMetrics(failover, drill)],
    };
  },
};
