/** "Share": a link to exactly this moment (program in the fragment, config, seed, step, views). */
import { useState } from 'react';
import { encodeShare, shareUrl } from '../../store/share/index.ts';
import { useLab } from '../lab/lab-context.tsx';
import { copyText, momentOfLab } from './share-actions.ts';
import { ShareDialog } from './ShareDialog.tsx';

export function ShareButton() {
  const lab = useLab();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const make = async () => {
    setOpen(true);
    setLink(undefined);
    setStatus('Making the link…');
    const e = await encodeShare(momentOfLab(lab.store.getState()));
    if (e.kind === 'ok') {
      setLink(shareUrl(window.location.href, e.value));
      setStatus('Anyone who opens this link sees this program at this step. The program travels inside the link.');
    } else setStatus(e.message);
  };
  return (
    <>
      <button type="button" className="share-button" onClick={() => void make()}>
        Share
      </button>
      <ShareDialog open={open} title="Share this moment" onClose={() => setOpen(false)}>
        {link !== undefined && (
          <p className="share-row">
            <input
              readOnly
              value={link}
              aria-label="Share link"
              data-testid="share-link"
              onFocus={(e) => e.target.select()}
            />
            <button type="button" onClick={() => void copyText(link).then(setStatus)}>
              Copy
            </button>
          </p>
        )}
        <p role="status">{status}</p>
      </ShareDialog>
    </>
  );
}
