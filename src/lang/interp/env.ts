/**
 * The state of one program run that the compiled code reaches without threading it through every
 * call: output streams, the panic hook, the runaway budget, and the bridge to the simulated
 * runtime. `runProgram` installs a fresh Env before it runs and the interpreter is single-threaded,
 * so one module-level slot is enough.
 */
import type { Value } from './values.ts';

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
  /** Loop iterations / calls left before the runaway guard stops the program. */
  budget = 50_000_000;
  maxSteps = 50_000_000;
  bridge: RuntimeBridge = {
    threadName: () => 'main',
    currentTaskLabel: () => 'main',
  };
  /** Non-zero while an async future is being polled (budget resets at the outermost poll). */
  pollDepth = 0;
}

export let env = new Env();

export function installEnv(e: Env): void {
  env = e;
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
  throw new RunawayError(line, col, env.bridge.currentTaskLabel());
}
