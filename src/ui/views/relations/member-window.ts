/**
 * A JoinSet of thousands of tasks (issue 14, the lab at scale) lists its members in a scroll box
 * that holds only the rows in view: one chip a row at a fixed height, so the rows on screen follow
 * from the scroll offset alone (no layout is read while drawing). Screen readers still hear the
 * whole list's size from each row (`aria-setsize` / `aria-posinset`).
 */

/** A set lists every member inline up to this many; beyond it the list is windowed. */
export const WINDOW_AFTER = 60;
/** Row height (px) of a windowed member list; views.css sizes the rows and the box to match. */
export const ROW_PX = 30;
/** Rows the box shows at once (its height is VISIBLE_ROWS rows). */
export const VISIBLE_ROWS = 8;
/** Rows drawn beyond each edge, so a short scroll never shows a blank row before the redraw. */
const OVERSCAN = 4;

export interface RowWindow {
  /** First row drawn. */
  readonly from: number;
  /** One past the last row drawn. */
  readonly to: number;
}

/** The rows to draw for a list of `count` rows scrolled to `scrollTop` px. */
export function rowWindow(scrollTop: number, count: number): RowWindow {
  const top = Math.max(0, Math.floor(scrollTop / ROW_PX));
  const from = Math.max(0, Math.min(top, count - VISIBLE_ROWS) - OVERSCAN);
  const to = Math.min(count, top + VISIBLE_ROWS + OVERSCAN);
  return { from, to: Math.max(from, to) };
}

/** The scroll offset that brings row `index` into view from `scrollTop` (unchanged if it is). */
export function scrollToRow(scrollTop: number, index: number): number {
  const rowTop = index * ROW_PX;
  if (rowTop < scrollTop) return rowTop;
  const bottom = rowTop + ROW_PX - VISIBLE_ROWS * ROW_PX;
  return bottom > scrollTop ? bottom : scrollTop;
}

/** The row a key moves to from row `index` in a list of `count`, or undefined for other keys. */
export function rowAfterKey(key: string, index: number, count: number): number | undefined {
  const to =
    key === 'ArrowDown' || key === 'ArrowRight'
      ? index + 1
      : key === 'ArrowUp' || key === 'ArrowLeft'
        ? index - 1
        : key === 'PageDown'
          ? index + VISIBLE_ROWS
          : key === 'PageUp'
            ? index - VISIBLE_ROWS
            : key === 'Home'
              ? 0
              : key === 'End'
                ? count - 1
                : undefined;
  return to === undefined ? undefined : Math.max(0, Math.min(count - 1, to));
}
