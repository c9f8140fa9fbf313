import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeEvent, encodeJson } from '../../src/store/json-values.js';
import type { JsonText, RecordKey, Store, StoreBatch, StoredEvent, StoredRecord } from '../../src/store/port.js';

/** A batch's parts before encoding: values and payloads as objects. */
export interface BatchParts {
  puts?: StoredRecord[];
  deletes?: RecordKey[];
  events?: StoredEvent[];
}

/** Builds a batch as the journal does, encoding values and payloads; unspecified parts are empty. */
export function batchOf(parts: BatchParts): StoreBatch {
  return {
    puts: (parts.puts ?? []).map((record) => ({ kind: record.kind, id: record.id, valueJson: encodeJson(record.value, `value of ${record.kind}/${record.id}`) })),
    deletes: parts.deletes ?? [],
    events: (parts.events ?? []).map(encodeEvent),
  };
}

/** A valid event at `cursor`. */
export function eventAt(cursor: number, type = 'cluster.node.started', payload: unknown = { nodeId: `n${cursor}` }): StoredEvent {
  return {
    cursor,
    id: `evt_${cursor}`,
    type,
    time: new Date(Date.UTC(2025, 0, 1, 0, 0, cursor)).toISOString(),
    source: 'test',
    payload,
  };
}

function nodeRecord(id: string, value: unknown = { id }): StoredRecord {
  return { kind: 'cluster.node', id, value };
}

/**
 * The contract every {@link Store} adapter must honour. Each test gets a fresh, empty store from `open`.
 */
