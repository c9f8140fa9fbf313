/**
 * Multi-master groups over the nodes' storage (README): sites that all take writes, versions
 * with vector clocks kept with the rows, shipping of each site's own changes to every other site
 * over a simulated network (geo's WAN links), conflicts by clock comparison, quorum writes and
 * reads with real acknowledgements, convergence measured by data hashes, and anti-entropy.
 */
import type { ReplicationCluster, WriteRole } from '../replication/replication-cluster.js';
import type { Lsn } from '../replication/lsn.js';
import type { FieldValue, RowValue, RowWrite, WalRecord } from '../replication/wal-record.js';
import { DomainError } from '../runtime/domain-error.js';
import type { SimNetwork, SimulationRuntime, TimerId } from '../runtime/index.js';
import { emptyHash, hexOf, keyToken, versionHash, xorInto, type DataHash } from './data-hash.js';
import { GroupCatalog, type CatalogState, type Group, type GroupSettings, type Site } from './group-catalog.js';
import { compareMerkle, type MerkleEntry } from './merkle.js';
import { DEFAULT_MULTI_MASTER_CONFIG, type MultiMasterConfig } from './mm-config.js';
import { combine, compareClocks, versionOfWrite, type ConflictStrategy, type ResolutionPolicy, type RowVersion, type Sibling, type VectorClock } from './row-version.js';
import { mergeClocks } from '../conflicts/vector-clock.js';

export const VERSIONS_TABLE = '_mm_versions';
export const ORIGINS_TABLE = '_mm_origins';

/** What the engine needs of geo (seam 1): datacenters of nodes, and WAN links on a network. */
export interface WanPort {
  datacenterOf(nodeId: string): string | null;
  /** Makes `network` honour the WAN links between the nodes of different datacenters; returns the detach. */
  attach(network: SimNetwork<unknown>): () => void;
  /** Whether the WAN link between the datacenters of two nodes is partitioned now. */
  partitioned(nodeA: string, nodeB: string): boolean;
}

/** Nodes in no datacenter, no WAN: the runtime's faults alone shape the network. */
export const NO_WAN: WanPort = { datacenterOf: () => null, attach: () => () => {}, partitioned: () => false };

export interface ConflictVersion {
  readonly siteId: string;
  readonly row: RowValue | null;
  readonly clock: VectorClock;
  readonly dot: string;
  readonly atMs: number;
}

/** A conflict as this engine detects it, for the conflicts engine's book (seam 2). */
export interface MultiMasterConflict {
  readonly conflictId: string;
  readonly groupId: string;
  readonly table: string;
  readonly key: string;
  /** The local version, then the incoming one, as the detecting site saw them. */
  readonly versions: readonly [ConflictVersion, ConflictVersion];
  readonly detectedAtMs: number;
  readonly detectedBySiteId: string;
  readonly strategy: ConflictStrategy;
  /** The dot of the version in place after resolution (MULTI_VALUE: the one shown). */
  readonly winnerDot: string;
  readonly winnerSiteId: string;
  readonly reason: string;
  /** CUSTOM conflicts stay OPEN until a value is given. */
  readonly status: 'OPEN' | 'RESOLVED';
  /** MULTI_VALUE: the siblings kept. */
  readonly siblings: readonly Sibling[];
  readonly resolvedRow: RowValue | null;
}

/** Where conflicts go: the conflicts engine's book. The engine records each conflict once. */
export interface ConflictPort {
  record(conflict: MultiMasterConflict): void;
}

export interface ConvergenceReport {
  readonly groupId: string;
  readonly converged: boolean;
  /** Sites grouped by equal data hash, the largest group first. */
  readonly agreement: readonly { readonly dataHash: string; readonly siteIds: readonly string[] }[];
  readonly divergedSinceMs: number | null;
  readonly lastDivergenceAtMs: number | null;
  readonly lastConvergedAtMs: number | null;
  /** How long the last divergence lasted, cluster ms. */
  readonly lastConvergenceMs: number | null;
  /** Convergence durations kept (bounded by maxConvergenceSamples), oldest first. */
  readonly samplesMs: readonly number[];
}

export interface MultiMasterListener {
  convergenceChanged?(report: ConvergenceReport): void;
}

export interface MultiMasterDeps {
  replication: ReplicationCluster;
  runtime: SimulationRuntime;
  wan?: WanPort;
  conflicts: ConflictPort;
  /** Persists the catalog (the module writes the store record). */
  changed: () => void;
  listener?: MultiMasterListener;
  config?: Partial<MultiMasterConfig>;
}

export interface SiteInput {
  nodeId: string;
  siteId?: string;
  priority?: number;
}

export interface CreateGroupInput extends GroupSettings {
  groupId?: string;
  sites?: SiteInput[];
}

export interface GroupCounters {
  writesCommitted: number;
  writesFailed: number;
  rowsWritten: number;
  readsServed: number;
  readsFailed: number;
  readRepairs: number;
  changesShipped: number;
  bytesShipped: number;
  changesApplied: number;
  duplicatesSkipped: number;
  conflictsDetected: number;
  antiEntropyRuns: number;
  keysRepaired: number;
}

export type WriteState = 'PENDING' | 'COMMITTED' | 'FAILED';

export interface WriteOutcome {
  readonly writeId: string;
  readonly groupId: string;
  readonly siteId: string;
  readonly state: WriteState;
  readonly acknowledgedBy: readonly string[];
  readonly writeQuorum: number;
  readonly versions: readonly { table: string; key: string; clock: VectorClock; dot: string }[];
  readonly reason: string | null;
  readonly startedAtMs: number;
  readonly settledAtMs: number | null;
}

export interface ReadOutcome {
  readonly readId: string;
  readonly groupId: string;
  readonly siteId: string;
  readonly state: WriteState;
  readonly answeredBy: readonly string[];
  readonly readQuorum: number;
  readonly rows: readonly { table: string; key: string; row: RowValue | null; clock: VectorClock; dot: string; siblings: readonly Sibling[] }[];
  readonly repairedSiteIds: readonly string[];
  readonly reason: string | null;
}

export interface Pending<T> {
  readonly id: string;
  outcome(): T;
  readonly settled: Promise<T>;
}

export interface AntiEntropyReport {
  readonly groupId: string;
  readonly pairs: readonly { siteA: string; siteB: string; rangesCompared: number; rangesDescended: number; keysRepaired: number }[];
  readonly skippedSiteIds: readonly string[];
}

export interface SiteView extends Site {
  readonly groupId: string;
  readonly running: boolean;
  readonly writeRole: WriteRole;
  readonly dataHash: string;
  readonly rowCount: number;
  /** Per peer: this site's own changes not yet acknowledged by the peer, in WAL bytes. */
  readonly peers: readonly { siteId: string; ackedLsn: number; pendingBytes: number; reachable: boolean; changesShipped: number; bytesShipped: number }[];
}

