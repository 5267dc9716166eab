/**
 * The integer methods beyond the operators: `checked_*` (None = undefined), `wrapping_*`,
 * `saturating_*`, `overflowing_*`, `pow`, `abs`, euclidean division, bit counting, `signum`, …
 * Every family is derived from one exact (bigint) result per operation plus an overflow flag, so
 * the four families cannot disagree. These are not the `i += 1` hot path (see int-type.ts).
 */
import { type IntType, type IntValue, normBig, toBig, unsignedOf } from './int-type.ts';
import { NumPanic } from './panic.ts';

export type IntBinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'rem' | 'divEuclid' | 'remEuclid' | 'pow' | 'shl' | 'shr';
export type IntUnaryOp = 'neg' | 'abs';
export type IntOp = IntBinaryOp | IntUnaryOp;

/** An operation's result before a family decides: the wrapped value and whether it overflowed. */
interface Outcome {
  readonly value: IntValue;
  readonly overflow: boolean;
  /** The exact result, when it exists (not for shifts); saturation reads its sign. */
  readonly exact: bigint | undefined;
}

function outcome(t: IntType, exact: bigint): Outcome {
  const overflow = !t.inRange(exact);
  return { value: overflow ? t.wrapBig(exact) : normBig(exact), overflow, exact };
}

function euclidQuotient(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b < 0n ? (b > 0n ? q - 1n : q + 1n) : q;
}

function powOutcome(t: IntType, a: bigint, n: number): Outcome {
  if (n < 0) throw new RangeError('pow exponent is a u32');
  if (a === 0n || a === 1n || n <= t.bits) return outcome(t, a ** BigInt(n));
  if (a === -1n) return outcome(t, n % 2 === 0 ? 1n : -1n);
  // |a| ≥ 2 and n > bits: certainly out of range; the wrapped value is a^n mod 2^bits.
  let base = BigInt.asUintN(t.bits, a);
  let acc = 1n;
  let e = n;
  while (e > 0) {
    if (e & 1) acc = BigInt.asUintN(t.bits, acc * base);
    base = BigInt.asUintN(t.bits, base * base);
    e = Math.floor(e / 2);
  }
  const sign = a < 0n && n % 2 === 1 ? -1n : 1n;
  return { value: t.wrapBig(acc), overflow: true, exact: sign * (1n << BigInt(t.bits * 2)) };
}

/** The exact outcome, or the panic kind for a zero divisor (every family panics on it, except checked). */
function compute(t: IntType, op: IntOp, a: IntValue, b: IntValue): Outcome | 'divZero' | 'remZero' {
  const x = toBig(a);
  switch (op) {
    case 'neg':
      return outcome(t, -x);
    case 'abs':
      return outcome(t, x < 0n ? -x : x);
    case 'pow':
      return powOutcome(t, x, Number(b));
    case 'shl':
    case 'shr': {
      const s = toBig(b);
      const overflow = s < 0n || s >= BigInt(t.bits);
      const n = Number(BigInt.asUintN(32, s)) & (t.bits - 1);
      const value = op === 'shl' ? t.shlWrapping(a, n) : t.shrWrapping(a, n);
      return { value, overflow, exact: undefined };
    }
    default:
      break;
  }
  const y = toBig(b);
  switch (op) {
    case 'add':
      return outcome(t, x + y);
    case 'sub':
      return outcome(t, x - y);
    case 'mul':
      return outcome(t, x * y);
    case 'div':
      return y === 0n ? 'divZero' : outcome(t, x / y);
    case 'divEuclid':
      return y === 0n ? 'divZero' : outcome(t, euclidQuotient(x, y));
    case 'rem':
    case 'remEuclid': {
      if (y === 0n) return 'remZero';
      // MIN % -1 is mathematically 0 but Rust counts it as overflow (the division overflows).
      const overflow = t.signed && x === t.minBig && y === -1n;
      let r = x % y;
      if (op === 'remEuclid' && r < 0n) r += y < 0n ? -y : y;
      return { value: normBig(r), overflow, exact: r };
    }
  }
}

const PANIC_OF: Record<IntOp, 'add' | 'sub' | 'mul' | 'div' | 'rem' | 'neg' | 'shl' | 'shr'> = {
  add: 'add',
  sub: 'sub',
  mul: 'mul',
  div: 'div',
  divEuclid: 'div',
  rem: 'rem',
  remEuclid: 'rem',
  pow: 'mul',
  shl: 'shl',
  shr: 'shr',
  neg: 'neg',
  abs: 'neg',
};

/** The plain (debug-build) method: `x.pow(n)`, `x.abs()`, `x.rem_euclid(y)`, … panics on overflow. */
export function intOp(t: IntType, op: IntOp, a: IntValue, b: IntValue = 0): IntValue {
  const o = compute(t, op, a, b);
  if (typeof o === 'string') throw new NumPanic(o);
  if (o.overflow) throw new NumPanic(PANIC_OF[op]);
  return o.value;
}

/** `checked_*`: undefined stands for `None`. */
export function checkedOp(t: IntType, op: IntOp, a: IntValue, b: IntValue = 0): IntValue | undefined {
  const o = compute(t, op, a, b);
  if (typeof o === 'string' || o.overflow) return undefined;
  return o.value;
}

