/**
 * Wires the lab to its drafts store: each edit of the editor is saved into the active draft, and
 * each run keeps a version of it. Returns the function that stops both.
 */
import { DRAFTS_KEY } from '../../store/storage/index.ts';
import type { DraftsStore } from '../../store/storage/index.ts';
import type { Lab } from '../lab/create-lab.ts';

export function persistLabDrafts(lab: Lab, drafts: DraftsStore): () => void {
  const offEdit = lab.ui.subscribe((s, prev) => {
    if (s.draft !== prev.draft) drafts.getState().edit(s.draft);
  });
  const offRun = lab.store.subscribe((s, prev) => {
    if (s.program !== prev.program && s.program.source === drafts.getState().activeDraft().source) {
      drafts.getState().checkpoint();
    }
  });
  return () => {
    offEdit();
    offRun();
  };
}

/** Makes draft `id` the one in the editor and runs it. */
export function openDraft(lab: Lab, drafts: DraftsStore, id: string): void {
  const d = drafts.getState().switchTo(id);
  lab.run(d.source);
}

/**
 * Another tab of this browser wrote the drafts (the `storage` event fires only in the other tabs):
 * takes in what it changed. Returns the function that stops listening.
 */
export function followOtherTabs(drafts: DraftsStore): () => void {
  const onStorage = (e: StorageEvent) => {
    // null: the other tab cleared the whole storage.
    if (e.key === DRAFTS_KEY || e.key === null) drafts.getState().sync();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
