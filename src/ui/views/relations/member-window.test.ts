import { describe, expect, it } from 'vitest';
import { ROW_PX, VISIBLE_ROWS, rowAfterKey, rowWindow, scrollToRow } from './member-window.ts';

describe('the windowed member list', () => {
  it('draws the rows in view and a few beyond, never past either end', () => {
    expect(rowWindow(0, 10_000)).toEqual({ from: 0, to: VISIBLE_ROWS + 4 });
    const mid = rowWindow(500 * ROW_PX + 3, 10_000);
    expect(mid).toEqual({ from: 496, to: 500 + VISIBLE_ROWS + 4 });
    expect(rowWindow(1e9, 10_000)).toEqual({ from: 10_000 - VISIBLE_ROWS - 4, to: 10_000 });
    expect(rowWindow(0, 3)).toEqual({ from: 0, to: 3 });
    expect(rowWindow(0, 0)).toEqual({ from: 0, to: 0 });
  });

  it('scrolls just enough to show a row', () => {
    expect(scrollToRow(0, 3)).toBe(0);
    expect(scrollToRow(0, VISIBLE_ROWS)).toBe(ROW_PX);
    expect(scrollToRow(100 * ROW_PX, 40)).toBe(40 * ROW_PX);
  });

  it('moves by a row, a page or to either end, within the list', () => {
    expect(rowAfterKey('ArrowDown', 5, 100)).toBe(6);
    expect(rowAfterKey('ArrowUp', 0, 100)).toBe(0);
    expect(rowAfterKey('PageDown', 95, 100)).toBe(99);
    expect(rowAfterKey('Home', 50, 100)).toBe(0);
    expect(rowAfterKey('End', 50, 100)).toBe(99);
    expect(rowAfterKey('Enter', 50, 100)).toBeUndefined();
  });
});
