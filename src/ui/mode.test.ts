import { describe, expect, it } from 'vitest';
import { modeOf } from './mode.ts';

describe('modeOf', () => {
  it.each([
    ['', 'lesson'],
    ['?lesson=day06&slide=3', 'lesson'],
    ['?embed=1&lesson=day06', 'embed'],
    ['?embed=0', 'lesson'],
    ['?mode=lab', 'lab'],
    ['?program=default', 'lab'],
  ])('%s opens %s', (search, mode) => {
    expect(modeOf(search)).toBe(mode);
  });
});
