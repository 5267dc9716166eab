import { describe, expect, it } from 'vitest';
import { gutterKinds } from './breakpoint-gutter.ts';

describe('the breakpoint gutter', () => {
  it('marks the lines the run stops at, and judges each breakpoint against them', () => {
    const kinds = gutterKinds([3, 7, 40], new Set([3, 5]), 20);
    expect([...kinds].sort((a, b) => a[0] - b[0])).toEqual([
      [3, 'hit'],
      [5, 'stop'],
      [7, 'miss'],
    ]);
  });

  it('judges nothing before a run is known', () => {
    expect([...gutterKinds([2], undefined, 10)]).toEqual([[2, 'unknown']]);
  });
});
