/**
 * `tokio::task::JoinSet` (tokio-facts.md §10, §4/§5 for the JoinHandle protocol it relies on;
 * Tokio `task/join_set.rs`). Spawned tasks' JoinHandles live in an IdleNotifiedSet; each entry is
 * installed as its task's join waker, so a finishing task moves its entry to *notified* and
 * `join_next` returns results in completion order. `join_next` is cancel-safe and goes through
 * JoinHandle::poll (coop budget); `try_join_next` polls unconstrained. Dropping the set aborts
 * every task, idle ones oldest first, then notified ones (the order example 15 shows).
 */
import type { SimContext, SpawnMeta, TraceSink } from '../contracts.ts';
import { currentContext } from '../context.ts';
import { EventKind } from '../events.ts';
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { spawn, spawnBlocking } from '../runtime/free-functions.ts';
import type { JoinError } from '../task/join-error.ts';
import type { AbortHandle, JoinHandle, JoinResult } from '../task/join-handle.ts';
import { RustPanic } from '../task/panic.ts';
import { currentDropValue } from './drop-value.ts';
import { IdleNotifiedSet, type ListEntry } from './idle-notified-set.ts';
import { NONE, some, type Option, type Result } from './result.ts';

const setIds = new WeakMap<TraceSink, { next: number }>();

function nextSetId(trace: TraceSink | undefined): number {
  if (trace === undefined) return 0;
  let c = setIds.get(trace);
  if (c === undefined) setIds.set(trace, (c = { next: 1 }));
  return c.next++;
}

/** Trace code of a join result: 0 Ok, 1 Cancelled, 2 Panic. */
function outcomeCode(r: JoinResult<unknown>): number {
  if (r.ok) return 0;
  return r.error.isCancelled() ? 1 : 2;
}

/** What `keepError` hands back in place of a result (the error itself waits in `lastError`). */
const JOIN_ERROR: unique symbol = Symbol('join error');

export class JoinSet<T> {
  private readonly inner = new IdleNotifiedSet<JoinHandle<T>>();
  private readonly trace: TraceSink | undefined;
  /** Trace id of this set (0 when made outside a runtime). */
  readonly id: number;
  private dropped = false;

  constructor(ctx: SimContext | undefined = currentContext()) {
    this.trace = ctx?.trace;
    this.id = nextSetId(this.trace);
    this.trace?.emit(EventKind.JoinSetCreate, ctx?.currentTaskId() ?? 0, this.id);
  }

  len(): number {
    return this.inner.len();
  }

  isEmpty(): boolean {
    return this.inner.isEmpty();
  }

  /** `spawn`: a task on the current runtime; its AbortHandle is returned. */
  spawn(future: Future<T>, meta: SpawnMeta = { name: 'JoinSet task' }): AbortHandle {
    return this.insert(spawn(future, meta));
  }

  /** `spawn_blocking`: `job` runs on the blocking pool (see runtime `spawnBlocking`). */
  spawnBlocking(job: Future<T>, meta: SpawnMeta = { name: 'JoinSet blocking task' }): AbortHandle {
    return this.insert(spawnBlocking(job, meta));
  }

  /** `insert` (also `spawn_on` with another runtime's handle): adopt a JoinHandle. */
  insert(jh: JoinHandle<T>): AbortHandle {
    const abort = jh.abortHandle();
    const entry = this.inner.insertIdle(jh);
    this.trace?.emit(EventKind.JoinSetSpawn, jh.id, this.id, this.inner.len());
    // `set_join_waker`: an already finished task is notified at once.
    if (jh.setJoinWaker(entry)) entry.wakeByRef();
    return abort;
  }

  /** `poll_join_next`: Ready(None) only when the set is empty. */
  pollJoinNext(cx: Context): Poll<Option<JoinResult<T>>> {
    const r = this.pollNextEntry(cx);
    if (r === PENDING || r === null) return r === null ? NONE : PENDING;
    return some(r.result);
  }

