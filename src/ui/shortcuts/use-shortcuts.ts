/** Listens for the lab's shortcuts on the window and performs them. */
import { useEffect } from 'react';
import type { Lab } from '../lab/create-lab.ts';
import { perform } from '../controls/playback-actions.ts';
import { isTypingTarget, shortcutFor } from './shortcuts.ts';

export function useShortcuts(lab: Lab): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      // A focused button answers Space and Enter itself, a slider its arrows, Home and End.
      if (target?.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
      if (target instanceof HTMLInputElement && target.type === 'range') {
        if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') return;
      }
      const s = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        typing: isTypingTarget(target),
      });
      if (s === undefined) return;
      const ui = lab.ui.getState();
      // The help is modal: behind it, only the keys that close it work.
      if (ui.helpOpen && s.action !== 'close' && s.action !== 'help') return;
      if (s.action === 'close') {
        if (!ui.helpOpen) return;
        ui.setHelpOpen(false);
      } else if (s.action === 'help') {
        ui.setHelpOpen(!ui.helpOpen);
      } else if (s.action === 'pick') {
        if (lab.schedule.getState().pending === undefined) return;
        lab.driver.pick(Number(e.key) - 1);
      } else if (s.action === 'scheduler') {
        const sch = lab.schedule.getState();
        sch.actions.setScheduler(!sch.scheduler);
      } else if (s.action === 'explore') {
        const x = lab.explore.getState();
        x.actions.setPanelOpen(!x.panelOpen);
      } else if (s.action === 'run') {
        lab.run(ui.draft);
      } else {
        perform(lab, s.action);
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lab]);
}
