/**
 * The lab playground (design.md §6): a JoinSet program on first load, the simulation in a Web
 * Worker, playback with time travel, and the views. The lab's stores are made once; its worker
 * and playback machine live from connect() to disconnect, so strict mode's remount leaks nothing.
 */
import { useEffect, useState } from 'react';
import defaultProgram from './default-program.rs?raw';
import { createLab } from './lab/create-lab.ts';
import { LabContext } from './lab/lab-context.tsx';
import { startStateOf, syncUrl } from './lab/url-sync.ts';
import { LabScreen } from './layout/LabScreen.tsx';

export function App() {
  const [start] = useState(() => startStateOf(window.location.hash));
  const [lab] = useState(() => createLab({ source: defaultProgram, config: start.config }));
  useEffect(() => {
    const disconnect = lab.connect();
    lab.run(lab.ui.getState().draft, start.config, start.step > 0 ? start.step : undefined);
    if (start.task !== undefined) lab.store.getState().actions.selectTask(start.task);
    const unsync = syncUrl(lab.store);
    return () => {
      unsync();
      disconnect();
    };
  }, [lab, start]);
  return (
    <LabContext.Provider value={lab}>
      <LabScreen />
    </LabContext.Provider>
  );
}
