/**
 * Rust's `as` casts between the numeric types:
 * - int → int: keep the low bits (two's complement truncation / sign extension);
 * - float → int: truncate toward zero, saturate at MIN/MAX, NaN → 0;
 * - int → float: round to nearest, ties to even, once (u128::MAX as f32 is inf);
 * - f64 → f32: round to nearest (overflow → ±inf); f32 → f64: exact.
 * f32 values are JS numbers that are exactly representable in f32 (always passed through fround).
 */
import { bigToF32 } from './float-bits.ts';
import { type IntType, type IntValue, normBig } from './int-type.ts';

export type FloatKind = 'f32' | 'f64';

export function intToInt(to: IntType, v: IntValue): IntValue {
  return to.wrap(v);
}

export function floatToInt(to: IntType, x: number): IntValue {
  if (Number.isNaN(x)) return 0;
  const t = Math.trunc(x);
  if (t >= to.loN && t <= to.hiN) return t === 0 ? 0 : t;
  if (to.small || !Number.isFinite(t)) return t < 0 ? to.min : to.max;
  // Beyond ±2^53, integral doubles convert to bigint exactly.
  const b = BigInt(t);
  return b > to.maxBig ? to.max : b < to.minBig ? to.min : normBig(b);
}

export function intToFloat(kind: FloatKind, v: IntValue): number {
  if (typeof v === 'number') return kind === 'f32' ? Math.fround(v) : v;
  return kind === 'f32' ? bigToF32(v) : Number(v);
}

export function floatToFloat(kind: FloatKind, x: number): number {
  return kind === 'f32' ? Math.fround(x) : x;
}