export interface QuorumStatus {
  readonly groupId: string;
  readonly writeQuorum: number;
  readonly readQuorum: number;
  readonly sites: readonly { siteId: string; nodeId: string; datacenterId: string | null; running: boolean; counts: boolean }[];
  /** The largest set of running sites that can all reach each other. */
  readonly reachableSites: number;
  readonly writeQuorumReachable: boolean;
  readonly readQuorumReachable: boolean;
}

type ShippedChange = { readonly table: string; readonly key: string; readonly version: RowVersion };
type ShippedRecord = { readonly lsn: Lsn; readonly changes: readonly ShippedChange[] };

type Message =
  | { type: 'CHANGES'; originSiteId: string; throughLsn: Lsn; records: ShippedRecord[] }
  | { type: 'ACK'; originSiteId: string; progressLsn: Lsn }
  | { type: 'PREPARE'; writeId: string }
  | { type: 'PREPARED'; writeId: string }
  | { type: 'COMMIT'; writeId: string; changes: ShippedChange[] }
  | { type: 'ABORT'; writeId: string }
  | { type: 'READ'; readId: string; ids: string[] }
  | { type: 'READ_REPLY'; readId: string; versions: { id: string; version: RowVersion | null }[] }
  | { type: 'REPAIR'; changes: ShippedChange[] };

interface PeerState {
  ackedLsn: Lsn;
  sentThroughLsn: Lsn;
  lastSentAtMs: number;
  changesShipped: number;
  bytesShipped: number;
}

interface SiteState {
  readonly hash: DataHash;
  /** id (table/key) → its version's hash and token, for the data hash and anti-entropy. */
  readonly entries: Map<string, { token: number; hash: DataHash }>;
  readonly peers: Map<string, PeerState>;
  /** origin site → progress on its WAL not yet persisted (all skipped). */
  readonly progress: Map<string, Lsn>;
  /** Writes this site promised to take (PREPARED), until their COMMIT, ABORT or timeout. */
  readonly prepared: Map<string, TimerId>;
}

interface GroupState {
  readonly network: SimNetwork<Message>;
  readonly detachWan: () => void;
  readonly sites: Map<string, SiteState>;
  readonly counters: GroupCounters;
  divergedSinceMs: number | null;
  lastDivergenceAtMs: number | null;
  lastConvergedAtMs: number | null;
  lastConvergenceMs: number | null;
  readonly samplesMs: number[];
  converged: boolean;
}

interface PendingWrite {
  readonly groupId: string;
  readonly siteId: string;
  readonly writes: readonly RowWrite[];
  readonly acks: Set<string>;
  readonly timer: TimerId;
  outcome: WriteOutcome;
  resolve(outcome: WriteOutcome): void;
}

interface PendingRead {
  readonly groupId: string;
  readonly siteId: string;
  readonly ids: readonly string[];
  readonly answers: Map<string, Map<string, RowVersion | null>>;
  readonly timer: TimerId;
  outcome: ReadOutcome;
  resolve(outcome: ReadOutcome): void;
}

const idOf = (table: string, key: string) => `${table}/${key}`;

function splitId(id: string): { table: string; key: string } {
  const at = id.indexOf('/');
  return { table: id.slice(0, at), key: id.slice(at + 1) };
}

export class MultiMasterEngine {
  readonly config: MultiMasterConfig;
  private readonly catalog: GroupCatalog;
  private readonly states = new Map<string, GroupState>();
  private readonly writes = new Map<string, PendingWrite>();
  private readonly reads = new Map<string, PendingRead>();
  private nextOperation = 1;
  /** Conflicts recorded already (the sites that meet one conflict each detect it), oldest first, bounded. */
  private readonly recordedConflicts: Set<string>;
  private readonly shipTimer: TimerId;
  private readonly wan: WanPort;

  constructor(private readonly deps: MultiMasterDeps, restored?: CatalogState) {
    this.config = { ...DEFAULT_MULTI_MASTER_CONFIG, ...deps.config };
    this.wan = deps.wan ?? NO_WAN;
    this.catalog = new GroupCatalog(this.config, restored);
    this.recordedConflicts = new Set(restored?.recordedConflicts ?? []);
    for (const group of this.catalog.list()) this.open(group);
    this.shipTimer = deps.runtime.clock.every(this.config.shipIntervalMs, () => this.shipAll());
  }

  close(): void {
    this.deps.runtime.clock.cancel(this.shipTimer);
    for (const groupId of [...this.states.keys()]) this.shut(groupId);
  }

  // ================================================================ catalog

  /** What the store keeps: the catalog. */
  snapshot(): CatalogState {
    return { ...this.catalog.snapshot(), recordedConflicts: [...this.recordedConflicts] };
  }

  groups(): Group[] {
    return this.catalog.list();
  }

  group(groupId: string): Group {
    return this.catalog.get(groupId);
  }

  /** The group using a datacenter, if any (geo refuses to delete a datacenter a group uses). */
  groupsUsingDatacenter(datacenterId: string): string[] {
    return this.groups().filter((group) => group.sites.some((site) => site.datacenterId === datacenterId)).map((group) => group.groupId);
  }

  createGroup(input: CreateGroupInput): Group {
    const now = this.now();
    const sites = this.checkedSites(input.sites ?? [], []);
    const group = this.catalog.create(input, sites, now);
    this.open(group);
    this.deps.changed();
    return group;
  }

  updateGroup(groupId: string, settings: GroupSettings): Group {
    const group = this.catalog.update(groupId, settings, this.now());
    this.deps.changed();
    return group;
  }

  deleteGroup(groupId: string): Group {
    const group = this.catalog.delete(groupId);
    this.shut(groupId);
    this.deps.changed();
    return group;
  }

  /** A new site; it gets the group's data by anti-entropy from the running sites. */
  addSite(groupId: string, input: SiteInput): Group {
    const existing = this.catalog.get(groupId);
    const [site] = this.checkedSites([input], existing.sites);
    const group = this.catalog.addSite(groupId, site!, this.now());
    const state = this.stateOf(groupId);
    this.attachSite(group, state, site!);
    for (const other of group.sites) {
      if (other.siteId === site!.siteId) continue;
      state.sites.get(other.siteId)?.peers.set(site!.siteId, this.freshPeer(other));
    }
    this.deps.changed();
    if (group.sites.length > 1) this.antiEntropy(groupId, [site!.siteId]);
    return group;
  }

  removeSite(groupId: string, siteId: string): Group {
    const before = this.catalog.get(groupId).sites.find((site) => site.siteId === siteId);
    const group = this.catalog.removeSite(groupId, siteId, this.now());
    const state = this.stateOf(groupId);
    state.sites.delete(siteId);
    for (const other of state.sites.values()) other.peers.delete(siteId);
    if (before !== undefined && !group.sites.some((site) => site.nodeId === before.nodeId)) state.network.detach(before.nodeId);
    this.deps.changed();
    this.evaluate(group);
    return group;
  }

