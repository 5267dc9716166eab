/**
 * The lab's drafts menu (issue 14): the learner's own program beside each opened share link and
 * recovered text, and the last few versions of the one being edited. Switching runs the draft.
 */
import { useStore } from 'zustand';
import type { DraftsStore } from '../../store/storage/index.ts';
import { useLab } from '../lab/lab-context.tsx';
import { openDraft } from './lab-drafts.ts';
import './storage.css';

const timeOf = (at: number): string => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function DraftsMenu({ drafts }: { readonly drafts: DraftsStore }) {
  const lab = useLab();
  const list = useStore(drafts, (s) => s.drafts);
  const active = useStore(drafts, (s) => s.active);
  const versions = list.find((d) => d.id === active)?.versions ?? [];
  return (
    <div className="drafts-menu" data-testid="drafts-menu">
      <label>
        <span className="drafts-label">Draft</span>
        <select value={active} aria-label="Draft" onChange={(e) => openDraft(lab, drafts, e.target.value)}>
          {list.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {versions.length > 0 && (
        <details className="drafts-versions">
          <summary>Versions ({versions.length})</summary>
          <ul>
            {versions
              .map((v, i) => ({ v, i }))
              .reverse()
              .map(({ v, i }) => (
                <li key={`${i}-${v.at}`}>
                  <button
                    type="button"
                    title={v.source.slice(0, 400)}
                    onClick={() => lab.run(drafts.getState().restoreVersion(i).source)}
                  >
                    Restore {timeOf(v.at)} · {v.source.split('\n').length} lines
                  </button>
                </li>
              ))}
          </ul>
        </details>
      )}
    </div>
  );
}
