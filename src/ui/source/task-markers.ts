/**
 * Per-task markers in the source (design.md §6): each live task, and block_on's main future, is
 * marked on the line it is running or suspended at, with its lifecycle glyph so colour is never
 * the only signal. Pure: the editor turns these into decorations.
 */
import type { Lifecycle, ViewState } from '../../store/index.ts';
import { LIFECYCLE_GLYPH, LIFECYCLE_WORD } from '../views/shared/glyphs.ts';

export interface LineMarker {
  /** 0 for the main future. */
  readonly task: number;
  readonly lifecycle: Lifecycle | 'main';
  readonly text: string;
  readonly label: string;
}

/** Tasks past these states no longer sit at a line of their own. */
const GONE: ReadonlySet<Lifecycle> = new Set(['complete', 'cancelled', 'panicked', 'joined', 'released']);

/** Markers by line, each line's in task order (the main future first). */
export function markersByLine(view: ViewState, selected?: number): Map<number, LineMarker[]> {
  const out = new Map<number, LineMarker[]>();
  const add = (line: number, m: LineMarker) => {
    if (line <= 0) return;
    const list = out.get(line);
    if (list === undefined) out.set(line, [m]);
    else list.push(m);
  };
  const main = view.main;
  if (main.polls > 0 || main.line > 0) {
    const state = main.polling ? 'running' : 'waiting';
    add(main.line, {
      task: 0,
      lifecycle: 'main',
      text: `${main.polling ? '▶' : '‖'}main`,
      label: `main future, ${state}`,
    });
  }
  view.tasks.forEach((t) => {
    if (GONE.has(t.lifecycle) && t.id !== selected) return;
    add(t.line, {
      task: t.id,
      lifecycle: t.lifecycle,
      text: `${LIFECYCLE_GLYPH[t.lifecycle]}${t.id}`,
      label: `task ${t.id}, ${LIFECYCLE_WORD[t.lifecycle]}`,
    });
  });
  return out;
}

/**
 * The line the run is at (the editor keeps it in view): the running task's line, else the main
 * future's; 0 before anything has run.
 */
export function currentLine(view: ViewState): number {
  let running = 0;
  view.tasks.forEach((t) => {
    if (running === 0 && t.lifecycle === 'running' && t.line > 0) running = t.line;
  });
  if (running > 0) return running;
  return view.main.polls > 0 || view.main.line > 0 ? view.main.line : 0;
}
