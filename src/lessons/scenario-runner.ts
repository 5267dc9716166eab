/**
 * Runs a lesson scenario on the interpreter in-process: the validator's runner at build time and in
 * tests. The app never imports this (its runs go through the worker), so the interpreter stays off
 * the page's thread.
 */
import { compile, runProgram } from '../lang/run.ts';
import type { SimEvent } from '../sim/events.ts';
import type { RunResult, ScenarioRunner } from './validate.ts';

export function runScenario(source: string, options: { file: string; seed: number }): RunResult {
  const c = compile(source, options.file);
  if (!c.ok) return { ok: false, errors: c.diagnostics.map((d) => ({ line: d.line, message: d.message })) };
  const r = runProgram(c.program, { seed: options.seed });
  const events: SimEvent[] = [...r.world.trace.events()];
  return { ok: true, stdout: r.stdout, events, stderr: r.stderr, exitCode: r.exitCode };
}

export const scenarioRunner: ScenarioRunner = (source, options) => runScenario(source, options);
