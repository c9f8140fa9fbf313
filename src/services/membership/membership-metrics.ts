import type { MemberStateName } from '../../engines/membership/index.js';
import { countSeries, readGauge, type MetricsCollector } from '../platform/metrics-service.js';
import type { MembershipService } from './membership-service.js';

const STATES: readonly MemberStateName[] = ['ALIVE', 'SUSPECT', 'DEAD', 'LEFT'];

/**
 * The gossip group's members by state and its suspicion events. The protocol's counters are
 * summed over the members the group holds now, so they fall when a member goes: gauges.
 */
export function membershipMetrics(membership: MembershipService): MetricsCollector {
  return (registry) => {
    readGauge(registry, {
      name: 'rustydb_membership_members',
      help: 'Gossip members by their group-wide state.',
      labelNames: ['state'],
      read: () => countSeries('state', STATES, membership.tallies().states.filter((state) => state !== null)),
    });
    readGauge(registry, { name: 'rustydb_membership_suspicions_raised', help: 'Suspicions the members raised from their own failed probes.', read: () => membership.tallies().totals.suspicionsRaised });
    readGauge(registry, { name: 'rustydb_membership_deaths_declared', help: 'Suspicions that expired, making a member declare the suspect dead.', read: () => membership.tallies().totals.deathsDeclared });
    readGauge(registry, { name: 'rustydb_membership_probes_failed', help: 'Probes that ended without any ack.', read: () => membership.tallies().totals.probesFailed });
  };
}
