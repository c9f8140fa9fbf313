/**
 * Consistency levels (README, "Consistency levels" and "The calculator"): when a write counts as
 * acknowledged, and, as a pure function, what a level survives. Cassandra's LOCAL_ONE /
 * LOCAL_QUORUM / QUORUM / ALL and Cosmos DB's Session give the meanings.
 */

export type ConsistencyLevel = 'Local' | 'Regional' | 'Global' | 'Strong' | 'SessionConsistent';
export const CONSISTENCY_LEVELS: readonly ConsistencyLevel[] = Object.freeze(['Local', 'Regional', 'Global', 'Strong', 'SessionConsistent']);

/** A datacenter as the rules see it. */
export interface LevelDatacenter {
  datacenterId: string;
  region: string;
}

/** Strictly more than half. */
function majority(count: number, of: number): boolean {
  return of > 0 && count * 2 > of;
}

/**
 * Whether a write from `writer` is acknowledged at `level` once the datacenters in `applied`
 * (the writer included) hold it. Local and SessionConsistent: the writer alone; Regional: a
 * majority of the writer's region; Global: a majority of all datacenters; Strong: every one.
 */
export function acknowledgedAt(level: ConsistencyLevel, writer: LevelDatacenter, datacenters: readonly LevelDatacenter[], applied: ReadonlySet<string>): boolean {
  switch (level) {
    case 'Local':
    case 'SessionConsistent':
      return applied.has(writer.datacenterId);
    case 'Regional': {
      const region = datacenters.filter((datacenter) => datacenter.region === writer.region);
      return majority(region.filter((datacenter) => applied.has(datacenter.datacenterId)).length, region.length);
    }
    case 'Global':
      return majority(datacenters.filter((datacenter) => applied.has(datacenter.datacenterId)).length, datacenters.length);
    case 'Strong':
      return datacenters.every((datacenter) => applied.has(datacenter.datacenterId));
  }
}

/** What the calculator is asked. */
export interface ConsistencyQuestion {
  level: ConsistencyLevel;
  /** The datacenter writes start from. */
  writerDatacenterId: string;
  /** Every datacenter with its region and its replicas (a datacenter with 0 holds no copy and counts as down). */
  datacenters: readonly (LevelDatacenter & { replicas: number })[];
  failedDatacenterIds: readonly string[];
  /** One-way latency from the writer to a datacenter, ms; null when the link is cut. */
  latencyFromWriterMs: (datacenterId: string) => number | null;
  /** How long a change may wait before its batch leaves the writer, ms. */
  shipIntervalMs: number;
}

export interface ConsistencyForecast {
  writesSucceed: boolean;
  readsSucceed: boolean;
  /** Longest a successful read may lag the newest acknowledged write, ms; null when unbounded. */
  worstCaseStalenessMs: number | null;
  /** Why, in words, with the numbers used. */
  basis: string;
}

/**
 * Predicts whether writes and reads at `level` succeed with the given datacenters failed, and how
 * stale a read may be. Pure. A datacenter is up when it has a replica and is not failed.
 */
export function forecastConsistency(question: ConsistencyQuestion): ConsistencyForecast {
  const failed = new Set(question.failedDatacenterIds);
  const isUp = (datacenter: { datacenterId: string; replicas: number }) => datacenter.replicas > 0 && !failed.has(datacenter.datacenterId);
  const writer = question.datacenters.find((datacenter) => datacenter.datacenterId === question.writerDatacenterId);
  if (writer === undefined || !isUp(writer)) {
    return { writesSucceed: false, readsSucceed: false, worstCaseStalenessMs: null, basis: `The writer datacenter ${question.writerDatacenterId} is down or holds no replica: no write lands, and its last writes may not have shipped.` };
  }
  const up = question.datacenters.filter(isUp);
  const region = question.datacenters.filter((datacenter) => datacenter.region === writer.region);
  const regionUp = region.filter(isUp).length;
  const total = question.datacenters.length;
  const anyUp = up.length > 0;
  switch (question.level) {
    case 'Strong': {
      const writes = up.length === total;
      return { writesSucceed: writes, readsSucceed: anyUp, worstCaseStalenessMs: 0, basis: `Strong: a write needs every datacenter (${up.length} of ${total} up); an acknowledged write is everywhere, so a read anywhere is current.` };
    }
    case 'Global': {
      const quorum = majority(up.length, total);
      return { writesSucceed: quorum, readsSucceed: quorum, worstCaseStalenessMs: 0, basis: `Global: writes and reads need a majority of all datacenters (${up.length} of ${total} up, ${Math.floor(total / 2) + 1} needed); two majorities overlap, so a read sees every acknowledged write.` };
    }
    case 'Regional': {
      const quorum = majority(regionUp, region.length);
      return { writesSucceed: quorum, readsSucceed: quorum, worstCaseStalenessMs: 0, basis: `Regional: writes and reads need a majority of region ${writer.region} (${regionUp} of ${region.length} up, ${Math.floor(region.length / 2) + 1} needed); the majorities overlap. Readers outside the region are not covered.` };
    }
    case 'SessionConsistent':
      return { writesSucceed: true, readsSucceed: true, worstCaseStalenessMs: 0, basis: `SessionConsistent: the writer ${writer.datacenterId} acknowledges; the session reads where its vector clock is covered (the writer always is), so it sees its own writes. Other sessions read as Local.` };
    case 'Local': {
      let worstMs = 0;
      for (const datacenter of up) {
        if (datacenter.datacenterId === writer.datacenterId) continue;
        const latencyMs = question.latencyFromWriterMs(datacenter.datacenterId);
        if (latencyMs === null) return { writesSucceed: true, readsSucceed: true, worstCaseStalenessMs: null, basis: `Local: the writer acknowledges alone; ${datacenter.datacenterId} is cut off from it, so a read there may be stale without bound.` };
        worstMs = Math.max(worstMs, latencyMs + question.shipIntervalMs);
      }
      return { writesSucceed: true, readsSucceed: true, worstCaseStalenessMs: worstMs, basis: `Local: the writer acknowledges alone; a read elsewhere may miss a write for the ship interval (${question.shipIntervalMs} ms) plus the one-way WAN latency, ${worstMs} ms at worst over the datacenters up.` };
    }
  }
}
