/**
 * Consistency checks of the multi_thread bookkeeping (tokio-facts.md §6.3 "Idle / park / unpark",
 * "Local queue"), for tests: Tokio keeps these with atomics and debug assertions.
 */
import type { Task } from '../../task/cell.ts';
import type { MultiThreadScheduler } from './scheduler.ts';

/**
 * Debug check of the bookkeeping Tokio keeps with atomics (for tests): null when consistent.
 * Parked + unparked = workers; no task queued twice; the searching count covers every searcher.
 */
export function checkInvariants(s: MultiThreadScheduler): string | null {
  const idle = s.idle;
  const n = s.workers.length;
  if (idle.numUnparked + idle.sleepers.length !== n)
    return `unparked ${idle.numUnparked} + sleepers ${idle.sleepers.length} != ${n}`;
  if (new Set(idle.sleepers).size !== idle.sleepers.length) return 'a worker is in sleepers twice';
  let searching = 0;
  let notifiedParked = 0;
  const seen = new Set<number>();
  const see = (t: Task | null | undefined): string | null => {
    if (t === null || t === undefined) return null;
    if (seen.has(t.id)) return `task ${t.id} is queued twice`;
    seen.add(t.id);
    return null;
  };
  for (const w of s.workers) {
    if (w.isSearching) searching++;
    if (w.isParked() && !idle.isParked(w.index)) notifiedParked++;
    const e = see(w.lifo);
    if (e !== null) return e;
    for (let i = 0; i < w.runQueue.len(); i++) {
      const e2 = see(w.runQueue.peek(i));
      if (e2 !== null) return e2;
    }
  }
  for (let i = 0; i < s.inject.length; i++) {
    const e = see(s.inject.peek(i));
    if (e !== null) return e;
  }
  if (idle.numSearching < searching || idle.numSearching > searching + notifiedParked) {
    return `num_searching ${idle.numSearching} vs ${searching} searching + ${notifiedParked} woken`;
  }
  return null;
}