  private checkedSites(inputs: readonly SiteInput[], existing: readonly Site[]): Site[] {
    const sites: Site[] = [];
    for (const input of inputs) {
      const nodeId = input.nodeId;
      if (!this.deps.replication.nodeIds().includes(nodeId)) throw new DomainError('NOT_FOUND', `Node ${nodeId} does not exist.`, { nodeId });
      const role = this.deps.replication.writeRoleOf(nodeId);
      if (role === 'STANDBY') {
        throw new DomainError('CONFLICT', `Node ${nodeId} is a STANDBY of ${this.deps.replication.primary()}: a multi-master site must be a writable node (PRIMARY or STANDALONE). Remove it from the replicas first.`, { nodeId, role });
      }
      const siteId = input.siteId ?? nodeId;
      if ([...existing, ...sites].some((site) => site.siteId === siteId || site.nodeId === nodeId)) throw new DomainError('CONFLICT', `Site ${siteId} (node ${nodeId}) is named twice in the group.`, { siteId, nodeId });
      if (input.priority !== undefined && (!Number.isInteger(input.priority) || input.priority < 0)) throw new DomainError('UNPROCESSABLE', 'A site priority is an integer from 0 (first).', { priority: input.priority });
      sites.push({
        siteId,
        nodeId,
        datacenterId: this.wan.datacenterOf(nodeId),
        priority: input.priority ?? existing.length + sites.length + 1,
        addedAtMs: this.now(),
        joinedAtLsn: this.deps.replication.storageOf(nodeId).positions().writeLsn,
      });
    }
    return sites;
  }

  // ================================================================ runtime state of a group

  private open(group: Group): void {
    const network = this.deps.runtime.network<Message>(`multi-master:${group.groupId}`);
    const state: GroupState = {
      network,
      detachWan: this.wan.attach(network as SimNetwork<unknown>),
      sites: new Map(),
      counters: { writesCommitted: 0, writesFailed: 0, rowsWritten: 0, readsServed: 0, readsFailed: 0, readRepairs: 0, changesShipped: 0, bytesShipped: 0, changesApplied: 0, duplicatesSkipped: 0, conflictsDetected: 0, antiEntropyRuns: 0, keysRepaired: 0 },
      divergedSinceMs: null,
      lastDivergenceAtMs: null,
      lastConvergedAtMs: null,
      lastConvergenceMs: null,
      samplesMs: [],
      converged: true,
    };
    this.states.set(group.groupId, state);
    for (const site of group.sites) this.attachSite(group, state, site);
    for (const site of group.sites) {
      const siteState = state.sites.get(site.siteId)!;
      for (const peer of group.sites) if (peer.siteId !== site.siteId) siteState.peers.set(peer.siteId, this.freshPeer(site));
    }
    state.converged = this.agreementOf(group).length <= 1;
  }

  private freshPeer(sender: Site): PeerState {
    return { ackedLsn: sender.joinedAtLsn, sentThroughLsn: sender.joinedAtLsn, lastSentAtMs: Number.NEGATIVE_INFINITY, changesShipped: 0, bytesShipped: 0 };
  }

  /** Rebuilds a site's hash from the versions its node holds, and connects its inbox. */
  private attachSite(group: Group, state: GroupState, site: Site): void {
    const siteState: SiteState = { hash: emptyHash(), entries: new Map(), peers: new Map(), progress: new Map(), prepared: new Map() };
    const prefix = `${group.groupId}/`;
    for (const stored of this.deps.replication.storageOf(site.nodeId).tableImage(VERSIONS_TABLE)) {
      if (!stored.key.startsWith(prefix)) continue;
      const id = stored.key.slice(prefix.length);
      const { table, key } = splitId(id);
      const hash = versionHash(table, key, versionOfStored(stored.row));
      siteState.entries.set(id, { token: keyToken(table, key), hash });
      xorInto(siteState.hash, hash);
    }
    state.sites.set(site.siteId, siteState);
    state.network.attach(site.nodeId, (from, message) => {
      try {
        this.receive(group.groupId, site.siteId, from, message);
      } catch (error) {
        // A node that cannot take the write now (it crashed, or became a standby): the message is
        // lost as on a real network, and the sender's retransmission brings it again.
        if (!(error instanceof DomainError)) throw error;
      }
    });
  }

  private shut(groupId: string): void {
    const state = this.states.get(groupId);
    if (state === undefined) return;
    for (const site of state.sites.values()) for (const timer of site.prepared.values()) this.deps.runtime.clock.cancel(timer);
    state.detachWan();
    this.states.delete(groupId);
  }

  private stateOf(groupId: string): GroupState {
    const state = this.states.get(groupId);
    if (state === undefined) throw new DomainError('NOT_FOUND', `Multi-master group ${groupId} does not exist.`, { groupId });
    return state;
  }

  private siteOf(group: Group, siteId: string): Site {
    const site = group.sites.find((candidate) => candidate.siteId === siteId);
    if (site === undefined) throw new DomainError('NOT_FOUND', `Group ${group.groupId} has no site ${siteId}.`, { groupId: group.groupId, siteId });
    return site;
  }

  private siteOfNode(group: Group, nodeId: string): Site | undefined {
    return group.sites.find((site) => site.nodeId === nodeId);
  }

  private policyOf(group: Group): ResolutionPolicy {
    return {
      strategy: group.conflictStrategy,
      sitePriority: [...group.sites].sort((a, b) => a.priority - b.priority || (a.siteId < b.siteId ? -1 : 1)).map((site) => site.siteId),
      columnCrdts: group.columnCrdts,
    };
  }

  private runs(site: Site): boolean {
    return this.deps.replication.isRunning(site.nodeId) && !this.deps.runtime.faults.isCrashed(site.nodeId);
  }

  private reachable(a: Site, b: Site): boolean {
    return this.deps.runtime.faults.canReach(a.nodeId, b.nodeId) && !this.wan.partitioned(a.nodeId, b.nodeId);
  }

  private now(): number {
    return this.deps.runtime.clock.now();
  }

  // ================================================================ versions in node storage

  /** A site's version of a row, as its node holds it. */
  versionAt(groupId: string, siteId: string, table: string, key: string): RowVersion | undefined {
    const group = this.catalog.get(groupId);
    const site = this.siteOf(group, siteId);
    const stored = this.deps.replication.storageOf(site.nodeId).getRow(VERSIONS_TABLE, `${groupId}/${table}/${key}`);
    return stored === undefined ? undefined : versionOfStored(stored.row);
  }

