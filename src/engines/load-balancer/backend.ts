import { DomainError } from '../runtime/domain-error.js';

/**
 * - HEALTHY: takes new connections.
 * - UNHEALTHY: takes none (the platform sets it when the backend's node is DOWN); open ones run on.
 * - DRAINING: takes none, by an operator's decision, so it can be removed once its connections end.
 */
export type BackendHealth = 'HEALTHY' | 'UNHEALTHY' | 'DRAINING';

export const BACKEND_HEALTHS: readonly BackendHealth[] = Object.freeze(['HEALTHY', 'UNHEALTHY', 'DRAINING']);

export const MAX_BACKEND_WEIGHT = 1000;
export const MAX_CONNECTIONS_PER_BACKEND = 100_000;
const MAX_ID_LENGTH = 64;
const MAX_ADDRESS_LENGTH = 255;

/** What an operator decided about a backend: all that is persisted, with its health. */
export interface BackendSpec {
  backendId: string;
  /** host:port the connections go to. */
  address: string;
  /** The cluster node serving behind it, if any: its health follows the node's. */
  nodeId: string | null;
  /** Share of WEIGHTED picks, relative to the other backends; 1 to 1000. */
  weight: number;
  /** Connections it takes at once. */
  maxConnections: number;
}

export interface AddBackendRequest {
  backendId?: string;
  address: string;
  nodeId?: string | null;
  weight?: number;
  maxConnections?: number;
  health?: BackendHealth;
}

/** The spec of a new backend, defaults filled; UNPROCESSABLE listing every problem. */
export function backendSpecOf(request: AddBackendRequest, backendId: string): BackendSpec {
  const spec: BackendSpec = {
    backendId,
    address: request.address,
    nodeId: request.nodeId ?? null,
    weight: request.weight ?? 1,
    maxConnections: request.maxConnections ?? 100,
  };
  const problems: string[] = [];
  if (backendId.length === 0 || backendId.length > MAX_ID_LENGTH) problems.push(`backendId must be 1 to ${MAX_ID_LENGTH} characters`);
  if (spec.address.length === 0 || spec.address.length > MAX_ADDRESS_LENGTH) problems.push(`address must be 1 to ${MAX_ADDRESS_LENGTH} characters`);
  if (!Number.isSafeInteger(spec.weight) || spec.weight < 1 || spec.weight > MAX_BACKEND_WEIGHT) {
    problems.push(`weight must be a whole number from 1 to ${MAX_BACKEND_WEIGHT}`);
  }
  if (!Number.isSafeInteger(spec.maxConnections) || spec.maxConnections < 1 || spec.maxConnections > MAX_CONNECTIONS_PER_BACKEND) {
    problems.push(`maxConnections must be a whole number from 1 to ${MAX_CONNECTIONS_PER_BACKEND}`);
  }
  if (request.health !== undefined && !BACKEND_HEALTHS.includes(request.health)) problems.push(`health must be one of ${BACKEND_HEALTHS.join(', ')}`);
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid backend: ${problems.join('; ')}.`, { problems });
  return spec;
}
