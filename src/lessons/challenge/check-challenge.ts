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

export type ChallengeRunner = (source: string, seed: number) => Promise<ChallengeRun>;

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
}

export interface CheckOptions {
  readonly seeds?: readonly number[];
  readonly spec?: PoolSpec;
  /** Called after each seed, for progress in the UI. */
  readonly onSeed?: (report: SeedReport) => void;
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
  return { passed: seeds.every((s) => s.outcome === 'passed'), seeds };
}
