/**
 * Raft's safety properties (Figure 3 of the paper), checked as they happen: the checker listens
 * to every disk change and every Ready a RaftGroup processes, and throws at the first violation
 * (the error escapes the clock callback, failing the test at the step that broke the rule).
 *
 * - Election safety: at most one leader per term, over the whole history.
 * - Leader append-only: a node never truncates its log while it leads.
 * - Log matching: entries with the same index and term hold the same command and follow the same
 *   term; by induction the logs are identical up to there.
 * - Leader completeness: a new leader holds every entry committed before it was elected, and
 *   every later commit of an earlier term is in the logs of the leaders of later terms.
 * - State-machine safety: no two nodes apply different entries at one index; each incarnation
 *   applies in order, without gaps.
 * Plus durable-state hygiene: terms never go back, a vote never changes within a term, commit
 * indexes never decrease, and a mirror rebuilt from the disk-change events equals the disk.
 */
import type { DiskChange, Entry, RaftGroup, RaftGroupObserver } from '../../../src/engines/raft/index.js';

interface Mirror {
  snapshotIndex: number;
  snapshotTerm: number;
  entries: Entry[];
  term: number;
  vote: string | null;
  commit: number;
}

/** A violation of a Raft invariant. */
export class InvariantViolation extends Error {
  override name = 'InvariantViolation';
}

export class InvariantChecker {
  private group: RaftGroup | undefined;
  private readonly mirrors = new Map<string, Mirror>();
  private readonly leaderOfTerm = new Map<number, string>();
  /** index → term of the committed entry there, as learned from any node. */
  private readonly committedTerms = new Map<number, number>();
  /**
   * index → a term the entry was committed in or before: the term of the first node that
   * persisted the commit (the committing leader itself, since it persists before it tells anyone).
   */
  private readonly committedBy = new Map<number, number>();
  private highestCommitted = 0;
  /** index → fingerprint of what was applied there first. */
  private readonly appliedAt = new Map<number, string>();
  /** `${index}:${term}` → fingerprint and the term before it. */
  private readonly entryIdentity = new Map<string, { fingerprint: string; previousTerm: number }>();
  /** Last index applied by each node incarnation. */
  private readonly lastAppliedBy = new Map<string, number>();
  readonly counters = { elections: 0, applied: 0, snapshotsInstalled: 0, truncations: 0, checks: 0 };

  /** @param describe - context appended to every failure (seed, replay command). */
  constructor(private readonly describe: () => string = () => '') {}

  attach(group: RaftGroup): void {
    this.group = group;
  }

  /** Pass as RaftGroupOptions.onDiskChange. */
  readonly onDiskChange = (nodeId: string, change: DiskChange): void => {
    this.counters.checks += 1;
    if (change.type === 'diskDeleted') {
      this.mirrors.delete(nodeId);
      return;
    }
    const mirror = this.mirrorOf(nodeId);
    switch (change.type) {
      case 'hardStateChanged': {
        const { term, vote, commit } = change.hardState;
        if (term < mirror.term) this.fail(`${nodeId} persisted term ${term} after term ${mirror.term}`);
        if (term === mirror.term && mirror.vote !== null && vote !== mirror.vote) {
          this.fail(`${nodeId} changed its vote in term ${term} from ${mirror.vote} to ${String(vote)}`);
        }
        if (commit < mirror.commit) this.fail(`${nodeId} persisted commit ${commit} after commit ${mirror.commit}`);
        if (commit > this.lastIndexOf(mirror)) this.fail(`${nodeId} persisted commit ${commit} beyond its last index ${this.lastIndexOf(mirror)}`);
        mirror.term = term;
        mirror.vote = vote;
        const previousCommit = mirror.commit;
        mirror.commit = commit;
        this.learnCommitted(nodeId, mirror, previousCommit, commit);
        return;
      }
      case 'entriesTruncated': {
        this.counters.truncations += 1;
        if (change.afterIndex < mirror.commit) this.fail(`${nodeId} truncated its log after ${change.afterIndex}, below its commit ${mirror.commit}`);
        const live = this.group?.roleOf(nodeId);
        if (live?.role === 'LEADER') this.fail(`${nodeId} truncated its log after ${change.afterIndex} while leading term ${live.term}`);
        mirror.entries.length = Math.max(0, change.afterIndex - mirror.snapshotIndex);
        return;
      }
      case 'entriesAppended': {
        if (change.fromIndex !== this.lastIndexOf(mirror) + 1) this.fail(`${nodeId} appended at ${change.fromIndex} after last index ${this.lastIndexOf(mirror)}`);
        for (const entry of change.entries) {
          const previousTerm = this.termIn(mirror, entry.index - 1) ?? 0;
          this.checkLogMatching(nodeId, entry, previousTerm);
          mirror.entries.push(entry);
        }
        return;
      }
      case 'snapshotInstalled': {
        this.counters.snapshotsInstalled += 1;
        const live = this.group?.roleOf(nodeId);
        if (live?.role === 'LEADER') this.fail(`${nodeId} installed a snapshot while leading term ${live.term}`);
        const { index, term } = change.snapshot.metadata;
        this.checkCommittedTerm(nodeId, index, term, 'installed snapshot');
        mirror.snapshotIndex = index;
        mirror.snapshotTerm = term;
        mirror.entries = [];
        return;
      }
      case 'logCompacted': {
        const { index, term } = change.snapshot.metadata;
        if (this.termIn(mirror, index) !== term) this.fail(`${nodeId} compacted through ${index}/t${term}, which its log does not hold`);
        if (index > mirror.commit) this.fail(`${nodeId} compacted through ${index}, past its commit ${mirror.commit}`);
        mirror.entries = mirror.entries.slice(index - mirror.snapshotIndex);
        mirror.snapshotIndex = index;
        mirror.snapshotTerm = term;
        return;
      }
    }
  };

