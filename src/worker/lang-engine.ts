/**
 * Binds the Rust interpreter (src/lang/run.ts) to the worker's Engine seam: `compile` for
 * located diagnostics, `startProgram` for a run stepped one scheduler action at a time, the run's
 * simulated world for its trace. The interpreter's runaway guard is set so that a `loop {}` that
 * never yields stops with a located message well before the page's watchdog gives up on the
 * worker (client.ts).
 */
import { compile, startProgram } from '../lang/run.ts';
import type { ProgramRunner, RunResult } from '../lang/run.ts';
import type { Diagnostic } from '../lang/diagnostics.ts';
import { Explorer, decodeReplayKey } from '../explore/index.ts';
import { ForcedChooser, parseFault, type Fault, type FaultPlanConfig } from '../sim/index.ts';
import { wireExploreReport } from './explore-wire.ts';
import type { AdvanceResult, Engine, EngineRun } from './engine.ts';
import { problemOf } from './engine.ts';
import type { SourceProblem, WireLocals, WireRunConfig } from './protocol.ts';
import type { TraceReader } from './wire.ts';

/** Loop iterations or calls one poll may run (about 0.7 s of interpretation) before it is stopped. */
export const RUNAWAY_STEPS = 5_000_000;

/** A run's abnormal stop as a located problem; the "file:line:col: " prefix becomes the place. */
export function problemOfRunError(error: string, file: string): SourceProblem {
  const prefix = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+): `).exec(error);
  if (prefix === null) return problemOf(error);
  return { line: Number(prefix[1]), col: Number(prefix[2]), message: error.slice(prefix[0].length) };
}

function endOf(r: RunResult, file: string): AdvanceResult {
  if (r.error !== undefined) return { kind: 'failed', problem: problemOfRunError(r.error, file) };
  return { kind: 'finished', exitCode: r.exitCode };
}

/** The seed and chooser a run config names (a replay key's seed replaces the config's). */
function scheduleOf(config: WireRunConfig): { seed: number; chooser?: ForcedChooser } {
  if (config.replayKey === undefined) return { seed: config.seed };
  const key = decodeReplayKey(config.replayKey);
  if (!key.ok) throw new Error(key.message);
  return { seed: key.schedule.seed, chooser: new ForcedChooser(key.schedule.forced) };
}

/** The fault plan a run config names (its text forms parsed; a bad one is the run's error). */
function faultsOf(config: WireRunConfig): { faults?: FaultPlanConfig } {
  const rate = config.faultRate;
  if ((config.faults === undefined || config.faults.length === 0) && rate === undefined) return {};
  const faults: Fault[] = (config.faults ?? []).map((text) => {
    const f = parseFault(text);
    if (typeof f === 'string') throw new Error(`fault ${text}: ${f}`);
    return f;
  });
  if (rate === undefined) return { faults: { faults } };
  if (!(rate > 0 && rate <= 1)) throw new Error(`the fault rate must be in (0, 1], not ${rate}`);
  return { faults: { faults, seeded: { rate } } };
}

/** Saved-locals snapshots one run keeps at most (a long run stops recording them, not running). */
export const MAX_LOCALS_SNAPSHOTS = 50_000;

class LangRun implements EngineRun {
  private end: AdvanceResult | undefined;
  /** Snapshots not yet handed to a batch, in trace order. */
  private locals: WireLocals[] = [];
  private recorded = 0;
  /** Each task's last snapshot, so one that holds the same as before is not sent again. */
  private readonly last = new Map<number, string>();

  constructor(
    private readonly runner: ProgramRunner,
    private readonly file: string,
  ) {}

  /** Asks the interpreter what each task that suspended in the last step holds. */
  private recordLocals(): void {
    for (const s of this.runner.suspensions()) {
      if (this.recorded >= MAX_LOCALS_SNAPSHOTS) return;
      const frames = this.runner.savedLocals(s.task);
      if (frames === undefined) continue;
      const key = JSON.stringify(frames);
      if (this.last.get(s.task) === key) continue;
      this.last.set(s.task, key);
      this.locals.push({ task: s.task, at: s.at, frames });
      this.recorded++;
    }
  }

  takeLocals(end: number): WireLocals[] {
    const n = this.locals.findIndex((l) => l.at >= end);
    const taken = n < 0 ? this.locals : this.locals.slice(0, n);
    this.locals = n < 0 ? [] : this.locals.slice(n);
    return taken;
  }

  get trace(): TraceReader {
    return this.runner.world.trace;
  }

  advance(maxSteps: number): AdvanceResult {
    if (this.end !== undefined) return this.end;
    try {
      for (let i = 0; i < maxSteps; i++) {
        const more = this.runner.step();
        this.recordLocals();
        if (!more) {
          this.end = endOf(this.runner.result(), this.file);
          return this.end;
        }
      }
    } catch (error) {
      this.end = { kind: 'failed', problem: problemOf(error) };
      return this.end;
    }
    return { kind: 'running' };
  }

  dispose(): void {
    this.end ??= { kind: 'finished', exitCode: 0 };
  }
}

function problemOfDiagnostic(d: Diagnostic): SourceProblem {
  return { line: d.line, col: d.col, endLine: d.endLine, endCol: d.endCol, message: d.message, hint: d.hint };
}

export const LANG_ENGINE: Engine = {
  compile(source, file) {
    const c = compile(source, file);
    if (!c.ok) {
      return {
        ok: false,
        problems: c.diagnostics.map(problemOfDiagnostic),
      };
    }
    return {
      ok: true,
      warnings: c.warnings.map((d) => ({ ...problemOfDiagnostic(d), severity: 'warning' as const })),
      start: (config) =>
        new LangRun(
          // The program's own `#[tokio::main(...)]` chooses its runtime, as with real Tokio (the
          // examples must print what real Tokio printed); the lab's config contributes the seed.
          startProgram(c.program, {
            ...scheduleOf(config),
            ...faultsOf(config),
            maxSteps: RUNAWAY_STEPS,
            captureLocals: true,
            ...(config.ctrlCAfterSteps !== undefined ? { ctrlCAfterSteps: config.ctrlCAfterSteps } : {}),
            statements: true,
          }),
          file,
        ),
      explore: (config, options) => {
        const x = new Explorer(c.program, {
          strategy: options.strategy,
          runs: options.runs,
          seed: config.seed,
          ...faultsOf(config),
          ...(options.depth !== undefined ? { depth: options.depth } : {}),
          ...(options.preemptions !== undefined ? { preemptions: options.preemptions } : {}),
        });
        return { next: () => x.next(), report: () => wireExploreReport(x.report()) };
      },
    };
  },
};
