/**
 * The set of faults currently injected into the simulated cluster. Operators add
 * and heal faults through the API for failover drills; the network and engines
 * query it to decide who can talk to whom.
 *
 * Pure data: no clock, no randomness. Ids and timestamps are passed in, so the
 * set is fully determined by the calls made on it.
 */

/** Kinds of fault an operator can inject. */
export type FaultType = 'crash' | 'partition' | 'latency' | 'loss';

/**
 * What to inject. Which fields apply depends on `type`:
 * - `crash`: `nodes` — the nodes are down (send and receive nothing).
 * - `partition`: `groups` — at least two non-empty, disjoint groups; nodes in
 *   different groups cannot reach each other. Nodes not named are unaffected.
 * - `latency`: `nodes`, `ms` > 0 — extra one-way delay on every link touching the nodes.
 * - `loss`: `nodes`, 0 < `rate` <= 1 — probability of dropping a message on every
 *   link touching the nodes.
 */
export interface FaultSpec {
  /** Kind of fault. */
  type: FaultType;
  /** Affected nodes (crash, latency, loss). */
  nodes?: string[];
  /** Sides of a partition (partition only). */
  groups?: string[][];
  /** Extra one-way latency in milliseconds (latency only). */
  ms?: number;
  /** Drop probability in (0, 1] (loss only). */
  rate?: number;
}

/** An injected fault. */
export interface Fault extends FaultSpec {
  /** Id chosen by the caller (the service layer). */
  id: string;
  /** Virtual epoch ms at which it was injected. */
  createdAtMs: number;
}

/** A fault spec was rejected; the message says why, in operator-facing words. */
export class FaultSpecError extends Error {
  /** @param message - what is wrong with the spec. */
  constructor(message: string) {
    super(message);
    this.name = 'FaultSpecError';
  }
}

const FAULT_TYPES: readonly FaultType[] = ['crash', 'partition', 'latency', 'loss'];

/** Fields each fault type accepts; anything else is rejected rather than silently ignored. */
const FIELDS_BY_TYPE: Record<FaultType, readonly (keyof FaultSpec)[]> = {
  crash: ['nodes'],
  partition: ['groups'],
  latency: ['nodes', 'ms'],
  loss: ['nodes', 'rate'],
};

const OPTIONAL_FIELDS: readonly (keyof FaultSpec)[] = ['nodes', 'groups', 'ms', 'rate'];

/** Lookup tables rebuilt on every change, so per-message queries stay cheap. */
interface FaultIndex {
  crashed: Set<string>;
  /** One map per partition: node → index of its group. */
  partitions: Map<string, number>[];
  latencyByNode: Map<string, Fault[]>;
  lossByNode: Map<string, Fault[]>;
}

/** Listener notified with the full fault list after every change. */
export type FaultChangeListener = (faults: Fault[]) => void;

/** The faults in force, with queries the network and engines ask per message. Starts empty: a healthy cluster. */
export class FaultSet {
  private readonly faultsById = new Map<string, Fault>();
  private readonly listeners = new Set<FaultChangeListener>();
  private index: FaultIndex = buildIndex([]);

  /**
   * Validates and adds a fault.
   * @param spec - what to inject; see {@link FaultSpec}.
   * @param id - unique id, chosen by the caller.
   * @param nowMs - virtual epoch ms, recorded as `createdAtMs`.
   * @returns a copy of the stored fault.
   * @throws FaultSpecError if the spec is invalid; Error if the id is empty or already in use.
   */
  inject(spec: FaultSpec, id: string, nowMs: number): Fault {
    this.assertNewId(id, this.faultsById);
    if (!Number.isFinite(nowMs)) throw new Error(`FaultSet.inject: nowMs must be finite, got ${nowMs}`);
    const fault: Fault = { ...normalizeSpec(spec), id, createdAtMs: nowMs };
    this.faultsById.set(id, fault);
    this.changed();
    return copyFault(fault);
  }

  /**
   * Removes a fault.
   * @returns the removed fault, or undefined if no fault has that id.
   */
  heal(id: string): Fault | undefined {
    const fault = this.faultsById.get(id);
    if (fault === undefined) return undefined;
    this.faultsById.delete(id);
    this.changed();
    return copyFault(fault);
  }