export function describeStore(name: string, open: () => Promise<Store> | Store): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await open();
    });

    afterEach(async () => {
      await store.close();
    });

    it('starts empty', async () => {
      expect(await store.list('cluster.node')).toEqual([]);
      expect(await store.get('cluster.node', 'n1')).toBeUndefined();
      expect(await store.readEvents(0, 10)).toEqual([]);
      expect(await store.lastEventCursor()).toBe(0);
    });

    it('lists the records of one kind ordered by id in code-point order', async () => {
      await store.commit(
        batchOf({
          puts: [nodeRecord('b'), nodeRecord('a'), nodeRecord('c'), nodeRecord('B'), { kind: 'auth.apiKey', id: 'a', value: 1 }],
        }),
      );

      const nodes = await store.list<{ id: string }>('cluster.node');

      expect(nodes.map((record) => record.id)).toEqual(['B', 'a', 'b', 'c']);
      expect(nodes[1]).toEqual({ kind: 'cluster.node', id: 'a', value: { id: 'a' } });
      expect(await store.list('auth.apiKey')).toEqual([{ kind: 'auth.apiKey', id: 'a', value: 1 }]);
    });

    it('round-trips JSON values of every shape', async () => {
      const values: Record<string, unknown> = {
        object: { name: 'ñode-✓', nested: { list: [1, 'two', null, { three: true }] } },
        array: [1, 2, 3],
        string: '',
        number: -12.5,
        boolean: false,
        null: null,
      };
      await store.commit(batchOf({ puts: Object.entries(values).map(([id, value]) => ({ kind: 'shape', id, value })) }));

      for (const [id, value] of Object.entries(values)) {
        expect(await store.get('shape', id)).toEqual(value);
      }
    });

    it('overwrites on put, removes on delete, and ignores deleting an absent record', async () => {
      await store.commit(batchOf({ puts: [nodeRecord('n1', { state: 'starting' }), nodeRecord('n2')] }));
      await store.commit(batchOf({ puts: [nodeRecord('n1', { state: 'running' })], deletes: [{ kind: 'cluster.node', id: 'n2' }] }));
      await store.commit(batchOf({ deletes: [{ kind: 'cluster.node', id: 'never-existed' }] }));

      expect(await store.get('cluster.node', 'n1')).toEqual({ state: 'running' });
      expect(await store.get('cluster.node', 'n2')).toBeUndefined();
      expect((await store.list('cluster.node')).map((record) => record.id)).toEqual(['n1']);
    });

    it('applies deletes before puts within one batch', async () => {
      await store.commit(batchOf({ puts: [nodeRecord('n1', 1)] }));
      await store.commit(batchOf({ puts: [nodeRecord('n1', 2)], deletes: [{ kind: 'cluster.node', id: 'n1' }] }));

      expect(await store.get('cluster.node', 'n1')).toBe(2);
    });

    it('keeps the later of two puts of one key within one batch', async () => {
      await store.commit(batchOf({ puts: [nodeRecord('n1', 'first'), nodeRecord('n2'), nodeRecord('n1', 'second')] }));

      expect(await store.get('cluster.node', 'n1')).toBe('second');
      expect((await store.list('cluster.node')).map((record) => record.id)).toEqual(['n1', 'n2']);
    });

    it('writes values and payloads as the JSON text the batch carries', async () => {
      // Text encodeJson would not write (spaces, an escape it has no need of): the store takes it as it is.
      const text = '{ "zeta" : 1, "alpha" : [true, null], "name" : "\\u00f1ode" }' as JsonText;
      await store.commit({ puts: [{ kind: 'shape', id: 'text', valueJson: text }], deletes: [], events: [{ ...encodeEvent(eventAt(1)), payloadJson: text }] });

      const expected = { zeta: 1, alpha: [true, null], name: 'ñode' };
      expect(JSON.stringify(await store.get('shape', 'text'))).toBe(JSON.stringify(expected));
      expect((await store.readEvents(0, 1))[0]?.payload).toEqual(expected);
    });

    it('returns copies that callers may mutate', async () => {
      await store.commit(batchOf({ puts: [nodeRecord('n1', { tags: ['a'] })] }));

      const first = await store.get<{ tags: string[] }>('cluster.node', 'n1');
      first?.tags.push('mutated');

      expect(await store.get('cluster.node', 'n1')).toEqual({ tags: ['a'] });
    });

    it('reads events after a cursor in ascending order, bounded by the limit', async () => {
      await store.commit(batchOf({ events: [eventAt(1), eventAt(2)] }));
      await store.commit(batchOf({ events: [eventAt(3), eventAt(4), eventAt(5)] }));

      expect(await store.readEvents(0, 10)).toEqual([1, 2, 3, 4, 5].map((cursor) => eventAt(cursor)));
      expect((await store.readEvents(2, 2)).map((event) => event.cursor)).toEqual([3, 4]);
      expect(await store.readEvents(5, 10)).toEqual([]);
      expect(await store.readEvents(0, 0)).toEqual([]);
    });

    it('filters events by type; an empty type list means all types', async () => {
      await store.commit(
        batchOf({ events: [eventAt(1, 'node.up'), eventAt(2, 'node.down'), eventAt(3, 'shard.moved'), eventAt(4, 'node.up')] }),
      );

      const cursorsOf = async (afterCursor: number, limit: number, types?: readonly string[]): Promise<number[]> =>
        (await store.readEvents(afterCursor, limit, types)).map((event) => event.cursor);

      expect(await cursorsOf(0, 10, ['node.up'])).toEqual([1, 4]);
      expect(await cursorsOf(0, 10, ['node.up', 'shard.moved'])).toEqual([1, 3, 4]);
      expect(await cursorsOf(1, 1, ['node.up', 'shard.moved'])).toEqual([3]);
      expect(await cursorsOf(0, 10, ['unknown'])).toEqual([]);
      expect(await cursorsOf(0, 10, [])).toEqual([1, 2, 3, 4]);
    });

    it('reports the highest committed cursor', async () => {
      await store.commit(batchOf({ events: [eventAt(1), eventAt(2)] }));
      await store.commit(batchOf({ events: [eventAt(7)] }));

      expect(await store.lastEventCursor()).toBe(7);
    });

    it('rejects event cursors that do not increase and applies nothing of that batch', async () => {
      await store.commit(batchOf({ events: [eventAt(1), eventAt(2)] }));

      const reused = batchOf({ puts: [nodeRecord('n1')], events: [{ ...eventAt(2), id: 'evt_other' }] });
      await expect(store.commit(reused)).rejects.toThrow();
      const descending = batchOf({ puts: [nodeRecord('n2')], events: [eventAt(4), eventAt(3)] });
      await expect(store.commit(descending)).rejects.toThrow();

      expect(await store.list('cluster.node')).toEqual([]);
      expect(await store.lastEventCursor()).toBe(2);
      expect((await store.readEvents(0, 10)).map((event) => event.cursor)).toEqual([1, 2]);
    });

    it('rolls back a batch that violates a constraint midway', async () => {
      await store.commit(batchOf({ puts: [nodeRecord('keep', 'before')] }));
      // The second event reuses the first one's id: only detectable once the first is written.
      const batch = batchOf({
        puts: [nodeRecord('keep', 'after'), nodeRecord('new')],
        deletes: [{ kind: 'cluster.node', id: 'keep' }],
        events: [eventAt(1), { ...eventAt(2), id: 'evt_1' }],
      });

      await expect(store.commit(batch)).rejects.toThrow();

      expect(await store.list('cluster.node')).toEqual([nodeRecord('keep', 'before')]);
      expect(await store.readEvents(0, 10)).toEqual([]);
      expect(await store.lastEventCursor()).toBe(0);
    });

    it('prunes all but the newest events and reports how many it removed', async () => {
      await store.commit(batchOf({ events: [1, 2, 3, 4, 5].map((cursor) => eventAt(cursor)) }));

      expect(await store.pruneEvents(10)).toBe(0);
      expect(await store.pruneEvents(2)).toBe(3);
      expect((await store.readEvents(0, 10)).map((event) => event.cursor)).toEqual([4, 5]);
      expect(await store.pruneEvents(2)).toBe(0);
    });

    it('prunes the events older than a time, and by count and age together, whichever removes more', async () => {
      await store.commit(batchOf({ events: [1, 2, 3, 4, 5].map((cursor) => eventAt(cursor)) }));

      expect(await store.pruneEvents(10, eventAt(1).time)).toBe(0);
      expect(await store.pruneEvents(10, eventAt(3).time)).toBe(2);
      expect((await store.readEvents(0, 10)).map((event) => event.cursor)).toEqual([3, 4, 5]);
      // The count removes more than the age here.
      expect(await store.pruneEvents(1, eventAt(4).time)).toBe(2);
      expect((await store.readEvents(0, 10)).map((event) => event.cursor)).toEqual([5]);
      // Every event older: the history empties, and its cursors are still never reused.
      expect(await store.pruneEvents(10, eventAt(6).time)).toBe(1);
      expect(await store.readEvents(0, 10)).toEqual([]);
      expect(await store.lastEventCursor()).toBe(5);
    });

    it('takes the age bound only as event times are written (ISO-8601 UTC with milliseconds)', async () => {
      await store.commit(batchOf({ events: [eventAt(1)] }));
      for (const olderThan of ['2025-01-01', '2025-01-01T00:00:03Z', 'yesterday', '']) {
        await expect(store.pruneEvents(10, olderThan)).rejects.toThrow(RangeError);
      }
      expect((await store.readEvents(0, 10)).map((event) => event.cursor)).toEqual([1]);
    });

    it('never lets a cursor go back, even after pruning every event', async () => {
      await store.commit(batchOf({ events: [eventAt(1), eventAt(2), eventAt(3)] }));

      expect(await store.pruneEvents(0)).toBe(3);

      expect(await store.readEvents(0, 10)).toEqual([]);
      expect(await store.lastEventCursor()).toBe(3);
      await expect(store.commit(batchOf({ events: [eventAt(3)] }))).rejects.toThrow();
      await store.commit(batchOf({ events: [eventAt(4)] }));
      expect(await store.lastEventCursor()).toBe(4);
    });

    it('rejects negative limits and non-finite cursors', async () => {
      await expect(store.readEvents(0, -1)).rejects.toThrow(RangeError);
      await expect(store.readEvents(Number.NaN, 1)).rejects.toThrow(RangeError);
      await expect(store.pruneEvents(-1)).rejects.toThrow(RangeError);
    });

    it('closes idempotently and rejects calls after close', async () => {
      await store.close();
      await store.close();

      await expect(store.list('cluster.node')).rejects.toThrow();
      await expect(store.commit(batchOf({ puts: [nodeRecord('n1')] }))).rejects.toThrow();
    });
  });
}

/**
 * The durability part of the contract, for adapters that keep state outside the process:
 * `place()` names a fresh, empty location, and every `open` of it sees what earlier ones committed.
 */
export function describeDurableStore(name: string, place: () => { open: () => Promise<Store> | Store }): void {
  describe(`Store durability: ${name}`, () => {
    it('keeps records, events and the cursor high-water mark across close and reopen', async () => {
      const location = place();
      const first = await location.open();
      await first.commit(
        batchOf({
          puts: [nodeRecord('n1', { state: 'running' }), nodeRecord('n2', { state: 'running' })],
          events: [eventAt(1), eventAt(2), eventAt(3)],
        }),
      );
      await first.commit(batchOf({ deletes: [{ kind: 'cluster.node', id: 'n2' }] }));
      await first.pruneEvents(1);
      await first.close();

      const reopened = await location.open();
      try {
        expect(await reopened.list('cluster.node')).toEqual([nodeRecord('n1', { state: 'running' })]);
        expect(await reopened.readEvents(0, 10)).toEqual([eventAt(3)]);
        expect(await reopened.lastEventCursor()).toBe(3);
      } finally {
        await reopened.close();
      }
    });
  });
}
