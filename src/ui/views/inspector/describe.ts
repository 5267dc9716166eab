/** Words for the inspector's rows (pure; see derive-inspector.ts for the model). */
import type { HolderModel, InspectorModel } from '../../../store/view/derive-inspector.ts';
import { actorName, INITIAL_COOP_BUDGET } from '../../../store/view/derive-inspector.ts';
import type { LocalsSnapshot, RefHolder, TaskView } from '../../../store/index.ts';
import { LIFECYCLE_GLYPH, LIFECYCLE_WORD } from '../shared/glyphs.ts';

/** tokio-facts.md §2.2: what each kind of reference is. */
export const HOLDER_TITLE: Readonly<Record<RefHolder, string>> = {
  owned: 'OwnedTasks list',
  notified: 'Notified (run queue)',
  join_handle: 'JoinHandle',
  waker: 'Waker clones',
  abort_handle: 'AbortHandles',
  unowned: 'UnownedTask (blocking, 2 refs)',
};

export function titleOf(m: InspectorModel): string {
  const t = m.task;
  const name = t.name !== undefined ? ` “${t.name}”` : '';
  return `Task ${t.id}${name} · ${LIFECYCLE_GLYPH[t.lifecycle]} ${LIFECYCLE_WORD[t.lifecycle]}`;
}

export function originOf(m: InspectorModel): string {
  const by = m.parent === undefined ? 'spawned' : `spawned by ${actorName(m.parent)}`;
  const line = m.task.spawnLine > 0 ? ` at line ${m.task.spawnLine}` : '';
  const kind = m.task.blocking ? ' (spawn_blocking)' : '';
  return `${by}${line}${kind}`;
}

export function transitionText(m: InspectorModel): string {
  const t = m.lastTransition;
  if (t === undefined) return 'no transition yet: the word is INITIAL_STATE';
  return `${t.name} → ${t.result}  (${t.before} → ${t.after}, by ${actorName(t.by)})`;
}

export function holderText(h: HolderModel): string {
  const who = h.who.length > 0 ? `: ${h.who.join(', ')}` : '';
  return `${HOLDER_TITLE[h.holder]} × ${h.count}${who}`;
}

export function joinWakerText(m: InspectorModel): string {
  if (!m.joinWaker.set) return 'empty (JOIN_WAKER clear)';
  return m.joinWaker.owner === undefined ? 'set' : `set: wakes ${actorName(m.joinWaker.owner)}`;
}

export function handlesText(m: InspectorModel): string {
  const jh = m.joinHandle ? 'JoinHandle held' : 'JoinHandle dropped';
  const ah = `${m.abortHandles} AbortHandle${m.abortHandles === 1 ? '' : 's'}`;
  const ab = m.abortRequests > 0 || m.task.abortRequested ? ' · abort() called' : '';
  return `${jh} · ${ah}${ab}`;
}

export function coopText(m: InspectorModel): string {
  const e = m.coop.lastEvent;
  const base = `${INITIAL_COOP_BUDGET} units per poll`;
  if (e === undefined) return `${base}; never ran out`;
  const what = e.event === 'hit_zero' ? 'hit zero' : 'exhausted: an operation yielded';
  return `${base}; ${what} (${m.coop.hits}×, last with ${e.remaining} left)`;
}

/** The inspector's saved-locals row: a note, or the future's frames (innermost first). */
export type LocalsView =
  | { readonly kind: 'note'; readonly text: string }
  | {
      readonly kind: 'frames';
      readonly frames: readonly {
        readonly title: string;
        readonly locals: readonly { readonly name: string; readonly text: string }[];
      }[];
    };

const note = (text: string): LocalsView => ({ kind: 'note', text });

/**
 * What the task's future holds now: the frames of the snapshot taken when it last suspended,
 * while it is suspended (idle, or queued again after a wake); otherwise why there is none.
 */
export function localsView(t: TaskView, snapshot: LocalsSnapshot | undefined): LocalsView {
  if (t.blocking) return note('none: a spawn_blocking closure is no future');
  switch (t.lifecycle) {
    case 'spawned':
      return note('not polled yet: the future holds only its arguments or captures (Unresumed)');
    case 'running':
      return note('running: its locals change until it returns Pending at an .await');
    case 'idle':
    case 'notified':
      if (t.polls === 0) return note('not polled yet: the future holds only its arguments or captures (Unresumed)');
      if (snapshot === undefined) return note('not recorded for this run');
      return {
        kind: 'frames',
        frames: snapshot.frames.map((f) => ({
          title: `${f.state} at line ${f.line}`,
          locals: f.locals.map((l) => ({ name: l.name, text: `${l.name} = ${l.value}` })),
        })),
      };
    default:
      return note('none: the task has finished and its future is gone');
  }
}