  /** Writes versions at a site in one transaction: rows, versions and (for applied changes) the origin's progress. */
  private store(group: Group, site: Site, versions: ReadonlyMap<string, RowVersion>, appliedFrom: string | null, progress?: { originSiteId: string; lsn: Lsn }): WalRecord | null {
    const storage = this.deps.replication.storageOf(site.nodeId);
    const writes: RowWrite[] = [];
    for (const [id, version] of versions) {
      const { table, key } = splitId(id);
      if (version.row !== null) writes.push({ op: 'put', table, key, row: version.row });
      else if (storage.getRow(table, key) !== undefined) writes.push({ op: 'delete', table, key });
      writes.push({ op: 'put', table: VERSIONS_TABLE, key: `${group.groupId}/${id}`, row: { version: version as unknown as FieldValue, appliedFrom } });
    }
    if (progress !== undefined) writes.push({ op: 'put', table: ORIGINS_TABLE, key: `${group.groupId}/${site.siteId}/${progress.originSiteId}`, row: { progressLsn: progress.lsn } });
    if (writes.length === 0) return null;
    const record = this.deps.replication.commitOn(site.nodeId, writes);
    const siteState = this.stateOf(group.groupId).sites.get(site.siteId)!;
    for (const [id, version] of versions) {
      const { table, key } = splitId(id);
      const old = siteState.entries.get(id);
      if (old !== undefined) xorInto(siteState.hash, old.hash);
      const hash = versionHash(table, key, version);
      xorInto(siteState.hash, hash);
      siteState.entries.set(id, { token: keyToken(table, key), hash });
    }
    return record;
  }

  private progressOf(group: Group, site: Site, originSiteId: string): Lsn {
    const volatile = this.stateOf(group.groupId).sites.get(site.siteId)?.progress.get(originSiteId);
    const stored = this.deps.replication.storageOf(site.nodeId).getRow(ORIGINS_TABLE, `${group.groupId}/${site.siteId}/${originSiteId}`);
    const persisted = stored === undefined ? 0 : (stored.row.progressLsn as number);
    return Math.max(volatile ?? 0, persisted);
  }

  /**
   * Applies versions that came from another site (stream, commit, repair, anti-entropy): each
   * compared with the local one by clock; concurrent ones resolved and recorded as conflicts.
   * @returns how many changed the site's data.
   */
  private applyIncoming(group: Group, site: Site, fromSiteId: string, changes: readonly ShippedChange[], progress?: { originSiteId: string; lsn: Lsn }): number {
    const state = this.stateOf(group.groupId);
    const policy = this.policyOf(group);
    const finals = new Map<string, RowVersion>();
    for (const change of changes) {
      if (!group.tables.includes(change.table)) continue;
      const id = idOf(change.table, change.key);
      const local = finals.get(id) ?? this.versionAt(group.groupId, site.siteId, change.table, change.key);
      if (local === undefined) {
        finals.set(id, change.version);
        continue;
      }
      const combined = combine(local, change.version, policy);
      if (combined.order === 'CONCURRENT') this.recordConflict(group, site, change, local, change.version, combined.stored, combined.reason);
      if (combined.stored === local) state.counters.duplicatesSkipped += 1;
      else finals.set(id, combined.stored);
    }
    const siteState = state.sites.get(site.siteId)!;
    if (finals.size === 0) {
      if (progress !== undefined) siteState.progress.set(progress.originSiteId, Math.max(siteState.progress.get(progress.originSiteId) ?? 0, progress.lsn));
      return 0;
    }
    this.store(group, site, finals, fromSiteId, progress);
    if (progress !== undefined) siteState.progress.delete(progress.originSiteId);
    state.counters.changesApplied += finals.size;
    this.evaluate(group);
    return finals.size;
  }

  private recordConflict(group: Group, site: Site, change: ShippedChange, local: RowVersion, incoming: RowVersion, stored: RowVersion, reason: string): void {
    // One id for the pair of writes, whichever site meets them and in whichever order.
    const dots = [local.dot, incoming.dot].sort();
    const conflictId = `${group.groupId}/${change.table}/${change.key}/${dots.join('|')}`;
    const side = (version: RowVersion): ConflictVersion => ({ siteId: version.originSiteId, row: version.row, clock: version.clock, dot: version.dot, atMs: version.atMs });
    const conflict: MultiMasterConflict = {
      conflictId,
      groupId: group.groupId,
      table: change.table,
      key: change.key,
      versions: [side(local), side(incoming)],
      detectedAtMs: this.now(),
      detectedBySiteId: site.siteId,
      strategy: group.conflictStrategy,
      winnerDot: stored.dot,
      winnerSiteId: stored.originSiteId,
      reason,
      status: group.conflictStrategy === 'CUSTOM' ? 'OPEN' : 'RESOLVED',
      siblings: stored.siblings,
      resolvedRow: stored.row,
    };
    this.stateOf(group.groupId).counters.conflictsDetected += 1;
    if (this.recordedConflicts.has(conflictId)) return;
    this.recordedConflicts.add(conflictId);
    if (this.recordedConflicts.size > this.config.maxRecordedConflictIds) this.recordedConflicts.delete(this.recordedConflicts.values().next().value!);
    this.deps.conflicts.record(conflict);
    this.deps.changed();
  }

  // ================================================================ writes

  /**
   * A write at a site, acknowledged by `writeQuorum` sites (README, "Quorum"). With a quorum of 1
   * it commits at once; otherwise the outcome settles on the cluster clock.
   * @throws DomainError NOT_FOUND (group, site), CONFLICT (the site's node cannot write),
   *   UNPROCESSABLE (a table outside the group, a key twice, too many writes).
   */
  write(groupId: string, siteId: string, writes: readonly RowWrite[]): Pending<WriteOutcome> {
    const group = this.catalog.get(groupId);
    const site = this.siteOf(group, siteId);
    this.checkWrites(group, writes);
    const problem = this.deps.replication.whyNotWritable(site.nodeId);
    if (problem !== null) throw new DomainError('CONFLICT', `Site ${siteId} cannot take writes: ${problem}.`, { siteId, nodeId: site.nodeId, role: this.deps.replication.writeRoleOf(site.nodeId) });
    const writeId = `mmw-${this.nextOperation++}`;
    const base: WriteOutcome = { writeId, groupId, siteId, state: 'PENDING', acknowledgedBy: [siteId], writeQuorum: group.writeQuorum, versions: [], reason: null, startedAtMs: this.now(), settledAtMs: null };
    if (group.writeQuorum <= 1) {
      const outcome = this.commitWrite(group, site, writes, base);
      return { id: writeId, outcome: () => outcome, settled: Promise.resolve(outcome) };
    }
    if (this.writes.size + this.reads.size >= this.config.maxPendingQuorumOps) throw new DomainError('CONFLICT', `${this.config.maxPendingQuorumOps} quorum operations are waiting already (maxPendingQuorumOps).`, {});
    let resolve!: (outcome: WriteOutcome) => void;
    const settled = new Promise<WriteOutcome>((done) => (resolve = done));
    const pending: PendingWrite = {
      groupId,
      siteId,
      writes: [...writes],
      acks: new Set([siteId]),
      timer: this.deps.runtime.clock.after(this.config.quorumTimeoutMs, () => this.failWrite(writeId, `only ${pending.acks.size} of the ${group.writeQuorum} sites the write quorum needs acknowledged within ${this.config.quorumTimeoutMs} ms`)),
      outcome: base,
      resolve,
    };
    this.writes.set(writeId, pending);
    const state = this.stateOf(groupId);
    for (const peer of group.sites) if (peer.siteId !== siteId) state.network.send(site.nodeId, peer.nodeId, { type: 'PREPARE', writeId });
    return { id: writeId, outcome: () => this.writes.get(writeId)?.outcome ?? pending.outcome, settled };
  }

