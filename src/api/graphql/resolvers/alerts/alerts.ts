import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { atLeastAsSevere, type AlertSeverity, type AlertSourceName } from '../../../../engines/alerts/alert.js';
import { ALERT_EVENT_TYPES, type AlertResource } from '../../../../engines/alerts/events.js';
import { ApiError } from '../../../error-catalog.js';
import type { ContractSchemas } from '../../../contract-schemas.js';
import type { GraphQLContext } from '../../context.js';
import { mapFeed } from '../../map-feed.js';

/** GraphQL twins of /api/v1/alerts, and the seed's alert subscriptions (views of alert_fired and alert_resolved). */
export const alertResolvers: Resolvers = {
  Query: {
    alerts: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      if (args.state === 'RESOLVED') {
        throw new ApiError('VALIDATION_FAILED', 'The input does not match the API contract.', {
          errors: [{ location: 'input/state', message: 'must be PENDING or FIRING: resolved alerts are in alertHistory', keyword: 'enum', allowedValues: ['PENDING', 'FIRING'] }],
        });
      }
      const source = checkSource(contract, args.source, 'input/source');
      return services.alerts
        .list(context, { state: args.state ?? undefined, severity: args.severity ?? undefined, source, limit: args.limit ?? undefined, offset: args.offset ?? undefined })
        .items.map(toGraphQLAlert);
    },
    alertHistory: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      const source = checkSource(contract, args.source, 'input/source');
      return services.alerts
        .history(context, { severity: args.severity ?? undefined, source, limit: args.limit ?? undefined, offset: args.offset ?? undefined })
        .items.map(toGraphQLAlert);
    },
  },
  Subscription: {
    systemAlerts: {
      subscribe: async (_parent, args, context) => {
        await context.operation();
        const sources = (args.sources ?? []).map((source, index) => checkSource(context.contract, source, `input/sources/${index}`));
        const minimum: AlertSeverity = args.minSeverity ?? 'INFO';
        return mapFeed(await alertFeed(context), (event) => {
          const alert = event.payload as AlertResource;
          const wanted = atLeastAsSevere(alert.severity, minimum) && (sources.length === 0 || sources.includes(alert.source));
          return wanted ? { systemAlerts: toGraphQLAlert(alert) } : undefined;
        });
      },
    },
    alertsStream: {
      subscribe: async (_parent, _args, context) => mapFeed(await alertFeed(context), (event) => ({ alertsStream: toGraphQLAlert(event.payload as AlertResource) })),
    },
  },
};

/** `alert_fired` and `alert_resolved` from the event bus, live, with the roles of listing alerts. */
async function alertFeed(context: GraphQLContext) {
  return context.services.events.open(await context.operation(), 'listAlerts', { types: ALERT_EVENT_TYPES });
}

/** A source filter must name a source of the contract's AlertSource, as REST's query parameter does. */
function checkSource(contract: ContractSchemas, source: string, location: string): AlertSourceName;
function checkSource(contract: ContractSchemas, source: string | null | undefined, location: string): AlertSourceName | undefined;
function checkSource(contract: ContractSchemas, source: string | null | undefined, location: string): AlertSourceName | undefined {
  if (source === null || source === undefined) return undefined;
  contract.check('AlertSource', source, { location });
  return source as AlertSourceName;
}

/** Labels and annotations as name-value lists, sorted by name. */
function toGraphQLAlert(alert: AlertResource) {
  return {
    ...alert,
    labels: pairsOf(alert.labels),
    annotations: pairsOf(alert.annotations),
    summary: alert.annotations.summary,
  };
}

function pairsOf(map: Readonly<Record<string, string>>): { name: string; value: string }[] {
  return Object.entries(map)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value }));
}
