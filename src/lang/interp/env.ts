/**
 * The state of one program run that the compiled code reaches without threading it through every
 * call: output streams, the panic hook, the runaway budget, and the bridge to the simulated
 * runtime. `runProgram` installs a fresh Env before it runs and the interpreter is single-threaded,
 * so one module-level slot is enough.
 */
import type { Value } from './values.ts';
import { StepLimitError } from './guards.ts';

export interface RuntimeBridge {
  /** Name of the current thread for panic messages ('main', 'tokio-runtime-worker'). */
  threadName(): string;
  /** Describes what is running, for the runaway message ("task 3", "main"). */
  currentTaskLabel(): string;
}

export class Env {
  file = 'src/main.rs';
  stdout: (s: string) => void = () => undefined;
  stderr: (s: string) => void = () => undefined;
  /** The "note: run with RUST_BACKTRACE" line is printed once per process. */
  backtraceNoteShown = false;
  /** A closure installed with `std::panic::set_hook`, or null for the default hook. */
  panicHook: Value = null as unknown as Value;
  hasHook = false;
  /** Set by a panic until what catches it (a thread's end) clears it: guards dropped meanwhile poison. */
  panicking = false;
  /** Loop iterations / calls left before the runaway guard stops the program. */
  budget = 50_000_000;
  maxSteps = 50_000_000;
  /** Operations the whole run may use (guards.ts), what earlier grants used, and this grant. */
  maxTotal = Number.MAX_SAFE_INTEGER;
  spent = 0;
  granted = 50_000_000;
  /** Simulated bytes the program may hold (guards.ts). */
  memoryLimit = 256 * 2 ** 20;
  /** Live tasks of the run (each costs simulated memory). */
  liveTasks: () => number = () => 0;
  /** Depth of nested calls, and the depth at which the stack overflows. */
  depth = 0;
  maxDepth = 4000;
  bridge: RuntimeBridge = {
    threadName: () => 'main',
    currentTaskLabel: () => 'main',
  };
  /** Non-zero while an async future is being polled (budget resets at the outermost poll). */
  pollDepth = 0;
  /** Told when the outermost async body of a poll suspends (runs that record saved locals). */
  onSuspend: ((future: object) => void) | null = null;
  /**
   * Told when a statement (or a block's tail expression) starts, at its line and column: runs that
   * record statement events (RunOptions.statements) set it; null keeps the cost to one load.
   */
  onStatement: ((line: number, col: number) => void) | null = null;
}

export let env = new Env();

export function installEnv(e: Env): void {
  env = e;
}

/** Tells the run that the code at (line, col) starts, when it records statement events. */
export function noteStatement(line: number, col: number): void {
  const h = env.onStatement;
  if (h !== null) h(line, col);
}

/** The runaway guard: thrown (not a panic) when code runs too long without yielding. */
export class RunawayError extends Error {
  constructor(
    readonly line: number,
    readonly col: number,
    readonly who: string,
  ) {
    super(`${who} ran more than the step limit without yielding (stopped at line ${line}:${col})`);
    this.name = 'RunawayError';
  }
}

export function runaway(line: number, col: number): never {
  if (env.spent + env.granted >= env.maxTotal) throw new StepLimitError(env.maxTotal);
  throw new RunawayError(line, col, env.bridge.currentTaskLabel());
}