  private checkWrites(group: Group, writes: readonly RowWrite[]): void {
    if (writes.length === 0) throw new DomainError('UNPROCESSABLE', 'A write names at least one row.', {});
    if (writes.length > this.config.maxWritesPerRequest) throw new DomainError('UNPROCESSABLE', `A write names ${this.config.maxWritesPerRequest} rows at most (maxWritesPerRequest).`, { limit: this.config.maxWritesPerRequest });
    const seen = new Set<string>();
    for (const write of writes) {
      if (!group.tables.includes(write.table)) throw new DomainError('UNPROCESSABLE', `Table ${write.table} is not one of group ${group.groupId}'s tables (${group.tables.join(', ') || 'none'}).`, { table: write.table });
      if (typeof write.key !== 'string' || write.key === '') throw new DomainError('UNPROCESSABLE', 'Each write names a key.', {});
      if (write.op === 'put' && (write.row === null || typeof write.row !== 'object' || Array.isArray(write.row))) throw new DomainError('UNPROCESSABLE', `The put of ${write.table}/${write.key} needs a row object.`, {});
      const id = idOf(write.table, write.key);
      if (seen.has(id)) throw new DomainError('UNPROCESSABLE', `Row ${id} is written twice in one request.`, { table: write.table, key: write.key });
      seen.add(id);
    }
  }

  private commitWrite(group: Group, site: Site, writes: readonly RowWrite[], base: WriteOutcome, seen?: ReadonlyMap<string, VectorClock>): WriteOutcome {
    const policy = this.policyOf(group);
    const versions = new Map<string, RowVersion>();
    for (const write of writes) {
      const id = idOf(write.table, write.key);
      let previous = this.versionAt(group.groupId, site.siteId, write.table, write.key);
      const extra = seen?.get(id);
      if (extra !== undefined) previous = previous === undefined ? { clock: extra, dot: '', originSiteId: '', atMs: 0, row: null, siblings: [], crdt: null } : { ...previous, clock: mergeClocks(previous.clock, extra) };
      versions.set(id, versionOfWrite(previous, site.siteId, write.op === 'put' ? write.row : null, this.now(), policy));
    }
    this.store(group, site, versions, null);
    const state = this.stateOf(group.groupId);
    state.counters.writesCommitted += 1;
    state.counters.rowsWritten += versions.size;
    this.evaluate(group);
    this.shipFrom(group, site);
    return {
      ...base,
      state: 'COMMITTED',
      versions: [...versions].map(([id, version]) => ({ ...splitId(id), clock: version.clock, dot: version.dot })),
      settledAtMs: this.now(),
    };
  }

  private prepared(writeId: string, from: Site): void {
    const pending = this.writes.get(writeId);
    if (pending === undefined || pending.outcome.state !== 'PENDING') return;
    pending.acks.add(from.siteId);
    const group = this.catalog.has(pending.groupId) ? this.catalog.get(pending.groupId) : undefined;
    if (group === undefined) return this.failWrite(writeId, 'the group was deleted');
    if (pending.acks.size < group.writeQuorum) return;
    this.deps.runtime.clock.cancel(pending.timer);
    const site = group.sites.find((candidate) => candidate.siteId === pending.siteId);
    const problem = site === undefined ? 'the site left the group' : this.deps.replication.whyNotWritable(site.nodeId);
    if (problem !== null || site === undefined) return this.failWrite(writeId, `the coordinating site cannot commit: ${problem}`);
    const outcome = this.commitWrite(group, site, pending.writes, { ...pending.outcome, acknowledgedBy: [...pending.acks].sort() });
    const changes = outcome.versions.map(({ table, key }) => ({ table, key, version: this.versionAt(group.groupId, site.siteId, table, key)! }));
    const state = this.stateOf(group.groupId);
    for (const peerId of pending.acks) {
      const peer = group.sites.find((candidate) => candidate.siteId === peerId);
      if (peer !== undefined && peerId !== site.siteId) state.network.send(site.nodeId, peer.nodeId, { type: 'COMMIT', writeId, changes });
    }
    this.settleWrite(pending, outcome);
  }

  private failWrite(writeId: string, reason: string): void {
    const pending = this.writes.get(writeId);
    if (pending === undefined) return;
    this.deps.runtime.clock.cancel(pending.timer);
    const group = this.catalog.has(pending.groupId) ? this.catalog.get(pending.groupId) : undefined;
    if (group !== undefined) {
      const state = this.stateOf(group.groupId);
      state.counters.writesFailed += 1;
      const site = group.sites.find((candidate) => candidate.siteId === pending.siteId);
      for (const peerId of pending.acks) {
        const peer = group.sites.find((candidate) => candidate.siteId === peerId);
        if (peer !== undefined && site !== undefined && peerId !== site.siteId) state.network.send(site.nodeId, peer.nodeId, { type: 'ABORT', writeId });
      }
    }
    this.settleWrite(pending, { ...pending.outcome, state: 'FAILED', acknowledgedBy: [...pending.acks].sort(), reason, settledAtMs: this.now() });
  }

  private settleWrite(pending: PendingWrite, outcome: WriteOutcome): void {
    pending.outcome = outcome;
    this.writes.delete(outcome.writeId);
    pending.resolve(outcome);
  }

  /**
   * Writes a conflict's chosen value at a site of the group as a new version that has seen both
   * conflicting versions, so it replaces them everywhere (the conflicts engine's applier).
   */
  applyResolution(groupId: string, table: string, key: string, row: RowValue | null, seenClocks: readonly VectorClock[]): WriteOutcome {
    const group = this.catalog.get(groupId);
    const site = group.sites.find((candidate) => this.deps.replication.whyNotWritable(candidate.nodeId) === null);
    if (site === undefined) throw new DomainError('CONFLICT', `No site of group ${groupId} can take a write now.`, { groupId });
    this.checkWrites(group, [row === null ? { op: 'delete', table, key } : { op: 'put', table, key, row }]);
    const seen = seenClocks.reduce<VectorClock>((merged, clock) => mergeClocks(merged, clock), {});
    const writeId = `mmw-${this.nextOperation++}`;
    const base: WriteOutcome = { writeId, groupId, siteId: site.siteId, state: 'PENDING', acknowledgedBy: [site.siteId], writeQuorum: 1, versions: [], reason: null, startedAtMs: this.now(), settledAtMs: null };
    return this.commitWrite(group, site, [row === null ? { op: 'delete', table, key } : { op: 'put', table, key, row }], base, new Map([[idOf(table, key), seen]]));
  }

