import { describe, expect, it } from 'vitest';
import { countText, stdoutDiff } from './group-words.ts';

describe('group words', () => {
  it('shows the first difference with one line of context', () => {
    expect(stdoutDiff('a\nb\nc\n', 'a\nx\nc\n')).toEqual([
      { sign: ' ', text: 'a' },
      { sign: '-', text: 'b' },
      { sign: '+', text: 'x' },
    ]);
    expect(stdoutDiff('same', 'same')).toEqual([]);
    expect(stdoutDiff('a\n', 'a\nextra\n')).toEqual([
      { sign: ' ', text: 'a' },
      { sign: '+', text: 'extra' },
    ]);
  });

  it('gives counts with their share', () => {
    expect(countText(1, 500)).toBe('1 run (0.2%)');
    expect(countText(450, 500)).toBe('450 runs (90%)');
  });
});
