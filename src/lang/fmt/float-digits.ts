/**
 * Decimal digits of binary floats, as Rust's flt2dec produces them. A result `{ digits, exp }`
 * means 0.d₁d₂d₃… × 10^exp, with d₁ ≠ 0.
 * - shortest: the fewest digits that read back (round-to-nearest-even) as the same float, and of
 *   those the closest; when the value lies exactly halfway between two such candidates (it can:
 *   1639240509915213.25 has 17-digit neighbours ...2 and ...3), Rust takes the upper one while
 *   JS's `toExponential()` takes the even one. So f64 uses V8's digits except in that tie, and
 *   the tie and f32 use an exact bigint search (Burger & Dybvig's free-format algorithm);
 * - exact: the value's full decimal expansion (every binary float has a finite one) rounded
 *   half to even, either at a decimal place ({:.N}) or to N significant digits ({:.Ne}).
 */
import { decompose } from '../num/float-bits.ts';

export interface Digits {
  readonly digits: string;
  readonly exp: number;
}

/** Shortest round-trip digits of a finite, positive value. */
export function shortestDigits(x: number, f32: boolean): Digits {
  return f32 ? shortestF32(x) : shortestF64(x);
}

function shortestF64(x: number): Digits {
  const s = x.toExponential();
  const e = s.indexOf('e');
  const mantissa = s.slice(0, e);
  const digits = mantissa.length > 1 ? mantissa[0] + mantissa.slice(2) : mantissa;
  const exp = Number(s.slice(e + 1)) + 1;
  // V8 breaks an exact tie toward an even last digit: if x is exactly the midpoint "digits5",
  // redo it the way Rust does (the midpoint reads back as x only in that case or near it).
  const last = digits.charCodeAt(digits.length - 1);
  if (last % 2 === 0 && Number(`0.${digits}5e${exp}`) === x) {
    const { m, e: be } = decompose(x);
    return freeFormat(m, be, m === F64_HIDDEN && be > -1074);
  }
  return { digits, exp };
}

const F64_HIDDEN = 1n << 52n;

const F32_MIN_EXP = -149;
const F32_HIDDEN = 1n << 23n;

function shortestF32(x: number): Digits {
  // x is an f32 value, so its double mantissa has at most 24 significant bits.
  const d = decompose(x);
  let m = d.m;
  let e = d.e;
  // Dropped bits are zero: x is an f32, so it has at most 24 significant bits above 2^-149.
  while (m >= 1n << 24n || e < F32_MIN_EXP) {
    m >>= 1n;
    e += 1;
  }
  while (m < F32_HIDDEN && e > F32_MIN_EXP) {
    m <<= 1n;
    e -= 1;
  }
  return freeFormat(m, e, m === F32_HIDDEN && e > F32_MIN_EXP);
}

/**
 * Burger & Dybvig: digits of v = m·2^e between the midpoints to its neighbours (inclusive when
 * m is even, as round-half-even reading accepts them). `lowerCloser`: v is a power of two, so the
 * neighbour below is half as far.
 */
export function freeFormat(m: bigint, e: number, lowerCloser: boolean): Digits {
  let r: bigint;
  let s: bigint;
  let mPlus: bigint;
  let mMinus: bigint;
  if (e >= 0) {
    const be = 1n << BigInt(e);
    if (!lowerCloser) {
      r = m * be * 2n;
      s = 2n;
      mPlus = be;
      mMinus = be;
    } else {
      r = m * be * 4n;
      s = 4n;
      mPlus = be * 2n;
      mMinus = be;
    }
  } else if (!lowerCloser) {
    r = m * 2n;
    s = 1n << BigInt(1 - e);
    mPlus = 1n;
    mMinus = 1n;
  } else {
    r = m * 4n;
    s = 1n << BigInt(2 - e);
    mPlus = 2n;
    mMinus = 1n;
  }
  const even = (m & 1n) === 0n;
  const high = (rr: bigint, ss: bigint): boolean => (even ? rr + mPlus >= ss : rr + mPlus > ss);
  let k = Math.ceil(Math.log10(Number(m) * 2 ** e));
  if (k >= 0) s *= 10n ** BigInt(k);
  else {
    const scale = 10n ** BigInt(-k);
    r *= scale;
    mPlus *= scale;
    mMinus *= scale;
  }
  // Fix the estimate so that (r + m⁺)/s is just below 1.
  while (high(r, s)) {
    s *= 10n;
    k++;
  }
  // …and not below 1/10 (the estimate may also be one too high).
  while (!(even ? (r + mPlus) * 10n >= s : (r + mPlus) * 10n > s)) {
    r *= 10n;
    mPlus *= 10n;
    mMinus *= 10n;
    k--;
  }
  let digits = '';
  for (;;) {
    r *= 10n;
    mPlus *= 10n;
    mMinus *= 10n;
    let dgt = r / s;
    r %= s;
    const low = even ? r <= mMinus : r < mMinus;
    const up = even ? r + mPlus >= s : r + mPlus > s;
    if (!low && !up) {
      digits += String(dgt);
      continue;
    }
    if (low && up) {
      if (r * 2n >= s) dgt += 1n;
    } else if (up) dgt += 1n;
    digits += String(dgt);
    break;
  }
  return { digits, exp: k + 0 }; // + 0 turns Math.ceil's -0 into 0
}

/** The full decimal expansion of a finite, positive double. */
function exactExpansion(x: number): Digits {
  const { m, e } = decompose(x);
  if (e >= 0) {
    const s = (m << BigInt(e)).toString();
    return { digits: s, exp: s.length };
  }
  const s = (m * 5n ** BigInt(-e)).toString();
  return { digits: s, exp: s.length + e };
}

/** Keeps the first `keep` digits, rounding half to even; '' when the value rounds to zero. */
function roundAt(d: Digits, keep: number): Digits {
  const { digits, exp } = d;
  if (keep >= digits.length) return d;
  if (keep < 0) return { digits: '', exp };
  const rest = digits.slice(keep);
  const head = digits.slice(0, keep);
  const firstRest = rest.charCodeAt(0);
  const lastOdd = keep > 0 && (head.charCodeAt(keep - 1) - 48) % 2 === 1;
  const up = firstRest > 53 || (firstRest === 53 && (/[1-9]/.test(rest.slice(1)) || lastOdd));
  if (!up) {
    const trimmed = head.replace(/^0+/, '');
    return trimmed === '' ? { digits: '', exp } : { digits: head, exp };
  }
  if (keep === 0) return { digits: '1', exp: exp + 1 };
  const inc = (BigInt(head) + 1n).toString();
  return inc.length > keep ? { digits: inc.slice(0, keep), exp: exp + 1 } : { digits: inc, exp };
}

/** Digits of x rounded at 10^-frac (for `{:.N}`); digits '' means the result is zero. */
export function exactFixed(x: number, frac: number): Digits {
  const full = exactExpansion(x);
  return roundAt(full, full.exp + frac);
}

/** Exactly `n` significant digits of x (n ≥ 1), zero-padded, for `{:.Ne}`. */
export function exactSignificant(x: number, n: number): Digits {
  const r = roundAt(exactExpansion(x), n);
  return r.digits.length < n ? { digits: r.digits + '0'.repeat(n - r.digits.length), exp: r.exp } : r;
}
