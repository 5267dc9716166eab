/**
 * Where each board token goes: pure geometry from the board model and the host's width, so it is
 * tested without a DOM. Lanes are columns; a lane shows wide tokens (glyph, id and the task's name)
 * while they fit, then full ones (glyph and id), then compact ones (shape only), then compact ones
 * plus an aggregate "+N".
 */
import { BOARD_LANES, compactLane } from '../../../store/view/derive-board.ts';
import type { BoardLaneId, BoardModel } from '../../../store/view/derive-board.ts';
import type { TaskView } from '../../../store/index.ts';
import { LIFECYCLE_GLYPH, namedTokenText, outcomeMark } from '../shared/glyphs.ts';
import { taskToken } from '../shared/token-dom.ts';
import type { TokenDatum as BaseToken } from '../shared/token-dom.ts';

export const HEADER_H = 60;
/** A lane header on one short line, for hosts too short for two rows of full-height lanes. */
export const SHORT_HEADER_H = 30;
/** Narrowest lane; below it the lanes wrap onto more rows. */
export const MIN_LANE_W = 150;
export const GAP = 8;
/** Full tokens fit a glyph and a four-digit id in 18 px monospace. */
export const FULL = { w: 68, h: 34, gap: 6 } as const;
export const COMPACT = { w: 24, h: 24, gap: 4 } as const;
/** Full tokens that also show the task's name (namedTokenText), used while a lane has room. */
export const NAMED = { w: 140, h: 34, gap: 6 } as const;

export interface LaneBox {
  readonly id: BoardLaneId;
  readonly title: string;
  /** Header: glyph and title, then the rest of the title and the count. */
  readonly lines: readonly [string, string];
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly count: number;
  readonly glyph: string;
  readonly mode: 'full' | 'compact';
  /** Height of the header band; SHORT_HEADER_H means one line in a smaller type. */
  readonly headerH: number;
}

export interface TokenDatum extends BaseToken {
  readonly lane: BoardLaneId;
  readonly compact: boolean;
}

export interface BoardLayout {
  readonly width: number;
  readonly height: number;
  readonly lanes: readonly LaneBox[];
  readonly tokens: readonly TokenDatum[];
  /** Each crowded lane's window: the task in each slot, for the next layout to keep (compactLane). */
  readonly windows: ReadonlyMap<BoardLaneId, readonly number[]>;
}

/** The windows of the board as last drawn, and a way to look their tasks up at the new step. */
export interface BoardWindows {
  readonly slots: ReadonlyMap<BoardLaneId, readonly number[]>;
  readonly taskOf: (id: number) => TaskView | undefined;
}

const LANE_GLYPH: Readonly<Record<BoardLaneId, string>> = {
  spawned: LIFECYCLE_GLYPH.spawned,
  notified: LIFECYCLE_GLYPH.notified,
  running: LIFECYCLE_GLYPH.running,
  idle: LIFECYCLE_GLYPH.idle,
  complete: LIFECYCLE_GLYPH.complete,
  finished: LIFECYCLE_GLYPH.joined,
};

function fits(extent: number, size: number, gap: number): number {
  return Math.max(1, Math.floor((extent + gap) / (size + gap)));
}

type TokenSize = typeof FULL | typeof COMPACT | typeof NAMED;

function token(t: TaskView, lane: BoardLaneId, x: number, y: number, size: TokenSize, selected: boolean): TokenDatum {
  const compact = size === COMPACT;
  const text = compact ? outcomeMark(t) : size === NAMED ? namedTokenText(t) : undefined;
  return { ...taskToken(t, x, y, size.w, size.h, selected, text), lane, compact };
}

function headerLines(glyph: string, title: string, count: number): [string, string] {
  // A long title ("Joined / Released") breaks after its slash.
  const cut = title.indexOf(' / ');
  const first = cut < 0 ? title : `${title.slice(0, cut)} /`;
  const rest = cut < 0 ? '' : `${title.slice(cut + 3)} `;
  return [`${glyph} ${first}`, `${rest}(${count})`];
}

/** Lane rows that fill a host of fixed height (an embed at 640×360) rather than growing past it. */
function fittedRowHeight(height: number, rows: number): number {
  return Math.max(SHORT_HEADER_H + COMPACT.h + 2 * GAP, Math.floor(height / rows));
}

interface Geometry {
  readonly cols: number;
  readonly rows: number;
  readonly rowH: number;
  readonly headerH: number;
  readonly laneW: number;
  readonly areaW: number;
  readonly fullCols: number;
  readonly fullCap: number;
  readonly namedCap: number;
  readonly compactCols: number;
  readonly compactCap: number;
}

/**
 * Lanes side by side when each gets at least MIN_LANE_W, else wrapped onto rows (3 + 3 at
 * 1280×720, 2 + 2 + 2 on a phone). `height` is the board's height for one row of lanes, or with
 * `fitHeight` the height all rows share: a short host then gets one-line headers, so lanes keep
 * room for tokens and nothing needs an inner scroll.
 */
