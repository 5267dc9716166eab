/** Words for the inspector's rows (pure; see derive-inspector.ts for the model). */
import type { HolderModel, InspectorModel } from '../../../store/view/derive-inspector.ts';
import { actorName, INITIAL_COOP_BUDGET } from '../../../store/view/derive-inspector.ts';
import type { RefHolder } from '../../../store/index.ts';
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
