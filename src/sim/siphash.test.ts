import { describe, expect, it } from 'vitest';
import { sipHash13, u64LeBytes } from './siphash.ts';

// Printed by rustc 1.95: `let mut h = DefaultHasher::default(); h.write(bytes); h.finish()`.
describe('sipHash13 (std DefaultHasher)', () => {
  it.each([
    [0n, 13646096770106105413n],
    [1n, 2206609067086327257n],
    [2n, 11876854719037224982n],
    [42n, 8880661182590738257n],
    [0xdeadbeefn, 2170039440619509621n],
    [(1n << 64n) - 1n, 3395815149532668813n],
  ])('hashes %s.to_le_bytes()', (seed, expected) => {
    expect(sipHash13(u64LeBytes(seed))).toBe(expected);
  });

  it('hashes a byte string whose length is not a multiple of 8', () => {
    expect(sipHash13(new TextEncoder().encode('hello world'))).toBe(12804282289674824842n);
  });
});
