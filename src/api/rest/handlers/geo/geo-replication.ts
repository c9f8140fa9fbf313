import type { Services } from '../../../../services/services.js';
import type { CreateDatacenterRequest } from '../../../../engines/geo/geo-engine.js';
import type { CreateStreamInput } from '../../../../engines/geo/geo-streams.js';
import type { CalculatorRequest } from '../../../../services/geo/geo-service.js';
import { ok, okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/geo-replication: datacenters, streams, vector clocks, statistics (conflicts are multi-master's). */
export function geoReplicationHandlers({ geoReplication }: Services): HandlerTable {
  return {
    listGeoDatacenters: ({ query, context }) => ({ status: 200, body: okPage(geoReplication.listDatacenters(context, { region: query.region, limit: query.limit, offset: query.offset })) }),
    createGeoDatacenter: async ({ body, context }) => ({ status: 201, body: ok(await geoReplication.createDatacenter(context, body as CreateDatacenterRequest)) }),
    getGeoDatacenter: ({ path, context }) => ({ status: 200, body: ok(geoReplication.getDatacenter(context, path.id)) }),
    deleteGeoDatacenter: async ({ path, context }) => ({ status: 200, body: ok(await geoReplication.deleteDatacenter(context, path.id)) }),
    listGeoStreams: ({ query, context }) => ({ status: 200, body: okPage(geoReplication.listStreams(context, { state: query.state, limit: query.limit, offset: query.offset })) }),
    createGeoStream: async ({ body, context }) => ({ status: 201, body: ok(await geoReplication.createStream(context, body as CreateStreamInput)) }),
    getGeoStreamStatus: ({ path, context }) => ({ status: 200, body: ok(geoReplication.getStreamStatus(context, path.id)) }),
    setGeoStreamConsistencyLevel: async ({ path, body, context }) => ({ status: 200, body: ok(await geoReplication.setConsistencyLevel(context, path.id, body.consistencyLevel)) }),
    getGeoVectorClock: ({ path, query, context }) => ({ status: 200, body: ok(geoReplication.vectorClock(context, path.dc, query.session)) }),
    getGeoReplicationStatistics: ({ context }) => ({ status: 200, body: ok(geoReplication.statistics(context)) }),
    calculateGeoConsistency: ({ body, context }) => ({ status: 200, body: ok(geoReplication.calculate(context, body as CalculatorRequest)) }),
  };
}
