/**
 * One run of a compiled program on the simulator: the world (ids, trace, output), the runtime of
 * `#[tokio::main]` (or none for a plain `fn main`), `block_on(main)` stepped one scheduler action
 * at a time, then the runtime's drop (shutdown), then the exit status.
 */
import { dropRuntimeThreadLocals, dropThreadLocals } from './std/thread-local.ts';
import { invoke } from './call.ts';
import { AsyncFuture } from './async.ts';
import { type SavedFrame, savedLocalsOf } from './saved-locals.ts';
import type { CompiledProgram } from './compile/items.ts';
import { Env, installEnv, RunawayError } from './env.ts';
import { TypeFault } from './type-fault.ts';
import { OutputTail } from './output-tail.ts';
import { FmtTraitError } from '../fmt/index.ts';
import { CompileError } from './compile/cx.ts';
import { allocateWorkers, renewBudget, RustAbort, StepLimitError, stackOverflowText } from './guards.ts';

/** Interpreted operations a run may use unless told otherwise (about a minute of work). */
const DEFAULT_TOTAL_STEPS = 1_000_000_000;
const DEFAULT_KEEP_OUTPUT = 16 * 2 ** 20;

/** The host's own stack ran out first (the depth counter is the normal way): the same abort. */
function isHostStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}
import type { Diagnostic } from '../diagnostics.ts';
import { debugAt } from './fmt-value.ts';
import { panicAt } from './panic.ts';
import { dropInFlight } from './owner.ts';
import { setExtTables } from './std/tables.ts';
import { setStructLookup, type StructLookup } from './std/defaults.ts';
import { setUserNext } from './std/iter.ts';
import { setStaticCall, type StaticCall } from './std/dispatch.ts';
import { RStruct, REnum as REnumV } from './values.ts';
import { invoke as invokeUser } from './call.ts';
import { ProcessExit } from './std/prelude.ts';
import {
  currentContext,
  createRuntime,
  type Runtime,
  RustPanic,
  SimWorld,
  tryTaskId,
  type TraceLevel,
  DeadlockError,
  ThreadDeadlock,
  type BlockOn,
  type Chooser,
  KilledBySignal,
  type FaultPlanConfig,
  EventKind,
} from './sim.ts';
import { REnum, type Value } from './values.ts';
import { RESULT } from './std/enums.ts';
import { setCurrentRunner } from './tokio/current.ts';
import { osThreadsIfAny } from './std/thread-block.ts';
import './std/index.ts';
import './tokio/index.ts';
import './task-id-order.ts';

export interface RunOptions {
  readonly seed?: number | bigint;
  /** Overrides `#[tokio::main(flavor = …)]`. */
  readonly flavor?: 'current_thread' | 'multi_thread';
  /** Overrides `worker_threads`. */
  readonly workers?: number;
  /** Loop iterations / calls one poll may run before the runaway guard stops the program. */
  readonly maxSteps?: number;
  /** Scheduler steps before the run is stopped (a program that never ends). */
  readonly maxTicks?: number;
  /** Interpreted operations (loop iterations, calls) the whole run may use (guards.ts). */
  readonly maxTotalSteps?: number;
  /** Simulated bytes the program may hold before an allocation fails as in Rust (guards.ts). */
  readonly memoryLimit?: number;
  /** Nested calls before the stack overflows as in Rust. */
  readonly maxDepth?: number;
  readonly onStdout?: (text: string) => void;
  readonly onStderr?: (text: string) => void;
  /**
   * Characters of stdout and of stderr the result keeps (the tail; the callbacks see everything):
   * a program that prints forever must not hold its whole output in memory.
   */
  readonly keepOutput?: number;
  readonly traceLevel?: TraceLevel;
  /** Decides the run's choice points (default: the seeded draws). */
  readonly chooser?: Chooser;
  /** Real-time instants (ms since the process started) at which Ctrl-C is pressed. */
  readonly ctrlCAtMs?: readonly number[];
  /** Ctrl-C pressed by hand after these scheduler steps (the lab's button; a replay from the start). */
  readonly ctrlCAfterSteps?: readonly number[];
  /** Network faults to inject: by hand, and/or drawn from the seed (src/sim/net/faults.ts). */
  readonly faults?: FaultPlanConfig;
  /** Remember which tasks suspend in each step, so `savedLocals` can show what they hold. */
  readonly captureLocals?: boolean;
  /**
   * Record a `statement` event where each statement starts, so playback can stop on any line (the
   * lab asks for them; other runs skip the cost). Without it, statement events mark only `.await`s.
   */
  readonly statements?: boolean;
  /** Keep the run's decisions in `world.choices` (default); false only counts them (no replay). */
  readonly keepChoices?: boolean;
}

