/**
 * "Open in lab" (issue 11, findable): a link to the lab playground that carries the program on
 * show in a share fragment, so the learner can keep experimenting with it there. The link is
 * rebuilt when the program changes (encoding is async: it compresses).
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { encodeShare, shareUrl } from '../../store/share/index.ts';
import { useLab } from '../lab/lab-context.tsx';
import { momentOfLab } from './share-actions.ts';

export function OpenInLabLink({ className }: { className?: string }) {
  const lab = useLab();
  const program = useStore(lab.store, (s) => s.program);
  const plain = new URL('?mode=lab', window.location.href).toString();
  const [href, setHref] = useState(plain);
  useEffect(() => {
    let live = true;
    if (program.source === '') return undefined;
    void encodeShare(momentOfLab(lab.store.getState())).then((e) => {
      if (live) setHref(e.kind === 'ok' ? shareUrl(window.location.href, e.value) : plain);
    });
    return () => {
      live = false;
    };
  }, [lab, program, plain]);
  return (
    <a className={className} href={href} data-testid="open-in-lab" title="Open this slide's program in the lab">
      Open in lab <span aria-hidden="true">↗</span>
    </a>
  );
}
