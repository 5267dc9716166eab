/**
 * The one key map of the course and the lab (issue 11), as a table that the handlers, the `?`
 * help and the buttons' hints all read, so none of them can disagree with the keys.
 *
 * The slide keys follow Slidev's defaults (sli.dev/guide/ui): Space and → go forward, ← goes
 * back, ↓/↑ go to the next/previous slide, `o` overview, `d` the other theme (Slidev's dark-mode
 * key), `f` fullscreen, `g` go to a slide, Home/End the first/last slide. A slide has no click
 * animations, so "next animation or slide" is the next slide. In the lab there are no slides,
 * and the same keys keep their sense of forward and back: Space and → step forward, ← steps
 * back, Home/End go to the run's start and end. The run keys (play, step, speed, stop, run to
 * the next event) are the same in both and clash with no slide key: `k` play/pause and `.`/`,`
 * step as video players do, `[`/`]` speed, and `n` the next statement as in gdb.
 *
 * Each row binds its keys to what they do in each scope; a row without a binding for a scope is
 * inactive (and hidden from the help) there. To add a key, add a row.
 */
import type { PlaybackAction } from '../controls/playback-actions.ts';

export type ShortcutScope = 'course' | 'lab';

/** What only a deck of slides does. */
export type SlideCommand =
  | 'next-slide'
  | 'prev-slide'
  | 'first-slide'
  | 'last-slide'
  | 'overview'
  | 'goto'
  | 'theme'
  | 'presenter'
  | 'blank'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset'
  | 'console'
  | 'open';

/** What the lab's run does, in the lab or beside a slide. */
export type RunCommand = PlaybackAction | 'run';

/** What only the lab does: the schedule explorer and "you are the scheduler". */
export type LabCommand = 'pick' | 'scheduler' | 'explore';

export type ShortcutCommand = SlideCommand | RunCommand | LabCommand | 'fullscreen' | 'help' | 'escape';

export interface Binding<C extends ShortcutCommand = ShortcutCommand> {
  readonly command: C;
  readonly description: string;
}

export type ShortcutGroup = 'Slides' | 'Run' | 'Screen';

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it (letters in lower case; Shift is ignored). */
  readonly keys: readonly string[];
  /** Needs Ctrl (or ⌘ on a Mac). */
  readonly mod?: boolean;
  /** How the help shows the keys. */
  readonly display: string;
  readonly group: ShortcutGroup;
  readonly course?: Binding<Exclude<ShortcutCommand, 'run' | LabCommand>>;
  readonly lab?: Binding<RunCommand | LabCommand | 'fullscreen' | 'help' | 'escape'>;
  /** Also works while typing in the editor or a field. */
  readonly whileTyping?: boolean;
}

const both = <C extends RunCommand | 'fullscreen' | 'help' | 'escape'>(command: C, description: string) => {
  const b = { command, description };
  return { course: b as Binding<Exclude<C, 'run'>>, lab: b };
};

export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: [' ', 'ArrowRight'],
    display: 'Space / →',
    group: 'Slides',
    course: { command: 'next-slide', description: 'Next slide' },
    lab: { command: 'step', description: 'Step forward' },
  },
  {
    keys: ['ArrowLeft'],
    display: '←',
    group: 'Slides',
    course: { command: 'prev-slide', description: 'Previous slide' },
    lab: { command: 'back', description: 'Step back' },
  },
  {
    keys: ['ArrowDown', 'PageDown'],
    display: '↓ / PageDown',
    group: 'Slides',
    course: { command: 'next-slide', description: 'Next slide' },
  },
  {
    keys: ['ArrowUp', 'PageUp'],
    display: '↑ / PageUp',
    group: 'Slides',
    course: { command: 'prev-slide', description: 'Previous slide' },
  },
  {
    keys: ['Home'],
    display: 'Home',
    group: 'Slides',
    course: { command: 'first-slide', description: 'First slide' },
    lab: { command: 'start', description: 'Back to the start of the run' },
  },
  {
    keys: ['End'],
    display: 'End',
    group: 'Slides',
    course: { command: 'last-slide', description: 'Last slide' },
    lab: { command: 'end', description: 'To the end of the run' },
  },
  { keys: ['g'], display: 'G', group: 'Slides', course: { command: 'goto', description: 'Go to a slide by number' } },
  {
    keys: ['o'],
    display: 'O',
    group: 'Slides',
    course: { command: 'overview', description: 'Overview of all slides' },
  },
  {
    keys: ['Enter'],
    display: 'Enter',
    group: 'Slides',
    course: { command: 'open', description: 'Open the slide chosen in the overview' },
  },
  { keys: ['k'], display: 'K', group: 'Run', ...both('toggle', 'Play or pause the run') },
  { keys: ['.'], display: '.', group: 'Run', ...both('step', 'Step the run forward') },
  { keys: [','], display: ',', group: 'Run', ...both('back', 'Step the run back') },
  {
    keys: ['n'],
    display: 'N',
    group: 'Run',
    ...both('statement', 'Next statement of the current task (into the functions it calls)'),
  },
  { keys: [']'], display: ']', group: 'Run', ...both('faster', 'Faster') },
  { keys: ['['], display: '[', group: 'Run', ...both('slower', 'Slower') },
  { keys: ['x'], display: 'X', group: 'Run', ...both('start', 'Stop: rewind the run to step 0 and pause') },
  { keys: ['s'], display: 'S', group: 'Run', ...both({ runTo: 'spawn' }, 'Run to the next spawn') },
  { keys: ['w'], display: 'W', group: 'Run', ...both({ runTo: 'wake' }, 'Run to the next wake-up') },
  { keys: ['e'], display: 'E', group: 'Run', ...both({ runTo: 'complete' }, 'Run to the next task end') },
  { keys: ['a'], display: 'A', group: 'Run', ...both({ runTo: 'abort' }, 'Run to the next abort') },
  {
    keys: ['i'],
    display: 'I',
    group: 'Run',
    ...both('ctrl-c', 'Ctrl-C: interrupt the program (SIGINT) right after the step on show'),
  },
  {
    keys: ['Enter'],
    mod: true,
    display: 'Ctrl+Enter',
    group: 'Run',
    lab: { command: 'run', description: 'Run the edited program' },
    whileTyping: true,
  },
  {
    keys: ['c'],
    display: 'C',
    group: 'Screen',
    course: { command: 'console', description: 'Open or close the console' },
  },
  {
    keys: ['d', 't'],
    display: 'D',
    group: 'Screen',
    course: { command: 'theme', description: 'Projector theme on or off' },
  },
  { keys: ['f'], display: 'F', group: 'Screen', ...both('fullscreen', 'Fullscreen') },
  {
    keys: ['p'],
    display: 'P',
    group: 'Screen',
    course: { command: 'presenter', description: 'Open the presenter window' },
  },
  { keys: ['b'], display: 'B', group: 'Screen', course: { command: 'blank', description: 'Blank the screen' } },
  { keys: ['+', '='], display: '+', group: 'Screen', course: { command: 'zoom-in', description: 'Zoom in' } },
  { keys: ['-'], display: '−', group: 'Screen', course: { command: 'zoom-out', description: 'Zoom out' } },
  { keys: ['0'], display: '0', group: 'Screen', course: { command: 'zoom-reset', description: 'Reset zoom' } },
  {
    keys: ['y'],
    display: 'Y',
    group: 'Run',
    lab: { command: 'scheduler', description: 'You are the scheduler: on or off' },
  },
  {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    display: '1–9',
    group: 'Run',
    lab: { command: 'pick', description: 'You are the scheduler: take option N' },
  },
  {
    keys: ['r'],
    display: 'R',
    group: 'Run',
    lab: { command: 'explore', description: 'Explore: open or close the panel that runs many schedules' },
  },
  { keys: ['?'], display: '?', group: 'Screen', ...both('help', 'Show these keys') },
  {
    keys: ['Escape'],
    display: 'Esc',
    group: 'Screen',
    ...both('escape', 'Close the help, overview, go-to box or blank screen'),
    whileTyping: true,
  },
];

