/**
 * The distributed-transactions engine: two-phase commit with presumed abort among the cluster's
 * writable nodes, in-doubt management, and XA branches on the same participants. Data, prepared
 * transactions and the coordinators' logs live in the nodes' storage (the replication engine);
 * the engine follows the runtime's faults (a crash loses a node's memory, a restart recovers from
 * its storage) and restores its own records from the store after a server restart.
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { ReplicationCluster } from '../replication/replication-cluster.js';
import type { RowWrite } from '../replication/wal-record.js';
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { SimulationRuntime, TimerId } from '../runtime/index.js';
import type { TransactionsEventPublisher } from './events.js';
import { forgetHeuristic, inDoubtViewOf, resolveInDoubt, type InDoubtDeps, type ResolveInput } from './in-doubt.js';
import { Participant } from './participant.js';
import { emptyTransactionCounters, emptyXaCounters, TransactionStatistics } from './statistics.js';
import { newParticipantRecord, newTransactionRecord, TransactionRegistry, type ParticipantRecord, type TransactionRecord } from './transaction-registry.js';
import { isHeuristicState, type TransactionState } from './transaction-state.js';
import type {
  DistributedTransactionView,
  InDoubtTransactionView,
  ResolutionView,
  ResourceManagerView,
  TransactionStatisticsView,
  XaBranchView,
  XaStatisticsView,
} from './transaction-views.js';
import { validateTransactionsConfig, type TransactionsConfig, type TransactionsConfigPatch } from './transactions-config.js';
import { loadTransactionsState, TransactionsJournal, type StoredTransactionsState, type TransactionsRestore } from './transactions-records.js';
import { TwoPhaseCommit, type TransactionStep } from './two-phase-commit.js';
import { checkWrites, writesOfChanges } from './write-checks.js';
import { XaManager, type XaStartInput } from './xa-manager.js';
import type { XidFields } from './xid.js';

export interface TransactionsEngineDeps {
  runtime: SimulationRuntime;
  /** The nodes' storage and WAL: participants and coordinators are its writable nodes. */
  cluster: ReplicationCluster;
  bus?: TransactionsEventPublisher;
  /** Where the engine's own records go (the platform journal); none in pure engine tests. */
  journal?: Journal;
  /** Called before every protocol step (tests crash nodes from it). */
  onStep?: (step: TransactionStep) => void;
}

/** One participant of a new transaction and the writes it makes. */
export interface ParticipantInput {
  nodeId: string;
  writes?: readonly RowWrite[];
}

export interface BeginInput {
  participants: readonly ParticipantInput[];
  /** Where the coordinator runs (a writable node); default the replication primary. */
  coordinatorNodeId?: string;
  /** Default the config's. */
  prepareTimeoutMs?: number;
  lockTimeoutMs?: number;
  /** Rolled back if still ACTIVE by then; default transactionTimeoutMs. */
  timeoutMs?: number;
}

export interface TransactionFilter {
  state?: TransactionState;
  /** A participant or the coordinator. */
  nodeId?: string;
}

const TRANSACTION_ID = /^dtx-\d{1,15}$/;
const MAX_TIMEOUT_MS = 86_400_000;
/** States a caller waiting on `settled` after prepare or commit wants to hear about. */
const SETTLED_STATES: readonly TransactionState[] = ['PREPARED', 'COMMITTED', 'ABORTED', 'IN_DOUBT', 'HEURISTIC_COMMIT', 'HEURISTIC_ROLLBACK', 'HEURISTIC_MIXED', 'HEURISTIC_HAZARD'];

export class TransactionsEngine {
  private config: TransactionsConfig;
  private readonly stats: TransactionStatistics;
  private readonly registry: TransactionRegistry;
  private readonly protocol: TwoPhaseCommit;
  private readonly xa: XaManager;
  private readonly participants = new Map<string, Participant>();
  private readonly records: TransactionsJournal | undefined;
  private readonly down = new Set<string>();
  private readonly stopFollowingFaults: () => void;
  private ticker: TimerId;
  private nextTransactionNumber: number;
  private nextBranchNumber: number;
  private stepIndex = 0;
  private closed = false;

