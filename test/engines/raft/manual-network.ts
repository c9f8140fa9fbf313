/**
 * Drives RaftNodes by hand, without clock or runtime: the test decides which message is
 * delivered, dropped or held, and each Ready is carried out on a MemoryDisk the way the contract
 * says (persist, send, apply, advance). Like the `network` of etcd's raft_test.go.
 */
import {
  MemoryDisk,
  RaftNode,
  describeMessage,
  type DurableState,
  type Entry,
  type RaftConfig,
  type RaftMessage,
  type Ready,
} from '../../../src/engines/raft/index.js';

export type NodeSettings = Omit<RaftConfig, 'id' | 'random'>;

/** A random source that always draws the lowest timeout, so elections happen at known ticks. */
export const lowestTimeout = (minInclusive: number): number => minInclusive;

export class ManualNetwork {
  readonly nodes = new Map<string, RaftNode>();
  readonly disks = new Map<string, MemoryDisk>();
  readonly applied = new Map<string, Entry[]>();
  /** Messages sent and not yet delivered, in send order. */
  queue: RaftMessage[] = [];
  /** Every Ready processed, per node, for transcript assertions. */
  readonly readies = new Map<string, Ready[]>();
  /** Nodes whose messages (both ways) are dropped. */
  readonly isolated = new Set<string>();
  private readonly settingsOf: (id: string) => NodeSettings;

  constructor(
    ids: readonly string[],
    settings: NodeSettings | ((id: string) => NodeSettings) = {},
    private readonly random: RaftConfig['random'] = lowestTimeout,
    restored: Readonly<Record<string, DurableState>> = {},
  ) {
    this.settingsOf = typeof settings === 'function' ? settings : () => settings;
    for (const id of ids) this.start(id, restored[id]);
  }

  /** (Re)creates a node from its disk (or the given state) and processes its first Ready. */
  start(id: string, state?: DurableState): RaftNode {
    const disk = state !== undefined ? new MemoryDisk(id, state) : (this.disks.get(id) ?? new MemoryDisk(id));
    this.disks.set(id, disk);
    const settings = { bootstrapVoters: [] as readonly string[], ...this.settingsOf(id) };
    const node = new RaftNode({ ...settings, id, random: this.random }, disk.load());
    this.nodes.set(id, node);
    this.applied.set(id, []);
    this.drain(id);
    return node;
  }

  node(id: string): RaftNode {
    const node = this.nodes.get(id);
    if (node === undefined) throw new Error(`no node ${id}`);
    return node;
  }

  /** Ticks a node `count` times, processing Readies after each. */
  tick(id: string, count = 1): void {
    for (let tick = 0; tick < count; tick += 1) {
      this.node(id).tick();
      this.drain(id);
    }
  }

  /** Delivers one message (it must be addressed to a live node). */
  deliver(message: RaftMessage): void {
    this.node(message.to).step(message);
    this.drain(message.to);
  }

  /** Delivers queued messages (and those they cause) until the queue is empty, or `maxMessages`. */
  deliverAll(filter: (message: RaftMessage) => boolean = () => true, maxMessages = 10_000): number {
    let delivered = 0;
    while (this.queue.length > 0) {
      if (delivered >= maxMessages) throw new Error('deliverAll: too many messages');
      const message = this.queue.shift() as RaftMessage;
      if (this.isolated.has(message.from) || this.isolated.has(message.to) || !this.nodes.has(message.to) || !filter(message)) continue;
      this.deliver(message);
      delivered += 1;
    }
    return delivered;
  }

  /** Removes and returns the queued messages matching `filter`. */
  take(filter: (message: RaftMessage) => boolean): RaftMessage[] {
    const taken = this.queue.filter(filter);
    this.queue = this.queue.filter((message) => !filter(message));
    return taken;
  }

  /** Ticks `id` until it campaigns and the election settles. */
  elect(id: string): void {
    const node = this.node(id);
    for (let tick = 0; tick < 1000 && node.currentRole !== 'LEADER'; tick += 1) {
      this.tick(id);
      this.deliverAll();
    }
    if (node.currentRole !== 'LEADER') throw new Error(`${id} did not become leader`);
    this.deliverAll();
  }

  /** Crashes a node: its volatile state and undelivered messages to it are lost; the disk stays. */
  crash(id: string): void {
    this.nodes.delete(id);
    this.queue = this.queue.filter((message) => message.to !== id);
  }

  transcript(): string[] {
    return this.queue.map(describeMessage);
  }

  lastReady(id: string): Ready | undefined {
    const readies = this.readies.get(id) ?? [];
    return readies[readies.length - 1];
  }

  /** Carries out every pending Ready of a node. */
  drain(id: string): void {
    const node = this.node(id);
    const disk = this.disks.get(id) as MemoryDisk;
    while (node.hasReady()) {
      const ready = node.ready();
      if (ready.snapshot !== undefined) disk.installSnapshot(ready.snapshot);
      disk.append(ready.entries);
      if (ready.hardState !== undefined) disk.setHardState(ready.hardState);
      this.queue.push(...ready.messages);
      this.applied.get(id)?.push(...ready.committedEntries);
      node.advance(ready);
      this.readies.set(id, [...(this.readies.get(id) ?? []), ready]);
    }
  }
}
