import { describe, expect, it } from 'vitest';
import { reduceView } from '../../../store/view/reduce-view.ts';
import { traceBuilder } from '../../../store/view/trace-builder.ts';
import { deriveBoard } from '../../../store/view/derive-board.ts';
import { INITIAL_VIEW_STATE } from '../../../store/index.ts';
import type { ViewState } from '../../../store/index.ts';
import { COMPACT, FULL, HEADER_H, layoutBoard, NAMED, SHORT_HEADER_H } from './layout.ts';

function spawned(n: number): ViewState {
  const b = traceBuilder();
  for (let i = 1; i <= n; i++) b.spawn(i);
  return b.build().reduce(reduceView, INITIAL_VIEW_STATE);
}

describe('layoutBoard', () => {
  it('draws a full token per task while the lane has room, inside its lane', () => {
    const layout = layoutBoard(deriveBoard(spawned(3)), 1400, 340);
    expect(layout.tokens.map((t) => t.key)).toEqual(['t1', 't2', 't3']);
    const lane = layout.lanes[0];
    for (const t of layout.tokens) {
      expect(t.w).toBe(FULL.w);
      expect(t.text).toMatch(/^◇ \d$/);
      expect(t.x - t.w / 2).toBeGreaterThanOrEqual(lane.x);
      expect(t.x + t.w / 2).toBeLessThanOrEqual(lane.x + lane.w);
    }
    expect(lane).toMatchObject({ id: 'spawned', count: 3, mode: 'full' });
  });

  it('widens tokens to show task names while the lane has room, then falls back to glyph and id', () => {
    const b = traceBuilder().spawn(1, 'fetch').spawn(2).spawn(3, 'a_very_long_name');
    const view = b.build().reduce(reduceView, INITIAL_VIEW_STATE);
    const wide = layoutBoard(deriveBoard(view), 1400, 340);
    expect(wide.tokens.map((t) => [t.w, t.text])).toEqual([
      [NAMED.w, '◇ 1 fetch'],
      [NAMED.w, '◇ 2'],
      [NAMED.w, '◇ 3 a_very_…'],
    ]);
    expect(wide.tokens[0].label).toBe('task 1 fetch, spawned');
    // a lane one named token wide holds 6 of them; 8 tasks take the narrower glyph-and-id tokens
    for (let i = 4; i <= 8; i++) b.spawn(i, 'fetch');
    const crowded = layoutBoard(deriveBoard(b.build().reduce(reduceView, INITIAL_VIEW_STATE)), 1400, 340);
    expect(crowded.tokens.map((t) => t.w)).toEqual(Array(8).fill(FULL.w));
    expect(crowded.tokens[0].text).toBe('◇ 1');
  });

  it('compacts a crowded lane, then aggregates, and stays within the board', () => {
    const layout = layoutBoard(deriveBoard(spawned(1000)), 1400, 340, 5);
    const lane = layout.lanes[0];
    expect(lane.mode).toBe('compact');
    const tasks = layout.tokens.filter((t) => t.task !== undefined);
    expect(tasks.every((t) => t.w === COMPACT.w && t.text === '')).toBe(true); // none cancelled or panicked
    expect(tasks.length).toBeLessThan(1000);
    const more = layout.tokens.find((t) => t.key === 'more-spawned');
    expect(more?.text).toBe(`+${1000 - tasks.length}`);
    expect(tasks.some((t) => t.task === 5 && t.selected)).toBe(true);
    for (const t of layout.tokens) {
      expect(t.y + t.h / 2).toBeLessThanOrEqual(layout.height);
      expect(t.x + t.w / 2).toBeLessThanOrEqual(lane.x + lane.w);
    }
  });

  it('keeps every token label for screen readers', () => {
    const layout = layoutBoard(deriveBoard(spawned(2)), 900, 340);
    expect(layout.tokens.map((t) => t.label)).toEqual(['task 1, spawned', 'task 2, spawned']);
  });
});

describe('layoutBoard on narrow screens', () => {
  it('wraps the lanes onto rows when a lane would be narrower than MIN_LANE_W, all inside the width', () => {
    const layout = layoutBoard(deriveBoard(spawned(4)), 730, 340);
    const rows = new Set(layout.lanes.map((l) => l.y));
    expect(rows.size).toBe(2);
    expect(layout.lanes.filter((l) => l.y === 0)).toHaveLength(3);
    for (const lane of layout.lanes) {
      expect(lane.x + lane.w).toBeLessThanOrEqual(730);
      expect(lane.y + lane.h).toBeLessThanOrEqual(layout.height);
    }
    for (const t of layout.tokens) {
      const lane = layout.lanes.find((l) => l.id === t.lane);
      if (lane === undefined) throw new Error('no lane');
      expect(t.y - t.h / 2).toBeGreaterThanOrEqual(lane.y);
      expect(t.y + t.h / 2).toBeLessThanOrEqual(lane.y + lane.h);
    }
    expect(layout.lanes[5].lines).toEqual(['⇥ Joined /', 'Released (0)']);
  });
});

describe('layoutBoard in a host of fixed height (an embed)', () => {
  it('fits every lane row and token inside a short host, with one-line headers', () => {
    const layout = layoutBoard(deriveBoard(spawned(5)), 640, 290, undefined, true);
    expect(layout.height).toBeLessThanOrEqual(290);
    expect(new Set(layout.lanes.map((l) => l.y)).size).toBe(2);
    for (const lane of layout.lanes) {
      expect(lane.headerH).toBe(SHORT_HEADER_H);
      expect(lane.lines[1]).toBe('');
      expect(lane.y + lane.h).toBeLessThanOrEqual(290);
    }
    expect(layout.lanes[5].lines[0]).toBe('⇥ Joined / Released (0)');
    for (const t of layout.tokens) {
      const lane = layout.lanes.find((l) => l.id === t.lane);
      if (lane === undefined) throw new Error('no lane');
      expect(t.y - t.h / 2).toBeGreaterThanOrEqual(lane.y + SHORT_HEADER_H);
      expect(t.y + t.h / 2).toBeLessThanOrEqual(lane.y + lane.h);
    }
  });

  it('keeps crowded lanes inside a short host by compacting and aggregating', () => {
    const layout = layoutBoard(deriveBoard(spawned(500)), 640, 290, undefined, true);
    expect(layout.tokens.some((t) => t.key === 'more-spawned')).toBe(true);
    for (const t of layout.tokens) expect(t.y + t.h / 2).toBeLessThanOrEqual(layout.height);
  });

  it('keeps two-line headers when the host is tall enough', () => {
    const layout = layoutBoard(deriveBoard(spawned(2)), 640, 700, undefined, true);
    expect(layout.lanes.every((l) => l.headerH === HEADER_H)).toBe(true);
    expect(layout.height).toBeLessThanOrEqual(700);
  });
});
