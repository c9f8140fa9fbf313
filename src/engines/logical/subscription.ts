/**
 * A subscription's definition and state as persisted, and the rules on its input. Pure.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { Lsn } from '../replication/lsn.js';
/** PostgreSQL 18's apply conflicts. */
export const CONFLICT_TYPES = ['insert_exists', 'update_missing', 'update_origin_differs', 'delete_missing', 'delete_origin_differs'] as const;
export type ConflictType = (typeof CONFLICT_TYPES)[number];

export const CONFLICT_POLICIES = ['ERROR', 'SKIP', 'APPLY_REMOTE'] as const;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];
export type ConflictResolution = Record<ConflictType, ConflictPolicy>;

/** PostgreSQL's behaviour: a duplicate key stops apply, a missing row is skipped, another origin's row is overwritten. */
export const DEFAULT_CONFLICT_RESOLUTION: Readonly<ConflictResolution> = Object.freeze({
  insert_exists: 'ERROR',
  update_missing: 'SKIP',
  update_origin_differs: 'APPLY_REMOTE',
  delete_missing: 'SKIP',
  delete_origin_differs: 'APPLY_REMOTE',
});

/** `none`: changes that arrived through another subscription are not sent (PostgreSQL 16); `any`: everything is. */
export type OriginFilter = 'none' | 'any';

/** A table's synchronization state (pg_subscription_rel.srsubstate). */
export interface SubscriptionTable {
  table: string;
  state: 'READY';
  /** Rows the initial copy wrote. */
  copiedRows: number;
  syncLsn: Lsn;
}

export interface SubscriptionCounters {
  appliedTransactions: number;
  appliedChanges: number;
  /** Changes not applied because a conflict's policy skipped them. */
  skippedChanges: number;
  /** Transactions skipped by an operator's skip. */
  skippedTransactions: number;
  /** Transactions the applier received with nothing published in them (filtered, or another origin's). */
  filteredTransactions: number;
  conflicts: Record<ConflictType, number>;
  /** pg_stat_subscription_stats.apply_error_count. */
  applyErrorCount: number;
  /** pg_stat_subscription_stats.sync_error_count. */
  syncErrorCount: number;
}

/** The failure the subscription is stopped on. */
export interface ApplyError {
  /** Where the failing transaction starts and finishes on the source (the finish LSN is what a skip names). */
  lsn: Lsn;
  commitLsn: Lsn;
  xid: number;
  message: string;
  conflict: ConflictType | null;
  transient: boolean;
  atMs: number;
}

export interface SubscriptionState {
  name: string;
  publication: string;
  sourceNodeId: string;
  targetNodeId: string;
  slotName: string;
  /** The replication origin its applied transactions carry (PostgreSQL's pg_<oid>). */
  originName: string;
  enabled: boolean;
  origin: OriginFilter;
  copyData: boolean;
  disableOnError: boolean;
  conflictResolution: ConflictResolution;
  /** The last applied (or passed) commit LSN on the source: the apply checkpoint, what the slot confirms. */
  checkpointLsn: Lsn;
  tables: SubscriptionTable[];
  counters: SubscriptionCounters;
  lastError: ApplyError | null;
  /** Commit time of the last transaction applied, and when it was applied (cluster ms). */
  lastCommitTimeMs: number | null;
  lastAppliedAtMs: number | null;
  /** Set when the slot was lost (WAL removed, or dropped outside the subscription). */
  slotLostAtMs: number | null;
  createdAtMs: number;
  updatedAtMs: number;
}

export interface SubscriptionInput {
  name?: unknown;
  publication?: unknown;
  sourceNodeId?: unknown;
  targetNodeId?: unknown;
  enabled?: unknown;
  origin?: unknown;
  copyData?: unknown;
  disableOnError?: unknown;
  conflictResolution?: unknown;
}

/** What a PUT may change (PostgreSQL's ALTER SUBSCRIPTION … SET / SKIP). */
export interface SubscriptionPatch {
  enabled?: unknown;
  origin?: unknown;
  disableOnError?: unknown;
  conflictResolution?: unknown;
}

/** At most 59 characters, so its slot `sub_<name>` fits PostgreSQL's 63. */
const NAME = /^[a-z_][a-z0-9_]{0,58}$/;

