import type { Services } from '../../services/services.js';
import type { OperationContext } from '../../services/platform/operation-context.js';
import type { ContractSchemas } from '../contract-schemas.js';

/** What every resolver receives: the services, the contract's rules, and the caller (authenticated on first use). */
export interface GraphQLContext {
  services: Services;
  /** Checks inputs against the same schemas REST validates with. */
  contract: ContractSchemas;
  /** The caller's operation context; throws UNAUTHENTICATED without valid credentials. */
  operation: () => Promise<OperationContext>;
  /** The caller's operation context once `operation()` has authenticated it; undefined before. */
  authenticated: () => OperationContext | undefined;
  /** How the operation arrived: over graphql-ws (with the id the client gave it), or over HTTP (a subscription then streams as SSE). */
  transport: { kind: 'graphql-ws'; id: string } | { kind: 'http' };
  remoteAddress: string | null;
}
