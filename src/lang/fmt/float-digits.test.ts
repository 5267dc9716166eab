/**
 * Digit generation, by properties: shortest digits read back to the same float and are no longer
 * than JS's own shortest form; the bigint free-format search agrees with V8's f64 output (two
 * independent implementations of the same specification); exact rounding agrees with a bigint
 * reference. Seeds are pinned so failures replay.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decompose } from '../num/float-bits.ts';
import { parseFloat } from '../num/parse.ts';
import { exactFixed, freeFormat, shortestDigits } from './float-digits.ts';
import { floatDebugString, floatDisplayString } from './float-fmt.ts';

const finitePositive = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true });
const f32Positive = fc.float({
  min: Math.fround(1e-45),
  max: Math.fround(3.4e38),
  noNaN: true,
  noDefaultInfinity: true,
});

function f64FreeFormat(x: number): { digits: string; exp: number } {
  const { m, e } = decompose(x);
  const subnormal = e === -1074 && m < 1n << 52n;
  return freeFormat(m, e, m === 1n << 52n && !subnormal && e > -1074);
}

describe('shortest digits', () => {
  test('a tie between two shortest candidates rounds up, as Rust does (V8 rounds to even)', () => {
    // println!("{:?}", 1639240509915213.25f64) prints 1639240509915213.3
    expect(shortestDigits(1639240509915213.25, false)).toEqual({ digits: '16392405099152133', exp: 16 });
    expect(floatDebugString('f64', 1639240509915213.25)).toBe('1639240509915213.3');
    expect(floatDisplayString('f64', 1639240509915213.25)).toBe('1639240509915213.3');
  });
  test('bigint free-format equals the f64 path', () => {
    fc.assert(
      fc.property(finitePositive, (x) => {
        expect(f64FreeFormat(x)).toEqual(shortestDigits(x, false));
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
  test('powers of two and subnormals (asymmetric and tiny intervals)', () => {
    for (let k = -1074; k <= 1023; k += 7) {
      const x = 2 ** k;
      expect(f64FreeFormat(x)).toEqual(shortestDigits(x, false));
    }
  });
  test('f32 digits read back as the same f32', () => {
    fc.assert(
      fc.property(f32Positive, (x) => {
        const { digits, exp } = shortestDigits(x, true);
        const back = parseFloat('f32', `0.${digits}e${exp}`);
        expect(back.ok && back.value).toBe(x);
        // Shorter than the f64 digits of the same value whenever f32 precision allows it.
        expect(digits.length).toBeLessThanOrEqual(9);
      }),
      { seed: 12, numRuns: 3000 },
    );
  });
  test('f32 digits are minimal: one digit fewer never reads back', () => {
    fc.assert(
      fc.property(f32Positive, (x) => {
        const { digits, exp } = shortestDigits(x, true);
        if (digits.length === 1) return;
        const shorter = digits.slice(0, -1);
        for (const candidate of [shorter, (BigInt(shorter) + 1n).toString()]) {
          const e = candidate.length > shorter.length ? exp + 1 : exp;
          const back = parseFloat('f32', `0.${candidate}e${e}`);
          expect(back.ok && back.value === x).toBe(false);
        }
      }),
      { seed: 13, numRuns: 2000 },
    );
  });
});

describe('Display and Debug round-trip', () => {
  test('Number(display(x)) === x for every finite f64', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = floatDisplayString('f64', x);
        expect(s).not.toMatch(/e/);
        expect(Object.is(Number(s), x)).toBe(true);
        expect(Object.is(Number(floatDebugString('f64', x)), x)).toBe(true);
      }),
      { seed: 14, numRuns: 3000 },
    );
  });
  test('f32 Display parses back to the same f32', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = parseFloat('f32', floatDisplayString('f32', x));
        expect(r.ok && Object.is(r.value, x)).toBe(true);
      }),
      { seed: 15, numRuns: 3000 },
    );
  });
});

describe('exact rounding', () => {
  /** Reference: round(x · 10^frac) half to even with bigint rationals. */
  function reference(x: number, frac: number): bigint {
    const { m, e } = decompose(x);
    let num = m * 10n ** BigInt(frac);
    let den = 1n;
    if (e >= 0) num <<= BigInt(e);
    else den <<= BigInt(-e);
    const q = num / den;
    const r2 = (num % den) * 2n;
    return r2 > den || (r2 === den && q % 2n === 1n) ? q + 1n : q;
  }
  test('{:.N} equals round-half-even of the exact binary value', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-30, max: 1e30, noNaN: true }), fc.integer({ min: 0, max: 40 }), (x, frac) => {
        const d = exactFixed(x, frac);
        const want = reference(x, frac);
        const got =
          d.digits === '' ? 0n : BigInt(d.digits) * 10n ** BigInt(Math.max(0, d.exp + frac - d.digits.length));
        expect(got).toBe(want);
      }),
      { seed: 16, numRuns: 3000 },
    );
  });
});
