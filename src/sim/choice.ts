/**
 * Choice points (issue 16): every place where real Tokio 1.48 decides by randomness or by timing
 * is one named choice. The simulator still draws each one from the seeded FastRand Tokio would use
 * (so a plain run is byte-identical to one without a chooser), then asks the run's `Chooser`,
 * which may keep the draw or force another option. Each decision with more than one option is
 * logged (point, options, taken, step) and traced as a `choice` event, so a run is
 * (program, config, seed, forced choices) and replaying the log reproduces it.
 *
 * The generator is advanced even when a choice is forced: forcing choice i then leaves every
 * later draw as the seed gives it, so a schedule is the seed plus only the choices it overrides.
 */

export const ChoicePoint = {
  /** multi_thread: which thread acts next (block_on's thread, a blocking-pool thread, a worker). */
  MtTurn: 1,
  /** multi_thread: the worker a thief tries first (`steal_work`'s `rand.fastrand_n(num)`). */
  StealVictim: 2,
  /** `select!` without `biased;`: the branch polled first (`thread_rng_n(BRANCHES)`). */
  SelectStart: 3,
  /** multi_thread shutdown: the owned-tasks shard `close_and_shutdown_all` starts from. */
  ShutdownShard: 4,
  /** `watch::Sender` notifying: the Notify slot a receiver waits on (`thread_rng_n(8)`). */
  WatchSlot: 5,
  /**
   * current_thread: a blocking-pool thread that can act now does so before the core's next action
   * (1) or not (0). Tokio runs it on its own thread, so either can happen; the simulator's own
   * order (0: blocking threads act when the core parks) needs no draw.
   */
  BlockingFirst: 6,
  /**
   * current_thread park: a blocking-pool thread that can act now does so while the core parks (0,
   * the simulator's own order, no draw) or is slower and acts only later (1).
   */
  BlockingAtPark: 7,
  /** std threads: which runnable OS thread runs next while the others wait (threads/os-threads.ts). */
  OsThread: 8,
  /** `faults: seeded`: whether a connect gets a fault, and which (0 none, 1 reset, 2 refuse, 3 slow). */
  NetFault: 9,
} as const;
export type ChoicePoint = (typeof ChoicePoint)[keyof typeof ChoicePoint];

export const CHOICE_POINT_NAMES: Readonly<Record<ChoicePoint, string>> = {
  [ChoicePoint.MtTurn]: 'mt.turn',
  [ChoicePoint.StealVictim]: 'mt.steal_victim',
  [ChoicePoint.SelectStart]: 'select.start',
  [ChoicePoint.ShutdownShard]: 'mt.shutdown_shard',
  [ChoicePoint.WatchSlot]: 'watch.notify_slot',
  [ChoicePoint.BlockingFirst]: 'ct.blocking_first',
  [ChoicePoint.BlockingAtPark]: 'ct.blocking_at_park',
  [ChoicePoint.OsThread]: 'std.thread_turn',
  [ChoicePoint.NetFault]: 'net.fault',
};

export function choicePointName(point: number): string {
  return CHOICE_POINT_NAMES[point as ChoicePoint] ?? `#${point}`;
}

/** Identity of the thread behind an `MtTurn` option (what PCT gives priorities to). */
export const TURN_MAIN = 0;
export const TURN_POOL = 1;
export function turnWorker(index: number): number {
  return 2 + index;
}

/**
 * One decision as the chooser sees it. The object is reused between calls: read it, keep nothing.
 * `ids[k]` names option k for k < options (for MtTurn: the thread, see TURN_*; otherwise the
 * option's index; the array may be longer, past `options` it is stale), and
 * `current` is the identity that acted last (MtTurn; −1 when none), so a strategy can tell a
 * preemption (switching away from a thread that could go on) from a free switch.
 */
export interface ChoiceRequest {
  point: ChoicePoint;
  options: number;
  /** What the seeded generator drew: the option a run without a chooser takes. */
  drawn: number;
  /** Index of this decision in the run (0-based, counting only logged decisions). */
  index: number;
  ids: readonly number[];
  current: number;
}

/** Decides each choice; must return an integer in [0, request.options). */
export interface Chooser {
  choose(request: ChoiceRequest): number;
}

/** Keeps every draw: the seeded run. */
export const SEEDED: Chooser = { choose: (r) => r.drawn };

/**
 * Replays a schedule: decision i takes `forced.get(i)` when given and in range, otherwise the
 * draw. A full list (every decision) and a sparse one (only the overrides) give the same run.
 */
export class ForcedChooser implements Chooser {
  constructor(private readonly forced: ReadonlyMap<number, number>) {}

  static fromList(taken: readonly number[]): ForcedChooser {
    return new ForcedChooser(new Map(taken.map((v, i) => [i, v])));
  }

  choose(r: ChoiceRequest): number {
    const f = this.forced.get(r.index);
    return f !== undefined && Number.isInteger(f) && f >= 0 && f < r.options ? f : r.drawn;
  }
}

/** A growable column of 32-bit integers (a typed array doubled when full: no boxing, few copies). */
class IntColumn {
  private a = new Int32Array(64);
  length = 0;

  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }

  at(i: number): number | undefined {
    return i >= 0 && i < this.length ? this.a[i] : undefined;
  }

  toArray(): number[] {
    return Array.from(this.a.subarray(0, this.length));
  }
}

