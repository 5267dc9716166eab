/**
 * CodeMirror decorations for the lab: inline errors and warnings at the reported line and column
 * (an underline plus the message under the line) and the per-task markers at the end of their lines. Both are
 * replaced wholesale through one effect whenever the view changes.
 */
import { RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import type { EditorState, Extension, Text } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';
import type { DecorationSet } from '@codemirror/view';
import type { SourceProblem } from '../../worker/protocol.ts';
import type { LineMarker } from './task-markers.ts';
import { problemText } from './problem-text.ts';

export interface Annotations {
  readonly problems: readonly SourceProblem[];
  readonly markers: ReadonlyMap<number, readonly LineMarker[]>;
  /** A line to highlight (revealed from the diagnostics list), 0 for none. */
  readonly highlight: number;
}

export const setAnnotations = StateEffect.define<Annotations>();

class MarkersWidget extends WidgetType {
  constructor(private readonly markers: readonly LineMarker[]) {
    super();
  }
  override eq(other: MarkersWidget): boolean {
    return (
      other.markers.length === this.markers.length && other.markers.every((m, i) => m.text === this.markers[i].text)
    );
  }
  toDOM(): HTMLElement {
    const box = document.createElement('span');
    box.className = 'cm-task-markers';
    for (const m of this.markers) {
      const el = document.createElement('span');
      el.className = `cm-task-marker cm-task-${m.lifecycle}`;
      el.textContent = m.text;
      el.title = m.label;
      el.setAttribute('aria-label', m.label);
      if (m.task >= 0) el.dataset.task = String(m.task);
      box.appendChild(el);
    }
    return box;
  }
}

class ProblemWidget extends WidgetType {
  constructor(
    private readonly text: string,
    private readonly warning: boolean,
  ) {
    super();
  }
  override eq(other: ProblemWidget): boolean {
    return other.text === this.text && other.warning === this.warning;
  }
  toDOM(): HTMLElement {
    const el = document.createElement('div');
    el.className = this.warning ? 'cm-problem-message cm-warning-message' : 'cm-problem-message';
    // A warning does not stop the run: announced politely, not as an alert.
    el.setAttribute('role', this.warning ? 'status' : 'alert');
    el.textContent = this.text;
    return el;
  }
}

function clampLine(doc: Text, line: number): number {
  return Math.min(Math.max(1, line), doc.lines);
}

/** The document range a problem points at (at least one character where the line has one). */
export function problemRange(doc: Text, p: SourceProblem): { from: number; to: number } {
  const line = doc.line(clampLine(doc, p.line));
  const from = line.from + Math.min(Math.max(0, p.col - 1), line.length);
  let to = from;
  if (p.endLine !== undefined && p.endCol !== undefined && p.endLine >= p.line) {
    const end = doc.line(clampLine(doc, p.endLine));
    to = Math.min(end.from + Math.max(0, p.endCol - 1), end.to);
  }
  if (to <= from) to = Math.min(line.to, from + 1);
  return { from, to: Math.max(from, to) };
}

function build(state: EditorState, a: Annotations): DecorationSet {
  const doc = state.doc;
  type Item = { from: number; to: number; deco: Decoration };
  const items: Item[] = [];
  for (const p of a.problems) {
    if (p.line <= 0) continue;
    const r = problemRange(doc, p);
    const warning = p.severity === 'warning';
    const mark = warning ? 'cm-warning' : 'cm-problem';
    if (r.to > r.from) items.push({ ...r, deco: Decoration.mark({ class: mark }) });
    const line = doc.line(clampLine(doc, p.line));
    items.push({ from: line.from, to: line.from, deco: Decoration.line({ class: `${mark}-line` }) });
    items.push({
      from: line.to,
      to: line.to,
      deco: Decoration.widget({ widget: new ProblemWidget(problemText(p), warning), block: true, side: 1 }),
    });
  }
  for (const [n, markers] of a.markers) {
    if (n > doc.lines) continue;
    const line = doc.line(n);
    items.push({ from: line.from, to: line.from, deco: Decoration.line({ class: 'cm-task-line' }) });
    items.push({
      from: line.to,
      to: line.to,
      deco: Decoration.widget({ widget: new MarkersWidget(markers), side: 2 }),
    });
  }
  if (a.highlight > 0 && a.highlight <= doc.lines) {
    const line = doc.line(a.highlight);
    items.push({ from: line.from, to: line.from, deco: Decoration.line({ class: 'cm-revealed-line' }) });
  }
  items.sort((x, y) => x.from - y.from || x.deco.startSide - y.deco.startSide);
  const builder = new RangeSetBuilder<Decoration>();
  for (const it of items) builder.add(it.from, it.to, it.deco);
  return builder.finish();
}

const EMPTY: Annotations = { problems: [], markers: new Map(), highlight: 0 };

const annotationsField = StateField.define<{ a: Annotations; decos: DecorationSet }>({
  create: (state) => ({ a: EMPTY, decos: build(state, EMPTY) }),
  update(value, tr) {
    let a = value.a;
    for (const e of tr.effects) if (e.is(setAnnotations)) a = e.value;
    // Edits invalidate places: problems belong to the text that was run.
    if (tr.docChanged) a = { ...a, problems: [] };
    if (a === value.a && !tr.docChanged) return value;
    return { a, decos: build(tr.state, a) };
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.decos),
});

export function annotations(): Extension {
  return annotationsField;
}
