/**
 * What the worker runs: an engine compiles a program and starts runs; a run advances in bounded
 * slices of scheduler steps and writes its trace. The worker loop (worker-core.ts) is written
 * against this seam only, so it is tested with programs built straight on the simulator, and the
 * Rust interpreter is bound to it in lang-engine.ts.
 */
import type { SourceProblem, WireExploreOptions, WireExploreReport, WireLocals, WireRunConfig } from './protocol.ts';
import type { TraceReader } from './wire.ts';

export type AdvanceResult =
  | { readonly kind: 'running' }
  | { readonly kind: 'finished'; readonly exitCode: number }
  | { readonly kind: 'failed'; readonly problem: SourceProblem };

export interface EngineRun {
  /** The trace the run writes into. */
  readonly trace: TraceReader;
  /**
   * Performs at most `maxSteps` scheduler steps (tokio-facts.md §6: one step is one scheduler
   * action), fewer when the program ends. Never throws: failures are results.
   */
  advance(maxSteps: number): AdvanceResult;
  /** Releases the run (called once, when it ends or is stopped). */
  dispose(): void;
  /**
   * Saved locals recorded at trace indexes below `end`, handed over once (absent: the engine
   * records none).
   */
  takeLocals?(end: number): WireLocals[];
}

/** An exploration in progress: one run per `next()`, so the worker can slice it. */
export interface EngineExploration {
  /** Performs the next run; false when the exploration is over. */
  next(): boolean;
  report(): WireExploreReport;
}

export type CompileResult =
  | {
      readonly ok: true;
      /** Warnings about a program that still runs (a future never awaited). */
      readonly warnings?: readonly SourceProblem[];
      start(config: WireRunConfig): EngineRun;
      /** Absent when the engine cannot explore (programs built straight on the simulator). */
      explore?(config: WireRunConfig, options: WireExploreOptions): EngineExploration;
    }
  | { readonly ok: false; readonly problems: readonly SourceProblem[] };

export interface Engine {
  compile(source: string, file: string): CompileResult;
}

/** A located problem from anything thrown where no location is known. */
export function problemOf(error: unknown): SourceProblem {
  const message = error instanceof Error ? error.message : String(error);
  const at = /\(stopped at line (\d+):(\d+)\)|line (\d+):(\d+)|:(\d+):(\d+)/.exec(message);
  const line = Number(at?.[1] ?? at?.[3] ?? at?.[5] ?? 0);
  const col = Number(at?.[2] ?? at?.[4] ?? at?.[6] ?? 0);
  return { line, col, message };
}
