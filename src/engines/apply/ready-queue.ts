/**
 * The transactions ready to apply, lowest commit LSN first (a binary min-heap): batches take
 * the oldest ready work, so the checkpoint's low watermark moves as early as it can.
 */
import type { Lsn } from '../replication/lsn.js';

export class ReadyQueue<T extends { readonly commitLsn: Lsn }> {
  private readonly heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  push(item: T): void {
    const heap = this.heap;
    heap.push(item);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent]!.commitLsn <= item.commitLsn) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = item;
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right]!.commitLsn < heap[left]!.commitLsn ? right : left;
      if (heap[child]!.commitLsn >= last.commitLsn) break;
      heap[index] = heap[child]!;
      index = child;
    }
    heap[index] = last;
    return top;
  }

  /** Removes every item `matches` accepts. */
  removeWhere(matches: (item: T) => boolean): void {
    const kept = this.heap.filter((item) => !matches(item));
    this.heap.length = 0;
    for (const item of kept) this.push(item);
  }
}
