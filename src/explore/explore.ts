/**
 * The schedule explorer's engine (issue 16): runs one compiled program under many schedules,
 * groups the runs by outcome (outcome.ts), and keeps for each group its first run's replay key
 * and the step where that run first parted from the most common group's first run. Runs go one at
 * a time through `Explorer.next()`, so a worker can interleave them with messages; `explore()`
 * runs them all.
 *
 * Strategies: `random` (seed base+i, the seeded draws), `pct` (pct.ts, each run on its own seed),
 * `dfs` (dfs.ts, on the base seed, until every schedule within the bounds has run).
 */
import { startProgram, type CompiledProgram, type RunResult } from '../lang/run.ts';
import {
  ChoicePoint,
  ForcedChooser,
  SEEDED,
  choicePointName,
  describeOption,
  type ChoiceLog,
  type Chooser,
  type FaultPlanConfig,
} from '../sim/index.ts';
import { DfsSearch, type DfsRunChooser } from './dfs.ts';
import { encodeReplayKey } from './key.ts';
import { outcomeOf, type Outcome } from './outcome.ts';
import { PctChooser } from './pct.ts';

export type Strategy = 'random' | 'pct' | 'dfs';

export interface RunConfig {
  readonly flavor?: 'current_thread' | 'multi_thread';
  readonly workers?: number;
  /** Scheduler steps before a run is stopped (a program that never ends). */
  readonly maxTicks?: number;
  /** Network faults every run gets; seeded ones are choices the strategies vary like any other. */
  readonly faults?: FaultPlanConfig;
}

export interface ExploreOptions extends RunConfig {
  readonly strategy: Strategy;
  /** Most runs (dfs may finish sooner). */
  readonly runs: number;
  /** The first seed (random: runs use seed, seed+1, …; pct: likewise; dfs: this one). */
  readonly seed?: number;
  /** pct: the bug depth d (default 3); dfs: decisions past this are not branched on (default 1000). */
  readonly depth?: number;
  /** dfs: most preemptions per schedule (default 2). */
  readonly preemptions?: number;
}

/** One decision, as the report shows where two runs part. */
export interface ChoiceAt {
  readonly index: number;
  readonly point: string;
  readonly options: number;
  readonly taken: number;
  readonly step: number;
  /** The option taken, in words ("worker 1 acts"). */
  readonly what: string;
  /** The option the most common run took at this decision, when it faced the same one. */
  readonly mainTaken?: number;
}

export interface OutcomeGroup {
  readonly outcome: Outcome;
  count: number;
  /** The group's first run. */
  readonly firstRun: number;
  readonly replayKey: string;
  /** Decisions the first run made. */
  readonly decisions: number;
  /** The first run's trace hash: its replay must give the same. */
  readonly traceHash: string;
  /** Where the first run parted from the most common group's first run (null for that group). */
  partedAt: ChoiceAt | null;
}

export interface ExploreReport {
  readonly strategy: Strategy;
  readonly runs: number;
  /** Most common first. */
  readonly groups: readonly OutcomeGroup[];
  /** dfs: the search ended; `cut` says what the bounds left out. */
  readonly dfs?: {
    readonly exhausted: boolean;
    readonly cutByPreemptions: number;
    readonly cutByDepth: number;
    readonly nondeterministic: boolean;
  };
}

/** Runs a program once under `chooser`, to the end. */
export function runOnce(program: CompiledProgram, config: RunConfig, seed: number, chooser: Chooser): RunResult {
  const r = startProgram(program, {
    seed,
    chooser,
    ...(config.flavor !== undefined ? { flavor: config.flavor } : {}),
    ...(config.workers !== undefined ? { workers: config.workers } : {}),
    maxTicks: config.maxTicks ?? 200_000,
    ...(config.faults !== undefined ? { faults: config.faults } : {}),
  });
  while (r.step()) {
    /* one scheduler action at a time */
  }
  return r.result();
}

/** Replays a schedule (seed + forced decisions) exactly. */
export function replay(
  program: CompiledProgram,
  config: RunConfig,
  seed: number,
  forced: ReadonlyMap<number, number>,
): RunResult {
  return runOnce(program, config, seed, new ForcedChooser(forced));
}

interface GroupState extends OutcomeGroup {
  readonly log: ChoiceLog;
  readonly lastStep: number;
}

export class Explorer {
  private readonly groups = new Map<string, GroupState>();
  private readonly dfs: DfsSearch | null;
  private run = 0;
  private expectedDecisions = 64;
  private finished = false;