  // ================================================================ reads

  /** A read of rows at a site, answered by `readQuorum` sites: the newest by clock, with read repair. */
  read(groupId: string, siteId: string, rows: readonly { table: string; key: string }[]): Pending<ReadOutcome> {
    const group = this.catalog.get(groupId);
    const site = this.siteOf(group, siteId);
    if (rows.length === 0 || rows.length > this.config.maxWritesPerRequest) throw new DomainError('UNPROCESSABLE', `A read names 1 to ${this.config.maxWritesPerRequest} rows.`, {});
    for (const row of rows) if (!group.tables.includes(row.table)) throw new DomainError('UNPROCESSABLE', `Table ${row.table} is not one of group ${groupId}'s tables.`, { table: row.table });
    if (!this.runs(site)) throw new DomainError('CONFLICT', `Site ${siteId} is down.`, { siteId });
    if (this.writes.size + this.reads.size >= this.config.maxPendingQuorumOps) throw new DomainError('CONFLICT', `${this.config.maxPendingQuorumOps} quorum operations are waiting already (maxPendingQuorumOps).`, {});
    const readId = `mmr-${this.nextOperation++}`;
    const ids = [...new Set(rows.map((row) => idOf(row.table, row.key)))];
    let resolve!: (outcome: ReadOutcome) => void;
    const settled = new Promise<ReadOutcome>((done) => (resolve = done));
    const pending: PendingRead = {
      groupId,
      siteId,
      ids,
      answers: new Map(),
      timer: this.deps.runtime.clock.after(this.config.quorumTimeoutMs, () => this.finishRead(readId, `only ${pending.answers.size} of the ${group.readQuorum} sites the read quorum needs answered within ${this.config.quorumTimeoutMs} ms`)),
      outcome: { readId, groupId, siteId, state: 'PENDING', answeredBy: [], readQuorum: group.readQuorum, rows: [], repairedSiteIds: [], reason: null },
      resolve,
    };
    this.reads.set(readId, pending);
    this.answerRead(readId, site, ids.map((id) => ({ id, version: this.versionAt(groupId, siteId, splitId(id).table, splitId(id).key) ?? null })));
    const state = this.stateOf(groupId);
    if (this.reads.has(readId)) for (const peer of group.sites) if (peer.siteId !== siteId) state.network.send(site.nodeId, peer.nodeId, { type: 'READ', readId, ids });
    return { id: readId, outcome: () => this.reads.get(readId)?.outcome ?? pending.outcome, settled };
  }

  private answerRead(readId: string, from: Site, versions: readonly { id: string; version: RowVersion | null }[]): void {
    const pending = this.reads.get(readId);
    if (pending === undefined) return;
    pending.answers.set(from.siteId, new Map(versions.map(({ id, version }) => [id, version])));
    const group = this.catalog.get(pending.groupId);
    if (pending.answers.size >= group.readQuorum) this.finishRead(readId, null);
  }

  private finishRead(readId: string, failure: string | null): void {
    const pending = this.reads.get(readId);
    if (pending === undefined) return;
    this.reads.delete(readId);
    this.deps.runtime.clock.cancel(pending.timer);
    const group = this.catalog.has(pending.groupId) ? this.catalog.get(pending.groupId) : undefined;
    const answeredBy = [...pending.answers.keys()].sort();
    if (failure !== null || group === undefined) {
      if (group !== undefined) this.stateOf(group.groupId).counters.readsFailed += 1;
      pending.outcome = { ...pending.outcome, state: 'FAILED', answeredBy, reason: failure ?? 'the group was deleted' };
      return pending.resolve(pending.outcome);
    }
    const policy = this.policyOf(group);
    const state = this.stateOf(group.groupId);
    const coordinator = this.siteOf(group, pending.siteId);
    const repairs = new Map<string, ShippedChange[]>();
    const rows: ReadOutcome['rows'][number][] = [];
    for (const id of pending.ids) {
      let newest: RowVersion | null = null;
      for (const answer of pending.answers.values()) {
        const version = answer.get(id) ?? null;
        if (version === null) continue;
        newest = newest === null ? version : combine(newest, version, policy).stored;
      }
      const { table, key } = splitId(id);
      if (newest === null) continue;
      rows.push({ table, key, row: newest.row, clock: newest.clock, dot: newest.dot, siblings: newest.siblings });
      for (const [answeredSite, answer] of pending.answers) {
        const theirs = answer.get(id) ?? null;
        if (theirs === null || compareClocks(theirs.clock, newest.clock) !== 'EQUAL') repairs.set(answeredSite, [...(repairs.get(answeredSite) ?? []), { table, key, version: newest }]);
      }
    }
    for (const [repairedSite, changes] of repairs) {
      const target = this.siteOf(group, repairedSite);
      state.counters.readRepairs += changes.length;
      if (repairedSite === coordinator.siteId) {
        if (this.runs(coordinator)) this.applyIncoming(group, coordinator, coordinator.siteId, changes);
      } else state.network.send(coordinator.nodeId, target.nodeId, { type: 'REPAIR', changes });
    }
    state.counters.readsServed += 1;
    pending.outcome = { ...pending.outcome, state: 'COMMITTED', answeredBy, rows, repairedSiteIds: [...repairs.keys()].sort() };
    pending.resolve(pending.outcome);
  }

  // ================================================================ shipping

  /** Ships every site's pending changes now (the timer does it every shipIntervalMs). */
  shipAll(): void {
    for (const group of this.catalog.list()) for (const site of group.sites) this.shipFrom(group, site);
  }

  /** Pushes a group's pending changes now; returns how many records were sent. */
  push(groupId: string): { recordsSent: number } {
    const group = this.catalog.get(groupId);
    const state = this.stateOf(groupId);
    const before = state.counters.changesShipped;
    for (const site of group.sites) {
      for (const peer of this.stateOf(groupId).sites.get(site.siteId)?.peers.values() ?? []) peer.lastSentAtMs = Number.NEGATIVE_INFINITY;
      this.shipFrom(group, site);
    }
    return { recordsSent: state.counters.changesShipped - before };
  }

  private shipFrom(group: Group, site: Site): void {
    if (!this.runs(site)) return;
    const siteState = this.stateOf(group.groupId).sites.get(site.siteId);
    if (siteState === undefined) return;
    for (const [peerId, peer] of siteState.peers) this.shipTo(group, site, peerId, peer);
  }

