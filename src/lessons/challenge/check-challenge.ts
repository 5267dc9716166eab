/**
 * The pool challenge's checker: runs the learner's program once per seed, each time with that
 * seed's failure schedule injected and the simulator seeded the same, and checks every run's trace
 * against the pool's invariants. The running, judging and schedule search are the shared engine's
 * (checker.ts); this file says what is the pool's own.
 */
import { runChallenge } from './checker.ts';
import type {
  ChallengeDef,
  ChallengeRunner,
  CheckedSeed,
  CheckReport,
  ExploredReport,
  ScheduleSearch,
} from './checker.ts';
import { describeViolation } from './describe.ts';
import { injectSchedule } from './inject.ts';
import { checkPoolTrace } from './invariants.ts';
import type { Violation } from './invariants.ts';
import { CHECK_SEEDS, POOL_SPEC, scheduleForSeed } from './schedule.ts';
import type { FailureSchedule, PoolSpec } from './schedule.ts';

export type { ChallengeRun, ChallengeRunner, ExploredReport, ScheduleSearch } from './checker.ts';

export type SeedFinding = { readonly violation: Violation; readonly message: string };
/** One seed's result; `setup` is its failure schedule, `measure` the number of restarts. */
export type SeedReport = CheckedSeed<FailureSchedule, Violation, number>;
export type ChallengeReport = CheckReport<FailureSchedule, Violation, number>;
export type PoolExploredReport = ExploredReport<Violation>;

export interface CheckOptions {
  readonly seeds?: readonly number[];
  readonly spec?: PoolSpec;
  /** Called after each seed, for progress in the UI. */
  readonly onSeed?: (report: SeedReport) => void;
  /** Also search for a failing schedule of `seed`'s program (default: the first checked seed). */
  readonly explore?: { readonly search: ScheduleSearch; readonly seed?: number };
}

export function poolChallenge(spec: PoolSpec = POOL_SPEC): ChallengeDef<FailureSchedule, Violation, number> {
  return {
    seeds: CHECK_SEEDS,
    setup: (seed) => scheduleForSeed(seed, spec),
    program: (source, schedule) => injectSchedule(source, schedule),
    judge: (events) => {
      const verdict = checkPoolTrace(events, spec);
      return { violations: verdict.violations, measure: verdict.restarts };
    },
    describe: (v) => describeViolation(v, spec),
  };
}

/** The exact program the checker runs for `seed` (the lab replays it for a link). */
export function programForSeed(source: string, seed: number, spec: PoolSpec = POOL_SPEC) {
  return injectSchedule(source, scheduleForSeed(seed, spec));
}

export function checkChallenge(
  source: string,
  run: ChallengeRunner,
  options: CheckOptions = {},
): Promise<ChallengeReport> {
  return runChallenge(poolChallenge(options.spec), source, run, options);
}
