/**
 * A minimal stand-in runtime for the unit tests of time/ and sync/ (not used by the product):
 * counted test wakers, a FIFO run queue of test tasks, the real CoopState and TimerDriver, a defer
 * list woken last-first when the queue runs dry (tokio-facts.md §6.2 in miniature), and a trace
 * recorder. End-to-end behaviour is tested separately on the real runtime.
 */
import { enterContext, leaveContext, type RuntimeHandle, type ThreadContext } from '../context.ts';
import type { TraceSink } from '../contracts.ts';
import { CoopState, INITIAL_BUDGET } from '../coop.ts';
import { PENDING, type Context, type Future, type Poll, type Waker } from '../future.ts';
import type { ChoicePoint } from '../choice.ts';
import { FastRand } from '../rng.ts';
import { SimWorld } from '../runtime/world.ts';
import { SimClock } from '../time/clock.ts';
import { TimerDriver } from '../time/driver.ts';

export class TestTask {
  /** Waker handles alive (clones), excluding the borrowed poll waker. */
  refs = 0;
  wakes = 0;
  queued = false;
  done = false;
  output: unknown = undefined;
  polls = 0;
  readonly pollWaker: TestWaker;

  constructor(
    readonly id: number,
    readonly rt: TestRuntime | null,
    public fut: Future<unknown> | null,
    /** Shared log of task ids in wake order (detached tasks). */
    readonly wakeLog: number[] | null = null,
  ) {
    this.pollWaker = new TestWaker(this, false);
  }

  get cx(): Context {
    return { waker: this.pollWaker };
  }
}

export class TestWaker implements Waker {
  constructor(
    readonly task: TestTask,
    private readonly counted: boolean,
  ) {}

  get target(): number {
    return this.task.id;
  }

  clone(): Waker {
    this.task.refs++;
    return new TestWaker(this.task, true);
  }

  wake(): void {
    this.wakeByRef();
    this.drop();
  }

  wakeByRef(): void {
    this.task.wakes++;
    this.task.wakeLog?.push(this.task.id);
    this.task.rt?.schedule(this.task);
  }

  drop(): void {
    if (this.counted) this.task.refs--;
  }

  willWake(other: Waker): boolean {
    return other instanceof TestWaker && other.task === this.task;
  }
}

/** A waker not tied to any runtime: counts wakes and live clones. */
export function detachedTask(id = 1, wakeLog: number[] | null = null): TestTask {
  return new TestTask(id, null, null, wakeLog);
}

export class RecordingTrace implements TraceSink {
  readonly events: [number, number, number, number, number][] = [];
  readonly strings: string[] = [];

  emit(kind: number, task: number, a = 0, b = 0, c = 0): void {
    this.events.push([kind, task, a, b, c]);
  }

  intern(s: string): number {
    this.strings.push(s);
    return this.strings.length - 1;
  }

  ofKind(kind: number): [number, number, number, number, number][] {
    return this.events.filter((e) => e[0] === kind);
  }
}

export class TestRuntime implements ThreadContext {
  readonly threadName = 'test';
  /** Values the simulator handed back to be dropped (a stand-in for the interpreter). */
  readonly droppedValues: unknown[] = [];
  readonly world = new SimWorld({ dropValue: (v) => this.droppedValues.push(v) });
  readonly handle: RuntimeHandle = {
    id: 0,
    world: this.world,
    spawn: () => {
      throw new Error('TestRuntime cannot spawn real tasks');
    },
    spawnBlocking: () => {
      throw new Error('TestRuntime cannot spawn real tasks');
    },
  };
  readonly clock: SimClock;
  readonly time: TimerDriver;
  readonly coop: CoopState;
  readonly trace = new RecordingTrace();
  readonly tasks: TestTask[] = [];
  private readonly queue: TestTask[] = [];
  private readonly deferred: Waker[] = [];
  private readonly rng = FastRand.fromU64(1);
  private current: TestTask | undefined;
  /** Lines the scenario "prints", prefixed with the virtual ms. */
  readonly log: string[] = [];

  constructor(paused = true) {
    this.clock = new SimClock(true, paused);
    this.time = new TimerDriver(this.clock, this.trace);
    this.coop = new CoopState({
      defer: (w) => this.defer(w),
      onCoopEvent: () => undefined,
    });
  }

  currentTaskId(): number | undefined {
    return this.current?.id;
  }

  defer(waker: Waker): void {
    const last = this.deferred[this.deferred.length - 1];
    if (last !== undefined && last.willWake(waker)) return;
    this.deferred.push(waker.clone());
  }

  choose(_point: ChoicePoint, n: number): number {
    return this.rng.fastrandN(n);
  }

