import { describe, expect, it } from 'vitest';
import { LatencyWindow } from '../../../src/engines/load-balancer/latency-window.js';
import { validateLoadBalancerConfig } from '../../../src/engines/load-balancer/load-balancer-config.js';
import { LoadBalancer } from '../../../src/engines/load-balancer/load-balancer.js';

const domainError = (code: string, details?: object) =>
  expect.objectContaining({ name: 'DomainError', code, ...(details === undefined ? {} : { details: expect.objectContaining(details) }) });

function balancerWith(backendCount: number, config = {}): LoadBalancer {
  const balancer = new LoadBalancer(config);
  for (let number = 1; number <= backendCount; number += 1) balancer.add({ address: `10.0.0.${number}:5432`, nodeId: `node-${number}` });
  return balancer;
}

describe('LoadBalancer backends', () => {
  it('adds backends with defaults and ids of their own, listed in id order', () => {
    const balancer = new LoadBalancer();
    const first = balancer.add({ address: '10.0.0.1:5432' });
    expect(first).toEqual({
      backendId: 'backend-1',
      address: '10.0.0.1:5432',
      nodeId: null,
      weight: 1,
      maxConnections: 100,
      health: 'HEALTHY',
      activeConnections: 0,
      requests: 0,
      completedRequests: 0,
      errors: 0,
      averageLatencyMs: null,
      p99LatencyMs: null,
      latencyEwmaMs: null,
      lastSelectedAtMs: null,
    });
    balancer.add({ backendId: 'backend-10', address: '10.0.0.10:5432' });
    balancer.add({ address: '10.0.0.11:5432', weight: 5, maxConnections: 2, nodeId: 'node-3' });
    balancer.add({ backendId: 'backend-2', address: '10.0.0.2:5432' });
    expect(balancer.list().map((backend) => backend.backendId)).toEqual(['backend-1', 'backend-2', 'backend-10', 'backend-11']);
    expect(balancer.get('backend-11')).toMatchObject({ weight: 5, maxConnections: 2, nodeId: 'node-3' });
    expect(balancer.list({ nodeId: 'node-3' }).map((backend) => backend.backendId)).toEqual(['backend-11']);
  });

  it('refuses a duplicate id or address (CONFLICT), a bad spec (UNPROCESSABLE), too many backends (CONFLICT)', () => {
    const balancer = balancerWith(1, { maxBackends: 2 });
    expect(() => balancer.add({ backendId: 'backend-1', address: '10.9.9.9:1' })).toThrow(domainError('CONFLICT'));
    expect(() => balancer.add({ address: '10.0.0.1:5432' })).toThrow(domainError('CONFLICT', { backendId: 'backend-1' }));
    expect(() => balancer.add({ address: '', weight: 0, maxConnections: 1.5 })).toThrow(
      domainError('UNPROCESSABLE', {
        problems: ['address must be 1 to 255 characters', 'weight must be a whole number from 1 to 1000', 'maxConnections must be a whole number from 1 to 100000'],
      }),
    );
    balancer.add({ address: '10.0.0.2:5432' });
    expect(() => balancer.add({ address: '10.0.0.3:5432' })).toThrow(domainError('CONFLICT'));
    expect(() => balancer.get('backend-9')).toThrow(domainError('NOT_FOUND'));
    expect(() => balancer.remove('backend-9', 0)).toThrow(domainError('NOT_FOUND'));
  });

  it('refuses to remove a backend with open connections unless forced; forcing aborts them', () => {
    const balancer = balancerWith(1);
    const connection = balancer.acquire(100);
    expect(() => balancer.remove('backend-1', 150)).toThrow(domainError('CONFLICT', { activeConnections: 1 }));
    const removed = balancer.remove('backend-1', 200, true);
    expect(removed).toMatchObject({ backendId: 'backend-1', requests: 1, activeConnections: 0 });
    expect(balancer.list()).toEqual([]);
    expect(balancer.activeConnections()).toEqual([]);
    expect(balancer.recentConnections()).toEqual([
      { ...connection, state: 'CLOSED', closedAtMs: 200, latencyMs: null, outcome: 'ABORTED' },
    ]);
    expect(balancer.statistics()).toMatchObject({ totalRequests: 1, completedRequests: 0, abortedConnections: 1, activeConnections: 0 });
  });
});

