/**
 * The Global Resource Directory's placement: which instance masters each resource (a block or a
 * GES resource), the access counts that give each instance its affinity, and the remastering
 * counters. Masters are placed at first use by consistent hashing over the running instances, so
 * a membership change moves only the resources of the instance that left or arrived. The
 * directory entries themselves (holders, queues) live in the GCS; this module decides where.
 */
import { HashRing } from '../dht/hash-ring.js';
import { murmur3HashFunction } from '../dht/hash-function.js';
import { naturalCompare } from '../runtime/natural-order.js';

/** Why a resource is mastered where it is. */
export type Placement = 'HASH' | 'AFFINITY' | 'MANUAL';

export interface ResourceMaster {
  resourceId: string;
  masterId: string;
  placement: Placement;
}

export interface GrdCounters {
  remasters: number;
  /** Sum of remaster latencies (request to directory installed at the new master). */
  totalRemasterLatencyMs: number;
  /** Times a resource's strongest affinity moved to another instance. */
  affinityUpdates: number;
  /** cluster/rebalance runs. */
  loadBalances: number;
  /** Remasters done for AFFINITY (dynamic remastering). */
  affinityRemasters: number;
}

/** How often, and when last, a resource changed master. */
export interface RemasterHistory {
  remasters: number;
  lastRemasteredAtMs: number;
}

export interface AffinityView {
  resourceId: string;
  instanceId: string;
  /** Share of the resource's recent accesses, 0..1. */
  affinity: number;
  accesses: number;
  totalAccesses: number;
  masterId: string;
}

interface Access {
  counts: Map<string, number>;
  total: number;
  leader: string | null;
}

/** Vnodes per instance: enough that 5 instances get near-even shares. */
const VNODES_PER_INSTANCE = 64;

export interface AffinityRule {
  affinityThreshold: number;
  affinityMinAccesses: number;
  affinityWindow: number;
}

export class GlobalResourceDirectory {
  private ring = HashRing.empty(murmur3HashFunction());
  private readonly masters = new Map<string, ResourceMaster>();
  private readonly accesses = new Map<string, Access>();
  readonly counters: GrdCounters = { remasters: 0, totalRemasterLatencyMs: 0, affinityUpdates: 0, loadBalances: 0, affinityRemasters: 0 };
  private readonly histories = new Map<string, RemasterHistory>();

  constructor(
    private readonly rule: AffinityRule,
    private readonly onMasterChanged?: (master: ResourceMaster) => void,
  ) {}

  /** Loads stored masters (a restart) without reporting them back. */
  restore(masters: readonly ResourceMaster[], counters: GrdCounters | null): void {
    for (const master of masters) this.masters.set(master.resourceId, { ...master });
    if (counters !== null) Object.assign(this.counters, counters);
  }

  /** The instances the hash ring places resources on. */
  setRingMembers(instanceIds: readonly string[]): void {
    const wanted = new Set(instanceIds);
    let ring = this.ring;
    for (const member of ring.nodeIds()) if (!wanted.has(member)) ring = ring.withoutNode(member);
    const added = [...wanted].filter((id) => !ring.has(id)).sort(naturalCompare);
    if (added.length > 0) ring = ring.withNodes(added.map((nodeId) => ({ nodeId, vnodeCount: VNODES_PER_INSTANCE })));
    this.ring = ring;
  }

  ringMembers(): string[] {
    return this.ring.nodeIds();
  }

  /** Where hashing places a resource over the current ring. */
  hashMaster(resourceId: string): string {
    return this.ring.ownerOf(resourceId).nodeId;
  }

  /** The resource's master, placed by hashing at first use. */
  masterOf(resourceId: string): string {
    const known = this.masters.get(resourceId);
    if (known !== undefined) return known.masterId;
    return this.setMaster(resourceId, this.hashMaster(resourceId), 'HASH').masterId;
  }

  /** The resource's master if it was ever placed. */
  peekMaster(resourceId: string): ResourceMaster | undefined {
    return this.masters.get(resourceId);
  }

  setMaster(resourceId: string, masterId: string, placement: Placement): ResourceMaster {
    const master: ResourceMaster = { resourceId, masterId, placement };
    this.masters.set(resourceId, master);
    this.onMasterChanged?.(master);
    return master;
  }

  /** Counts one remaster of `resourceId`, done at `atMs`, that took `latencyMs`. */
  countRemaster(resourceId: string, latencyMs: number, atMs: number, placement: Placement): void {
    this.counters.remasters += 1;
    this.counters.totalRemasterLatencyMs += latencyMs;
    if (placement === 'AFFINITY') this.counters.affinityRemasters += 1;
    const history = this.histories.get(resourceId);
    this.histories.set(resourceId, { remasters: (history?.remasters ?? 0) + 1, lastRemasteredAtMs: atMs });
  }

