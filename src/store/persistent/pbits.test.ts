import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PBits } from './pbits.ts';

describe('PBits', () => {
  it('holds what a Set holds, and lists its lowest and highest members in order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(200)), { maxLength: 120 }), fc.nat(12), (ops, n) => {
        let bits = PBits.empty();
        const set = new Set<number>();
        const versions: [PBits, number[]][] = [];
        for (const [add, id] of ops) {
          if (add) set.add(id);
          else set.delete(id);
          bits = add ? bits.add(id) : bits.delete(id);
          versions.push([bits, [...set].sort((a, b) => a - b)]);
        }
        // every version stays as it was (persistence)
        for (const [v, sorted] of versions) {
          expect(v.size).toBe(sorted.length);
          expect(v.lowest(n)).toEqual(sorted.slice(0, n));
          expect(v.highest(n)).toEqual(sorted.slice(Math.max(0, sorted.length - n)));
          expect(v.lowest(Infinity)).toEqual(sorted);
          for (const id of sorted) expect(v.has(id)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('handles the top bit of a word', () => {
    const b = PBits.empty().add(31).add(63).add(32);
    expect(b.lowest(5)).toEqual([31, 32, 63]);
    expect(b.highest(2)).toEqual([32, 63]);
    expect(b.delete(31).delete(63).lowest(5)).toEqual([32]);
  });
});
