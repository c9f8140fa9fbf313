import type { ConflictStrategy } from '../engines/conflicts/conflict-record.js';
import { MultiMasterEngine, type ConflictPort, type WanPort } from '../engines/multi-master/multi-master-engine.js';
import type { CatalogState } from '../engines/multi-master/group-catalog.js';
import { MultiMasterChannelSource } from '../engines/multi-master/multi-master-channels.js';
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

/**
 * Multi-master groups over the replication engine's node storage (src/engines/multi-master):
 * listed after replication, geo, conflicts and replication monitoring. Its networks feel geo's
 * WAN links; it records conflicts in the conflicts engine's book and registers the applier that
 * writes a resolution to a group, declares its CRDT columns there, tells geo which datacenters its
 * sites use, and registers its links as monitoring channels. Shares `multiMaster`; serves the
 * groups, sites, replicate, quorum status, convergence and statistics, the group conflicts of
 * /api/v1/geo-replication, and multiMasterConvergence.
 */
export const multiMasterModule: DomainModule = {
  name: 'multi-master',
  async assemble({ store, runtime, bus, journal, runner, clockControl, shared }) {
    const replication = shared('replication');
    const geo = shared('geo');
    const book = shared('conflicts');
    const restored = await store.get<CatalogState>(MULTI_MASTER_CATALOG_RECORD, 'current');
    const wan: WanPort = {
      datacenterOf: (nodeId) => geo.datacenters.datacenterOf(nodeId),
      attach: (network) => geo.links.attach(network),
      partitioned: (a, b) => {
        const [from, to] = [geo.datacenters.datacenterOf(a), geo.datacenters.datacenterOf(b)];
        return from !== null && to !== null && from !== to && geo.links.linkBetween(from, to).partitioned;
      },
    };
    const conflicts: ConflictPort = {
      record: (conflict) => {
        const group = engine.group(conflict.groupId);
        const nodeOf = (siteId: string) => group.sites.find((site) => site.siteId === siteId)?.nodeId ?? siteId;
        const [local, remote] = conflict.versions.map((version) => ({ siteId: version.siteId, nodeId: nodeOf(version.siteId), clock: version.clock, writtenAtMs: version.atMs, row: version.row }));
        book.record({
          groupKind: 'MULTI_MASTER',
          groupId: conflict.groupId,
          tableName: conflict.table,
          rowKey: conflict.key,
          local: local!,
          remote: remote!,
          strategy: conflict.strategy as ConflictStrategy,
          context: {
            sitePriority: [...group.sites].sort((a, b) => a.priority - b.priority).map((site) => site.siteId),
            ...(Object.keys(group.columnCrdts).length > 0 ? { columnCrdts: group.columnCrdts } : {}),
          },
        });
      },
    };
    const engine: MultiMasterEngine = new MultiMasterEngine(
      {
        replication: replication.cluster,
        runtime,
        wan,
        conflicts,
        changed: () => journal.put(MULTI_MASTER_CATALOG_RECORD, 'current', engine.snapshot()),
        listener: {
          convergenceChanged: (report) => bus.publish('multi_master_convergence', 'multi-master', convergenceOf(report, runtime.clock.now())),
        },
      },
      restored ?? undefined,
    );
    // A resolution chosen later (CUSTOM, or one sibling) is written at a site of the group as a
    // version that has seen both sides, so it reaches and replaces them everywhere.
    const stopApplying = book.onResolve('MULTI_MASTER', (record, resolution) => {
      const written = engine.applyResolution(record.groupId, record.tableName, record.rowKey, resolution.row, [record.local.clock, record.remote.clock]);
      return { appliedSiteIds: [written.siteId] };
    });
    const stopDeclaring = book.useCrdtColumns({
      crdtColumns: () =>
        engine.groups().flatMap((group) =>
          group.tables.flatMap((tableName) => Object.entries(group.columnCrdts).map(([column, crdtType]) => ({ groupKind: 'MULTI_MASTER' as const, groupId: group.groupId, tableName, column, crdtType }))),
        ),
    });
    const stopUsing = geo.datacenterUsers.register((datacenterId) => engine.groupsUsingDatacenter(datacenterId).map((groupId) => ({ kind: 'multi-master group', id: groupId })));
    const stopObserving = book.observe((change) => {
      if (change.record.groupKind !== 'MULTI_MASTER') return;
      bus.publish(change.kind === 'recorded' ? 'group_conflict_detected' : 'group_conflict_resolved', 'multi-master', conflictOf(change.record));
    });
    shared('replicationMonitoring').register(new MultiMasterChannelSource(engine));
    return {
      shares: { multiMaster: engine },
      close: () => {
        stopObserving();
        stopUsing();
        stopDeclaring();
        stopApplying();
        engine.close();
      },
      services: {
        multiMaster: new MultiMasterService({ engine, runner, clock: runtime.clock, clockRuns: clockRunsOn(clockControl) }),
        groupConflicts: new GroupConflictService({ book, runner }),
      },
      restHandlers: [multiMasterHandlers, groupConflictHandlers],
      resolvers: [multiMasterResolvers, groupConflictResolvers, multiMasterSubscriptionResolvers],
    };
  },
};