  /** A new engine (nothing stored yet). */
  static create(deps: TransactionsEngineDeps, config: TransactionsConfigPatch = {}): TransactionsEngine {
    return new TransactionsEngine(deps, validateTransactionsConfig(config), null);
  }

  /** The engine as the store left it (a server restart), or a new one when the store holds none. */
  static async load(store: Store, deps: TransactionsEngineDeps): Promise<TransactionsEngine> {
    const restored = await loadTransactionsState(store);
    return new TransactionsEngine(deps, validateTransactionsConfig(restored.config ?? {}), restored);
  }

  private constructor(
    private readonly deps: TransactionsEngineDeps,
    config: TransactionsConfig,
    restored: TransactionsRestore | null,
  ) {
    this.config = config;
    const state = restored?.state ?? null;
    this.nextTransactionNumber = state?.nextTransactionNumber ?? 1;
    this.nextBranchNumber = state?.nextBranchNumber ?? 1;
    this.stats = new TransactionStatistics(state?.counters ?? emptyTransactionCounters(), state?.xa ?? emptyXaCounters(), config.latencySamples, deps.runtime.clock.now());
    this.records = deps.journal === undefined ? undefined : new TransactionsJournal(deps.journal, () => this.storedState());
    const { runtime, cluster } = deps;
    // Participants and coordinators are read where they are served now (ReplicationCluster.writerOf).
    const writer = (name: string): string => cluster.writerOf(name);
    this.registry = new TransactionRegistry({
      live: {
        now: () => runtime.clock.now(),
        isRunning: (name) => !runtime.faults.isCrashed(writer(name)),
        locksHeld: (name, gid) => cluster.storageOf(writer(name)).locksOf(gid).length,
        holdsWork: (name, gid) => this.participantOf(writer(name)).hasWork(gid) || cluster.storageOf(writer(name)).preparedTransaction(gid) !== undefined,
        waitingForLock: (name, gid) => this.participantOf(writer(name)).workOf(gid)?.waiting ?? null,
      },
      stats: this.stats,
      historySize: () => this.config.historySize,
      bus: deps.bus,
      journal: this.records,
    });
    this.protocol = new TwoPhaseCommit({
      runtime,
      cluster,
      registry: this.registry,
      stats: this.stats,
      config: () => this.config,
      participantOf: (nodeId) => this.participantOf(nodeId),
      step: (nodeId, kind, what, gid) => this.step(nodeId, kind, what, gid),
    });
    this.xa = new XaManager({
      clock: runtime.clock,
      cluster,
      stats: this.stats,
      config: () => this.config,
      participantOf: (nodeId) => this.participantOf(nodeId),
      nextBranchId: () => `xab-${this.nextBranchNumber++}`,
      bus: deps.bus,
      journal: this.records,
    });
    if (restored === null) {
      this.records?.configChanged(config);
      this.records?.stateChanged();
    } else {
      this.registry.restore(restored.live, restored.history);
      this.xa.restore(restored.resourceManagers, restored.branches);
    }
    for (const nodeId of cluster.nodeIds()) if (runtime.faults.isCrashed(nodeId)) this.down.add(nodeId);
    this.stopFollowingFaults = runtime.faults.onChange(() => this.followFaults());
    if (restored !== null) this.recoverAfterServerRestart();
    this.ticker = runtime.clock.every(this.config.decisionRetryMs, () => this.protocol.tick());
  }

  // ================================================================ configuration

  getConfig(): TransactionsConfig {
    return { ...this.config };
  }