  /**
   * `poll_join_next` handing the joined task's output to `ok` or its JoinError to `err` (`none`:
   * the set is empty): a caller converting the result at once makes no `Option`/`JoinResult` boxes.
   */
  pollJoinNextWith<R>(cx: Context, ok: (value: T) => R, err: (error: JoinError) => R, none: R): Poll<R> {
    const entry = this.inner.popNotified(cx.waker);
    if (entry === null) return this.inner.isEmpty() ? none : PENDING;
    const jh = entry.value as JoinHandle<T>;
    const res = jh.pollWith<R | typeof JOIN_ERROR>({ waker: entry }, ok, this.keepError);
    if (res === PENDING) {
      // Budget exhausted (the entry was deferred): come back soon.
      cx.waker.wakeByRef();
      return PENDING;
    }
    if (res !== JOIN_ERROR) {
      this.finish(entry, 0);
      return res;
    }
    const e = this.lastError!;
    this.lastError = null;
    this.finish(entry, e.isCancelled() ? 1 : 2);
    return err(e);
  }

  /** The JoinError `pollJoinNextWith` met, kept until it has finished the entry. */
  private lastError: JoinError | null = null;
  private readonly keepError = (e: JoinError): typeof JOIN_ERROR => {
    this.lastError = e;
    return JOIN_ERROR;
  };

  /** `poll_join_next_with_id`. */
  pollJoinNextWithId(cx: Context): Poll<Option<Result<[number, T], JoinError>>> {
    const r = this.pollNextEntry(cx);
    if (r === PENDING || r === null) return r === null ? NONE : PENDING;
    const res = r.result;
    return some(res.ok ? { ok: true, value: [r.id, res.value] } : res);
  }

  /** null = empty set. */
  private pollNextEntry(cx: Context): Poll<{ id: number; result: JoinResult<T> } | null> {
    const entry = this.inner.popNotified(cx.waker);
    if (entry === null) return this.inner.isEmpty() ? null : PENDING;
    const jh = entry.value as JoinHandle<T>;
    const res = jh.poll(entry);
    if (res === PENDING) {
      // Budget exhausted (the entry was deferred): come back soon.
      cx.waker.wakeByRef();
      return PENDING;
    }
    return { id: this.finish(entry, outcomeCode(res)), result: res };
  }

  /** Removes a finished entry (`outcome`: outcomeCode) and drops its JoinHandle; returns the task id. */
  private finish(entry: ListEntry<JoinHandle<T>>, outcome: number): number {
    const jh = this.inner.remove(entry);
    const id = jh.id;
    this.trace?.emit(EventKind.JoinSetJoin, id, this.id, outcome);
    jh.drop();
    return id;
  }

  /** `join_next().await`: cancel-safe (holds nothing). */
  joinNext(): Future<Option<JoinResult<T>>> {
    return new JoinNext(this);
  }

  joinNextWithId(): Future<Option<Result<[number, T], JoinError>>> {
    return new PollFn((cx) => this.pollJoinNextWithId(cx));
  }

  /** `try_join_next`: a finished task's result, or None (even while tasks still run). */
  tryJoinNext(): Option<JoinResult<T>> {
    const r = this.tryNextEntry();
    return r === null ? NONE : some(r.result);
  }

  tryJoinNextWithId(): Option<Result<[number, T], JoinError>> {
    const r = this.tryNextEntry();
    if (r === null) return NONE;
    const res = r.result;
    return some(res.ok ? { ok: true, value: [r.id, res.value] } : res);
  }

  private tryNextEntry(): { id: number; result: JoinResult<T> } | null {
    const coop = currentContext()?.coop;
    for (;;) {
      const entry = this.inner.tryPopNotified();
      if (entry === null) return null;
      const jh = entry.value as JoinHandle<T>;
      const cx: Context = entry;
      const res = coop === undefined ? jh.poll(cx) : coop.unconstrained(() => jh.poll(cx));
      if (res !== PENDING) return { id: this.finish(entry, outcomeCode(res)), result: res };
    }
  }

