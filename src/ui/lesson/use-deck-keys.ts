/** The course's keyboard handler: a key press → its binding in the one key table (scope `course`). */
import { useEffect, useRef } from 'react';
import { bindingFor, pressOf } from '../shortcuts/shortcuts.ts';
import type { Shortcut } from '../shortcuts/shortcuts.ts';

export type DeckCommand = NonNullable<Shortcut['course']>['command'];

export function useDeckKeys(run: (command: DeckCommand) => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const handler = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const b = bindingFor('course', pressOf(e, document.activeElement));
      if (b === undefined) return;
      e.preventDefault();
      latest.current(b.command);
    };
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, []);
}
