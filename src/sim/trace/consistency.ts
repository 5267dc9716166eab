/**
 * Folds that check a trace tells the whole story (design.md §2 "the trace is the truth"):
 * - reference holders (tokio-facts.md §2.2): starting from the holders `task.spawned` implies,
 *   the holder changes on `task.state` / `task.ref` events always add up to the ref count in the
 *   word (an unowned handle counts twice), and no holder kind goes negative;
 * - Notified locations (§2.2 "at most one Notified", §6.2/§6.3 queues): every `queue.pop` takes a
 *   task from the queue the fold last saw it pushed to, a push never finds it already queued,
 *   positions match the fold's queue lengths, a poll starts only once its Notified left every
 *   queue, and on multi_thread a poll names the worker whose turn it is.
 * The UI's view fold relies on exactly these properties; tests run these checks over real runs.
 */
import type { RefChange, SimEvent } from '../events.ts';
import { refCount } from '../task/state.ts';

export interface TraceViolation {
  readonly index: number;
  readonly message: string;
}

const HOLDERS = ['owned', 'notified', 'join_handle', 'waker', 'abort_handle', 'unowned'] as const;
type Counts = Record<(typeof HOLDERS)[number], number>;

function spawnedHolders(blocking: boolean): Counts {
  return blocking
    ? { owned: 0, notified: 0, join_handle: 1, waker: 0, abort_handle: 0, unowned: 1 }
    : { owned: 1, notified: 1, join_handle: 1, waker: 0, abort_handle: 0, unowned: 0 };
}

/** The queue a Notified sits in: local and LIFO queues are per worker. */
function queueKeyOf(queue: string, worker: number): string {
  return queue === 'local' || queue === 'lifo' ? `${queue}:${worker}` : queue;
}

export class TraceConsistency {
  readonly violations: TraceViolation[] = [];
  /** Live holder counts per task (dropped once the task's ref count reaches 0). */
  readonly holders = new Map<number, Counts>();
  /** The queue each queued task's Notified is in. */
  private readonly where = new Map<number, string>();
  private readonly lengths = new Map<string, number>();
  /** The multi_thread worker whose turn it is (-1: block_on's thread, or current_thread). */
  private turn = -1;

  fold(e: SimEvent): void {
    switch (e.type) {
      case 'task.spawned':
        this.holders.set(e.task, spawnedHolders(e.blocking));
        return;
      case 'task.state':
        return this.refs(e.index, e.task, e.refs, refCount(e.after));
      case 'task.ref':
        return this.refs(e.index, e.task, e.refs, e.refCount);
      case 'queue.push':
      case 'queue.pop':
      case 'queue.drop':
        return this.queue(e);
      case 'poll.start':
        if (e.task === 0) return;
        if (this.where.has(e.task))
          this.fail(e.index, `task ${e.task} polled while queued in ${this.where.get(e.task)}`);
        if (e.worker !== undefined && e.worker !== this.turn) {
          this.fail(e.index, `task ${e.task} polled by worker ${e.worker} during worker ${this.turn}'s turn`);
        }
        return;
      case 'worker.turn':
        this.turn = e.worker;
        return;
      default:
        return;
    }
  }

  /** Every queued Notified, as `task → queue` (empty after a complete shutdown). */
  queued(): ReadonlyMap<number, string> {
    return this.where;
  }

  private refs(index: number, task: number, changes: readonly RefChange[], count: number): void {
    const h = this.holders.get(task);
    if (h === undefined) return;
    for (const c of changes) {
      const k = c.holder as keyof Counts;
      if (!(k in h)) this.fail(index, `task ${task}: unknown holder ${c.holder}`);
      else h[k] += c.delta;
    }
    let sum = 0;
    for (const k of HOLDERS) {
      if (h[k] < 0) this.fail(index, `task ${task}: holder ${k} went negative`);
      sum += k === 'unowned' ? 2 * h[k] : h[k];
    }
    if (sum !== count) this.fail(index, `task ${task}: holders ${JSON.stringify(h)} ≠ ref count ${count}`);
    if (count === 0) this.holders.delete(task);
  }

  private queue(e: Extract<SimEvent, { type: 'queue.push' | 'queue.pop' | 'queue.drop' }>): void {
    const key = queueKeyOf(e.queue, e.worker);
    const at = this.where.get(e.task);
    if (e.type === 'queue.push') {
      if (at !== undefined) {
        this.fail(e.index, `task ${e.task} pushed to ${key} while queued in ${at}`);
        this.take(e.task, at);
      }
      const len = (this.lengths.get(key) ?? 0) + 1;
      this.where.set(e.task, key);
      this.lengths.set(key, len);
      if (e.position !== len) this.fail(e.index, `push to ${key}: position ${e.position}, fold says ${len}`);
      return;
    }
    if (e.type === 'queue.drop' && at === undefined) return; // a push refused by a closed queue
    if (at !== key) {
      this.fail(
        e.index,
        `task ${e.task} ${e.type === 'queue.pop' ? 'popped' : 'dropped'} from ${key}, but is in ${at}`,
      );
      if (at !== undefined) this.take(e.task, at);
      return;
    }
    const left = this.take(e.task, key);
    if (e.type === 'queue.pop' && e.position !== left) {
      this.fail(e.index, `pop from ${key}: ${e.position} left, fold says ${left}`);
    }
  }

  /** Takes `task` out of queue `key`; the queue's length after. */
  private take(task: number, key: string): number {
    const left = (this.lengths.get(key) ?? 1) - 1;
    this.where.delete(task);
    this.lengths.set(key, left);
    return left;
  }

  private fail(index: number, message: string): void {
    this.violations.push({ index, message });
  }
}

/** Folds a whole trace; the violations found (empty when the trace is consistent). */
export function checkTrace(events: Iterable<SimEvent>): TraceConsistency {
  const c = new TraceConsistency();
  for (const e of events) c.fold(e);
  return c;
}