describe('LoadBalancer connections', () => {
  it('opens a connection on a picked backend and closes it with its latency and outcome', () => {
    const balancer = balancerWith(2);
    const connection = balancer.acquire(1_000);
    expect(connection).toEqual({
      connectionId: 'conn-1',
      backendId: 'backend-1',
      state: 'ACTIVE',
      openedAtMs: 1_000,
      closedAtMs: null,
      latencyMs: null,
      outcome: null,
    });
    expect(balancer.get('backend-1')).toMatchObject({ activeConnections: 1, requests: 1, lastSelectedAtMs: 1_000 });
    expect(balancer.activeConnections()).toEqual([connection]);

    const closed = balancer.release('conn-1', 12, 1_012);
    expect(closed).toMatchObject({ state: 'CLOSED', closedAtMs: 1_012, latencyMs: 12, outcome: 'SUCCESS' });
    expect(balancer.get('backend-1')).toMatchObject({ activeConnections: 0, completedRequests: 1, averageLatencyMs: 12, p99LatencyMs: 12, latencyEwmaMs: 12 });
    expect(balancer.activeConnections()).toEqual([]);
    expect(balancer.recentConnections()).toEqual([closed]);
  });

  it('refuses to release an unknown (NOT_FOUND) or closed (CONFLICT) connection, or a bad latency', () => {
    const balancer = balancerWith(1);
    balancer.acquire(0);
    expect(() => balancer.release('conn-1', -1, 5)).toThrow(domainError('UNPROCESSABLE'));
    expect(() => balancer.release('conn-1', Number.NaN, 5)).toThrow(domainError('UNPROCESSABLE'));
    balancer.release('conn-1', 5, 5);
    expect(() => balancer.release('conn-1', 5, 6)).toThrow(domainError('CONFLICT'));
    expect(() => balancer.release('conn-99', 5, 6)).toThrow(domainError('NOT_FOUND'));
  });

  it('skips backends that are unhealthy, draining or full, and says why when none is left', () => {
    const balancer = new LoadBalancer();
    expect(() => balancer.acquire(0)).toThrow(domainError('CONFLICT', { reason: 'NO_HEALTHY_BACKEND' }));
    balancer.add({ address: 'a:1', maxConnections: 1 });
    balancer.add({ address: 'b:1', maxConnections: 1 });
    balancer.add({ address: 'c:1', maxConnections: 5 });
    balancer.setHealth('backend-3', 'DRAINING');
    expect([balancer.acquire(0).backendId, balancer.acquire(0).backendId]).toEqual(['backend-1', 'backend-2']);
    expect(() => balancer.acquire(0)).toThrow(domainError('CONFLICT', { reason: 'ALL_BACKENDS_AT_CAPACITY' }));
    balancer.setHealth('backend-1', 'UNHEALTHY');
    balancer.setHealth('backend-2', 'UNHEALTHY');
    expect(() => balancer.acquire(0)).toThrow(domainError('CONFLICT', { reason: 'NO_HEALTHY_BACKEND' }));
    // Open connections on an unhealthy backend run on and are released normally.
    expect(balancer.release('conn-1', 3, 10).outcome).toBe('SUCCESS');
    balancer.setHealth('backend-3', 'HEALTHY');
    expect(balancer.acquire(20).backendId).toBe('backend-3');
    expect(balancer.statistics()).toMatchObject({ totalRequests: 3, rejectedRequests: 3 });
  });

  it('caps the connections open at once over all backends', () => {
    const balancer = balancerWith(2, { maxActiveConnections: 3 });
    for (let index = 0; index < 3; index += 1) balancer.acquire(0);
    expect(() => balancer.acquire(0)).toThrow(domainError('CONFLICT', { reason: 'MAX_ACTIVE_CONNECTIONS' }));
    balancer.release('conn-2', 1, 1);
    expect(balancer.acquire(1).connectionId).toBe('conn-4');
  });

  it('keeps a bounded history of closed connections, newest last', () => {
    const balancer = balancerWith(1, { connectionHistorySize: 3 });
    for (let index = 1; index <= 5; index += 1) balancer.release(balancer.acquire(index).connectionId, 1, index + 1);
    expect(balancer.recentConnections().map((connection) => connection.connectionId)).toEqual(['conn-3', 'conn-4', 'conn-5']);
  });
});

