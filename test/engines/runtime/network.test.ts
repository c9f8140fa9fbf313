import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/engines/runtime/clock.js';
import { FaultSet } from '../../../src/engines/runtime/faults.js';
import { type LinkDefaults, SimNetwork } from '../../../src/engines/runtime/network.js';
import { SeededRng } from '../../../src/engines/runtime/rng.js';

const START_MS = Date.UTC(2030, 0, 1);

interface Arrival {
  to: string;
  from: string;
  message: number;
  atMs: number;
}

function setup(defaults: LinkDefaults = { latencyMs: 10, jitterMs: 0 }, seed = 1) {
  const clock = new VirtualClock(START_MS);
  const faults = new FaultSet();
  const network = new SimNetwork<number>(clock, new SeededRng(seed), faults, defaults);
  const arrivals: Arrival[] = [];
  const attach = (...nodeIds: string[]): void => {
    for (const to of nodeIds) {
      network.attach(to, (from, message) => arrivals.push({ to, from, message, atMs: clock.now() - START_MS }));
    }
  };
  attach('n1', 'n2', 'n3');
  return { clock, faults, network, arrivals, attach };
}

describe('SimNetwork', () => {
  it('delivers after the link latency, on the virtual clock', () => {
    const { clock, network, arrivals } = setup();
    network.send('n1', 'n2', 7);
    expect(network.stats()).toEqual({ sent: 1, delivered: 0, dropped: 0, inFlight: 1 });
    clock.advance(9);
    expect(arrivals).toEqual([]);
    clock.advance(1);
    expect(arrivals).toEqual([{ to: 'n2', from: 'n1', message: 7, atMs: 10 }]);
    expect(network.stats()).toEqual({ sent: 1, delivered: 1, dropped: 0, inFlight: 0 });
  });

  it('keeps a link FIFO when there is no jitter', () => {
    const { clock, network, arrivals } = setup();
    for (let message = 0; message < 50; message += 1) network.send('n1', 'n2', message);
    clock.advance(10);
    expect(arrivals.map((arrival) => arrival.message)).toEqual([...Array(50).keys()]);
  });

  it('draws jitter uniformly in 0..jitterMs, which may reorder a link', () => {
    const { clock, network, arrivals } = setup({ latencyMs: 10, jitterMs: 4 });
    for (let message = 0; message < 500; message += 1) network.send('n1', 'n2', message);
    clock.advance(100);
    const delays = new Set(arrivals.map((arrival) => arrival.atMs));
    expect([...delays].sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14]);
    const order = arrivals.map((arrival) => arrival.message);
    expect(order).not.toEqual([...Array(500).keys()]);
  });

  it('adds latency faults on either endpoint', () => {
    const { clock, faults, network, arrivals } = setup();
    faults.inject({ type: 'latency', nodes: ['n2'], ms: 40 }, 'l1', START_MS);
    network.send('n1', 'n2', 1);
    network.send('n2', 'n3', 2);
    network.send('n1', 'n3', 3);
    clock.advance(100);
    expect(arrivals.map(({ message, atMs }) => [message, atMs])).toEqual([
      [3, 10],
      [1, 50],
      [2, 50],
    ]);
  });

  it('applies per-link overrides in one direction only, merging partial updates', () => {
    const { clock, network, arrivals } = setup();
    network.setLink('n1', 'n2', { latencyMs: 25 });
    network.setLink('n1', 'n2', { jitterMs: 0 });
    network.send('n1', 'n2', 1);
    network.send('n2', 'n1', 2);
    network.send('n1', 'n3', 3);
    clock.advance(100);
    expect(arrivals.map(({ message, atMs }) => [message, atMs])).toEqual([
      [2, 10],
      [3, 10],
      [1, 25],
    ]);
  });

  it('drops close to the configured loss rate over many messages (fixed seed)', () => {
    const { clock, faults, network, arrivals } = setup({ latencyMs: 1, jitterMs: 1 }, 1234);
    faults.inject({ type: 'loss', nodes: ['n2'], rate: 0.3 }, 'x1', START_MS);
    const total = 10_000;
    for (let message = 0; message < total; message += 1) network.send('n1', 'n2', message);
    clock.advance(10);
    const stats = network.stats();
    expect(stats.sent).toBe(total);
    expect(stats.delivered + stats.dropped).toBe(total);
    expect(arrivals).toHaveLength(stats.delivered);
    expect(stats.dropped / total).toBeGreaterThan(0.28);
    expect(stats.dropped / total).toBeLessThan(0.32);
  });

  it('spends random draws only on jitter when no loss fault applies', () => {
    const { clock, faults, network, arrivals } = setup({ latencyMs: 10, jitterMs: 3 }, 77);
    faults.inject({ type: 'loss', nodes: ['n9'], rate: 0.5 }, 'x1', START_MS);
    for (let message = 0; message < 100; message += 1) network.send('n1', 'n2', message);
    clock.advance(20);
    const reference = new SeededRng(77);
    const expectedDelaysMs = Array.from({ length: 100 }, () => 10 + reference.int(0, 4));
    const delaysByMessage = [...arrivals].sort((a, b) => a.message - b.message).map((arrival) => arrival.atMs);
    expect(delaysByMessage).toEqual(expectedDelaysMs);
  });

  it('drops messages sent across a partition, even if it heals before delivery time', () => {
    const { clock, faults, network, arrivals } = setup();
    faults.inject({ type: 'partition', groups: [['n1'], ['n2']] }, 'p1', START_MS);
    network.send('n1', 'n2', 1);
    network.send('n1', 'n3', 2);
    faults.heal('p1');
    clock.advance(20);
    expect(arrivals.map((arrival) => arrival.message)).toEqual([2]);
    expect(network.stats()).toEqual({ sent: 2, delivered: 1, dropped: 1, inFlight: 0 });
  });

  it('drops in-flight messages when a partition appears before they land', () => {
    const { clock, faults, network, arrivals } = setup();
    network.send('n1', 'n2', 1);
    network.send('n2', 'n1', 2);
    network.send('n1', 'n3', 3);
    clock.advance(5);
    faults.inject({ type: 'partition', groups: [['n1'], ['n2']] }, 'p1', clock.now());
    clock.advance(5);
    expect(arrivals.map((arrival) => arrival.message)).toEqual([3]);
    expect(network.stats()).toEqual({ sent: 3, delivered: 1, dropped: 2, inFlight: 0 });
  });

  it('drops traffic from and to a crashed node', () => {
    const { clock, faults, network, arrivals } = setup();
    faults.inject({ type: 'crash', nodes: ['n2'] }, 'c1', START_MS);
    network.send('n1', 'n2', 1);
    network.send('n2', 'n1', 2);
    network.send('n3', 'n1', 3);
    clock.advance(20);
    expect(arrivals.map((arrival) => arrival.message)).toEqual([3]);
    expect(network.stats().dropped).toBe(2);
  });

  it('drops in flight to a node that crashes, but still delivers from a sender that crashes', () => {
    const { clock, faults, network, arrivals } = setup();
    network.send('n1', 'n2', 1);
    network.send('n3', 'n1', 2);
    clock.advance(5);
    faults.inject({ type: 'crash', nodes: ['n2', 'n3'] }, 'c1', clock.now());
    clock.advance(5);
    // Message 2 was already on the wire when n3 crashed.
    expect(arrivals.map((arrival) => arrival.message)).toEqual([2]);
  });

  it('drops messages for a detached node and delivers to the latest attachment', () => {
    const { clock, network, arrivals, attach } = setup();
    network.send('n1', 'n2', 1);
    network.detach('n2');
    clock.advance(10);
    expect(arrivals).toEqual([]);

    const replaced: number[] = [];
    network.attach('n2', (_from, message) => replaced.push(message));
    network.send('n1', 'n2', 2);
    clock.advance(10);
    expect(replaced).toEqual([2]);

    // A node may be unknown at send time and attached by delivery time.
    network.send('n1', 'n4', 3);
    attach('n4');
    clock.advance(10);
    expect(arrivals.map((arrival) => [arrival.to, arrival.message])).toEqual([['n4', 3]]);
    expect(network.stats()).toEqual({ sent: 3, delivered: 2, dropped: 1, inFlight: 0 });
  });

  it('rejects bad configuration and node ids', () => {
    const clock = new VirtualClock(START_MS);
    const make = (defaults: LinkDefaults) => new SimNetwork<number>(clock, new SeededRng(1), new FaultSet(), defaults);
    expect(() => make({ latencyMs: -1, jitterMs: 0 })).toThrow(/latencyMs must be a non-negative integer/);
    expect(() => make({ latencyMs: 1, jitterMs: 0.5 })).toThrow(/jitterMs must be a non-negative integer/);
    const network = make({ latencyMs: 1, jitterMs: 0 });
    expect(() => network.setLink('n1', 'n2', { latencyMs: Number.NaN })).toThrow(/latencyMs/);
    expect(() => network.send('', 'n2', 1)).toThrow(/non-empty string/);
    expect(() => network.attach('', () => {})).toThrow(/non-empty string/);
  });
});
