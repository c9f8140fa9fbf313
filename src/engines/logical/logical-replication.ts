/**
 * Logical replication over the replication engine's WAL: publications, subscriptions streaming
 * through logical slots, their initial copy, apply with origins and conflicts, and the decoded
 * changes page. See README.md.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { TimerId, VirtualClock } from '../runtime/index.js';
import { formatLsn, type Lsn } from '../replication/lsn.js';
import { decodeTransactions, SYSTEM_CATALOG_PREFIX, type DecodedChange, type DecodedTransaction } from '../replication/logical-decoding.js';
import type { NodeStorage } from '../replication/node-storage.js';
import type { ReplicationCluster } from '../replication/replication-cluster.js';
import type { SlotView } from '../replication/replication-views.js';
import { MAX_CHANGES_PER_TRANSACTION } from '../replication/node-storage.js';
import type { RowWrite } from '../replication/wal-record.js';
import type { ApplyEngine } from '../apply/apply-engine.js';
import type { Applier } from '../apply/applier.js';
import type { ApplyTarget } from '../apply/apply-types.js';
import type { ConflictType } from './subscription.js';
import { validateLogicalConfig, type LogicalConfig } from './logical-config.js';
import { compilePublication, publishChange, publishRow, validatePublication, type CompiledPublication, type Publication, type PublicationInput } from './publication.js';
import {
  emptyCounters,
  originNameOf,
  slotNameOf,
  validateSubscriptionInput,
  validateSubscriptionPatch,
  type SubscriptionInput,
  type SubscriptionPatch,
  type SubscriptionState,
} from './subscription.js';

/** Where the catalog is persisted (the module writes them to the journal). */
export interface LogicalRecords {
  publicationChanged(publication: Publication): void;
  publicationDropped(name: string): void;
  subscriptionChanged(subscription: SubscriptionState): void;
  subscriptionDropped(name: string): void;
}

export interface LogicalDeps {
  cluster: ReplicationCluster;
  /** Applies the subscriptions' transactions to their targets, in parallel where independent, and keeps their checkpoints. */
  apply: ApplyEngine;
  clock: VirtualClock;
  records?: LogicalRecords;
  config?: Partial<LogicalConfig>;
}

export interface LogicalRestore {
  publications: readonly Publication[];
  subscriptions: readonly SubscriptionState[];
}

/** A subscription's status, derived. */
export type SubscriptionStatus = 'STREAMING' | 'CATCHING_UP' | 'DISABLED' | 'ERROR' | 'SLOT_LOST';

/** A subscription with what is measured now. */
export interface SubscriptionView extends SubscriptionState {
  status: SubscriptionStatus;
  slot: SlotView | null;
  /** Bytes of the source's WAL past the checkpoint. */
  lagBytes: number;
  /** Cluster ms since the oldest transaction not yet applied committed; 0 when caught up. */
  lagMs: number;
  sourceLsn: Lsn;
}

/** A page of decoded changes. */
export interface ChangesPage {
  /** The node whose WAL was decoded. */
  nodeId: string;
  changes: DecodedChange[];
  fromLsn: Lsn;
  /** Where the next page starts. */
  nextLsn: Lsn;
  /** Whether WAL past `nextLsn` remains. */
  hasMore: boolean;
  /** Transactions (WAL records) read. */
  scannedTransactions: number;
}

export interface ChangesQuery {
  nodeId?: string;
  fromLsn?: Lsn;
  table?: string;
  op?: 'insert' | 'update' | 'delete';
  /** Decode as this publication sends: its tables, operations, filters and masks. */
  publication?: string;
  limit?: number;
}

/** What a skip did (or, dry, would do). */
export interface SkipResult {
  lsn: Lsn;
  xid: number;
  commitLsn: Lsn;
  dryRun: boolean;
  changes: DecodedChange[];
  /** Whether the preview stopped at the preview limit. */
  truncated: boolean;
}

