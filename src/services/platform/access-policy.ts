import { AccessError } from './access-errors.js';
import type { Caller, Role } from './operation-context.js';

/**
 * Which roles may call which operation. Built once from the contract (`x-rustydb-roles` of each
 * operation), so REST, GraphQL and WebSocket enforce the same rule.
 */
export class AccessPolicy {
  private readonly rolesByOperation: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(operations: readonly { operationId: string; roles: readonly string[] }[]) {
    this.rolesByOperation = new Map(operations.map((operation) => [operation.operationId, new Set(operation.roles)]));
  }

  /** Throws FORBIDDEN unless the caller's role is admitted to the operation. */
  authorize(caller: Caller, operationId: string): void {
    const roles = this.rolesByOperation.get(operationId);
    if (!roles) throw new Error(`operation ${operationId} is not in the contract`);
    if (!roles.has(caller.role)) {
      throw new AccessError('FORBIDDEN', `Role ${caller.role} may not call ${operationId}.`, {
        operationId,
        allowedRoles: [...roles] as Role[],
      });
    }
  }
}
