/**
 * Event matchers: how a cue or quiz names a moment of a run (`at="task.abort" task=2 nth=1`), read
 * from directive attributes and evaluated over the trace (the trace is the truth, design.md §2).
 */
import type { SimEvent } from '../sim/events.ts';
import type { Attrs } from './attrs.ts';
import { EVENT_ALIASES, TRANSITIONS, isEventName, suggestEventName } from './event-names.ts';
import type { EventMatcher, LineRange } from './types.ts';

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export const MATCHER_KEYS = ['at', 'task', 'nth', 'transition', 'text'] as const;

/** Reads a whole number attribute (`task=3`), or undefined when absent. */
export function readInt(attrs: Attrs, key: string, min: number): Read<number | undefined> {
  const v = attrs.get(key);
  if (v === undefined) return { ok: true, value: undefined };
  if (v === true || !/^\d+$/.test(v) || Number(v) < min) {
    return { ok: false, message: `${key}= must be a whole number${min > 0 ? ` of at least ${min}` : ''}` };
  }
  return { ok: true, value: Number(v) };
}

export function readString(attrs: Attrs, key: string): Read<string | undefined> {
  const v = attrs.get(key);
  if (v === true) return { ok: false, message: `${key}= needs a value` };
  return { ok: true, value: v };
}

/** `"7"` or `"3-9"`. */
export function readRange(attrs: Attrs, key: string): Read<LineRange | undefined> {
  const v = attrs.get(key);
  if (v === undefined) return { ok: true, value: undefined };
  const m = v === true ? null : /^(\d+)(?:-(\d+))?$/.exec(v);
  const from = Number(m?.[1] ?? 0);
  const to = Number(m?.[2] ?? m?.[1] ?? 0);
  if (!m || from < 1 || to < from) return { ok: false, message: `${key}= must be a line number or a range like "3-9"` };
  return { ok: true, value: { from, to } };
}

/** Reads `at`, `task`, `nth`, `transition`, `text`; `at` is required here. */
export function readMatcher(attrs: Attrs): Read<EventMatcher> {
  const at = readString(attrs, 'at');
  if (!at.ok) return at;
  if (at.value === undefined) return { ok: false, message: 'at="<event>" is required' };
  if (!isEventName(at.value)) {
    const hint = suggestEventName(at.value);
    return {
      ok: false,
      message: `event kind "${at.value}" does not exist${hint ? ` (did you mean "${hint}"?)` : ''}`,
    };
  }
  const task = readInt(attrs, 'task', 0);
  if (!task.ok) return task;
  const nth = readInt(attrs, 'nth', 1);
  if (!nth.ok) return nth;
  const transition = readString(attrs, 'transition');
  if (!transition.ok) return transition;
  if (transition.value !== undefined) {
    if (at.value !== 'task.state') return { ok: false, message: 'transition= only filters at="task.state"' };
    if (!TRANSITIONS.has(transition.value))
      return { ok: false, message: `transition "${transition.value}" does not exist` };
  }
  const text = readString(attrs, 'text');
  if (!text.ok) return text;
  if (text.value !== undefined && at.value !== 'stdout' && at.value !== 'stderr') {
    return { ok: false, message: 'text= only filters at="stdout" or at="stderr"' };
  }
  const m: EventMatcher = { at: at.value, nth: nth.value ?? 1 };
  return {
    ok: true,
    value: {
      ...m,
      ...(task.value !== undefined ? { task: task.value } : {}),
      ...(transition.value !== undefined ? { transition: transition.value } : {}),
      ...(text.value !== undefined ? { text: text.value } : {}),
    },
  };
}

export function matcherAttrs(m: EventMatcher): Array<readonly [string, string | number | undefined]> {
  return [
    ['at', m.at],
    ['task', m.task],
    ['nth', m.nth === 1 ? undefined : m.nth],
    ['transition', m.transition],
    ['text', m.text],
  ];
}

/** True when one event passes the matcher's type and filters (ignoring `nth`). */
export function eventMatches(e: SimEvent, m: EventMatcher): boolean {
  const alias = EVENT_ALIASES[m.at];
  if (alias !== undefined) {
    if (e.type !== 'task.state' || e.transition !== alias) return false;
  } else if (e.type !== m.at) {
    return false;
  }
  if (m.task !== undefined && e.task !== m.task) return false;
  if (m.transition !== undefined && (e.type !== 'task.state' || e.transition !== m.transition)) return false;
  if (m.text !== undefined && (e.type !== 'stdout' && e.type !== 'stderr' ? true : !e.text.includes(m.text)))
    return false;
  return true;
}

/** Index of the matcher's `nth` matching event, or -1 when the run never reaches it. */
export function findEvent(events: readonly SimEvent[], m: EventMatcher): number {
  let seen = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e !== undefined && eventMatches(e, m) && ++seen === m.nth) return i;
  }
  return -1;
}

/** A matcher in the words a teacher wrote it, for messages. */
export function describeMatcher(m: EventMatcher): string {
  return matcherAttrs(m)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (typeof v === 'number' ? `${k}=${v}` : `${k}="${v}"`))
    .join(' ');
}

/**
 * Events that record what a cause did, in the same scheduler action: the state transitions, queue
 * pushes, wakes and aborts the simulator emits right after an abort, a wake, a JoinSet drop or a
 * token cancel. They are the cause's effects, not a new moment.
 */
const EFFECTS: ReadonlySet<SimEvent['type']> = new Set<SimEvent['type']>([
  'task.state',
  'task.stage',
  'task.ref',
  'queue.push',
  'task.abort',
  'waker.wake',
  'timer.cancel',
  'token.cancel',
]);

/**
 * The event position at which a cue on event `index` has its state on screen (`p` = events folded).
 * A state change (`task.state`) or a printed line is its own effect: stop right after it. Any other
 * event is a cause, so the stop also takes in the effects that follow it in the same step — after
 * `task.abort` the task is CANCELLED|NOTIFIED and queued, not merely asked. Cues, the lab's pause and the validator's
 * claim check all use this one position, so what a cue says is what the screen shows.
 */
export function settledPosition(events: readonly SimEvent[], index: number): number {
  const e = events[index];
  if (e === undefined) return index + 1;
  let p = index + 1;
  if (e.type === 'task.state' || e.type === 'stdout' || e.type === 'stderr') return p;
  for (let n = events[p]; n !== undefined && n.step === e.step && EFFECTS.has(n.type); n = events[++p]);
  return p;
}
