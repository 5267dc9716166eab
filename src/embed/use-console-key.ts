/** C opens and closes the console drawer, unless the learner is typing. */
import { useEffect } from 'react';
import type { Lab } from '../ui/lab/create-lab.ts';
import { isTypingTarget } from '../ui/shortcuts/shortcuts.ts';

export function useConsoleKey(lab: Lab): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'c' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(document.activeElement)) return;
      const ui = lab.ui.getState();
      ui.setConsoleOpen(!ui.consoleOpen);
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lab]);
}
