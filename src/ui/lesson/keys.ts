/**
 * The course's keyboard (issue 6 "Classroom"): the keys teachers know from slide tools, plus
 * the lab's play/step keys that do not clash with them. One table, read by the handler and the
 * help, so the two cannot disagree.
 */

export type DeckCommand =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'overview'
  | 'blank'
  | 'fullscreen'
  | 'presenter'
  | 'escape'
  | 'open'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset'
  | 'projector'
  | 'play'
  | 'step'
  | 'step-back'
  | 'console'
  | 'help';

export interface DeckKey {
  readonly keys: readonly string[];
  readonly display: string;
  readonly description: string;
  readonly command: DeckCommand;
}

export const DECK_KEYS: readonly DeckKey[] = [
  {
    keys: ['ArrowRight', 'PageDown', 'ArrowDown'],
    display: '→ / PageDown',
    description: 'Next slide',
    command: 'next',
  },
  { keys: ['ArrowLeft', 'PageUp', 'ArrowUp'], display: '← / PageUp', description: 'Previous slide', command: 'prev' },
  { keys: ['Home'], display: 'Home', description: 'First slide', command: 'first' },
  { keys: ['End'], display: 'End', description: 'Last slide', command: 'last' },
  { keys: ['o'], display: 'O', description: 'Overview of all slides', command: 'overview' },
  { keys: ['b', '.'], display: 'B', description: 'Blank the screen', command: 'blank' },
  { keys: ['f'], display: 'F', description: 'Fullscreen', command: 'fullscreen' },
  { keys: ['p'], display: 'P', description: 'Open the presenter window', command: 'presenter' },
  { keys: ['t'], display: 'T', description: 'Projector theme on or off', command: 'projector' },
  { keys: ['+', '='], display: '+', description: 'Zoom in', command: 'zoom-in' },
  { keys: ['-'], display: '−', description: 'Zoom out', command: 'zoom-out' },
  { keys: ['0'], display: '0', description: 'Reset zoom', command: 'zoom-reset' },
  { keys: [' '], display: 'Space', description: 'Play or pause the lab', command: 'play' },
  { keys: ['s'], display: 'S', description: 'Step the lab forward', command: 'step' },
  { keys: ['a'], display: 'A', description: 'Step the lab back', command: 'step-back' },
  { keys: ['c'], display: 'C', description: 'Open or close the console', command: 'console' },
  { keys: ['Enter'], display: 'Enter', description: 'Open the slide chosen in the overview', command: 'open' },
  { keys: ['Escape'], display: 'Esc', description: 'Leave the overview, blank screen or help', command: 'escape' },
  { keys: ['?'], display: '?', description: 'Show these keys', command: 'help' },
];

export interface DeckKeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** Focus is in the editor, a text field, or a button/link that Enter and Space activate. */
  readonly typing: boolean;
  readonly onControl: boolean;
  /** Focus is on a quiz choice (a radio): its arrow keys move between choices, never slides. */
  readonly onChoice?: boolean;
}

export function deckCommandFor(press: DeckKeyPress): DeckCommand | undefined {
  if (press.altKey || press.ctrlKey || press.metaKey) return undefined;
  if (press.typing) return press.key === 'Escape' ? 'escape' : undefined;
  if (press.onChoice === true && press.key.startsWith('Arrow')) return undefined;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const found = DECK_KEYS.find((k) => k.keys.includes(key) || k.keys.includes(press.key));
  // Enter and Space belong to a focused button, link or choice.
  if (press.onControl && (found?.command === 'open' || found?.command === 'play')) return undefined;
  return found?.command;
}

export const MIN_ZOOM = 0.6;
export const MAX_ZOOM = 2;

export function zoomed(zoom: number, command: 'zoom-in' | 'zoom-out' | 'zoom-reset'): number {
  if (command === 'zoom-reset') return 1;
  const next = Math.round((zoom + (command === 'zoom-in' ? 0.1 : -0.1)) * 10) / 10;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, next));
}
