import { describe, expect, test } from 'vitest';
import { Registry } from 'prom-client';
import { assembleDomains, type DomainModule } from '../../src/modules/domain-module.js';
import type { Foundation } from '../../src/modules/foundation.js';
import { restHandlers } from '../../src/api/rest/app.js';
import type { Services } from '../../src/services/services.js';

/** The modules below touch only the metrics registry; the rest of the foundation is never read. */
const foundation = { metricsRegistry: new Registry() } as unknown as Foundation;
const nodes = { list: () => [] } as never;

describe('assembleDomains', () => {
  test('a module sees what the modules before it shared and provided', async () => {
    const seen: unknown[] = [];
    const modules: DomainModule[] = [
      { name: 'first', assemble: () => ({ shares: { nodes }, services: { cluster: 'cluster service' as never } }) },
      {
        name: 'second',
        assemble: ({ shared, service }) => {
          seen.push(shared('nodes'), service('cluster'));
          return {};
        },
      },
    ];
    const domains = await assembleDomains(foundation, modules);
    expect(seen).toEqual([nodes, 'cluster service']);
    expect(domains.shared.nodes).toBe(nodes);
  });

  test('a module listed before the one it needs fails the start, naming both', async () => {
    const modules: DomainModule[] = [
      { name: 'raft', assemble: ({ shared }) => ({ shares: { consensus: shared('nodes') as never } }) },
      { name: 'cluster', assemble: () => ({ shares: { nodes } }) },
    ];
    await expect(assembleDomains(foundation, modules)).rejects.toThrow('module raft needs the shared "nodes", which no module listed before it provides');
  });

  test('two modules providing one service fail the start', async () => {
    const modules: DomainModule[] = [
      { name: 'cluster', assemble: () => ({ services: { cluster: 'one' as never } }) },
      { name: 'copy', assemble: () => ({ services: { cluster: 'two' as never } }) },
    ];
    await expect(assembleDomains(foundation, modules)).rejects.toThrow('module copy provides "cluster", which an earlier module already provides');
  });

  test('modules close last first, and each joins its gauges to the registry', async () => {
    const closed: string[] = [];
    const registry = new Registry();
    const modules: DomainModule[] = ['a', 'b', 'c'].map((name) => ({
      name,
      assemble: () => ({
        close: () => closed.push(name),
        metrics: [(into: Registry) => into.registerMetric({ name: `gauge_${name}`, get: async () => ({}) } as never)],
      }),
    }));
    const domains = await assembleDomains({ metricsRegistry: registry } as unknown as Foundation, modules);
    domains.close();
    expect(closed).toEqual(['c', 'b', 'a']);
    expect(registry.getMetricsAsArray().map((metric) => metric.name)).toEqual(['gauge_a', 'gauge_b', 'gauge_c']);
  });
});

describe('restHandlers', () => {
  test('two domains handling one operation is refused', () => {
    const handler = () => ({ status: 200 as const, body: undefined as never });
    expect(() => restHandlers({} as Services, [() => ({ listClusterNodes: handler }), () => ({ listClusterNodes: handler })])).toThrow(
      'two REST handlers for operation listClusterNodes',
    );
  });
});
