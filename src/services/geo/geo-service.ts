import { forecastConsistency } from '../../engines/geo/consistency.js';
import { descends } from '../../engines/conflicts/vector-clock.js';
import type { CreateDatacenterRequest, GeoEngine } from '../../engines/geo/geo-engine.js';
import type { CreateStreamInput, GeoStreamView, StreamReplication, StreamState } from '../../engines/geo/geo-streams.js';
import type { Datacenter as EngineDatacenter } from '../../engines/geo/datacenters.js';
import type { ConsistencyLevel } from '../../engines/geo/consistency.js';
import { SHIP_INTERVAL_MS } from '../../engines/geo/geo-config.js';
import { formatLsn } from '../../engines/replication/lsn.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import { naturalCompare } from '../../engines/runtime/natural-order.js';
import { pageOf, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf, type OperationRunner } from '../platform/operation-runner.js';
import { isoTime } from '../platform/iso-time.js';
import {
  compressionRatioOf,
  cpuPerMegabyteOf,
  geoStreamOf,
  type ConsistencyForecast,
  type Datacenter,
  type DatacenterVectorClock,
  type GeoReplicationStatistics,
  type GeoStream,
  type WanLink,
} from './geo-shapes.js';

export interface GeoServiceDeps {
  geo: GeoEngine;
  replication: StreamReplication;
  runner: OperationRunner;
}

export interface CalculatorRequest {
  consistencyLevel: ConsistencyLevel;
  writerDatacenterId: string;
  replicasPerDatacenter?: { datacenterId: string; replicas: number }[];
  failedDatacenterIds?: string[];
}

export interface PageQuery {
  limit?: number;
  offset?: number;
}

const DATACENTER_TARGET = 'geo.datacenter';
const STREAM_TARGET = 'geo.stream';

/** Datacenters, geo streams, vector clocks and statistics (/api/v1/geo-replication, but conflicts). */
export class GeoReplicationService {
  constructor(private readonly deps: GeoServiceDeps) {}

  // ---- datacenters ---------------------------------------------------------------------------

  listDatacenters(context: OperationContext, query: PageQuery & { region?: string }): Page<Datacenter> {
    return this.deps.runner.read(context, 'listGeoDatacenters', () => {
      const all = this.deps.geo.datacenters.list().filter((datacenter) => query.region === undefined || datacenter.region === query.region);
      const page = pageOf(all, { limit: query.limit, offset: query.offset });
      return { ...page, items: page.items.map((datacenter) => this.datacenterOf(datacenter)) };
    });
  }

  getDatacenter(context: OperationContext, datacenterId: string): Datacenter {
    return this.deps.runner.read(context, 'getGeoDatacenter', () => this.datacenterOf(this.deps.geo.datacenters.get(datacenterId)));
  }

  createDatacenter(context: OperationContext, request: CreateDatacenterRequest): Promise<Datacenter> {
    return this.deps.runner.run(context, 'createGeoDatacenter', creationOf<Datacenter>(DATACENTER_TARGET, (created) => created.datacenterId, request?.datacenterId), () =>
      this.datacenterOf(this.deps.geo.createDatacenter(request)),
    );
  }

  deleteDatacenter(context: OperationContext, datacenterId: string): Promise<{ id: string; deleted: true }> {
    return this.deps.runner.run(context, 'deleteGeoDatacenter', `${DATACENTER_TARGET}/${datacenterId}`, () => {
      this.deps.geo.deleteDatacenter(datacenterId);
      return { id: datacenterId, deleted: true as const };
    });
  }

  // ---- streams -------------------------------------------------------------------------------

  listStreams(context: OperationContext, query: PageQuery & { state?: StreamState }): Page<GeoStream> {
    return this.deps.runner.read(context, 'listGeoStreams', () => {
      const all = this.deps.geo.streams.list().filter((stream) => query.state === undefined || stream.state === query.state);
      const page = pageOf(all, { limit: query.limit, offset: query.offset });
      return { ...page, items: page.items.map((view) => this.streamOf(view)) };
    });
  }

  getStreamStatus(context: OperationContext, streamId: string): GeoStream {
    return this.deps.runner.read(context, 'getGeoStreamStatus', () => this.streamOf(this.deps.geo.streams.get(streamId)));
  }

