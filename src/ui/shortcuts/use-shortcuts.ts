/** Listens for the lab's keys (the one key table, scope `lab`) on the window and performs them. */
import { useEffect } from 'react';
import type { Lab } from '../lab/create-lab.ts';
import { perform } from '../controls/playback-actions.ts';
import { bindingFor, pressOf } from './shortcuts.ts';

export function useShortcuts(lab: Lab): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const b = bindingFor('lab', pressOf(e, e.target instanceof Element ? e.target : null));
      if (b === undefined) return;
      const ui = lab.ui.getState();
      const command = b.command;
      // The help is modal: behind it, only the keys that close it work.
      if (ui.helpOpen && command !== 'escape' && command !== 'help') return;
      if (command === 'escape') {
        if (!ui.helpOpen) return;
        ui.setHelpOpen(false);
      } else if (command === 'help') {
        ui.setHelpOpen(!ui.helpOpen);
      } else if (command === 'pick') {
        if (lab.schedule.getState().pending === undefined) return;
        lab.driver.pick(Number(e.key) - 1);
      } else if (command === 'scheduler') {
        const sch = lab.schedule.getState();
        sch.actions.setScheduler(!sch.scheduler);
      } else if (command === 'explore') {
        const x = lab.explore.getState();
        x.actions.setPanelOpen(!x.panelOpen);
      } else if (command === 'run') {
        lab.run(ui.draft);
      } else if (command === 'fullscreen') {
        toggleFullscreen();
      } else {
        perform(lab, command);
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lab]);
}

export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}
