/**
 * `tokio::task::LocalSet` (tokio/src/task/local.rs in 1.48): a set of `!Send` tasks run by
 * whoever polls the set — `run_until`'s future, or the set awaited as a future — on the thread
 * that created it. It keeps its own owned list, a local run queue (wake-ups on the owner thread)
 * and a remote queue (wake-ups from other threads), plus one `AtomicWaker` for the future that
 * drives it. Each poll runs a `tick`: up to MAX_TASKS_PER_TICK tasks, each under a fresh coop
 * budget, the remote queue first every REMOTE_FIRST_INTERVAL-th pick.
 *
 * `CURRENT` (the thread's entered set) decides where `spawn_local` goes and whether a schedule
 * must wake the driver: inside the set's own tick a wake-up is just queued (the tick loop will see
 * it); from outside (or after `LocalSet::enter`) it also wakes the driving future.
 */
import type { SpawnMeta } from '../contracts.ts';
import { currentContext } from '../context.ts';
import { CoopState, INITIAL_BUDGET } from '../coop.ts';
import { PENDING } from '../future.ts';
import type { Context, Future, Poll, Waker } from '../future.ts';
import { lastWorld, type SimWorld } from '../runtime/world.ts';
import { TaskDeque } from '../scheduler/shared/task-deque.ts';
import { OwnedTasks } from '../scheduler/shared/owned-tasks.ts';
import { Holder, initHolders, Task } from './cell.ts';
import type { Schedule } from './cell.ts';
import { EventKind } from '../events.ts';
import { dropNotified, pollTask, shutdownTask } from './harness.ts';
import { JoinHandle } from './join-handle.ts';
import { RustPanic } from './panic.ts';

export const LOCAL_MAX_TASKS_PER_TICK = 61;
export const LOCAL_REMOTE_FIRST_INTERVAL = 31;
export const SPAWN_LOCAL_OUTSIDE_PANIC =
  '`spawn_local` called from outside of a `task::LocalSet` or `runtime::LocalRuntime`';
const NO_META: SpawnMeta = Object.freeze({});

/** The thread-local `CURRENT`: the entered set and its `wake_on_schedule` flag. */
let current: LocalSet | null = null;
let wakeOnSchedule = false;

/** Makes `set` the thread's CURRENT; returns what puts the previous one back. */
function install(set: LocalSet, wake: boolean): () => void {
  const prevSet = current;
  const prevWake = wakeOnSchedule;
  current = set;
  wakeOnSchedule = wake;
  return () => {
    current = prevSet;
    wakeOnSchedule = prevWake;
  };
}

const threadOf = (): string => currentContext()?.threadName ?? 'main';

export class LocalSet implements Schedule {
  /** `tick: Cell<u8>`: picks made, wrapping at 256. */
  private pick = 0;
  private readonly owner = threadOf();
  private world: SimWorld | null = null;
  private ownedList: OwnedTasks | null = null;
  private readonly local = new TaskDeque(64);
  private readonly remote = new TaskDeque(64);
  /** The `AtomicWaker` of the future driving the set. */
  private waker: Waker | null = null;
  private closed = false;

  // ---- Schedule ----

  release(task: Task): boolean {
    return this.ownedList?.remove(task) ?? false;
  }

  schedule(task: Task): void {
    if (this.closed) {
      dropNotified(task);
      return;
    }
    if (current === this && !wakeOnSchedule) {
      this.local.pushBack(task);
      return;
    }
    if (threadOf() === this.owner) this.local.pushBack(task);
    else this.remote.pushBack(task);
    this.wake();
  }

  yieldNow(task: Task): void {
    this.schedule(task);
  }

  unhandledPanic(_task: Task): void {}

  // ---- spawning ----

  /** `LocalSet::spawn_local`: spawn, then wake the driving future. */
  spawnLocal<T>(future: Future<T>, meta: SpawnMeta = NO_META): JoinHandle<T> {
    const jh = this.spawnInCurrent(future, meta);
    this.wake();
    return jh;
  }

  /** `Context::spawn`: bind to the owned list and schedule the first Notified (no extra wake). */
  spawnInCurrent<T>(future: Future<T>, meta: SpawnMeta = NO_META): JoinHandle<T> {
    const world = this.worldOf();
    const owned = this.owned(world);
    const t = new Task(world, world.taskIds.allocate(), future, this, meta, false);
    const name = meta.name === undefined ? 0 : world.trace.intern(meta.name) + 1;
    world.trace.emit(EventKind.TaskSpawned, t.id, 0, name, meta.span?.line ?? 0);
    initHolders(t, false);
    const jh = new JoinHandle<T>(t);
    if (owned.bind(t)) this.schedule(t);
    else {
      shutdownTask(t, Holder.Owned);
      dropNotified(t);
    }
    return jh;
  }

