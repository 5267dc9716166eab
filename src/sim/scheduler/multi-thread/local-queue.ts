/**
 * A multi_thread worker's local run queue (tokio-facts.md §6.3 "Local queue", "Stealing"; Tokio
 * `scheduler/multi_thread/queue.rs`): a 256-slot ring indexed by `position & (capacity − 1)`, one
 * owner pushing at the tail and popping at the head, stealers taking half from the head.
 *
 * Positions are u32 and wrap like Tokio's. The head is two positions: `steal` and `real`; they
 * differ only while a steal is in progress (the stealer has claimed `[steal, real)` but not yet
 * copied it out). The simulation runs a steal atomically (`stealInto`), but the two phases are
 * also exposed (`claimSteal` / `finishSteal`) so tests can interleave owner operations with a
 * steal in flight and check the rules Tokio keeps for that window.
 */

export const LOCAL_QUEUE_CAPACITY = 256;
const MASK = LOCAL_QUEUE_CAPACITY - 1;
/** `NUM_TASKS_TAKEN`: how many of the oldest tasks an overflow moves to the inject queue. */
export const NUM_TASKS_TAKEN = LOCAL_QUEUE_CAPACITY / 2;

/** Where a full local queue sends tasks (the runtime's inject queue, Tokio's `Overflow`). */
export interface Overflow<T> {
  /** One task (overflow while a steal is in progress). */
  push(task: T): void;
  /** The overflow batch: `tasks[0 .. n)` in order, oldest first, as one push under one lock. */
  pushBatch(tasks: readonly T[], n: number): void;
}

/** Counters a worker keeps about its queue (Tokio's `Stats` fields for these). */
export class QueueStats {
  overflowCount = 0;
  stealCount = 0;
  stealOperations = 0;
}

const len32 = (head: number, tail: number): number => (tail - head) >>> 0;

export class LocalQueue<T> {
  private readonly buffer: (T | undefined)[];
  private headSteal = 0;
  private headReal = 0;
  private tail = 0;
  // The overflow batch is built here, so an overflow allocates nothing.
  private readonly batch: (T | undefined)[];

  constructor() {
    this.buffer = new Array<T | undefined>(LOCAL_QUEUE_CAPACITY).fill(undefined);
    this.batch = new Array<T | undefined>(NUM_TASKS_TAKEN + 1).fill(undefined);
  }

  /** Tasks the owner can pop (from the real head). */
  len(): number {
    return len32(this.headReal, this.tail);
  }

  /** Free slots: counted from the steal head, since claimed slots are not free yet. */
  remainingSlots(): number {
    return LOCAL_QUEUE_CAPACITY - len32(this.headSteal, this.tail);
  }

  hasTasks(): boolean {
    return this.len() !== 0;
  }

  isEmpty(): boolean {
    return this.len() === 0;
  }

  /** True while a stealer has claimed tasks it has not yet copied out. */
  stealInProgress(): boolean {
    return this.headSteal !== this.headReal;
  }

  /** The task at `i` positions after the real head (0 = next to pop); for the UI and tests. */
  peek(i: number): T | undefined {
    if (i < 0 || i >= this.len()) return undefined;
    return this.buffer[(this.headReal + i) & MASK];
  }

  /** `push_back` of a batch the owner knows fits (inject batch pulls). */
  pushBack(tasks: readonly T[], from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    if (len32(this.headSteal, this.tail) > LOCAL_QUEUE_CAPACITY - n) {
      throw new Error(`local queue: push_back of ${n} tasks does not fit`);
    }
    let tail = this.tail;
    const buf = this.buffer;
    for (let i = from; i < to; i++) {
      buf[tail & MASK] = tasks[i];
      tail = (tail + 1) >>> 0;
    }
    this.tail = tail;
  }

