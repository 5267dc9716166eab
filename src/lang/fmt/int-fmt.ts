/**
 * Integer formatting (core/src/fmt/num.rs): Display through `pad_integral`; `{:x} {:X} {:o}
 * {:b}` print the two's-complement bits of the type's width (so -1i8 is `ff`) and count as
 * non-negative (no sign), with `0x`/`0o`/`0b` under `#`; Debug is Display unless `{:x?}`/`{:X?}`;
 * `{:e}` prints a coefficient in [1, 10) trimmed of trailing zeros, or rounded half to even to
 * the requested precision.
 */
import { type IntType, type IntValue } from '../num/int-type.ts';
import type { Formatter } from './formatter.ts';

function magnitude(v: IntValue): string {
  return typeof v === 'number' ? String(v < 0 ? -v : v) : (v < 0n ? -v : v).toString();
}

export function fmtIntDisplay(f: Formatter, v: IntValue): void {
  if (f.isPlain()) {
    f.writeStr(String(v));
    return;
  }
  f.padIntegral(!(v < 0), '', magnitude(v));
}

export type Radix = 16 | 8 | 2;

const PREFIX: Record<Radix, string> = { 16: '0x', 8: '0o', 2: '0b' };

/** The digits of `v`'s two's-complement bit pattern in `radix`. */
export function radixDigits(t: IntType, v: IntValue, radix: Radix): string {
  if (typeof v === 'number' && v >= 0) return v.toString(radix);
  return t.toUnsignedBits(v).toString(radix);
}

export function fmtIntRadix(f: Formatter, t: IntType, v: IntValue, radix: Radix, upper: boolean): void {
  const digits = radixDigits(t, v, radix);
  f.padIntegral(true, PREFIX[radix], upper ? digits.toUpperCase() : digits);
}

export function fmtIntDebug(f: Formatter, t: IntType, v: IntValue): void {
  if (f.debugLowerHex()) fmtIntRadix(f, t, v, 16, false);
  else if (f.debugUpperHex()) fmtIntRadix(f, t, v, 16, true);
  else fmtIntDisplay(f, v);
}

/** `{:e}` / `{:E}` for integers. */
export function fmtIntExp(f: Formatter, v: IntValue, upper: boolean): void {
  const nonNegative = !(v < 0);
  let coef = magnitude(v);
  let exp = coef.length - 1;
  let coefPrec = exp; // digits after the point
  let morePrec = 0;
  const prec = f.precision();
  if (prec === undefined) {
    const trimmed = coef.replace(/0+$/, '');
    coef = trimmed === '' ? '0' : trimmed;
    coefPrec = coef.length - 1;
  } else if (prec >= coefPrec) {
    morePrec = prec - coefPrec;
  } else {
    // Round half to even, dropping coefPrec − prec digits.
    const keep = coef.slice(0, coef.length - (coefPrec - prec));
    const over = coef.slice(keep.length);
    const half = '5' + '0'.repeat(over.length - 1);
    const lastOdd = (keep.charCodeAt(keep.length - 1) - 48) % 2 === 1;
    const up = over > half || (over === half && lastOdd);
    coef = up ? (BigInt(keep) + 1n).toString() : keep;
    coefPrec = prec;
    if (coef.length - 1 > coefPrec) {
      coef = coef.slice(0, -1); // 9.99 → 10.0 → 1.00 with the exponent one higher
      exp++;
    }
  }
  const mantissa = coefPrec === 0 && morePrec === 0 ? coef : coef[0] + '.' + coef.slice(1);
  const e = (upper ? 'E' : 'e') + String(exp);
  if (morePrec === 0) {
    f.padIntegral(nonNegative, '', mantissa + e);
    return;
  }
  const sign = !nonNegative ? '-' : f.signPlus() ? '+' : '';
  f.padFormattedParts(sign, (coefPrec === 0 ? coef + '.' : mantissa) + '0'.repeat(morePrec) + e);
}
