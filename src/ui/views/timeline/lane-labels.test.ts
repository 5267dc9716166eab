import { describe, expect, it } from 'vitest';
import { LABEL_PAD, fitLabel, labelColumnWidth } from './lane-labels.ts';

const ADVANCE = 10.8; // one monospace character at 18 px

describe('timeline lane labels', () => {
  it('sizes the column to the longest name, within bounds', () => {
    expect(labelColumnWidth(['main', '#1 download'], ADVANCE, 1200)).toBe(Math.ceil(11 * ADVANCE) + 2 * LABEL_PAD);
    expect(labelColumnWidth(['#1'], ADVANCE, 1200)).toBe(72);
    expect(labelColumnWidth(['#12 '.padEnd(80, 'x')], ADVANCE, 600)).toBe(240);
  });

  it('keeps a name that fits on one line at full size, whole', () => {
    expect(fitLabel('#3 worker_loop', ADVANCE, 200)).toEqual({ lines: ['#3 worker_loop'], fontSize: 18 });
  });

  it('wraps a long name in two near its middle, never dropping a character', () => {
    const label = '#12 download_with_retry_and_backoff';
    const fitted = fitLabel(label, ADVANCE, 240);
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines.join('').replace(/ /g, '')).toBe(label.replace(/ /g, ''));
    const longest = Math.max(...fitted.lines.map((l) => l.length));
    expect(longest * (ADVANCE / 18) * fitted.fontSize).toBeLessThanOrEqual(240 - 2 * LABEL_PAD + 0.01);
    expect(fitted.fontSize).toBeLessThanOrEqual(13);
  });
});
