/**
 * XA as MySQL exposes it, on the participant machinery of two-phase commit: resource managers
 * (a name for a node's storage) and branches (xid → tentative work, then a PREPARE record, then
 * COMMIT PREPARED or ROLLBACK PREPARED on the resource manager's node). The API's caller is the
 * transaction manager; every statement acts on the resource manager at once. A branch's state
 * changes only through {@link nextXaState}.
 */
import { formatLsn, type Lsn } from '../replication/lsn.js';
import type { ReplicationCluster } from '../replication/replication-cluster.js';
import type { RowWrite } from '../replication/wal-record.js';
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { TimerId, VirtualClock } from '../runtime/index.js';
import type { TransactionsEventPublisher } from './events.js';
import type { Participant } from './participant.js';
import type { TransactionStatistics } from './statistics.js';
import type { ResourceManagerView, XaBranchFields, XaBranchView, XaStatisticsView } from './transaction-views.js';
import type { TransactionsConfig } from './transactions-config.js';
import { checkWrites, writesOfChanges } from './write-checks.js';
import { isLiveXaState, nextXaState, xaTransitionOf, XA_BRANCH_STATES, type XaBranchState, type XaEvent } from './xa-branch.js';
import { branchKeyOf, formatXid, gidOfXid, parseXid, textOfHex, type Xid, type XidFields } from './xid.js';

export interface ResourceManagerRecord {
  name: string;
  nodeId: string;
  registeredAtMs: number;
}

export interface XaBranchRecord extends XaBranchFields {
  /** Unique per start (an xid may be reused once its branch finished). */
  branchId: string;
  xid: Xid;
  gid: string;
  writes: RowWrite[];
  prepareLsn: Lsn | null;
}

export interface XaJournal {
  resourceManagerChanged(record: ResourceManagerRecord): void;
  resourceManagerRemoved(name: string): void;
  branchChanged(record: XaBranchRecord): void;
  branchesDropped(branchIds: readonly string[]): void;
}

export interface XaStartInput {
  xid: string | XidFields;
  resourceManager: string;
  writes?: readonly RowWrite[];
  /** Rolled back if not prepared by then (default xaTimeoutMs). */
  timeoutMs?: number;
}

export interface XaManagerDeps {
  clock: VirtualClock;
  cluster: ReplicationCluster;
  stats: TransactionStatistics;
  config(): TransactionsConfig;
  participantOf(nodeId: string): Participant;
  nextBranchId(): string;
  bus?: TransactionsEventPublisher | undefined;
  journal?: XaJournal | undefined;
}

const RESOURCE_MANAGER_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,62}$/;
const MAX_TIMEOUT_MS = 86_400_000;

export class XaManager {
  private readonly managers = new Map<string, ResourceManagerRecord>();
  /** Live branches by gid. */
  private readonly branches = new Map<string, XaBranchRecord>();
  private readonly history: XaBranchRecord[] = [];
  private readonly timers = new Map<string, TimerId>();

  constructor(private readonly deps: XaManagerDeps) {}