describe('LoadBalancer strategies and statistics', () => {
  it('switches strategy at runtime, and refuses an unknown one', () => {
    const balancer = balancerWith(3);
    expect(balancer.currentStrategy()).toBe('ROUND_ROBIN');
    expect(balancer.setStrategy('LEAST_CONNECTIONS')).toEqual({ previous: 'ROUND_ROBIN', current: 'LEAST_CONNECTIONS' });
    // Hold connections open: least-connections spreads them one per backend.
    const held = [balancer.acquire(0), balancer.acquire(0), balancer.acquire(0)].map((connection) => connection.backendId);
    expect(held.sort()).toEqual(['backend-1', 'backend-2', 'backend-3']);
    expect(() => balancer.setStrategy('RANDOM' as never)).toThrow(domainError('UNPROCESSABLE'));
    expect(balancer.statistics().strategy).toBe('LEAST_CONNECTIONS');
  });

  it('routes by weight under WEIGHTED', () => {
    const balancer = new LoadBalancer({ strategy: 'WEIGHTED' });
    balancer.add({ address: 'a:1', weight: 3 });
    balancer.add({ address: 'b:1', weight: 1 });
    for (let index = 0; index < 40; index += 1) balancer.release(balancer.acquire(index).connectionId, 2, index);
    expect(balancer.list().map((backend) => backend.requests)).toEqual([30, 10]);
  });

  it('moves traffic to the faster backend under LEAST_LATENCY', () => {
    const balancer = balancerWith(2, { strategy: 'LEAST_LATENCY' });
    const latencyOf: Record<string, number> = { 'backend-1': 40, 'backend-2': 5 };
    for (let index = 0; index < 100; index += 1) {
      const connection = balancer.acquire(index);
      balancer.release(connection.connectionId, latencyOf[connection.backendId]!, index);
    }
    const [slow, fast] = balancer.list();
    expect(slow!.latencyEwmaMs).toBe(40);
    expect(fast!.latencyEwmaMs).toBe(5);
    expect(fast!.requests).toBeGreaterThan(95);
  });

  it('reports statistics from the requests really routed', () => {
    const balancer = balancerWith(2);
    // Round-robin: odd connections to backend-1, even ones to backend-2; every 10th fails.
    for (let index = 1; index <= 200; index += 1) {
      const connection = balancer.acquire(index);
      balancer.release(connection.connectionId, index, index + 1, index % 10 === 0 ? 'ERROR' : 'SUCCESS');
    }
    balancer.acquire(500);
    const statistics = balancer.statistics();
    expect(statistics).toMatchObject({ strategy: 'ROUND_ROBIN', totalRequests: 201, rejectedRequests: 0, activeConnections: 1, completedRequests: 200, errors: 20, abortedConnections: 0 });
    const [first, second] = statistics.backends;
    expect(first).toMatchObject({ backendId: 'backend-1', requests: 101, activeConnections: 1, completedRequests: 100, errors: 0, averageLatencyMs: 100, p99LatencyMs: 197 });
    expect(second).toMatchObject({ backendId: 'backend-2', requests: 100, activeConnections: 0, completedRequests: 100, errors: 20, averageLatencyMs: 101, p99LatencyMs: 198 });
  });

  it('folds each latency into the EWMA with the configured alpha', () => {
    const balancer = balancerWith(1, { latencyEwmaAlpha: 0.5 });
    for (const latencyMs of [10, 20, 40]) balancer.release(balancer.acquire(0).connectionId, latencyMs, 1);
    // 10, then 0.5×20 + 0.5×10 = 15, then 0.5×40 + 0.5×15 = 27.5.
    expect(balancer.get('backend-1').latencyEwmaMs).toBe(27.5);
  });

  it('restores backends, health and strategy from its snapshot', () => {
    const balancer = balancerWith(2, { strategy: 'WEIGHTED' });
    balancer.setHealth('backend-2', 'DRAINING');
    balancer.setStrategy('LEAST_LATENCY');
    const restored = new LoadBalancer({}, balancer.snapshot());
    expect(restored.currentStrategy()).toBe('LEAST_LATENCY');
    expect(restored.list().map(({ backendId, address, nodeId, health }) => ({ backendId, address, nodeId, health }))).toEqual([
      { backendId: 'backend-1', address: '10.0.0.1:5432', nodeId: 'node-1', health: 'HEALTHY' },
      { backendId: 'backend-2', address: '10.0.0.2:5432', nodeId: 'node-2', health: 'DRAINING' },
    ]);
  });
});

describe('LatencyWindow', () => {
  it('keeps only the newest samples and gives nearest-rank percentiles', () => {
    const window = new LatencyWindow(4);
    expect(window.percentile(99)).toBeNull();
    for (const latencyMs of [100, 1, 2, 3, 4]) window.add(latencyMs);
    expect(window.count).toBe(4);
    expect(window.percentile(50)).toBe(2);
    expect(window.percentile(99)).toBe(4);
    expect(window.percentile(100)).toBe(4);
  });
});

describe('validateLoadBalancerConfig', () => {
  it('fills defaults and lists every problem', () => {
    expect(validateLoadBalancerConfig()).toMatchObject({ strategy: 'ROUND_ROBIN', maxBackends: 64, latencyEwmaAlpha: 0.3 });
    expect(() => validateLoadBalancerConfig({ strategy: 'RANDOM' as never, maxBackends: 0, latencyEwmaAlpha: 0 })).toThrow(
      domainError('UNPROCESSABLE', {
        problems: [
          'strategy must be one of ROUND_ROBIN, LEAST_CONNECTIONS, WEIGHTED, LEAST_LATENCY',
          'maxBackends must be a whole number from 1 to 8192',
          'latencyEwmaAlpha must be greater than 0 and at most 1',
        ],
      }),
    );
  });
});