  /** Applies a validated patch; nothing changes on error. @throws DomainError UNPROCESSABLE. */
  configure(patch: TransactionsConfigPatch): TransactionsConfig {
    const next = validateTransactionsConfig(patch, this.config);
    const retryChanged = next.decisionRetryMs !== this.config.decisionRetryMs;
    this.config = next;
    this.records?.configChanged(next);
    if (retryChanged) {
      this.deps.runtime.clock.cancel(this.ticker);
      this.ticker = this.deps.runtime.clock.every(next.decisionRetryMs, () => this.protocol.tick());
    }
    return this.getConfig();
  }

  // ================================================================ distributed transactions

  /**
   * Begins a transaction: its coordinator sends each participant its writes, which it does
   * tentatively (row locks, waits). Bad input changes nothing.
   * @throws DomainError UNPROCESSABLE (participants, writes, timeouts), NOT_FOUND (unknown node,
   *   a delete of a missing row), CONFLICT (a standby or down node, maxActiveTransactions).
   */
  begin(input: BeginInput): DistributedTransactionView {
    const { cluster, runtime } = this.deps;
    const participants = input?.participants;
    if (!Array.isArray(participants) || participants.length === 0 || participants.length > this.config.maxParticipants) {
      throw new DomainError('UNPROCESSABLE', `A distributed transaction needs 1 to ${this.config.maxParticipants} participants (maxParticipants).`, { field: 'participants', limit: this.config.maxParticipants });
    }
    const nodeIds = participants.map((participant) => participant?.nodeId);
    if (nodeIds.some((nodeId) => typeof nodeId !== 'string' || nodeId.length === 0)) throw new DomainError('UNPROCESSABLE', 'Each participant needs a nodeId.', { field: 'participants' });
    const repeated = nodeIds.filter((nodeId, index) => nodeIds.indexOf(nodeId) !== index);
    if (repeated.length > 0) throw new DomainError('UNPROCESSABLE', `Each node is a participant once; repeated: ${[...new Set(repeated)].join(', ')}.`, { field: 'participants', repeated });
    const prepareTimeoutMs = this.timeoutOf(input.prepareTimeoutMs, this.config.prepareTimeoutMs, 'prepareTimeoutMs', 1);
    const lockTimeoutMs = this.timeoutOf(input.lockTimeoutMs, this.config.lockTimeoutMs, 'lockTimeoutMs', 0);
    const timeoutMs = this.timeoutOf(input.timeoutMs, this.config.transactionTimeoutMs, 'timeoutMs', 1);
    const writes = participants.map((participant, index) => checkWrites(participant.writes ?? [], `participants[${index}].writes`));
    for (const nodeId of nodeIds) this.requireWritable(nodeId, 'participant');
    const coordinatorNodeId = input.coordinatorNodeId ?? this.defaultCoordinator(nodeIds);
    this.requireWritable(coordinatorNodeId, 'coordinator');
    participants.forEach((participant, index) => {
      const planned = writes[index] as readonly RowWrite[];
      if (planned.length > 0) cluster.storageOf(participant.nodeId).planWrites(planned);
    });
    if (this.registry.liveCount() >= this.config.maxActiveTransactions) {
      throw new DomainError('CONFLICT', `At most ${this.config.maxActiveTransactions} distributed transactions may be open (maxActiveTransactions).`, { limit: this.config.maxActiveTransactions, reason: 'LIMIT_REACHED' });
    }
    const record = newTransactionRecord({
      transactionId: `dtx-${this.nextTransactionNumber++}`,
      coordinatorNodeId,
      participants: participants.map((participant, index) => newParticipantRecord(participant.nodeId, [...(writes[index] as readonly RowWrite[])])),
      prepareTimeoutMs,
      lockTimeoutMs,
      timeoutMs,
      begunAtMs: runtime.clock.now(),
    });
    this.registry.add(record);
    this.protocol.begin(record);
    return this.registry.view(record);
  }

