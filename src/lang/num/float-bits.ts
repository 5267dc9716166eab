/**
 * Exact views of IEEE-754 values: a finite double is `m × 2^e` with integer m, and an exact
 * rational can be rounded once, to nearest with ties to even, into f32 or f64. This is what
 * makes f32 parsing, `u128 as f32`, `mul_add` and exact decimal printing single-rounded like Rust.
 */

const view = new DataView(new ArrayBuffer(8));

export interface Decomposed {
  /** Non-negative integer mantissa. */
  readonly m: bigint;
  /** Binary exponent: |x| = m × 2^e. */
  readonly e: number;
  readonly negative: boolean;
}

/** Splits a finite double into sign, integer mantissa and binary exponent (exactly). */
export function decompose(x: number): Decomposed {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  const fracHi = hi & 0xfffff;
  const frac = (BigInt(fracHi) << 32n) | BigInt(lo);
  if (biased === 0) return { m: frac, e: -1074, negative };
  return { m: frac | (1n << 52n), e: biased - 1075, negative };
}

export interface FloatFormat {
  /** Significand bits including the implicit one: 24 for f32, 53 for f64. */
  readonly precision: number;
  /** Exponent of the least significant bit of the smallest subnormal: −149, −1074. */
  readonly minExp: number;
  /** The largest finite value. */
  readonly max: number;
}

export const F32_FORMAT: FloatFormat = { precision: 24, minExp: -149, max: 3.4028234663852886e38 };
export const F64_FORMAT: FloatFormat = { precision: 53, minExp: -1074, max: Number.MAX_VALUE };

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** Rounds num/den (both > 0) to the nearest value of `fmt`, ties to even; Infinity past max. */
export function roundRatio(num: bigint, den: bigint, fmt: FloatFormat): number {
  // Pick e so that q = num / (den·2^e) has exactly `precision` bits (or fewer, for subnormals).
  let e = bitLength(num) - bitLength(den) - fmt.precision;
  const scaled = (k: number): [bigint, bigint] => (k >= 0 ? [num, den << BigInt(k)] : [num << BigInt(-k), den]);
  let [n, d] = scaled(e);
  if (n / d >= 1n << BigInt(fmt.precision)) {
    e += 1;
    [n, d] = scaled(e);
  } else if (n / d < 1n << BigInt(fmt.precision - 1)) {
    e -= 1;
    [n, d] = scaled(e);
  }
  if (e < fmt.minExp) {
    e = fmt.minExp;
    [n, d] = scaled(e);
  }
  let q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) q += 1n;
  const value = Number(q) * 2 ** e;
  return value > fmt.max ? Infinity : value;
}

/** An exact integer rounded once to f32 (`as f32` for 64- and 128-bit integers). */
export function bigToF32(x: bigint): number {
  if (x === 0n) return 0;
  const neg = x < 0n;
  const v = roundRatio(neg ? -x : x, 1n, F32_FORMAT);
  return neg ? -v : v;
}

/**
 * `a.mul_add(b, c)`: a·b + c with one rounding (fused), for f64 (`fmt` = F64_FORMAT) or f32.
 */
export function fusedMulAdd(a: number, b: number, c: number, fmt: FloatFormat): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) return a * b + c;
  const da = decompose(a);
  const db = decompose(b);
  const dc = decompose(c);
  let pm = da.m * db.m;
  let pe = da.e + db.e;
  if (da.negative !== db.negative) pm = -pm;
  let cm = dc.negative ? -dc.m : dc.m;
  const ce = dc.e;
  // Align both to the smaller exponent and add exactly.
  if (pe > ce) {
    pm <<= BigInt(pe - ce);
    pe = ce;
  } else {
    cm <<= BigInt(ce - pe);
  }
  const sum = pm + cm;
  if (sum === 0n) return a * b + c; // the sign of an exact zero follows IEEE rules
  const neg = sum < 0n;
  const mag = neg ? -sum : sum;
  const v = pe >= 0 ? roundRatio(mag << BigInt(pe), 1n, fmt) : roundRatio(mag, 1n << BigInt(-pe), fmt);
  return neg ? -v : v;
}
