import type { Resolvers } from '../../generated/graphql/resolvers-types.js';
import type { Services } from '../services/services.js';
import type { HandlerTable } from './rest/handler-types.js';
import type { StreamDefinition } from './ws/websocket-streams.js';

/** Makes one domain's REST handlers (src/api/rest/handlers/<domain>/) from the services. */
export type RestHandlerFactory = (services: Services) => HandlerTable;

/**
 * What the domains add to each API surface. The assembly modules (src/modules) collect it; the
 * API serves it without knowing which domains there are.
 */
export interface ApiSurfaces {
  restHandlers: readonly RestHandlerFactory[];
  /** One resolver map per domain file (src/api/graphql/resolvers/<domain>/), merged per root type. */
  resolvers: readonly Resolvers[];
  /** The WebSocket event streams under /api/v1/ws (src/api/ws/streams/<domain>.ts). */
  streams: readonly StreamDefinition[];
}

/** What the API server needs from the platform: the services and what each domain serves. */
export interface ApiBackend {
  services: Services;
  surfaces: ApiSurfaces;
}
