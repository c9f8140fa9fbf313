import { AccessError } from './access-errors.js';
import type { OperationContext } from './operation-context.js';
import type { OperationRunner } from './operation-runner.js';

/**
 * Operations of the contract that are not built yet. They still check the caller's role (and
 * mutations are audited as failures) so a client sees the same rules it will meet later.
 */
export class PlannedOperations {
  constructor(private readonly runner: OperationRunner) {}

  invoke(context: OperationContext, operationId: string, target: string): Promise<never> {
    return this.runner.run(context, operationId, target, () => {
      throw new AccessError('NOT_IMPLEMENTED', `${operationId} is planned but not implemented yet.`, { operationId });
    });
  }
}
