import WebSocket from 'ws';
import { forkTarget, type ForkedTarget } from './http-target-process.js';
import { BENCH_ADMIN_KEY } from './http-targets.js';

/** One phase of the fan-out: so many subscribers on /api/v1/ws/events for so long. */
export interface FanoutPhase {
  subscribers: number;
  seconds: number;
  /** Distinct events the subscribers received. */
  events: number;
  /** Frames received, over every subscriber. */
  deliveries: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** p99 over events of the first subscriber's latency: what comes before the fan-out (tick, commit). */
  firstArrivalP99Ms: number;
  /** p99 over events of last arrival − first arrival: the fan-out itself, server and subscribers. */
  spreadP99Ms: number;
  /** CPU µs the server's process spent during the phase. */
  serverCpuMicros: number;
  /** Event frames the server wrote during the phase (GET /api/v1/ws/status, eventsDelivered). */
  serverDelivered: number;
}

export interface FanoutSettings {
  small: number;
  large: number;
  /** Measured seconds of each phase. */
  seconds: number;
  /** Seconds after the subscribers change before a phase measures. */
  settleSeconds: number;
}

/** Sockets opened at once while connecting the subscribers. */
const CONNECT_BATCH = 100;

/**
 * The server in its own process, as `npm start` runs it (realtime clock, default workload);
 * subscribers in the bench's process. Phases: `small` subscribers, then `large`, then `small`
 * again (so a machine that slows down during the run shows in the baseline too). A delivery's
 * latency is its arrival (wall clock) minus the event's `time`: the cluster clock of a realtime
 * server follows the wall clock, and timers fire on its 25 ms ticks, so the figure includes how
 * late in its tick an event was published, its commit, and the fan-out.
 */
export async function measureFanout(settings: FanoutSettings, report: (phase: FanoutPhase) => void): Promise<FanoutPhase[]> {
  const server = await forkTarget({ kind: 'streams' });
  const subscribers: WebSocket[] = [];
  let latencies: number[] = [];
  /** Per event (cursor): its first and last arrival's latency. */
  let arrivals = new Map<number, { first: number; last: number }>();
  const onFrame = (data: WebSocket.RawData) => {
    const text = data.toString();
    // Only the envelope's time and cursor are read: parsing every frame would load the bench's process, not the server.
    const timeAt = text.indexOf('"time":"');
    const cursorAt = text.indexOf('"cursor":');
    if (timeAt < 0 || cursorAt < 0) return;
    const latency = Date.now() - Date.parse(text.slice(timeAt + 8, timeAt + 32));
    latencies.push(latency);
    const cursor = Number.parseInt(text.slice(cursorAt + 9), 10);
    const seen = arrivals.get(cursor);
    if (seen === undefined) arrivals.set(cursor, { first: latency, last: latency });
    else seen.last = latency;
  };
  const connectUpTo = async (count: number) => {
    while (subscribers.length < count) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - subscribers.length) }, () => openSubscriber(server, onFrame));
      subscribers.push(...(await Promise.all(batch)));
    }
  };
  const phase = async (count: number): Promise<FanoutPhase> => {
    await connectUpTo(count);
    while (subscribers.length > count) subscribers.pop()!.close();
    await pause(settings.settleSeconds * 1000);
    latencies = [];
    arrivals = new Map();
    const cpuBefore = await server.cpuMicros();
    const deliveredBefore = await eventsDelivered(server);
    await pause(settings.seconds * 1000);
    const measured = latencies;
    const sorted = [...measured].sort((a, b) => a - b);
    const perEvent = [...arrivals.values()];
    const result: FanoutPhase = {
      subscribers: count,
      seconds: settings.seconds,
      events: arrivals.size,
      deliveries: measured.length,
      latencyP50Ms: percentile(sorted, 0.5),
      latencyP99Ms: percentile(sorted, 0.99),
      latencyMaxMs: sorted.at(-1) ?? Number.NaN,
      firstArrivalP99Ms: percentile(perEvent.map((event) => event.first).sort((a, b) => a - b), 0.99),
      spreadP99Ms: percentile(perEvent.map((event) => event.last - event.first).sort((a, b) => a - b), 0.99),
      serverCpuMicros: (await server.cpuMicros()) - cpuBefore,
      serverDelivered: (await eventsDelivered(server)) - deliveredBefore,
    };
    report(result);
    return result;
  };
  try {
    return [await phase(settings.small), await phase(settings.large), await phase(settings.small)];
  } finally {
    for (const subscriber of subscribers) subscriber.terminate();
    await server.close();
  }
}

function openSubscriber(server: ForkedTarget, onFrame: (data: WebSocket.RawData) => void): Promise<WebSocket> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/ws/events?apiKey=${BENCH_ADMIN_KEY}`);
  socket.on('message', onFrame);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function eventsDelivered(server: ForkedTarget): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/ws/status`, { headers: server.headers });
  if (response.status !== 200) throw new Error(`GET /api/v1/ws/status answered ${response.status}`);
  return ((await response.json()) as { data: { eventsDelivered: number } }).data.eventsDelivered;
}

/** The value below which `share` of the sorted values fall (nearest rank). */
function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
