/**
 * The task cell (tokio-facts.md §3): header (state word, id, owner id), core (scheduler, stage:
 * Running(future) / Finished(output | JoinError) / Consumed) and trailer (join waker, owned-list
 * links). One monomorphic class; the harness (harness.ts) drives it.
 *
 * Reference holders (§2.2) are counted per kind so the UI can say who keeps a task alive; the
 * invariant `ref count == Σ holders` (an unowned handle counts twice) is checked when the world
 * asks for it (`checkRefs`), and always by the tests.
 */
import type { SpawnMeta } from '../contracts.ts';
import { EventKind } from '../events.ts';
import type { Context, Future, Waker } from '../future.ts';
import { addReference, wakeByRef } from './harness.ts';
import { TaskWaker } from './waker.ts';
import type { SimWorld } from '../runtime/world.ts';
import type { TraceRecorder } from '../trace/recorder.ts';
import type { JoinError } from './join-error.ts';
import { INITIAL_STATE, refCount, StateAssertion } from './state.ts';
import type { StateCell } from './state.ts';

export const Holder = { Owned: 0, Notified: 1, JoinHandle: 2, Waker: 3, AbortHandle: 4, Unowned: 5 } as const;
export type Holder = (typeof Holder)[keyof typeof Holder];

export const Stage = { Running: 0, Finished: 1, Consumed: 2 } as const;
export type Stage = (typeof Stage)[keyof typeof Stage];

/**
 * What the harness asks of a scheduler (tokio-facts.md §6.1). `schedule`/`yieldNow` take over one
 * Notified reference (already counted in the word and in `Holder.Notified`).
 */
export interface Schedule {
  /** `release`: remove from the owned list; true when the owned handle came back (count 2). */
  release(task: Task): boolean;
  schedule(task: Task): void;
  /** A task woke itself during its own poll (`OkNotified`). */
  yieldNow(task: Task): void;
  unhandledPanic(task: Task): void;
}

/**
 * A task cell. It is also the `Context` its future is polled with, and that context's waker:
 * Tokio's non-counted `waker_ref` (cloning it counts, dropping it does nothing), which borrows the
 * task — so no waker object is made per task for its polls (48 bytes a live task).
 */
export class Task implements StateCell, Context, Waker {
  state = INITIAL_STATE;
  readonly id: number;
  /** Owned-list id (0: never bound, e.g. blocking tasks); never reset once set. */
  ownerId = 0;
  readonly scheduler: Schedule;
  readonly world: SimWorld;
  readonly meta: SpawnMeta;
  readonly blocking: boolean;
  future: Future<unknown> | null;
  stage: Stage = Stage.Running;
  /** Ok output while stage is Finished and `error` is null. */
  output: unknown = undefined;
  error: JoinError | null = null;
  /** Trailer: the join waker slot (access rules of §2.5). */
  joinWaker: Waker | null = null;
  /** Trailer: owned-list links and shard (-1: not in a list). */
  ownedPrev: Task | null = null;
  ownedNext: Task | null = null;
  ownedShard = -1;
  /** A blocking job asked to sleep until this real instant mid-poll (-1: not sleeping). */
  blockingWakeAt = -1;
  deallocated = false;
  /** Holder changes not yet traced: 4-bit entries (kind + 1, bit 3 = removal), newest lowest. */
  refNote = 0;
  // Live reference holders by kind.
  hOwned = 0;
  hNotified = 0;
  hJoin = 0;
  hWaker = 0;
  hAbort = 0;
  hUnowned = 0;

  constructor(
    world: SimWorld,
    id: number,
    future: Future<unknown>,
    scheduler: Schedule,
    meta: SpawnMeta,
    blocking: boolean,
  ) {
    this.world = world;
    this.id = id;
    this.future = future;
    this.scheduler = scheduler;
    this.meta = meta;
    this.blocking = blocking;
    world.liveTasks++;
  }

  /** The world's trace (a getter: a field was 8 bytes a live task). */
  get trace(): TraceRecorder {
    return this.world.trace;
  }

  // ---- the poll's `Context` and its borrowed waker (waker.ts has the counted ones)
  get waker(): Waker {
    return this;
  }

  get target(): number {
    return this.id;
  }

  clone(): Waker {
    addReference(this, Holder.Waker);
    return new TaskWaker(this);
  }

  /** Waking the borrowed waker by value wakes by reference: it holds no reference to give up. */
  wake(): void {
    wakeByRef(this);
  }

  wakeByRef(): void {
    wakeByRef(this);
  }

  drop(): void {}

  willWake(other: Waker): boolean {
    return other === this || (other instanceof TaskWaker && other.task === this);
  }

  /** Number of references the live holders account for. */
  holderRefs(): number {
    return this.hOwned + this.hNotified + this.hJoin + this.hWaker + this.hAbort + 2 * this.hUnowned;
  }

  holders(): Record<'owned' | 'notified' | 'joinHandle' | 'waker' | 'abortHandle' | 'unowned', number> {
    return {
      owned: this.hOwned,
      notified: this.hNotified,
      joinHandle: this.hJoin,
      waker: this.hWaker,
      abortHandle: this.hAbort,
      unowned: this.hUnowned,
    };
  }
}

function bump(t: Task, kind: Holder, d: number): void {
  switch (kind) {
    case Holder.Owned:
      t.hOwned += d;
      break;
    case Holder.Notified:
      t.hNotified += d;
      break;
    case Holder.JoinHandle:
      t.hJoin += d;
      break;
    case Holder.Waker:
      t.hWaker += d;
      break;
    case Holder.AbortHandle:
      t.hAbort += d;
      break;
    case Holder.Unowned:
      t.hUnowned += d;
      break;
  }
  // Traced with the next state event (or `flushRefs`), so a transition and the holders it moves are one record.
  t.refNote = (t.refNote << 4) | (kind + 1) | (d < 0 ? 8 : 0);
  if (t.refNote >= 1 << 12) flushRefs(t);
}

/** Emits pending holder changes as a `task.ref` event (for changes no state transition carries). */
export function flushRefs(t: Task): void {
  if (t.refNote === 0) return;
  t.trace.emit(EventKind.TaskRef, t.id, t.refNote, 0, refCount(t.state));
  t.refNote = 0;
}

/** Sets the holders a new task starts with (implied by its `task.spawned` event, so not traced). */
export function initHolders(t: Task, blocking: boolean): void {
  if (blocking) t.hUnowned = 1;
  else {
    t.hOwned = 1;
    t.hNotified = 1;
  }
  t.hJoin = 1;
  if (t.world.checkRefs) assertRefs(t);
}

/** Records a new holder of one reference (call right after the word gained it). */
export function holderAdd(t: Task, kind: Holder, check = true): void {
  bump(t, kind, 1);
  if (check && t.world.checkRefs) assertRefs(t);
}

/** Records that a holder gave up its reference (call right after the word lost it). */
export function holderRemove(t: Task, kind: Holder, check = true): void {
  bump(t, kind, -1);
  if (check && t.world.checkRefs) assertRefs(t);
}

export function assertRefs(t: Task): void {
  const held = t.holderRefs();
  if (
    held !== refCount(t.state) ||
    t.hOwned < 0 ||
    t.hNotified < 0 ||
    t.hJoin < 0 ||
    t.hWaker < 0 ||
    t.hAbort < 0 ||
    t.hUnowned < 0
  ) {
    throw new StateAssertion(
      `task ${t.id}: ref count ${refCount(t.state)} != holders ${JSON.stringify(t.holders())}`,
      t.state,
    );
  }
}
