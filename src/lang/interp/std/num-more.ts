/**
 * The rest of the stable integer and float methods (std 1.95): `strict_*`, the mixed-sign
 * `*_add_unsigned` / `*_add_signed` family, `unbounded_sh*`, `ilog`, `next_multiple_of`,
 * `carrying_add`, byte-order conversions; float bits and bytes, `classify`, `next_up`, the
 * remaining maths and the `f64::DIGITS`-style constants. Integer methods take the receiver's type
 * from the call site, as in num.ts.
 */
import { INT_TYPES, type IntType, type IntValue, normBig, toBig, unsignedOf } from '../../num/int-type.ts';
import { checkedNextPowerOfTwo, ilog, intOp, isqrt, type IntOp } from '../../num/int-ops.ts';
import { NumPanic } from '../../num/panic.ts';
import { EnumDef, VariantDef, type NativeFn } from '../defs.ts';
import { deref, RFloat, RVec, type Value } from '../values.ts';
import { tuple2 } from './iter.ts';
import { NONE, some } from './enums.ts';
import { guard, guardInCore, n, ty } from './num.ts';
import { member, memberValue, ns, regEnum } from './registry.ts';
import { def, FLOAT_METHODS, INT_METHODS } from './tables.ts';

function im(name: string, f: NativeFn): void {
  def(INT_METHODS, name, 'ref', f);
}

// ---- strict_*: the plain operator's panic, always (track_caller: the call site is reported)
const STRICT: [string, IntOp][] = [
  ['add', 'add'],
  ['sub', 'sub'],
  ['mul', 'mul'],
  ['div', 'div'],
  ['rem', 'rem'],
  ['div_euclid', 'divEuclid'],
  ['rem_euclid', 'remEuclid'],
  ['neg', 'neg'],
  ['abs', 'abs'],
  ['shl', 'shl'],
  ['shr', 'shr'],
  ['pow', 'pow'],
];
for (const [name, op] of STRICT) {
  im(`strict_${name}`, (s, a) => guard(s, () => intOp(ty(s), op, n(a[0]), a.length > 1 ? n(a[1]) : 0)));
}

// ---- a signed receiver with an unsigned operand (`add_unsigned`) and the other way round
type Mixed = 'checked' | 'wrapping' | 'saturating' | 'overflowing' | 'strict';
function mixed(t: IntType, kind: Mixed, exact: bigint, op: 'add' | 'sub'): Value {
  const fits = t.inRange(exact);
  switch (kind) {
    case 'checked':
      return fits ? some(normBig(exact)) : NONE;
    case 'wrapping':
      return t.wrapBig(exact);
    case 'saturating':
      return fits ? normBig(exact) : exact < 0n ? t.min : t.max;
    case 'overflowing':
      return tuple2(t.wrapBig(exact), !fits);
    case 'strict':
      if (!fits) throw new NumPanic(op);
      return normBig(exact);
  }
}
for (const kind of ['checked', 'wrapping', 'saturating', 'overflowing', 'strict'] as const) {
  for (const other of ['unsigned', 'signed']) {
    im(`${kind}_add_${other}`, (s, a) => guard(s, () => mixed(ty(s), kind, toBig(n(a[0])) + toBig(n(a[1])), 'add')));
    im(`${kind}_sub_${other}`, (s, a) => guard(s, () => mixed(ty(s), kind, toBig(n(a[0])) - toBig(n(a[1])), 'sub')));
  }
}
/** `u32::checked_signed_diff`: `self - rhs` as the signed type of the same width, if it fits. */
im('checked_signed_diff', (s, a) => {
  const signed = INT_TYPES[ty(s).name.replace('u', 'i') as keyof typeof INT_TYPES];
  const d = toBig(n(a[0])) - toBig(n(a[1]));
  return signed.inRange(d) ? some(normBig(d)) : NONE;
});

im('cast_signed', (s, a) => INT_TYPES[ty(s).name.replace('u', 'i') as keyof typeof INT_TYPES].wrap(n(a[0])));
im('cast_unsigned', (s, a) => unsignedOf(ty(s)).wrap(n(a[0])));

