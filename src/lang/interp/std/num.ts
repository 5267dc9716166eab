/**
 * Integer, float and bool methods and the numeric namespaces (`i32::MAX`, `u64::from`, `f64::EPSILON`).
 * Integer methods take their type from the call site (the receiver's inferred type).
 */
import { nonZeroValue } from './nonzero.ts';
import {
  I32,
  INT_TYPES,
  type IntName,
  type IntType,
  type IntValue,
  isIntName,
  unsignedOf,
} from '../../num/int-type.ts';
import { intMethodLocation } from '../../num/std-location.ts';
import {
  absDiff,
  checkedOp,
  countOnes,
  countZeros,
  type IntOp,
  intOp,
  isPowerOfTwo,
  leadingZeros,
  overflowingOp,
  saturatingOp,
  signum,
  trailingZeros,
  wrappingOp,
} from '../../num/int-ops.ts';
import { NumPanic } from '../../num/panic.ts';
import {
  floatConstant,
  floatMax,
  floatMin,
  floatPowf,
  floatPowi,
  floatUnary,
  isFloatUnaryName,
} from '../../num/float.ts';
import { floatToInt, intToFloat } from '../../num/cast.ts';
import type { NativeFn, Site } from '../defs.ts';
import { displayString } from '../fmt-value.ts';
import { cmpValues } from '../ops-rt.ts';
import { numPanicAt, panicAt } from '../panic.ts';
import { deref, RChar, RFloat, RVec, type Value, text } from '../values.ts';
import { err, NONE, ok, ordering, some } from './enums.ts';
import { callValue } from '../call.ts';
import { ParseError } from './string.ts';
import { parseInt as parseIntRadix, parseIntErrorDebug, parseIntErrorDisplay } from '../../num/parse.ts';
import { tuple2 } from './iter.ts';
import { member, memberValue, ns } from './registry.ts';
import { BOOL_METHODS, def, FLOAT_METHODS, INT_METHODS } from './tables.ts';

export const ty = (s: Site): IntType => s.int?.t ?? I32;
export const n = (v: Value): IntValue => {
  const d = deref(v);
  return typeof d === 'bigint' ? d : (d as number);
};

export function guard<T>(s: Site, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof NumPanic) numPanicAt(s, e);
    throw e;
  }
}

/** Like guard, for methods whose overflow rustc reports inside core (num/std-location.ts). */
export function guardInCore<T>(t: IntType, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof NumPanic) numPanicAt(intMethodLocation(t.name), e);
    throw e;
  }
}

function im(name: string, f: NativeFn): void {
  def(INT_METHODS, name, 'ref', f);
}

