/**
 * Float formatting (core/src/fmt/float.rs, core/src/num/flt2dec): Display never uses exponent
 * notation (1e21 → 1000000000000000000000, 1.0 → 1); Debug adds `.0` to integral values and
 * switches to exponent form when |x| < 1e-4 (nonzero) or |x| ≥ 1e16 (compared in the value's own
 * type); `{:.N}` rounds the exact binary value half to even; `{:e}` prints d.ddde±x. The sign is
 * `-` for negative values including -0.0 (`+` too with `{:+}`), never for NaN.
 */
import type { FloatKind } from '../num/cast.ts';
import { type Digits, exactFixed, exactSignificant, shortestDigits } from './float-digits.ts';
import type { Formatter } from './formatter.ts';

function sign(x: number, plus: boolean): string {
  if (Number.isNaN(x)) return '';
  if (x < 0 || Object.is(x, -0)) return '-';
  return plus ? '+' : '';
}

/** flt2dec's digits_to_dec_str: 0.ddd × 10^exp as a plain decimal with ≥ `frac` decimals. */
function decimalBody(d: Digits, frac: number): string {
  const { digits, exp } = d;
  if (digits === '') return frac > 0 ? '0.' + '0'.repeat(frac) : '0';
  if (exp <= 0) {
    const body = '0.' + '0'.repeat(-exp) + digits;
    const have = digits.length - exp;
    return frac > have ? body + '0'.repeat(frac - have) : body;
  }
  if (exp < digits.length) {
    const have = digits.length - exp;
    const body = digits.slice(0, exp) + '.' + digits.slice(exp);
    return frac > have ? body + '0'.repeat(frac - have) : body;
  }
  const body = digits + '0'.repeat(exp - digits.length);
  return frac > 0 ? body + '.' + '0'.repeat(frac) : body;
}

/** flt2dec's digits_to_exp_str with at least `minDigits` significant digits. */
function expBody(d: Digits, minDigits: number, upper: boolean): string {
  const { digits, exp } = d;
  let body = digits[0];
  if (digits.length > 1 || minDigits > 1) {
    body += '.' + digits.slice(1);
    if (minDigits > digits.length) body += '0'.repeat(minDigits - digits.length);
  }
  return body + (upper ? 'E' : 'e') + String(exp - 1);
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return 'inf';
  return undefined;
}

function fixedBody(abs: number, precision: number): string {
  return special(abs) ?? decimalBody(abs === 0 ? { digits: '', exp: 0 } : exactFixed(abs, precision), precision);
}

function shortestDecimalBody(abs: number, f32: boolean, minFrac: number): string {
  return special(abs) ?? decimalBody(abs === 0 ? { digits: '', exp: 0 } : shortestDigits(abs, f32), minFrac);
}

function shortestExpBody(abs: number, f32: boolean, upper: boolean): string {
  if (abs === 0) return upper ? '0E0' : '0e0';
  return special(abs) ?? expBody(shortestDigits(abs, f32), 0, upper);
}

function exactExpBody(abs: number, n: number, upper: boolean): string {
  if (abs === 0) return (n > 1 ? '0.' + '0'.repeat(n - 1) : '0') + (upper ? 'E0' : 'e0');
  return special(abs) ?? expBody(exactSignificant(abs, n), n, upper);
}

export function fmtFloatDisplay(f: Formatter, kind: FloatKind, x: number): void {
  const f32 = kind === 'f32';
  const p = f.precision();
  const abs = Math.abs(x);
  f.padFormattedParts(sign(x, f.signPlus()), p === undefined ? shortestDecimalBody(abs, f32, 0) : fixedBody(abs, p));
}

const F32_EXP_LOW = Math.fround(1e-4);
const F32_EXP_HIGH = Math.fround(1e16);

function debugUsesExponent(kind: FloatKind, abs: number): boolean {
  const low = kind === 'f32' ? F32_EXP_LOW : 1e-4;
  const high = kind === 'f32' ? F32_EXP_HIGH : 1e16;
  return (abs !== 0 && abs < low) || abs >= high;
}

export function fmtFloatDebug(f: Formatter, kind: FloatKind, x: number): void {
  const f32 = kind === 'f32';
  const p = f.precision();
  const abs = Math.abs(x);
  let body: string;
  if (p !== undefined) body = fixedBody(abs, p);
  else if (debugUsesExponent(kind, abs)) body = shortestExpBody(abs, f32, false);
  else body = shortestDecimalBody(abs, f32, 1);
  f.padFormattedParts(sign(x, f.signPlus()), body);
}

export function fmtFloatExp(f: Formatter, kind: FloatKind, x: number, upper: boolean): void {
  const p = f.precision();
  const abs = Math.abs(x);
  const body = p === undefined ? shortestExpBody(abs, kind === 'f32', upper) : exactExpBody(abs, p + 1, upper);
  f.padFormattedParts(sign(x, f.signPlus()), body);
}

/** `format!("{:?}", x)` for a float, e.g. for panic messages that embed a float. */
export function floatDebugString(kind: FloatKind, x: number): string {
  const abs = Math.abs(x);
  const body = debugUsesExponent(kind, abs)
    ? shortestExpBody(abs, kind === 'f32', false)
    : shortestDecimalBody(abs, kind === 'f32', 1);
  return sign(x, false) + body;
}

/** `x.to_string()` for a float. */
export function floatDisplayString(kind: FloatKind, x: number): string {
  return sign(x, false) + shortestDecimalBody(Math.abs(x), kind === 'f32', 0);
}