  /**
   * Removes every fault.
   * @returns the removed faults, in creation order.
   */
  healAll(): Fault[] {
    const removed = this.list();
    if (removed.length === 0) return removed;
    this.faultsById.clear();
    this.changed();
    return removed;
  }

  /** Copies of all faults, in creation order. */
  list(): Fault[] {
    return [...this.faultsById.values()].map(copyFault);
  }

  /**
   * Replaces the whole set with previously persisted faults (after a restart),
   * keeping their ids, timestamps and order. All-or-nothing: every fault is
   * validated before anything changes. Notifies listeners.
   * @throws FaultSpecError if a persisted fault is invalid; Error on empty or duplicate ids.
   */
  restore(faults: Fault[]): void {
    const restored = new Map<string, Fault>();
    for (const persisted of faults) {
      this.assertNewId(persisted.id, restored);
      if (!Number.isFinite(persisted.createdAtMs)) {
        throw new Error(`FaultSet.restore: fault ${persisted.id} has invalid createdAtMs ${persisted.createdAtMs}`);
      }
      const { id, createdAtMs, ...spec } = persisted;
      restored.set(id, { ...normalizeSpec(spec), id, createdAtMs });
    }
    this.faultsById.clear();
    for (const [id, fault] of restored) this.faultsById.set(id, fault);
    this.changed();
  }

  /** True if a crash fault names the node. */
  isCrashed(nodeId: string): boolean {
    return this.index.crashed.has(nodeId);
  }

  /**
   * True if some partition puts the two nodes in different groups. A node not
   * named by a partition is unaffected by it. Ignores crashes: see {@link FaultSet.canReach}.
   */
  isPartitioned(from: string, to: string): boolean {
    for (const groupOf of this.index.partitions) {
      const fromGroup = groupOf.get(from);
      if (fromGroup === undefined) continue;
      const toGroup = groupOf.get(to);
      if (toGroup !== undefined && toGroup !== fromGroup) return true;
    }
    return false;
  }

  /** False if either node is crashed or a partition separates them. */
  canReach(from: string, to: string): boolean {
    return !this.isCrashed(from) && !this.isCrashed(to) && !this.isPartitioned(from, to);
  }

  /** Extra one-way latency from latency faults naming either endpoint (each fault counted once). */
  extraLatencyMs(from: string, to: string): number {
    let totalMs = 0;
    for (const fault of this.faultsTouching(this.index.latencyByNode, from, to)) totalMs += fault.ms ?? 0;
    return totalMs;
  }

  /**
   * Drop probability from loss faults naming either endpoint, combined as
   * independent losses: 1 - Π(1 - rate).
   */
  lossRate(from: string, to: string): number {
    let deliveredFraction = 1;
    for (const fault of this.faultsTouching(this.index.lossByNode, from, to)) deliveredFraction *= 1 - (fault.rate ?? 0);
    return 1 - deliveredFraction;
  }

  /**
   * Subscribes to changes (inject, heal, healAll, restore). The listener gets a
   * copy of the full list, in creation order.
   * @returns a function that unsubscribes.
   */
  onChange(listener: FaultChangeListener): () => void {
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const subscription: FaultChangeListener = (faults) => listener(faults);
    this.listeners.add(subscription);
    return () => {
      this.listeners.delete(subscription);
    };
  }

  private faultsTouching(byNode: Map<string, Fault[]>, from: string, to: string): Fault[] {
    const fromFaults = byNode.get(from) ?? [];
    if (from === to) return fromFaults;
    const toFaults = byNode.get(to) ?? [];
    if (fromFaults.length === 0) return toFaults;
    // A fault naming both endpoints must count once.
    return [...fromFaults, ...toFaults.filter((fault) => !fromFaults.includes(fault))];
  }

  private assertNewId(id: string, existing: Map<string, Fault>): void {
    if (typeof id !== 'string' || id.length === 0) throw new Error('FaultSet: fault id must be a non-empty string');
    if (existing.has(id)) throw new Error(`FaultSet: a fault with id "${id}" already exists`);
  }

  private changed(): void {
    this.index = buildIndex([...this.faultsById.values()]);
    // Snapshot: a listener may unsubscribe while we iterate.
    for (const listener of [...this.listeners]) listener(this.list());
  }
}