  /**
   * `push_back_or_overflow`: append; when all 256 slots are used, either send just this task to
   * the overflow (a steal is in progress, so the oldest half cannot be claimed) or move the 128
   * oldest plus this task there as one batch. Returns 0 appended, 1 sent alone, 2 batch overflow.
   */
  pushBackOrOverflow(task: T, overflow: Overflow<T>, stats?: QueueStats): 0 | 1 | 2 {
    const tail = this.tail;
    if (len32(this.headSteal, tail) < LOCAL_QUEUE_CAPACITY) {
      this.buffer[tail & MASK] = task;
      this.tail = (tail + 1) >>> 0;
      return 0;
    }
    if (this.headSteal !== this.headReal) {
      overflow.push(task);
      return 1;
    }
    this.pushOverflow(task, overflow);
    if (stats !== undefined) stats.overflowCount++;
    return 2;
  }

  private pushOverflow(task: T, overflow: Overflow<T>): void {
    const head = this.headReal;
    const buf = this.buffer;
    const batch = this.batch;
    for (let i = 0; i < NUM_TASKS_TAKEN; i++) {
      const idx = (head + i) & MASK;
      batch[i] = buf[idx];
      buf[idx] = undefined;
    }
    batch[NUM_TASKS_TAKEN] = task;
    const next = (head + NUM_TASKS_TAKEN) >>> 0;
    this.headSteal = next;
    this.headReal = next;
    overflow.pushBatch(batch as readonly T[], NUM_TASKS_TAKEN + 1);
    batch.fill(undefined);
  }

  /** `pop`: the oldest task, from the real head (FIFO). */
  pop(): T | undefined {
    const real = this.headReal;
    if (real === this.tail) return undefined;
    const idx = real & MASK;
    const task = this.buffer[idx];
    this.buffer[idx] = undefined;
    const next = (real + 1) >>> 0;
    if (this.headSteal === real) this.headSteal = next;
    this.headReal = next;
    return task;
  }

  /**
   * `steal_into`: move half (rounded up) of this queue's tasks into `dst`; the last stolen task
   * is returned (to run now), the others are appended to `dst`. Refused (undefined) when `dst`
   * holds more than half its capacity, when this queue is empty, or when a steal from it is
   * already in progress.
   */
  stealInto(dst: LocalQueue<T>, stats?: QueueStats): T | undefined {
    if (len32(dst.headSteal, dst.tail) > LOCAL_QUEUE_CAPACITY / 2) return undefined;
    const n = this.claimSteal();
    if (n === 0) return undefined;
    return this.finishSteal(dst, n, stats);
  }

  /**
   * Phase 1 of a steal (`steal_into2` up to the first CAS): claims `len − len/2` tasks from the
   * real head, leaving the steal head behind. Returns how many were claimed (0: refused).
   */
  claimSteal(): number {
    if (this.headSteal !== this.headReal) return 0;
    const avail = len32(this.headReal, this.tail);
    const n = avail - Math.floor(avail / 2);
    if (n === 0) return 0;
    this.headReal = (this.headReal + n) >>> 0;
    return n;
  }

  /**
   * Phase 2: copies the `n` claimed tasks to `dst`'s tail, releases the claim (steal head catches
   * up with the real head, which the owner may have moved meanwhile), and returns the last one.
   */
  finishSteal(dst: LocalQueue<T>, n: number, stats?: QueueStats): T | undefined {
    const first = this.headSteal;
    const src = this.buffer;
    const out = dst.buffer;
    let dstTail = dst.tail;
    let last: T | undefined;
    for (let i = 0; i < n; i++) {
      const idx = (first + i) & MASK;
      const task = src[idx];
      src[idx] = undefined;
      if (i === n - 1) {
        last = task;
      } else {
        out[dstTail & MASK] = task;
        dstTail = (dstTail + 1) >>> 0;
      }
    }
    this.headSteal = this.headReal;
    dst.tail = dstTail;
    if (stats !== undefined) {
      stats.stealCount += n;
      stats.stealOperations++;
    }
    return last;
  }

  /** Calls `f` on each queued task, oldest first (for the UI and for shutdown draining). */
  forEach(f: (task: T, index: number) => void): void {
    const n = this.len();
    for (let i = 0; i < n; i++) f(this.buffer[(this.headReal + i) & MASK] as T, i);
  }
}
