/** The course's keyboard handler: a key press → a DeckCommand (keys.ts) → what it does here. */
import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../shortcuts/shortcuts.ts';
import { deckCommandFor } from './keys.ts';
import type { DeckCommand } from './keys.ts';

function onControl(el: Element | null): boolean {
  if (el === null) return false;
  return el.closest('button, a[href], summary, input[type="radio"], input[type="checkbox"], dialog') !== null;
}

export function useDeckKeys(run: (command: DeckCommand) => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const handler = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = document.activeElement;
      const command = deckCommandFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        typing: isTypingTarget(target),
        onControl: onControl(target),
        onChoice: target?.closest('input[type="radio"], [role="radio"], [role="radiogroup"]') != null,
      });
      if (command === undefined) return;
      // The seek bar is a range input: its arrows move the lab, not the deck.
      if ((target as HTMLInputElement | null)?.type === 'range' && /Arrow|Home|End|Page/.test(e.key)) return;
      e.preventDefault();
      latest.current(command);
    };
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, []);
}
