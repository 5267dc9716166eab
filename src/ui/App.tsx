/**
 * The lab playground (design.md §6): a JoinSet program on first load, the simulation in a Web
 * Worker, playback with time travel, and the views. The lab's stores are made once; its worker
 * and playback machine live from connect() to disconnect, so strict mode's remount leaks nothing.
 */
import { useEffect, useState } from 'react';
import defaultProgram from './default-program.rs?raw';
import { createLab } from './lab/create-lab.ts';
import { pageStorage, persistDrafts, readDraft } from './lab/draft-storage.ts';
import { LabContext } from './lab/lab-context.tsx';
import { startStateOf, syncUrl } from './lab/url-sync.ts';
import { LabScreen } from './layout/LabScreen.tsx';
import { restoreSharedMoment } from './share/index.ts';

export function App() {
  const [start] = useState(() => startStateOf(window.location.hash));
  // The learner's own program survives a reload; a share link, when present, replaces it.
  const [lab] = useState(() => createLab({ source: readDraft(pageStorage()) ?? defaultProgram, config: start.config }));
  useEffect(() => persistDrafts(lab.ui, pageStorage()), [lab]);
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
    void restoreSharedMoment(lab, openingHash).then((r) => {
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
  }, [lab, start, openingHash]);
  return (
    <LabContext.Provider value={lab}>
      <LabScreen notice={shareProblem} />
    </LabContext.Provider>
  );
}