/**
 * The decisions of one run, in order, as parallel integer columns (a multi_thread run decides at
 * almost every step, so millions of them). `xAt(i)` reads one; the array getters copy (tests, reports).
 * A log made with `keep = false` only counts them (`length`, so each decision keeps its index): a run
 * nobody replays or explores (`npm run sim` without a trace) holds no 24 bytes per decision — a
 * million-task multi_thread run made 3.7 million of them, 90–130 MB with the columns' doubling.
 */
export class ChoiceLog {
  private counted = 0;
  constructor(private readonly keep = true) {}

  private readonly cPoints = new IntColumn();
  private readonly cOptions = new IntColumn();
  private readonly cTaken = new IntColumn();
  private readonly cDrawn = new IntColumn();
  private readonly cSteps = new IntColumn();
  /** Identity of the option taken (`ChoiceRequest.ids`). */
  private readonly cTakenIds = new IntColumn();

  get length(): number {
    return this.keep ? this.cTaken.length : this.counted;
  }

  push(point: ChoicePoint, options: number, drawn: number, taken: number, step: number, takenId: number): void {
    if (!this.keep) {
      this.counted++;
      return;
    }
    this.cTakenIds.push(takenId);
    this.cPoints.push(point);
    this.cOptions.push(options);
    this.cDrawn.push(drawn);
    this.cTaken.push(taken);
    this.cSteps.push(step);
  }

  pointAt(i: number): ChoicePoint | undefined {
    return this.cPoints.at(i) as ChoicePoint | undefined;
  }
  optionsAt(i: number): number | undefined {
    return this.cOptions.at(i);
  }
  takenAt(i: number): number | undefined {
    return this.cTaken.at(i);
  }
  stepAt(i: number): number | undefined {
    return this.cSteps.at(i);
  }
  takenIdAt(i: number): number | undefined {
    return this.cTakenIds.at(i);
  }

  get points(): ChoicePoint[] {
    return this.cPoints.toArray() as ChoicePoint[];
  }
  get options(): number[] {
    return this.cOptions.toArray();
  }
  get taken(): number[] {
    return this.cTaken.toArray();
  }
  get drawn(): number[] {
    return this.cDrawn.toArray();
  }
  get steps(): number[] {
    return this.cSteps.toArray();
  }
  get takenIds(): number[] {
    return this.cTakenIds.toArray();
  }

  /** The decisions that differ from the draw: with the seed, all a replay needs. */
  overrides(): Map<number, number> {
    const m = new Map<number, number>();
    for (let i = 0; i < this.length; i++) {
      const taken = this.cTaken.at(i) ?? 0;
      if (taken !== this.cDrawn.at(i)) m.set(i, taken);
    }
    return m;
  }
}

/** What option `id` of a decision at `point` stands for, in words. */
export function describeOption(point: number, id: number): string {
  switch (point) {
    case ChoicePoint.MtTurn:
      return id === TURN_MAIN
        ? "block_on's thread acts"
        : id === TURN_POOL
          ? 'a blocking-pool thread acts'
          : `worker ${id - 2} acts`;
    case ChoicePoint.StealVictim:
      return `the search starts at worker ${id}`;
    case ChoicePoint.SelectStart:
      return `branch ${id} is polled first`;
    case ChoicePoint.ShutdownShard:
      return `shutdown starts at shard ${id}`;
    case ChoicePoint.WatchSlot:
      return `the receiver waits on Notify slot ${id}`;
    case ChoicePoint.BlockingFirst:
      return id === 1 ? 'a blocking-pool thread acts before the core' : 'the core acts first';
    case ChoicePoint.BlockingAtPark:
      return id === 1
        ? 'the blocking-pool thread is slower: the park goes on without it'
        : 'a blocking-pool thread acts while the core parks';
    case ChoicePoint.NetFault:
      return ['the connection gets no fault', 'a reset', 'a refused connect', 'a slow reader'][id] ?? `option ${id}`;
    case ChoicePoint.OsThread:
      return `std thread ${id} runs`;
    default:
      return `option ${id}`;
  }
}

/**
 * Option identities packed for a trace event: bit k set when identity k is an option. Only for
 * ascending identities below 28 (MtTurn: block_on's thread, the pool, up to 26 workers), so the
 * mask fits beside the point in one 32-bit word; 0 (identities unknown or plain indices) otherwise.
 */
export function packOptionIds(ids: readonly number[]): number {
  let mask = 0;
  let prev = -1;
  for (const id of ids) {
    if (id <= prev || id >= 28) return 0;
    mask |= 1 << id;
    prev = id;
  }
  return mask;
}

/** The identities a packed mask names, ascending (empty for 0). */
export function unpackOptionIds(mask: number): number[] {
  const out: number[] = [];
  for (let id = 0; id < 28; id++) if ((mask >>> id) & 1) out.push(id);
  return out;
}

const IDS: number[][] = [];

/** Identity ids 0..n−1 for points whose options are just indices (shared, never mutated). */
export function indexIds(n: number): readonly number[] {
  let a = IDS[n];
  if (a === undefined) {
    a = Array.from({ length: n }, (_, i) => i);
    IDS[n] = a;
  }
  return a;
}