  /** Pass as RaftGroupOptions.observer. */
  readonly observer: RaftGroupObserver = {
    onRoleChange: (change) => {
      if (change.role !== 'LEADER') return;
      this.counters.elections += 1;
      const existing = this.leaderOfTerm.get(change.term);
      if (existing !== undefined && existing !== change.nodeId) {
        this.fail(`election safety: ${change.nodeId} and ${existing} both lead term ${change.term}`);
      }
      this.leaderOfTerm.set(change.term, change.nodeId);
      this.checkLeaderHoldsCommitted(change.nodeId, change.term, 1);
    },
    onApply: (nodeId, applied) => {
      const key = `${nodeId}#${applied.incarnation}`;
      if (applied.kind === 'snapshot') {
        const { index, term } = applied.snapshot.metadata;
        this.checkCommittedTerm(nodeId, index, term, 'restored snapshot');
        this.lastAppliedBy.set(key, index);
        return;
      }
      const { entry } = applied;
      this.counters.applied += 1;
      const last = this.lastAppliedBy.get(key) ?? 0;
      if (entry.index !== last + 1) this.fail(`${nodeId} (incarnation ${applied.incarnation}) applied ${entry.index} after ${last}`);
      this.lastAppliedBy.set(key, entry.index);
      const fingerprint = fingerprintOf(entry);
      const earlier = this.appliedAt.get(entry.index);
      if (earlier === undefined) this.appliedAt.set(entry.index, fingerprint);
      else if (earlier !== fingerprint) this.fail(`state-machine safety: ${nodeId} applied ${fingerprint} at ${entry.index}, another node applied ${earlier}`);
      this.checkCommittedTerm(nodeId, entry.index, entry.term, 'applied entry');
    },
  };

  /** Compares each mirror with the disk it was rebuilt from: the change events tell the whole story. */
  verifyMirrors(): void {
    const group = this.group;
    if (group === undefined) return;
    const disks = group.saveDisks();
    for (const [nodeId, disk] of Object.entries(disks)) {
      const mirror = this.mirrors.get(nodeId);
      if (mirror === undefined) {
        if (disk.entries.length > 0 || disk.snapshot.metadata.index > 0) this.fail(`${nodeId} has a disk but no change was ever reported`);
        continue;
      }
      const sameLog =
        mirror.snapshotIndex === disk.snapshot.metadata.index &&
        mirror.snapshotTerm === disk.snapshot.metadata.term &&
        mirror.entries.length === disk.entries.length &&
        mirror.entries.every((entry, offset) => entry === disk.entries[offset]);
      const sameHardState = mirror.term === disk.hardState.term && mirror.vote === disk.hardState.vote && mirror.commit === disk.hardState.commit;
      if (!sameLog || !sameHardState) this.fail(`${nodeId}: the disk-change events do not rebuild its disk`);
    }
  }

  /** Leaders seen per term, for reports. */
  leaders(): ReadonlyMap<number, string> {
    return this.leaderOfTerm;
  }

  private learnCommitted(nodeId: string, mirror: Mirror, fromExclusive: number, toInclusive: number): void {
    const start = Math.max(fromExclusive + 1, mirror.snapshotIndex + 1);
    for (let index = start; index <= toInclusive; index += 1) {
      const term = this.termIn(mirror, index);
      if (term === undefined) this.fail(`${nodeId} committed ${index} without holding it`);
      this.checkCommittedTerm(nodeId, index, term, 'committed entry');
      if (!this.committedTerms.has(index)) {
        this.committedTerms.set(index, term);
        this.committedBy.set(index, mirror.term);
        // The node persisting a commit first is the leader that made it (or it learned it in a
        // later term): either way the entry was committed in a term <= mirror.term.
        this.checkLaterLeadersHold(index, term, mirror.term);
      }
    }
    if (toInclusive > this.highestCommitted) this.highestCommitted = toInclusive;
  }

