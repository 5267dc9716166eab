/** SVG outlines for tokens, centred on (0, 0); see glyphs.ts for which task gets which. */
import type { TokenShape } from './glyphs.ts';

const f = (n: number): string => (Math.round(n * 10) / 10).toString();

/** A `w`×`h` outline: rounded rectangle, octagon (cancelled) or diamond-ended (panicked). */
export function tokenPath(shape: TokenShape, w: number, h: number): string {
  const x = w / 2;
  const y = h / 2;
  switch (shape) {
    case 'round': {
      const r = Math.min(x, y, 8);
      return (
        `M${f(-x + r)},${f(-y)}H${f(x - r)}Q${f(x)},${f(-y)} ${f(x)},${f(-y + r)}V${f(y - r)}` +
        `Q${f(x)},${f(y)} ${f(x - r)},${f(y)}H${f(-x + r)}Q${f(-x)},${f(y)} ${f(-x)},${f(y - r)}` +
        `V${f(-y + r)}Q${f(-x)},${f(-y)} ${f(-x + r)},${f(-y)}Z`
      );
    }
    case 'octagon': {
      const c = Math.min(x, y) * 0.45;
      return (
        `M${f(-x + c)},${f(-y)}H${f(x - c)}L${f(x)},${f(-y + c)}V${f(y - c)}L${f(x - c)},${f(y)}` +
        `H${f(-x + c)}L${f(-x)},${f(y - c)}V${f(-y + c)}Z`
      );
    }
    case 'diamond': {
      const c = Math.min(x, y);
      return `M${f(-x + c)},${f(-y)}H${f(x - c)}L${f(x)},0L${f(x - c)},${f(y)}H${f(-x + c)}L${f(-x)},0Z`;
    }
  }
}
