/**
 * The pool challenge's failure schedules (lessons/day06…/27-pool-starter.rs). The starter's
 * `connect()` reads a Rust table, `const FAILURES: &[(usize, u32, u64, bool)]`: which attempt of
 * which slot fails, how many ms after it connected, and whether it panics (a `JoinError`, which
 * carries no slot) rather than returning `Err(slot)`. The checker supplies its own table per seed by
 * rewriting that one declaration (inject.ts) — plain Rust, so the same program runs under real
 * Tokio with any schedule pasted in. Seed 1 keeps the lesson's own table; other seeds draw one.
 */

import { Draw } from './draw.ts';

/** One failing connection attempt: `(slot, attempt, afterMs, panics)` in the Rust table. */
export interface Failure {
  readonly slot: number;
  readonly attempt: number;
  readonly afterMs: number;
  /** The connection panics instead of returning `Err(slot)`. */
  readonly panics: boolean;
}

export type FailureSchedule = readonly Failure[];

/** What the challenge asks of a pool, as numbers the checker measures against. */
export interface PoolSpec {
  /** `POOL_SIZE`: connections that must be up at every moment before the deadline. */
  readonly poolSize: number;
  /** When the pool shuts down (virtual ms after start). */
  readonly deadlineMs: number;
  /** How long (virtual ms) the pool may stay below `poolSize` after a failure. */
  readonly restartBudgetMs: number;
}

export const POOL_SPEC: PoolSpec = { poolSize: 3, deadlineMs: 100, restartBudgetMs: 10 };

/** The seeds the checker tries; seed 1 replays the lesson's own schedule. */
export const CHECK_SEEDS: readonly number[] = [1, 2, 3, 4];

/** The schedule in the starter as shipped (the lesson's `.txt` is its output). */
export const LESSON_SCHEDULE: FailureSchedule = [
  { slot: 2, attempt: 1, afterMs: 25, panics: false },
  { slot: 3, attempt: 1, afterMs: 40, panics: true },
  { slot: 3, attempt: 2, afterMs: 30, panics: false },
];

/** The Rust literal of a schedule, e.g. `&[(2, 1, 25, false), (3, 1, 40, true)]`. */
export function formatSchedule(schedule: FailureSchedule): string {
  return `&[${schedule.map((f) => `(${f.slot}, ${f.attempt}, ${f.afterMs}, ${f.panics})`).join(', ')}]`;
}

const TUPLE = /\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(true|false)\s*\)/g;

/** Reads a table literal back (`&[(2, 1, 25, false), …]`); undefined when it is not one. */
export function parseSchedule(literal: string): FailureSchedule | undefined {
  const body = /^&\s*\[([\s\S]*)\]$/.exec(literal.trim());
  if (!body) return undefined;
  const inner = body[1] ?? '';
  const out: Failure[] = [];
  for (const m of inner.matchAll(TUPLE)) {
    out.push({ slot: Number(m[1]), attempt: Number(m[2]), afterMs: Number(m[3]), panics: m[4] === 'true' });
  }
  const rest = inner.replace(TUPLE, '').replace(/[\s,]/g, '');
  return rest === '' ? out : undefined;
}

/**
 * The schedule for `seed`: seed 1 is the lesson's; others fail one to four attempts, each while
 * the deadline is still `2 × restartBudgetMs` away, so every failure must be seen and restarted.
 * About a third of the failures panic, and at least one does, so a pool that restarts only
 * `Err(slot)` fails every seed.
 */
export function scheduleForSeed(seed: number, spec: PoolSpec = POOL_SPEC): FailureSchedule {
  if (seed === 1) return LESSON_SCHEDULE;
  const draw = new Draw(seed);
  const last = spec.deadlineMs - 2 * spec.restartBudgetMs;
  const out: Failure[] = [];
  for (let slot = 1; slot <= spec.poolSize; slot++) {
    let upAt = 0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      // Attempt 1 fails half the time, later attempts less often.
      if (draw.int(0, 99) >= (attempt === 1 ? 55 : 35)) break;
      const afterMs = draw.int(5, 45);
      if (upAt + afterMs > last) break;
      out.push({ slot, attempt, afterMs, panics: draw.int(0, 2) === 0 });
      upAt += afterMs;
    }
  }
  if (out.length === 0)
    out.push({ slot: draw.int(1, spec.poolSize), attempt: 1, afterMs: draw.int(5, last), panics: true });
  if (!out.some((f) => f.panics)) {
    const k = draw.int(0, out.length - 1);
    const f = out[k];
    if (f !== undefined) out[k] = { ...f, panics: true };
  }
  return out;
}

/** When each failure happens (ms after start), if every restart is immediate. */
export function failureTimes(schedule: FailureSchedule): Map<string, number> {
  const out = new Map<string, number>();
  const upAt = new Map<number, number>();
  const ordered = [...schedule].sort((a, b) => a.slot - b.slot || a.attempt - b.attempt);
  for (const f of ordered) {
    const t = (upAt.get(f.slot) ?? 0) + f.afterMs;
    out.set(`${f.slot}/${f.attempt}`, t);
    upAt.set(f.slot, t);
  }
  return out;
}
