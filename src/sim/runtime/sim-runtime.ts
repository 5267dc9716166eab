/**
 * What every simulated `tokio::runtime::Runtime` offers, whatever its flavor (tokio-facts.md §6.2
 * current_thread, §6.3 multi_thread, §4(f) shutdown, §8 blocking pool): the steppable surface the
 * interpreter, the worker and the tests drive. `createRuntime` (create.ts) returns it; the two
 * flavors implement it (runtime.ts, scheduler/multi-thread/runtime.ts).
 */
import type { DropValue, TimeDriver } from '../contracts.ts';
import type { RuntimeHandle } from '../context.ts';
import type { Future } from '../future.ts';
import type { BlockOnStatus } from '../scheduler/current-thread/block-on.ts';
import type { RustPanic } from '../task/panic.ts';
import type { TraceLevel, TraceRecorder } from '../trace/recorder.ts';
import type { StepResult } from './step.ts';
import type { OutputStream, SimWorld } from './world.ts';

export interface RuntimeConfig {
  readonly flavor: 'current_thread' | 'multi_thread';
  /** multi_thread worker threads (default 4: the simulation has no machine to ask). */
  readonly workers?: number;
  /** current_thread only: multi_thread panics like Tokio's `Builder::build` does. */
  readonly startPaused?: boolean;
  /** Seeds the world when this runtime creates it (ignored with `world`). */
  readonly seed?: number | bigint;
  readonly eventInterval?: number;
  readonly globalQueueInterval?: number;
  readonly maxBlockingThreads?: number;
  readonly threadKeepAliveNs?: number;
  readonly dropValue?: DropValue;
  readonly onOutput?: (stream: OutputStream, text: string) => void;
  readonly traceLevel?: TraceLevel;
  readonly checkRefs?: boolean;
  /** Share one world (ids, trace, real time) between the runtimes of one program. */
  readonly world?: SimWorld;
  /** Replace the time driver (tests; current_thread only). */
  readonly timeDriver?: TimeDriver;
}

export type RunOutcome<T> =
  | { readonly kind: 'ready'; readonly value: T }
  | { readonly kind: 'panicked'; readonly panic: RustPanic }
  | { readonly kind: 'deadlock' }
  | { readonly kind: 'step-limit' };

/** block_on would wait forever: no task runnable, no timer, no blocking job, main future pending. */
export class DeadlockError extends Error {
  constructor() {
    super('deadlock: the program would hang forever here (nothing can wake block_on again)');
    this.name = 'DeadlockError';
  }
}

/** A `block_on` in progress; `status` settles when the main future is Ready or panicked. */
export interface BlockOnHandle<T> {
  readonly done: boolean;
  readonly status: BlockOnStatus<T>;
}

export interface SimRuntime extends RuntimeHandle {
  readonly flavor: 'current_thread' | 'multi_thread';
  readonly time: TimeDriver;
  readonly trace: TraceRecorder;
  /** True once `shutdown()` began the runtime's drop. */
  readonly isShutdown: boolean;
  /** Starts `Runtime::block_on(fut)`; drive it with `tick()`. */
  startBlockOn<T>(future: Future<T>): BlockOnHandle<T>;
  /** Performs exactly one scheduler action (one thread's step on multi_thread). */
  tick(): StepResult;
  /** Ticks until nothing is in progress; stops at a deadlock or after `maxSteps`. */
  runToCompletion(maxSteps?: number): 'done' | 'deadlock' | 'step-limit';
  /** `block_on` run to its end, with the outcome as a value. */
  runBlockOn<T>(future: Future<T>, maxSteps?: number): RunOutcome<T>;
  /** Synchronous `Runtime::block_on`: the value, or the panic rethrown (DeadlockError when stuck). */
  blockOn<T>(future: Future<T>, maxSteps?: number): T;
  /** Begins `Runtime` drop; continue with `tick()` until it reports `idle` (or use `shutdownNow`). */
  shutdown(): void;
  /** Drops the runtime completely (all shutdown steps). */
  shutdownNow(maxSteps?: number): void;
  /** `Runtime::enter`: sync code may spawn onto this runtime until the returned function is called. */
  enter(): () => void;
  emitStdout(text: string): void;
  emitStderr(text: string): void;
}

/** `block_on` run to its end on either flavor, with the outcome as a value. */
export function runBlockOnOf<T>(
  rt: Pick<SimRuntime, 'startBlockOn' | 'runToCompletion'>,
  future: Future<T>,
  maxSteps: number,
): RunOutcome<T> {
  const b = rt.startBlockOn(future);
  const r = rt.runToCompletion(maxSteps);
  const s = b.status;
  if (s.kind === 'ready') return { kind: 'ready', value: s.value };
  if (s.kind === 'panicked') return { kind: 'panicked', panic: s.panic };
  return { kind: r === 'deadlock' ? 'deadlock' : 'step-limit' };
}

/** The value of a finished `block_on`, or its panic (or a deadlock / step limit) thrown. */
export function valueOfRun<T>(o: RunOutcome<T>, maxSteps: number): T {
  switch (o.kind) {
    case 'ready':
      return o.value;
    case 'panicked':
      throw o.panic;
    case 'deadlock':
      throw new DeadlockError();
    default:
      throw new Error(`block_on did not finish within ${maxSteps} steps`);
  }
}