  /** Phase 1 now (PREPARING, then PREPARED on all YES). @throws NOT_FOUND, CONFLICT (its state or its coordinator forbids). */
  prepare(transactionId: string): DistributedTransactionView {
    const record = this.liveRecord(transactionId, 'prepare');
    if (record.state === 'PREPARING' || record.state === 'PREPARED') return this.registry.view(record);
    this.requireCoordinator(record);
    if (record.state !== 'ACTIVE') throw this.stateConflict(record, 'prepare');
    this.protocol.prepare(record);
    return this.registry.view(record);
  }

  /**
   * Commits: one phase for a single ACTIVE participant, else phase 1 if needed and then the logged
   * COMMIT. Committing a committed transaction answers it as it is.
   * @throws NOT_FOUND, CONFLICT (aborted, in doubt, its coordinator down).
   */
  commit(transactionId: string): DistributedTransactionView {
    return this.decide(transactionId, 'commit', ['COMMITTED', 'COMMITTING'], (record) => this.protocol.commit(record));
  }

  /** Rolls back (decides ABORT). Rolling back an aborted transaction answers it as it is. @throws NOT_FOUND, CONFLICT. */
  rollback(transactionId: string): DistributedTransactionView {
    return this.decide(transactionId, 'rollback', ['ABORTED', 'ABORTING'], (record) => this.protocol.rollback(record, 'rolled back on request'));
  }

  /** Asks the coordinator for an outcome, from a state that allows it; answers at once when it is under way already. */
  private decide(transactionId: string, operation: string, done: readonly TransactionState[], ask: (record: TransactionRecord) => void): DistributedTransactionView {
    const record = this.registry.require(transactionId);
    if (done.includes(record.state)) return this.registry.view(record);
    this.requireCoordinator(record);
    if (!['ACTIVE', 'PREPARING', 'PREPARED'].includes(record.state)) throw this.stateConflict(record, operation);
    ask(record);
    return this.registry.view(record);
  }

  /** @throws DomainError NOT_FOUND. */
  get(transactionId: string): DistributedTransactionView {
    return this.registry.view(this.registry.require(transactionId));
  }

  /** Open transactions (oldest first), then the history (newest first), filtered. */
  list(filter: TransactionFilter = {}): DistributedTransactionView[] {
    const open = this.registry.liveRecords().sort((a, b) => a.begunAtMs - b.begunAtMs || naturalCompare(a.transactionId, b.transactionId));
    const finished = this.registry.historyRecords().reverse();
    return [...open, ...finished]
      .filter((record) => filter.state === undefined || record.state === filter.state)
      .filter((record) => filter.nodeId === undefined || record.coordinatorNodeId === filter.nodeId || record.participants.some((participant) => participant.nodeId === filter.nodeId))
      .map((record) => this.registry.view(record));
  }

  /** The view once the transaction is PREPARED, final, in doubt or heuristic (at once if it is). @throws NOT_FOUND. */
  settled(transactionId: string, states: readonly TransactionState[] = SETTLED_STATES): Promise<DistributedTransactionView> {
    return this.registry.settled(transactionId, states);
  }

  // ================================================================ in doubt

  /** IN_DOUBT transactions, longest in doubt first. */
  listInDoubt(): InDoubtTransactionView[] {
    return this.registry
      .liveRecords()
      .filter((record) => record.state === 'IN_DOUBT')
      .map((record) => inDoubtViewOf(this.inDoubtDeps(), record))
      .sort((a, b) => b.inDoubtForMs - a.inDoubtForMs || naturalCompare(a.transactionId, b.transactionId));
  }

  /** @throws DomainError NOT_FOUND; CONFLICT when it is not IN_DOUBT. */
  getInDoubt(transactionId: string): InDoubtTransactionView {
    const record = this.registry.require(transactionId);
    if (record.state !== 'IN_DOUBT') throw new DomainError('CONFLICT', `${transactionId} is ${record.state}, not IN_DOUBT.`, { transactionId, state: record.state, reason: 'NOT_IN_DOUBT' });
    return inDoubtViewOf(this.inDoubtDeps(), record);
  }