  /**
   * Puts back what the store held after a server restart: branches that were ACTIVE or IDLE lost
   * their work (ROLLBACK_ONLY), PREPARED ones are checked against their node's two-phase state, and
   * a prepared XA transaction found there without a branch becomes one again (recovered).
   */
  restore(managers: readonly ResourceManagerRecord[], branches: readonly XaBranchRecord[]): void {
    for (const manager of managers) this.managers.set(manager.name, manager);
    const finished = branches.filter((branch) => !isLiveXaState(branch.state)).sort((a, b) => (a.finishedAtMs ?? 0) - (b.finishedAtMs ?? 0));
    this.history.push(...finished);
    for (const branch of branches) {
      if (!isLiveXaState(branch.state)) continue;
      this.branches.set(branch.gid, branch);
      if (branch.state === 'ACTIVE' || branch.state === 'IDLE') this.move(branch, 'fail', 'XA_RBROLLBACK: the server restarted and the branch\'s unprepared work was lost');
      else if (branch.state === 'PREPARED' && this.deps.cluster.storageOf(branch.nodeId).preparedTransaction(branch.gid) === undefined) {
        this.move(branch, 'rollback', 'XA_RBROLLBACK: its node no longer holds it prepared');
      }
      if (this.branches.has(branch.gid)) this.armTimeout(branch);
    }
    for (const nodeId of this.deps.cluster.nodeIds()) {
      for (const entry of this.deps.cluster.storageOf(nodeId).preparedTransactions()) {
        if (entry.xa === null || entry.status !== 'PREPARED' || this.branches.has(entry.gid)) continue;
        const xid: Xid = { formatId: entry.xa.formatId, gtridHex: entry.xa.gtridHex, bqualHex: entry.xa.bqualHex };
        const branch: XaBranchRecord = {
          branchId: this.deps.nextBranchId(),
          xid,
          gid: entry.gid,
          resourceManager: entry.xa.resourceManager,
          nodeId,
          state: 'PREPARED',
          writes: writesOfChanges(entry.changes),
          onePhase: false,
          reason: 'recovered from the node\'s prepared transactions at server start',
          timeoutMs: this.deps.config().xaTimeoutMs,
          timeoutAtMs: null,
          startedAtMs: entry.preparedAtMs,
          updatedAtMs: this.deps.clock.now(),
          preparedAtMs: entry.preparedAtMs,
          prepareLsn: entry.prepareLsn,
          finishedAtMs: null,
        };
        this.branches.set(branch.gid, branch);
        this.deps.stats.xa.recovered += 1;
        this.deps.journal?.branchChanged(branch);
      }
    }
  }

  // ================================================================ resource managers

  /** @throws DomainError UNPROCESSABLE (bad name), NOT_FOUND (unknown node), CONFLICT (name taken, limit, a standby). */
  registerResourceManager(input: { name: string; nodeId: string }): ResourceManagerView {
    const name = input?.name;
    if (typeof name !== 'string' || !RESOURCE_MANAGER_NAME.test(name)) {
      throw new DomainError('UNPROCESSABLE', 'A resource manager name is 1 to 63 letters, digits, _ . - starting with a letter.', { name });
    }
    if (this.managers.has(name)) throw new DomainError('CONFLICT', `Resource manager ${name} is already registered.`, { name, reason: 'ALREADY_REGISTERED' });
    const limit = this.deps.config().maxResourceManagers;
    if (this.managers.size >= limit) throw new DomainError('CONFLICT', `At most ${limit} resource managers may be registered (maxResourceManagers).`, { limit, reason: 'LIMIT_REACHED' });
    if (typeof input.nodeId !== 'string') throw new DomainError('UNPROCESSABLE', 'A resource manager needs the node id of its storage.', { nodeId: input.nodeId });
    if (this.deps.cluster.writeRoleOf(input.nodeId) === 'STANDBY') {
      throw new DomainError('CONFLICT', `${this.deps.cluster.whyNotWritable(input.nodeId)}.`, { nodeId: input.nodeId, reason: 'HOT_STANDBY' });
    }
    const record: ResourceManagerRecord = { name, nodeId: input.nodeId, registeredAtMs: this.deps.clock.now() };
    this.managers.set(name, record);
    this.deps.journal?.resourceManagerChanged(record);
    return this.managerView(record);
  }

  listResourceManagers(): ResourceManagerView[] {
    return [...this.managers.values()].sort((a, b) => naturalCompare(a.name, b.name)).map((record) => this.managerView(record));
  }

  /** @throws DomainError NOT_FOUND. */
  getResourceManager(name: string): ResourceManagerView {
    return this.managerView(this.manager(name));
  }

  /** @throws DomainError NOT_FOUND; CONFLICT while it has live branches. */
  removeResourceManager(name: string): ResourceManagerView {
    const record = this.manager(name);
    const live = [...this.branches.values()].filter((branch) => branch.resourceManager === name);
    if (live.length > 0) {
      throw new DomainError('CONFLICT', `Resource manager ${name} has ${live.length} live branch(es): commit or roll them back first.`, {
        name,
        liveBranches: live.length,
        xids: live.slice(0, 10).map((branch) => formatXid(branch.xid)),
        reason: 'HAS_BRANCHES',
      });
    }
    const view = this.managerView(record);
    this.managers.delete(name);
    this.deps.journal?.resourceManagerRemoved(name);
    return view;
  }

