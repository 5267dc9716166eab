/**
 * Line breakpoints in the editor's gutter (design.md §6): a click on a line number toggles a
 * breakpoint there; playback stops when a poll reaches a marked line. The breakpoints live in the
 * playback machine; the gutter shows what it is given through `setBreakpoints`.
 */
import { RangeSet, StateEffect, StateField } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { GutterMarker, gutter } from '@codemirror/view';

export const setBreakpoints = StateEffect.define<readonly number[]>();

class BreakpointMarker extends GutterMarker {
  /** The spacer only sizes the gutter; it is never shown. */
  constructor(private readonly spacer: boolean) {
    super();
  }
  override eq(other: BreakpointMarker): boolean {
    return other.spacer === this.spacer;
  }
  override toDOM(): Node {
    const el = document.createElement('span');
    el.className = this.spacer ? 'cm-breakpoint-spacer' : 'cm-breakpoint';
    el.textContent = '◆';
    if (!this.spacer) el.title = 'Breakpoint (click to remove)';
    return el;
  }
}

const MARKER = new BreakpointMarker(false);
const SPACER = new BreakpointMarker(true);

const breakpointField = StateField.define<readonly number[]>({
  create: () => [],
  update(lines, tr) {
    for (const e of tr.effects) if (e.is(setBreakpoints)) return e.value;
    return lines;
  },
});

/** The gutter; `onToggle` gets the 1-based line a learner clicked. */
export function breakpointGutter(onToggle: (line: number) => void): Extension {
  return [
    breakpointField,
    gutter({
      class: 'cm-breakpoint-gutter',
      markers: (view) => {
        const doc = view.state.doc;
        const lines = view.state.field(breakpointField).filter((l) => l >= 1 && l <= doc.lines);
        return RangeSet.of(
          lines.map((l) => MARKER.range(doc.line(l).from)),
          true,
        );
      },
      initialSpacer: () => SPACER,
      domEventHandlers: {
        mousedown: (view, block) => {
          onToggle(view.state.doc.lineAt(block.from).number);
          return true;
        },
      },
    }),
  ];
}