/** `unbounded_shl` / `unbounded_shr`: a shift by the width or more gives 0 (or -1 for a negative `>>`). */
im('unbounded_shl', (s, a) => {
  const t = ty(s);
  const k = toBig(n(a[1]));
  return k >= BigInt(t.bits) ? 0 : t.wrapBig(toBig(n(a[0])) << k);
});
im('unbounded_shr', (s, a) => {
  const t = ty(s);
  const x = toBig(n(a[0]));
  const k = toBig(n(a[1]));
  if (k >= BigInt(t.bits)) return x < 0n ? -1 : 0;
  return normBig(x >> k);
});

im('isqrt', (s, a) => guard(s, () => isqrt(n(a[0]))));
im('checked_isqrt', (_s, a) => (n(a[0]) < 0 ? NONE : some(isqrt(n(a[0])))));
im('ilog', (s, a) => guard(s, () => ilog(n(a[0]), n(a[1]))));
function checkedIlog(x: IntValue, base: IntValue): Value {
  return x <= 0 || base < 2 ? NONE : some(ilog(x, base));
}
im('checked_ilog', (_s, a) => checkedIlog(n(a[0]), n(a[1])));
im('checked_ilog2', (_s, a) => checkedIlog(n(a[0]), 2));
im('checked_ilog10', (_s, a) => checkedIlog(n(a[0]), 10));
im('checked_next_power_of_two', (s, a) => {
  const r = checkedNextPowerOfTwo(ty(s), n(a[0]));
  return r === undefined ? NONE : some(r);
});

/** `next_multiple_of` (unsigned): the smallest multiple of `rhs` at or above `self`. */
function nextMultiple(x: bigint, m: bigint): bigint {
  if (m === 0n) throw new NumPanic('remZero');
  const r = x % m;
  return r === 0n ? x : x + (m - r);
}
im('next_multiple_of', (s, a) =>
  guardInCore(ty(s), () => {
    const v = nextMultiple(toBig(n(a[0])), toBig(n(a[1])));
    if (!ty(s).inRange(v)) throw new NumPanic('add');
    return normBig(v);
  }),
);
im('checked_next_multiple_of', (s, a) => {
  const m = toBig(n(a[1]));
  if (m === 0n) return NONE;
  const v = nextMultiple(toBig(n(a[0])), m);
  return ty(s).inRange(v) ? some(normBig(v)) : NONE;
});
im('is_multiple_of', (_s, a) => {
  const m = toBig(n(a[1]));
  const x = toBig(n(a[0]));
  return m === 0n ? x === 0n : x % m === 0n;
});

// ---- big-number helpers of the unsigned types
im('carrying_add', (s, a) => {
  const t = ty(s);
  const sum = toBig(n(a[0])) + toBig(n(a[1])) + (a[2] === true ? 1n : 0n);
  return tuple2(t.wrapBig(sum), !t.inRange(sum));
});
im('borrowing_sub', (s, a) => {
  const t = ty(s);
  const d = toBig(n(a[0])) - toBig(n(a[1])) - (a[2] === true ? 1n : 0n);
  return tuple2(t.wrapBig(d), !t.inRange(d));
});
function wideMul(t: IntType, product: bigint): Value {
  const bits = BigInt(t.bits);
  return tuple2(t.wrapBig(product), t.wrapBig(product >> bits));
}
im('carrying_mul', (s, a) => wideMul(ty(s), toBig(n(a[0])) * toBig(n(a[1])) + toBig(n(a[2]))));
im('carrying_mul_add', (s, a) => wideMul(ty(s), toBig(n(a[0])) * toBig(n(a[1])) + toBig(n(a[2])) + toBig(n(a[3]))));

// ---- byte order: this machine is little-endian, as every target the lessons run on
function swapBytes(t: IntType, v: IntValue): IntValue {
  let u = t.toUnsignedBits(v);
  let out = 0n;
  for (let i = 0; i < t.bits / 8; i++) {
    out = (out << 8n) | (u & 0xffn);
    u >>= 8n;
  }
  return t.wrapBig(out);
}
im('to_be', (s, a) => swapBytes(ty(s), n(a[0])));
im('to_le', (_s, a) => n(a[0]));
for (const name of Object.keys(INT_TYPES) as (keyof typeof INT_TYPES)[]) {
  const t = INT_TYPES[name];
  const N = ns([name, `std::${name}`, `core::${name}`]);
  member(N, 'from_be', (_s, a) => swapBytes(t, n(a[0])), t);
  member(N, 'from_le', (_s, a) => n(a[0]), t);
}