/** What the target did with one transaction, with the conflicts it met (the apply engine reads its status, and for a failure whether it is transient). */
type TargetOutcome =
  | { status: 'APPLIED'; appliedChanges: number; skippedChanges: number; conflicts: ConflictType[] }
  | { status: 'FAILED'; transient: boolean; message: string; conflict: ConflictType | null; conflicts: ConflictType[] };

/** Most WAL records one changes page reads, whatever its filters keep. */
const MAX_SCANNED_RECORDS = 10_000;

export class LogicalReplication {
  readonly config: LogicalConfig;
  private readonly publications = new Map<string, Publication>();
  private readonly compiled = new Map<string, CompiledPublication>();
  private readonly subscriptions = new Map<string, SubscriptionState>();
  /** Each subscription's applier, the unsubscribe of its checkpoint listener, and how far its WAL was sent (in memory: a restart resends from the checkpoint). */
  private readonly feeds = new Map<string, { applier: Applier; stopListening: () => void; sentLsn: Lsn }>();
  private timer: TimerId | null = null;
  private decodedChangeCount = 0;

  constructor(
    private readonly deps: LogicalDeps,
    restored?: LogicalRestore,
  ) {
    this.config = validateLogicalConfig(deps.config);
    for (const publication of restored?.publications ?? []) this.putPublication(publication, false);
    for (const subscription of restored?.subscriptions ?? []) {
      const state = structuredClone(subscription);
      this.subscriptions.set(state.name, state);
      this.feedOf(state);
    }
    this.timer = deps.clock.every(this.config.pollIntervalMs, () => this.pollAll());
  }

  close(): void {
    if (this.timer !== null) this.deps.clock.cancel(this.timer);
    this.timer = null;
  }

  // ================================================================ publications

