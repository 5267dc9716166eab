/**
 * The integer representation and the operator fast paths, checked against a bigint reference:
 * results are always canonical (a number exactly when the value is a safe integer), in range,
 * and equal to the exact result wrapped or panicking as Rust's debug build does.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  I128,
  I32,
  I64,
  I8,
  INT_TYPES,
  type IntType,
  type IntValue,
  normBig,
  toBig,
  U32,
  U64,
  U8,
  USIZE,
} from './int-type.ts';
import { NumPanic } from './panic.ts';
import { parseInt, parseIntErrorDisplay } from './parse.ts';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function canonical(v: IntValue): boolean {
  return typeof v === 'number' ? Number.isSafeInteger(v) && !Object.is(v, -0) : v > MAX_SAFE || v < -MAX_SAFE;
}

function arbitraryValue(t: IntType): fc.Arbitrary<IntValue> {
  return fc
    .oneof(
      fc.bigInt({ min: t.minBig, max: t.maxBig }),
      fc.constantFrom(t.minBig, t.maxBig, 0n, 1n, t.signed ? -1n : 2n),
      fc.integer({ min: -100, max: 100 }).map(BigInt),
    )
    .map((b) => t.wrapBig(b));
}

type Op = 'add' | 'sub' | 'mul' | 'div' | 'rem';
const exact: Record<Op, (a: bigint, b: bigint) => bigint | 'zero'> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => (b === 0n ? 'zero' : a / b),
  rem: (a, b) => (b === 0n ? 'zero' : a % b),
};

describe.each([I8, U8, I32, U32, I64, U64, USIZE, I128])('%s', (t) => {
  test.each<Op>(['add', 'sub', 'mul', 'div', 'rem'])('%s matches the exact result or panics', (op) => {
    fc.assert(
      fc.property(arbitraryValue(t), arbitraryValue(t), (a, b) => {
        const want = exact[op](toBig(a), toBig(b));
        const overflow =
          want !== 'zero' && (!t.inRange(want) || (op === 'rem' && t.signed && toBig(a) === t.minBig && b === -1));
        let got: IntValue | string;
        try {
          got = t[op](a, b);
        } catch (e) {
          if (!(e instanceof NumPanic)) throw e;
          got = e.kind;
        }
        if (want === 'zero') expect(got).toBe(op === 'div' ? 'divZero' : 'remZero');
        else if (overflow) expect(got).toBe(op);
        else {
          expect(got).toBe(normBig(want));
          expect(canonical(got as IntValue)).toBe(true);
        }
      }),
      { seed: 41, numRuns: 400 },
    );
  });
  test('parse(display(v)) round-trips', () => {
    fc.assert(
      fc.property(arbitraryValue(t), (v) => {
        const r = parseInt(t, String(v));
        expect(r.ok && r.value).toBe(v);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('representation', () => {
  test('64-bit values stay numbers while safe and become bigints beyond', () => {
    expect(I64.add(2 ** 53 - 2, 1)).toBe(2 ** 53 - 1);
    expect(I64.add(2 ** 53 - 1, 1)).toBe(2n ** 53n);
    expect(I64.sub(2n ** 53n, 1)).toBe(2 ** 53 - 1);
    expect(U64.max).toBe(2n ** 64n - 1n);
    expect(I32.max).toBe(2147483647);
  });
  test('no negative zero leaks out of integer arithmetic', () => {
    expect(Object.is(I32.mul(-3, 0), 0)).toBe(true);
    expect(Object.is(I32.div(-1, 5), 0)).toBe(true);
    expect(Object.is(I32.rem(-5, 5), 0)).toBe(true);
    expect(Object.is(I32.neg(0), 0)).toBe(true);
  });
  test('panic messages are Rust’s', () => {
    expect(() => I32.add(2147483647, 1)).toThrow('attempt to add with overflow');
    expect(() => U8.sub(0, 1)).toThrow('attempt to subtract with overflow');
    expect(() => I32.div(1, 0)).toThrow('attempt to divide by zero');
    expect(() => I32.rem(1, 0)).toThrow('attempt to calculate the remainder with a divisor of zero');
    expect(() => I32.shl(1, 32)).toThrow('attempt to shift left with overflow');
    expect(() => I32.neg(-2147483648)).toThrow('attempt to negate with overflow');
  });
  test('ParseIntError Display', () => {
    expect(
      ['x', '', '999', '-999'].map((s) => {
        const r = parseInt(INT_TYPES.i8, s);
        return r.ok ? String(r.value) : parseIntErrorDisplay(r.kind);
      }),
    ).toEqual([
      'invalid digit found in string',
      'cannot parse integer from empty string',
      'number too large to fit in target type',
      'number too small to fit in target type',
    ]);
  });
  test('a million `i += 1` stay on numbers', () => {
    let i: IntValue = 0;
    for (let k = 0; k < 1_000_000; k++) i = USIZE.add(i, 1);
    expect(i).toBe(1_000_000);
  });
});
