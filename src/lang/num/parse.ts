/**
 * `str::parse` for integers and floats, with Rust's error values:
 * - `ParseIntError { kind: Empty | InvalidDigit | PosOverflow | NegOverflow }`, Display
 *   "cannot parse integer from empty string", "invalid digit found in string",
 *   "number too large to fit in target type", "number too small to fit in target type";
 * - `ParseFloatError { kind: Empty | Invalid }`, Display "cannot parse float from empty string",
 *   "invalid float literal".
 * Integers follow `from_str_radix`: one optional `+` (or `-` for signed types), then digits only
 * (no whitespace, no `_`); digits are checked left to right and the first failure wins.
 * Floats accept `inf`, `infinity`, `nan` (any case) and `digits[.digits][e[±]digits]`.
 */
import { F32_FORMAT, roundRatio } from './float-bits.ts';
import type { FloatKind } from './cast.ts';
import { type IntType, type IntValue, normBig } from './int-type.ts';

export type IntErrorKind = 'Empty' | 'InvalidDigit' | 'PosOverflow' | 'NegOverflow';
export type FloatErrorKind = 'Empty' | 'Invalid';

export type ParseResult<T, K> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly kind: K };

const INT_ERROR_DISPLAY: Record<IntErrorKind, string> = {
  Empty: 'cannot parse integer from empty string',
  InvalidDigit: 'invalid digit found in string',
  PosOverflow: 'number too large to fit in target type',
  NegOverflow: 'number too small to fit in target type',
};

const FLOAT_ERROR_DISPLAY: Record<FloatErrorKind, string> = {
  Empty: 'cannot parse float from empty string',
  Invalid: 'invalid float literal',
};

/** `ParseIntError`'s Display text. */
export function parseIntErrorDisplay(kind: IntErrorKind): string {
  return INT_ERROR_DISPLAY[kind];
}

/** `ParseIntError`'s Debug text, e.g. `ParseIntError { kind: InvalidDigit }`. */
export function parseIntErrorDebug(kind: IntErrorKind): string {
  return `ParseIntError { kind: ${kind} }`;
}

export function parseFloatErrorDisplay(kind: FloatErrorKind): string {
  return FLOAT_ERROR_DISPLAY[kind];
}

export function parseFloatErrorDebug(kind: FloatErrorKind): string {
  return `ParseFloatError { kind: ${kind} }`;
}

function digitValue(code: number, radix: number): number {
  let d: number;
  if (code >= 48 && code <= 57) d = code - 48;
  else if (code >= 97 && code <= 122) d = code - 87;
  else if (code >= 65 && code <= 90) d = code - 55;
  else return -1;
  return d < radix ? d : -1;
}

/** `<t>::from_str_radix(s, radix)`; `"42".parse::<u32>()` is radix 10. */
export function parseInt(t: IntType, s: string, radix = 10): ParseResult<IntValue, IntErrorKind> {
  if (s.length === 0) return { ok: false, kind: 'Empty' };
  let i = 0;
  let positive = true;
  const c0 = s[0];
  if (c0 === '+' || c0 === '-') {
    if (s.length === 1) return { ok: false, kind: 'InvalidDigit' };
    if (c0 === '+') i = 1;
    else if (t.signed) {
      positive = false;
      i = 1;
    }
  }
  const limit = positive ? t.maxBig : -t.minBig;
  const overflow: IntErrorKind = positive ? 'PosOverflow' : 'NegOverflow';
  const r = BigInt(radix);
  // Accumulate in a number while it is exact, then in bigint.
  let acc = 0;
  let big = -1n;
  for (; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i), radix);
    if (d < 0) return { ok: false, kind: 'InvalidDigit' };
    if (big < 0n) {
      const next = acc * radix + d;
      if (next <= Number.MAX_SAFE_INTEGER) {
        acc = next;
        if (acc > limit) return { ok: false, kind: overflow };
        continue;
      }
      big = BigInt(acc);
    }
    big = big * r + BigInt(d);
    if (big > limit) return { ok: false, kind: overflow };
  }
  if (big < 0n) return { ok: true, value: positive || acc === 0 ? acc : -acc };
  return { ok: true, value: normBig(positive ? big : -big) };
}

const FLOAT_RE = /^[+-]?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/** `s.parse::<f64>()` / `s.parse::<f32>()`, rounded once to the target type. */
export function parseFloat(kind: FloatKind, s: string): ParseResult<number, FloatErrorKind> {
  if (s.length === 0) return { ok: false, kind: 'Empty' };
  const special = SPECIAL_RE.exec(s);
  if (special) {
    const neg = special[1] === '-';
    const v = special[2].toLowerCase() === 'nan' ? NaN : Infinity;
    return { ok: true, value: neg ? -v : v };
  }
  const m = FLOAT_RE.exec(s);
  if (!m) return { ok: false, kind: 'Invalid' };
  if (kind === 'f64') return { ok: true, value: Number(s) };
  return {
    ok: true,
    value: decimalToF32(s[0] === '-', (m[1] ?? '') + (m[2] ?? m[3] ?? ''), (m[2] ?? m[3] ?? '').length, m[4]),
  };
}

function decimalToF32(negative: boolean, digits: string, fracLen: number, expText: string | undefined): number {
  const stripped = digits.replace(/^0+/, '');
  const zero = negative ? -0 : 0;
  if (stripped.length === 0) return zero;
  // value = stripped × 10^exp10
  const exp10 = (expText === undefined ? 0 : Number(expText)) - fracLen;
  const magnitude = stripped.length + exp10; // value < 10^magnitude
  if (magnitude > 40) return negative ? -Infinity : Infinity;
  if (magnitude < -50) return zero;
  const mant = BigInt(stripped);
  const v =
    exp10 >= 0
      ? roundRatio(mant * 10n ** BigInt(exp10), 1n, F32_FORMAT)
      : roundRatio(mant, 10n ** BigInt(-exp10), F32_FORMAT);
  return negative ? -v : v;
}