  private shipTo(group: Group, site: Site, peerId: string, peer: PeerState): void {
    const now = this.now();
    const inFlight = peer.sentThroughLsn > peer.ackedLsn;
    if (inFlight && now - peer.lastSentAtMs < this.config.retransmitMs) return;
    const target = group.sites.find((candidate) => candidate.siteId === peerId);
    if (target === undefined) return;
    const batch = this.batchFrom(group, site, peer.ackedLsn);
    if (batch === 'gone') {
      // The WAL no longer holds what the peer lacks: anti-entropy brings it over instead.
      peer.ackedLsn = this.deps.replication.storageOf(site.nodeId).positions().walStartLsn;
      peer.sentThroughLsn = peer.ackedLsn;
      if (this.runs(target) && this.reachable(site, target)) this.repairPair(group, site, target);
      return;
    }
    if (batch.records.length === 0) {
      // Nothing of the site's own in that stretch of WAL: nothing to ship, move past it.
      peer.ackedLsn = Math.max(peer.ackedLsn, batch.throughLsn);
      peer.sentThroughLsn = Math.max(peer.sentThroughLsn, peer.ackedLsn);
      return;
    }
    const message: Message = { type: 'CHANGES', originSiteId: site.siteId, throughLsn: batch.throughLsn, records: batch.records };
    const state = this.stateOf(group.groupId);
    const changes = batch.records.reduce((count, record) => count + record.changes.length, 0);
    peer.sentThroughLsn = batch.throughLsn;
    peer.lastSentAtMs = now;
    peer.changesShipped += changes;
    peer.bytesShipped += batch.bytes;
    state.counters.changesShipped += changes;
    state.counters.bytesShipped += batch.bytes;
    state.network.send(site.nodeId, target.nodeId, message);
  }

  /** The site's own changes after `fromLsn` (records whose versions it originated), bounded. */
  private batchFrom(group: Group, site: Site, fromLsn: Lsn): { records: ShippedRecord[]; throughLsn: Lsn; bytes: number } | 'gone' {
    const read = this.deps.replication.storageOf(site.nodeId).readWal(fromLsn, { maxRecords: this.config.maxScanRecords });
    if (read.gone) return 'gone';
    const prefix = `${group.groupId}/`;
    const records: ShippedRecord[] = [];
    let throughLsn = fromLsn;
    let bytes = 0;
    for (const record of read.records) {
      const changes: ShippedChange[] = [];
      for (const change of record.change.changes) {
        if (change.table !== VERSIONS_TABLE || change.op === 'delete' || !change.key.startsWith(prefix)) continue;
        if (change.row.appliedFrom !== null) continue;
        const { table, key } = splitId(change.key.slice(prefix.length));
        changes.push({ table, key, version: versionOfStored(change.row) });
      }
      if (changes.length > 0) {
        if (records.length >= this.config.maxBatchRecords) break;
        records.push({ lsn: record.lsn, changes });
        bytes += record.endLsn - record.lsn;
      }
      throughLsn = record.endLsn;
    }
    return { records, throughLsn, bytes };
  }

  // ================================================================ messages

  private receive(groupId: string, siteId: string, fromNodeId: string, message: Message): void {
    if (!this.catalog.has(groupId)) return;
    const group = this.catalog.get(groupId);
    const site = group.sites.find((candidate) => candidate.siteId === siteId);
    const from = this.siteOfNode(group, fromNodeId);
    if (site === undefined || from === undefined || !this.runs(site)) return;
    const state = this.stateOf(groupId);
    switch (message.type) {
      case 'CHANGES': {
        let progress = this.progressOf(group, site, message.originSiteId);
        for (const record of message.records) {
          if (record.lsn < progress) {
            state.counters.duplicatesSkipped += record.changes.length;
            continue;
          }
          this.applyIncoming(group, site, message.originSiteId, record.changes, { originSiteId: message.originSiteId, lsn: record.lsn + 1 });
          progress = record.lsn + 1;
        }
        const acked = Math.max(progress, message.throughLsn);
        const siteState = state.sites.get(site.siteId)!;
        siteState.progress.set(message.originSiteId, Math.max(siteState.progress.get(message.originSiteId) ?? 0, acked));
        state.network.send(site.nodeId, from.nodeId, { type: 'ACK', originSiteId: message.originSiteId, progressLsn: acked });
        return;
      }
      case 'ACK': {
        const peer = state.sites.get(site.siteId)?.peers.get(from.siteId);
        if (peer === undefined) return;
        peer.ackedLsn = Math.max(peer.ackedLsn, message.progressLsn);
        // Pipelining: the next batch leaves as soon as the last one is acknowledged.
        if (peer.ackedLsn >= peer.sentThroughLsn) this.shipTo(group, site, from.siteId, peer);
        return;
      }
      case 'PREPARE': {
        const siteState = state.sites.get(site.siteId)!;
        // The promise is held in memory only: nothing is written before the coordinator commits.
        siteState.prepared.set(message.writeId, this.deps.runtime.clock.after(this.config.quorumTimeoutMs * 2, () => siteState.prepared.delete(message.writeId)));
        state.network.send(site.nodeId, from.nodeId, { type: 'PREPARED', writeId: message.writeId });
        return;
      }
      case 'PREPARED':
        return this.prepared(message.writeId, from);
      case 'COMMIT':
      case 'ABORT': {
        const siteState = state.sites.get(site.siteId)!;
        const timer = siteState.prepared.get(message.writeId);
        if (timer !== undefined) this.deps.runtime.clock.cancel(timer);
        siteState.prepared.delete(message.writeId);
        if (message.type === 'COMMIT') this.applyIncoming(group, site, from.siteId, message.changes);
        return;
      }
      case 'READ':
        state.network.send(site.nodeId, from.nodeId, {
          type: 'READ_REPLY',
          readId: message.readId,
          versions: message.ids.map((id) => ({ id, version: this.versionAt(groupId, site.siteId, splitId(id).table, splitId(id).key) ?? null })),
        });
        return;
      case 'READ_REPLY':
        return this.answerRead(message.readId, from, message.versions);
      case 'REPAIR':
        this.applyIncoming(group, site, from.siteId, message.changes);
        return;
    }
  }

  // ================================================================ anti-entropy

  /**
   * Merkle-style comparison and repair between running, mutually reachable sites: every pair, or
   * the pairs that include `siteIds`.
   */
  antiEntropy(groupId: string, siteIds?: readonly string[]): AntiEntropyReport {
    const group = this.catalog.get(groupId);
    for (const siteId of siteIds ?? []) this.siteOf(group, siteId);
    const pairs: AntiEntropyReport['pairs'][number][] = [];
    const skipped = new Set<string>();
    for (let i = 0; i < group.sites.length; i += 1) {
      for (let j = i + 1; j < group.sites.length; j += 1) {
        const [a, b] = [group.sites[i]!, group.sites[j]!];
        if (siteIds !== undefined && !siteIds.includes(a.siteId) && !siteIds.includes(b.siteId)) continue;
        if (!this.runs(a)) skipped.add(a.siteId);
        if (!this.runs(b)) skipped.add(b.siteId);
        if (!this.runs(a) || !this.runs(b) || !this.reachable(a, b)) continue;
        pairs.push({ siteA: a.siteId, siteB: b.siteId, ...this.repairPair(group, a, b) });
      }
    }
    this.stateOf(groupId).counters.antiEntropyRuns += 1;
    return { groupId, pairs, skippedSiteIds: [...skipped].sort() };
  }

