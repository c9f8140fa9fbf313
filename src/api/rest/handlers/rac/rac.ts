import type { Services } from '../../../../services/services.js';
import type { CacheFusionTransfer, GrdAffinity, GrdResource, RacInstance } from '../../../../services/rac/rac-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/rac: the cluster and its instances, Cache Fusion, the GRD and the interconnect. */
export function racHandlers({ rac }: Services): HandlerTable {
  return {
    getRacClusterStatus: ({ context }) => ({ status: 200, body: ok(rac.getClusterStatus(context)) }),
    getRacStatusAlias: ({ context }) => ({ status: 200, body: ok(rac.getClusterStatus(context)) }),
    listRacInstances: ({ query, context }) => {
      const page = rac.listInstances(context, {
        status: query.status,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<RacInstance>(page.items) }) };
    },
    getRacClusterStatistics: ({ context }) => ({ status: 200, body: ok(rac.getStatistics(context)) }),
    getRacClusterStatisticsAlias: ({ context }) => ({ status: 200, body: ok(rac.getStatistics(context)) }),
    startRacCluster: async ({ context }) => ({ status: 200, body: ok(await rac.start(context)) }),
    stopRacCluster: async ({ context }) => ({ status: 200, body: ok(await rac.stop(context)) }),
    rebalanceRacCluster: async ({ context }) => ({ status: 200, body: ok(await rac.rebalance(context)) }),
    getCacheFusionStatus: ({ context }) => ({ status: 200, body: ok(rac.getCacheFusionStatus(context)) }),
    getCacheFusionStatistics: ({ context }) => ({ status: 200, body: ok(rac.getCacheFusionStatistics(context)) }),
    getCacheFusionStatisticsAlias: ({ context }) => ({ status: 200, body: ok(rac.getCacheFusionStatistics(context)) }),
    listCacheFusionTransfers: ({ query, context }) => {
      const page = rac.listTransfers(context, {
        instanceId: query.instanceId,
        blockId: query.blockId,
        mode: query.mode,
        way: query.way,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<CacheFusionTransfer>(page.items) }) };
    },
    flushCacheFusion: async ({ body, context }) => ({ status: 200, body: ok(await rac.flush(context, body ?? {})) }),
    getGrdTopology: ({ context }) => ({ status: 200, body: ok(rac.getGrdTopology(context)) }),
    listGrdResources: ({ query, context }) => {
      const page = rac.listResources(context, {
        masterInstance: query.masterInstance,
        resourceType: query.resourceType,
        frozen: query.frozen,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<GrdResource>(page.items) }) };
    },
    remasterGrdResources: async ({ body, context }) => ({ status: 200, body: ok(await rac.remaster(context, body ?? {})) }),
    listGrdAffinity: ({ query, context }) => {
      const page = rac.listAffinity(context, {
        instanceId: query.instanceId,
        aboveThreshold: query.aboveThreshold,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<GrdAffinity>(page.items) }) };
    },
    getInterconnectStatus: ({ context }) => ({ status: 200, body: ok(rac.getInterconnectStatus(context)) }),
    getInterconnectStatistics: ({ context }) => ({ status: 200, body: ok(rac.getInterconnectStatistics(context)) }),
    getInterconnectLatency: ({ context }) => ({ status: 200, body: ok(rac.getInterconnectLatency(context)) }),
  };
}
