/**
 * What both runtime flavors do the same way (tokio-facts.md §6.2, §6.3, §4(f)): `block_on` and
 * drop are both driven by ticking one scheduler action at a time, `Runtime::enter` installs a
 * handle context, and output goes to the shared world. Each flavor supplies the stepping itself.
 */
import type { SpawnMeta, TimeDriver } from '../contracts.ts';
import { currentContext, currentTaskIdRaw, enterContext, leaveContext, type RuntimeHandle } from '../context.ts';
import { EventKind } from '../events.ts';
import type { Future } from '../future.ts';
import { HandleContext } from '../scheduler/shared/handle-context.ts';
import type { JoinHandle } from '../task/join-handle.ts';
import { RustPanic } from '../task/panic.ts';
import { UseAfterDrop } from '../use-after-drop.ts';
import type { TraceRecorder } from '../trace/recorder.ts';
import { runBlockOnOf, valueOfRun } from './sim-runtime.ts';
import type { BlockOnHandle, RunOutcome, RuntimeConfig, SimRuntime } from './sim-runtime.ts';
import type { StepResult } from './step.ts';
import { SimWorld } from './world.ts';

const NESTED_BLOCK_ON =
  'Cannot start a runtime from within a runtime. This happens because a function (like `block_on`) attempted to block the current thread while the thread is being used to drive asynchronous tasks.';

/** The world a runtime runs in: the one the config shares, or a fresh one seeded from it. */
export function worldFor(config: RuntimeConfig): SimWorld {
  return (
    config.world ??
    new SimWorld({
      seed: config.seed,
      traceLevel: config.traceLevel,
      dropValue: config.dropValue,
      onOutput: config.onOutput,
      checkRefs: config.checkRefs,
    })
  );
}

export abstract class RuntimeBase implements SimRuntime, RuntimeHandle {
  abstract readonly id: number;
  abstract readonly world: SimWorld;
  abstract readonly flavor: 'current_thread' | 'multi_thread';
  abstract readonly time: TimeDriver;
  abstract readonly isShutdown: boolean;
  /** Set when a deadlock event was emitted for the `block_on` in progress (one per block_on). */
  private deadlockReported = false;

  abstract spawn<T>(future: Future<T>, meta?: SpawnMeta): JoinHandle<T>;
  abstract spawnBlocking<T>(job: Future<T>, meta?: SpawnMeta): JoinHandle<T>;
  abstract startBlockOn<T>(future: Future<T>): BlockOnHandle<T>;
  abstract tick(): StepResult;
  abstract runToCompletion(maxSteps?: number): 'done' | 'deadlock' | 'step-limit';
  abstract shutdown(): void;
  /** True once every step of the runtime's drop has run. */
  protected abstract isDropped(): boolean;

  get trace(): TraceRecorder {
    return this.world.trace;
  }

  /** Refuses `block_on` from a scheduler thread (Tokio panics) or after the runtime was dropped. */
  protected checkBlockOn(): void {
    if (currentContext()?.schedulerThread === true) throw new RustPanic(NESTED_BLOCK_ON);
    if (this.isShutdown) throw new UseAfterDrop('block_on on a runtime that was shut down');
  }

  /** A new `block_on` may report its own deadlock. */
  protected armDeadlockReport(): void {
    this.deadlockReported = false;
  }

  /** Emits the deadlock event once per `block_on`. */
  protected reportDeadlock(): void {
    if (this.deadlockReported) return;
    this.deadlockReported = true;
    this.world.trace.emit(EventKind.Deadlock, 0);
  }

  /** `block_on` run to its end, with the outcome as a value. */
  runBlockOn<T>(future: Future<T>, maxSteps = Number.MAX_SAFE_INTEGER): RunOutcome<T> {
    return runBlockOnOf(this, future, maxSteps);
  }

  /** Synchronous `Runtime::block_on` for interpreted sync code: the value, or the panic rethrown. */
  blockOn<T>(future: Future<T>, maxSteps = Number.MAX_SAFE_INTEGER): T {
    return valueOfRun(this.runBlockOn(future, maxSteps), maxSteps);
  }

  /** Drops the runtime completely (all shutdown steps). */
  shutdownNow(maxSteps = Number.MAX_SAFE_INTEGER): void {
    this.shutdown();
    for (let i = 0; i < maxSteps && !this.isDropped(); i++) this.tick();
  }

  /** `Runtime::enter`: sync code may spawn onto this runtime until the returned function is called. */
  enter(): () => void {
    const ctx = new HandleContext(this, this.time, 'entered', this.world.seeds.nextSeed());
    const prev = enterContext(ctx);
    return () => leaveContext(prev);
  }

  emitStdout(text: string): void {
    this.world.emitOutput('stdout', text, currentTaskIdRaw());
  }

  emitStderr(text: string): void {
    this.world.emitOutput('stderr', text, currentTaskIdRaw());
  }
}
