/**
 * The set behind JoinSet (tokio-facts.md §10; Tokio `util/idle_notified_set.rs`): two lists,
 * *idle* and *notified*, one stored owner waker, and a length. Each entry is itself a waker; waking
 * an idle entry moves it to the front of *notified* and wakes (takes) the owner's waker.
 * `popNotified` takes from the back of *notified* — FIFO in notification order — and parks the
 * entry at the front of *idle* while the caller looks at it.
 *
 * Entries and the shared lists are reference-counted like Tokio's `Arc`s, because the owner's
 * stored waker (a task reference) is released only when the last entry and the set are gone.
 */
import type { Context, Waker } from '../future.ts';

const IDLE = 0;
const NOTIFIED = 1;
const NEITHER = 2;

class EntryList<T> {
  head: ListEntry<T> | null = null;
  tail: ListEntry<T> | null = null;

  pushFront(e: ListEntry<T>): void {
    e.prev = null;
    e.next = this.head;
    if (this.head !== null) this.head.prev = e;
    else this.tail = e;
    this.head = e;
  }

  popBack(): ListEntry<T> | null {
    const e = this.tail;
    if (e !== null) this.remove(e);
    return e;
  }

  remove(e: ListEntry<T>): void {
    if (e.prev !== null) e.prev.next = e.next;
    else this.head = e.next;
    if (e.next !== null) e.next.prev = e.prev;
    else this.tail = e.prev;
    e.prev = e.next = null;
  }
}

/** `Lists` + its Arc count (the set itself and every live entry). */
class Lists<T> {
  readonly idle = new EntryList<T>();
  readonly notified = new EntryList<T>();
  waker: Waker | null = null;
  refs = 1;

  release(): void {
    if (--this.refs > 0) return;
    const w = this.waker;
    this.waker = null;
    w?.drop();
  }
}

/**
 * One member; also the waker installed as its task's join waker, and the `Context` its JoinHandle
 * is polled with (join-set.ts): no context object per join.
 */
export class ListEntry<T> implements Waker, Context {
  prev: ListEntry<T> | null = null;
  next: ListEntry<T> | null = null;
  list: 0 | 1 | 2 = IDLE;
  /** Arc strong count: the list holding it, plus every waker handle (join waker, defer list). */
  private refs = 1;

  constructor(
    private readonly parent: Lists<T>,
    public value: T | null,
  ) {
    parent.refs++;
  }

  get waker(): Waker {
    return this;
  }

  /** The owner of a JoinSet is not a task id the entry knows: "other" in the trace. */
  get target(): number {
    return -1;
  }

  clone(): Waker {
    this.refs++;
    return this;
  }

  wake(): void {
    this.wakeByRef();
    this.drop();
  }

  wakeByRef(): void {
    if (this.list !== IDLE) return;
    const lists = this.parent;
    lists.idle.remove(this);
    this.list = NOTIFIED;
    lists.notified.pushFront(this);
    const w = lists.waker;
    lists.waker = null;
    w?.wake();
  }

  drop(): void {
    if (--this.refs === 0) this.parent.release();
  }

  willWake(other: Waker): boolean {
    return other === this;
  }
}

export class IdleNotifiedSet<T> {
  private readonly lists = new Lists<T>();
  private length = 0;
  private released = false;

  len(): number {
    return this.length;
  }

  isEmpty(): boolean {
    return this.length === 0;
  }

  insertIdle(value: T): ListEntry<T> {
    this.length++;
    const e = new ListEntry(this.lists, value);
    this.lists.idle.pushFront(e);
    return e;
  }

  /** `pop_notified(waker)`: stores the owner waker (unless it wakes the same), pops FIFO. */
  popNotified(waker: Waker): ListEntry<T> | null {
    if (this.length === 0) return null;
    const lists = this.lists;
    const cur = lists.waker;
    if (cur === null || !waker.willWake(cur)) {
      lists.waker = waker.clone();
      cur?.drop();
    }
    return this.takeNotified();
  }

  /** `try_pop_notified`: the same without storing a waker. */
  tryPopNotified(): ListEntry<T> | null {
    if (this.length === 0) return null;
    return this.takeNotified();
  }

  private takeNotified(): ListEntry<T> | null {
    const lists = this.lists;
    const e = lists.notified.popBack();
    if (e === null) return null;
    lists.idle.pushFront(e);
    e.list = IDLE;
    return e;
  }

  /** `EntryInOneOfTheLists::remove`: takes the value out; the list's reference goes. */
  remove(e: ListEntry<T>): T {
    this.length--;
    const lists = this.lists;
    if (e.list === IDLE) lists.idle.remove(e);
    else if (e.list === NOTIFIED) lists.notified.remove(e);
    else throw new Error('IdleNotifiedSet: entry in neither list');
    e.list = NEITHER;
    const v = e.value as T;
    e.value = null;
    e.drop();
    return v;
  }

  /** `for_each`: idle entries oldest → newest, then notified ones in notification order. */
  forEach(f: (value: T) => void): void {
    const values: T[] = [];
    for (let e = this.lists.idle.tail; e !== null; e = e.prev) values.push(e.value as T);
    for (let e = this.lists.notified.tail; e !== null; e = e.prev) values.push(e.value as T);
    for (const v of values) f(v);
  }

  /** `drain`: empties the set in `forEach` order, handing each value to `f`. */
  drain(f: (value: T) => void): void {
    if (this.length === 0) return;
    this.length = 0;
    const lists = this.lists;
    const all: ListEntry<T>[] = [];
    for (let e = lists.idle.popBack(); e !== null; e = lists.idle.popBack()) all.push(e);
    for (let e = lists.notified.popBack(); e !== null; e = lists.notified.popBack()) all.push(e);
    for (const e of all) e.list = NEITHER;
    for (const e of all) {
      const v = e.value as T;
      e.value = null;
      f(v);
      e.drop();
    }
  }

  /** Dropping the set: drain with `f`, then release the set's own hold on the shared lists. */
  drop(f: (value: T) => void): void {
    if (this.released) return;
    this.drain(f);
    this.released = true;
    this.lists.release();
  }
}
