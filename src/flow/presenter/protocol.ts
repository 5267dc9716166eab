/**
 * Presenter ↔ audience messages over a BroadcastChannel (issue 6 "Classroom"; no server): the
 * presenter window owns the deck and the lab, the audience window mirrors slide, seed, step and
 * play state, plus blank and overview. Versioned, and checked field by field on receipt: another
 * tab of another build must not be able to put garbage on the projector.
 */

export const SYNC_VERSION = 1;

/** Everything the audience shows that the presenter decides. */
export interface DeckState {
  readonly lesson: string;
  /** 1-based, as in URLs. */
  readonly slide: number;
  readonly seed: number;
  /** Steps applied (the lab's step position). */
  readonly step: number;
  readonly playing: boolean;
  readonly mode: 'slide' | 'overview' | 'blank';
}

export type SyncMessage =
  | { readonly v: typeof SYNC_VERSION; readonly type: 'hello'; readonly from: string }
  | { readonly v: typeof SYNC_VERSION; readonly type: 'state'; readonly from: string; readonly state: DeckState }
  | { readonly v: typeof SYNC_VERSION; readonly type: 'bye'; readonly from: string };

/** One channel per lesson, so two decks open side by side do not drive each other. */
export function channelName(lesson: string): string {
  return `task-lab:presenter:${lesson}`;
}

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isWhole = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;

export function isDeckState(v: unknown): v is DeckState {
  return (
    isRec(v) &&
    typeof v.lesson === 'string' &&
    isWhole(v.slide, 1) &&
    isWhole(v.seed, 0) &&
    isWhole(v.step, 0) &&
    typeof v.playing === 'boolean' &&
    (v.mode === 'slide' || v.mode === 'overview' || v.mode === 'blank')
  );
}

export function isSyncMessage(v: unknown): v is SyncMessage {
  if (!isRec(v) || v.v !== SYNC_VERSION || typeof v.from !== 'string') return false;
  if (v.type === 'hello' || v.type === 'bye') return true;
  return v.type === 'state' && isDeckState(v.state);
}

export function sameDeckState(a: DeckState | undefined, b: DeckState | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.lesson === b.lesson &&
    a.slide === b.slide &&
    a.seed === b.seed &&
    a.step === b.step &&
    a.playing === b.playing &&
    a.mode === b.mode
  );
}
