import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LINK,
  FaultSet,
  RealtimeDriver,
  SeededRng,
  SimNetwork,
  SimulationRuntime,
  VirtualClock,
} from '../../../src/engines/runtime/index.js';

const START_MS = Date.UTC(2030, 0, 1);

interface Gossip {
  round: number;
  origin: string;
}

/**
 * A small but busy scenario: every node gossips to a random peer on a jittered
 * period, under loss, a mid-run partition and a crash. Returns every delivery.
 */
function runScenario(seed: number): string[] {
  const runtime = new SimulationRuntime({ seed, startMs: START_MS, linkDefaults: { latencyMs: 5, jitterMs: 10 } });
  const network = runtime.network<Gossip>('gossip');
  const nodeIds = ['n1', 'n2', 'n3', 'n4', 'n5'];
  const transcript: string[] = [];
  for (const nodeId of nodeIds) {
    const rng = runtime.rng.fork(`node:${nodeId}`);
    network.attach(nodeId, (from, message) => {
      transcript.push(`${runtime.clock.now() - START_MS} ${from}->${nodeId} ${message.origin}#${message.round}`);
    });
    let round = 0;
    const gossip = (): void => {
      round += 1;
      const peer = rng.pick(nodeIds.filter((other) => other !== nodeId));
      network.send(nodeId, peer, { round, origin: nodeId });
      runtime.clock.after(rng.int(5, 25), gossip);
    };
    runtime.clock.after(rng.int(0, 10), gossip);
  }
  runtime.faults.inject({ type: 'loss', nodes: ['n3'], rate: 0.2 }, 'loss-1', runtime.clock.now());
  runtime.clock.schedule(START_MS + 300, () => {
    runtime.faults.inject({ type: 'partition', groups: [['n1', 'n2'], ['n4', 'n5']] }, 'part-1', runtime.clock.now());
  });
  runtime.clock.schedule(START_MS + 600, () => {
    runtime.faults.heal('part-1');
    runtime.faults.inject({ type: 'crash', nodes: ['n5'] }, 'crash-1', runtime.clock.now());
  });
  runtime.clock.advance(1_000);
  const stats = network.stats();
  transcript.push(`stats ${JSON.stringify(stats)}`);
  return transcript;
}

describe('SimulationRuntime', () => {
  it('re-exports the runtime modules from index', () => {
    for (const exported of [VirtualClock, SeededRng, FaultSet, SimNetwork, RealtimeDriver]) {
      expect(typeof exported).toBe('function');
    }
  });

  it('bundles a clock at startMs, a seeded rng and an empty fault set', () => {
    const runtime = new SimulationRuntime({ seed: 5, startMs: START_MS });
    expect(runtime.clock.now()).toBe(START_MS);
    expect(runtime.rng.seed).toBe(5);
    expect(runtime.rng.float()).toBe(new SeededRng(5).float());
    expect(runtime.faults.list()).toEqual([]);
  });

  it('returns one network per name, sharing clock and faults', () => {
    const runtime = new SimulationRuntime({ seed: 5, startMs: START_MS });
    const raft = runtime.network<string>('raft');
    expect(runtime.network<string>('raft')).toBe(raft);
    const gossip = runtime.network<string>('gossip');
    expect(gossip).not.toBe(raft);

    const received: string[] = [];
    raft.attach('n2', (from, message) => received.push(`raft:${from}:${message}`));
    gossip.attach('n2', (from, message) => received.push(`gossip:${from}:${message}`));
    runtime.faults.inject({ type: 'crash', nodes: ['n1'] }, 'c1', runtime.clock.now());
    raft.send('n1', 'n2', 'vote');
    gossip.send('n3', 'n2', 'hello');
    runtime.clock.advance(10);
    expect(received).toEqual(['gossip:n3:hello']);
    expect(raft.stats().dropped).toBe(1);
  });

  it('uses the documented default link: 1 ms latency plus 0..1 ms jitter', () => {
    expect(DEFAULT_LINK).toEqual({ latencyMs: 1, jitterMs: 1 });
    const runtime = new SimulationRuntime({ seed: 3, startMs: START_MS });
    const network = runtime.network<number>('net');
    const delaysMs = new Set<number>();
    network.attach('b', () => delaysMs.add(runtime.clock.now() - START_MS));
    for (let message = 0; message < 200; message += 1) network.send('a', 'b', message);
    runtime.clock.advance(5);
    expect([...delaysMs].sort()).toEqual([1, 2]);
  });

  it('passes the runaway bound to its clock', () => {
    const runtime = new SimulationRuntime({ seed: 1, startMs: START_MS, maxTimersPerAdvance: 5 });
    runtime.clock.every(1, () => {});
    expect(() => runtime.clock.advance(6)).toThrow(/more than 5 timers/);
  });

  it('reproduces a whole run exactly from the same seed', () => {
    const first = runScenario(42);
    const second = runScenario(42);
    expect(first.length).toBeGreaterThan(200);
    expect(second).toEqual(first);
    // The scenario really exercised drops and the partition window.
    const stats = JSON.parse(first.at(-1)?.slice('stats '.length) ?? '{}') as { dropped: number; inFlight: number };
    expect(stats.dropped).toBeGreaterThan(0);
    const crossPartition = first.filter((line) => {
      const [atMs, link] = line.split(' ');
      const crosses = /n[12]->n[45]|n[45]->n[12]/.test(link ?? '');
      return crosses && Number(atMs) > 300 && Number(atMs) < 600;
    });
    expect(crossPartition).toEqual([]);
  });

  it('produces a different run from a different seed', () => {
    expect(runScenario(43)).not.toEqual(runScenario(42));
  });

  it('keeps a network’s draws independent of other networks’ traffic', () => {
    const deliveriesWithNeighbour = (busyNeighbour: boolean): number[] => {
      const runtime = new SimulationRuntime({ seed: 9, startMs: START_MS, linkDefaults: { latencyMs: 0, jitterMs: 50 } });
      if (busyNeighbour) {
        const other = runtime.network<number>('other');
        for (let message = 0; message < 100; message += 1) other.send('x', 'y', message);
      }
      const network = runtime.network<number>('main');
      const arrivalsMs: number[] = [];
      network.attach('b', () => arrivalsMs.push(runtime.clock.now() - START_MS));
      for (let message = 0; message < 20; message += 1) network.send('a', 'b', message);
      runtime.clock.advance(100);
      return arrivalsMs;
    };
    expect(deliveriesWithNeighbour(true)).toEqual(deliveriesWithNeighbour(false));
  });
});