  private worldOf(): SimWorld {
    const w = this.world ?? currentContext()?.handle.world ?? lastWorld();
    if (w === undefined) throw new RustPanic(SPAWN_LOCAL_OUTSIDE_PANIC);
    this.world = w;
    return w;
  }

  private owned(world: SimWorld): OwnedTasks {
    this.ownedList ??= new OwnedTasks(world, 1);
    if (this.closed) this.ownedList.close();
    return this.ownedList;
  }

  /** Number of tasks still owned by the set. */
  get length(): number {
    return this.ownedList?.length ?? 0;
  }

  // ---- driving ----

  /** `AtomicWaker::register_by_ref`: keeps the stored waker when it would wake the same thing. */
  private register(w: Waker): void {
    if (this.waker !== null && this.waker.willWake(w)) return;
    const old = this.waker;
    this.waker = w.clone();
    old?.drop();
  }

  private wake(): void {
    const w = this.waker;
    this.waker = null;
    w?.wake();
  }

  /** Runs `f` with this set as CURRENT (`LocalSet::with`: wake_on_schedule false). */
  with<R>(f: () => R): R {
    const restore = install(this, false);
    try {
      return f();
    } finally {
      restore();
    }
  }

  /** `LocalSet::enter`: CURRENT with wake_on_schedule true, until the returned restore runs. */
  enter(): () => void {
    return install(this, true);
  }

  private nextTask(): Task | null {
    const tick = this.pick;
    this.pick = (tick + 1) & 0xff;
    if (tick % LOCAL_REMOTE_FIRST_INTERVAL === 0) return this.remote.popFront() ?? this.local.popFront();
    return this.local.popFront() ?? this.remote.popFront();
  }

  /** `tick`: true when it ran MAX_TASKS_PER_TICK tasks (more may be ready). */
  private tick(): boolean {
    const coop = currentContext()?.coop;
    for (let i = 0; i < LOCAL_MAX_TASKS_PER_TICK; i++) {
      const t = this.nextTask();
      if (t === null) return false;
      if (coop instanceof CoopState) {
        coop.enter(INITIAL_BUDGET);
        try {
          pollTask(t);
        } finally {
          coop.exit();
        }
      } else pollTask(t);
    }
    return true;
  }

  /** `impl Future for LocalSet`: ready once every task of the set has completed. */
  pollSet(cx: Context): Poll<void> {
    this.register(cx.waker);
    if (this.with(() => this.tick())) {
      cx.waker.wakeByRef();
      return PENDING;
    }
    return this.length === 0 ? undefined : PENDING;
  }

  /** `RunUntil::poll`: the future first, then one tick of the set. */
  pollRunUntil<T>(future: Future<T>, cx: Context): Poll<T> {
    return this.with(() => {
      this.register(cx.waker);
      const r = future.poll(cx);
      if (r !== PENDING) return r;
      if (this.tick()) cx.waker.wakeByRef();
      return PENDING;
    });
  }

  /** `Drop for LocalSet`: shut every task down, drop the queued Notifieds. */
  close(): void {
    if (this.closed) return;
    this.with(() => {
      this.closed = true;
      const owned = this.ownedList;
      if (owned !== null) {
        owned.close();
        for (let t = owned.popBack(0); t !== null; t = owned.popBack(0)) shutdownTask(t);
      }
      for (let t = this.local.popFront(); t !== null; t = this.local.popFront()) dropNotified(t);
      for (let t = this.remote.popFront(); t !== null; t = this.remote.popFront()) dropNotified(t);
    });
    const w = this.waker;
    this.waker = null;
    w?.drop();
  }
}

/** `task::spawn_local`: onto the entered set; panics outside one. */
export function spawnLocal<T>(future: Future<T>, meta?: SpawnMeta): JoinHandle<T> {
  const set = current;
  if (set === null) {
    future.drop();
    throw new RustPanic(SPAWN_LOCAL_OUTSIDE_PANIC);
  }
  return set.spawnInCurrent(future, meta);
}

/** The set's `run_until` future. */
export class RunUntil<T> implements Future<T> {
  constructor(
    private readonly set: LocalSet,
    private readonly future: Future<T>,
  ) {}
  poll(cx: Context): Poll<T> {
    return this.set.pollRunUntil(this.future, cx);
  }
  drop(): void {
    this.future.drop();
  }
}
