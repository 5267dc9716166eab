/**
 * Lane names that are never cut (issue 11): the label column is as wide as the longest name
 * needs, up to a share of the view; a name still too long wraps onto two smaller lines, and the
 * lane keeps the whole name as its tooltip. Labels are monospace, so one character's measured
 * advance sizes them all without measuring each.
 */

/** The label font's size in px, and the smallest a wrapped name may shrink to. */
export const LABEL_FONT = 18;
export const MIN_LABEL_FONT = 10;
/** Padding left of the name and between it and the plot. */
export const LABEL_PAD = 8;
/** The label column never takes more than this share of the view's width. */
export const MAX_LABEL_SHARE = 0.4;
export const MIN_LABEL_W = 72;

export interface FittedLabel {
  readonly lines: readonly string[];
  readonly fontSize: number;
}

/** The label column's width for these names; `advance` is one character's width at LABEL_FONT. */
export function labelColumnWidth(labels: readonly string[], advance: number, viewWidth: number): number {
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  const need = Math.ceil(longest * advance) + 2 * LABEL_PAD;
  const cap = Math.max(MIN_LABEL_W, Math.floor(viewWidth * MAX_LABEL_SHARE));
  return Math.min(cap, Math.max(MIN_LABEL_W, need));
}

/** Where to break a name in two: the space, `::` or `_` nearest its middle, else the middle. */
function breakAt(label: string): number {
  const mid = label.length / 2;
  let best = -1;
  for (let i = 1; i < label.length; i++) {
    const c = label[i];
    if (c === ' ' || c === '_' || c === ':' || c === '-') {
      if (best < 0 || Math.abs(i - mid) < Math.abs(best - mid)) best = i;
    }
  }
  return best > 0 ? best : Math.ceil(mid);
}

/** One line at full size when it fits, otherwise two lines, shrunk until the longer one fits. */
export function fitLabel(label: string, advance: number, columnWidth: number): FittedLabel {
  const room = columnWidth - 2 * LABEL_PAD;
  if (label.length * advance <= room) return { lines: [label], fontSize: LABEL_FONT };
  const at = breakAt(label);
  // A break on a space drops the space; other separators stay with the first line.
  const first = label[at] === ' ' ? label.slice(0, at) : label.slice(0, at + 1);
  const second = label[at] === ' ' ? label.slice(at + 1) : label.slice(at + 1);
  const lines = second === '' ? [first] : [first, second];
  const longest = Math.max(...lines.map((l) => l.length));
  const perChar = advance / LABEL_FONT;
  const fits = Math.floor((room / (longest * perChar)) * 10) / 10;
  // Two lines must fit a lane's height too (about 30 px): at most 13 px each.
  const fontSize = Math.max(MIN_LABEL_FONT, Math.min(13, fits));
  return { lines, fontSize };
}