  /** The resource's remasters since start-up (memory only, like the GCS counters), or null if it never moved. */
  remasterHistory(resourceId: string): RemasterHistory | null {
    const history = this.histories.get(resourceId);
    return history === undefined ? null : { ...history };
  }

  /**
   * Counts an access by `instanceId` seen at the master. @returns the instance the resource should
   * be remastered to when its affinity passed the threshold, else null.
   */
  recordAccess(resourceId: string, instanceId: string): string | null {
    let access = this.accesses.get(resourceId);
    if (access === undefined) {
      access = { counts: new Map(), total: 0, leader: null };
      this.accesses.set(resourceId, access);
    }
    access.counts.set(instanceId, (access.counts.get(instanceId) ?? 0) + 1);
    access.total += 1;
    if (access.total > this.rule.affinityWindow) {
      // Halving keeps the shares but lets recent accesses outweigh old ones.
      access.total = 0;
      for (const [id, count] of access.counts) {
        const halved = Math.floor(count / 2);
        if (halved === 0) access.counts.delete(id);
        else access.counts.set(id, halved);
        access.total += halved;
      }
    }
    const leader = strongest(access);
    if (leader !== null && leader.instanceId !== access.leader) {
      if (access.leader !== null) this.counters.affinityUpdates += 1;
      access.leader = leader.instanceId;
    }
    if (leader === null || access.total < this.rule.affinityMinAccesses) return null;
    if (leader.count / access.total < this.rule.affinityThreshold) return null;
    return leader.instanceId === this.masterOf(resourceId) ? null : leader.instanceId;
  }

  /** Forgets a resource's access counts (after it moved: the new master counts afresh). */
  resetAccesses(resourceId: string): void {
    this.accesses.delete(resourceId);
  }

  /** Drops the access counts of an instance that left. */
  forgetInstance(instanceId: string): void {
    for (const access of this.accesses.values()) {
      const count = access.counts.get(instanceId);
      if (count === undefined) continue;
      access.counts.delete(instanceId);
      access.total -= count;
      if (access.leader === instanceId) access.leader = null;
    }
  }

  masterList(): ResourceMaster[] {
    return [...this.masters.values()].map((master) => ({ ...master }));
  }

  /** Resources per master instance, every instance of `instanceIds` listed (0 when it masters none). */
  topology(instanceIds: readonly string[]): { instanceId: string; resources: number; byPlacement: Record<Placement, number> }[] {
    const rows = new Map(instanceIds.map((instanceId) => [instanceId, { instanceId, resources: 0, byPlacement: { HASH: 0, AFFINITY: 0, MANUAL: 0 } }]));
    for (const master of this.masters.values()) {
      let row = rows.get(master.masterId);
      if (row === undefined) {
        row = { instanceId: master.masterId, resources: 0, byPlacement: { HASH: 0, AFFINITY: 0, MANUAL: 0 } };
        rows.set(master.masterId, row);
      }
      row.resources += 1;
      row.byPlacement[master.placement] += 1;
    }
    return [...rows.values()].sort((a, b) => naturalCompare(a.instanceId, b.instanceId));
  }

  /** The strongest affinities, strongest first. */
  affinities(limit: number): AffinityView[] {
    const views: AffinityView[] = [];
    for (const [resourceId, access] of this.accesses) {
      const leader = strongest(access);
      if (leader === null || access.total === 0) continue;
      views.push({ resourceId, instanceId: leader.instanceId, affinity: leader.count / access.total, accesses: leader.count, totalAccesses: access.total, masterId: this.masterOf(resourceId) });
    }
    views.sort((a, b) => b.affinity - a.affinity || b.totalAccesses - a.totalAccesses || naturalCompare(a.resourceId, b.resourceId));
    return views.slice(0, limit);
  }

  accessCounts(resourceId: string): { total: number; byInstance: Record<string, number> } {
    const access = this.accesses.get(resourceId);
    return { total: access?.total ?? 0, byInstance: Object.fromEntries(access?.counts ?? []) };
  }
}

function strongest(access: Access): { instanceId: string; count: number } | null {
  let best: { instanceId: string; count: number } | null = null;
  for (const [instanceId, count] of access.counts) {
    if (best === null || count > best.count || (count === best.count && naturalCompare(instanceId, best.instanceId) < 0)) best = { instanceId, count };
  }
  return best;
}
