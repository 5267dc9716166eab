/**
 * Vocabulary shared by the stores, the playback machine and the URL codec: run configuration,
 * playback speeds, the views a learner can open, and the kinds "run to next" can stop on.
 */

export type Flavor = 'current_thread' | 'multi_thread';
export const FLAVORS: readonly Flavor[] = ['current_thread', 'multi_thread'];

export interface RunConfig {
  readonly flavor: Flavor;
  /** Worker threads; meaningful for multi_thread (current_thread always has one). */
  readonly workers: number;
  /** The run's seed (design.md §4: a run is program, config, seed, choices). */
  readonly seed: number;
  /**
   * A schedule to replay (src/explore/key.ts: the seed plus the decisions forced away from the
   * seed's draws). Its seed is `seed`; absent, the run takes every draw as the seed gives it.
   */
  readonly replayKey?: string;
  /** Network faults added by hand (the lab's Faults menu), in `--fault` text form (src/sim/net/faults.ts). */
  readonly faults?: readonly string[];
  /** Ctrl-C presses by hand: each arrives right after that scheduler step (the lab's button). */
  readonly ctrlCAfterSteps?: readonly number[];
  /**
   * Faults drawn from the seed (the Faults menu's "random faults", `npm run sim -- --faults-seeded`):
   * each connect fails with this probability, in (0, 1]; absent, none are drawn.
   */
  readonly faultRate?: number;
}

/** The rates the Faults menu offers for faults drawn from the seed. */
export const FAULT_RATES: readonly number[] = [0.1, 0.25, 0.5, 1];

export function isFaultRate(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 && x <= 1;
}

export const MIN_WORKERS = 1;
export const MAX_WORKERS = 64;
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

export const DEFAULT_CONFIG: RunConfig = { flavor: 'current_thread', workers: 1, seed: 1 };

/** Playback speed: a multiple of the 1× rate, or as fast as the frame budget allows. */
export type Speed = 0.25 | 0.5 | 1 | 2 | 4 | 8 | 16 | 'max';
export const SPEEDS: readonly Speed[] = [0.25, 0.5, 1, 2, 4, 8, 16, 'max'];

export function isSpeed(x: unknown): x is Speed {
  return (SPEEDS as readonly unknown[]).includes(x);
}

/** The panels of the lab screen (design.md §6). */
export type ViewName =
  'board' | 'scheduler' | 'inspector' | 'source' | 'console' | 'narration' | 'timeline' | 'relations';
export const VIEW_NAMES: readonly ViewName[] = [
  'board',
  'scheduler',
  'inspector',
  'source',
  'console',
  'narration',
  'timeline',
  'relations',
];
export const DEFAULT_VIEWS: readonly ViewName[] = ['board', 'scheduler', 'inspector', 'source', 'console'];

export function isViewName(x: unknown): x is ViewName {
  return (VIEW_NAMES as readonly unknown[]).includes(x);
}

/** What "run to next" stops on. */
export type RunToKind = 'spawn' | 'wake' | 'abort' | 'complete' | 'panic' | 'cancel';
export const RUN_TO_KINDS: readonly RunToKind[] = ['spawn', 'wake', 'abort', 'complete', 'panic', 'cancel'];
