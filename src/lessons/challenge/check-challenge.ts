/**
 * The pool challenge's checker: runs the learner's program once per seed, each time with that
 * seed's failure schedule injected and the simulator seeded the same, and checks every run's trace
 * against the pool's invariants. Running is a seam (`ChallengeRunner`): the app runs programs in
 * the simulation worker, tests in-process.
 */
import type { SimEvent } from '../../sim/events.ts';
import { describeViolation } from './describe.ts';
import { injectSchedule } from './inject.ts';
import { checkPoolTrace } from './invariants.ts';
import type { Violation } from './invariants.ts';
import { CHECK_SEEDS, POOL_SPEC, scheduleForSeed } from './schedule.ts';
import type { FailureSchedule, PoolSpec } from './schedule.ts';

export type ChallengeRun =
  | { readonly ok: true; readonly stdout: string; readonly events: readonly SimEvent[] }
  /** It did not compile, or the run stopped (a panic in main, a loop that never yields). */
  | { readonly ok: false; readonly message: string; readonly line?: number };

/** Runs `source` seeded with `seed`, or the schedule of `replayKey` (src/explore/key.ts) when given. */
export type ChallengeRunner = (source: string, seed: number, replayKey?: string) => Promise<ChallengeRun>;

/**
 * Explores `source` from `seed` and gives the replay keys of each distinct outcome's first run
 * (most common first), or a message when the search could not run.
 */
export type ScheduleSearch = (
  source: string,
  seed: number,
) => Promise<
  | { readonly ok: true; readonly keys: readonly string[]; readonly runs: number }
  | { readonly ok: false; readonly message: string }
>;

/** What the schedule search found: how many runs and outcomes, and the first schedule that fails. */
export interface ExploredReport {
  readonly seed: number;
  readonly runs: number;
  readonly outcomes: number;
  readonly failing?: {
    readonly replayKey: string;
    /** The program the schedule runs (the seed's failure table injected). */
    readonly source: string;
    readonly findings: readonly SeedFinding[];
  };
  /** The search or a replay did not run. */
  readonly message?: string;
}

export interface SeedFinding {
  readonly violation: Violation;
  readonly message: string;
}

export type SeedReport =
  | {
      readonly seed: number;
      readonly schedule: FailureSchedule;
      readonly outcome: 'passed' | 'failed';
      readonly findings: readonly SeedFinding[];
      readonly restarts: number;
      readonly stdout: string;
    }
  | {
      readonly seed: number;
      readonly schedule: FailureSchedule;
      readonly outcome: 'error';
      readonly message: string;
      readonly line?: number;
    };

export interface ChallengeReport {
  readonly passed: boolean;
  readonly seeds: readonly SeedReport[];
  readonly explored?: ExploredReport;
}

export interface CheckOptions {
  readonly seeds?: readonly number[];
  readonly spec?: PoolSpec;
  /** Called after each seed, for progress in the UI. */
  readonly onSeed?: (report: SeedReport) => void;
  /** Also search for a failing schedule of `seed`'s program (default: the first checked seed). */
  readonly explore?: { readonly search: ScheduleSearch; readonly seed?: number };
}

/** The exact program the checker runs for `seed` (the lab replays it for a link). */
export function programForSeed(source: string, seed: number, spec: PoolSpec = POOL_SPEC) {
  return injectSchedule(source, scheduleForSeed(seed, spec));
}

export async function checkChallenge(
  source: string,
  run: ChallengeRunner,
  options: CheckOptions = {},
): Promise<ChallengeReport> {
  const spec = options.spec ?? POOL_SPEC;
  const seeds: SeedReport[] = [];
  for (const seed of options.seeds ?? CHECK_SEEDS) {
    const schedule = scheduleForSeed(seed, spec);
    const program = programForSeed(source, seed, spec);
    let report: SeedReport;
    if (!program.ok) {
      report = { seed, schedule, outcome: 'error', message: program.message };
    } else {
      const r = await run(program.source, seed);
      if (!r.ok) {
        report = {
          seed,
          schedule,
          outcome: 'error',
          message: r.message,
          ...(r.line !== undefined ? { line: r.line } : {}),
        };
      } else {
        const verdict = checkPoolTrace(r.events, spec);
        const findings = verdict.violations.map((v) => ({ violation: v, message: describeViolation(v, spec) }));
        report = {
          seed,
          schedule,
          outcome: findings.length === 0 ? 'passed' : 'failed',
          findings,
          restarts: verdict.restarts,
          stdout: r.stdout,
        };
      }
    }
    seeds.push(report);
    options.onSeed?.(report);
  }
  const passed = seeds.every((s) => s.outcome === 'passed');
  const seed = options.explore?.seed ?? seeds[0]?.seed;
  if (options.explore === undefined || seed === undefined) return { passed, seeds };
  const explored = await exploreSeed(source, seed, spec, run, options.explore.search);
  return { passed: passed && explored.failing === undefined && explored.message === undefined, seeds, explored };
}

async function exploreSeed(
  source: string,
  seed: number,
  spec: PoolSpec,
  run: ChallengeRunner,
  search: ScheduleSearch,
): Promise<ExploredReport> {
  const program = programForSeed(source, seed, spec);
  if (!program.ok) return { seed, runs: 0, outcomes: 0, message: program.message };
  const found = await search(program.source, seed);
  if (!found.ok) return { seed, runs: 0, outcomes: 0, message: found.message };
  const base = { seed, runs: found.runs, outcomes: found.keys.length };
  for (const replayKey of found.keys) {
    const r = await run(program.source, seed, replayKey);
    if (!r.ok) return { ...base, message: r.message };
    const violations = checkPoolTrace(r.events, spec).violations;
    if (violations.length > 0) {
      const findings = violations.map((v) => ({ violation: v, message: describeViolation(v, spec) }));
      return { ...base, failing: { replayKey, source: program.source, findings } };
    }
  }
  return base;
}
