import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../src/store/journal.js';
import { encodeEvent, encodeJson } from '../../src/store/json-values.js';
import type { StoreBatch } from '../../src/store/port.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { ControllableStore } from './controllable-store.js';
import { batchOf, eventAt } from './store-suite.js';

/** Tracks whether a promise has settled, so tests can assert "not yet" without sleeping. */
function track(promise: Promise<void>): { settled: () => boolean } {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  return { settled: () => settled };
}

describe('Journal', () => {
  let store: ControllableStore;
  let journal: Journal;
  let listenerErrors: unknown[];

  beforeEach(() => {
    store = new ControllableStore(SqliteStore.open(':memory:'));
    listenerErrors = [];
    journal = new Journal(store, { onListenerError: (error) => listenerErrors.push(error) });
  });

  afterEach(async () => {
    await store.close();
  });

  it('does not call the store when nothing is pending', async () => {
    expect(journal.pending).toBe(false);

    await journal.flush();

    expect(store.commitCalls).toBe(0);
  });

  it('commits recorded puts, deletes and events as one batch', async () => {
    await store.commit(batchOf({ puts: [{ kind: 'cluster.node', id: 'old', value: 1 }] }));
    journal.put('cluster.node', 'n1', { state: 'running' });
    journal.delete('cluster.node', 'old');
    journal.event(eventAt(1));
    expect(journal.pending).toBe(true);

    await journal.flush();

    expect(journal.pending).toBe(false);
    expect(store.committedBatches.at(-1)).toEqual({
      puts: [{ kind: 'cluster.node', id: 'n1', valueJson: '{"state":"running"}' }],
      deletes: [{ kind: 'cluster.node', id: 'old' }],
      events: [encodeEvent(eventAt(1))],
    });
    expect(await store.list('cluster.node')).toEqual([{ kind: 'cluster.node', id: 'n1', value: { state: 'running' } }]);
    expect(await store.lastEventCursor()).toBe(1);
  });

  it('keeps only the last put per key within a batch', async () => {
    journal.put('cluster.node', 'n1', 'first');
    journal.put('cluster.node', 'n1', 'second');
    journal.put('auth.apiKey', 'n1', 'other kind');

    await journal.flush();

    expect(store.committedBatches[0]?.puts).toEqual([
      { kind: 'cluster.node', id: 'n1', valueJson: '"second"' },
      { kind: 'auth.apiKey', id: 'n1', valueJson: '"other kind"' },
    ]);
  });

  it('takes an already encoded value as it is, under the same last-put-wins rule', async () => {
    const shared = encodeJson({ lsn: 1 }, 'shared');
    journal.put('replication.wal', 'n1', 'replaced');
    journal.putEncoded('replication.wal', 'n1', shared);
    journal.putEncoded('replication.wal', 'n2', shared);

    await journal.flush();

    expect(store.committedBatches[0]?.puts).toEqual([
      { kind: 'replication.wal', id: 'n1', valueJson: '{"lsn":1}' },
      { kind: 'replication.wal', id: 'n2', valueJson: '{"lsn":1}' },
    ]);
  });

  it('turns put-then-delete into a delete', async () => {
    await store.commit(batchOf({ puts: [{ kind: 'cluster.node', id: 'n1', value: 'stored' }] }));
    journal.put('cluster.node', 'n1', 'changed');
    journal.delete('cluster.node', 'n1');

    await journal.flush();

    expect(store.committedBatches.at(-1)).toEqual({ puts: [], deletes: [{ kind: 'cluster.node', id: 'n1' }], events: [] });
    expect(await store.get('cluster.node', 'n1')).toBeUndefined();
  });

  it('re-creates a record put after its delete', async () => {
    await store.commit(batchOf({ puts: [{ kind: 'cluster.node', id: 'n1', value: 'stored' }] }));
    journal.delete('cluster.node', 'n1');
    journal.put('cluster.node', 'n1', 'recreated');

    await journal.flush();

    expect(store.committedBatches.at(-1)).toEqual(batchOf({ puts: [{ kind: 'cluster.node', id: 'n1', value: 'recreated' }] }));
    expect(await store.get('cluster.node', 'n1')).toBe('recreated');
  });

  it('snapshots values and events when recorded: a mutation after put changes nothing written', async () => {
    const node = { state: 'running', shards: ['s1'] };
    const payload = { nodeId: 'n1', tags: ['a'] };
    const event = eventAt(1, 'node.up', payload);
    journal.put('cluster.node', 'n1', node);
    journal.event(event);
    node.state = 'mutated';
    node.shards.push('s2');
    payload.tags.push('b');
    event.payload = { nodeId: 'mutated' };

    await journal.flush();

    expect(await store.get('cluster.node', 'n1')).toEqual({ state: 'running', shards: ['s1'] });
    expect((await store.readEvents(0, 1))[0]?.payload).toEqual({ nodeId: 'n1', tags: ['a'] });
    expect(store.committedBatches[0]?.puts[0]?.valueJson).toBe('{"state":"running","shards":["s1"]}');
  });

  it('refuses an undefined value', () => {
    expect(() => journal.put('cluster.node', 'n1', undefined)).toThrow(TypeError);
    expect(journal.pending).toBe(false);
  });

  it('refuses a value or payload JSON cannot carry when it is recorded, and records nothing of it', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    journal.put('cluster.node', 'n1', 'before');

    for (const unencodable of [10n, { epoch: 10n }, cyclic, () => 'not data']) {
      expect(() => journal.put('cluster.node', 'n1', unencodable)).toThrow(new TypeError('value of cluster.node/n1 cannot be encoded as JSON'));
    }
    expect(() => journal.event(eventAt(1, 'node.up', { epoch: 10n }))).toThrow(new TypeError('payload of event 1 cannot be encoded as JSON'));
    await journal.flush();

    expect(store.committedBatches).toEqual([batchOf({ puts: [{ kind: 'cluster.node', id: 'n1', value: 'before' }] })]);
    expect(await store.lastEventCursor()).toBe(0);
  });

  it('makes a flush during a running commit wait for it, then share one follow-up commit', async () => {
    store.holdCommits();
    journal.put('cluster.node', 'n1', 1);
    const firstFlush = journal.flush();
    const firstCommit = await store.nextHeldCommit();
    journal.put('cluster.node', 'n2', 2);
    const secondFlush = journal.flush();
    const thirdFlush = journal.flush();
    const second = track(secondFlush);

    expect(thirdFlush).toBe(secondFlush);
    firstCommit.release();
    await firstFlush;
    expect(second.settled()).toBe(false);
    const followUp = await store.nextHeldCommit();

    expect(followUp.batch.puts).toEqual([{ kind: 'cluster.node', id: 'n2', valueJson: '2' }]);
    expect(journal.pending).toBe(true);
    followUp.release();
    await secondFlush;
    expect(store.commitCalls).toBe(2);
    expect(journal.pending).toBe(false);
    expect(await store.get('cluster.node', 'n2')).toBe(2);
  });

  it('makes a flush with nothing new still wait for the running commit', async () => {
    store.holdCommits();
    journal.put('cluster.node', 'n1', 1);
    const firstFlush = journal.flush();
    const commit = await store.nextHeldCommit();

    const idleFlush = journal.flush();
    const idle = track(idleFlush);
    await Promise.resolve();
    expect(idle.settled()).toBe(false);
    commit.release();
    await Promise.all([firstFlush, idleFlush]);

    expect(await store.get('cluster.node', 'n1')).toBe(1);
    expect(store.commitCalls).toBe(1);
  });

  it('keeps a failed batch pending, commits nothing of it, and retries it on the next flush', async () => {
    const committed: StoreBatch[] = [];
    journal.onCommitted((batch) => committed.push(batch));
    journal.put('cluster.node', 'n1', 1);
    journal.event(eventAt(1));
    store.failNextCommit(new Error('disk full'));

    await expect(journal.flush()).rejects.toThrow('disk full');

    expect(journal.pending).toBe(true);
    expect(committed).toEqual([]);
    expect(await store.get('cluster.node', 'n1')).toBeUndefined();
    await journal.flush();
    expect(committed).toHaveLength(1);
    expect(await store.get('cluster.node', 'n1')).toBe(1);
    expect(await store.lastEventCursor()).toBe(1);
  });

  it('restores a failed batch under changes recorded while it was in flight', async () => {
    store.holdCommits();
    journal.put('cluster.node', 'n1', 'old');
    journal.put('cluster.node', 'n2', 'kept');
    journal.event(eventAt(1));
    const failedFlush = journal.flush();
    const commit = await store.nextHeldCommit();
    journal.put('cluster.node', 'n1', 'newer');
    journal.event(eventAt(2));

    commit.fail(new Error('io error'));
    await expect(failedFlush).rejects.toThrow('io error');
    store.passCommits();
    await journal.flush();

    expect(await store.list('cluster.node')).toEqual([
      { kind: 'cluster.node', id: 'n1', value: 'newer' },
      { kind: 'cluster.node', id: 'n2', value: 'kept' },
    ]);
    expect((await store.readEvents(0, 10)).map((event) => event.cursor)).toEqual([1, 2]);
  });

  it('lets a queued flush carry the batch of a running commit that fails', async () => {
    store.holdCommits();
    journal.put('cluster.node', 'n1', 1);
    const firstFlush = journal.flush();
    const firstCommit = await store.nextHeldCommit();
    journal.put('cluster.node', 'n2', 2);
    const secondFlush = journal.flush();
    const second = track(secondFlush);

    firstCommit.fail(new Error('transient'));
    await expect(firstFlush).rejects.toThrow('transient');
    expect(second.settled()).toBe(false);
    const retry = await store.nextHeldCommit();
    retry.release();
    await secondFlush;

    expect(retry.batch.puts.map((record) => record.id)).toEqual(['n2', 'n1']);
    expect((await store.list('cluster.node')).map((record) => record.id)).toEqual(['n1', 'n2']);
    expect(journal.pending).toBe(false);
  });

  it('calls commit listeners after each successful commit until unregistered', async () => {
    const seen: number[] = [];
    const stop = journal.onCommitted((batch) => seen.push(batch.puts.length));
    journal.put('a', '1', 1);
    journal.put('a', '2', 2);
    await journal.flush();
    stop();
    journal.put('a', '3', 3);
    await journal.flush();

    expect(seen).toEqual([2]);
  });

  it('reports listener errors without failing the durable flush or skipping other listeners', async () => {
    const seen: string[] = [];
    journal.onCommitted(() => {
      throw new Error('listener bug');
    });
    journal.onCommitted(() => seen.push('second'));
    journal.put('a', '1', 1);

    await journal.flush();

    expect(seen).toEqual(['second']);
    expect(listenerErrors).toEqual([new Error('listener bug')]);
    expect(journal.pending).toBe(false);
  });
});
