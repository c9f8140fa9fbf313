import { startPlatform } from '../src/platform.js';
import type { OperationContext } from '../src/services/platform/operation-context.js';
import { BENCH_ADMIN_KEY } from './http-targets.js';
import { median } from './stats.js';

/** What one Prometheus scrape costs at one cluster size. */
export interface ScrapeMeasurement {
  nodes: number;
  /** Series in the text (sample lines). */
  series: number;
  bytes: number;
  /** Median CPU ms of this process per scrape (the registry's collectors read the engines, then format). */
  cpuMs: number;
  wallMs: number;
}

export interface ScrapeSettings {
  scrapes: number;
  /** Cluster ms advanced before scraping: every node has sent heartbeats and a leader is elected. */
  warmUpClusterMs: number;
}

/**
 * The text of GET /api/v1/metrics/prometheus, from the metrics service (no HTTP), on a manual
 * clock so the cluster is still while it is scraped: only the scrape is measured.
 */
export async function measureScrape(nodeCount: number, settings: ScrapeSettings): Promise<ScrapeMeasurement> {
  const platform = await startPlatform({ storePath: ':memory:', initialNodes: nodeCount, seed: 1, clockMode: 'manual', adminKey: BENCH_ADMIN_KEY, rateLimitPerKeyPerSecond: 0 });
  try {
    const admin: OperationContext = { caller: await platform.services.apiKeys.authenticate({ apiKey: BENCH_ADMIN_KEY }), requestId: 'bench' };
    await platform.services.simulation.advanceClock(admin, settings.warmUpClusterMs);
    let text = (await platform.services.metrics.prometheus(admin)).text; // compiles the collectors' first run
    const cpuMs: number[] = [];
    const wallMs: number[] = [];
    for (let scrape = 0; scrape < settings.scrapes; scrape += 1) {
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      text = (await platform.services.metrics.prometheus(admin)).text;
      wallMs.push(performance.now() - wallBefore);
      const cpu = process.cpuUsage(cpuBefore);
      cpuMs.push((cpu.user + cpu.system) / 1000);
    }
    return {
      nodes: nodeCount,
      series: text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).length,
      bytes: Buffer.byteLength(text),
      cpuMs: median(cpuMs),
      wallMs: median(wallMs),
    };
  } finally {
    await platform.close();
  }
}
