/**
 * f64 and f32 arithmetic and methods with Rust's results. f64 is the JS number; an f32 is a JS
 * number exactly representable in f32. For + − × ÷ and sqrt, computing in f64 and rounding once
 * with Math.fround is exactly f32 arithmetic (double rounding is innocuous at 53 ≥ 2·24 + 2).
 * `powi` replays compiler-rt's square-and-multiply (it is not correctly rounded, and neither is
 * Rust's); transcendental functions use JS's Math, which may differ from the platform libm Rust
 * links against in the last bit.
 */
import type { FloatKind } from './cast.ts';
import { F32_FORMAT, F64_FORMAT, fusedMulAdd } from './float-bits.ts';
import { NumPanic } from './panic.ts';

export type FloatBinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'rem';

/** `a op b` in the float type (`%` is fmod, the same in Rust and JS). */
export function floatArith(kind: FloatKind, op: FloatBinaryOp, a: number, b: number): number {
  let r: number;
  switch (op) {
    case 'add':
      r = a + b;
      break;
    case 'sub':
      r = a - b;
      break;
    case 'mul':
      r = a * b;
      break;
    case 'div':
      r = a / b;
      break;
    case 'rem':
      r = a % b;
      break;
  }
  return kind === 'f32' ? Math.fround(r) : r;
}

/** `round`: half away from zero. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function roundTiesEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  // Math.round breaks ties upward; step back when that landed on an odd integer.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function signum(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return Object.is(x, -0) || x < 0 ? -1 : 1;
}

function isSignNegative(x: number): boolean {
  if (Number.isNaN(x)) return false; // JS NaN carries no observable sign; Rust's NAN is positive
  return x < 0 || Object.is(x, -0);
}

const UNARY = {
  floor: Math.floor,
  ceil: Math.ceil,
  round: roundHalfAway,
  round_ties_even: roundTiesEven,
  trunc: Math.trunc,
  fract: (x: number) => x - Math.trunc(x),
  abs: Math.abs,
  signum,
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  exp: Math.exp,
  exp2: (x: number) => 2 ** x,
  exp_m1: Math.expm1,
  ln: Math.log,
  ln_1p: Math.log1p,
  log2: Math.log2,
  log10: Math.log10,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  recip: (x: number) => 1 / x,
  to_degrees: (x: number) => x * (180 / Math.PI),
  to_radians: (x: number) => x * (Math.PI / 180),
} satisfies Record<string, (x: number) => number>;

// f32's own constants are rounded to f32 before use, as `f32::to_degrees` does.
const F32_DEGREES_PER_RADIAN = Math.fround(180 / Math.PI);
const F32_RADIANS_PER_DEGREE = Math.fround(Math.fround(Math.PI) / 180);

export type FloatUnaryName = keyof typeof UNARY;

export function isFloatUnaryName(name: string): name is FloatUnaryName {
  return Object.prototype.hasOwnProperty.call(UNARY, name);
}

/** A one-argument float method by its Rust name (`x.sqrt()`, `x.floor()`, …). */
export function floatUnary(kind: FloatKind, name: FloatUnaryName, x: number): number {
  if (kind === 'f32' && name === 'to_degrees') return Math.fround(x * F32_DEGREES_PER_RADIAN);
  if (kind === 'f32' && name === 'to_radians') return Math.fround(x * F32_RADIANS_PER_DEGREE);
  const r = UNARY[name](x);
  return kind === 'f32' ? Math.fround(r) : r;
}

/** `max`: NaN loses; for ±0 the receiver wins when equal (as Rust's fmax lowering does). */
export function floatMax(a: number, b: number): number {
  return Number.isNaN(a) || a < b ? b : a;
}

export function floatMin(a: number, b: number): number {
  return Number.isNaN(a) || b < a ? b : a;
}

/**
 * `clamp`: panics unless min ≤ max (NaN bounds included); `debug` renders a float as `{:?}` does
 * (pass fmt's float Debug) for the message `min > max, or either was NaN. min = …, max = …`.
 */
export function floatClamp(x: number, min: number, max: number, debug: (v: number) => string): number {
  if (!(min <= max)) {
    throw new NumPanic('floatClamp', `min > max, or either was NaN. min = ${debug(min)}, max = ${debug(max)}`);
  }
  if (x < min) return min;
  if (x > max) return max;
  return x;
}

