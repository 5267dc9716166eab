/**
 * The registered timers by deadline, kept by the fold, so the scheduler view's "soonest timers"
 * reads a few entries instead of sorting every timer on every frame (39,000 sleepers in the lab's
 * scale benchmark). Deadlines are whole ms ticks (tokio-facts.md §9); each tick that has timers
 * holds the set of their ids. A deadline past MAX_INDEXED_TICK (about 12 days of virtual time) is
 * kept in a plain set and sorted when asked for, as such timers are rare.
 */
import { PBits } from '../persistent/pbits.ts';
import { PVec } from '../persistent/pvec.ts';
import type { TimerView } from './view-state.ts';

export const MAX_INDEXED_TICK = 2 ** 30 - 1;

export interface TimerIndex {
  /** Timer ids by deadline tick (a hole where no timer is due). */
  readonly byTick: PVec<PBits>;
  /** Timers due past MAX_INDEXED_TICK. */
  readonly far: PBits;
}

export const EMPTY_TIMER_INDEX: TimerIndex = { byTick: PVec.empty(), far: PBits.empty() };

function without(index: TimerIndex, t: TimerView): TimerIndex {
  if (t.deadlineTick > MAX_INDEXED_TICK || t.deadlineTick < 0) return { ...index, far: index.far.delete(t.id) };
  const left = (index.byTick.get(t.deadlineTick) ?? PBits.empty()).delete(t.id);
  return { ...index, byTick: index.byTick.set(t.deadlineTick, left.size === 0 ? undefined : left) };
}

function adding(index: TimerIndex, t: TimerView): TimerIndex {
  if (t.deadlineTick > MAX_INDEXED_TICK || t.deadlineTick < 0) return { ...index, far: index.far.add(t.id) };
  const set = (index.byTick.get(t.deadlineTick) ?? PBits.empty()).add(t.id);
  return { ...index, byTick: index.byTick.set(t.deadlineTick, set) };
}

/** The index after timer `old` (undefined when new) became `next` (undefined when gone). */
export function indexTimer(index: TimerIndex, old: TimerView | undefined, next: TimerView | undefined): TimerIndex {
  if (old !== undefined && next !== undefined && old.deadlineTick === next.deadlineTick) return index;
  const out = old === undefined ? index : without(index, old);
  return next === undefined ? out : adding(out, next);
}

/** The ids of the `n` soonest timers, by deadline then id. */
export function soonestTimerIds(
  index: TimerIndex,
  n: number,
  timerOf: (id: number) => TimerView | undefined,
): number[] {
  const out: number[] = [];
  if (n <= 0) return out;
  index.byTick.forEachWhile((ids) => {
    for (const id of ids.lowest(n - out.length)) out.push(id);
    return out.length < n;
  });
  if (out.length < n && index.far.size > 0) {
    const far = index.far
      .lowest(Infinity)
      .map((id) => timerOf(id))
      .filter((t): t is TimerView => t !== undefined)
      .sort((a, b) => a.deadlineTick - b.deadlineTick || a.id - b.id);
    for (const t of far.slice(0, n - out.length)) out.push(t.id);
  }
  return out;
}
