import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CONTRACT_AREAS, areaOfPath, contractPart } from '../../../src/api/rest/contract-areas.js';

const contract = JSON.parse(readFileSync(new URL('../../../generated/openapi.json', import.meta.url), 'utf8'));

/** Every local $ref in a value. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refsIn(child, found);
    }
  }
  return found;
}

describe('the contract cut into areas for Swagger UI', () => {
  const parts = CONTRACT_AREAS.map((area) => contractPart(contract, area));

  test('every path is in exactly one area, with its operations as they are', () => {
    const seen = parts.flatMap((part) => Object.keys(part.paths));
    expect(seen.sort()).toEqual(Object.keys(contract.paths).sort());
    for (const part of parts) for (const [path, item] of Object.entries(part.paths)) expect(item).toEqual(contract.paths[path]);
  });

  test('segments decide, not string prefixes: /api/v1/clustering is the cluster area, /api/v1/ws/cluster the platform', () => {
    expect(areaOfPath('/api/v1/clustering/status').id).toBe('cluster');
    expect(areaOfPath('/api/v1/cluster').id).toBe('cluster');
    expect(areaOfPath('/api/v1/ws/cluster/nodes').id).toBe('platform');
    expect(areaOfPath('/api/v1/racks').id).toBe('platform');
    expect(areaOfPath('/api/v1/sharding/tables').id).toBe('advanced-replication');
  });

  test('each part holds every component its paths reach, and only those', () => {
    for (const part of parts) {
      for (const ref of refsIn(part)) {
        const [, , kind, name] = ref.split('/');
        expect(part.components[kind!]?.[name!], `${ref} in the ${String(part.info && (part.info as { title: string }).title)} part`).toBeDefined();
      }
      const reached = new Set(refsIn(part).map((ref) => ref.split('/').slice(2).join('/')));
      for (const [kind, components] of Object.entries(part.components)) {
        if (kind === 'securitySchemes') continue;
        for (const name of Object.keys(components)) expect(reached.has(`${kind}/${name}`)).toBe(true);
      }
      expect(part.components.securitySchemes).toEqual(contract.components.securitySchemes);
    }
  });

  test('the cluster area, shown first, is a fraction of the contract', () => {
    const whole = JSON.stringify(contract).length;
    expect(JSON.stringify(parts[0]).length).toBeLessThan(whole / 2);
  });
});
