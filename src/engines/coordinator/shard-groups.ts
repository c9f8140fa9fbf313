/**
 * The shard groups of sharded tables whose layout is not the coordinator's own cut of the hash
 * space (README of src/engines/sharding, "One shard model with the coordinator"): Citus's
 * colocation groups, Vitess's keyspaces. Each shard has one primary node (a writable node) and one
 * state; its replicas are the physical standbys of that node, derived by the sharding engine, so
 * none are placed here. Ids are `<group>-shard-N`. Plain records, persisted with the coordinator.
 */
import { DomainError, assert } from '../runtime/domain-error.js';
import { transitionShard, type ShardStatus, type TransitionActor } from '../sharding/shard-state.js';

/** A group's shard as persisted. */
export interface GroupShardRecord {
  shardId: string;
  /** 1-based, the N of `<table>_<N>` for every table of the group. */
  shardNumber: number;
  primaryNodeId: string | null;
  state: ShardStatus;
  lastMovedAtMs: number | null;
}

export interface ShardGroupState {
  name: string;
  /** `layoutKeyOf` of its tables: a table with this layout joins the group. */
  layoutKey: string;
  shards: GroupShardRecord[];
}

export interface GroupShardView extends GroupShardRecord {
  group: string;
}

/** `orders-shard-3`: the default group's ids stay `shard-N`. */
export function groupShardIdOf(group: string, shardNumber: number): string {
  return `${group}-shard-${shardNumber}`;
}

export class ShardGroups {
  private readonly groups = new Map<string, ShardGroupState>();

  constructor(restored: readonly ShardGroupState[]) {
    for (const group of restored) this.groups.set(group.name, structuredClone(group));
  }

  names(): string[] {
    return [...this.groups.keys()];
  }

  has(name: string): boolean {
    return this.groups.has(name);
  }

  /** Layout key → group name, for `shardGroupOf`. */
  byLayout(): Map<string, string> {
    return new Map([...this.groups.values()].map((group) => [group.layoutKey, group.name]));
  }

  /** The group's shards in shard-number order. @throws NOT_FOUND. */
  shards(name: string): GroupShardView[] {
    return this.group(name).shards.map((shard) => ({ ...shard, group: name }));
  }

  /** @throws NOT_FOUND for an id no group has. */
  shard(shardId: string): GroupShardView {
    for (const group of this.groups.values()) {
      const shard = group.shards.find((candidate) => candidate.shardId === shardId);
      if (shard !== undefined) return { ...shard, group: group.name };
    }
    throw new DomainError('NOT_FOUND', `No shard has id "${shardId}".`, { resource: 'coordinator.shard', id: shardId });
  }

  create(name: string, layoutKey: string, shardCount: number, writableNodeIds: readonly string[]): GroupShardView[] {
    if (this.groups.has(name)) throw new DomainError('CONFLICT', `Shard group "${name}" already exists.`, { group: name });
    assert(Number.isSafeInteger(shardCount) && shardCount >= 1, `a group has at least one shard, got ${shardCount}`);
    this.requireWritable(name, writableNodeIds);
    const group: ShardGroupState = { name, layoutKey, shards: [] };
    this.groups.set(name, group);
    for (let number = 1; number <= shardCount; number += 1) this.append(group, writableNodeIds);
    return this.shards(name);
  }

  /** One more shard, CREATING, numbered after the last. */
  addShard(name: string, writableNodeIds: readonly string[]): GroupShardView {
    const group = this.group(name);
    this.requireWritable(name, writableNodeIds);
    const shard = this.append(group, writableNodeIds);
    return { ...shard, group: name };
  }

  /** Sets the layout key after a shard was added (the layout changed with it). */
  relayout(name: string, layoutKey: string): void {
    this.group(name).layoutKey = layoutKey;
  }

  /** Forgets a group (its shards dropped). */
  remove(name: string): void {
    this.group(name);
    this.groups.delete(name);
  }

  transition(shardId: string, to: ShardStatus, actor: TransitionActor): ShardStatus {
    const shard = this.record(shardId);
    shard.state = transitionShard(shardId, shard.state, to, actor);
    return shard.state;
  }

  repoint(shardId: string, nodeId: string, nowMs: number): void {
    const shard = this.record(shardId);
    if (shard.primaryNodeId === nodeId) return;
    shard.primaryNodeId = nodeId;
    shard.lastMovedAtMs = nowMs;
  }

  /** Primaries each node holds over every group. */
  primariesByNode(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const group of this.groups.values()) {
      for (const shard of group.shards) if (shard.primaryNodeId !== null) counts.set(shard.primaryNodeId, (counts.get(shard.primaryNodeId) ?? 0) + 1);
    }
    return counts;
  }

  snapshot(): ShardGroupState[] {
    return structuredClone([...this.groups.values()]);
  }

  private append(group: ShardGroupState, writableNodeIds: readonly string[]): GroupShardRecord {
    const shardNumber = (group.shards.at(-1)?.shardNumber ?? 0) + 1;
    const shard: GroupShardRecord = {
      shardId: groupShardIdOf(group.name, shardNumber),
      shardNumber,
      primaryNodeId: this.leastLoaded(writableNodeIds),
      state: 'CREATING',
      lastMovedAtMs: null,
    };
    group.shards.push(shard);
    return shard;
  }

  /** The writable node holding fewest primaries of any group, first in the given order on a tie. */
  private leastLoaded(writableNodeIds: readonly string[]): string {
    const counts = this.primariesByNode();
    return writableNodeIds.reduce((best, nodeId) => ((counts.get(nodeId) ?? 0) < (counts.get(best) ?? 0) ? nodeId : best));
  }

  private requireWritable(name: string, writableNodeIds: readonly string[]): void {
    if (writableNodeIds.length === 0) {
      throw new DomainError('CONFLICT', `No node can take the writes of shard group "${name}": a shard's primary must be a PRIMARY or STANDALONE node that is up.`, { group: name });
    }
  }

  private group(name: string): ShardGroupState {
    const group = this.groups.get(name);
    if (group === undefined) throw new DomainError('NOT_FOUND', `No shard group "${name}".`, { resource: 'coordinator.shardGroup', id: name });
    return group;
  }

  private record(shardId: string): GroupShardRecord {
    const shard = this.shard(shardId);
    return this.groups.get(shard.group)!.shards.find((candidate) => candidate.shardId === shardId)!;
  }
}