/**
 * Statement events one scheduler step records at most: a poll that loops millions of times
 * without yielding (until the runaway guard stops it) keeps its first iterations steppable
 * without filling the trace; the next step records again.
 */
export const STATEMENTS_PER_STEP = 10_000;

/**
 * Emits a `statement` event per statement start, except one that only moves right along the line
 * the same task's last event already put it on (`if c { a }` on one line is one stop, not two);
 * a loop coming back to a statement moves left or stays, so each iteration is a stop.
 */
function statementRecorder(trace: SimWorld['trace']): (line: number, col: number) => void {
  let at = -1;
  let task = -1;
  let lastLine = 0;
  let lastCol = 0;
  let step = -1;
  let inStep = 0;
  return (line, col) => {
    const t = tryTaskId() ?? 0;
    const same = trace.length === at && t === task && line === lastLine && col > lastCol;
    task = t;
    lastLine = line;
    lastCol = col;
    if (same) return;
    if (trace.currentStep !== step) {
      step = trace.currentStep;
      inStep = 0;
    }
    if (++inStep > STATEMENTS_PER_STEP) return;
    trace.emit(EventKind.Statement, t, line, col);
    at = trace.length;
  };
}

/** A task whose future suspended during the last step, and the trace length when it did. */
export interface Suspension {
  readonly task: number;
  readonly at: number;
}

export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly world: SimWorld;
  /** Why the run stopped abnormally (runaway loop, deadlock, step limit), if it did. */
  readonly error?: string;
  /**
   * A type error rustc would have refused at compile time, found only when the operation ran
   * (exit status 2, as for a program refused before running).
   */
  readonly diagnostic?: Diagnostic;
  /** The kind of that stop. */
  readonly stop?: RunStop;
  /** Characters of stdout cut from the front of `stdout` (past `keepOutput`). */
  readonly stdoutDropped?: number;
}

export type RunStop = 'deadlock' | 'runaway' | 'step-limit' | 'internal';

type Phase = 'start' | 'block_on' | 'shutdown' | 'done';

export class ProgramRunner {
  readonly world: SimWorld;
  readonly env = new Env();
  private phase: Phase = 'start';
  private runtime: Runtime | null = null;
  private blockOn: BlockOn<unknown> | null = null;
  private exitCode = 0;
  private error: string | undefined;
  private diagnostic: Diagnostic | undefined;
  private stop: RunStop | undefined;
  private readonly out: OutputTail;
  private readonly err: OutputTail;
  private ticks = 0;
  /** The JS error behind an internal error (for tests and bug reports). */
  internal: unknown = undefined;
  private readonly maxTicks: number;
  /** The futures that suspended during the current step (captureLocals runs only). */
  private suspended: (Suspension & { readonly future: AsyncFuture })[] = [];

  constructor(
    readonly program: CompiledProgram,
    readonly options: RunOptions,
  ) {
    const keep = options.keepOutput ?? DEFAULT_KEEP_OUTPUT;
    this.out = new OutputTail(keep);
    this.err = new OutputTail(keep);
    this.world = new SimWorld({
      seed: options.seed ?? 0,
      traceLevel: options.traceLevel ?? 'full',
      ...(options.chooser !== undefined ? { chooser: options.chooser } : {}),
      ...(options.faults !== undefined ? { faults: options.faults } : {}),
      ...(options.keepChoices !== undefined ? { keepChoices: options.keepChoices } : {}),
      dropValue: (v) => dropInFlight(v as Value),
      onOutput: (stream, text) => {
        if (stream === 'stdout') {
          this.out.add(text);
          options.onStdout?.(text);
        } else {
          this.err.add(text);
          options.onStderr?.(text);
        }
      },
    });
    for (const ms of options.ctrlCAtMs ?? []) this.world.signals.press(ms * 1_000_000);
    for (const step of options.ctrlCAfterSteps ?? []) this.world.signals.pressAfterStep(step);
    const env = this.env;
    env.file = program.file;
    env.maxSteps = options.maxSteps ?? 50_000_000;
    env.maxTotal = options.maxTotalSteps ?? DEFAULT_TOTAL_STEPS;
    env.granted = 0;
    env.budget = 0;
    renewBudget(env);
    env.memoryLimit = options.memoryLimit ?? env.memoryLimit;
    env.maxDepth = options.maxDepth ?? env.maxDepth;
    env.liveTasks = () => this.world.liveTasks;
    env.stdout = (s) => this.world.emitOutput('stdout', s, tryTaskId() ?? 0);
    env.stderr = (s) => this.world.emitOutput('stderr', s, tryTaskId() ?? 0);
    env.bridge = {
      threadName: () => {
        const ts = osThreadsIfAny();
        if (ts !== null && ts.current !== ts.main) return ts.current.name ?? '<unnamed>';
        const n = currentContext()?.threadName ?? 'main';
        // blocking-pool threads and workers carry Tokio's default thread name
        return n.startsWith('blocking') || n.startsWith('worker') ? 'tokio-runtime-worker' : n;
      },
      currentTaskLabel: () => {
        const id = tryTaskId();
        return id === undefined ? 'main' : `task ${id}`;
      },
    };
    this.maxTicks = options.maxTicks ?? 10_000_000;
    if (options.statements === true) env.onStatement = statementRecorder(this.world.trace);
    if (options.captureLocals === true) {
      env.onSuspend = (future) => {
        const task = tryTaskId();
        if (task !== undefined && future instanceof AsyncFuture)
          this.suspended.push({ task, at: this.world.trace.length, future });
      };
    }
  }