  // ================================================================ branches

  /**
   * XA START: a new ACTIVE branch doing `writes` tentatively on the resource manager's node.
   * @throws DomainError UNPROCESSABLE (bad xid, writes, timeout), NOT_FOUND (unknown resource
   *   manager, a delete of a missing row), CONFLICT (XAER_DUPID, XAER_RMFAIL, limit).
   */
  start(input: XaStartInput): XaBranchView {
    const xid = parseXid(input?.xid);
    const manager = this.manager(input.resourceManager);
    const config = this.deps.config();
    const timeoutMs = input.timeoutMs ?? config.xaTimeoutMs;
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
      throw new DomainError('UNPROCESSABLE', `timeoutMs must be a whole number between 1 and ${MAX_TIMEOUT_MS}.`, { timeoutMs });
    }
    const writes = checkWrites(input.writes ?? [], 'writes');
    const duplicate = [...this.branches.values()].find((branch) => branchKeyOf(branch.xid) === branchKeyOf(xid));
    if (duplicate !== undefined) {
      throw new DomainError('CONFLICT', `XAER_DUPID: the XID already exists (${formatXid(duplicate.xid)} is ${duplicate.state}).`, { xaError: 'XAER_DUPID', xid: formatXid(xid), state: duplicate.state, reason: 'XAER_DUPID' });
    }
    if (this.branches.size >= config.maxXaBranches) {
      throw new DomainError('CONFLICT', `At most ${config.maxXaBranches} XA branches may be live (maxXaBranches).`, { limit: config.maxXaBranches, reason: 'LIMIT_REACHED' });
    }
    this.assertResourceManagerWorks(manager.nodeId, formatXid(xid));
    if (writes.length > 0) this.deps.cluster.storageOf(manager.nodeId).planWrites(writes);
    const nowMs = this.deps.clock.now();
    const branch: XaBranchRecord = {
      branchId: this.deps.nextBranchId(),
      xid,
      gid: gidOfXid(xid),
      resourceManager: manager.name,
      nodeId: manager.nodeId,
      state: 'ACTIVE',
      writes: [...writes],
      onePhase: false,
      reason: null,
      timeoutMs,
      timeoutAtMs: nowMs + timeoutMs,
      startedAtMs: nowMs,
      updatedAtMs: nowMs,
      preparedAtMs: null,
      prepareLsn: null,
      finishedAtMs: null,
    };
    this.branches.set(branch.gid, branch);
    this.deps.stats.xa.started += 1;
    this.publish(branch, null);
    this.deps.journal?.branchChanged(branch);
    this.armTimeout(branch);
    this.deps.participantOf(branch.nodeId).execute(branch.gid, writes, { lockTimeoutMs: config.lockTimeoutMs, deadlineMs: null }, (result) => {
      if (!result.ok) this.workLost(branch.gid, result.reason);
    });
    return this.view(branch);
  }

  /** XA END. @throws NOT_FOUND (XAER_NOTA), CONFLICT (XAER_PROTO; XAER_RMFAIL while a write waits for a lock). */
  end(xidText: string | XidFields): XaBranchView {
    const branch = this.find(xidText);
    if (branch.state === 'ACTIVE') {
      const waiting = this.deps.participantOf(branch.nodeId).workOf(branch.gid)?.waiting ?? null;
      if (waiting !== null) {
        throw new DomainError('CONFLICT', `XAER_RMFAIL: a write of ${formatXid(branch.xid)} still waits for the lock on ${waiting.table}/${waiting.key} held by ${waiting.heldBy}.`, {
          xaError: 'XAER_RMFAIL',
          xid: formatXid(branch.xid),
          state: branch.state,
          waitingForLock: waiting,
          reason: 'XAER_RMFAIL',
        });
      }
    }
    this.move(branch, 'end', null);
    return this.view(branch);
  }

  /** XA PREPARE: the PREPARE record on the resource manager's node. @throws NOT_FOUND, CONFLICT (XAER_PROTO, XAER_RMFAIL). */
  prepare(xidText: string | XidFields): XaBranchView {
    const branch = this.find(xidText);
    this.check(branch, 'prepare');
    const xid = formatXid(branch.xid);
    this.assertResourceManagerWorks(branch.nodeId, xid);
    const storage = this.deps.cluster.storageOf(branch.nodeId);
    const limit = this.deps.config().maxPreparedTransactions;
    if (storage.twoPhaseCount() >= limit) {
      throw new DomainError('CONFLICT', `XAER_RMFAIL: max_prepared_transactions (${limit}) reached on ${branch.nodeId}.`, { xaError: 'XAER_RMFAIL', xid, state: branch.state, reason: 'XAER_RMFAIL' });
    }
    const result = this.deps.participantOf(branch.nodeId).prepare(branch.gid, {
      participants: [branch.nodeId],
      coordinatorNodeId: null,
      xa: { formatId: branch.xid.formatId, gtridHex: branch.xid.gtridHex, bqualHex: branch.xid.bqualHex, resourceManager: branch.resourceManager },
    });
    if (result === null) return this.view(branch);
    if (result.vote === 'NO') {
      if (this.branches.has(branch.gid)) this.move(branch, 'rollback', `XA_RBROLLBACK: ${result.reason}`);
      return this.view(branch);
    }
    branch.preparedAtMs = result.record?.atMs ?? this.deps.clock.now();
    branch.prepareLsn = result.record?.lsn ?? storage.preparedTransaction(branch.gid)?.prepareLsn ?? null;
    branch.timeoutAtMs = null;
    this.cancelTimeout(branch);
    this.deps.stats.xa.prepared += 1;
    this.move(branch, 'prepare', null);
    return this.view(branch);
  }

  /** XA COMMIT [ONE PHASE]. @throws NOT_FOUND, CONFLICT (XAER_PROTO, XAER_RMFAIL). */
  commit(xidText: string | XidFields, options: { onePhase?: boolean } = {}): XaBranchView {
    const branch = this.find(xidText);
    const onePhase = options.onePhase === true;
    this.check(branch, onePhase ? 'commitOnePhase' : 'commit');
    const xid = formatXid(branch.xid);
    this.assertResourceManagerWorks(branch.nodeId, xid);
    const participant = this.deps.participantOf(branch.nodeId);
    if (onePhase) {
      const result = participant.commitOnePhase(branch.gid);
      if (result === null) return this.view(branch);
      if (!result.committed) {
        if (this.branches.has(branch.gid)) this.move(branch, 'rollback', `XA_RBROLLBACK: ${result.reason}`);
        return this.view(branch);
      }
      branch.onePhase = true;
      this.deps.stats.xa.committedOnePhase += 1;
      this.move(branch, 'commitOnePhase', null);
      return this.view(branch);
    }
    const finished = participant.finishPrepared(branch.gid, 'COMMIT');
    if (finished === null) return this.view(branch);
    if (finished !== 'applied') {
      throw new DomainError('CONFLICT', `XAER_RMFAIL: ${branch.nodeId} could not commit ${xid} (${finished}).`, { xaError: 'XAER_RMFAIL', xid, state: branch.state, reason: 'XAER_RMFAIL' });
    }
    this.move(branch, 'commit', null);
    return this.view(branch);
  }

  /** XA ROLLBACK. @throws NOT_FOUND, CONFLICT (XAER_PROTO; XAER_RMFAIL for a PREPARED branch whose node cannot write). */
  rollback(xidText: string | XidFields): XaBranchView {
    const branch = this.find(xidText);
    this.check(branch, 'rollback');
    if (branch.state === 'PREPARED') {
      const xid = formatXid(branch.xid);
      this.assertResourceManagerWorks(branch.nodeId, xid);
      const finished = this.deps.participantOf(branch.nodeId).finishPrepared(branch.gid, 'ROLLBACK');
      if (finished === null) return this.view(branch);
      if (finished !== 'applied') {
        throw new DomainError('CONFLICT', `XAER_RMFAIL: ${branch.nodeId} could not roll back ${xid} (${finished}).`, { xaError: 'XAER_RMFAIL', xid, state: branch.state, reason: 'XAER_RMFAIL' });
      }
      this.move(branch, 'rollback', null);
      return this.view(branch);
    }
    this.move(branch, 'rollback', null);
    this.deps.participantOf(branch.nodeId).discard(branch.gid, `${formatXid(branch.xid)} was rolled back`);
    return this.view(branch);
  }

  /** @throws DomainError NOT_FOUND (XAER_NOTA). */
  status(xidText: string | XidFields): XaBranchView {
    return this.view(this.find(xidText));
  }

  /** Live branches, then the finished ones kept in the history (newest first). */
  list(): XaBranchView[] {
    const live = [...this.branches.values()].sort((a, b) => a.startedAtMs - b.startedAtMs || naturalCompare(a.branchId, b.branchId));
    return [...live, ...[...this.history].reverse()].map((branch) => this.view(branch));
  }

  /** XA RECOVER: PREPARED branches, oldest first. */
  recover(): XaBranchView[] {
    return [...this.branches.values()]
      .filter((branch) => branch.state === 'PREPARED')
      .sort((a, b) => (a.preparedAtMs ?? 0) - (b.preparedAtMs ?? 0))
      .map((branch) => this.view(branch));
  }

  statistics(): XaStatisticsView {
    const branchesByState = Object.fromEntries(XA_BRANCH_STATES.map((state) => [state, 0])) as Record<XaBranchState, number>;
    for (const branch of [...this.branches.values(), ...this.history]) branchesByState[branch.state] += 1;
    return { counters: { ...this.deps.stats.xa }, branchesByState, resourceManagers: this.managers.size };
  }

  liveCount(): number {
    return this.branches.size;
  }

  /** The node of a resource manager crashed: ACTIVE and IDLE branches on it lost their work. */
  nodeCrashed(nodeId: string): void {
    for (const branch of [...this.branches.values()]) {
      if (branch.nodeId === nodeId && (branch.state === 'ACTIVE' || branch.state === 'IDLE')) {
        this.move(branch, 'fail', `XA_RBROLLBACK: the node ${nodeId} of resource manager ${branch.resourceManager} crashed and the unprepared work was lost`);
      }
    }
  }

  /** The participant dropped a branch's work (a lock timeout, a refused write). */
  workLost(gid: string, reason: string): void {
    const branch = this.branches.get(gid);
    if (branch === undefined || (branch.state !== 'ACTIVE' && branch.state !== 'IDLE')) return;
    this.move(branch, 'fail', `XA_RBROLLBACK: ${reason}`);
  }

  close(): void {
    for (const timer of this.timers.values()) this.deps.clock.cancel(timer);
    this.timers.clear();
  }

  // ================================================================ internals

  private check(branch: XaBranchRecord, event: XaEvent): void {
    if (xaTransitionOf(branch.state, event) === null) nextXaState(branch.state, event, formatXid(branch.xid));
  }

  /** The one place a branch's state changes. */
  private move(branch: XaBranchRecord, event: XaEvent, reason: string | null): void {
    const from = branch.state;
    branch.state = nextXaState(from, event, formatXid(branch.xid));
    const nowMs = this.deps.clock.now();
    branch.updatedAtMs = nowMs;
    if (reason !== null) branch.reason = reason;
    if (!isLiveXaState(branch.state)) {
      branch.finishedAtMs = nowMs;
      branch.timeoutAtMs = null;
      this.cancelTimeout(branch);
      if (branch.state === 'COMMITTED') this.deps.stats.xa.committed += 1;
      else this.deps.stats.xa.rolledBack += 1;
      this.branches.delete(branch.gid);
      this.history.push(branch);
      const dropped: string[] = [];
      while (this.history.length > this.deps.config().historySize) dropped.push((this.history.shift() as XaBranchRecord).branchId);
      if (dropped.length > 0) this.deps.journal?.branchesDropped(dropped);
    }
    this.deps.journal?.branchChanged(branch);
    this.publish(branch, from);
  }

  private armTimeout(branch: XaBranchRecord): void {
    if (branch.timeoutAtMs === null || branch.state === 'PREPARED') return;
    const timer = this.deps.clock.schedule(Math.max(branch.timeoutAtMs, this.deps.clock.now()), () => {
      this.timers.delete(branch.gid);
      if (this.branches.get(branch.gid) !== branch || xaTransitionOf(branch.state, 'timeout') === null) return;
      this.deps.stats.xa.timedOut += 1;
      this.move(branch, 'timeout', `XA_RBTIMEOUT: not prepared within ${branch.timeoutMs} ms`);
      this.deps.participantOf(branch.nodeId).discard(branch.gid, `${formatXid(branch.xid)} timed out`);
    });
    this.timers.set(branch.gid, timer);
  }

  private cancelTimeout(branch: XaBranchRecord): void {
    const timer = this.timers.get(branch.gid);
    if (timer !== undefined) this.deps.clock.cancel(timer);
    this.timers.delete(branch.gid);
  }

  private assertResourceManagerWorks(nodeId: string, xid: string): void {
    const problem = this.deps.cluster.whyNotWritable(nodeId);
    if (problem !== null) throw new DomainError('CONFLICT', `XAER_RMFAIL: the resource manager cannot act now: ${problem}.`, { xaError: 'XAER_RMFAIL', xid, nodeId, reason: 'XAER_RMFAIL' });
  }

  /** The live branch of an xid, else its latest finished one. @throws DomainError NOT_FOUND (XAER_NOTA). */
  private find(input: string | XidFields): XaBranchRecord {
    const xid = parseXid(input);
    const gid = gidOfXid(xid);
    const branch = this.branches.get(gid) ?? [...this.history].reverse().find((candidate) => candidate.gid === gid);
    if (branch === undefined) throw new DomainError('NOT_FOUND', `XAER_NOTA: unknown XID ${formatXid(xid)}.`, { xaError: 'XAER_NOTA', xid: formatXid(xid), reason: 'XAER_NOTA' });
    return branch;
  }

  private manager(name: string): ResourceManagerRecord {
    const record = this.managers.get(name);
    if (record === undefined) throw new DomainError('NOT_FOUND', `No resource manager ${String(name)} is registered.`, { resourceManager: name });
    return record;
  }

  private managerView(record: ResourceManagerRecord): ResourceManagerView {
    const live = [...this.branches.values()].filter((branch) => branch.resourceManager === record.name);
    return { name: record.name, nodeId: record.nodeId, registeredAtMs: record.registeredAtMs, branches: live.length, prepared: live.filter((branch) => branch.state === 'PREPARED').length };
  }

  private view(branch: XaBranchRecord): XaBranchView {
    const live = this.branches.get(branch.gid) === branch;
    const { branchId: _branchId, xid, gid, writes, prepareLsn, ...fields } = branch;
    return {
      ...fields,
      xid: formatXid(xid),
      formatId: xid.formatId,
      gtrid: textOfHex(xid.gtridHex),
      gtridHex: xid.gtridHex,
      bqual: textOfHex(xid.bqualHex),
      bqualHex: xid.bqualHex,
      writes: writes.length,
      locksHeld: live ? this.deps.cluster.storageOf(branch.nodeId).locksOf(gid).length : 0,
      waitingForLock: live ? (this.deps.participantOf(branch.nodeId).workOf(gid)?.waiting ?? null) : null,
      prepareLsn: prepareLsn === null ? null : formatLsn(prepareLsn),
    };
  }

  private publish(branch: XaBranchRecord, from: XaBranchState | null): void {
    this.deps.bus?.publish('xa_branch_state_changed', 'transactions', {
      xid: formatXid(branch.xid),
      from,
      to: branch.state,
      state: branch.state,
      resourceManager: branch.resourceManager,
      nodeId: branch.nodeId,
      nodeIds: [branch.nodeId],
      reason: branch.reason,
    });
  }
}
