import { describe, expect, it } from 'vitest';
import { compareWord, expectedWord } from './word-diff.ts';

describe('compareWord', () => {
  it('names the fields that differ and only those', () => {
    // 300 = refs 4, X J N; 200 = refs 3, J.
    const checks = compareWord(200, 300);
    expect(checks.filter((c) => !c.same).map((c) => c.name)).toEqual(['ref count', 'X (CANCELLED)', 'N (NOTIFIED)']);
    expect(compareWord(300, 300).every((c) => c.same)).toBe(true);
  });
});

describe('expectedWord', () => {
  it('reads the decimal the grader puts in parentheses', () => {
    expect(expectedWord('0b100_101100 (300)')).toBe(300);
    expect(expectedWord('task 2')).toBeUndefined();
  });
});
