/**
 * The lab playground keeps the learner's program in localStorage, so a reload (or a crash of the
 * page) never loses it. One versioned entry; reading never throws — anything unreadable is ignored
 * and the default program opens instead. (Lessons keep their own code in lesson/progress.ts.)
 */
import type { UiStore } from './ui-store.ts';

export const DRAFT_KEY = 'task-lab:lab-draft';
const VERSION = 1;

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's localStorage, or undefined where it is unavailable (sandboxed iframes, privacy modes). */
export function pageStorage(): DraftStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function readDraft(storage: DraftStorage | undefined): string | undefined {
  try {
    const text = storage?.getItem(DRAFT_KEY);
    if (text === null || text === undefined) return undefined;
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { v, source } = parsed as { v?: unknown; source?: unknown };
    return v === VERSION && typeof source === 'string' ? source : undefined;
  } catch {
    return undefined;
  }
}

/** Saves `source`; false when the browser refused (quota, disabled storage) — never throws. */
export function writeDraft(storage: DraftStorage | undefined, source: string): boolean {
  if (storage === undefined) return false;
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify({ v: VERSION, source }));
    return true;
  } catch {
    return false;
  }
}

/** Saves every change of the editor's draft; returns the unsubscribe function. */
export function persistDrafts(ui: UiStore, storage: DraftStorage | undefined): () => void {
  return ui.subscribe((state, prev) => {
    if (state.draft !== prev.draft) writeDraft(storage, state.draft);
  });
}
