/**
 * The event names a cue or quiz may name: every `SimEvent` type of src/sim/events.ts, plus a few
 * aliases for task-state transitions that teachers reach for ("task.complete"). The types are read
 * from the simulator's own decoder (every `EventKind` decoded once), so this list follows
 * events.ts as it grows instead of keeping a copy that could drift.
 */
import { EventKind, decodeEvent } from '../sim/events.ts';
import { TRANSITION_NAMES } from '../sim/task/state.ts';

function decodedTypes(): Set<string> {
  const types = new Set<string>();
  for (const kind of Object.values(EventKind)) {
    // Probe a few payloads in case a kind decodes to more than one type.
    for (const a of [0, 1]) {
      for (const b of [0, 1]) {
        const e = decodeEvent({ index: 0, step: 0, time: 0, kind, task: 0, a, b, c: 0 }, () => '');
        if (e.type !== 'unknown') types.add(e.type);
      }
    }
  }
  return types;
}

const EVENT_TYPES: ReadonlySet<string> = decodedTypes();

/** Aliases: a `task.state` event with the given transition (tokio-facts.md §2.4 names). */
export const EVENT_ALIASES: Readonly<Record<string, string>> = {
  'task.running': 'transition_to_running',
  'task.idle': 'transition_to_idle',
  'task.complete': 'transition_to_complete',
  'task.shutdown': 'transition_to_shutdown',
  'task.cancel': 'transition_to_notified_and_cancel',
};

/** The transition names a `transition=` filter may use. */
export const TRANSITIONS: ReadonlySet<string> = new Set(TRANSITION_NAMES);

export const EVENT_NAMES: readonly string[] = [...EVENT_TYPES, ...Object.keys(EVENT_ALIASES)];

export function isEventName(name: string): boolean {
  return EVENT_TYPES.has(name) || Object.hasOwn(EVENT_ALIASES, name);
}

/** The closest known name, for "did you mean" in error messages (same namespace, then any). */
export function suggestEventName(name: string): string | undefined {
  const ns = name.split('.')[0];
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of EVENT_NAMES) {
    const distance = editDistance(name, candidate);
    // Same namespace breaks ties; only near misses (typos) are suggested.
    const score = distance * 2 - (candidate.split('.')[0] === ns ? 1 : 0);
    if (distance <= 3 && score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