// ---- floats
const fv = (v: Value): RFloat => deref(v) as RFloat;
function fm(name: string, f: (x: RFloat, a: Value[]) => Value): void {
  def(FLOAT_METHODS, name, 'ref', (_s, a) => f(fv(a[0]), a));
}
const same = (x: RFloat, v: number): RFloat => new RFloat(x.f32 ? Math.fround(v) : v, x.f32);

for (const [name, f] of [
  ['exp_m1', Math.expm1],
  ['ln_1p', Math.log1p],
] as const) {
  fm(name, (x) => same(x, f(x.v)));
}
/**
 * The inverse hyperbolic functions as std writes them (not libm's), each step rounded to the
 * receiver's precision, so an f32 result matches digit for digit.
 */
fm('asinh', (x) => {
  const r = (v: number): number => (x.f32 ? Math.fround(v) : v);
  const ax = Math.abs(x.v);
  const ix = r(1 / ax);
  const v = r(Math.log1p(r(ax + r(ax / r(r(Math.hypot(1, ix)) + ix)))));
  return same(x, x.v < 0 || Object.is(x.v, -0) ? -v : v);
});
fm('acosh', (x) => {
  const r = (v: number): number => (x.f32 ? Math.fround(v) : v);
  if (x.v < 1) return same(x, NaN);
  return same(x, Math.log(r(x.v + r(r(Math.sqrt(r(x.v - 1))) * r(Math.sqrt(r(x.v + 1)))))));
});
fm('atanh', (x) => {
  const r = (v: number): number => (x.f32 ? Math.fround(v) : v);
  return same(x, r(0.5 * r(Math.log1p(r(r(2 * x.v) / r(1 - x.v))))));
});
fm('sin_cos', (x) => tuple2(same(x, Math.sin(x.v)), same(x, Math.cos(x.v))));
fm('copysign', (x, a) => {
  const neg = fv(a[1]).v < 0 || Object.is(fv(a[1]).v, -0);
  const m = Math.abs(x.v);
  return same(x, neg ? -m : m);
});
/** `midpoint`: the halved sum, or the sum of halves where the sum would overflow. */
fm('midpoint', (x, a) => {
  const b = fv(a[1]).v;
  const sum = x.v + b;
  return same(x, Number.isFinite(sum) || !Number.isFinite(x.v) || !Number.isFinite(b) ? sum / 2 : x.v / 2 + b / 2);
});
fm('div_euclid', (x, a) => {
  const b = fv(a[1]).v;
  const q = Math.trunc(x.v / b);
  return same(x, x.v % b < 0 ? (b > 0 ? q - 1 : q + 1) : q);
});

/** The bits of a float as an unsigned integer (u64 / u32). */
function toBits(x: RFloat): bigint {
  const d = new DataView(new ArrayBuffer(8));
  if (x.f32) {
    d.setFloat32(0, x.v);
    return BigInt(d.getUint32(0));
  }
  d.setFloat64(0, x.v);
  return d.getBigUint64(0);
}
function fromBits(f32: boolean, bits: bigint): RFloat {
  const d = new DataView(new ArrayBuffer(8));
  if (f32) {
    d.setUint32(0, Number(BigInt.asUintN(32, bits)));
    return new RFloat(d.getFloat32(0), true);
  }
  d.setBigUint64(0, BigInt.asUintN(64, bits));
  return new RFloat(d.getFloat64(0), false);
}
fm('to_bits', (x) => normBig(toBits(x)));
function floatBytes(x: RFloat, le: boolean): RVec {
  const bits = toBits(x);
  const count = x.f32 ? 4 : 8;
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(Number((bits >> BigInt(8 * (count - 1 - i))) & 0xffn));
  return new RVec(le ? out.reverse() : out, true);
}
fm('to_be_bytes', (x) => floatBytes(x, false));
fm('to_le_bytes', (x) => floatBytes(x, true));
fm('to_ne_bytes', (x) => floatBytes(x, true));

