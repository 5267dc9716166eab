/**
 * Colours and sizes (design.md §6): the Okabe–Ito palette, which stays distinguishable for the
 * common colour-vision deficiencies, dark strokes and projector-sized type. Colour always comes
 * with a glyph or shape (glyphs.ts); the text colour on each fill is chosen for contrast.
 */
import type { Lifecycle } from '../../../store/index.ts';

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
} as const;

export const LIFECYCLE_FILL: Readonly<Record<Lifecycle, string>> = {
  spawned: OKABE_ITO.skyBlue,
  notified: OKABE_ITO.orange,
  running: OKABE_ITO.bluishGreen,
  idle: OKABE_ITO.yellow,
  complete: OKABE_ITO.blue,
  cancelled: OKABE_ITO.vermillion,
  panicked: OKABE_ITO.reddishPurple,
  joined: '#D9D9D9',
  released: '#FFFFFF',
};

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const inkCache = new Map<string, string>();

/** Black or white, whichever reads better on `fill` (cached: tokens ask every frame). */
export function textOn(fill: string): string {
  let ink = inkCache.get(fill);
  if (ink === undefined) {
    ink = contrast(fill, '#000000') >= contrast(fill, '#FFFFFF') ? '#000000' : '#FFFFFF';
    inkCache.set(fill, ink);
  }
  return ink;
}

export const INK = '#111111';
export const MUTED_INK = '#444444';
export const PAPER = '#FFFFFF';
export const STROKE_WIDTH = 2.5;
/** Body text on the stage: ≥ 18 px for a projector at 1080p. */
export const FONT_SIZE = 18;
export const SMALL_FONT_SIZE = 18;
export const TITLE_FONT_SIZE = 20;
export const MONO_FONT = "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace";
export const UI_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
