import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FastRand, RngSeedGenerator, seedFromU64 } from './rng.ts';

/** Reference implementation with BigInt, straight from tokio-facts.md §6.5. */
function reference(one: number, two: number, steps: number): bigint[] {
  let a = BigInt(one);
  let b = BigInt(two);
  const M = 0xffffffffn;
  const out: bigint[] = [];
  for (let i = 0; i < steps; i++) {
    let s1 = a;
    const s0 = b;
    s1 = (s1 ^ (s1 << 17n)) & M;
    s1 = (s1 ^ s0 ^ (s1 >> 7n) ^ (s0 >> 16n)) & M;
    a = s0;
    b = s1;
    out.push((s0 + s1) & M);
  }
  return out;
}

describe('FastRand', () => {
  it('matches the xorshift reference for arbitrary seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 0xffffffff }), (one, two) => {
        const r = new FastRand({ s: one, r: two });
        const got = Array.from({ length: 8 }, () => BigInt(r.fastrand()));
        expect(got).toEqual(reference(one, two, 8));
      }),
      { seed: 48, numRuns: 200 },
    );
  });

  it('fastrand_n is (x * n) >> 32 exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 0xffffffff }),
        fc.integer({ min: 1, max: 0xffffffff }),
        (one, two, n) => {
          const x = reference(one, two, 1)[0] ?? 0n;
          const r = new FastRand({ s: one, r: two });
          expect(BigInt(r.fastrandN(n))).toBe((x * BigInt(n)) >> 32n);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('seeds from a u64 like RngSeed::from_u64 (zero low half becomes 1)', () => {
    expect(seedFromU64(0x0000000500000000n)).toEqual({ s: 5, r: 1 });
    expect(seedFromU64(42)).toEqual({ s: 0, r: 42 });
  });

  it('the seed generator is deterministic', () => {
    const a = new RngSeedGenerator({ s: 1, r: 2 });
    const b = new RngSeedGenerator({ s: 1, r: 2 });
    expect([a.nextSeed(), a.nextSeed()]).toEqual([b.nextSeed(), b.nextSeed()]);
  });
});