const OPS: [string, IntOp][] = [
  ['add', 'add'],
  ['sub', 'sub'],
  ['mul', 'mul'],
  ['div', 'div'],
  ['rem', 'rem'],
  ['pow', 'pow'],
  ['neg', 'neg'],
  ['abs', 'abs'],
  ['shl', 'shl'],
  ['shr', 'shr'],
  ['div_euclid', 'divEuclid'],
  ['rem_euclid', 'remEuclid'],
];
for (const [name, op] of OPS) {
  im(`checked_${name}`, (s, a) => {
    const r = checkedOp(ty(s), op, n(a[0]), a.length > 1 ? n(a[1]) : 0);
    return r === undefined ? NONE : some(r);
  });
  im(`wrapping_${name}`, (s, a) => guard(s, () => wrappingOp(ty(s), op, n(a[0]), a.length > 1 ? n(a[1]) : 0)));
  im(`saturating_${name}`, (s, a) => guard(s, () => saturatingOp(ty(s), op, n(a[0]), a.length > 1 ? n(a[1]) : 0)));
  im(`overflowing_${name}`, (s, a) => {
    const [v, o] = guard(s, () => overflowingOp(ty(s), op, n(a[0]), a.length > 1 ? n(a[1]) : 0));
    return tuple2(v, o);
  });
}
im('pow', (s, a) => guardInCore(ty(s), () => intOp(ty(s), 'pow', n(a[0]), n(a[1]))));
im('abs', (s, a) => guardInCore(ty(s), () => intOp(ty(s), 'abs', n(a[0]))));
im('unsigned_abs', (s, a) => {
  const v = n(a[0]);
  return unsignedOf(ty(s)).wrap(v < 0 ? -BigInt(v) : v);
});
im('rem_euclid', (s, a) => guard(s, () => intOp(ty(s), 'remEuclid', n(a[0]), n(a[1]))));
im('div_euclid', (s, a) => guard(s, () => intOp(ty(s), 'divEuclid', n(a[0]), n(a[1]))));
im('abs_diff', (s, a) => absDiff(ty(s), n(a[0]), n(a[1])));
im('signum', (_s, a) => signum(n(a[0])));
im('is_positive', (_s, a) => n(a[0]) > 0);
im('is_negative', (_s, a) => n(a[0]) < 0);
im('count_ones', (s, a) => countOnes(ty(s), n(a[0])));
im('count_zeros', (s, a) => countZeros(ty(s), n(a[0])));
im('leading_zeros', (s, a) => leadingZeros(ty(s), n(a[0])));
im('trailing_zeros', (s, a) => trailingZeros(ty(s), n(a[0])));
/** `rotate_left` / `rotate_right`: the bits shifted round by `k mod bits`. */
function rotate(t: IntType, v: IntValue, by: IntValue, left: boolean): IntValue {
  const bits = BigInt(t.bits);
  const u = t.toUnsignedBits(v);
  const k0 = BigInt(by) % bits;
  const k = left ? k0 : (bits - k0) % bits;
  return t.wrap(BigInt.asUintN(t.bits, (u << k) | (u >> (bits - k))));
}
im('rotate_left', (s, a) => rotate(ty(s), n(a[0]), n(a[1]), true));
im('rotate_right', (s, a) => rotate(ty(s), n(a[0]), n(a[1]), false));
im('is_power_of_two', (s, a) => isPowerOfTwo(ty(s), n(a[0])));
im('min', (_s, a) => (n(a[1]) < n(a[0]) ? n(a[1]) : n(a[0])));
im('max', (_s, a) => (n(a[1]) > n(a[0]) ? n(a[1]) : n(a[0])));
im('clamp', (s, a) => {
  if (n(a[1]) > n(a[2])) panicAt(s, 'assertion failed: min <= max');
  const x = n(a[0]);
  return x < n(a[1]) ? n(a[1]) : x > n(a[2]) ? n(a[2]) : x;
});
im('to_string', (s, a) => displayString(n(a[0]), ty(s)));
im('clone', (_s, a) => n(a[0]));
im('cmp', (_s, a) => ordering(cmpValues(n(a[0]), n(a[1]))));
im('partial_cmp', (_s, a) => some(ordering(cmpValues(n(a[0]), n(a[1])))));
im('eq', (_s, a) => n(a[0]) == n(a[1]));
im('isqrt', (_s, a) => Math.floor(Math.sqrt(Number(n(a[0])))));
im('to_le_bytes', (_s, a) => n(a[0]));

