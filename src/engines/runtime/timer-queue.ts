/**
 * The priority queue behind {@link VirtualClock}: an indexed binary min-heap of
 * timers ordered by (dueMs, seq).
 *
 * Each timer remembers its position in the heap, so cancelling removes it in
 * O(log n) instead of leaving a tombstone. Raft-style engines cancel and re-arm
 * election timers constantly; tombstones would pile up with thousands of nodes.
 *
 * Internal to the runtime: not re-exported from `index.ts`.
 */

/** One scheduled timer as the queue sees it. */
export interface QueuedTimer {
  /** Stable id handed to the caller; kept across repetitions of a repeating timer. */
  readonly id: number;
  /** Virtual epoch ms at which the timer fires. */
  dueMs: number;
  /** Tie-breaker for equal `dueMs`: lower fires first (creation order). */
  seq: number;
  /** Repeat interval; 0 for a one-shot timer. */
  readonly intervalMs: number;
  /** What to run when the timer fires. */
  readonly callback: () => void;
  /** Position in the heap array, or -1 when not queued. Owned by the queue. */
  heapIndex: number;
}

/** Binary min-heap of {@link QueuedTimer} keyed by (dueMs, seq). */
export class TimerQueue {
  private readonly heap: QueuedTimer[] = [];

  /** Number of queued timers. */
  get size(): number {
    return this.heap.length;
  }

  /** The timer that fires next, without removing it. */
  peek(): QueuedTimer | undefined {
    return this.heap[0];
  }

  /** Adds a timer. O(log n). */
  push(timer: QueuedTimer): void {
    if (timer.heapIndex !== -1) throw new Error(`TimerQueue.push: timer ${timer.id} is already queued`);
    timer.heapIndex = this.heap.length;
    this.heap.push(timer);
    this.siftUp(timer.heapIndex);
  }

  /** Removes and returns the timer that fires next. O(log n). */
  pop(): QueuedTimer | undefined {
    const first = this.heap[0];
    if (first !== undefined) this.removeAt(0);
    return first;
  }

  /** Removes a queued timer from wherever it sits. O(log n). */
  remove(timer: QueuedTimer): void {
    const index = timer.heapIndex;
    if (index < 0 || this.heap[index] !== timer) {
      throw new Error(`TimerQueue.remove: timer ${timer.id} is not in this queue`);
    }
    this.removeAt(index);
  }

  private removeAt(index: number): void {
    const removed = this.at(index);
    const last = this.heap.pop();
    removed.heapIndex = -1;
    if (last === undefined || last === removed) return;
    // Move the last element into the hole, then restore heap order in whichever
    // direction it is violated.
    this.heap[index] = last;
    last.heapIndex = index;
    this.siftUp(index);
    this.siftDown(last.heapIndex);
  }

  private siftUp(start: number): void {
    let index = start;
    const timer = this.at(index);
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.at(parentIndex);
      if (!firesBefore(timer, parent)) break;
      this.place(parent, index);
      index = parentIndex;
    }
    this.place(timer, index);
  }

  private siftDown(start: number): void {
    let index = start;
    const timer = this.at(index);
    const length = this.heap.length;
    for (;;) {
      const leftIndex = 2 * index + 1;
      if (leftIndex >= length) break;
      const rightIndex = leftIndex + 1;
      let childIndex = leftIndex;
      if (rightIndex < length && firesBefore(this.at(rightIndex), this.at(leftIndex))) childIndex = rightIndex;
      const child = this.at(childIndex);
      if (!firesBefore(child, timer)) break;
      this.place(child, index);
      index = childIndex;
    }
    this.place(timer, index);
  }

  private place(timer: QueuedTimer, index: number): void {
    this.heap[index] = timer;
    timer.heapIndex = index;
  }

  private at(index: number): QueuedTimer {
    const timer = this.heap[index];
    if (timer === undefined) throw new Error(`TimerQueue: no timer at heap index ${index}`);
    return timer;
  }
}

function firesBefore(a: QueuedTimer, b: QueuedTimer): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
}