  /** The tasks whose futures suspended during the last step (captureLocals runs). */
  suspensions(): readonly Suspension[] {
    return this.suspended;
  }

  /**
   * What a task that suspended during the last step holds at its `.await`, innermost frame
   * first (saved-locals.ts); undefined for other tasks. Reads the frames, changes nothing.
   */
  savedLocals(task: number): SavedFrame[] | undefined {
    // a user `impl Debug` runs against this run's tables
    this.enter();
    for (let i = this.suspended.length - 1; i >= 0; i--) {
      const s = this.suspended[i];
      if (s.task === task) return savedLocalsOf(s.future);
    }
    return undefined;
  }

  // Made once: `enter` runs on every step, and a closure per step was a top allocation site.
  private readonly structLookup: StructLookup = (name) => this.program.structs.get(name);
  private readonly staticCall: StaticCall = (typeName, fnName, site, args) => {
    const m = this.program.types.get(typeName)?.methods.get(fnName);
    if (m) return m.call(site, args);
    const std = this.program.stdAssoc.get(`${typeName}::${fnName}`);
    return std ? invoke(std, args, site) : undefined;
  };

  private enter(): void {
    installEnv(this.env);
    setExtTables(this.program.ext);
    setStructLookup(this.structLookup);
    setUserNext(userNextOf);
    setStaticCall(this.staticCall);
    setCurrentRunner(this);
  }

  /** The runtime `#[tokio::main]` built (null for a plain `fn main`). */
  get mainRuntime(): Runtime | null {
    return this.runtime;
  }

