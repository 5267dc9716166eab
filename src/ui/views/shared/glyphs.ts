/**
 * The visual language every view shares (design.md §6): one glyph and one word per lifecycle
 * state, used on the board, timeline, inspector and in narration, so colour is never the only
 * signal. Cancelled and panicked tasks also get their own token shape.
 */
import type { Lifecycle, TaskOutcome, TaskView } from '../../../store/index.ts';

export const LIFECYCLE_GLYPH: Readonly<Record<Lifecycle, string>> = {
  spawned: '◇',
  notified: '●',
  running: '▶',
  // U+2016, not U+23F8 (⏸): the pause sign exists only in emoji fonts, which a classroom
  // machine may lack (Debian's default fonts do) or draw in colour.
  idle: '‖',
  complete: '✓',
  cancelled: '✕',
  panicked: '!',
  joined: '⇥',
  released: '○',
};

export const LIFECYCLE_WORD: Readonly<Record<Lifecycle, string>> = {
  spawned: 'spawned',
  notified: 'notified (queued)',
  running: 'running',
  idle: 'idle (Pending)',
  complete: 'complete',
  cancelled: 'cancelled',
  panicked: 'panicked',
  joined: 'joined',
  released: 'released',
};

/** A token's outline: finished-by-cancel and finished-by-panic look different from the rest. */
export type TokenShape = 'round' | 'octagon' | 'diamond';

const OUTCOME_GLYPH: Readonly<Record<TaskOutcome, string | undefined>> = {
  ok: undefined,
  cancelled: '✕',
  panicked: '!',
};

type TokenTask = Pick<TaskView, 'id' | 'name' | 'lifecycle' | 'outcome'>;

export function tokenShape(t: Pick<TaskView, 'outcome'>): TokenShape {
  return t.outcome === 'cancelled' ? 'octagon' : t.outcome === 'panicked' ? 'diamond' : 'round';
}

/** The glyph on a token: its lifecycle's, except that a cancel or panic outlives the lifecycle. */
export function tokenGlyph(t: TokenTask): string {
  const joinedOrReleased = t.lifecycle === 'joined' || t.lifecycle === 'released';
  const outcome = t.outcome === undefined ? undefined : OUTCOME_GLYPH[t.outcome];
  return joinedOrReleased && outcome !== undefined ? outcome : LIFECYCLE_GLYPH[t.lifecycle];
}

/** What a screen reader hears for a token: "task 3 worker, cancelled, released". */
export function taskAriaLabel(t: TokenTask): string {
  const name = t.name !== undefined ? ` ${t.name}` : '';
  const outcome = t.outcome !== undefined && t.outcome !== 'ok' && t.lifecycle !== t.outcome ? `, ${t.outcome}` : '';
  return `task ${t.id}${name}, ${LIFECYCLE_WORD[t.lifecycle]}${outcome}`;
}

/** The mark a compact token keeps: a cancel or a panic stays visible without colour. */
export function outcomeMark(t: Pick<TaskView, 'outcome'>): string {
  return t.outcome === undefined ? '' : (OUTCOME_GLYPH[t.outcome] ?? '');
}

/** The short text a full-size token shows. */
export function tokenText(t: TokenTask): string {
  return `${tokenGlyph(t)} ${t.id}`;
}

/** Characters of a task's name a wide token shows (longer names end in "…"). */
export const TOKEN_NAME_CHARS = 8;

/**
 * The text of a wide token: glyph, id and the task's name ("▶ 3 fetch"), the name cut with "…"
 * to TOKEN_NAME_CHARS, or so that the whole text is at most `maxChars` when that is given.
 */
export function namedTokenText(t: TokenTask, maxChars?: number): string {
  const n = t.name;
  const head = tokenText(t);
  if (n === undefined) return head;
  const room = maxChars === undefined ? TOKEN_NAME_CHARS : Math.max(2, maxChars - [...head].length - 1);
  const short = [...n].length > room ? `${[...n].slice(0, room - 1).join('')}…` : n;
  return `${head} ${short}`;
}

/** How views and sentences name a task: "fetch (task 3)", or "task 3" when it has no name. */
export function taskTitle(t: Pick<TaskView, 'id' | 'name'>): string {
  return t.name === undefined ? `task ${t.id}` : `${t.name} (task ${t.id})`;
}
