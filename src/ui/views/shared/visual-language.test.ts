import { describe, expect, it } from 'vitest';
import type { Lifecycle } from '../../../store/index.ts';
import { LIFECYCLE_GLYPH, taskAriaLabel, tokenGlyph, tokenShape } from './glyphs.ts';
import { motionMs, MAX_MOTION_MS, MIN_MOTION_MS } from './motion.ts';
import { contrast, LIFECYCLE_FILL, OKABE_ITO, textOn } from './palette.ts';
import { tokenPath } from './shapes.ts';

const LIFECYCLES = Object.keys(LIFECYCLE_GLYPH) as Lifecycle[];

describe('glyphs', () => {
  it('gives every lifecycle state its own glyph (design.md §6)', () => {
    const glyphs = LIFECYCLES.map((l) => LIFECYCLE_GLYPH[l]);
    expect(new Set(glyphs).size).toBe(glyphs.length);
    expect(LIFECYCLE_GLYPH.notified).toBe('●');
    expect(LIFECYCLE_GLYPH.running).toBe('▶');
    expect(LIFECYCLE_GLYPH.idle).toBe('‖');
    expect(LIFECYCLE_GLYPH.complete).toBe('✓');
    expect(LIFECYCLE_GLYPH.cancelled).toBe('✕');
    expect(LIFECYCLE_GLYPH.panicked).toBe('!');
  });

  it('marks cancelled and panicked tasks by shape and label, even once joined or released', () => {
    const t = { id: 3, name: 'w', lifecycle: 'released' as const, outcome: 'cancelled' as const };
    expect(tokenShape(t)).toBe('octagon');
    expect(tokenGlyph(t)).toBe('✕');
    expect(taskAriaLabel(t)).toBe('task 3 w, released, cancelled');
    const p = { id: 4, name: undefined, lifecycle: 'panicked' as const, outcome: 'panicked' as const };
    expect(tokenShape(p)).toBe('diamond');
    expect(taskAriaLabel(p)).toBe('task 4, panicked');
    expect(tokenShape({ outcome: 'ok' })).toBe('round');
  });
});

describe('palette', () => {
  it('uses Okabe–Ito colours for the live states', () => {
    const palette = new Set<string>(Object.values(OKABE_ITO));
    for (const l of ['spawned', 'notified', 'running', 'idle', 'complete', 'cancelled', 'panicked'] as const) {
      expect(palette.has(LIFECYCLE_FILL[l])).toBe(true);
    }
  });

  it('puts token text on every fill with at least WCAG AA contrast', () => {
    for (const l of LIFECYCLES) {
      const fill = LIFECYCLE_FILL[l];
      expect(contrast(fill, textOn(fill))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes WCAG contrast', () => {
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
  });
});

describe('motionMs', () => {
  it('is 300 ms at 1× and stays within 150–400 ms at every finite speed', () => {
    expect(motionMs(1, false)).toBe(300);
    for (const s of [0.25, 0.5, 1, 2, 4, 8, 16] as const) {
      const ms = motionMs(s, false);
      expect(ms).toBeGreaterThanOrEqual(MIN_MOTION_MS);
      expect(ms).toBeLessThanOrEqual(MAX_MOTION_MS);
    }
    expect(motionMs(0.25, false)).toBeGreaterThan(motionMs(4, false));
  });

  it('is 0 under prefers-reduced-motion and at max speed', () => {
    expect(motionMs(1, true)).toBe(0);
    expect(motionMs('max', false)).toBe(0);
  });
});

describe('tokenPath', () => {
  it('draws closed outlines within the token box', () => {
    for (const shape of ['round', 'octagon', 'diamond'] as const) {
      const d = tokenPath(shape, 60, 30);
      expect(d.startsWith('M')).toBe(true);
      expect(d.endsWith('Z')).toBe(true);
      const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      for (const n of nums) expect(Math.abs(n)).toBeLessThanOrEqual(30);
    }
    expect(tokenPath('octagon', 60, 30)).not.toBe(tokenPath('round', 60, 30));
  });
});
