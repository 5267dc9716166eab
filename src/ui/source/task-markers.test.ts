import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLabTimeline, INITIAL_VIEW_STATE, reduceView, traceBuilder } from '../../store/index.ts';
import type { Lifecycle, ViewState } from '../../store/index.ts';
import { traceArbitrary } from '../../store/view/trace-arbitrary.ts';
import {
  currentLine,
  mainMarker,
  markersByLine,
  MAX_MARKERS_PER_LINE,
  moreMarker,
  sameMarkers,
  taskMarker,
} from './task-markers.ts';
import type { LineMarker } from './task-markers.ts';
import { problemRange } from './editor-decorations.ts';
import { Text } from '@codemirror/state';

describe('markersByLine', () => {
  it('marks live tasks and the main future at their lines, with their lifecycle glyph', () => {
    const b = traceBuilder()
      .pollStart(0, 3)
      .spawn(1, undefined, 10)
      .spawn(2, undefined, 10)
      .push('local', 1)
      .push('local', 2)
      .pollEnd(0, 'pending')
      .nextStep()
      .pop('local', 1)
      .state(1, 204, 201, 'transition_to_running', 'Success')
      .pollStart(1, 10)
      .line(1, 12);
    const t = createLabTimeline();
    t.append(b.build());
    const m = markersByLine(t.head);
    expect(m.get(3)?.map((x) => x.task)).toEqual([0]);
    expect(m.get(3)?.[0].text).toMatch(/main$/);
    expect(m.get(3)?.[0].label).toBe('main future, waiting');
    expect(m.get(12)?.map((x) => x.task)).toEqual([1]);
    expect(m.get(12)?.[0].label).toBe('task 1, running');
    expect(m.get(10)?.map((x) => x.task)).toEqual([2]);
    expect(m.get(10)?.[0].label).toMatch(/^task 2, notified/);
  });

  it('drops finished tasks unless selected', () => {
    const b = traceBuilder()
      .spawn(1, undefined, 5)
      .pollStart(1, 5)
      .pollEnd(1, 'ready')
      .state(1, 201, 202, 'transition_to_complete', 'snapshot');
    const t = createLabTimeline();
    t.append(b.build());
    expect(markersByLine(t.head).get(5)).toBeUndefined();
    expect(
      markersByLine(t.head, 1)
        .get(5)
        ?.map((x) => x.task),
    ).toEqual([1]);
  });
});

describe('markersByLine at scale', () => {
  it('shows the first tasks of a crowded line, the selected one, and counts the rest by state', () => {
    let b = traceBuilder();
    for (let id = 1; id <= 10_000; id++) b = b.spawn(id, undefined, 7);
    const t = createLabTimeline();
    t.append(b.build());
    const m = markersByLine(t.head, 9_999).get(7) ?? [];
    expect(m.map((x) => x.task)).toEqual([1, 2, 3, 4, 5, 6, 9_999, -1]);
    expect(m.at(-1)).toMatchObject({ lifecycle: 'more', text: '+9,993' });
    expect(m.at(-1)?.label).toMatch(/^9,993 more tasks on this line: 9,993 /);
    expect(MAX_MARKERS_PER_LINE).toBe(6);
  });
});

const GONE: ReadonlySet<Lifecycle> = new Set(['complete', 'cancelled', 'panicked', 'joined', 'released']);

/** The markers by a pass over every task (the way they were drawn before the fold's index). */
function scanMarkers(view: ViewState, selected?: number): Map<number, LineMarker[]> {
  const out = new Map<number, LineMarker[]>();
  const more = new Map<number, Map<Lifecycle, number>>();
  const add = (line: number, m: LineMarker) => {
    if (line <= 0) return;
    out.set(line, [...(out.get(line) ?? []), m]);
  };
  const main = mainMarker(view);
  if (main !== undefined) add(view.main.line, main);
  view.tasks.forEach((t) => {
    if (t.line <= 0 || (GONE.has(t.lifecycle) && t.id !== selected)) return;
    if ((out.get(t.line)?.length ?? 0) >= MAX_MARKERS_PER_LINE && t.id !== selected) {
      const counts = more.get(t.line) ?? new Map<Lifecycle, number>();
      more.set(t.line, counts.set(t.lifecycle, (counts.get(t.lifecycle) ?? 0) + 1));
      return;
    }
    add(t.line, taskMarker(t));
  });
  for (const [line, counts] of more) add(line, moreMarker(counts));
  return out;
}

function scanCurrentLine(view: ViewState): number {
  let running = 0;
  view.tasks.forEach((t) => {
    if (running === 0 && t.lifecycle === 'running' && t.line > 0) running = t.line;
  });
  if (running > 0) return running;
  return view.main.polls > 0 || view.main.line > 0 ? view.main.line : 0;
}

describe("markersByLine from the fold's index", () => {
  it('draws what a pass over every task draws, at every position (property)', () => {
    // Many tasks on few lines, so lines overflow their markers.
    const crowded = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 3 })), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(traceArbitrary(120), crowded, fc.nat(40), (events, spawns, selected) => {
        const b = traceBuilder();
        for (const [id, line] of spawns) b.spawn(100 + id, undefined, line);
        let view = b.build().reduce(reduceView, INITIAL_VIEW_STATE);
        for (const e of events) {
          view = reduceView(view, e);
          for (const sel of [undefined, selected, 100 + selected]) {
            const m = markersByLine(view, sel);
            const ref = scanMarkers(view, sel);
            expect(new Map([...m].sort((x, y) => x[0] - y[0]))).toEqual(new Map([...ref].sort((x, y) => x[0] - y[0])));
          }
          expect(currentLine(view)).toBe(scanCurrentLine(view));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('sameMarkers', () => {
  it('is true for a later step that moves no marker, false once one changes', () => {
    let b = traceBuilder();
    for (let id = 1; id <= 20; id++) b = b.spawn(id, undefined, 7);
    const before = b.build();
    const t = createLabTimeline();
    t.append(before);
    const first = markersByLine(t.head);
    // Task 3 starts running: its marker changes glyph; the same view again draws the same.
    t.append(b.nextStep().pollStart(3).build().slice(before.length));
    const polled = markersByLine(t.head);
    expect(sameMarkers(first, markersByLine(t.head))).toBe(false);
    expect(sameMarkers(polled, markersByLine(t.head))).toBe(true);
    expect(sameMarkers(first, new Map())).toBe(false);
  });
});

describe('problemRange', () => {
  const doc = Text.of(['fn main() {', '    let x = ;', '}']);
  it('covers the reported span on its line', () => {
    const r = problemRange(doc, { line: 2, col: 13, endLine: 2, endCol: 14, message: '' });
    expect(doc.sliceString(r.from, r.to)).toBe(';');
  });
  it('covers one character when no end is known, and clamps to the document', () => {
    const r = problemRange(doc, { line: 2, col: 5, message: '' });
    expect(doc.sliceString(r.from, r.to)).toBe('l');
    const past = problemRange(doc, { line: 9, col: 99, message: '' });
    expect(past.from).toBe(doc.length);
    expect(past.to).toBe(doc.length);
  });
});