  /** A heuristic commit or rollback by an operator, or its dry run. @throws NOT_FOUND, UNPROCESSABLE, CONFLICT. */
  resolve(transactionId: string, input: ResolveInput): ResolutionView {
    return resolveInDoubt(this.inDoubtDeps(), this.registry.require(transactionId), input);
  }

  /** Forgets a heuristic outcome (it moves to the history). @throws NOT_FOUND, CONFLICT. */
  forget(transactionId: string): DistributedTransactionView {
    const record = this.registry.require(transactionId);
    forgetHeuristic(this.inDoubtDeps(), record);
    return this.registry.view(record);
  }

  statistics(): TransactionStatisticsView {
    const live = this.registry.liveRecords();
    let prepared = 0;
    for (const nodeId of this.deps.cluster.nodeIds()) {
      prepared += this.deps.cluster.storageOf(nodeId).preparedTransactions().filter((entry) => entry.status === 'PREPARED').length;
    }
    return {
      counters: { ...this.stats.counters },
      active: live.length,
      inDoubt: live.filter((record) => record.state === 'IN_DOUBT').length,
      prepared,
      prepareLatency: this.stats.latency('prepare'),
      commitLatency: this.stats.latency('commit'),
      totalLatency: this.stats.latency('total'),
      lockWaitLatency: this.stats.latency('lockWait'),
      latencySinceMs: this.stats.latencySinceMs,
    };
  }

  // ================================================================ XA

  registerResourceManager(input: { name: string; nodeId: string }): ResourceManagerView {
    return this.xa.registerResourceManager(input);
  }

  listResourceManagers(): ResourceManagerView[] {
    return this.xa.listResourceManagers();
  }

  getResourceManager(name: string): ResourceManagerView {
    return this.xa.getResourceManager(name);
  }

  removeResourceManager(name: string): ResourceManagerView {
    return this.xa.removeResourceManager(name);
  }

  xaStart(input: XaStartInput): XaBranchView {
    return this.xa.start(input);
  }

  xaEnd(xid: string | XidFields): XaBranchView {
    return this.xa.end(xid);
  }

  xaPrepare(xid: string | XidFields): XaBranchView {
    return this.xa.prepare(xid);
  }

  xaCommit(xid: string | XidFields, options: { onePhase?: boolean } = {}): XaBranchView {
    return this.xa.commit(xid, options);
  }

  xaRollback(xid: string | XidFields): XaBranchView {
    return this.xa.rollback(xid);
  }

  xaStatus(xid: string | XidFields): XaBranchView {
    return this.xa.status(xid);
  }

  xaList(): XaBranchView[] {
    return this.xa.list();
  }

  xaRecover(): XaBranchView[] {
    return this.xa.recover();
  }

  xaStatistics(): XaStatisticsView {
    return this.xa.statistics();
  }

  // ================================================================ lifecycle

