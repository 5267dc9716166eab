/**
 * The line the run is at, highlighted in the editor: a bar at the left edge and a tint, so it is
 * told apart from lines that merely hold suspended tasks (`cm-task-line`) by shape, not only
 * colour. It follows every statement event the playback position passes (task-markers.ts
 * `currentLine`), and it is kept apart from the other decorations so the two change independently.
 */
import { RangeSet, StateEffect, StateField } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';
import type { DecorationSet } from '@codemirror/view';

/** The 1-based line the run is at; 0 for none. */
export const setRunLine = StateEffect.define<number>();

const RUN_LINE = Decoration.line({ class: 'cm-run-line', attributes: { 'data-run-line': 'true' } });

export function runLineHighlight(): Extension {
  return StateField.define<{ readonly line: number; readonly decos: DecorationSet }>({
    create: () => ({ line: 0, decos: Decoration.none }),
    update(value, tr) {
      let line = value.line;
      for (const e of tr.effects) if (e.is(setRunLine)) line = e.value;
      if (line === value.line && !tr.docChanged) return value;
      const doc = tr.state.doc;
      const decos =
        line >= 1 && line <= doc.lines ? RangeSet.of([RUN_LINE.range(doc.line(line).from)]) : Decoration.none;
      return { line, decos };
    },
    provide: (f) => EditorView.decorations.from(f, (v) => v.decos),
  });
}