  listPublications(): Publication[] {
    return [...this.publications.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  getPublication(name: string): Publication {
    const publication = this.publications.get(name);
    if (publication === undefined) throw new DomainError('NOT_FOUND', `No publication ${name}.`, { resource: 'logical.publication', id: name });
    return publication;
  }

  /** @throws UNPROCESSABLE (bad definition), CONFLICT (name taken, a standby, the limit), NOT_FOUND (unknown node). */
  createPublication(input: PublicationInput): Publication {
    const name = typeof input?.name === 'string' ? input.name : '';
    if (this.publications.has(name)) throw new DomainError('CONFLICT', `Publication ${name} already exists.`, { name, reason: 'ALREADY_EXISTS' });
    if (this.publications.size >= this.config.maxPublications) throw new DomainError('CONFLICT', `At most ${this.config.maxPublications} publications.`, { reason: 'LIMIT_REACHED' });
    const nodeId = input.nodeId === undefined || input.nodeId === null ? this.deps.cluster.primary() : String(input.nodeId);
    this.assertWritable(nodeId, 'publication node');
    const publication = validatePublication(input, { name, nodeId, nowMs: this.now() }, this.config, (table) => this.knownColumns(nodeId, table));
    this.putPublication(publication, true);
    return publication;
  }

  /** Replaces the definition; subscriptions decode with it from their next transaction. */
  updatePublication(name: string, input: PublicationInput): Publication {
    const current = this.getPublication(name);
    const publication = validatePublication({ ...input, name }, { name, nodeId: current.nodeId, nowMs: this.now(), createdAtMs: current.createdAtMs }, this.config, (table) =>
      this.knownColumns(current.nodeId, table),
    );
    this.putPublication(publication, true);
    return publication;
  }

  /** @throws NOT_FOUND; CONFLICT while a subscription uses it (PostgreSQL lets it go; the subscriptions would fail). */
  dropPublication(name: string): Publication {
    const publication = this.getPublication(name);
    const users = [...this.subscriptions.values()].filter((subscription) => subscription.publication === name).map((subscription) => subscription.name);
    if (users.length > 0) throw new DomainError('CONFLICT', `Publication ${name} is used by subscription(s) ${users.join(', ')}: drop them first.`, { name, subscriptions: users, reason: 'IN_USE' });
    this.publications.delete(name);
    this.compiled.delete(name);
    this.deps.records?.publicationDropped(name);
    return publication;
  }

  private putPublication(publication: Publication, persist: boolean): void {
    this.publications.set(publication.name, publication);
    this.compiled.set(publication.name, compilePublication(publication));
    if (persist) this.deps.records?.publicationChanged(publication);
  }

  /** The columns a table's rows have on a node, or null when it has none to learn them from. */
  private knownColumns(nodeId: string, table: string): string[] | null {
    const rows = this.storageOf(nodeId).tableImage(table);
    if (rows.length === 0) return null;
    const columns = new Set<string>();
    for (const { row } of rows) for (const column of Object.keys(row)) columns.add(column);
    return [...columns];
  }

  // ================================================================ subscriptions

  listSubscriptions(): SubscriptionView[] {
    return [...this.subscriptions.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((subscription) => this.viewOf(subscription));
  }

  getSubscription(name: string): SubscriptionView {
    return this.viewOf(this.subscriptionOf(name));
  }

  /**
   * CREATE SUBSCRIPTION: a logical slot on the source, the initial copy at the slot's consistent
   * point, then streaming (when enabled).
   * @throws UNPROCESSABLE (bad input, source not the publication's), NOT_FOUND (publication, node), CONFLICT (name taken, target a standby or down, target = source, limit).
   */
  createSubscription(input: SubscriptionInput): SubscriptionView {
    const valid = validateSubscriptionInput(input);
    if (this.subscriptions.has(valid.name)) throw new DomainError('CONFLICT', `Subscription ${valid.name} already exists.`, { name: valid.name, reason: 'ALREADY_EXISTS' });
    if (this.subscriptions.size >= this.config.maxSubscriptions) throw new DomainError('CONFLICT', `At most ${this.config.maxSubscriptions} subscriptions.`, { reason: 'LIMIT_REACHED' });
    const publication = this.getPublication(valid.publication);
    if (valid.sourceNodeId !== null && valid.sourceNodeId !== publication.nodeId) {
      throw new DomainError('UNPROCESSABLE', `Publication ${publication.name} is on ${publication.nodeId}, not ${valid.sourceNodeId}.`, { sourceNodeId: valid.sourceNodeId, publicationNodeId: publication.nodeId });
    }
    this.assertWritable(valid.targetNodeId, 'subscription target');
    const sourceNodeId = publication.nodeId;
    if (this.deps.cluster.writerOf(sourceNodeId) === valid.targetNodeId) {
      throw new DomainError('CONFLICT', `The target ${valid.targetNodeId} is the publication's own node: a subscription copies between two nodes.`, { targetNodeId: valid.targetNodeId, reason: 'SAME_NODE' });
    }
    const slotName = slotNameOf(valid.name);
    const slot = this.deps.cluster.createSlot({ slotName, slotType: 'LOGICAL', plugin: 'pgoutput', database: 'rustydb' }, { nodeId: sourceNodeId });
    const syncLsn = slot.confirmedFlushLsn ?? slot.restartLsn;
    const nowMs = this.now();
    const subscription: SubscriptionState = {
      name: valid.name,
      publication: publication.name,
      sourceNodeId,
      targetNodeId: valid.targetNodeId,
      slotName,
      originName: originNameOf(valid.name),
      enabled: valid.enabled,
      origin: valid.origin,
      copyData: valid.copyData,
      disableOnError: valid.disableOnError,
      conflictResolution: valid.conflictResolution,
      checkpointLsn: syncLsn,
      tables: [],
      counters: emptyCounters(),
      lastError: null,
      lastCommitTimeMs: null,
      lastAppliedAtMs: null,
      slotLostAtMs: null,
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    };
    try {
      subscription.tables = this.initialSync(subscription, syncLsn);
    } catch (error) {
      // Nothing of a failed create stays: the slot goes too.
      this.deps.cluster.dropSlot(slotName, { consumerStopped: true });
      throw error;
    }
    this.subscriptions.set(subscription.name, subscription);
    this.feedOf(subscription);
    this.persist(subscription);
    return this.viewOf(subscription);
  }

  /** ALTER SUBSCRIPTION … SET (…) / ENABLE / DISABLE. */
  updateSubscription(name: string, input: SubscriptionPatch): SubscriptionView {
    const subscription = this.subscriptionOf(name);
    const patch = validateSubscriptionPatch(input);
    if (patch.enabled !== undefined) subscription.enabled = patch.enabled;
    if (patch.origin !== undefined) subscription.origin = patch.origin;
    if (patch.disableOnError !== undefined) subscription.disableOnError = patch.disableOnError;
    if (patch.conflictResolution !== undefined) subscription.conflictResolution = { ...subscription.conflictResolution, ...patch.conflictResolution };
    // Disable stops the applier (the slot and its position stay); enable starts it again, retrying a failed transaction.
    if (patch.enabled === false) this.feedOf(subscription).applier.stop();
    if (patch.enabled === true) this.feedOf(subscription).applier.start();
    this.persist(subscription);
    if (subscription.enabled) this.poll(subscription);
    return this.viewOf(subscription);
  }

  setEnabled(name: string, enabled: boolean): SubscriptionView {
    return this.updateSubscription(name, { enabled });
  }

  /** DROP SUBSCRIPTION: its slot goes too (when it still exists). */
  dropSubscription(name: string): SubscriptionView {
    const subscription = this.subscriptionOf(name);
    const view = this.viewOf(subscription);
    if (this.slotOf(subscription) !== null) this.deps.cluster.dropSlot(subscription.slotName, { consumerStopped: true });
    this.subscriptions.delete(name);
    this.feeds.get(name)?.stopListening();
    this.feeds.delete(name);
    this.deps.apply.drop(name);
    this.deps.records?.subscriptionDropped(name);
    return view;
  }

  /**
   * ALTER SUBSCRIPTION … SKIP (lsn = …): passes over the failing transaction whose finish LSN
   * (or start) is `lsn`. `dryRun` answers what would be skipped and changes nothing.
   * @throws NOT_FOUND; CONFLICT when no failing transaction is at that LSN.
   */
  skip(name: string, lsn: Lsn, dryRun: boolean): SkipResult {
    const subscription = this.subscriptionOf(name);
    const failed = subscription.lastError;
    if (failed === null || (failed.commitLsn !== lsn && failed.lsn !== lsn)) {
      throw new DomainError('CONFLICT', `Subscription ${name} has no failing transaction at ${formatLsn(lsn)}${failed === null ? '' : `: it is stopped on the one finishing at ${formatLsn(failed.commitLsn)}`}.`, {
        name,
        lsn: formatLsn(lsn),
        failingLsn: failed === null ? null : formatLsn(failed.commitLsn),
        reason: 'NO_FAILING_TRANSACTION',
      });
    }
    const transaction = this.readTransactions(subscription, failed.lsn, 1)[0];
    const changes = transaction === undefined ? [] : this.publishedChanges(subscription, transaction);
    const result: SkipResult = {
      lsn: failed.lsn,
      xid: failed.xid,
      commitLsn: failed.commitLsn,
      dryRun,
      changes: changes.slice(0, this.config.maxSkipPreviewChanges),
      truncated: changes.length > this.config.maxSkipPreviewChanges,
    };
    if (dryRun) return result;
    const { applier } = this.feedOf(subscription);
    // The applier gives the transaction up (recorded in its discard list) and goes on.
    if (applier.state() === 'ABENDED') applier.skip(failed.lsn, `skipped by the operator (ALTER SUBSCRIPTION ${name} SKIP)`);
    subscription.counters.skippedTransactions += 1;
    subscription.lastError = null;
    if (subscription.enabled) applier.start();
    this.persist(subscription);
    return result;
  }

  // ================================================================ decoded changes

  /** A page of decoded changes of a node's retained WAL from `fromLsn`. @throws NOT_FOUND (node, publication), UNPROCESSABLE (limit), CONFLICT (WAL removed). */
  changes(query: ChangesQuery): ChangesPage {
    const limit = query.limit ?? 100;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > this.config.maxChangesPage) throw new DomainError('UNPROCESSABLE', `limit must be between 1 and ${this.config.maxChangesPage}.`, { limit });
    const compiled = query.publication === undefined ? null : (this.getPublication(query.publication), this.compiled.get(query.publication) as CompiledPublication);
    const nodeId = query.nodeId ?? compiled?.publication.nodeId ?? this.deps.cluster.primary();
    const storage = this.storageOf(nodeId);
    const fromLsn = query.fromLsn ?? storage.positions().walStartLsn;
    const read = storage.readWal(fromLsn, { maxRecords: MAX_SCANNED_RECORDS });
    if (read.gone) throw new DomainError('CONFLICT', `The WAL from ${formatLsn(fromLsn)} was removed on ${nodeId}: it starts at ${formatLsn(read.walStartLsn)}.`, { fromLsn: formatLsn(fromLsn), walStartLsn: formatLsn(read.walStartLsn), reason: 'WAL_REMOVED' });
    const changes: DecodedChange[] = [];
    let nextLsn = fromLsn;
    let scanned = 0;
    for (const transaction of decodeTransactions(read.records)) {
      const kept = transaction.changes
        .map((change) => (compiled === null ? change : publishChange(compiled, change)))
        .filter((change): change is DecodedChange => change !== null && (query.table === undefined || change.table === query.table) && (query.op === undefined || change.op === query.op));
      // Whole transactions only; one transaction holds at most MAX_CHANGES_PER_TRANSACTION (≤ the page bound).
      if (changes.length > 0 && changes.length + kept.length > limit) break;
      changes.push(...kept);
      nextLsn = transaction.commitLsn;
      scanned += 1;
      this.decodedChangeCount += transaction.changes.length;
      if (changes.length >= limit) break;
    }
    return { nodeId: this.deps.cluster.writerOf(nodeId), changes, fromLsn, nextLsn, hasMore: nextLsn < storage.positions().writeLsn, scannedTransactions: scanned };
  }

  /** Changes decoded since start (pages and subscriptions), for the statistics. */
  decodedChanges(): number {
    return this.decodedChangeCount;
  }

  // ================================================================ streaming

  /** Streams every enabled subscription once (the timer's work; tests call it too). */
  pollAll(): void {
    for (const subscription of this.subscriptions.values()) if (subscription.enabled) this.poll(subscription);
  }

  private poll(subscription: SubscriptionState): void {
    if (this.slotOf(subscription) === null || this.slotLost(subscription)) {
      if (subscription.slotLostAtMs === null) {
        subscription.slotLostAtMs = this.now();
        this.persist(subscription);
      }
      return;
    }
    const feed = this.feedOf(subscription);
    const room = Math.min(this.config.maxTransactionsPerPoll, feed.applier.queueRoom());
    if (room === 0) return;
    const transactions = this.readTransactions(subscription, feed.sentLsn, room);
    if (transactions.length === 0) return;
    feed.applier.enqueue(
      transactions.map((transaction) => ({
        ...transaction,
        origin: transaction.origin ?? subscription.sourceNodeId,
        changes: this.publishedChanges(subscription, transaction),
      })),
    );
    feed.sentLsn = (transactions[transactions.length - 1] as DecodedTransaction).commitLsn;
  }

  /** The subscription's applier in the apply engine (made, or bound again after a restart), with its checkpoint followed. */
  private feedOf(subscription: SubscriptionState): { applier: Applier; stopListening: () => void; sentLsn: Lsn } {
    let feed = this.feeds.get(subscription.name);
    if (feed === undefined) {
      const applier = this.deps.apply.applierFor(subscription.name, this.targetOf(subscription), { startLsn: subscription.checkpointLsn });
      if (!subscription.enabled && applier.state() === 'RUNNING') applier.stop();
      const stopListening = applier.onCheckpoint((checkpointLsn) => this.onCheckpoint(subscription, checkpointLsn));
      feed = { applier, stopListening, sentLsn: applier.resumeLsn() };
      this.feeds.set(subscription.name, feed);
      if (applier.resumeLsn() > subscription.checkpointLsn) this.onCheckpoint(subscription, applier.resumeLsn());
    }
    return feed;
  }

  /** The applier's checkpoint moved: the subscriber's flush feedback, which the slot confirms. */
  private onCheckpoint(subscription: SubscriptionState, checkpointLsn: Lsn): void {
    if (checkpointLsn <= subscription.checkpointLsn || !this.subscriptions.has(subscription.name)) return;
    subscription.checkpointLsn = checkpointLsn;
    this.confirm(subscription);
    this.persist(subscription);
  }

  /** Transactions of the source's WAL after `fromLsn`, at most `max`. */
  private readTransactions(subscription: SubscriptionState, fromLsn: Lsn, max: number): DecodedTransaction[] {
    const read = this.sourceStorage(subscription).readWal(fromLsn, { maxRecords: max });
    if (read.gone) return [];
    const transactions = decodeTransactions(read.records.filter((record) => record.lsn >= fromLsn));
    for (const transaction of transactions) this.decodedChangeCount += transaction.changes.length;
    return transactions;
  }

  /** A transaction's changes as the subscription receives them: nothing of another origin under `origin = none`, then the publication's view. */
  private publishedChanges(subscription: SubscriptionState, transaction: DecodedTransaction): DecodedChange[] {
    if (subscription.origin === 'none' && transaction.origin !== null) return [];
    const compiled = this.compiled.get(subscription.publication);
    if (compiled === undefined) return [];
    return transaction.changes.map((change) => publishChange(compiled, change)).filter((change): change is DecodedChange => change !== null);
  }

  /** The subscriber's flush feedback: the slot confirms the checkpoint. */
  private confirm(subscription: SubscriptionState): void {
    if (this.slotOf(subscription) === null || this.slotLost(subscription)) return;
    this.deps.cluster.confirmSlot(subscription.slotName, subscription.checkpointLsn);
  }

  // ================================================================ apply on the target

  /** The target side of a subscription, as the apply engine calls it: writes with its origin, conflicts by its policy, counted here. */
  private targetOf(subscription: SubscriptionState): ApplyTarget<TargetOutcome> {
    return {
      nodeId: subscription.targetNodeId,
      apply: (transaction) => {
        const outcome = this.applyOnTarget(subscription, transaction);
        if (outcome.status === 'APPLIED') this.onApplied(subscription, transaction, outcome);
        else this.onFailed(subscription, transaction, outcome);
        return outcome;
      },
    };
  }

  private onApplied(subscription: SubscriptionState, transaction: DecodedTransaction, outcome: Extract<TargetOutcome, { status: 'APPLIED' }>): void {
    if (subscription.lastError?.lsn === transaction.lsn) subscription.lastError = null;
    if (transaction.changes.length === 0) subscription.counters.filteredTransactions += 1;
    else {
      subscription.counters.appliedTransactions += 1;
      subscription.counters.appliedChanges += outcome.appliedChanges;
      subscription.counters.skippedChanges += outcome.skippedChanges;
      subscription.lastCommitTimeMs = transaction.commitTimeMs;
      subscription.lastAppliedAtMs = this.now();
    }
    for (const conflict of outcome.conflicts) subscription.counters.conflicts[conflict] += 1;
    // The counters and the rows the apply wrote land in one journal batch, with the applier's checkpoint.
    this.persist(subscription);
  }

  private onFailed(subscription: SubscriptionState, transaction: DecodedTransaction, outcome: Extract<TargetOutcome, { status: 'FAILED' }>): void {
    // A failure is counted once per failing transaction, not at every retry.
    if (subscription.lastError?.lsn === transaction.lsn) return;
    subscription.counters.applyErrorCount += 1;
    for (const conflict of outcome.conflicts) subscription.counters.conflicts[conflict] += 1;
    subscription.lastError = {
      lsn: transaction.lsn,
      commitLsn: transaction.commitLsn,
      xid: transaction.xid,
      message: outcome.message,
      conflict: outcome.conflict,
      transient: outcome.transient,
      atMs: this.now(),
    };
    if (subscription.disableOnError && !outcome.transient) {
      subscription.enabled = false;
      this.feedOf(subscription).applier.stop();
    }
    this.persist(subscription);
  }

  private applyOnTarget(subscription: SubscriptionState, transaction: DecodedTransaction): TargetOutcome {
    if (transaction.changes.length === 0) return { status: 'APPLIED', appliedChanges: 0, skippedChanges: 0, conflicts: [] };
    const problem = this.deps.cluster.whyNotWritable(subscription.targetNodeId);
    if (problem !== null) return { status: 'FAILED', transient: this.deps.cluster.writeRoleOf(subscription.targetNodeId) !== 'STANDBY', message: `The target cannot take writes: ${problem}.`, conflict: null, conflicts: [] };
    const storage = this.deps.cluster.storageOf(subscription.targetNodeId);
    // Rows as this transaction leaves them so far: present, and by which origin.
    const pending = new Map<string, { present: boolean; origin: string | null }>();
    const stateOf = (table: string, key: string) => {
      const seen = pending.get(`${table}\u0000${key}`);
      if (seen !== undefined) return seen;
      const row = storage.getRow(table, key);
      return { present: row !== undefined, origin: row?.meta.origin ?? null };
    };
    const writes: RowWrite[] = [];
    const conflicts: ConflictType[] = [];
    let skipped = 0;
    for (const change of transaction.changes) {
      const current = stateOf(change.table, change.key);
      let conflict: ConflictType | null = null;
      if (change.op === 'insert' && current.present) conflict = 'insert_exists';
      else if (change.op === 'update' && !current.present) conflict = 'update_missing';
      else if (change.op === 'update' && current.origin !== subscription.originName) conflict = 'update_origin_differs';
      else if (change.op === 'delete' && !current.present) conflict = 'delete_missing';
      else if (change.op === 'delete' && current.origin !== subscription.originName) conflict = 'delete_origin_differs';
      if (conflict !== null) {
        conflicts.push(conflict);
        const policy = subscription.conflictResolution[conflict];
        if (policy === 'ERROR') {
          return {
            status: 'FAILED',
            transient: false,
            message: `Conflict ${conflict} on ${change.table}/${change.key} applying the transaction ${transaction.xid} finished at ${formatLsn(transaction.commitLsn)}.`,
            conflict,
            conflicts,
          };
        }
        if (policy === 'SKIP' || conflict === 'delete_missing') {
          skipped += 1;
          continue;
        }
      }
      if (change.op === 'delete') writes.push({ op: 'delete', table: change.table, key: change.key });
      else writes.push({ op: 'put', table: change.table, key: change.key, row: change.row ?? {} });
      pending.set(`${change.table}\u0000${change.key}`, { present: change.op !== 'delete', origin: subscription.originName });
    }
    try {
      for (let start = 0; start < writes.length; start += MAX_CHANGES_PER_TRANSACTION) {
        this.deps.cluster.commitWithOrigin(subscription.targetNodeId, writes.slice(start, start + MAX_CHANGES_PER_TRANSACTION), { origin: subscription.originName, originLsn: transaction.commitLsn });
      }
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') return { status: 'FAILED', transient: true, message: error.message, conflict: null, conflicts: [] };
      throw error;
    }
    return { status: 'APPLIED', appliedChanges: writes.length, skippedChanges: skipped, conflicts };
  }

  /** The initial copy: each published table's rows, filtered and masked, written to the target with the origin. */
  private initialSync(subscription: SubscriptionState, syncLsn: Lsn): SubscriptionState['tables'] {
    const compiled = this.compiled.get(subscription.publication) as CompiledPublication;
    const source = this.sourceStorage(subscription);
    const tables = compiled.publication.allTables ? source.tableNames().filter((table) => !table.startsWith(SYSTEM_CATALOG_PREFIX)) : compiled.publication.tables.map((entry) => entry.table);
    const result: SubscriptionState['tables'] = [];
    for (const table of tables) {
      const writes: RowWrite[] = [];
      if (subscription.copyData) {
        for (const stored of source.tableImage(table)) {
          const row = publishRow(compiled, table, stored.row);
          if (row !== null) writes.push({ op: 'put', table, key: stored.key, row });
        }
      }
      for (let start = 0; start < writes.length; start += MAX_CHANGES_PER_TRANSACTION) {
        this.deps.cluster.commitWithOrigin(subscription.targetNodeId, writes.slice(start, start + MAX_CHANGES_PER_TRANSACTION), { origin: subscription.originName, originLsn: syncLsn });
      }
      result.push({ table, state: 'READY', copiedRows: writes.length, syncLsn });
    }
    return result;
  }

  // ================================================================ views

  private viewOf(subscription: SubscriptionState): SubscriptionView {
    const slot = this.slotOf(subscription);
    const storage = this.sourceStorage(subscription);
    const sourceLsn = storage.positions().writeLsn;
    const lost = slot === null || slot.walStatus === 'lost';
    let lagMs = 0;
    if (subscription.checkpointLsn < sourceLsn) {
      const next = storage.readWal(subscription.checkpointLsn, { maxRecords: 1 });
      const oldest = next.gone ? undefined : next.records[0];
      if (oldest !== undefined) lagMs = Math.max(0, this.now() - oldest.atMs);
    }
    const status: SubscriptionStatus = lost
      ? 'SLOT_LOST'
      : !subscription.enabled
        ? 'DISABLED'
        : subscription.lastError !== null
          ? 'ERROR'
          : subscription.checkpointLsn < sourceLsn
            ? 'CATCHING_UP'
            : 'STREAMING';
    return { ...structuredClone(subscription), status, slot, lagBytes: Math.max(0, sourceLsn - subscription.checkpointLsn), lagMs, sourceLsn };
  }

  private slotOf(subscription: SubscriptionState): SlotView | null {
    try {
      return this.deps.cluster.getSlot(subscription.slotName);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  private slotLost(subscription: SubscriptionState): boolean {
    return this.slotOf(subscription)?.walStatus === 'lost';
  }

  private subscriptionOf(name: string): SubscriptionState {
    const subscription = this.subscriptions.get(name);
    if (subscription === undefined) throw new DomainError('NOT_FOUND', `No subscription ${name}.`, { resource: 'logical.subscription', id: name });
    return subscription;
  }

  /** The storage a subscription decodes: its source's writer (the primary for a member of the physical group). */
  private sourceStorage(subscription: SubscriptionState): NodeStorage {
    return this.storageOf(subscription.sourceNodeId);
  }

  private storageOf(nodeId: string): NodeStorage {
    if (!this.deps.cluster.nodeIds().includes(nodeId)) throw new DomainError('NOT_FOUND', `No node ${nodeId}.`, { resource: 'cluster.node', id: nodeId });
    return this.deps.cluster.storageOf(this.deps.cluster.writerOf(nodeId));
  }

  /** @throws NOT_FOUND (unknown node), CONFLICT naming the role of a standby. */
  private assertWritable(nodeId: string, what: string): void {
    if (!this.deps.cluster.nodeIds().includes(nodeId)) throw new DomainError('NOT_FOUND', `No node ${nodeId}.`, { resource: 'cluster.node', id: nodeId });
    const role = this.deps.cluster.writeRoleOf(nodeId);
    if (role === 'STANDBY') {
      throw new DomainError('CONFLICT', `The ${what} must take writes (PRIMARY or STANDALONE): ${nodeId} is a STANDBY of ${this.deps.cluster.primary()}. Remove it from the replicas first (DELETE /api/v1/replication/replicas/${nodeId}).`, {
        nodeId,
        role,
        reason: 'NOT_WRITABLE',
      });
    }
  }

  private persist(subscription: SubscriptionState): void {
    subscription.updatedAtMs = this.now();
    this.deps.records?.subscriptionChanged(subscription);
  }

  private now(): number {
    return this.deps.clock.now();
  }
}