  /** Stops timers and detaches from the network and the faults. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.deps.runtime.clock.cancel(this.ticker);
    this.stopFollowingFaults();
    this.protocol.close();
    this.xa.close();
    for (const participant of this.participants.values()) participant.crash();
  }

  // ================================================================ internals

  private participantOf(nodeId: string): Participant {
    let participant = this.participants.get(nodeId);
    if (participant === undefined) {
      const { runtime, cluster } = this.deps;
      participant = new Participant(nodeId, {
        clock: runtime.clock,
        storage: cluster,
        maxPreparedTransactions: () => this.config.maxPreparedTransactions,
        maxLockWaitersPerRow: () => this.config.maxLockWaitersPerRow,
        step: (stepNodeId, what, gid) => this.step(stepNodeId, 'log', what, gid),
        lockWaitStarted: () => {
          this.stats.counters.lockWaits += 1;
        },
        lockWaitEnded: (waitedMs, timedOut) => {
          this.stats.record('lockWait', waitedMs);
          if (timedOut) this.stats.counters.lockWaitTimeouts += 1;
        },
        workDropped: (droppedNodeId, gid, reason) => this.workDropped(droppedNodeId, gid, reason),
      });
      this.participants.set(nodeId, participant);
    }
    return participant;
  }

  private workDropped(nodeId: string, gid: string, reason: string): void {
    if (gid.startsWith('xa:')) this.xa.workLost(gid, reason);
    else this.registry.updateParticipant(gid, this.protocol.actingFor(nodeId, gid), { state: 'ABORTED', reason });
  }

  private step(nodeId: string, kind: TransactionStep['kind'], what: string, gid: string): boolean {
    this.deps.onStep?.({ index: this.stepIndex++, nodeId, kind, what, transactionId: gid });
    return !this.deps.runtime.faults.isCrashed(nodeId);
  }

  private followFaults(): void {
    if (this.closed) return;
    for (const nodeId of this.deps.cluster.nodeIds()) {
      const crashed = this.deps.runtime.faults.isCrashed(nodeId);
      if (crashed && !this.down.has(nodeId)) {
        this.down.add(nodeId);
        this.nodeCrashed(nodeId);
      } else if (!crashed && this.down.has(nodeId)) {
        this.down.delete(nodeId);
        this.protocol.restarted(nodeId);
        this.registry.refreshAll();
      }
    }
  }

  private nodeCrashed(nodeId: string): void {
    // Only work the node held is lost: an Execute still on the wire may reach it after its restart.
    const lost = new Set(this.participantOf(nodeId).workGids());
    this.protocol.crashed(nodeId);
    this.xa.nodeCrashed(nodeId);
    this.abandonTentativeWork((participant, gid) => this.deps.cluster.writerOf(participant) === nodeId && lost.has(gid), `the work was lost in the crash of ${nodeId}`);
    this.registry.refreshAll();
  }

  /** A server restart is a restart of every node: tentative work is gone, coordinators and participants recover. */
  private recoverAfterServerRestart(): void {
    this.abandonTentativeWork(() => true, 'the work was lost when the server restarted');
    for (const record of this.registry.liveRecords()) {
      if (record.decision === null) this.registry.updateTransaction(record.transactionId, { coordinatorLost: true });
    }
    this.rebuildFromStorage();
    for (const nodeId of this.deps.cluster.nodeIds()) if (!this.down.has(nodeId)) this.protocol.restarted(nodeId);
    this.registry.refreshAll();
  }

  /** Participants whose work was in memory only are ABORTED. */
  private abandonTentativeWork(where: (nodeId: string, gid: string) => boolean, reason: string): void {
    for (const record of this.registry.liveRecords()) {
      for (const participant of record.participants) {
        if (participant.state === 'ACTIVE' && where(participant.nodeId, record.transactionId)) this.registry.updateParticipant(record.transactionId, participant.nodeId, { state: 'ABORTED', reason });
      }
    }
  }

  /** A prepared transaction a node holds without a record here is rebuilt from its PREPARE metadata. */
  private rebuildFromStorage(): void {
    const { cluster } = this.deps;
    for (const nodeId of cluster.nodeIds()) {
      for (const entry of cluster.storageOf(nodeId).preparedTransactions()) {
        if (entry.coordinatorNodeId === null || entry.status !== 'PREPARED' || this.registry.knows(entry.gid)) continue;
        if (TRANSACTION_ID.test(entry.gid)) this.nextTransactionNumber = Math.max(this.nextTransactionNumber, Number(entry.gid.slice('dtx-'.length)) + 1);
        const participants = entry.participants.map((participantId): ParticipantRecord => {
          const held = cluster.storageOf(cluster.writerOf(participantId)).preparedTransaction(entry.gid);
          if (held === undefined || held.status !== 'PREPARED') {
            return { ...newParticipantRecord(participantId, []), state: 'ABORTED', reason: 'rebuilt from a PREPARE record: this participant holds nothing prepared' };
          }
          return { ...newParticipantRecord(participantId, writesOfChanges(held.changes)), state: 'PREPARED', vote: 'YES', prepareLsn: held.prepareLsn, xminPinned: held.xid, preparedAtMs: held.preparedAtMs };
        });
        const rebuilt = newTransactionRecord({
          transactionId: entry.gid,
          coordinatorNodeId: entry.coordinatorNodeId,
          participants,
          prepareTimeoutMs: this.config.prepareTimeoutMs,
          lockTimeoutMs: this.config.lockTimeoutMs,
          timeoutMs: this.config.transactionTimeoutMs,
          begunAtMs: entry.preparedAtMs,
        });
        this.registry.restore([{ ...rebuilt, state: 'PREPARING', phase: 'PREPARING', coordinatorLost: true, reason: 'rebuilt from the nodes\' prepared transactions at server start' }], []);
      }
    }
  }