  private checkCommittedTerm(nodeId: string, index: number, term: number, what: string): void {
    const known = this.committedTerms.get(index);
    if (known !== undefined && known !== term) this.fail(`${nodeId}: ${what} ${index}/t${term}, but ${index}/t${known} was committed`);
  }

  /**
   * Leader completeness at election: every entry committed in an earlier term is in the new
   * leader's log. (A leader may legitimately win a term below one whose entries already
   * committed, when its vote replies were slow: those entries are not its business.)
   */
  private checkLeaderHoldsCommitted(leaderId: string, term: number, fromIndex: number): void {
    const group = this.group;
    if (group === undefined) return;
    const leaderSnapshotIndex = group.status(leaderId).raft?.snapshotIndex ?? 0;
    for (let index = fromIndex; index <= this.highestCommitted; index += 1) {
      const committedTerm = this.committedTerms.get(index);
      if (committedTerm === undefined || (this.committedBy.get(index) ?? Infinity) >= term) continue;
      const held = group.termAt(leaderId, index);
      // undefined: compacted into the leader's snapshot, which only ever covers committed entries.
      if (held !== undefined && held !== committedTerm) {
        this.fail(`leader completeness: ${leaderId} leads term ${term} with ${index}/t${held}, but ${index}/t${committedTerm} was committed`);
      }
      if (held === undefined && index > leaderSnapshotIndex) {
        this.fail(`leader completeness: ${leaderId} leads term ${term} without committed entry ${index}`);
      }
    }
  }

  /** Leader completeness after the fact: a newly learned commit must be in every running leader of a term above the one it was committed in. */
  private checkLaterLeadersHold(index: number, term: number, committedInTermAtMost: number): void {
    const group = this.group;
    if (group === undefined) return;
    for (const [leaderTerm, leaderId] of this.leaderOfTerm) {
      if (leaderTerm <= committedInTermAtMost) continue;
      const live = group.nodeIds().includes(leaderId) ? group.roleOf(leaderId) : null;
      if (live === null || live.role !== 'LEADER' || live.term !== leaderTerm) continue;
      const held = group.termAt(leaderId, index);
      if (held !== undefined && held !== term) {
        this.fail(`leader completeness: ${index}/t${term} committed, but ${leaderId}, leader of term ${leaderTerm}, holds ${index}/t${held}`);
      }
    }
  }

  private checkLogMatching(nodeId: string, entry: Entry, previousTerm: number): void {
    const key = `${entry.index}:${entry.term}`;
    const fingerprint = fingerprintOf(entry);
    const known = this.entryIdentity.get(key);
    if (known === undefined) {
      this.entryIdentity.set(key, { fingerprint, previousTerm });
      return;
    }
    if (known.fingerprint !== fingerprint) this.fail(`log matching: ${nodeId} holds ${key} as ${fingerprint}, elsewhere it is ${known.fingerprint}`);
    if (known.previousTerm !== previousTerm) {
      this.fail(`log matching: ${nodeId} holds ${key} after term ${previousTerm}, elsewhere after term ${known.previousTerm}`);
    }
  }

  private mirrorOf(nodeId: string): Mirror {
    let mirror = this.mirrors.get(nodeId);
    if (mirror === undefined) {
      mirror = { snapshotIndex: 0, snapshotTerm: 0, entries: [], term: 0, vote: null, commit: 0 };
      this.mirrors.set(nodeId, mirror);
    }
    return mirror;
  }

  private lastIndexOf(mirror: Mirror): number {
    return mirror.snapshotIndex + mirror.entries.length;
  }

  private termIn(mirror: Mirror, index: number): number | undefined {
    if (index === mirror.snapshotIndex) return mirror.snapshotTerm;
    if (index < mirror.snapshotIndex) return undefined;
    return mirror.entries[index - mirror.snapshotIndex - 1]?.term;
  }

  private fail(problem: string): never {
    const context = this.describe();
    throw new InvariantViolation(context === '' ? problem : `${problem}\n${context}`);
  }
}

function fingerprintOf(entry: Entry): string {
  const configuration = entry.configuration === undefined ? '' : ` [${entry.configuration.voters.join(',')}|${entry.configuration.learners.join(',')}]`;
  return `${entry.type}:${JSON.stringify(entry.command)}${configuration}`;
}