  private repairPair(group: Group, a: Site, b: Site): { rangesCompared: number; rangesDescended: number; keysRepaired: number } {
    const state = this.stateOf(group.groupId);
    const entriesOf = (site: Site): MerkleEntry[] => [...state.sites.get(site.siteId)!.entries].map(([id, entry]) => ({ id, token: entry.token, hash: entry.hash }));
    const comparison = compareMerkle(entriesOf(a), entriesOf(b), this.config.merkleFanout, this.config.merkleLeafKeys);
    const changesAt = (site: Site) =>
      comparison.differingIds
        .map((id) => ({ ...splitId(id), version: this.versionAt(group.groupId, site.siteId, splitId(id).table, splitId(id).key) }))
        .filter((change): change is ShippedChange => change.version !== undefined);
    const fromA = changesAt(a);
    const fromB = changesAt(b);
    const repaired = this.applyIncoming(group, b, a.siteId, fromA) + this.applyIncoming(group, a, b.siteId, fromB);
    state.counters.keysRepaired += repaired;
    return { rangesCompared: comparison.rangesCompared, rangesDescended: comparison.rangesDescended, keysRepaired: repaired };
  }

  // ================================================================ views

  siteViews(groupId?: string): SiteView[] {
    const groups = groupId === undefined ? this.catalog.list() : [this.catalog.get(groupId)];
    return groups.flatMap((group) =>
      group.sites.map((site) => {
        const siteState = this.stateOf(group.groupId).sites.get(site.siteId)!;
        const storage = this.deps.replication.storageOf(site.nodeId);
        const writeLsn = storage.positions().writeLsn;
        return {
          ...site,
          groupId: group.groupId,
          running: this.runs(site),
          writeRole: this.deps.replication.writeRoleOf(site.nodeId),
          dataHash: hexOf(siteState.hash),
          rowCount: [...siteState.entries.keys()].filter((id) => this.versionAt(group.groupId, site.siteId, splitId(id).table, splitId(id).key)?.row != null).length,
          peers: [...siteState.peers].map(([peerId, peer]) => {
            const target = group.sites.find((candidate) => candidate.siteId === peerId)!;
            return { siteId: peerId, ackedLsn: peer.ackedLsn, pendingBytes: Math.max(0, writeLsn - peer.ackedLsn), reachable: this.reachable(site, target), changesShipped: peer.changesShipped, bytesShipped: peer.bytesShipped };
          }),
        };
      }),
    );
  }

  quorumStatus(groupId: string): QuorumStatus {
    const group = this.catalog.get(groupId);
    const running = group.sites.filter((site) => this.runs(site));
    // The largest clique of running sites that reach each other (sites are few: at most maxSitesPerGroup).
    let best: Site[] = [];
    for (const start of running) {
      const clique = [start];
      for (const other of running) if (other !== start && clique.every((member) => this.reachable(member, other) && this.reachable(other, member))) clique.push(other);
      if (clique.length > best.length) best = clique;
    }
    const counting = new Set(best.map((site) => site.siteId));
    return {
      groupId,
      writeQuorum: group.writeQuorum,
      readQuorum: group.readQuorum,
      sites: group.sites.map((site) => ({ siteId: site.siteId, nodeId: site.nodeId, datacenterId: site.datacenterId, running: this.runs(site), counts: counting.has(site.siteId) })),
      reachableSites: best.length,
      writeQuorumReachable: best.length >= group.writeQuorum,
      readQuorumReachable: best.length >= group.readQuorum,
    };
  }

  counters(groupId: string): GroupCounters {
    return { ...this.stateOf(groupId).counters };
  }

  convergence(groupId: string): ConvergenceReport {
    const group = this.catalog.get(groupId);
    const state = this.stateOf(groupId);
    return {
      groupId,
      converged: state.converged,
      agreement: this.agreementOf(group),
      divergedSinceMs: state.divergedSinceMs,
      lastDivergenceAtMs: state.lastDivergenceAtMs,
      lastConvergedAtMs: state.lastConvergedAtMs,
      lastConvergenceMs: state.lastConvergenceMs,
      samplesMs: [...state.samplesMs],
    };
  }

  /** The data hash of a site (hex), for tests and views. */
  dataHashOf(groupId: string, siteId: string): string {
    const siteState = this.stateOf(groupId).sites.get(siteId);
    if (siteState === undefined) throw new DomainError('NOT_FOUND', `Group ${groupId} has no site ${siteId}.`, { groupId, siteId });
    return hexOf(siteState.hash);
  }

  /** Quorum operations still waiting. */
  pendingOperations(): number {
    return this.writes.size + this.reads.size;
  }

  private agreementOf(group: Group): { dataHash: string; siteIds: string[] }[] {
    const state = this.states.get(group.groupId);
    if (state === undefined) return [];
    const byHash = new Map<string, string[]>();
    for (const site of group.sites) {
      const hash = hexOf(state.sites.get(site.siteId)!.hash);
      byHash.set(hash, [...(byHash.get(hash) ?? []), site.siteId]);
    }
    return [...byHash].map(([dataHash, siteIds]) => ({ dataHash, siteIds })).sort((a, b) => b.siteIds.length - a.siteIds.length || (a.dataHash < b.dataHash ? -1 : 1));
  }

  /** After a change of a site's data: did the group start or stop agreeing? */
  private evaluate(group: Group): void {
    const state = this.states.get(group.groupId);
    if (state === undefined) return;
    const converged = this.agreementOf(group).length <= 1;
    if (converged === state.converged) return;
    const now = this.now();
    state.converged = converged;
    if (!converged) {
      state.divergedSinceMs = now;
      state.lastDivergenceAtMs = now;
    } else {
      state.lastConvergedAtMs = now;
      state.lastConvergenceMs = state.divergedSinceMs === null ? 0 : now - state.divergedSinceMs;
      state.samplesMs.push(state.lastConvergenceMs);
      if (state.samplesMs.length > this.config.maxConvergenceSamples) state.samplesMs.shift();
      state.divergedSinceMs = null;
    }
    this.deps.listener?.convergenceChanged?.(this.convergence(group.groupId));
  }
}

/** A version as the `_mm_versions` table keeps it. */
function versionOfStored(row: RowValue): RowVersion {
  return row.version as unknown as RowVersion;
}

export type { Group, Site, CatalogState, GroupSettings, RowVersion, Sibling, VectorClock };
