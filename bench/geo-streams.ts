import { deflateRawSync } from 'node:zlib';
import { GeoEngine } from '../src/engines/geo/geo-engine.js';
import { COMPRESSION_LEVEL } from '../src/engines/geo/geo-config.js';
import type { GeoMessage } from '../src/engines/geo/geo-streams.js';
import { fixed } from './stats.js';
import { journaledCluster } from './journaled-cluster.js';

/** What one geo stream run measured. */
export interface GeoStreamsMeasurement {
  transactions: number;
  batches: number;
  rawBytes: number;
  compressedBytes: number;
  /** raw / compressed over the stream's batches. */
  compressionRatio: number;
  /** CPU µs of deflate per MB (10^6 bytes) of raw batch, measured by the stream (process.cpuUsage). */
  cpuMicrosPerMegabyte: number;
  /** The rows as written, deflated as one buffer: what batching and the decoded framing change. */
  wholeRunRatio: number;
}

export interface GeoStreamsSettings {
  /** Transactions committed on the source. */
  transactions: number;
  /** Rows per transaction. */
  rowsPerTransaction: number;
}

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/**
 * A geo stream from New York (node-1, the primary) to London (node-2, standalone) as the server
 * assembles it, shipping `transactions` order rows: the compression ratio and CPU per MB on the
 * real batches, against deflating the same bytes as one buffer in the same run.
 */
export async function measureGeoStreams(settings: GeoStreamsSettings): Promise<GeoStreamsMeasurement> {
  const { store, runtime, replication } = await journaledCluster(['node-1', 'node-2']);
  const regions = new Map([['node-1', 'local'], ['node-2', 'local']]);
  const geo = new GeoEngine({
    nodes: { has: (id) => regions.has(id), get: (id) => ({ region: regions.get(id)! }), setRegion: (id, region) => regions.set(id, region) },
    unplacedRegion: 'local',
    faults: runtime.faults,
    clock: runtime.clock,
    replication,
    network: runtime.network<GeoMessage>('geo'),
    cpuMicros,
    persist: () => undefined,
  });
  try {
    geo.createDatacenter({ datacenterId: 'nyc', name: 'NYC', region: 'us-east', location: { latitude: 40.71, longitude: -74.01, city: 'New York' }, nodeIds: ['node-1'] });
    geo.createDatacenter({ datacenterId: 'lon', name: 'London', region: 'eu-west', location: { latitude: 51.51, longitude: -0.13, city: 'London' }, nodeIds: ['node-2'] });
    const stream = geo.streams.create({ sourceDatacenterId: 'nyc', targetDatacenterId: 'lon' });
    const wholeRun: string[] = [];
    for (let transaction = 0; transaction < settings.transactions; transaction += 1) {
      const writes = Array.from({ length: settings.rowsPerTransaction }, (_, index) => {
        const id = transaction * settings.rowsPerTransaction + index;
        return { op: 'put' as const, table: 'orders', key: `order-${id}`, row: { customer_id: id % 997, status: id % 3 === 0 ? 'shipped' : 'pending', total: (id * 37) % 1000, currency: 'EUR' } };
      });
      replication.commitOn('node-1', writes);
      wholeRun.push(JSON.stringify(writes));
      if (transaction % 50 === 49) runtime.clock.advance(100);
    }
    runtime.clock.advance(5000);
    const { counters } = geo.streams.get(stream.streamId);
    const whole = Buffer.from(wholeRun.join(''));
    return {
      transactions: settings.transactions,
      batches: counters.batchesShipped,
      rawBytes: counters.rawBytes,
      compressedBytes: counters.compressedBytes,
      compressionRatio: counters.rawBytes / counters.compressedBytes,
      cpuMicrosPerMegabyte: (counters.compressionCpuMicros / counters.rawBytes) * 1_000_000,
      wholeRunRatio: whole.length / deflateRawSync(whole, { level: COMPRESSION_LEVEL }).length,
    };
  } finally {
    geo.close();
    await store.close();
  }
}

/** The geo part of `npm run bench -- multimaster`: prints one line per run and returns the measurements. */
export async function benchGeoStreams(settings: GeoStreamsSettings = { transactions: 2000, rowsPerTransaction: 5 }): Promise<GeoStreamsMeasurement> {
  await measureGeoStreams({ ...settings, transactions: Math.max(50, settings.transactions / 10) });
  const measured = await measureGeoStreams(settings);
  console.log(
    `Geo streams: ${measured.transactions} transactions of ${settings.rowsPerTransaction} rows in ${measured.batches} batches, ` +
      `${measured.rawBytes} raw bytes → ${measured.compressedBytes} deflated (level ${COMPRESSION_LEVEL}): ratio ${fixed(measured.compressionRatio, 2)} ` +
      `(the written rows as one buffer: ${fixed(measured.wholeRunRatio, 2)}); CPU ${fixed(measured.cpuMicrosPerMegabyte, 0)} µs per MB compressed`,
  );
  return measured;
}