/** `next_up` / `next_down`: the neighbouring representable float. */
function nextFloat(x: RFloat, up: boolean): RFloat {
  const v = x.v;
  if (Number.isNaN(v) || v === (up ? Infinity : -Infinity)) return x;
  if (v === 0) return fromBits(x.f32, up ? 1n : (x.f32 ? 1n << 31n : 1n << 63n) | 1n);
  const b = toBits(x);
  return fromBits(x.f32, v > 0 === up ? b + 1n : b - 1n);
}
fm('next_up', (x) => nextFloat(x, true));
fm('next_down', (x) => nextFloat(x, false));

const MIN_NORMAL = { f64: 2.2250738585072014e-308, f32: 1.1754943508222875e-38 };
const isNormal = (x: RFloat): boolean => Number.isFinite(x.v) && Math.abs(x.v) >= MIN_NORMAL[x.f32 ? 'f32' : 'f64'];
const isSubnormal = (x: RFloat): boolean => x.v !== 0 && Number.isFinite(x.v) && !isNormal(x);
fm('is_normal', isNormal);
fm('is_subnormal', isSubnormal);

export const FP_CATEGORY = new EnumDef(
  'FpCategory',
  ['Nan', 'Infinite', 'Zero', 'Subnormal', 'Normal'].map((v, i) => new VariantDef(v, [], 'unit', i, [])),
);
for (const d of ['Debug', 'Clone', 'Copy', 'PartialEq', 'Eq', 'Hash']) FP_CATEGORY.derives.add(d);
fm('classify', (x) => {
  const i = Number.isNaN(x.v) ? 0 : !Number.isFinite(x.v) ? 1 : x.v === 0 ? 2 : isSubnormal(x) ? 3 : 4;
  return FP_CATEGORY.unit(i);
});

const FLOAT_INT_CONSTS: Record<string, [f64: number, f32: number]> = {
  RADIX: [2, 2],
  MANTISSA_DIGITS: [53, 24],
  DIGITS: [15, 6],
  MIN_EXP: [-1021, -125],
  MAX_EXP: [1024, 128],
  MIN_10_EXP: [-307, -37],
  MAX_10_EXP: [308, 38],
};
for (const k of ['f64', 'f32'] as const) {
  const f32 = k === 'f32';
  const N = ns([k, `std::${k}`]);
  for (const [c, v] of Object.entries(FLOAT_INT_CONSTS)) memberValue(N, c, () => v[f32 ? 1 : 0]);
  member(N, 'from_bits', (_s, a) => fromBits(f32, toBig(n(a[0]))));
  for (const [end, le] of [
    ['be', false],
    ['le', true],
    ['ne', true],
  ] as const) {
    member(N, `from_${end}_bytes`, (_s, a) => {
      const bytes = (deref(a[0]) as RVec).a.map((b) => BigInt(Number(b) & 0xff));
      const order = le ? [...bytes].reverse() : bytes;
      return fromBits(
        f32,
        order.reduce((acc, b) => (acc << 8n) | b, 0n),
      );
    });
  }
}
regEnum(['FpCategory', 'std::num::FpCategory', 'num::FpCategory'], FP_CATEGORY);
const FP = ns(['FpCategory', 'std::num::FpCategory', 'num::FpCategory']);
['Nan', 'Infinite', 'Zero', 'Subnormal', 'Normal'].forEach((v, i) => memberValue(FP, v, () => FP_CATEGORY.unit(i)));

// ---- deprecated names std still accepts
for (const name of Object.keys(INT_TYPES) as (keyof typeof INT_TYPES)[]) {
  const t = INT_TYPES[name];
  const N = ns([name, `std::${name}`, `core::${name}`]);
  member(N, 'max_value', () => t.max, t);
  member(N, 'min_value', () => t.min, t);
}
fm('abs_sub', (x, a) => same(x, Math.max(x.v - fv(a[1]).v, 0)));
