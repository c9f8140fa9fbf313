/**
 * The contract cut into areas for Swagger UI: one document per area, each with the paths whose
 * first segments name it and the components those paths reach. Swagger UI converts a whole
 * document into immutable maps and renders every operation of it before it lists one, so its
 * start grows with the contract; an area stays a fraction of it as domains are added.
 */

export interface ContractArea {
  readonly id: string;
  readonly title: string;
  /** Path prefixes, matched on whole segments; the last area takes every path no other claims. */
  readonly prefixes: readonly string[];
}

export const CONTRACT_AREAS: readonly ContractArea[] = [
  { id: 'cluster', title: 'Cluster', prefixes: ['/api/v1/cluster', '/api/v1/clustering'] },
  { id: 'replication', title: 'Replication', prefixes: ['/api/v1/replication'] },
  { id: 'advanced-replication', title: 'Advanced replication', prefixes: ['/api/v1/advanced-replication', '/api/v1/xa', '/api/v1/sharding', '/api/v1/geo-replication', '/api/v1/gds'] },
  { id: 'rac', title: 'RAC', prefixes: ['/api/v1/rac'] },
  { id: 'network', title: 'Network, pools, sessions and gateway', prefixes: ['/api/v1/network', '/api/v1/pools', '/api/v1/sessions', '/api/v1/gateway', '/api/v1/connections'] },
  { id: 'platform', title: 'Platform: health, metrics, streams, keys, audit, events, alerts, simulation', prefixes: [] },
];

export const DEFAULT_CONTRACT_AREA = CONTRACT_AREAS[0]!;

/** The area a path belongs to: the first whose prefix matches whole segments, else the last. */
export function areaOfPath(path: string): ContractArea {
  const claimed = CONTRACT_AREAS.find((area) => area.prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)));
  return claimed ?? CONTRACT_AREAS[CONTRACT_AREAS.length - 1]!;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type OpenApiDocument = { paths: Record<string, Json>; components?: Record<string, Record<string, Json>>; tags?: { name: string }[]; [key: string]: unknown };

const LOCAL_REF = /^#\/components\/([^/]+)\/([^/]+)$/;

/**
 * The document of one area: its paths, every component they reach (transitively), the tags its
 * operations use, and everything else of the document (info, servers, security) as it is.
 */
export function contractPart(document: OpenApiDocument, area: ContractArea): OpenApiDocument & { components: Record<string, Record<string, Json>> } {
  const paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => areaOfPath(path) === area));
  const components: Record<string, Record<string, Json>> = {};
  const usedTags = new Set<string>();
  const pending: Json[] = [paths];
  while (pending.length > 0) {
    const value = pending.pop()!;
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') {
        const match = LOCAL_REF.exec(child);
        if (match === null) continue;
        const [, kind, name] = match as unknown as [string, string, string];
        if (components[kind]?.[name] !== undefined) continue;
        const component = document.components?.[kind]?.[name];
        if (component === undefined) throw new Error(`${child} is referenced but not in the contract`);
        (components[kind] ??= {})[name] = component;
        pending.push(component);
      } else if (key === 'tags' && Array.isArray(child) && value !== document) {
        for (const tag of child) if (typeof tag === 'string') usedTags.add(tag);
      } else {
        pending.push(child);
      }
    }
  }
  // Security schemes are named by the document's `security`, not by a $ref.
  if (document.components?.securitySchemes !== undefined) components.securitySchemes = document.components.securitySchemes;
  return {
    ...document,
    ...(document.tags === undefined ? {} : { tags: document.tags.filter((tag) => usedTags.has(tag.name)) }),
    paths,
    components,
  };
}
