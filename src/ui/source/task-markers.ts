/**
 * Per-task markers in the source (design.md §6): each live task, and block_on's main future, is
 * marked on the line it is running or suspended at, with its lifecycle glyph so colour is never
 * the only signal. A line holding more than MAX_MARKERS_PER_LINE tasks shows the first ones (and
 * the selected task) and one marker counting the rest by state, so 10,000 tasks suspended on one
 * line cost a handful of elements, not 10,000. Pure: the editor turns these into decorations.
 */
import { LIVE_LIFECYCLES, liveOnLine } from '../../store/index.ts';
import type { Lifecycle, TaskView, ViewState } from '../../store/index.ts';
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

/** The marker for a line's tasks not shown one by one, counted by lifecycle. */
export function moreMarker(counts: ReadonlyMap<Lifecycle, number>): LineMarker {
  let n = 0;
  for (const c of counts.values()) n += c;
  const parts = [...counts]
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1] || LIVE_LIFECYCLES.indexOf(a[0]) - LIVE_LIFECYCLES.indexOf(b[0]))
    .map(([l, c]) => `${c.toLocaleString('en')} ${LIFECYCLE_WORD[l]}`);
  return {
    task: -1,
    lifecycle: 'more',
    text: `+${n.toLocaleString('en')}`,
    label: `${n.toLocaleString('en')} more tasks on this line: ${parts.join(', ')}`,
  };
}

export function taskMarker(t: TaskView): LineMarker {
  return {
    task: t.id,
    lifecycle: t.lifecycle,
    text: `${LIFECYCLE_GLYPH[t.lifecycle]}${t.id}`,
    label: `task ${t.id}, ${LIFECYCLE_WORD[t.lifecycle]}`,
  };
}

export function mainMarker(view: ViewState): LineMarker | undefined {
  const main = view.main;
  if (main.polls === 0 && main.line <= 0) return undefined;
  return {
    task: 0,
    lifecycle: 'main',
    text: `${main.polling ? '▶' : '‖'}main`,
    label: `main future, ${main.polling ? 'running' : 'waiting'}`,
  };
}

/**
 * One line's markers: the main future if it is there, then its live tasks in id order while
 * fewer than MAX_MARKERS_PER_LINE markers are drawn (the selected task always, even finished),
 * then one marker counting the rest by lifecycle. Reads the fold's per-line index, so a line
 * holding 39,000 tasks costs a few lookups.
 */
function lineMarkers(view: ViewState, line: number, withMain: boolean, selected: TaskView | undefined): LineMarker[] {
  const out: LineMarker[] = [];
  const main = withMain ? mainMarker(view) : undefined;
  if (main !== undefined) out.push(main);
  const ids = view.index.byLine.get(line)?.lowest(MAX_MARKERS_PER_LINE) ?? [];
  if (selected !== undefined && !ids.includes(selected.id)) {
    ids.push(selected.id);
    ids.sort((a, b) => a - b);
  }
  const shown = new Map<Lifecycle, number>();
  for (const id of ids) {
    if (out.length >= MAX_MARKERS_PER_LINE && id !== selected?.id) continue;
    const t = view.tasks.get(id);
    if (t === undefined) continue;
    out.push(taskMarker(t));
    shown.set(t.lifecycle, (shown.get(t.lifecycle) ?? 0) + 1);
  }
  const rest = new Map<Lifecycle, number>();
  let hidden = 0;
  for (const l of LIVE_LIFECYCLES) {
    const n = liveOnLine(view.index, line, l) - (shown.get(l) ?? 0);
    if (n > 0) rest.set(l, n);
    hidden += Math.max(0, n);
  }
  if (hidden > 0) out.push(moreMarker(rest));
  return out;
}

/** Markers by line, each line's in task order (the main future first, a count of the rest last). */
export function markersByLine(view: ViewState, selected?: number): Map<number, LineMarker[]> {
  const out = new Map<number, LineMarker[]>();
  const sel = selected === undefined ? undefined : view.tasks.get(selected);
  const selLine = sel !== undefined && sel.line > 0 ? sel.line : 0;
  const mainLine = mainMarker(view) !== undefined && view.main.line > 0 ? view.main.line : 0;
  const lines: number[] = [];
  view.index.byLine.forEach((_, line) => lines.push(line));
  for (const extra of [mainLine, selLine]) if (extra > 0 && !lines.includes(extra)) lines.push(extra);
  for (const line of lines) {
    const list = lineMarkers(view, line, line === mainLine, line === selLine ? sel : undefined);
    if (list.length > 0) out.set(line, list);
  }
  return out;
}

/**
 * The line the run is at (the editor keeps it in view): the running task's line, else the main
 * future's; 0 before anything has run.
 */
export function currentLine(view: ViewState): number {
  for (const id of view.index.byLifecycle.running.lowest(Infinity)) {
    const line = view.tasks.get(id)?.line ?? 0;
    if (line > 0) return line;
  }
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