  private inDoubtDeps(): InDoubtDeps {
    const { cluster, runtime } = this.deps;
    return {
      cluster,
      registry: this.registry,
      participantOf: (name) => this.participantOf(cluster.writerOf(name)),
      isUp: (name) => !runtime.faults.isCrashed(cluster.writerOf(name)),
      now: () => runtime.clock.now(),
      decidedByHand: (name, gid) => this.protocol.forgetWatch(cluster.writerOf(name), gid),
    };
  }

  private liveRecord(transactionId: string, operation: string): TransactionRecord {
    const record = this.registry.require(transactionId);
    if (this.registry.liveRecord(transactionId) === undefined) throw this.stateConflict(record, operation);
    return record;
  }

  /** An open transaction waits for its coordinator: 409 COORDINATOR_DOWN while its node is down (a final or heuristic state is answered as it is). */
  private requireCoordinator(record: TransactionRecord): void {
    if (this.registry.liveRecord(record.transactionId) !== undefined && !isHeuristicState(record.state)) this.protocol.requireCoordinatorUp(record);
  }

  private stateConflict(record: TransactionRecord, operation: string): DomainError {
    const hint = record.state === 'IN_DOUBT' ? ': its coordinator cannot be reached; see the in-doubt transactions to resolve it' : '';
    return new DomainError('CONFLICT', `${record.transactionId} is ${record.state}: it cannot ${operation}${hint}.`, { transactionId: record.transactionId, state: record.state, reason: 'ILLEGAL_STATE' });
  }

  private requireWritable(nodeId: string, role: 'participant' | 'coordinator'): void {
    const problem = this.deps.cluster.whyNotWritable(nodeId);
    if (problem !== null) throw new DomainError('CONFLICT', `${nodeId} cannot be a ${role}: ${problem}.`, { nodeId, role, reason: this.deps.cluster.writeRoleOf(nodeId) === 'STANDBY' ? 'HOT_STANDBY' : 'NODE_DOWN' });
  }

  /** The replication primary when it runs, else the first writable participant. */
  private defaultCoordinator(participantIds: readonly string[]): string {
    const { cluster } = this.deps;
    const primary = cluster.primary();
    if (cluster.whyNotWritable(primary) === null) return primary;
    return participantIds.find((nodeId) => cluster.whyNotWritable(nodeId) === null) ?? primary;
  }

  private timeoutOf(value: number | undefined, fallback: number, field: string, minimum: number): number {
    if (value === undefined) return fallback;
    if (!Number.isSafeInteger(value) || value < minimum || value > MAX_TIMEOUT_MS) {
      throw new DomainError('UNPROCESSABLE', `${field} must be a whole number of milliseconds between ${minimum} and ${MAX_TIMEOUT_MS}.`, { field, value });
    }
    return value;
  }

  private storedState(): StoredTransactionsState {
    return { nextTransactionNumber: this.nextTransactionNumber, nextBranchNumber: this.nextBranchNumber, counters: this.stats.counters, xa: this.stats.xa };
  }
}
