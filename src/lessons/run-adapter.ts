/**
 * Binds the interpreter's entry point (src/lang/run.ts, built separately) to the validator's
 * `ScenarioRunner`. The module is loaded by the caller (a glob import, so nothing breaks while it
 * does not exist yet) and checked here by shape; anything unexpected becomes a clear error
 * instead of a silent pass.
 */
import type { SimEvent } from '../sim/events.ts';
import type { RunResult, ScenarioRunner } from './validate.ts';

const ENTRY_NAMES = ['runScenario', 'runProgram', 'runSource', 'run'] as const;

type Entry = (source: string, options: { file: string; seed: number }) => unknown;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function lineOf(e: Record<string, unknown>): number {
  if (typeof e.line === 'number') return e.line;
  const span = e.span;
  if (isRecord(span) && typeof span.line === 'number') return span.line;
  return 1;
}

/** Reads whatever the interpreter returned into a `RunResult`. */
export function toRunResult(value: unknown): RunResult {
  if (!isRecord(value)) return unreadable();
  const problems = value.errors ?? value.diagnostics;
  if (value.ok === false || (Array.isArray(problems) && problems.length > 0 && typeof value.stdout !== 'string')) {
    const list = Array.isArray(problems) ? problems : [];
    const errors = list
      .filter(isRecord)
      .map((e) => ({ line: lineOf(e), message: typeof e.message === 'string' ? e.message : 'error' }));
    return {
      ok: false,
      errors: errors.length > 0 ? errors : [{ line: 1, message: 'the interpreter rejected the program' }],
    };
  }
  if (typeof value.stdout !== 'string') return unreadable();
  const events = value.events ?? value.trace;
  return { ok: true, stdout: value.stdout, events: Array.isArray(events) ? (events as SimEvent[]) : [] };
}

function unreadable(): RunResult {
  return {
    ok: false,
    errors: [{ line: 1, message: 'src/lang/run.ts returned a result src/lessons/run-adapter.ts cannot read' }],
  };
}

/** The runner inside an interpreter module, or a sentence saying why there is none. */
export function adaptRunModule(mod: unknown): ScenarioRunner | string {
  if (!isRecord(mod)) return 'src/lang/run.ts did not load as a module';
  for (const name of ENTRY_NAMES) {
    const fn = mod[name];
    if (typeof fn === 'function') {
      const entry = fn as Entry;
      return async (source, options) => toRunResult(await entry(source, { file: options.file, seed: options.seed }));
    }
  }
  return `src/lang/run.ts exports none of ${ENTRY_NAMES.join(', ')}; teach src/lessons/run-adapter.ts its entry point`;
}