/** A key press, with what the focus is on. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** The focus is in the editor or a text field: keys are text. */
  readonly typing: boolean;
  /** The focus is on a button, link or choice, which Space and Enter activate. */
  readonly onControl?: boolean;
  /** The focus is on a quiz choice (a radio): its arrows move between choices. */
  readonly onChoice?: boolean;
  /** The focus is on a slider (the seek bar): its arrows, Home, End and Page keys move it. */
  readonly onSlider?: boolean;
}

function keyOf(press: KeyPress): string {
  return press.key.length === 1 ? press.key.toLowerCase() : press.key;
}

/** Whether the focused element owns this key, whatever the table says. */
function ownedByFocus(press: KeyPress): boolean {
  const k = press.key;
  if (press.onControl === true && (k === ' ' || k === 'Enter')) return true;
  if (press.onChoice === true && k.startsWith('Arrow')) return true;
  if (press.onSlider === true && (k.startsWith('Arrow') || k.startsWith('Page') || k === 'Home' || k === 'End'))
    return true;
  return false;
}

/** The row a key press triggers in `scope`, if any. */
export function shortcutFor(scope: ShortcutScope, press: KeyPress): Shortcut | undefined {
  if (press.altKey) return undefined;
  if (ownedByFocus(press)) return undefined;
  const mod = press.ctrlKey || press.metaKey;
  const key = keyOf(press);
  return SHORTCUTS.find(
    (s) =>
      s[scope] !== undefined &&
      s.keys.some((k) => k === key || k === press.key) &&
      (s.mod === true) === mod &&
      (!press.typing || s.whileTyping === true),
  );
}

/** What a key press does in `scope`, if anything. */
export function bindingFor<S extends ShortcutScope>(scope: S, press: KeyPress): Shortcut[S] | undefined {
  return shortcutFor(scope, press)?.[scope];
}

/** The help's rows for `scope`, in table order, grouped. */
export function helpRows(
  scope: ShortcutScope,
): readonly { readonly group: ShortcutGroup; readonly display: string; readonly description: string }[] {
  return SHORTCUTS.flatMap((s) => {
    const b = s[scope];
    return b === undefined ? [] : [{ group: s.group, display: s.display, description: b.description }];
  });
}

const sameCommand = (a: ShortcutCommand, b: ShortcutCommand): boolean =>
  typeof a === 'object' && typeof b === 'object' ? a.runTo === b.runTo : a === b;

/** The keys that give `command` in `scope`, as a hint for a button's title ("→ or ."). */
export function keyHint(scope: ShortcutScope, command: ShortcutCommand): string {
  return SHORTCUTS.filter((s) => {
    const b = s[scope];
    return b !== undefined && sameCommand(b.command, command);
  })
    .map((s) => s.display)
    .join(' or ');
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

/** The key press of a keyboard event, with what the focus is on. */
export function pressOf(e: KeyboardEvent, focus: Element | null): KeyPress {
  return {
    key: e.key,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    typing: isTypingTarget(focus),
    onControl:
      focus?.closest('button, a[href], summary, input[type="radio"], input[type="checkbox"], dialog, select') != null,
    onChoice: focus?.closest('input[type="radio"], [role="radio"], [role="radiogroup"]') != null,
    onSlider: focus instanceof HTMLInputElement && focus.type === 'range',
  };
}