/** Validates a spec and returns a fresh copy holding only the fields its type uses. */
function normalizeSpec(spec: FaultSpec): FaultSpec {
  if (typeof spec !== 'object' || spec === null) throw new FaultSpecError('fault spec must be an object');
  const type: unknown = spec.type;
  if (!FAULT_TYPES.includes(type as FaultType)) {
    throw new FaultSpecError(`unknown fault type ${JSON.stringify(type)}; expected one of ${FAULT_TYPES.join(', ')}`);
  }
  const faultType = type as FaultType;
  for (const field of OPTIONAL_FIELDS) {
    if (spec[field] !== undefined && !FIELDS_BY_TYPE[faultType].includes(field)) {
      throw new FaultSpecError(`${faultType} fault does not take "${field}"`);
    }
  }
  switch (faultType) {
    case 'crash':
      return { type: faultType, nodes: requireNodes(spec.nodes, faultType) };
    case 'partition':
      return { type: faultType, groups: requireGroups(spec.groups) };
    case 'latency': {
      const nodes = requireNodes(spec.nodes, faultType);
      const ms = spec.ms;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) {
        throw new FaultSpecError(`latency fault needs "ms" > 0, got ${String(ms)}`);
      }
      return { type: faultType, nodes, ms };
    }
    case 'loss': {
      const nodes = requireNodes(spec.nodes, faultType);
      const rate = spec.rate;
      if (typeof rate !== 'number' || !(rate > 0 && rate <= 1)) {
        throw new FaultSpecError(`loss fault needs "rate" with 0 < rate <= 1, got ${String(rate)}`);
      }
      return { type: faultType, nodes, rate };
    }
  }
}

function requireNodes(nodes: unknown, type: FaultType): string[] {
  if (!Array.isArray(nodes) || nodes.length === 0) {
    throw new FaultSpecError(`${type} fault needs a non-empty "nodes" list`);
  }
  return (nodes as unknown[]).map((node) => requireNodeId(node, `${type} fault "nodes"`));
}

function requireGroups(groups: unknown): string[][] {
  if (!Array.isArray(groups) || groups.length < 2) {
    throw new FaultSpecError('partition fault needs "groups" with at least 2 groups');
  }
  const groupOf = new Map<string, number>();
  return (groups as unknown[]).map((group, groupIndex) => {
    if (!Array.isArray(group) || group.length === 0) {
      throw new FaultSpecError(`partition fault group ${groupIndex} must be a non-empty list of nodes`);
    }
    return (group as unknown[]).map((node) => {
      const nodeId = requireNodeId(node, `partition fault group ${groupIndex}`);
      const otherGroup = groupOf.get(nodeId);
      if (otherGroup !== undefined && otherGroup !== groupIndex) {
        throw new FaultSpecError(
          `partition fault groups must be disjoint: node "${nodeId}" is in groups ${otherGroup} and ${groupIndex}`,
        );
      }
      groupOf.set(nodeId, groupIndex);
      return nodeId;
    });
  });
}

function requireNodeId(node: unknown, where: string): string {
  if (typeof node !== 'string' || node.length === 0) {
    throw new FaultSpecError(`${where} must contain non-empty node id strings, got ${JSON.stringify(node)}`);
  }
  return node;
}

function buildIndex(faults: readonly Fault[]): FaultIndex {
  const index: FaultIndex = { crashed: new Set(), partitions: [], latencyByNode: new Map(), lossByNode: new Map() };
  const addByNode = (byNode: Map<string, Fault[]>, fault: Fault): void => {
    for (const node of new Set(fault.nodes ?? [])) {
      const list = byNode.get(node);
      if (list === undefined) byNode.set(node, [fault]);
      else list.push(fault);
    }
  };
  for (const fault of faults) {
    switch (fault.type) {
      case 'crash':
        for (const node of fault.nodes ?? []) index.crashed.add(node);
        break;
      case 'partition': {
        const groupOf = new Map<string, number>();
        (fault.groups ?? []).forEach((group, groupIndex) => {
          for (const node of group) groupOf.set(node, groupIndex);
        });
        index.partitions.push(groupOf);
        break;
      }
      case 'latency':
        addByNode(index.latencyByNode, fault);
        break;
      case 'loss':
        addByNode(index.lossByNode, fault);
        break;
    }
  }
  return index;
}

function copyFault(fault: Fault): Fault {
  const copy: Fault = { ...fault };
  if (fault.nodes !== undefined) copy.nodes = [...fault.nodes];
  if (fault.groups !== undefined) copy.groups = fault.groups.map((group) => [...group]);
  return copy;
}
