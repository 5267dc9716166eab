/**
 * A persistent FIFO of values, the view of a run queue (design.md §4 `queue.push`/`queue.pop`).
 * Push at the back and pop at the front are O(log n) on a PVec window [head, tail); removal from
 * the middle (a task taken out of order) and push at the front when no room is left rebuild the
 * queue, which is O(n) but rare. An emptied queue drops its storage.
 */
import { PVec } from './pvec.ts';

/** Room left before the first element so a few front pushes stay cheap. */
const FRONT_ROOM = 32;

export class PQueue<T> {
  private static readonly EMPTY = new PQueue<never>(PVec.empty<never>(), FRONT_ROOM, FRONT_ROOM);

  private constructor(
    private readonly items: PVec<T>,
    private readonly head: number,
    private readonly tail: number,
  ) {}

  static empty<T>(): PQueue<T> {
    return PQueue.EMPTY;
  }

  static from<T>(values: readonly T[]): PQueue<T> {
    if (values.length === 0) return PQueue.empty<T>();
    const padded = new Array<T | undefined>(FRONT_ROOM).concat(values);
    return new PQueue<T>(PVec.from(padded) as PVec<T>, FRONT_ROOM, FRONT_ROOM + values.length);
  }

  get length(): number {
    return this.tail - this.head;
  }

  /** The k-th value from the front (0 = front), or undefined. */
  at(k: number): T | undefined {
    return k < 0 || k >= this.length ? undefined : this.items.get(this.head + k);
  }

  front(): T | undefined {
    return this.at(0);
  }

  back(): T | undefined {
    return this.at(this.length - 1);
  }

  pushBack(value: T): PQueue<T> {
    return new PQueue<T>(this.items.set(this.tail, value), this.head, this.tail + 1);
  }

  pushFront(value: T): PQueue<T> {
    if (this.head === 0) return PQueue.from([value, ...this.toArray()]);
    return new PQueue<T>(this.items.set(this.head - 1, value), this.head - 1, this.tail);
  }

  popFront(): PQueue<T> {
    if (this.length <= 1) return PQueue.empty<T>();
    return new PQueue<T>(this.items, this.head + 1, this.tail);
  }

  popBack(): PQueue<T> {
    if (this.length <= 1) return PQueue.empty<T>();
    return new PQueue<T>(this.items, this.head, this.tail - 1);
  }

  /** Removes the first occurrence of `value` (front and back are fast); unchanged if absent. */
  remove(value: T): PQueue<T> {
    if (this.length === 0) return this;
    if (this.front() === value) return this.popFront();
    if (this.back() === value) return this.popBack();
    const values = this.toArray();
    const k = values.indexOf(value);
    if (k < 0) return this;
    values.splice(k, 1);
    return PQueue.from(values);
  }

  indexOf(value: T): number {
    for (let k = 0; k < this.length; k++) if (this.items.get(this.head + k) === value) return k;
    return -1;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = this.head; i < this.tail; i++) out.push(this.items.get(i) as T);
    return out;
  }
}
