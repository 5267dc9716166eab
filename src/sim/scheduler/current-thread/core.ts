/**
 * The current_thread scheduler's shared state and its `Schedule` side (tokio-facts.md §6.1, §6.2):
 * local queue (back push, front pop), inject queue, 4-shard OwnedTasks, tick, the `woken` flag of
 * the main future, the driver's unpark token and `did_wake` flag, and spawn.
 */
import type { SpawnMeta, TimeDriver } from '../../contracts.ts';
import { currentContext, enterContext, leaveContext } from '../../context.ts';
import type { RuntimeHandle } from '../../context.ts';
import { EventKind, QueueId } from '../../events.ts';
import type { Future } from '../../future.ts';
import type { SimWorld } from '../../runtime/world.ts';
import { Holder, Task, initHolders } from '../../task/cell.ts';
import type { Schedule } from '../../task/cell.ts';
import { dropNotified, shutdownTask } from '../../task/harness.ts';
import { JoinHandle } from '../../task/join-handle.ts';
import { InjectQueue } from '../shared/inject.ts';
import { OwnedTasks } from '../shared/owned-tasks.ts';
import { TaskDeque } from '../shared/task-deque.ts';
import { CtContext } from './context.ts';
import type { Wakeable } from './context.ts';

export const CT_OWNED_SHARDS = 4;
const NO_META: SpawnMeta = Object.freeze({});
export const DEFAULT_EVENT_INTERVAL = 61;
export const DEFAULT_CT_GLOBAL_QUEUE_INTERVAL = 31;

export interface CtConfig {
  readonly eventInterval: number;
  readonly globalQueueInterval: number;
}

export class CtCore implements Schedule, Wakeable {
  readonly world: SimWorld;
  readonly ctx: CtContext;
  readonly owned: OwnedTasks;
  readonly local = new TaskDeque(64);
  readonly inject = new InjectQueue();
  readonly config: CtConfig;
  /** Scheduler ticks (`Core::tick`), incremented before each pick. */
  tick = 0;
  /** The main future's waker fired since its last poll. */
  woken = false;
  /** The core is installed in the context (during polls and parks); schedule() pushes locally. */
  coreHeld = false;
  /** `did_wake` of the time driver (test-util): an unpark happened since the last check. */
  didWake = false;
  /** The park primitive's token: an unpark before a park makes that park return at once. */
  unparkToken = false;

  constructor(handle: RuntimeHandle, time: TimeDriver, config: CtConfig) {
    if (config.globalQueueInterval <= 0) throw new Error('global_queue_interval must be greater than 0');
    this.world = handle.world;
    this.config = config;
    this.ctx = new CtContext(handle, time, handle.world.seeds.nextSeed());
    this.owned = new OwnedTasks(handle.world, CT_OWNED_SHARDS);
  }

  // ---- Schedule ----

  release(task: Task): boolean {
    return this.owned.remove(task);
  }

  schedule(task: Task): void {
    if (currentContext() === this.ctx) {
      if (this.coreHeld) {
        this.local.pushBack(task);
        task.trace.emit(EventKind.QueuePush, task.id, QueueId.Local, this.local.length);
      } else {
        // Runtime shutting down: nobody will run it.
        task.trace.emit(EventKind.QueueDrop, task.id, QueueId.Local);
        dropNotified(task);
      }
      return;
    }
    this.inject.push(task);
    this.unpark();
  }

  yieldNow(task: Task): void {
    this.schedule(task);
  }

  unhandledPanic(_task: Task): void {}

  wakeMain(): void {
    this.woken = true;
    this.unpark();
  }

  /** `driver.unpark()`. */
  unpark(): void {
    this.didWake = true;
    this.unparkToken = true;
  }

  // ---- spawn ----

  /** `Handle::spawn`: new task (204), bind to the owned list, schedule its first Notified. */
  spawn<T>(future: Future<T>, meta: SpawnMeta = NO_META): JoinHandle<T> {
    const world = this.world;
    const t = new Task(world, world.taskIds.allocate(), future, this, meta, false);
    const name = meta.name === undefined ? 0 : world.trace.intern(meta.name) + 1;
    world.trace.emit(EventKind.TaskSpawned, t.id, 0, name, meta.span?.line ?? 0);
    initHolders(t, false);
    const jh = new JoinHandle<T>(t);
    if (this.owned.bind(t)) {
      this.schedule(t);
    } else {
      shutdownTask(t, Holder.Owned);
      dropNotified(t);
    }
    return jh;
  }

  // ---- queues ----

  /** `next_task`: every `global_queue_interval` ticks the inject queue goes first. */
  nextTask(): Task | null {
    if (this.tick % this.config.globalQueueInterval === 0) return this.inject.pop() ?? this.popLocal();
    return this.popLocal() ?? this.inject.pop();
  }

  popLocal(): Task | null {
    const t = this.local.popFront();
    if (t !== null) t.trace.emit(EventKind.QueuePop, t.id, QueueId.Local, this.local.length);
    return t;
  }

  /** Runs `f` with the scheduler context installed and the core in it (task polls, parks). */
  withCore<R>(f: () => R): R {
    const prev = enterContext(this.ctx);
    const held = this.coreHeld;
    this.coreHeld = true;
    try {
      return f();
    } finally {
      this.coreHeld = held;
      leaveContext(prev);
    }
  }

  /** Runs `f` in the scheduler context without the core (shutdown, dropping block_on's future). */
  withoutCore<R>(f: () => R): R {
    const prev = enterContext(this.ctx);
    const held = this.coreHeld;
    this.coreHeld = false;
    try {
      return f();
    } finally {
      this.coreHeld = held;
      leaveContext(prev);
    }
  }
}
