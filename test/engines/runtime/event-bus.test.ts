import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus, type BusEvent } from '../../../src/engines/runtime/event-bus.js';
import { Journal } from '../../../src/store/journal.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';
import { ControllableStore } from '../../store/controllable-store.js';

/** An interface on purpose: event maps declared as interfaces must be accepted. */
interface ClusterEvents {
  'node.up': { nodeId: string };
  'node.down': { nodeId: string; reason: string };
  'shard.moved': { resourceId: string; nodeIds: string[] };
  'partition.started': { affectedNodes: string[] };
  'apiKey.rotated': { id: string };
  'replica.lagging': { replica: { nodeId: string } };
  'clock.tick': number;
}

const START_TIME_MS = Date.UTC(2025, 0, 1);
const tempRoot = mkdtempSync(join(tmpdir(), 'rustydb-event-bus-'));

afterAll(() => {
  rmSync(tempRoot, { recursive: true, force: true });
});

function cursorsOf(events: readonly BusEvent[]): number[] {
  return events.map((event) => event.cursor);
}

describe('EventBus', () => {
  let store: ControllableStore;
  let journal: Journal;
  let bus: EventBus<ClusterEvents>;
  let nowMs: number;
  let listenerErrors: unknown[];

  async function startBus(recentLimit?: number): Promise<void> {
    bus = await EventBus.create<ClusterEvents>(journal, store, () => nowMs, recentLimit === undefined ? {} : { recentLimit });
  }

  /** Publishes `count` node.up events for nodes n1..n<count> and commits them. */
  async function publishNodesUp(count: number): Promise<void> {
    for (let index = 1; index <= count; index += 1) bus.publish('node.up', 'test', { nodeId: `n${index}` });
    await journal.flush();
  }

  beforeEach(async () => {
    nowMs = START_TIME_MS;
    listenerErrors = [];
    store = new ControllableStore(SqliteStore.open(':memory:'));
    journal = new Journal(store, { onListenerError: (error) => listenerErrors.push(error) });
    await startBus();
  });

  afterEach(async () => {
    bus.close();
    await store.close();
  });

  describe('publish', () => {
    it('assigns consecutive cursors, ids and the clock time', () => {
      const first = bus.publish('node.up', 'node/n1', { nodeId: 'n1' });
      nowMs += 1_500;
      const second = bus.publish('node.down', 'node/n1', { nodeId: 'n1', reason: 'crash' });

      expect(first).toEqual({
        cursor: 1,
        id: 'evt_1',
        type: 'node.up',
        time: '2025-01-01T00:00:00.000Z',
        source: 'node/n1',
        payload: { nodeId: 'n1' },
      });
      expect(second).toMatchObject({ cursor: 2, id: 'evt_2', time: '2025-01-01T00:00:01.500Z' });
      expect(journal.pending).toBe(true);
    });

    it('rejects payload types that do not match the event map at compile time', () => {
      // @ts-expect-error node.down needs a reason
      const event = bus.publish('node.down', 'test', { nodeId: 'n1' });
      expect(event.cursor).toBe(1);
    });

    it('consumes no cursor when the payload cannot be recorded', () => {
      const unrecordable = { nodeId: 'n1', epoch: 10n } as unknown as ClusterEvents['node.up'];

      expect(() => bus.publish('node.up', 'test', unrecordable)).toThrow('payload of event 1 cannot be encoded as JSON');
      expect(bus.publish('node.up', 'test', { nodeId: 'n1' }).cursor).toBe(1);
    });
  });

  describe('delivery', () => {
    it('delivers an event only after the batch holding it is committed', async () => {
      const delivered: BusEvent[] = [];
      bus.subscribe({}, (event) => delivered.push(event));
      store.holdCommits();

      bus.publish('node.up', 'test', { nodeId: 'n1' });
      const flush = journal.flush();
      const commit = await store.nextHeldCommit();

      expect(delivered).toEqual([]);
      expect(await bus.readAfter(0, 10)).toEqual([]);
      expect(bus.lastCommittedCursor()).toBe(0);
      commit.release();
      await flush;
      expect(cursorsOf(delivered)).toEqual([1]);
      expect(bus.lastCommittedCursor()).toBe(1);
      expect(await store.lastEventCursor()).toBe(1);
    });

    it('delivers nothing from a failed commit, then everything in cursor order once the retry commits', async () => {
      const delivered: BusEvent[] = [];
      bus.subscribe({}, (event) => delivered.push(event));
      bus.publish('node.up', 'test', { nodeId: 'n1' });
      store.failNextCommit(new Error('disk full'));

      await expect(journal.flush()).rejects.toThrow('disk full');
      expect(delivered).toEqual([]);
      expect(await bus.readAfter(0, 10)).toEqual([]);

      bus.publish('node.up', 'test', { nodeId: 'n2' });
      await journal.flush();
      expect(cursorsOf(delivered)).toEqual([1, 2]);
    });

    it('stops delivering after unsubscribe and after close', async () => {
      const kept: number[] = [];
      const dropped: number[] = [];
      bus.subscribe({}, (event) => kept.push(event.cursor));
      const unsubscribe = bus.subscribe({}, (event) => dropped.push(event.cursor));
      await publishNodesUp(1);

      unsubscribe();
      await publishNodesUp(1);
      bus.close();
      await publishNodesUp(1);

      expect(dropped).toEqual([1]);
      expect(kept).toEqual([1, 2]);
    });

    it('keeps delivering to other subscribers when one throws, and reports the error through the journal', async () => {
      const delivered: number[] = [];
      bus.subscribe({}, () => {
        throw new Error('subscriber bug');
      });
      bus.subscribe({}, (event) => delivered.push(event.cursor));

      await publishNodesUp(2);

      expect(delivered).toEqual([1, 2]);
      expect(listenerErrors).toHaveLength(1);
      expect(listenerErrors[0]).toBeInstanceOf(AggregateError);
      expect(journal.pending).toBe(false);
    });

    it('delivers deeply frozen events, so one subscriber cannot change what others see', async () => {
      let received: BusEvent | undefined;
      bus.subscribe({}, (event) => {
        received = event;
      });
      bus.publish('shard.moved', 'test', { resourceId: 's1', nodeIds: ['n1'] });
      await journal.flush();

      const payload = received?.payload as ClusterEvents['shard.moved'];
      expect(() => payload.nodeIds.push('n2')).toThrow(TypeError);
      expect((await bus.readAfter(0, 1))[0]?.payload).toEqual({ resourceId: 's1', nodeIds: ['n1'] });
    });
  });

  describe('filters', () => {
    async function publishMixture(): Promise<void> {
      bus.publish('node.up', 'test', { nodeId: 'n1' }); // 1
      bus.publish('node.down', 'test', { nodeId: 'n2', reason: 'crash' }); // 2
      bus.publish('shard.moved', 'test', { resourceId: 's1', nodeIds: ['n1', 'n3'] }); // 3
      bus.publish('partition.started', 'test', { affectedNodes: ['n2', 'n4'] }); // 4
      bus.publish('apiKey.rotated', 'test', { id: 'key-1' }); // 5
      bus.publish('replica.lagging', 'test', { replica: { nodeId: 'n1' } }); // 6
      bus.publish('clock.tick', 'test', 42); // 7
      await journal.flush();
    }

    it('matches by type and by resource ids in nodeId, resourceId, id, nodeIds and affectedNodes', async () => {
      await publishMixture();
      const all = await bus.readAfter(0, 100);
      const matching = (filter: Parameters<typeof bus.matches>[0]): number[] =>
        cursorsOf(all.filter((event) => bus.matches(filter, event)));

      expect(matching({ types: ['node.up', 'node.down'] })).toEqual([1, 2]);
      expect(matching({ resourceIds: ['n1'] })).toEqual([1, 3]);
      expect(matching({ resourceIds: ['n2'] })).toEqual([2, 4]);
      expect(matching({ resourceIds: ['s1', 'key-1', 'n4'] })).toEqual([3, 4, 5]);
      expect(matching({ types: ['shard.moved', 'node.down'], resourceIds: ['n1'] })).toEqual([3]);
      expect(matching({ types: [], resourceIds: [] })).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(matching({ resourceIds: ['42'] })).toEqual([]);
    });

    it('applies the subscription filter to live delivery', async () => {
      const delivered: number[] = [];
      bus.subscribe({ types: ['node.down', 'partition.started'], resourceIds: ['n2'] }, (event) => delivered.push(event.cursor));

      await publishMixture();

      expect(delivered).toEqual([2, 4]);
    });

    it('is not affected by later changes to the filter object', async () => {
      const delivered: number[] = [];
      const types = ['node.up'];
      bus.subscribe({ types }, (event) => delivered.push(event.cursor));
      types.push('node.down');

      await publishMixture();

      expect(delivered).toEqual([1]);
    });
  });

  describe('readAfter', () => {
    it('serves a range the ring covers without reading the store', async () => {
      await publishNodesUp(5);

      expect(cursorsOf(await bus.readAfter(0, 10))).toEqual([1, 2, 3, 4, 5]);
      expect(cursorsOf(await bus.readAfter(2, 2))).toEqual([3, 4]);
      expect(cursorsOf(await bus.readAfter(0, 2, { resourceIds: ['n3', 'n5'] }))).toEqual([3, 5]);
      expect(await bus.readAfter(5, 10)).toEqual([]);
      expect(await bus.readAfter(1, 0)).toEqual([]);
      expect(store.readEventsCalls).toBe(0);
    });

    it('falls back to the store once the ring has evicted the range', async () => {
      await startBus(3);
      await publishNodesUp(10);

      expect(cursorsOf(await bus.readAfter(7, 10))).toEqual([8, 9, 10]);
      expect(store.readEventsCalls).toBe(0);
      expect(cursorsOf(await bus.readAfter(2, 4))).toEqual([3, 4, 5, 6]);
      expect(store.readEventsCalls).toBe(1);
      expect(cursorsOf(await bus.readAfter(0, 10, { types: ['node.up'] }))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('pages through the store until enough events match a resource filter', async () => {
      await startBus(0);
      for (let index = 1; index <= 600; index += 1) {
        bus.publish('node.up', 'test', { nodeId: index % 200 === 0 ? 'rare' : `n${index}` });
      }
      await journal.flush();

      expect(cursorsOf(await bus.readAfter(0, 2, { resourceIds: ['rare'] }))).toEqual([200, 400]);
      expect(cursorsOf(await bus.readAfter(0, 10, { resourceIds: ['rare'] }))).toEqual([200, 400, 600]);
      expect(store.readEventsCalls).toBeGreaterThan(1);
    });

    it('rejects a negative limit', async () => {
      await expect(bus.readAfter(0, -1)).rejects.toThrow(RangeError);
    });
  });

  describe('restart', () => {
    it('continues cursors after the store is reopened and resumes old events from the store', async () => {
      const path = join(tempRoot, 'restart', 'state.sqlite');
      const firstStore = SqliteStore.open(path);
      const firstJournal = new Journal(firstStore);
      const firstBus = await EventBus.create<ClusterEvents>(firstJournal, firstStore, () => nowMs);
      firstBus.publish('node.up', 'test', { nodeId: 'n1' });
      firstBus.publish('node.up', 'test', { nodeId: 'n2' });
      firstBus.publish('node.down', 'test', { nodeId: 'n1', reason: 'stop' });
      await firstJournal.flush();
      firstBus.publish('node.up', 'test', { nodeId: 'lost' }); // never committed: its cursor may be reused
      firstBus.close();
      await firstStore.close();

      const reopened = new ControllableStore(SqliteStore.open(path));
      const reopenedJournal = new Journal(reopened);
      const reopenedBus = await EventBus.create<ClusterEvents>(reopenedJournal, reopened, () => nowMs);
      try {
        expect(reopenedBus.lastCommittedCursor()).toBe(3);
        expect(reopenedBus.publish('node.up', 'test', { nodeId: 'n3' }).cursor).toBe(4);
        expect(await reopenedBus.readAfter(3, 10)).toEqual([]);
        const resumed = await reopenedBus.readAfter(1, 10, { resourceIds: ['n1'] });
        expect(resumed.map((event) => [event.cursor, event.type])).toEqual([[3, 'node.down']]);
        expect(reopened.readEventsCalls).toBeGreaterThan(0);
      } finally {
        reopenedBus.close();
        await reopened.close();
      }
    });

    it('continues cursors after every stored event was pruned', async () => {
      await publishNodesUp(3);
      await store.pruneEvents(0);
      bus.close();

      await startBus();

      expect(bus.publish('node.up', 'test', { nodeId: 'n4' }).cursor).toBe(4);
      await journal.flush();
      expect(cursorsOf(await bus.readAfter(0, 10))).toEqual([4]);
    });
  });
});
