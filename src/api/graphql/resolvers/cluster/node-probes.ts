import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { NodeProbeRole } from '../../../../services/cluster/node-probe-service.js';

/** GraphQL's enum values as the probes' path segments. */
const PROBE_ROLES = { PRIMARY: 'primary', REPLICA: 'replica', LEADER: 'leader', READ_ONLY: 'read-only' } as const satisfies Record<string, NodeProbeRole>;

/** The GraphQL twin of /api/v1/cluster/nodes/{id}/probes/{role}. */
export const nodeProbeResolvers: Resolvers = {
  Query: {
    // Public, like the REST probes: no operation context.
    nodeRoleProbe: (_parent, { nodeId, role, maxLagBytes, maxLagMs }, { services, contract }) => {
      const bounds = { maxLagBytes: maxLagBytes ?? undefined, maxLagMs: maxLagMs ?? undefined };
      for (const [name, value] of Object.entries(bounds)) if (value !== undefined) contract.check('NodeProbeLagBound', value, { location: name });
      const probe = services.nodeProbes.probe(nodeId, PROBE_ROLES[role], bounds);
      return { ...probe, probe: role };
    },
  },
};