  print(msg: string): void {
    this.log.push(`[${Math.floor(this.clock.now() / 1_000_000)}ms] ${msg}`);
  }

  spawn<T>(fut: Future<T>): TestTask {
    const t = new TestTask(this.tasks.length + 1, this, fut);
    this.tasks.push(t);
    this.schedule(t);
    return t;
  }

  schedule(t: TestTask): void {
    if (t.queued || t.done) return;
    t.queued = true;
    this.queue.push(t);
  }

  /** Polls one task under a fresh budget of 128, as a current_thread tick would. */
  pollTask(t: TestTask): void {
    t.queued = false;
    if (t.done || t.fut === null) return;
    this.current = t;
    const prevCtx = enterContext(this);
    this.coop.enter(INITIAL_BUDGET);
    try {
      t.polls++;
      const r = t.fut.poll(t.cx);
      if (r !== PENDING) {
        t.done = true;
        t.output = r;
        const f = t.fut;
        t.fut = null;
        f.drop();
      }
    } finally {
      this.coop.exit();
      leaveContext(prevCtx);
      this.current = undefined;
    }
  }

  /** Runs until nothing is runnable and no timer is pending (or `maxSteps` polls). */
  run(maxSteps = 100_000): void {
    let steps = 0;
    for (;;) {
      const t = this.queue.shift();
      if (t !== undefined) {
        this.pollTask(t);
        if (++steps > maxSteps) throw new Error('test runtime: too many steps');
        continue;
      }
      if (this.deferred.length > 0) {
        this.time.park(0);
        this.wakeDeferred();
        continue;
      }
      if (this.time.nextExpirationTick() === undefined) return;
      this.time.park();
      this.wakeDeferred();
    }
  }

  private wakeDeferred(): void {
    while (this.deferred.length > 0) (this.deferred.pop() as Waker).wake();
  }

  /** Runs a body with this runtime installed as the current context, on behalf of task `t`. */
  within<T>(f: () => T, t?: TestTask): T {
    const prev = this.current;
    const prevCtx = enterContext(this);
    this.current = t;
    try {
      return f();
    } finally {
      this.current = prev;
      leaveContext(prevCtx);
    }
  }
}

/** A future that polls `step` until it returns a value; `onDrop` runs once. */
export function fn<T>(step: (cx: Context) => Poll<T>, onDrop: () => void = () => undefined): Future<T> {
  let dropped = false;
  return {
    poll: step,
    drop: () => {
      if (!dropped) {
        dropped = true;
        onDrop();
      }
    },
  };
}

/**
 * Sequential async steps without generators: each step returns a future to await (its output is
 * handed to the next step) or a final value wrapped by `done`. Dropping drops the future in flight.
 */
export type Step = (prev: unknown) => Future<unknown> | Done;
export class Done {
  constructor(readonly value: unknown) {}
}
export function done(value: unknown = undefined): Done {
  return new Done(value);
}

export function seq(steps: Step[], onDrop: () => void = () => undefined): Future<unknown> {
  let i = 0;
  let cur: Future<unknown> | null = null;
  let prev: unknown = undefined;
  let dropped = false;
  return {
    poll(cx: Context) {
      for (;;) {
        if (cur === null) {
          const s = steps[i++](prev);
          if (s instanceof Done) return s.value;
          cur = s;
        }
        const r = cur.poll(cx);
        if (r === PENDING) return PENDING;
        cur.drop();
        cur = null;
        prev = r;
      }
    },
    drop() {
      if (dropped) return;
      dropped = true;
      if (cur !== null) cur.drop();
      onDrop();
    },
  };
}

/** An `async` block written as a generator: each yielded future is awaited (its output is the
 * value of the `yield`); dropping runs the generator's `finally` blocks (drop guards). */
export function co<T>(body: () => Generator<Future<unknown>, T, unknown>): Future<T> {
  let gen: Generator<Future<unknown>, T, unknown> | null = null;
  let child: Future<unknown> | null = null;
  let finished = false;
  return {
    poll(cx: Context): Poll<T> {
      gen ??= body();
      let input: unknown = undefined;
      for (;;) {
        if (child !== null) {
          const r = child.poll(cx);
          if (r === PENDING) return PENDING;
          child.drop();
          child = null;
          input = r;
        }
        const step = gen.next(input);
        if (step.done === true) {
          finished = true;
          return step.value;
        }
        child = step.value;
        input = undefined;
      }
    },
    drop(): void {
      const c = child;
      child = null;
      c?.drop();
      if (gen !== null && !finished) {
        finished = true;
        gen.return(undefined as T);
      }
    },
  };
}
