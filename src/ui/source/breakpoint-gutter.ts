/**
 * Line breakpoints in the editor's gutter (design.md §6): a click on the gutter toggles a
 * breakpoint on that line; playback stops when the run reaches a marked line. The lab's runs record
 * where every statement starts (and where polls resume), so the run can stop on any line it
 * executes. The gutter says which lines those are: a faint dot on each line the run executed, a
 * solid ◆ for a breakpoint it will hit, and a hollow ◇ for one on a line it never executes, whose
 * title says why (a comment, a blank line, a closing brace, code the run never reached). The
 * breakpoints live in the playback machine and the stop lines come from the run; the gutter shows
 * what it is given through `setBreakpoints` and `setStopLines`.
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
  miss: { glyph: '◇', title: 'Breakpoint on a line the run never executes (click to remove)' },
  unknown: { glyph: '◆', title: 'Breakpoint (click to remove)' },
  stop: { glyph: '·', title: 'The run executes this line: click to set a breakpoint' },
  spacer: { glyph: '◆', title: '' },
};

/**
 * Why the run never stops on a line, read off its text: the ◇'s title. A line of code the run
 * did not reach is either not run at all or the middle of a statement that starts above.
 */
export function missReason(text: string): string {
  const t = text.trim();
  if (t === '') return 'a blank line holds no statement';
  if (/^(\/\/|\/\*|\*)/.test(t)) return 'a comment is not executed';
  if (/^[\])}]+[;,)]*$/.test(t)) return 'a closing brace runs nothing';
  if (/^#!?\[/.test(t)) return 'an attribute is not executed';
  if (/^(pub(\([^)]*\))?\s+)?(use|mod|struct|enum|trait|type|impl|const fn|async fn|fn)\b/.test(t))
    return 'a declaration is not executed (its statements are)';
  return 'the run never starts a statement here: this code did not run, or the line continues a statement that starts above';
}

class BreakpointMarker extends GutterMarker {
  constructor(
    readonly kind: Kind,
    readonly title: string = LOOK[kind].title,
  ) {
    super();
  }
  override eq(other: BreakpointMarker): boolean {
    return other.kind === this.kind && other.title === this.title;
  }
  override toDOM(): Node {
    const el = document.createElement('span');
    el.className = this.kind === 'spacer' ? 'cm-breakpoint-spacer' : `cm-breakpoint cm-breakpoint-${this.kind}`;
    if (this.kind === 'stop') el.className = 'cm-stop-line';
    el.textContent = LOOK[this.kind].glyph;
    if (this.kind !== 'spacer') el.title = this.title;
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

/** The ◇ for a breakpoint on a line the run never executes, titled with the reason. */
function missMarker(text: string): BreakpointMarker {
  return new BreakpointMarker(
    'miss',
    `Breakpoint on a line the run never executes: ${missReason(text)} (click to remove)`,
  );
}

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
          kinds.map(([l, kind]) => {
            const line = doc.line(l);
            return (kind === 'miss' ? missMarker(line.text) : MARKERS[kind]).range(line.from);
          }),
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