  /** Advances the run by one scheduler action; false when the run is over. */
  step(): boolean {
    if (this.suspended.length > 0) this.suspended = [];
    this.enter();
    try {
      return this.stepInner();
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  private stepInner(): boolean {
    switch (this.phase) {
      case 'start':
        return this.start();
      case 'block_on': {
        const rt = this.runtime!;
        const b = this.blockOn!;
        if (++this.ticks > this.maxTicks) {
          this.error = `stopped after ${this.maxTicks} scheduler steps`;
          this.stop = 'step-limit';
          this.exitCode = 124;
          this.phase = 'done';
          return false;
        }
        const r = rt.tick();
        if (r.kind === 'deadlock') throw new DeadlockError();
        if (b.done) {
          const s = b.status;
          if (s.kind === 'ready') this.mainReturned(s.value as Value);
          else if (s.kind === 'panicked') this.exitCode = 101;
          rt.shutdown();
          this.phase = 'shutdown';
        }
        return true;
      }
      case 'shutdown': {
        const rt = this.runtime!;
        const r = rt.tick();
        if (r.kind === 'idle') {
          // the runtime's threads have exited: their thread-locals are dropped before main's
          dropRuntimeThreadLocals(rt.id);
          return this.finish();
        }
        return true;
      }
      case 'done':
        return false;
    }
  }

  private start(): boolean {
    const main = this.program.main;
    if (!main.tokio) {
      const v = invoke(main.def, [], null);
      this.mainReturned(v);
      return this.finish();
    }
    const t = main.tokio;
    const flavor = this.options.flavor ?? t.flavor;
    allocateWorkers(flavor, this.options.workers ?? t.workers ?? 4);
    try {
      this.runtime = createRuntime({
        flavor,
        workers: this.options.workers ?? t.workers ?? 4,
        startPaused: t.startPaused,
        world: this.world,
      });
    } catch (e) {
      // `Builder::build().unwrap()` in the `#[tokio::main]` expansion: reported at `main`
      if (e instanceof RustPanic) panicAt(main.def.span, e.panicMessage ?? 'Box<dyn Any>');
      throw e;
    }
    const fut = invoke(main.def, [], null);
    this.blockOn = this.runtime.startBlockOn(fut as never);
    this.phase = 'block_on';
    return true;
  }

  private pendingError: Value = undefined;
  private hasPendingError = false;

  private mainReturned(v: Value): void {
    if (this.program.main.returnsResult && v instanceof REnum && v.def === RESULT && v.v === 1) {
      this.pendingError = v.f[0];
      this.hasPendingError = true;
      this.exitCode = 1;
    } else dropInFlight(v);
  }

  private finish(): boolean {
    if (this.hasPendingError) {
      // `main`'s error type must be Debug (its Termination impl prints it)
      this.env.stderr(`Error: ${debugAt(this.program.main.def.span, this.pendingError)}\n`);
      dropInFlight(this.pendingError);
    }
    // the process exits: the main thread's thread-locals are dropped
    dropThreadLocals('main');
    this.phase = 'done';
    return false;
  }

  private fail(e0: unknown): void {
    // a value formatted with a trait it lacks, by a built-in no site guards: E0277, shown at `main`
    const e =
      e0 instanceof FmtTraitError
        ? new TypeFault(0, 0, e0.message.replace('the value does not', "this value doesn't"), 'E0277')
        : e0;
    if (e instanceof RustPanic) {
      // a panic in a plain `fn main` (the hook already printed it)
      this.exitCode = 101;
      if (this.runtime && this.phase === 'block_on') {
        this.runtime.shutdown();
        this.phase = 'shutdown';
        while (this.step());
        this.exitCode = 101;
        return;
      }
    } else if (e instanceof ProcessExit) {
      this.exitCode = e.code;
    } else if (e instanceof KilledBySignal) {
      // SIGINT with no handler: the process dies at once, as a shell reports it (128 + 2)
      this.exitCode = e.exitCode;
    } else if (e instanceof RunawayError) {
      this.exitCode = 124;
      this.stop = 'runaway';
      this.error = `${this.program.file}:${e.line}:${e.col}: ${e.message}`;
      this.env.stderr(`${this.error}\n`);
    } else if (e instanceof RustAbort || isHostStackOverflow(e)) {
      // the process dies at once: no unwinding, no runtime shutdown, no destructors
      this.exitCode = 134;
      this.env.stderr(e instanceof RustAbort ? e.stderrText : stackOverflowText());
    } else if (e instanceof StepLimitError) {
      this.exitCode = 124;
      this.error = e.message;
      this.env.stderr(`${e.message}\n`);
    } else if (e instanceof TypeFault || e instanceof CompileError) {
      // refused while running: a type error found at the operation, or code compiled on first use
      this.exitCode = 2;
      // a fault no statement located (raised outside any block) is shown at `main`
      const at = e instanceof CompileError ? e.span : e.line > 0 ? e : this.program.main.def.span;
      const d: Diagnostic = { file: this.program.file, line: at.line, col: at.col, message: e.message };
      if (e instanceof TypeFault && e.code !== undefined) d.code = e.code;
      this.diagnostic = d;
      this.error = `${d.file}:${d.line}:${d.col}: error${d.code !== undefined ? `[${d.code}]` : ''}: ${d.message}`;
      this.env.stderr(`${this.error}\n`);
    } else if (e instanceof DeadlockError || e instanceof ThreadDeadlock) {
      this.exitCode = 124;
      this.stop = 'deadlock';
      this.error = e.message;
      this.env.stderr(`${e.message}\n`);
    } else {
      // an interpreter or simulator bug: report it instead of crashing the host
      this.exitCode = 70;
      this.stop = 'internal';
      const msg = e instanceof Error ? e.message : String(e);
      this.error = `internal error: ${msg}`;
      this.internal = e;
      this.env.stderr(`${this.error}\n`);
    }
    this.phase = 'done';
  }

  result(): RunResult {
    const r: { -readonly [K in keyof RunResult]: RunResult[K] } = {
      exitCode: this.exitCode,
      stdout: this.out.text(),
      stderr: this.err.text(),
      world: this.world,
    };
    if (this.out.dropped > 0) r.stdoutDropped = this.out.dropped;
    if (this.error !== undefined) r.error = this.error;
    if (this.diagnostic !== undefined) r.diagnostic = this.diagnostic;
    if (this.stop !== undefined) r.stop = this.stop;
    return r;
  }
}

/** `Iterator::next` of a user type, if it implements Iterator. */
function userNextOf(v: Value): ((obj: Value) => Value) | null {
  if (!(v instanceof RStruct || v instanceof REnumV) || !v.def.traits.has('Iterator')) return null;
  const m = v.def.methods.get('next');
  if (!m || !m.user) return null;
  const def = m.user;
  return (obj) => invokeUser(def, [obj], null);
}