// ---- floats
const fv = (v: Value): RFloat => deref(v) as RFloat;
function fm(name: string, f: (x: RFloat, a: Value[]) => Value): void {
  def(FLOAT_METHODS, name, 'ref', (_s, a) => f(fv(a[0]), a));
}
const FLOAT_UNARY = [
  'sqrt',
  'abs',
  'floor',
  'ceil',
  'round',
  'trunc',
  'fract',
  'sin',
  'cos',
  'tan',
  'exp',
  'ln',
  'log10',
  'log2',
  'cbrt',
  'signum',
  'recip',
  'to_degrees',
  'to_radians',
  'asin',
  'acos',
  'atan',
  'sinh',
  'cosh',
  'tanh',
  'exp2',
  'round_ties_even',
];
for (const name of FLOAT_UNARY) {
  if (isFloatUnaryName(name)) fm(name, (x) => new RFloat(floatUnary(x.f32 ? 'f32' : 'f64', name, x.v), x.f32));
}
fm('powi', (x, a) => new RFloat(floatPowi(x.f32 ? 'f32' : 'f64', x.v, Number(n(a[1]))), x.f32));
fm('powf', (x, a) => new RFloat(floatPowf(x.f32 ? 'f32' : 'f64', x.v, fv(a[1]).v), x.f32));
fm('max', (x, a) => new RFloat(floatMax(x.v, fv(a[1]).v), x.f32));
fm('min', (x, a) => new RFloat(floatMin(x.v, fv(a[1]).v), x.f32));
fm('is_nan', (x) => Number.isNaN(x.v));
fm('is_finite', (x) => Number.isFinite(x.v));
fm('is_infinite', (x) => !Number.isFinite(x.v) && !Number.isNaN(x.v));
fm('is_sign_negative', (x) => x.v < 0 || Object.is(x.v, -0));
fm('is_sign_positive', (x) => !(x.v < 0 || Object.is(x.v, -0)));
fm('to_string', (x) => displayString(x));
fm('clone', (x) => x);
fm('mul_add', (x, a) => new RFloat(x.v * fv(a[1]).v + fv(a[2]).v, x.f32));
fm('clamp', (x, a) => new RFloat(Math.min(Math.max(x.v, fv(a[1]).v), fv(a[2]).v), x.f32));
fm('partial_cmp', (x, a) => {
  const c = cmpValues(x, a[1]);
  return Number.isNaN(c) ? NONE : some(ordering(c));
});
fm('total_cmp', (x, a) => ordering(cmpValues(x, a[1])));
fm('hypot', (x, a) => new RFloat(Math.hypot(x.v, fv(a[1]).v), x.f32));
fm('atan2', (x, a) => new RFloat(Math.atan2(x.v, fv(a[1]).v), x.f32));
fm('log', (x, a) => new RFloat(Math.log(x.v) / Math.log(fv(a[1]).v), x.f32));

// ---- bool
def(BOOL_METHODS, 'then', 'value', (s, a) => (a[0] === true ? some(callValue(s, a[1], [])) : NONE));
def(BOOL_METHODS, 'then_some', 'value', (_s, a) => (a[0] === true ? some(a[1]) : NONE));
def(BOOL_METHODS, 'to_string', 'ref', (_s, a) => text(deref(a[0])));
def(BOOL_METHODS, 'clone', 'ref', (_s, a) => deref(a[0]));
def(BOOL_METHODS, 'not', 'value', (_s, a) => !deref(a[0]));

// ---- namespaces
for (const name of Object.keys(INT_TYPES) as IntName[]) {
  const t = INT_TYPES[name];
  const N = ns([name, `std::${name}`, `core::${name}`]);
  memberValue(N, 'MAX', () => t.max, t);
  memberValue(N, 'MIN', () => t.min, t);
  memberValue(N, 'BITS', () => t.bits);
  member(N, 'from', (_s, a) => convertTo(t, a[0]), t);
  member(N, 'try_from', (s, a) => tryConvert(t, a[0], s), t);
  member(N, 'max', (_s, a) => (n(a[1]) > n(a[0]) ? n(a[1]) : n(a[0])), t, [t, t]);
  member(N, 'min', (_s, a) => (n(a[1]) < n(a[0]) ? n(a[1]) : n(a[0])), t, [t, t]);
  member(N, 'pow', (_s, a) => guardInCore(t, () => intOp(t, 'pow', n(a[0]), n(a[1]))), t);
  member(N, 'abs', (_s, a) => guardInCore(t, () => intOp(t, 'abs', n(a[0]))), t);
  member(N, 'from_str_radix', (s, a) => fromStrRadix(t, a, s), t);
  member(N, 'default', () => 0, t);
  for (const [end, le] of [
    ['be', false],
    ['le', true],
    ['ne', true],
  ] as const) {
    member(N, `from_${end}_bytes`, (_s, a) => fromBytes(t, (deref(a[0]) as RVec).a, le), t);
  }
}
for (const [end, le] of [
  ['be', false],
  ['le', true],
  ['ne', true],
] as const) {
  im(`to_${end}_bytes`, (s, a) => new RVec(toBytes(ty(s), n(a[0]), le), true));
}

