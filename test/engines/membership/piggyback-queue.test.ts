import { describe, expect, it } from 'vitest';
import { PiggybackQueue, memberUpdate, type MemberState, type MemberUpdate } from '../../../src/engines/membership/index.js';

const META = Object.freeze({ address: 'a:1', region: 'r', zone: 'z', role: 'storage' });

function update(memberId: string, state: MemberState = 'alive', incarnation = 0): MemberUpdate {
  return memberUpdate(memberId, state, incarnation, META, memberId);
}

function take(queue: PiggybackQueue, max: number, limit: number, receiverId?: string, firstId?: string): string[] {
  const out: MemberUpdate[] = [];
  queue.take(out, max, limit, receiverId, firstId);
  return out.map((entry) => `${entry.memberId}:${entry.state}`);
}

describe('PiggybackQueue', () => {
  it('sends the least-sent updates first and retires each after `limit` transmissions', () => {
    const queue = new PiggybackQueue(16);
    queue.enqueue(update('a'));
    queue.enqueue(update('b'));
    expect(take(queue, 1, 2)).toEqual(['a:alive']);
    queue.enqueue(update('c'));
    // b and c were never sent; a once.
    expect(take(queue, 2, 2)).toEqual(['b:alive', 'c:alive']);
    expect(take(queue, 3, 2)).toEqual(['a:alive', 'b:alive', 'c:alive']);
    expect(queue.size).toBe(0);
    expect(take(queue, 3, 2)).toEqual([]);
  });

  it('keeps one update per member: a newer statement replaces the older and starts its count again', () => {
    const queue = new PiggybackQueue(16);
    queue.enqueue(update('a'));
    take(queue, 1, 3);
    queue.enqueue(update('a', 'suspect'));
    expect(queue.entries().map((entry) => [entry.update.state, entry.transmissions])).toEqual([['suspect', 0]]);
  });

  it("puts the sender's own news first, and never sends the receiver news about itself", () => {
    const queue = new PiggybackQueue(16);
    for (const memberId of ['a', 'b', 'c', 'd']) queue.enqueue(update(memberId));
    expect(take(queue, 3, 5, 'a', 'd')).toEqual(['d:alive', 'b:alive', 'c:alive']);
    expect(queue.entries().find((entry) => entry.update.memberId === 'a')?.transmissions).toBe(0);
  });

  it('when full, drops the most-sent update and counts it', () => {
    const queue = new PiggybackQueue(2);
    queue.enqueue(update('a'));
    take(queue, 1, 5); // a sent once
    expect(queue.enqueue(update('b'))).toBe(false);
    expect(queue.enqueue(update('c'))).toBe(true);
    expect(queue.entries().map((entry) => entry.update.memberId)).toEqual(['b', 'c']);
  });

  it('retires without sending an update that already reached a limit that shrank', () => {
    const queue = new PiggybackQueue(4);
    queue.enqueue(update('a'));
    take(queue, 1, 8);
    take(queue, 1, 8);
    expect(take(queue, 1, 2)).toEqual([]);
    expect(queue.size).toBe(0);
  });
});