  createStream(context: OperationContext, input: CreateStreamInput): Promise<GeoStream> {
    return this.deps.runner.run(context, 'createGeoStream', creationOf<GeoStream>(STREAM_TARGET, (created) => created.streamId), () => this.streamOf(this.deps.geo.streams.create(input)));
  }

  setConsistencyLevel(context: OperationContext, streamId: string, level: ConsistencyLevel): Promise<GeoStream> {
    return this.deps.runner.run(context, 'setGeoStreamConsistencyLevel', `${STREAM_TARGET}/${streamId}`, () => this.streamOf(this.deps.geo.streams.setLevel(streamId, level)));
  }

  // ---- clocks and statistics -----------------------------------------------------------------

  vectorClock(context: OperationContext, datacenterId: string, session: string | undefined): DatacenterVectorClock {
    return this.deps.runner.read(context, 'getGeoVectorClock', () => {
      const clock = this.deps.geo.streams.clockOf(datacenterId);
      const entries = Object.keys(clock)
        .sort(naturalCompare)
        .map((id) => ({ datacenterId: id, position: clock[id]!, lsn: formatLsn(clock[id]!) }));
      if (session === undefined) return { datacenterId, entries, session: null };
      const sessionClock = parseSession(session);
      const missing = Object.entries(sessionClock)
        .filter(([id, position]) => (clock[id] ?? 0) < position)
        .map(([id, position]) => ({ datacenterId: id, sessionPosition: position, position: clock[id] ?? 0 }));
      return { datacenterId, entries, session: { covered: descends(clock, sessionClock), missing } };
    });
  }

  statistics(context: OperationContext): GeoReplicationStatistics {
    return this.deps.runner.read(context, 'getGeoReplicationStatistics', () => {
      const datacenters = this.deps.geo.datacenters.list();
      const streams = this.deps.geo.streams.list();
      const byState: Record<StreamState, number> = { STREAMING: 0, CATCHING_UP: 0, DISCONNECTED: 0, BROKEN: 0 };
      let rawBytes = 0;
      let compressedBytes = 0;
      let cpuMicros = 0;
      let operationsApplied = 0;
      let retransmits = 0;
      let applyErrors = 0;
      for (const stream of streams) {
        byState[stream.state] += 1;
        rawBytes += stream.counters.rawBytes;
        compressedBytes += stream.counters.compressedBytes;
        cpuMicros += stream.counters.compressionCpuMicros;
        operationsApplied += stream.counters.operationsApplied;
        retransmits += stream.counters.retransmits;
        applyErrors += stream.counters.applyErrors;
      }
      const lagMatrix = datacenters.flatMap((source) =>
        datacenters
          .filter((target) => target.datacenterId !== source.datacenterId)
          .map((target) => {
            const stream = streams.find((view) => view.sourceDatacenterId === source.datacenterId && view.targetDatacenterId === target.datacenterId);
            return { sourceDatacenterId: source.datacenterId, targetDatacenterId: target.datacenterId, streamId: stream?.streamId ?? null, lagMs: stream?.lagMs ?? null, lagOperations: stream?.lagOperations ?? null };
          }),
      );
      const links = datacenters.flatMap((a, index) => datacenters.slice(index + 1).map((b) => this.linkOf(a.datacenterId, b.datacenterId)));
      return {
        datacenterCount: datacenters.length,
        streamCount: streams.length,
        streamsByState: byState,
        rawBytes,
        compressedBytes,
        compressionRatio: compressionRatioOf(rawBytes, compressedBytes),
        compressionCpuMicrosPerMegabyte: cpuPerMegabyteOf(cpuMicros, rawBytes),
        operationsApplied,
        retransmits,
        applyErrors,
        maxLagMs: streams.reduce((max, stream) => Math.max(max, stream.lagMs), 0),
        lagMatrix,
        links,
      };
    });
  }

