/**
 * Multi-master links as replication monitoring's channels (kind MULTI_MASTER): one channel per
 * ordered pair of sites of a group, the sender's own changes to the receiver.
 */
import type { ChannelReading, ChannelSource } from '../replication-monitoring/channel.js';
import type { MultiMasterEngine } from './multi-master-engine.js';

export class MultiMasterChannelSource implements ChannelSource {
  readonly kind = 'MULTI_MASTER' as const;

  constructor(private readonly engine: MultiMasterEngine) {}

  channels(): ChannelReading[] {
    return this.engine.groups().flatMap((group) => {
      const views = this.engine.siteViews(group.groupId);
      const conflicts = this.engine.counters(group.groupId).conflictsDetected;
      return views.flatMap((site) =>
        site.peers.map((peer): ChannelReading => {
          const target = views.find((view) => view.siteId === peer.siteId);
          const down = !site.running || target === undefined || !target.running || !peer.reachable;
          return {
            channelId: `mm-${group.groupId}-${site.siteId}-${peer.siteId}`,
            kind: 'MULTI_MASTER',
            source: { nodeId: site.nodeId, datacenterId: site.datacenterId },
            target: { nodeId: target?.nodeId ?? null, datacenterId: target?.datacenterId ?? null },
            state: down ? 'DISCONNECTED' : peer.pendingBytes > 0 ? 'CATCHING_UP' : 'STREAMING',
            stateDetail: down ? (peer.reachable ? 'SITE_DOWN' : 'UNREACHABLE') : peer.pendingBytes > 0 ? 'SHIPPING' : 'CAUGHT_UP',
            lagBytes: peer.pendingBytes,
            lagMs: null,
            lagOperations: null,
            bytesShipped: peer.bytesShipped,
            operationsShipped: peer.changesShipped,
            errors: 0,
            // Conflicts are counted per group (a conflict is met at a site, not on one link).
            conflicts: site.siteId === views[0]?.siteId && peer.siteId === site.peers[0]?.siteId ? conflicts : 0,
          };
        }),
      );
    });
  }
}
