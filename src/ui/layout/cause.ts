/**
 * Cause and effect at the step on show (issue 11), from the trace history: the wakes the step
 * made (who woke whom, so the stage can draw an arrow from the waker to the woken task) and the
 * task the scheduler polls next (marked before it moves). Pure, so it is tested without a DOM.
 */
import { countBefore, MAIN_ACTOR, RUNTIME_ACTOR } from '../../store/view/derive-history.ts';
import type { TraceHistory, WakeMark } from '../../store/view/derive-history.ts';

export type Waker =
  | { readonly kind: 'task'; readonly task: number }
  | { readonly kind: 'main' }
  /** The runtime's driver: a timer firing, or a deferred wake. */
  | { readonly kind: 'driver' }
  /** The I/O driver: a turn found this socket ready and woke its Registration's waker. */
  | { readonly kind: 'socket'; readonly socket: number };

export interface Cause {
  readonly target: number;
  readonly waker: Waker;
  readonly byVal: boolean;
}

function wakerOf(by: number, socket: number | undefined): Waker {
  if (socket !== undefined) return { kind: 'socket', socket };
  if (by === MAIN_ACTOR) return { kind: 'main' };
  if (by === RUNTIME_ACTOR || by < 0) return { kind: 'driver' };
  return { kind: 'task', task: by };
}

/** The wakes of step `step` among the first `position` events, each woken task once. */
export function wakesAtStep(wakes: readonly WakeMark[], position: number, step: number): Cause[] {
  const out: Cause[] = [];
  const seen = new Set<number>();
  for (let i = countBefore(wakes, position) - 1; i >= 0 && wakes[i].step === step; i--) {
    const w = wakes[i];
    if (w.target <= 0 || seen.has(w.target)) continue;
    seen.add(w.target);
    out.unshift({ target: w.target, waker: wakerOf(w.by, w.socket), byVal: w.byVal });
  }
  return out;
}

/** The task whose next poll comes first after `position` (undefined: main, or nothing left). */
export function nextPolled(history: TraceHistory, position: number): number | undefined {
  // One search in the run-wide poll index, not one per task: a seek with 40,000 tasks spent
  // about 30 ms here.
  const best = history.polls[countBefore(history.polls, position)];
  const main = history.main;
  let mainAt: number | undefined;
  for (let i = countBefore(main, position); i < main.length; i++) {
    if (main[i].activity === 'running') {
      mainAt = main[i].at;
      break;
    }
  }
  if (best !== undefined && mainAt !== undefined && mainAt < best.at) return undefined;
  return best?.task;
}
