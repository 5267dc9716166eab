/** "Embed": the <iframe> snippet for a course page, showing this slide or program at this step. */
import { useState } from 'react';
import { embedUrl, iframeSnippet } from '../../embed/embed-params.ts';
import { VIEW_NAMES } from '../../store/index.ts';
import type { ViewName } from '../../store/index.ts';
import { encodeShare } from '../../store/share/index.ts';
import { useLab } from '../lab/lab-context.tsx';
import { copyText, momentOfLab } from './share-actions.ts';
import { ShareDialog } from './ShareDialog.tsx';

export function EmbedButton() {
  const lab = useLab();
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<ViewName>('board');
  const [origins, setOrigins] = useState('');
  const [snippet, setSnippet] = useState('');
  const [status, setStatus] = useState('');

  const build = async (v: ViewName, o: string) => {
    const s = lab.store.getState();
    const origin = s.program.origin;
    const base = { seed: s.config.seed, step: s.stepPosition, view: v, origins: o };
    let src: string;
    if (origin.kind === 'lesson') {
      src = embedUrl(window.location.href, { ...base, lesson: origin.lesson, slide: origin.slide });
    } else {
      const e = await encodeShare(momentOfLab(s));
      if (e.kind !== 'ok') {
        setStatus(e.message);
        return;
      }
      src = embedUrl(window.location.href, { ...base, share: e.value });
    }
    setSnippet(iframeSnippet(src, 'Task Lab'));
    setStatus('');
  };

  return (
    <>
      <button
        type="button"
        className="share-button"
        onClick={() => {
          setOpen(true);
          void build(view, origins);
        }}
      >
        Embed
      </button>
      <ShareDialog open={open} title="Embed in a course page" onClose={() => setOpen(false)}>
        <p className="share-row">
          <label>
            View{' '}
            <select
              value={view}
              onChange={(e) => {
                const v = e.target.value as ViewName;
                setView(v);
                void build(v, origins);
              }}
            >
              {VIEW_NAMES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label>
            Pages allowed to control it (origins, optional){' '}
            <input
              value={origins}
              placeholder="https://course.example"
              onChange={(e) => {
                setOrigins(e.target.value);
                void build(view, e.target.value);
              }}
            />
          </label>
        </p>
        <textarea readOnly rows={4} value={snippet} aria-label="Embed code" data-testid="embed-snippet" />
        <p className="share-row">
          <button type="button" onClick={() => void copyText(snippet).then(setStatus)}>
            Copy
          </button>
        </p>
        <p role="status">{status}</p>
        <p className="share-hint">
          Without origins, only the page that embeds it may control it (see the embed API in src/embed/README.md).
        </p>
      </ShareDialog>
    </>
  );
}
