/**
 * The thread-local runtime context (tokio-facts.md §6.2 "Where a wake-up goes", §3.3 current task
 * id, §7 budget): which simulated thread is running and on behalf of which runtime. Exactly one
 * `ThreadContext` is installed while a scheduler polls anything; `undefined` outside any runtime,
 * where `spawn` panics and `yield_now` wakes at once.
 */
import type { SimContext, SpawnMeta } from './contracts.ts';
import type { Future } from './future.ts';
import type { SimWorld } from './runtime/world.ts';
import type { JoinHandle } from './task/join-handle.ts';
import type { IoDriver } from './net/io-driver.ts';

/** What a thread inside a runtime can reach: the runtime's `Handle`. */
export interface RuntimeHandle {
  readonly id: number;
  readonly world: SimWorld;
  /** `Handle::spawn`: a task on this runtime. */
  spawn<T>(future: Future<T>, meta?: SpawnMeta): JoinHandle<T>;
  /** `Handle::spawn_blocking`: a job for the blocking pool (see `blockingSleep`). */
  spawnBlocking<T>(job: Future<T>, meta?: SpawnMeta): JoinHandle<T>;
  /** The runtime's I/O driver (absent on test handles): sockets register with it. */
  readonly io?: IoDriver;
  /** `Handle::runtime_flavor` and `Handle::metrics` (absent on test handles). */
  metrics?(): RuntimeMetrics;
}

/** What `RuntimeMetrics` (stable part) reports, read at the moment of the call. */
export interface RuntimeMetrics {
  readonly flavor: 'current_thread' | 'multi_thread';
  /** `num_workers`: 1 on current_thread. */
  readonly workers: number;
  /** `num_alive_tasks`: tasks spawned on the scheduler and not yet completed (blocking jobs excluded). */
  readonly aliveTasks: number;
}

export interface ThreadContext extends SimContext {
  readonly handle: RuntimeHandle;
  /** The simulated thread, for the trace ("worker 0", "blocking 3", "main"). */
  readonly threadName: string;
  /** True on a thread that drives a scheduler (block_on there panics: runtime within a runtime). */
  readonly schedulerThread?: boolean;
}

let current: ThreadContext | undefined;
let currentTask = 0;

export function currentContext(): ThreadContext | undefined {
  return current;
}

/** Installs `ctx` and returns the previous one; pair with `leaveContext(prev)`. */
export function enterContext(ctx: ThreadContext | undefined): ThreadContext | undefined {
  const prev = current;
  current = ctx;
  return prev;
}

export function leaveContext(prev: ThreadContext | undefined): void {
  current = prev;
}

export function withContext<T>(ctx: ThreadContext | undefined, f: () => T): T {
  const prev = enterContext(ctx);
  try {
    return f();
  } finally {
    leaveContext(prev);
  }
}

/** `task::try_id()`: the task whose future or output is being polled or dropped (0: none). */
export function currentTaskIdRaw(): number {
  return currentTask;
}

/** `TaskIdGuard::enter`: sets the current task id and returns the previous one. */
export function setCurrentTaskId(id: number): number {
  const prev = currentTask;
  currentTask = id;
  return prev;
}

/** Test helper: clear everything a crashed test may have left installed. */
export function resetContextForTests(): void {
  current = undefined;
  currentTask = 0;
}
