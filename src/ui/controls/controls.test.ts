import { describe, expect, it } from 'vitest';
import { SPEEDS } from '../../store/index.ts';
import { formatMs, parseSeed, speedLabel } from './format.ts';
import { canMove, nextSpeed } from './playback-actions.ts';

describe('controls helpers', () => {
  it('formats virtual time in ms', () => {
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(30_000_000)).toBe('30 ms');
    expect(formatMs(1_500_000)).toBe('1.500 ms');
  });

  it('parses seeds as whole numbers only', () => {
    expect(parseSeed(' 42 ')).toBe(42);
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('-1')).toBeUndefined();
    expect(parseSeed('1.5')).toBeUndefined();
    expect(parseSeed('')).toBeUndefined();
    expect(parseSeed('99999999999999999')).toBeUndefined();
  });

  it('steps through the speeds and stops at both ends', () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(SPEEDS[0], -1)).toBe(SPEEDS[0]);
    expect(nextSpeed('max', 1)).toBe('max');
    expect(speedLabel('max')).toBe('fastest');
    expect(speedLabel(0.25)).toBe('0.25×');
  });

  it('allows moving only when there is a trace', () => {
    expect(canMove('paused')).toBe(true);
    expect(canMove('finished')).toBe(true);
    expect(canMove('loading')).toBe(false);
    expect(canMove('error')).toBe(false);
    expect(canMove('idle')).toBe(false);
  });
});
