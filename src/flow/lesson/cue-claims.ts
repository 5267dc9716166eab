/**
 * Checks a cue's claims (lessons/README.md "Cue claims") against the view the learner sees when
 * the cue fires: the store's own fold (src/store/view) over the run's events up to the cue's stop
 * position — the same fold and the same position the lesson machine uses — so a cue that describes
 * a state the screen does not show fails the build.
 */
import { describeClaim, findEvent, formatWord, settledPosition, STATE_FLAGS } from '../../lessons/index.ts';
import type { Cue, CueClaim } from '../../lessons/types.ts';
import { consoleText, INITIAL_VIEW_STATE, reduceView } from '../../store/index.ts';
import type { SimEvent, ViewState } from '../../store/index.ts';
import { laneOf } from '../../store/view/derive-board.ts';

/** The view state after the first `position` events. */
export function viewAt(events: readonly SimEvent[], position: number): ViewState {
  let v = INITIAL_VIEW_STATE;
  for (let i = 0; i < position && i < events.length; i++) {
    const e = events[i];
    if (e !== undefined) v = reduceView(v, e);
  }
  return v;
}

/** Why one claim is false in `view` (one sentence), or undefined when it holds. */
export function claimError(claim: CueClaim, view: ViewState): string | undefined {
  if (claim.kind === 'console') {
    const lines = consoleText(view);
    const last = lines[lines.length - 1] ?? '';
    return last.includes(claim.text) ? undefined : `the last console line is "${last.trimEnd()}"`;
  }
  if (claim.kind === 'queue') {
    const q = view.queues[claim.queue];
    const got = q === undefined ? [] : q.toArray();
    return got.join(',') === claim.tasks.join(',') ? undefined : `queue ${claim.queue} holds [${got.join(', ')}]`;
  }
  const t = view.tasks.get(claim.task);
  if (t === undefined) return `task ${claim.task} does not exist yet`;
  if (claim.kind === 'word')
    return t.word === claim.word ? undefined : `task ${claim.task}'s word is ${formatWord(t.word)} (${t.word})`;
  if (claim.kind === 'column') {
    const lane = laneOf(t.lifecycle);
    return lane === claim.column ? undefined : `task ${claim.task} is in the ${lane} column`;
  }
  const wrong = [
    ...claim.set.filter((f) => (t.word & STATE_FLAGS[f]) === 0).map((f) => `${f}=0`),
    ...claim.clear.filter((f) => (t.word & STATE_FLAGS[f]) !== 0).map((f) => `${f}=1`),
  ];
  return wrong.length === 0 ? undefined : `task ${claim.task} reads ${wrong.join(', ')} (${formatWord(t.word)})`;
}

/**
 * Every false claim of `cue` in the run `events`, as one sentence each. The cue's moment must
 * happen (the validator reports it separately when it does not).
 */
export function checkCueClaims(cue: Cue, events: readonly SimEvent[]): string[] {
  const claims = cue.claims ?? [];
  if (claims.length === 0 || cue.when === undefined) return [];
  const at = findEvent(events, cue.when);
  if (at < 0) return [];
  const view = viewAt(events, settledPosition(events, at));
  const out: string[] = [];
  for (const c of claims) {
    const why = claimError(c, view);
    if (why !== undefined) out.push(`the cue claims ${describeClaim(c)}, but when it fires ${why}`);
  }
  return out;
}
