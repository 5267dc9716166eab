/**
 * The task inspector's model: one task's cell at a timeline position (tokio-facts.md §2.1 state
 * word, §2.2 reference holders, §2.4 the transition that last changed the word, §2.5 and §3.4 the
 * join waker, §3.3 the stage, §5 JoinHandle/AbortHandle, §7 the coop budget).
 */
import type { CoopMark, TraceHistory, TransitionMark } from './derive-history.ts';
import { countBefore, lastBefore, MAIN_ACTOR, RUNTIME_ACTOR } from './derive-history.ts';
import type { StageName } from './derive-history.ts';
import { REF_HOLDERS, refCountOf } from './view-state.ts';
import type { RefHolder, TaskView, ViewState } from './view-state.ts';

export type StateBitName = 'RUNNING' | 'COMPLETE' | 'NOTIFIED' | 'JOIN_INTEREST' | 'JOIN_WAKER' | 'CANCELLED';

export interface StateBit {
  readonly name: StateBitName;
  /** The letter the fact sheet uses (R C N J W X). */
  readonly letter: string;
  readonly mask: number;
}

/** tokio-facts.md §2.1, most significant first, as the word is written in binary. */
export const STATE_BITS: readonly StateBit[] = [
  { name: 'CANCELLED', letter: 'X', mask: 32 },
  { name: 'JOIN_WAKER', letter: 'W', mask: 16 },
  { name: 'JOIN_INTEREST', letter: 'J', mask: 8 },
  { name: 'NOTIFIED', letter: 'N', mask: 4 },
  { name: 'COMPLETE', letter: 'C', mask: 2 },
  { name: 'RUNNING', letter: 'R', mask: 1 },
];

/** `0b<ref count>_<six flag bits>`, the way tokio-facts.md writes words (204 → 0b11_001100). */
export function formatWord(word: number): string {
  return `0b${refCountOf(word).toString(2)}_${(word & 63).toString(2).padStart(6, '0')}`;
}

export interface BitModel extends StateBit {
  readonly set: boolean;
  /** Flipped by the last transition. */
  readonly flipped: boolean;
}

export interface HolderModel {
  readonly holder: RefHolder;
  readonly count: number;
  /** References this holder kind accounts for (an UnownedTask holds two, §2.2). */
  readonly refs: number;
  /** Who holds them, where the trace says (e.g. "timer 3", "join waker of task 5"). */
  readonly who: readonly string[];
}

export interface InspectorModel {
  readonly task: TaskView;
  readonly word: number;
  readonly binary: string;
  readonly refCount: number;
  readonly bits: readonly BitModel[];
  readonly lastTransition: TransitionMark | undefined;
  /** Transitions applied so far. */
  readonly transitions: number;
  readonly holders: readonly HolderModel[];
  readonly stage: StageName;
  /** W set: whose waker sits in the join waker slot (MAIN_ACTOR / a task; undefined if unknown). */
  readonly joinWaker: { readonly set: boolean; readonly owner: number | undefined };
  readonly joinHandle: boolean;
  readonly abortHandles: number;
  readonly abortRequests: number;
  readonly coop: { readonly lastEvent: CoopMark | undefined; readonly hits: number };
  readonly parent: number | undefined;
}

export const INITIAL_COOP_BUDGET = 128;

/** Names an actor recorded by the history: a task, the main future or the runtime. */
export function actorName(actor: number): string {
  if (actor === MAIN_ACTOR) return 'main';
  if (actor === RUNTIME_ACTOR) return 'runtime';
  return `task ${actor}`;
}

function wakerHolders(view: ViewState, history: TraceHistory, id: number, position: number): string[] {
  const who: string[] = [];
  view.timers.forEach((t) => {
    if (t.task === id) who.push(`timer ${t.id}`);
  });
  for (const other of history.taskIds) {
    const jw = lastBefore(history.task(other)?.joinWaker ?? [], position);
    if (jw?.owner === id && other !== id) who.push(`join waker of task ${other}`);
  }
  for (const k of history.tokens) {
    if (k.at >= position || (k.cancelAt !== undefined && k.cancelAt < position)) continue;
    if (k.waiters.some((w) => w.task === id && w.at < position)) who.push(`token ${k.id}`);
  }
  return who;
}

/** The inspector for task `id` at `position`, or undefined when the task does not exist there. */
export function deriveInspector(
  view: ViewState,
  history: TraceHistory,
  position: number,
  id: number,
): InspectorModel | undefined {
  const task = view.tasks.get(id);
  if (task === undefined) return undefined;
  const h = history.task(id);
  const transitions = h === undefined ? 0 : countBefore(h.transitions, position);
  const last = transitions > 0 ? h?.transitions[transitions - 1] : undefined;
  const flipped = last === undefined ? 0 : (last.before ^ last.after) & 63;
  const word = task.word;
  const bits = STATE_BITS.map((b) => ({ ...b, set: (word & b.mask) !== 0, flipped: (flipped & b.mask) !== 0 }));
  const holders = REF_HOLDERS.map((holder) => {
    const count = task.refs[holder];
    const who =
      holder === 'waker' && count > 0
        ? wakerHolders(view, history, id, position)
        : holder === 'notified' && task.queue !== undefined
          ? [`queue ${task.queue}`]
          : [];
    return { holder, count, refs: holder === 'unowned' ? count * 2 : count, who };
  });
  const stage = lastBefore(h?.stages ?? [], position)?.stage ?? 'future';
  const jw = lastBefore(h?.joinWaker ?? [], position);
  const coopCount = h === undefined ? 0 : countBefore(h.coop, position);
  return {
    task,
    word,
    binary: formatWord(word),
    refCount: refCountOf(word),
    bits,
    lastTransition: last,
    transitions,
    holders,
    stage,
    joinWaker: { set: (word & 16) !== 0, owner: (word & 16) !== 0 ? jw?.owner : undefined },
    joinHandle: (word & 8) !== 0,
    abortHandles: task.refs.abort_handle,
    abortRequests: h === undefined ? 0 : countBefore(h.aborts, position),
    coop: { lastEvent: coopCount > 0 ? h?.coop[coopCount - 1] : undefined, hits: coopCount },
    parent: h?.parent,
  };
}