/** `from_be_bytes` and friends: the integer of `t` whose bytes these are. */
function fromBytes(t: IntType, items: readonly Value[], le: boolean): IntValue {
  let v = 0n;
  const order = le ? [...items].reverse() : items;
  for (const b of order) v = (v << 8n) | BigInt(Number(b) & 0xff);
  if (t.signed && v >> BigInt(t.bits - 1) === 1n) v -= 1n << BigInt(t.bits);
  return t.small ? Number(v) : t.wrap(v);
}

/** `to_be_bytes` and friends (two's complement, `t.bits / 8` bytes). */
function toBytes(t: IntType, v: IntValue, le: boolean): number[] {
  let x = BigInt(v);
  if (x < 0n) x += 1n << BigInt(t.bits);
  const out: number[] = [];
  for (let i = 0; i < t.bits / 8; i++) {
    out.push(Number(x & 0xffn));
    x >>= 8n;
  }
  return le ? out : out.reverse();
}
for (const k of ['f64', 'f32'] as const) {
  const N = ns([k, `std::${k}`]);
  for (const c of ['MAX', 'MIN', 'EPSILON', 'INFINITY', 'NEG_INFINITY', 'NAN', 'MIN_POSITIVE']) {
    memberValue(N, c, () => new RFloat(floatConstant(k, c) ?? 0, k === 'f32'));
  }
  const C = ns([`${k}::consts`, `std::${k}::consts`]);
  for (const c of [
    'PI',
    'E',
    'TAU',
    'SQRT_2',
    'FRAC_1_SQRT_2',
    'LN_2',
    'LN_10',
    'LOG2_E',
    'LOG10_E',
    'FRAC_PI_2',
    'FRAC_PI_3',
    'FRAC_PI_4',
    'FRAC_PI_6',
    'FRAC_1_PI',
    'FRAC_2_PI',
  ]) {
    memberValue(C, c, () => new RFloat(floatConstant(k, c) ?? 0, k === 'f32'));
  }
  member(N, 'from', (_s, a) => {
    const v = deref(a[0]);
    return v instanceof RFloat ? v : new RFloat(intToFloat(k, v as IntValue), k === 'f32');
  });
  member(N, 'max', (_s, a) => new RFloat(floatMax(fv(a[0]).v, fv(a[1]).v), k === 'f32'));
  member(N, 'min', (_s, a) => new RFloat(floatMin(fv(a[0]).v, fv(a[1]).v), k === 'f32'));
}

function convertTo(t: IntType, v0: Value): Value {
  const v = nonZeroValue(deref(v0));
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof RChar) return v.c.codePointAt(0)!;
  if (v instanceof RFloat) return floatToInt(t, v.v);
  return v;
}

function tryResult(good: boolean, v: Value): Value {
  return good ? ok(v) : err(new ParseError('out of range integral type conversion attempted', 'TryFromIntError(())'));
}

function tryConvert(t: IntType, v0: Value, _s: Site): Value {
  const v = convertTo(t, v0) as IntValue;
  const inRange = typeof v === 'bigint' ? t.inRange(v) : v >= Number(t.min) && v <= Number(t.max);
  return tryResult(inRange, v);
}

function fromStrRadix(t: IntType, a: Value[], s: Site): Value {
  void s;
  const r = parseIntRadix(t, text(a[0]), Number(a[1]));
  return r.ok ? ok(r.value) : err(new ParseError(parseIntErrorDisplay(r.kind), parseIntErrorDebug(r.kind)));
}

export { isIntName };