/** `powi`: compiler-rt's __powidf2 / __powisf2 (repeated squaring, each step rounded). */
export function floatPowi(kind: FloatKind, x: number, n: number): number {
  const f = kind === 'f32' ? Math.fround : (v: number) => v;
  const recip = n < 0;
  let b = Math.abs(n);
  let a = x;
  let r = 1;
  for (;;) {
    if (b & 1) r = f(r * a);
    b = Math.floor(b / 2);
    if (b === 0) break;
    a = f(a * a);
  }
  return recip ? f(1 / r) : r;
}

export function floatPowf(kind: FloatKind, x: number, y: number): number {
  const r = x ** y;
  return kind === 'f32' ? Math.fround(r) : r;
}

export function floatBinary(
  kind: FloatKind,
  name: 'atan2' | 'hypot' | 'log' | 'copysign' | 'rem_euclid' | 'div_euclid',
  a: number,
  b: number,
): number {
  let r: number;
  switch (name) {
    case 'atan2':
      r = Math.atan2(a, b);
      break;
    case 'hypot':
      r = Math.hypot(a, b);
      break;
    case 'log':
      r = Math.log(a) / Math.log(b);
      break;
    case 'copysign':
      r = isSignNegative(b) ? -Math.abs(a) : Math.abs(a);
      break;
    case 'rem_euclid': {
      const m = a % b;
      r = m < 0 ? m + Math.abs(b) : m;
      break;
    }
    case 'div_euclid': {
      // The quotient is rounded to the float type before truncation, as Rust computes it.
      const q = Math.trunc(kind === 'f32' ? Math.fround(a / b) : a / b);
      r = a % b < 0 ? (b > 0 ? q - 1 : q + 1) : q;
      break;
    }
  }
  return kind === 'f32' ? Math.fround(r) : r;
}

export function floatMulAdd(kind: FloatKind, a: number, b: number, c: number): number {
  return fusedMulAdd(a, b, c, kind === 'f32' ? F32_FORMAT : F64_FORMAT);
}

export const floatPredicates = {
  is_nan: (x: number) => Number.isNaN(x),
  is_infinite: (x: number) => x === Infinity || x === -Infinity,
  is_finite: (x: number) => Number.isFinite(x),
  is_sign_positive: (x: number) => !isSignNegative(x),
  is_sign_negative: isSignNegative,
};

export function floatIsNormal(kind: FloatKind, x: number): boolean {
  const minPositive = kind === 'f32' ? F32_MIN_POSITIVE : F64_MIN_POSITIVE;
  return Number.isFinite(x) && Math.abs(x) >= minPositive;
}

const F32_MIN_POSITIVE = 1.1754943508222875e-38;
const F64_MIN_POSITIVE = 2.2250738585072014e-308;

/** Constants as Rust spells them (`f64::MAX`, `f32::EPSILON`, …). */
const CONSTS: Record<string, number> = {
  PI: Math.PI,
  E: Math.E,
  TAU: 2 * Math.PI,
  SQRT_2: Math.SQRT2,
  FRAC_1_SQRT_2: Math.SQRT1_2,
  LN_2: Math.LN2,
  LN_10: Math.LN10,
  LOG2_E: Math.LOG2E,
  LOG10_E: Math.LOG10E,
  FRAC_PI_2: Math.PI / 2,
  FRAC_PI_3: Math.PI / 3,
  FRAC_PI_4: Math.PI / 4,
  FRAC_PI_6: Math.PI / 6,
  FRAC_1_PI: 1 / Math.PI,
  FRAC_2_PI: 2 / Math.PI,
};

export function floatConstant(kind: FloatKind, name: string): number | undefined {
  const f32 = kind === 'f32';
  switch (name) {
    case 'MAX':
      return f32 ? F32_FORMAT.max : Number.MAX_VALUE;
    case 'MIN':
      return f32 ? -F32_FORMAT.max : -Number.MAX_VALUE;
    case 'MIN_POSITIVE':
      return f32 ? F32_MIN_POSITIVE : F64_MIN_POSITIVE;
    case 'EPSILON':
      return f32 ? 1.1920928955078125e-7 : Number.EPSILON;
    case 'INFINITY':
      return Infinity;
    case 'NEG_INFINITY':
      return -Infinity;
    case 'NAN':
      return NaN;
    default: {
      // `std::f64::consts`
      const c = CONSTS[name];
      return c === undefined ? undefined : f32 ? Math.fround(c) : c;
    }
  }
}
