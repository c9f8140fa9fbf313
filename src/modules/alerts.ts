import { AlertEngine } from '../engines/alerts/alert-engine.js';
import { AlertService } from '../services/alerts/alert-service.js';
import { alertMetrics } from '../services/alerts/alert-metrics.js';
import { alertHandlers } from '../api/rest/handlers/alerts/alerts.js';
import { alertResolvers } from '../api/graphql/resolvers/alerts/alerts.js';
import type { DomainModule } from './domain-module.js';

/**
 * The one alert model every engine feeds. Listed before its sources (health, replication): each
 * registers itself with `shared('alerts').source(name)` and reports its conditions there.
 */
export const alertsModule: DomainModule = {
  name: 'alerts',
  async assemble({ store, runtime, bus, journal, runner }) {
    const alerts = await AlertEngine.load(store, { clock: runtime.clock, journal, bus });
    return {
      shares: { alerts },
      services: { alerts: new AlertService({ engine: alerts, runner }) },
      restHandlers: [alertHandlers],
      resolvers: [alertResolvers],
      metrics: [alertMetrics(alerts)],
    };
  },
};
