/**
 * The engine every challenge checker shares: run the learner's program once per seed, each time
 * as the challenge prepares it for that seed (a failure table injected, a harness appended), judge
 * each run's trace, and optionally search one seed's schedules (PCT) for a run that breaks an
 * invariant. A challenge supplies only what differs (`ChallengeDef`): its seeds, the program for a
 * seed, its invariants and their sentences. Running is a seam (`ChallengeRunner`): the app runs
 * programs in the simulation worker, tests in-process.
 */
import type { SimEvent } from '../../sim/events.ts';

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

/** The program a challenge runs for one seed, or why it cannot be built from the learner's code. */
export type Prepared =
  | { readonly ok: true; readonly source: string; readonly line: number }
  | { readonly ok: false; readonly message: string };

/** Where an invariant broke: the trace event, the lab step that shows it, the virtual time. */
export interface Located {
  readonly kind: string;
  readonly event: number;
  /** The lab step that shows it (`step=` in a URL). */
  readonly step: number;
  readonly atMs: number;
}

export interface SeedFinding<V extends Located = Located> {
  readonly violation: V;
  readonly message: string;
}

export interface Judgement<V extends Located, M> {
  readonly violations: readonly V[];
  /** What the run measured, for the report (the pool's restarts, the server's busiest moment). */
  readonly measure: M;
}

export interface ChallengeDef<S, V extends Located, M> {
  /** The seeds checked by default; the first is the lesson's own. */
  readonly seeds: readonly number[];
  /** What the checker draws for a seed: a failure schedule, a set of clients. */
  setup(seed: number): S;
  program(source: string, setup: S): Prepared;
  judge(events: readonly SimEvent[], setup: S): Judgement<V, M>;
  describe(violation: V, setup: S): string;
}

export type CheckedSeed<S, V extends Located, M> =
  | {
      readonly seed: number;
      readonly setup: S;
      readonly outcome: 'passed' | 'failed';
      readonly findings: readonly SeedFinding<V>[];
      readonly measure: M;
      readonly stdout: string;
    }
  | {
      readonly seed: number;
      readonly setup: S;
      readonly outcome: 'error';
      readonly message: string;
      readonly line?: number;
    };

/** What the schedule search found: how many runs and outcomes, and the first schedule that fails. */
export interface ExploredReport<V extends Located = Located> {
  readonly seed: number;
  readonly runs: number;
  readonly outcomes: number;
  readonly failing?: {
    readonly replayKey: string;
    /** The program the schedule runs (the seed's setup applied). */
    readonly source: string;
    readonly findings: readonly SeedFinding<V>[];
  };
  /** The search or a replay did not run. */
  readonly message?: string;
}

export interface CheckReport<S, V extends Located, M> {
  readonly passed: boolean;
  readonly seeds: readonly CheckedSeed<S, V, M>[];
  readonly explored?: ExploredReport<V>;
}

export interface RunOptions<S, V extends Located, M> {
  readonly seeds?: readonly number[];
  /** Called after each seed, for progress in the UI. */
  readonly onSeed?: (report: CheckedSeed<S, V, M>) => void;
  /** Also search for a failing schedule of `seed`'s program (default: the first checked seed). */
  readonly explore?: { readonly search: ScheduleSearch; readonly seed?: number };
}

function findingsOf<S, V extends Located, M>(def: ChallengeDef<S, V, M>, violations: readonly V[], setup: S) {
  return violations.map((violation) => ({ violation, message: def.describe(violation, setup) }));
}

async function checkSeed<S, V extends Located, M>(
  def: ChallengeDef<S, V, M>,
  source: string,
  seed: number,
  run: ChallengeRunner,
): Promise<CheckedSeed<S, V, M>> {
  const setup = def.setup(seed);
  const program = def.program(source, setup);
  if (!program.ok) return { seed, setup, outcome: 'error', message: program.message };
  const r = await run(program.source, seed);
  if (!r.ok)
    return { seed, setup, outcome: 'error', message: r.message, ...(r.line !== undefined ? { line: r.line } : {}) };
  const judged = def.judge(r.events, setup);
  const findings = findingsOf(def, judged.violations, setup);
  return {
    seed,
    setup,
    outcome: findings.length === 0 ? 'passed' : 'failed',
    findings,
    measure: judged.measure,
    stdout: r.stdout,
  };
}

async function exploreSeed<S, V extends Located, M>(
  def: ChallengeDef<S, V, M>,
  source: string,
  seed: number,
  run: ChallengeRunner,
  search: ScheduleSearch,
): Promise<ExploredReport<V>> {
  const setup = def.setup(seed);
  const program = def.program(source, setup);
  if (!program.ok) return { seed, runs: 0, outcomes: 0, message: program.message };
  const found = await search(program.source, seed);
  if (!found.ok) return { seed, runs: 0, outcomes: 0, message: found.message };
  const base = { seed, runs: found.runs, outcomes: found.keys.length };
  for (const replayKey of found.keys) {
    const r = await run(program.source, seed, replayKey);
    if (!r.ok) return { ...base, message: r.message };
    const violations = def.judge(r.events, setup).violations;
    if (violations.length > 0) {
      return { ...base, failing: { replayKey, source: program.source, findings: findingsOf(def, violations, setup) } };
    }
  }
  return base;
}

export async function runChallenge<S, V extends Located, M>(
  def: ChallengeDef<S, V, M>,
  source: string,
  run: ChallengeRunner,
  options: RunOptions<S, V, M> = {},
): Promise<CheckReport<S, V, M>> {
  const seeds: CheckedSeed<S, V, M>[] = [];
  for (const seed of options.seeds ?? def.seeds) {
    const report = await checkSeed(def, source, seed, run);
    seeds.push(report);
    options.onSeed?.(report);
  }
  const passed = seeds.every((s) => s.outcome === 'passed');
  const seed = options.explore?.seed ?? seeds[0]?.seed;
  if (options.explore === undefined || seed === undefined) return { passed, seeds };
  const explored = await exploreSeed(def, source, seed, run, options.explore.search);
  return { passed: passed && explored.failing === undefined && explored.message === undefined, seeds, explored };
}
