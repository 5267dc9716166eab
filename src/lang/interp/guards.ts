/**
 * Resource guards of one run, the same in the CLI and the worker (issue 14): a budget of interpreted
 * operations for the whole run, a memory budget on simulated values, and a call-depth counter. Each
 * ends the program the way a Rust binary ends, or says plainly which of our limits stopped it:
 *
 * - memory: `memory allocation of N bytes failed` and exit 134, as Rust's default alloc error hook
 *   (the budget is the simulated machine's memory, small because each simulated value costs the host
 *   far more than it would cost Rust);
 * - depth: `thread 'main' has overflowed its stack` / `fatal runtime error: stack overflow, aborting`
 *   and exit 134, from a counter rather than the host's own stack;
 * - operations: the run stops with status 124 and a message naming --max-steps.
 */
import { env, type Env } from './env.ts';

/** Rust's abort after an allocation failure or a stack overflow (SIGABRT: exit status 134). */
export class RustAbort extends Error {
  constructor(readonly stderrText: string) {
    super(stderrText.trim());
    this.name = 'RustAbort';
  }
}

/** The whole run used up its budget of interpreted operations. */
export class StepLimitError extends Error {
  constructor(readonly steps: number) {
    super(`stopped after ${steps} interpreted steps (raise --max-steps to let it run longer)`);
    this.name = 'StepLimitError';
  }
}

/**
 * Simulated bytes each live task costs: what one costs in real Tokio 1.48. Measured with
 * scripts/measure-task-memory.sh (200,000 tasks each suspended on a sleep, held at once, under
 * /usr/bin/time -v: peak RSS 93,412 KiB against 2,484 KiB with none, so 465 bytes a task, the task
 * cell with its future and timer entry and the JoinHandle kept; 454 on multi_thread). With the
 * 256 MiB budget that is about 577,000 live tasks, so programs real Tokio runs comfortably run
 * here too, and an endless spawn loop still aborts before the host's heap does. (4 KiB per task
 * aborted the 100,000-sleeper benchmark, a false allocation failure.)
 */
export const TASK_BYTES = 465;

/** Simulated bytes each worker thread of a multi_thread runtime costs (its queues and state). */
export const WORKER_BYTES = 64 * 1024;

/** A runtime's worker threads are allocated when it is built. */
export function allocateWorkers(flavor: 'current_thread' | 'multi_thread', workers: number): void {
  if (flavor === 'multi_thread') allocate(workers * WORKER_BYTES);
}

/** Fails the way Rust does when `bytes` more cannot be allocated. */
export function allocate(bytes: number): void {
  if (bytes <= env.memoryLimit - env.liveTasks() * TASK_BYTES) return;
  let text = `memory allocation of ${BigInt(Math.floor(bytes))} bytes failed\n`;
  if (!env.backtraceNoteShown) {
    env.backtraceNoteShown = true;
    text += 'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n';
  }
  throw new RustAbort(text);
}

export function stackOverflowText(): string {
  return `\nthread '${env.bridge.threadName()}' has overflowed its stack\nfatal runtime error: stack overflow, aborting\n`;
}

/**
 * A thread's default stack in Rust (the main thread's 8 MiB): an array bigger than this cannot be
 * built on any thread's stack, so making one overflows it, as the compiled program does.
 */
export const MAIN_STACK_BYTES = 8 * 1024 * 1024;

export function stackOverflow(): never {
  throw new RustAbort(stackOverflowText());
}

/**
 * Starts the next grant of operations (at the outermost poll, and at the start): what the last grant
 * used counts against the whole run's budget.
 */
export function renewBudget(e: Env = env): void {
  e.spent += e.granted - Math.max(e.budget, 0);
  const left = e.maxTotal - e.spent;
  e.granted = Math.max(Math.min(e.maxSteps, left), 0);
  e.budget = e.granted;
}