  /** `abort_all`: aborts every task; they stay in the set until joined. */
  abortAll(): void {
    this.trace?.emit(EventKind.JoinSetAbortAll, 0, this.id, this.inner.len());
    this.inner.forEach((jh) => jh.abort());
  }

  /** `detach_all`: forgets every task without aborting it. */
  detachAll(): void {
    this.trace?.emit(EventKind.JoinSetDetachAll, 0, this.id, this.inner.len());
    this.inner.drain((jh) => jh.drop());
  }

  /** `shutdown().await`: abort_all on the first poll, then join until empty (results dropped). */
  shutdown(): Future<void> {
    return new Shutdown(this);
  }

  /**
   * `join_all(self).await`: every output in completion order. A panicked task's panic is resumed
   * here and a cancelled one panics with its Display; either way the set is dropped (aborting the
   * rest) as the panic unwinds.
   */
  joinAll(): Future<T[]> {
    return new JoinAll(this);
  }

  /** Dropping the set aborts every task still in it (in `forEach` order) and forgets them. */
  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.trace?.emit(EventKind.JoinSetDrop, 0, this.id, this.inner.len());
    this.inner.drop((jh) => {
      jh.abort();
      jh.drop();
    });
  }
}

/** `join_next()`'s future: one object per call (a `PollFn` of a closure was two). */
class JoinNext<T> implements Future<Option<JoinResult<T>>> {
  constructor(private readonly set: JoinSet<T>) {}
  poll(cx: Context): Poll<Option<JoinResult<T>>> {
    return this.set.pollJoinNext(cx);
  }
  drop(): void {}
}

class PollFn<T> implements Future<T> {
  constructor(private readonly f: (cx: Context) => Poll<T>) {}
  poll(cx: Context): Poll<T> {
    return this.f(cx);
  }
  drop(): void {}
}

/** Drops a join result nobody reads: Ok values and panic payloads go to the interpreter. */
function dropResult(r: JoinResult<unknown>): void {
  const dropValue = currentDropValue();
  if (r.ok) dropValue(r.value);
  else {
    const p = r.error.tryIntoPanic();
    if (p !== undefined) dropValue(p.payload);
  }
}

class Shutdown<T> implements Future<void> {
  private started = false;

  constructor(private readonly set: JoinSet<T>) {}

  poll(cx: Context): Poll<void> {
    if (!this.started) {
      this.started = true;
      this.set.abortAll();
    }
    for (;;) {
      const r = this.set.pollJoinNext(cx);
      if (r === PENDING) return PENDING;
      if (!r.some) return undefined;
      dropResult(r.value);
    }
  }

  drop(): void {}
}

class JoinAll<T> implements Future<T[]> {
  private readonly output: T[] = [];
  private finished = false;

  constructor(private readonly set: JoinSet<T>) {}

  poll(cx: Context): Poll<T[]> {
    for (;;) {
      const r = this.set.pollJoinNext(cx);
      if (r === PENDING) return PENDING;
      if (!r.some) {
        this.finished = true;
        this.set.drop();
        return this.output;
      }
      const res = r.value;
      if (res.ok) {
        this.output.push(res.value);
        continue;
      }
      // The panic unwinds out of join_all: its locals (the set, the outputs so far) are dropped.
      const err = res.error;
      this.drop();
      throw err.isPanic() ? err.intoPanic() : new RustPanic(err.display());
    }
  }

  /** Locals before parameters: the collected outputs are dropped, then the set (aborting the rest). */
  drop(): void {
    if (this.finished) return;
    this.finished = true;
    const dropValue = currentDropValue();
    for (const v of this.output) dropValue(v);
    this.output.length = 0;
    this.set.drop();
  }
}
