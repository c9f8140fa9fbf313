import type { Services } from '../../platform.js';
import type { OperationContext } from '../../services/operation-context.js';

/** What every resolver receives: the services, and the caller (authenticated on first use). */
export interface GraphQLContext {
  services: Services;
  /** The caller's operation context; throws UNAUTHENTICATED without valid credentials. */
  operation: () => Promise<OperationContext>;
}
