/**
 * Per-task markers in the source (design.md §6): each live task, and block_on's main future, is
 * marked on the line it is running or suspended at, with its lifecycle glyph so colour is never
 * the only signal. A line holding more than MAX_MARKERS_PER_LINE tasks shows the first ones (and
 * the selected task) and one marker counting the rest by state, so 10,000 tasks suspended on one
 * line cost a handful of elements, not 10,000. Pure: the editor turns these into decorations.
 */
import type { Lifecycle, ViewState } from '../../store/index.ts';
import { LIFECYCLE_GLYPH, LIFECYCLE_WORD } from '../views/shared/glyphs.ts';

/** Tasks marked one by one on a line; the rest are counted in one marker. */
export const MAX_MARKERS_PER_LINE = 6;

export interface LineMarker {
  /** 0 for the main future, -1 for the marker that counts a line's other tasks. */
  readonly task: number;
  readonly lifecycle: Lifecycle | 'main' | 'more';
  readonly text: string;
  readonly label: string;
}

/** Tasks past these states no longer sit at a line of their own. */
const GONE: ReadonlySet<Lifecycle> = new Set(['complete', 'cancelled', 'panicked', 'joined', 'released']);

/** The marker for `counts` tasks not shown one by one on a line. */
function moreMarker(counts: ReadonlyMap<Lifecycle, number>): LineMarker {
  let n = 0;
  for (const c of counts.values()) n += c;
  const parts = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([l, c]) => `${c.toLocaleString('en')} ${LIFECYCLE_WORD[l]}`);
  return {
    task: -1,
    lifecycle: 'more',
    text: `+${n.toLocaleString('en')}`,
    label: `${n.toLocaleString('en')} more tasks on this line: ${parts.join(', ')}`,
  };
}

/** Markers by line, each line's in task order (the main future first, a count of the rest last). */
export function markersByLine(view: ViewState, selected?: number): Map<number, LineMarker[]> {
  const out = new Map<number, LineMarker[]>();
  const more = new Map<number, Map<Lifecycle, number>>();
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
    if (t.line <= 0 || (GONE.has(t.lifecycle) && t.id !== selected)) return;
    if ((out.get(t.line)?.length ?? 0) >= MAX_MARKERS_PER_LINE && t.id !== selected) {
      let counts = more.get(t.line);
      if (counts === undefined) more.set(t.line, (counts = new Map<Lifecycle, number>()));
      counts.set(t.lifecycle, (counts.get(t.lifecycle) ?? 0) + 1);
      return;
    }
    add(t.line, {
      task: t.id,
      lifecycle: t.lifecycle,
      text: `${LIFECYCLE_GLYPH[t.lifecycle]}${t.id}`,
      label: `task ${t.id}, ${LIFECYCLE_WORD[t.lifecycle]}`,
    });
  });
  for (const [line, counts] of more) add(line, moreMarker(counts));
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

/** Whether two marker maps draw the same (same lines, same markers in the same order). */
export function sameMarkers(
  a: ReadonlyMap<number, readonly LineMarker[]>,
  b: ReadonlyMap<number, readonly LineMarker[]>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [line, list] of a) {
    const other = b.get(line);
    if (other === undefined || other.length !== list.length) return false;
    for (let i = 0; i < list.length; i++) {
      const m = list[i];
      const o = other[i];
      if (m.task !== o.task || m.lifecycle !== o.lifecycle || m.text !== o.text || m.label !== o.label) return false;
    }
  }
  return true;
}