/** Checks the parts of a definition that need no cluster; every problem at once. @throws DomainError UNPROCESSABLE. */
export function validateSubscriptionInput(input: SubscriptionInput): {
  name: string;
  publication: string;
  targetNodeId: string;
  sourceNodeId: string | null;
  enabled: boolean;
  origin: OriginFilter;
  copyData: boolean;
  disableOnError: boolean;
  conflictResolution: ConflictResolution;
} {
  if (typeof input !== 'object' || input === null) throw new DomainError('UNPROCESSABLE', 'A subscription needs name, publication and targetNodeId.');
  const problems: string[] = [];
  if (typeof input.name !== 'string' || !NAME.test(input.name)) problems.push('name must be 1 to 59 lower-case letters, digits or underscores, not starting with a digit');
  if (typeof input.publication !== 'string' || input.publication.length === 0) problems.push('publication must name a publication');
  if (typeof input.targetNodeId !== 'string' || input.targetNodeId.length === 0) problems.push('targetNodeId must name a node');
  if (input.sourceNodeId !== undefined && input.sourceNodeId !== null && typeof input.sourceNodeId !== 'string') problems.push('sourceNodeId must name a node');
  const patch = patchProblems(input, problems);
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid subscription: ${problems.join('; ')}.`, { problems });
  return {
    name: input.name as string,
    publication: input.publication as string,
    targetNodeId: input.targetNodeId as string,
    sourceNodeId: (input.sourceNodeId as string | null | undefined) ?? null,
    enabled: patch.enabled ?? true,
    origin: patch.origin ?? 'any',
    copyData: input.copyData === undefined ? true : input.copyData === true,
    disableOnError: patch.disableOnError ?? false,
    conflictResolution: { ...DEFAULT_CONFLICT_RESOLUTION, ...patch.conflictResolution },
  };
}

/** Checks a PUT's changes. @throws DomainError UNPROCESSABLE. */
export function validateSubscriptionPatch(input: SubscriptionPatch): { enabled?: boolean; origin?: OriginFilter; disableOnError?: boolean; conflictResolution?: Partial<ConflictResolution> } {
  if (typeof input !== 'object' || input === null) throw new DomainError('UNPROCESSABLE', 'The change must be an object.');
  const problems: string[] = [];
  const patch = patchProblems(input, problems);
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid subscription change: ${problems.join('; ')}.`, { problems });
  return patch;
}

function patchProblems(input: SubscriptionPatch & { copyData?: unknown }, problems: string[]) {
  const patch: { enabled?: boolean; origin?: OriginFilter; disableOnError?: boolean; conflictResolution?: Partial<ConflictResolution> } = {};
  for (const flag of ['enabled', 'disableOnError', 'copyData'] as const) {
    const value = input[flag];
    if (value !== undefined && typeof value !== 'boolean') problems.push(`${flag} must be true or false`);
  }
  if (typeof input.enabled === 'boolean') patch.enabled = input.enabled;
  if (typeof input.disableOnError === 'boolean') patch.disableOnError = input.disableOnError;
  if (input.origin !== undefined) {
    if (input.origin !== 'none' && input.origin !== 'any') problems.push('origin must be none or any');
    else patch.origin = input.origin;
  }
  if (input.conflictResolution !== undefined) {
    const given = input.conflictResolution as Record<string, unknown> | null;
    if (typeof given !== 'object' || given === null || Array.isArray(given)) problems.push('conflictResolution must map conflict types to ERROR, SKIP or APPLY_REMOTE');
    else {
      const resolution: Partial<ConflictResolution> = {};
      for (const [type, policy] of Object.entries(given)) {
        if (!CONFLICT_TYPES.includes(type as ConflictType)) problems.push(`conflictResolution: unknown conflict type ${type} (${CONFLICT_TYPES.join(', ')})`);
        else if (!CONFLICT_POLICIES.includes(policy as ConflictPolicy)) problems.push(`conflictResolution.${type} must be ERROR, SKIP or APPLY_REMOTE`);
        else resolution[type as ConflictType] = policy as ConflictPolicy;
      }
      patch.conflictResolution = resolution;
    }
  }
  return patch;
}

export function emptyCounters(): SubscriptionCounters {
  return {
    appliedTransactions: 0,
    appliedChanges: 0,
    skippedChanges: 0,
    skippedTransactions: 0,
    filteredTransactions: 0,
    conflicts: { insert_exists: 0, update_missing: 0, update_origin_differs: 0, delete_missing: 0, delete_origin_differs: 0 },
    applyErrorCount: 0,
    syncErrorCount: 0,
  };
}

/** The slot a subscription streams through (PostgreSQL names it after the subscription). */
export function slotNameOf(subscription: string): string {
  return `sub_${subscription}`;
}

/** The replication origin its applied changes carry. */
export function originNameOf(subscription: string): string {
  return `sub_${subscription}`;
}