function geometry(n: number, width: number, height: number, fitHeight: boolean): Geometry {
  const fit = Math.max(2, Math.min(n, Math.floor((width - GAP) / (MIN_LANE_W + GAP))));
  const rows = Math.ceil(n / fit);
  // Balanced rows (3 + 3 rather than 5 + 1).
  const cols = Math.ceil(n / rows);
  const rowH = fitHeight
    ? fittedRowHeight(height, rows)
    : rows === 1
      ? height
      : Math.max(HEADER_H + 3 * FULL.h + 4 * GAP, Math.round(height * 0.65));
  // Two header lines only while a row still keeps two rows of full tokens under them.
  const headerH = fitHeight && rowH < HEADER_H + 2 * FULL.h + FULL.gap + 2 * GAP ? SHORT_HEADER_H : HEADER_H;
  const laneW = Math.max(FULL.w + 2 * GAP, (width - GAP * (cols + 1)) / cols);
  const areaW = laneW - 2 * GAP;
  const areaH = Math.max(headerH === HEADER_H ? FULL.h : COMPACT.h, rowH - headerH - 2 * GAP);
  const fullCols = fits(areaW, FULL.w, FULL.gap);
  const fullCap = areaH >= FULL.h ? fullCols * fits(areaH, FULL.h, FULL.gap) : 0;
  const namedCap =
    areaH >= NAMED.h && areaW >= NAMED.w ? fits(areaW, NAMED.w, NAMED.gap) * fits(areaH, NAMED.h, NAMED.gap) : 0;
  const compactCols = fits(areaW, COMPACT.w, COMPACT.gap);
  const compactRows = fits(areaH, COMPACT.h, COMPACT.gap);
  // When even compact tokens overflow, the last row holds the aggregate "+N" alone.
  const compactCap = compactCols * Math.max(1, compactRows - 1) + 1;
  return { cols, rows, rowH, headerH, laneW, areaW, fullCols, fullCap, namedCap, compactCols, compactCap };
}

/** Most tasks a lane can draw in a board of this size: what its model must list of each lane. */
export function boardTokenLimit(width: number, height: number, fitHeight = false): number {
  const g = geometry(BOARD_LANES.length, width, height, fitHeight);
  return Math.max(g.fullCap, g.namedCap, g.compactCap);
}

export function layoutBoard(
  model: BoardModel,
  width: number,
  height: number,
  selected?: number,
  fitHeight = false,
  before?: BoardWindows,
): BoardLayout {
  const { cols, rows, rowH, headerH, laneW, areaW, fullCols, fullCap, namedCap, compactCols, compactCap } = geometry(
    model.lanes.length,
    width,
    height,
    fitHeight,
  );

  const lanes: LaneBox[] = [];
  const tokens: TokenDatum[] = [];
  const windows = new Map<BoardLaneId, readonly number[]>();
  model.lanes.forEach((lane, i) => {
    const x0 = GAP + (i % cols) * (laneW + GAP);
    const y0 = Math.floor(i / cols) * rowH;
    const full = lane.count <= fullCap;
    const named = lane.count <= namedCap && lane.tasks.some((t) => t.name !== undefined);
    const glyph = LANE_GLYPH[lane.id];
    lanes.push({
      id: lane.id,
      title: lane.title,
      lines:
        headerH === HEADER_H
          ? headerLines(glyph, lane.title, lane.count)
          : [`${glyph} ${lane.title} (${lane.count})`, ''],
      x: x0,
      y: y0,
      w: laneW,
      h: rowH,
      count: lane.count,
      glyph,
      mode: full ? 'full' : 'compact',
      headerH,
    });
    const size = named ? NAMED : full ? FULL : COMPACT;
    const lanesCols = named ? fits(areaW, NAMED.w, NAMED.gap) : full ? fullCols : compactCols;
    const slots = before?.slots.get(lane.id);
    const window = slots === undefined || before === undefined ? undefined : { slots, taskOf: before.taskOf };
    const { shown, hidden } = full ? { shown: lane.tasks, hidden: 0 } : compactLane(lane, compactCap, selected, window);
    if (!full)
      windows.set(
        lane.id,
        shown.map((t) => t.id),
      );
    const place = (k: number): [number, number] => [
      x0 + GAP + (k % lanesCols) * (size.w + size.gap) + size.w / 2,
      y0 + headerH + GAP + Math.floor(k / lanesCols) * (size.h + size.gap) + size.h / 2,
    ];
    shown.forEach((t, k) => {
      const [x, y] = place(k);
      const d = token(t, lane.id, x, y, size, t.id === selected);
      // A crowded lane keys its tokens by slot: hundreds of tasks changing lanes every frame
      // would otherwise mean hundreds of elements created and removed per frame; and its window
      // keeps each slot's task while it stays, so a slot's element is rewritten only when it changes.
      tokens.push(full ? d : { ...d, key: `${lane.id}#${k}` });
    });
    if (hidden > 0) {
      const [, y] = place(Math.ceil(shown.length / lanesCols) * lanesCols);
      tokens.push({
        key: `more-${lane.id}`,
        task: undefined,
        lane: lane.id,
        x: x0 + laneW / 2,
        y,
        w: Math.min(areaW, 96),
        h: COMPACT.h + 4,
        shape: 'round',
        fill: '#FFFFFF',
        ink: '#000000',
        text: `+${hidden}`,
        label: `${hidden} more tasks ${lane.title.toLowerCase()}`,
        selected: false,
        compact: false,
      });
    }
  });
  return { width, height: rows * rowH, lanes, tokens, windows };
}