/** `wrapping_*`: wraps around; a zero divisor still panics. */
export function wrappingOp(t: IntType, op: IntOp, a: IntValue, b: IntValue = 0): IntValue {
  const o = compute(t, op, a, b);
  if (typeof o === 'string') throw new NumPanic(o);
  return o.value;
}

/** `overflowing_*`: the wrapped value and whether it overflowed. */
export function overflowingOp(t: IntType, op: IntOp, a: IntValue, b: IntValue = 0): [IntValue, boolean] {
  const o = compute(t, op, a, b);
  if (typeof o === 'string') throw new NumPanic(o);
  return [o.value, o.overflow];
}

/** `saturating_*` (add, sub, mul, pow, div, neg, abs): clamps to MIN/MAX on overflow. */
export function saturatingOp(t: IntType, op: IntOp, a: IntValue, b: IntValue = 0): IntValue {
  const o = compute(t, op, a, b);
  if (typeof o === 'string') throw new NumPanic(o);
  if (!o.overflow) return o.value;
  return o.exact !== undefined && o.exact < 0n ? t.min : t.max;
}

export function signum(a: IntValue): IntValue {
  return a > 0 ? 1 : a < 0 ? -1 : 0;
}

/** `abs_diff`: |a − b| in the unsigned type of the same width. */
export function absDiff(t: IntType, a: IntValue, b: IntValue): IntValue {
  const d = toBig(a) - toBig(b);
  return unsignedOf(t).wrapBig(d < 0n ? -d : d);
}

function popcount(x: bigint): number {
  let n = 0;
  for (const ch of x.toString(2)) if (ch === '1') n++;
  return n;
}

/** Bit counts return u32 in Rust; here plain numbers. */
export function countOnes(t: IntType, a: IntValue): number {
  return popcount(t.toUnsignedBits(a));
}

export function countZeros(t: IntType, a: IntValue): number {
  return t.bits - countOnes(t, a);
}

export function leadingZeros(t: IntType, a: IntValue): number {
  const u = t.toUnsignedBits(a);
  return u === 0n ? t.bits : t.bits - u.toString(2).length;
}

export function trailingZeros(t: IntType, a: IntValue): number {
  const u = t.toUnsignedBits(a);
  if (u === 0n) return t.bits;
  const s = u.toString(2);
  return s.length - 1 - s.lastIndexOf('1');
}

export function leadingOnes(t: IntType, a: IntValue): number {
  return leadingZeros(t, t.not(a));
}

export function trailingOnes(t: IntType, a: IntValue): number {
  return trailingZeros(t, t.not(a));
}

export function isPowerOfTwo(t: IntType, a: IntValue): boolean {
  return a > 0 && countOnes(t, a) === 1;
}

/** `next_power_of_two` (unsigned): panics like an addition overflow in debug builds. */
export function nextPowerOfTwo(t: IntType, a: IntValue): IntValue {
  const r = checkedNextPowerOfTwo(t, a);
  if (r === undefined) throw new NumPanic('add');
  return r;
}

export function checkedNextPowerOfTwo(t: IntType, a: IntValue): IntValue | undefined {
  const x = toBig(a);
  let p = 1n;
  while (p < x) p <<= 1n;
  return t.inRange(p) ? normBig(p) : undefined;
}

export function rotateLeft(t: IntType, a: IntValue, n: number): IntValue {
  const k = BigInt(((n % t.bits) + t.bits) % t.bits);
  const u = t.toUnsignedBits(a);
  const bits = BigInt(t.bits);
  return t.wrapBig((u << k) | (u >> ((bits - k) % bits)));
}

export function rotateRight(t: IntType, a: IntValue, n: number): IntValue {
  return rotateLeft(t, a, t.bits - (((n % t.bits) + t.bits) % t.bits));
}

/** `isqrt`: floor of the square root; negative arguments panic. */
export function isqrt(a: IntValue): IntValue {
  if (a < 0) throw new NumPanic('isqrtNegative');
  const x = toBig(a);
  if (x < 2n) return normBig(x);
  let r = BigInt(Math.floor(Math.sqrt(Number(x))));
  while (r * r > x) r -= 1n;
  while ((r + 1n) * (r + 1n) <= x) r += 1n;
  return normBig(r);
}

/** `ilog(base)`, `ilog2`, `ilog10`: floor logarithm as u32; non-positive arguments panic. */
export function ilog(a: IntValue, base: IntValue): number {
  if (a <= 0) throw new NumPanic('ilogNonPositive');
  if (base < 2) throw new NumPanic('ilogBase');
  const x = toBig(a);
  const b = toBig(base);
  let n = 0;
  let p = b;
  while (p <= x) {
    p *= b;
    n++;
  }
  return n;
}

/** `min`, `max`, `clamp` on integers (clamp asserts min ≤ max). */
export function intMin(a: IntValue, b: IntValue): IntValue {
  return b < a ? b : a;
}

export function intMax(a: IntValue, b: IntValue): IntValue {
  return b >= a ? b : a;
}

export function intClamp(a: IntValue, lo: IntValue, hi: IntValue): IntValue {
  if (!(lo <= hi)) throw new NumPanic('clampBounds');
  return a < lo ? lo : a > hi ? hi : a;
}
