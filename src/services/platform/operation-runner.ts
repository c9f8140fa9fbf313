import type { Journal } from '../../store/journal.js';
import { CodedError } from '../../engines/runtime/domain-error.js';
import type { AccessPolicy } from './access-policy.js';
import type { AuditLog } from './audit-log.js';
import type { OperationContext } from './operation-context.js';

/**
 * What a mutation acts on, as its audit entry names it: `kind/id` for an existing resource, or a
 * creation, whose id is known only once the work has made it.
 */
export type AuditTarget<T> = string | Creation<T>;

/** A resource an operation creates: its kind, and where the result says which id it got. */
export interface Creation<T> {
  kind: string;
  idOf(created: T): string;
  /** The id part when nothing was created (the operation failed): the id asked for, if any. Default `(new)`. */
  requestedId?: string | undefined;
}

/** The audit target of an operation that creates a `kind`: on success, the created id from the result. */
export function creationOf<T>(kind: string, idOf: (created: T) => string, requestedId?: string): Creation<T> {
  return { kind, idOf, requestedId };
}

/**
 * Runs one service operation the same way for REST, GraphQL and WebSocket: checks the caller's
 * role, does the work, audits mutations (success or failure), and makes the change durable
 * before the caller hears of it.
 */
export class OperationRunner {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly audit: AuditLog,
    private readonly journal: Journal,
    private readonly mutatingOperations: ReadonlySet<string>,
  ) {}

  async run<T>(context: OperationContext, operationId: string, target: AuditTarget<NoInfer<T>>, work: () => T | Promise<T>): Promise<T> {
    const mutating = this.mutatingOperations.has(operationId);
    // A creation's id is known once the work returns; until then (and if it fails) the target says what was asked for.
    let auditedTarget = typeof target === 'string' ? target : `${target.kind}/${target.requestedId ?? '(new)'}`;
    try {
      this.policy.authorize(context.caller, operationId);
      const result = await work();
      if (typeof target !== 'string') auditedTarget = `${target.kind}/${target.idOf(result)}`;
      if (mutating) this.audit.record({ caller: context.caller, operationId, target: auditedTarget, requestId: context.requestId });
      await this.journal.flush();
      return result;
    } catch (error) {
      if (mutating) {
        this.audit.record({ caller: context.caller, operationId, target: auditedTarget, requestId: context.requestId, errorCode: errorCodeOf(error) });
        await this.journal.flush();
      }
      throw error;
    }
  }

  /**
   * Checks the caller's role before the request is even validated, so a caller without the role
   * learns nothing about the contract. The surface audits the refusal (recordRejection).
   */
  authorize(context: OperationContext, operationId: string): void {
    this.policy.authorize(context.caller, operationId);
  }

  /** Audits a mutation that was refused before it reached its service (for example, a body the contract rejects). */
  async recordRejection(context: OperationContext, operationId: string, target: string, errorCode: string): Promise<void> {
    if (!this.mutatingOperations.has(operationId)) return;
    this.audit.record({ caller: context.caller, operationId, target, requestId: context.requestId, errorCode });
    await this.journal.flush();
  }

  /** Reads skip the audit and the flush; they still need the role. */
  read<T>(context: OperationContext, operationId: string, work: () => T): T {
    this.policy.authorize(context.caller, operationId);
    return work();
  }
}

function errorCodeOf(error: unknown): string {
  if (error instanceof CodedError) return error.code;
  return 'INTERNAL';
}
