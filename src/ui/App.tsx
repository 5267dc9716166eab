/**
 * The lab playground (design.md §6): a JoinSet program on first load, the simulation in a Web
 * Worker, playback with time travel, and the views. The lab's stores are made once; its worker
 * and playback machine live from connect() to disconnect, so strict mode's remount leaks nothing.
 */
import { useEffect, useState } from 'react';
import { createDraftsStore, salvagePrograms } from '../store/storage/index.ts';
import type { SetAsideRecord } from '../store/storage/index.ts';
import defaultProgram from './default-program.rs?raw';
import { createLab } from './lab/create-lab.ts';
import { LabContext } from './lab/lab-context.tsx';
import { startStateOf, syncUrl } from './lab/url-sync.ts';
import { LabScreen } from './layout/LabScreen.tsx';
import { restoreSharedMoment } from './share/index.ts';
import { DraftsMenu } from './storage/DraftsMenu.tsx';
import { DraftConflictNotice } from './storage/DraftConflictNotice.tsx';
import { followOtherTabs, openDraft, persistLabDrafts } from './storage/lab-drafts.ts';
import { pageAppStorage } from './storage/page-storage.ts';
import { StorageNotice } from './storage/StorageNotice.tsx';

export function App() {
  const [start] = useState(() => startStateOf(window.location.hash));
  const [storage] = useState(pageAppStorage);
  // The learner's drafts survive a reload; a share link opens as a draft of its own beside them.
  const [drafts] = useState(() => createDraftsStore(storage, defaultProgram, Date.now));
  const [lab] = useState(() => createLab({ source: drafts.getState().activeDraft().source, config: start.config }));
  useEffect(() => persistLabDrafts(lab, drafts), [lab, drafts]);
  useEffect(() => followOtherTabs(drafts), [drafts]);
  // The hash as the lab opened: a share link's moment, read once even after syncUrl rewrites it.
  const [openingHash] = useState(() => window.location.hash);
  const [shareProblem, setShareProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const disconnect = lab.connect();
    const runDefault = () => {
      lab.run(lab.ui.getState().draft, start.config, start.step > 0 ? start.step : undefined);
      if (start.task !== undefined) lab.store.getState().actions.selectTask(start.task);
    };
    let unsync = () => {};
    // Each connection needs its own LOAD (strict mode connects twice), so the restore runs per effect.
    void restoreSharedMoment(lab, openingHash, (source) => drafts.getState().openShared(source)).then((r) => {
      if (!live) return;
      if (r.kind !== 'restored') runDefault();
      setShareProblem(r.kind === 'error' ? r.message : undefined);
      unsync = syncUrl(lab.store);
    });
    return () => {
      live = false;
      unsync();
      disconnect();
    };
  }, [lab, drafts, start, openingHash]);
  // A share link pasted into the address bar of the open lab changes only the hash: it opens as
  // its own draft, as on a fresh load (the hash syncUrl writes is a replaceState: no event).
  useEffect(() => {
    const onHash = () => {
      void restoreSharedMoment(lab, window.location.hash, (source) => drafts.getState().openShared(source)).then(
        (r) => {
          if (r.kind !== 'none') setShareProblem(r.kind === 'error' ? r.message : undefined);
        },
      );
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [lab, drafts]);
  const recover = (r: SetAsideRecord): string | undefined => {
    const d = drafts.getState().addRecovered(salvagePrograms(r.text));
    if (d === undefined) return undefined;
    openDraft(lab, drafts, d.id);
    return d.name;
  };
  const current = () => ({ name: 'main.rs', text: lab.ui.getState().draft });
  return (
    <LabContext.Provider value={lab}>
      <LabScreen
        notice={shareProblem}
        tools={<DraftsMenu drafts={drafts} />}
        notices={
          <>
            <DraftConflictNotice drafts={drafts} />
            <StorageNotice storage={storage} recover={recover} current={current} />
          </>
        }
      />
    </LabContext.Provider>
  );
}