  constructor(
    private readonly program: CompiledProgram,
    readonly options: ExploreOptions,
  ) {
    this.dfs =
      options.strategy === 'dfs'
        ? new DfsSearch({ preemptions: options.preemptions ?? 2, depth: options.depth ?? 1000 })
        : null;
  }

  get runs(): number {
    return this.run;
  }

  get done(): boolean {
    return this.finished;
  }

  /** The outcomes seen so far (unordered), e.g. to stop as soon as one of interest shows up. */
  outcomes(): Outcome[] {
    return [...this.groups.values()].map((g) => g.outcome);
  }

  /** Performs the next run; false when the exploration is over (then `report()`). */
  next(): boolean {
    if (this.finished) return false;
    if (this.run >= this.options.runs) {
      this.finished = true;
      return false;
    }
    const base = this.options.seed ?? 1;
    const i = this.run++;
    let seed = base + i;
    let chooser: Chooser;
    let dfsChooser: DfsRunChooser | null = null;
    switch (this.options.strategy) {
      case 'random':
        chooser = SEEDED;
        break;
      case 'pct':
        chooser = new PctChooser(seed, this.options.depth ?? 3, this.expectedDecisions);
        break;
      case 'dfs':
        seed = base;
        dfsChooser = (this.dfs as DfsSearch).chooser();
        chooser = dfsChooser;
        break;
    }
    const result = runOnce(this.program, this.options, seed, chooser);
    const log = result.world.choices;
    this.expectedDecisions = Math.max(this.expectedDecisions, log.length);
    this.record(i, seed, result);
    if (this.dfs !== null && !this.dfs.advance(dfsChooser?.pastDepth ?? false)) this.finished = true;
    if (this.run >= this.options.runs) this.finished = true;
    return !this.finished;
  }

  private record(run: number, seed: number, result: RunResult): void {
    const outcome = outcomeOf(result);
    const g = this.groups.get(outcome.key);
    if (g !== undefined) {
      g.count++;
      return;
    }
    const log = result.world.choices;
    this.groups.set(outcome.key, {
      outcome,
      count: 1,
      firstRun: run,
      replayKey: encodeReplayKey({ seed, forced: log.overrides() }),
      decisions: log.length,
      traceHash: result.world.trace.hash(),
      partedAt: null,
      log,
      lastStep: result.world.step,
    });
  }

  report(): ExploreReport {
    const groups = [...this.groups.values()].sort((a, b) => b.count - a.count || a.firstRun - b.firstRun);
    const main = groups[0];
    const out: OutcomeGroup[] = groups.map((g) => ({
      outcome: g.outcome,
      count: g.count,
      firstRun: g.firstRun,
      replayKey: g.replayKey,
      decisions: g.decisions,
      traceHash: g.traceHash,
      partedAt: main === undefined || g === main ? null : partedAt(g, main),
    }));
    const report: { -readonly [K in keyof ExploreReport]: ExploreReport[K] } = {
      strategy: this.options.strategy,
      runs: this.run,
      groups: out,
    };
    if (this.dfs !== null) {
      report.dfs = {
        exhausted: this.dfs.exhausted,
        cutByPreemptions: this.dfs.cutByPreemptions,
        cutByDepth: this.dfs.cutByDepth,
        nondeterministic: this.dfs.nondeterministic,
      };
    }
    return report;
  }
}

/** The first decision where `g`'s first run differs from `main`'s (by point or option taken). */
function partedAt(g: GroupState, main: GroupState): ChoiceAt {
  const a = g.log;
  const b = main.log;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a.pointAt(i) !== b.pointAt(i) || a.takenAt(i) !== b.takenAt(i)) {
      return {
        index: i,
        point: choicePointName(a.pointAt(i) ?? ChoicePoint.MtTurn),
        options: a.optionsAt(i) ?? 0,
        taken: a.takenAt(i) ?? 0,
        step: a.stepAt(i) ?? 0,
        what: describeOption(a.pointAt(i) ?? 0, a.takenIdAt(i) ?? 0),
        ...(a.pointAt(i) === b.pointAt(i) && a.optionsAt(i) === b.optionsAt(i) ? { mainTaken: b.takenAt(i) ?? 0 } : {}),
      };
    }
  }
  // Same decisions as far as the shorter run goes: they part where that one stops deciding.
  const step = n < a.length ? (a.stepAt(n) ?? g.lastStep) : g.lastStep;
  return { index: n, point: 'end', options: 0, taken: 0, step, what: 'the runs make the same decisions' };
}

/** Runs the whole exploration. */
export function explore(program: CompiledProgram, options: ExploreOptions): ExploreReport {
  const e = new Explorer(program, options);
  while (e.next()) {
    /* next run */
  }
  return e.report();
}
