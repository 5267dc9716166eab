import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReplayKey, encodeReplayKey } from './key.ts';

describe('replay keys', () => {
  it('round-trip any seed and set of overrides, in URL-safe characters', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 40 }),
        fc.dictionary(fc.nat({ max: 5000 }).map(String), fc.nat({ max: 600 })),
        (seed, dict) => {
          const forced = new Map(Object.entries(dict).map(([k, v]) => [Number(k), v]));
          const key = encodeReplayKey({ seed, forced });
          expect(key).toMatch(/^[0-9a-z.-]+$/);
          expect(encodeURIComponent(key)).toBe(key);
          const back = decodeReplayKey(key);
          expect(back.ok).toBe(true);
          if (!back.ok) return;
          expect(back.schedule.seed).toBe(seed);
          expect([...back.schedule.forced].sort((a, b) => a[0] - b[0])).toEqual(
            [...forced].sort((a, b) => a[0] - b[0]),
          );
        },
      ),
      { seed: 16, numRuns: 200 },
    );
  });

  it('is just the seed when nothing is forced', () => {
    expect(encodeReplayKey({ seed: 7, forced: new Map() })).toBe('7');
    expect(
      encodeReplayKey({
        seed: 7,
        forced: new Map([
          [0, 1],
          [3, 2],
        ]),
      }),
    ).toBe('7-1.1-3.2');
  });

  it.each([
    ['x', 'a replay key starts with the seed (a whole number), got "x".'],
    ['7-1', '"1" in the replay key is not DISTANCE.OPTION (base 36).'],
    ['7-0.1', '"0.1" in the replay key has a distance of 0.'],
  ])('refuses %s with one sentence', (key, message) => {
    expect(decodeReplayKey(key)).toEqual({ ok: false, message });
  });
});
