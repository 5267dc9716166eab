/**
 * The keyboard shortcuts (design.md §6: everything usable from the keyboard), as one table the
 * handler and the `?` help both read, so the help can never disagree with the keys.
 */
import type { PlaybackAction } from '../controls/playback-actions.ts';

export type ShortcutAction = PlaybackAction | 'run' | 'help' | 'close' | 'pick' | 'scheduler' | 'explore';

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it. */
  readonly keys: readonly string[];
  /** Needs Ctrl (or ⌘ on a Mac). */
  readonly mod?: boolean;
  /** How the help shows the keys. */
  readonly display: string;
  readonly description: string;
  readonly action: ShortcutAction;
  /** Also works while typing in the editor or a field. */
  readonly whileTyping?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [' '], display: 'Space', description: 'Play or pause', action: 'toggle' },
  { keys: ['ArrowRight'], display: '→', description: 'Step forward', action: 'step' },
  { keys: ['ArrowLeft'], display: '←', description: 'Step back', action: 'back' },
  { keys: ['Home'], display: 'Home', description: 'Back to the start', action: 'start' },
  { keys: ['End'], display: 'End', description: 'To the end of the run', action: 'end' },
  { keys: [']', '+'], display: ']', description: 'Faster', action: 'faster' },
  { keys: ['[', '-'], display: '[', description: 'Slower', action: 'slower' },
  { keys: ['s'], display: 'S', description: 'Run to the next spawn', action: { runTo: 'spawn' } },
  { keys: ['w'], display: 'W', description: 'Run to the next wake-up', action: { runTo: 'wake' } },
  { keys: ['c'], display: 'C', description: 'Run to the next completion', action: { runTo: 'complete' } },
  { keys: ['a'], display: 'A', description: 'Run to the next abort', action: { runTo: 'abort' } },
  {
    keys: ['Enter'],
    mod: true,
    display: 'Ctrl+Enter',
    description: 'Run the edited program',
    action: 'run',
    whileTyping: true,
  },
  { keys: ['y'], display: 'Y', description: 'You are the scheduler: on or off', action: 'scheduler' },
  {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    display: '1–9',
    description: 'You are the scheduler: take option N',
    action: 'pick',
  },
  { keys: ['x'], display: 'X', description: 'Open or close the explore panel', action: 'explore' },
  { keys: ['?'], display: '?', description: 'Show these shortcuts', action: 'help' },
  { keys: ['Escape'], display: 'Esc', description: 'Close this help', action: 'close', whileTyping: true },
];

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** The focus is in a text field or the editor. */
  readonly typing: boolean;
}

/** The shortcut a key press triggers, if any. */
export function shortcutFor(press: KeyPress): Shortcut | undefined {
  if (press.altKey) return undefined;
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return SHORTCUTS.find(
    (s) =>
      s.keys.some((k) => k === key || k === press.key) &&
      (s.mod === true) === mod &&
      (!press.typing || s.whileTyping === true),
  );
}

/** Whether keys typed at `el` are text (so plain-key shortcuts must leave them alone). */
export function isTypingTarget(el: Element | null): boolean {
  if (el === null) return false;
  if (el.closest('.cm-editor') !== null) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return type !== 'range' && type !== 'button' && type !== 'checkbox' && type !== 'radio';
  }
  return (el as HTMLElement).isContentEditable;
}
