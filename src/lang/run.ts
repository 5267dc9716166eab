/**
 * The Rust entry points: `compile(source, file)` (parse → check → compile; nothing outside the
 * supported subset runs) and `runProgram(program, options)` / `startProgram` (the steppable run):
 * builds the runtime `#[tokio::main]` asks for (options may override flavor / workers), runs
 * `block_on(main)`, drops the runtime (shutdown), and reports the exit status like a Rust binary:
 * 0, 1 after `Error: {e:?}` when main returns `Err`, 101 after a panic in main.
 */
import type { Diagnostic } from './diagnostics.ts';
import { parseAndCheck } from './check/index.ts';
import { compileProgram, type CompiledProgram } from './interp/compile/items.ts';
import { CompileError } from './interp/compile/cx.ts';
import { ProgramRunner, type RunOptions, type RunResult } from './interp/runner.ts';
import { checkTypes, type TypeCheckResult } from './types/index.ts';
import { NO_FACTS } from './types/facts.ts';
import { resetFallbacks } from './interp/fallbacks.ts';

export type { CompiledProgram } from './interp/compile/items.ts';
export type { RunOptions, RunResult, RunStop } from './interp/runner.ts';
export { ProgramRunner } from './interp/runner.ts';
export { fallbackReport } from './interp/fallbacks.ts';

export type CompileResult =
  | { readonly ok: true; readonly program: CompiledProgram; readonly warnings: Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** The type checker never blocks a program by failing itself: a crash in it lets the program run. */
function typeCheck(program: Parameters<typeof checkTypes>[0]): TypeCheckResult {
  try {
    return checkTypes(program);
  } catch {
    return { errors: [], warnings: [], facts: NO_FACTS };
  }
}

export function compile(source: string, file = 'src/main.rs'): CompileResult {
  resetFallbacks();
  const front = parseAndCheck(source, file);
  if (!front.ok) return { ok: false, diagnostics: front.diagnostics };
  const typed = typeCheck(front.program);
  if (typed.errors.length > 0) return { ok: false, diagnostics: typed.errors };
  try {
    const checked = { movedAtAwait: typed.movedAtAwait ?? new Map() };
    return {
      ok: true,
      program: compileProgram(front.program, source, typed.facts, checked),
      warnings: typed.warnings,
    };
  } catch (e) {
    if (e instanceof CompileError) {
      const d: Diagnostic = {
        file,
        line: e.span.line,
        col: e.span.col,
        endLine: e.span.endLine,
        endCol: e.span.endCol,
        message: e.message,
      };
      if (e.hint !== undefined) d.hint = e.hint;
      return { ok: false, diagnostics: [d] };
    }
    throw e;
  }
}

/** Runs a compiled program to completion. */
export function runProgram(program: CompiledProgram, options: RunOptions = {}): RunResult {
  const r = new ProgramRunner(program, options);
  while (r.step()) {
    /* run */
  }
  return r.result();
}

/** A steppable run: call `step()` until it returns false, then `result()`. */
export function startProgram(program: CompiledProgram, options: RunOptions = {}): ProgramRunner {
  return new ProgramRunner(program, options);
}
