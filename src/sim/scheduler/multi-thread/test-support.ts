/**
 * Test and benchmark helpers for the multi_thread scheduler (tokio-facts.md §6.3, §6.4): TypeScript
 * futures written as generators (`co`), a `yield_now` that uses the current thread's defer list,
 * `spawn` on the current runtime, and a driver loop. Not used by the product.
 */
import { currentContext } from '../../context.ts';
import { EventKind } from '../../events.ts';
import { PENDING, type Context, type Future, type Poll } from '../../future.ts';
import type { JoinHandle } from '../../task/join-handle.ts';
import { MtStep, type MultiThreadScheduler } from './scheduler.ts';

/** A generator body: each yielded future is awaited; its output is what `yield` evaluates to. */
export type Body<T> = () => Generator<Future<unknown>, T, unknown>;

class CoFuture<T> implements Future<T> {
  private gen: Generator<Future<unknown>, T, unknown> | null = null;
  private child: Future<unknown> | null = null;

  constructor(private readonly body: Body<T>) {}

  poll(cx: Context): Poll<T> {
    let gen = this.gen;
    if (gen === null) gen = this.gen = this.body();
    let input: unknown = undefined;
    for (;;) {
      const child = this.child;
      if (child !== null) {
        const r = child.poll(cx);
        if (r === PENDING) return PENDING;
        child.drop();
        this.child = null;
        input = r;
      }
      const step = gen.next(input);
      if (step.done === true) return step.value;
      this.child = step.value;
      input = undefined;
    }
  }

  drop(): void {
    const child = this.child;
    this.child = null;
    if (child !== null) child.drop();
    this.gen?.return(undefined as T);
  }
}

/** An `async` block written as a generator. */
export function co<T>(body: Body<T>): Future<T> {
  return new CoFuture(body);
}

/** An `async { f() }` block without awaits: Ready with f's value on its first poll. */
export function once<T>(f: () => T): Future<T> {
  return { poll: () => f(), drop: () => undefined };
}

/** `task::yield_now()`: Pending once after deferring the waker (at once outside a runtime). */
export function yieldNow(): Future<void> {
  let yielded = false;
  return {
    poll(cx: Context): Poll<void> {
      if (yielded) return undefined;
      yielded = true;
      const ctx = currentContext();
      if (ctx === undefined) cx.waker.wakeByRef();
      else ctx.defer(cx.waker);
      return PENDING;
    },
    drop(): void {},
  };
}

/** `tokio::spawn` on the current runtime. */
export function spawn<T>(future: Future<T>, name?: string): JoinHandle<T> {
  const ctx = currentContext();
  if (ctx === undefined) throw new Error('spawn outside a runtime');
  return ctx.handle.spawn(future, name === undefined ? {} : { name });
}

/** Awaits every handle in order (a `for h in hs { h.await }` loop); outputs are discarded. */
export function joinAll(handles: readonly JoinHandle<unknown>[]): Future<void> {
  return co(function* () {
    for (const h of handles) yield h;
  });
}

/** Program output collected in order, also written to the trace. */
export class Output {
  readonly lines: string[] = [];

  constructor(private readonly s: MultiThreadScheduler) {}

  print(line: string): void {
    this.lines.push(line);
    const trace = this.s.trace;
    trace.emit(EventKind.Stdout, currentContext()?.currentTaskId() ?? 0, trace.intern(line));
  }
}

export interface RunResult {
  readonly steps: number;
  readonly outcome: 'done' | 'deadlock' | 'idle' | 'step-limit';
  readonly value: unknown;
}

/** `Runtime::block_on(main)`: ticks until the main future is done (or the run is stuck). */
export function blockOn(s: MultiThreadScheduler, main: Future<unknown>, maxSteps = 10_000_000): RunResult {
  s.startBlockOn(main);
  let steps = 0;
  while (!s.main.done) {
    if (steps >= maxSteps) return { steps, outcome: 'step-limit', value: undefined };
    const r = s.tick();
    steps++;
    if (r === MtStep.Deadlock) return { steps, outcome: 'deadlock', value: undefined };
    if (r === MtStep.Idle) return { steps, outcome: 'idle', value: undefined };
  }
  return { steps, outcome: 'done', value: s.main.value };
}

/** Runtime drop: close, then tick until every worker has exited. Returns the steps taken. */
export function dropRuntime(s: MultiThreadScheduler, maxSteps = 10_000_000): number {
  s.close();
  let steps = 0;
  while (!s.allWorkersExited()) {
    if (steps++ >= maxSteps) throw new Error('runtime drop did not finish');
    s.tick();
  }
  return steps;
}
