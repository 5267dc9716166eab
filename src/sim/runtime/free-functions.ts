/**
 * Tokio's free functions that act on the *current* runtime (tokio-facts.md §5 spawn, §3.5 ids):
 * `tokio::spawn`, `spawn_blocking`, `task::id` / `try_id`, and program output.
 */
import type { SpawnMeta } from '../contracts.ts';
import { currentContext, currentTaskIdRaw } from '../context.ts';
import type { Future } from '../future.ts';
import type { JoinHandle } from '../task/join-handle.ts';
import { RustPanic } from '../task/panic.ts';
import { lastWorld } from './world.ts';

export const NO_RUNTIME_PANIC = 'there is no reactor running, must be called from the context of a Tokio 1.x runtime';
export const NO_TASK_ID_PANIC = "Can't get a task id when not inside a task";

/** `tokio::spawn`: panics (RustPanic) outside a runtime. */
export function spawn<T>(future: Future<T>, meta?: SpawnMeta): JoinHandle<T> {
  const ctx = currentContext();
  if (ctx === undefined) {
    future.drop();
    throw new RustPanic(NO_RUNTIME_PANIC);
  }
  return ctx.handle.spawn(future, meta);
}

/** `tokio::task::spawn_blocking`: `job` is polled on a blocking thread (see `blockingSleep`). */
export function spawnBlocking<T>(job: Future<T>, meta?: SpawnMeta): JoinHandle<T> {
  const ctx = currentContext();
  if (ctx === undefined) {
    job.drop();
    throw new RustPanic(NO_RUNTIME_PANIC);
  }
  return ctx.handle.spawnBlocking(job, meta);
}

/** `task::try_id()`. */
export function tryTaskId(): number | undefined {
  const id = currentTaskIdRaw();
  return id === 0 ? undefined : id;
}

/** `task::id()`: panics outside a task (block_on's main future is not a task). */
export function taskId(): number {
  const id = currentTaskIdRaw();
  if (id === 0) throw new RustPanic(NO_TASK_ID_PANIC);
  return id;
}

/**
 * `println!` / `eprintln!`: recorded in the trace of the current runtime's world, or of the most
 * recently created world when no runtime is running (sync code before or after the runtime).
 */
export function emitStdout(text: string): void {
  emit('stdout', text);
}

export function emitStderr(text: string): void {
  emit('stderr', text);
}

function emit(stream: 'stdout' | 'stderr', text: string): void {
  const world = currentContext()?.handle.world ?? lastWorld();
  if (world === undefined) throw new Error('no simulation world exists yet (create a runtime or a SimWorld first)');
  world.emitOutput(stream, text, currentTaskIdRaw());
}
