/**
 * Line breakpoints in the editor's gutter (design.md §6): a click on the gutter toggles a
 * breakpoint on that line; playback stops when the run reaches a marked line. The run can stop
 * only where its trace has a stop — a task's poll starting there, or a task reaching an `.await`
 * there — so the gutter says which lines those are: a faint dot on each line the run stops at,
 * a solid ◆ for a breakpoint it will hit, and a hollow ◇ (with a title saying why) for one on a
 * line it never stops at. The breakpoints live in the playback machine and the stop lines come
 * from the run; the gutter shows what it is given through `setBreakpoints` and `setStopLines`.
 */
import { RangeSet, StateEffect, StateField } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { GutterMarker, gutter } from '@codemirror/view';

export const setBreakpoints = StateEffect.define<readonly number[]>();
/** The lines the current run can stop at; undefined while no run is known (nothing is judged). */
export const setStopLines = StateEffect.define<ReadonlySet<number> | undefined>();

type Kind = 'hit' | 'miss' | 'unknown' | 'stop' | 'spacer';

const LOOK: Readonly<Record<Kind, { readonly glyph: string; readonly title: string }>> = {
  hit: { glyph: '◆', title: 'Breakpoint: the run stops here (click to remove)' },
  miss: {
    glyph: '◇',
    title:
      'Breakpoint on a line the run never stops at: it stops where a poll starts or a task reaches ' +
      'an .await (click to remove)',
  },
  unknown: { glyph: '◆', title: 'Breakpoint (click to remove)' },
  stop: { glyph: '·', title: 'The run stops on this line: click to set a breakpoint' },
  spacer: { glyph: '◆', title: '' },
};

class BreakpointMarker extends GutterMarker {
  constructor(readonly kind: Kind) {
    super();
  }
  override eq(other: BreakpointMarker): boolean {
    return other.kind === this.kind;
  }
  override toDOM(): Node {
    const el = document.createElement('span');
    el.className = this.kind === 'spacer' ? 'cm-breakpoint-spacer' : `cm-breakpoint cm-breakpoint-${this.kind}`;
    if (this.kind === 'stop') el.className = 'cm-stop-line';
    el.textContent = LOOK[this.kind].glyph;
    if (this.kind !== 'spacer') el.title = LOOK[this.kind].title;
    return el;
  }
}

const MARKERS: Readonly<Record<Kind, BreakpointMarker>> = {
  hit: new BreakpointMarker('hit'),
  miss: new BreakpointMarker('miss'),
  unknown: new BreakpointMarker('unknown'),
  stop: new BreakpointMarker('stop'),
  spacer: new BreakpointMarker('spacer'),
};

/** What the gutter shows on each line: breakpoints judged against the run's stop lines. */
export function gutterKinds(
  breakpoints: readonly number[],
  stops: ReadonlySet<number> | undefined,
  lines: number,
): Map<number, Exclude<Kind, 'spacer'>> {
  const out = new Map<number, Exclude<Kind, 'spacer'>>();
  for (const l of stops ?? []) if (l >= 1 && l <= lines) out.set(l, 'stop');
  for (const l of breakpoints) {
    if (l < 1 || l > lines) continue;
    out.set(l, stops === undefined ? 'unknown' : stops.has(l) ? 'hit' : 'miss');
  }
  return out;
}

const breakpointField = StateField.define<{
  readonly lines: readonly number[];
  readonly stops: ReadonlySet<number> | undefined;
}>({
  create: () => ({ lines: [], stops: undefined }),
  update(value, tr) {
    let next = value;
    for (const e of tr.effects) {
      if (e.is(setBreakpoints)) next = { ...next, lines: e.value };
      if (e.is(setStopLines)) next = { ...next, stops: e.value };
    }
    return next;
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
        const { lines, stops } = view.state.field(breakpointField);
        const kinds = [...gutterKinds(lines, stops, doc.lines)].sort((a, b) => a[0] - b[0]);
        return RangeSet.of(
          kinds.map(([l, kind]) => MARKERS[kind].range(doc.line(l).from)),
          true,
        );
      },
      initialSpacer: () => MARKERS.spacer,
      domEventHandlers: {
        mousedown: (view, block) => {
          onToggle(view.state.doc.lineAt(block.from).number);
          return true;
        },
      },
    }),
  ];
}
