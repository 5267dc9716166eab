/**
 * Another tab changed a draft this tab is editing too (issue 14, tab-merge.ts): the other tab's
 * text is the one saved, this tab's stays on screen, and the learner picks — load the other
 * tab's version (this one is kept as a version) or keep this one as a new draft.
 */
import { useStore } from 'zustand';
import type { DraftsStore } from '../../store/storage/index.ts';
import { useLab } from '../lab/lab-context.tsx';
import './storage.css';

export function DraftConflictNotice({ drafts }: { readonly drafts: DraftsStore }) {
  const lab = useLab();
  const conflicts = useStore(drafts, (s) => s.conflicts);
  const c = conflicts.size > 0 ? drafts.getState().conflict() : undefined;
  if (c === undefined) return null;
  const show = (source: string) => {
    if (lab.ui.getState().draft !== source) lab.run(source);
  };
  return (
    <p className="storage-notice" role="alert" data-testid="draft-conflict">
      <span aria-hidden="true">⚠ </span>“{c.ours.name}” was changed in another tab. Its text there is the one saved;
      this tab still shows its own.
      <button type="button" onClick={() => show(drafts.getState().resolveConflict('theirs').source)}>
        Load the other tab’s version
      </button>
      <button type="button" onClick={() => show(drafts.getState().resolveConflict('mine').source)}>
        Keep mine as a new draft
      </button>
    </p>
  );
}