  /** What a level survives with some datacenters failed (beyond the seeds). @throws NOT_FOUND for an unknown datacenter. */
  calculate(context: OperationContext, request: CalculatorRequest): ConsistencyForecast {
    return this.deps.runner.read(context, 'calculateGeoConsistency', () => {
      const failed = [...new Set(request.failedDatacenterIds ?? [])];
      const replicas = new Map((request.replicasPerDatacenter ?? []).map((entry) => [entry.datacenterId, entry.replicas] as const));
      for (const datacenterId of [request.writerDatacenterId, ...failed, ...replicas.keys()]) this.deps.geo.datacenters.get(datacenterId);
      return this.forecast(request.consistencyLevel, request.writerDatacenterId, failed, replicas);
    });
  }

  // ---- shapes --------------------------------------------------------------------------------

  private datacenterOf(datacenter: EngineDatacenter): Datacenter {
    const known = new Set(this.deps.replication.nodeIds());
    const nodes = datacenter.nodeIds.map((nodeId) => ({
      nodeId,
      writeRole: known.has(nodeId) ? this.deps.replication.writeRoleOf(nodeId) : ('UNKNOWN' as const),
      running: known.has(nodeId) && this.deps.replication.isRunning(nodeId),
    }));
    return {
      datacenterId: datacenter.datacenterId,
      name: datacenter.name,
      region: datacenter.region,
      location: datacenter.location,
      nodeIds: datacenter.nodeIds,
      nodes,
      writableNodeId: nodes.find((node) => node.writeRole === 'PRIMARY' || node.writeRole === 'STANDALONE')?.nodeId ?? null,
      links: this.deps.geo.datacenters
        .list()
        .filter((other) => other.datacenterId !== datacenter.datacenterId)
        .map((other) => this.linkOf(datacenter.datacenterId, other.datacenterId)),
      createdAt: isoTime(datacenter.createdAtMs),
    };
  }

  private linkOf(a: string, b: string): WanLink {
    return { ...this.deps.geo.links.linkBetween(a, b), datacenterIds: a < b ? [a, b] : [b, a] };
  }

  private streamOf(view: GeoStreamView): GeoStream {
    return geoStreamOf(view, this.forecastsOf(view));
  }

  /** The calculator for the stream's level and source: nothing failed, then each datacenter failed alone. */
  private forecastsOf(view: GeoStreamView): ConsistencyForecast[] {
    const scenarios: string[][] = [[], ...this.deps.geo.datacenters.list().map((datacenter) => [datacenter.datacenterId])];
    return scenarios.map((failed) => this.forecast(view.consistencyLevel, view.sourceDatacenterId, failed, new Map()));
  }

  /** The calculator over the real datacenters (regions, links); replicas are the running nodes unless `replicas` says. */
  private forecast(level: ConsistencyLevel, writerDatacenterId: string, failed: string[], replicas: ReadonlyMap<string, number>): ConsistencyForecast {
    const known = new Set(this.deps.replication.nodeIds());
    const datacenters = this.deps.geo.datacenters.list().map((datacenter) => ({
      datacenterId: datacenter.datacenterId,
      region: datacenter.region,
      replicas: replicas.get(datacenter.datacenterId) ?? datacenter.nodeIds.filter((nodeId) => known.has(nodeId) && this.deps.replication.isRunning(nodeId)).length,
    }));
    const latencyFromWriterMs = (datacenterId: string) => {
      const link = this.deps.geo.links.linkBetween(writerDatacenterId, datacenterId);
      return link.partitioned ? null : link.latencyMs;
    };
    return { failedDatacenterIds: failed, ...forecastConsistency({ level, writerDatacenterId, datacenters, failedDatacenterIds: failed, latencyFromWriterMs, shipIntervalMs: SHIP_INTERVAL_MS }) };
  }
}

/** `dc:position,dc:position` → a clock. The contract's pattern has checked the form; GraphQL meets it here. */
function parseSession(text: string): Record<string, number> {
  const clock: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^([a-z0-9][a-z0-9-]*):(\d+)$/.exec(part);
    if (match === null) throw new DomainError('UNPROCESSABLE', `session must be datacenterId:position pairs separated by commas; "${part}" is not one.`, { session: text });
    clock[match[1]!] = Math.max(clock[match[1]!] ?? 0, Number(match[2]));
  }
  return clock;
}
