/**
 * More of std's long tail (issue 13 §4), found by walking the docs of slices, `Vec`, `str`,
 * `Option`, the integers and `Duration`: methods a learner's program calls that the other tables
 * did not have yet. Each is written from std's documented behaviour (panic messages included).
 */
import { callValue } from '../call.ts';
import type { NativeFn, Site } from '../defs.ts';
import { panicAt } from '../panic.ts';
import type { REnum } from '../values.ts';
import { deref, MutRef, RMap, RVec, type Value } from '../values.ts';
import type { IntType, IntValue } from '../../num/int-type.ts';
import { I32, toBig } from '../../num/int-type.ts';
import { cloneValue } from './clone.ts';
import { NONE, OPTION, some } from './enums.ts';
import { tuple2 } from './iter.ts';
import { fn } from './registry.ts';
import { cmpValues, eqValues } from '../ops-rt.ts';
import { mapInsert } from './map-core.ts';
import { searchBy } from './std-more.ts';
import { def, INT_METHODS, tableFor } from './tables.ts';
import { DEQUE, VEC } from './vec.ts';
import { dropInFlight, release } from '../owner.ts';

const arr = (v: Value): Value[] => (deref(v) as RVec).a;
const ty = (s: Site): IntType => s.int?.t ?? I32;
const n = (v: Value): IntValue => deref(v) as IntValue;

// ---- slices and Vec
function copyInto(s: Site, dst: Value[], src: Value[], clone: boolean): void {
  if (dst.length !== src.length) {
    const what = clone ? 'destination and source slices have different lengths' : 'source slice length';
    panicAt(s, clone ? what : `${what} (${src.length}) does not match destination slice length (${dst.length})`);
  }
  for (let i = 0; i < src.length; i++) dst[i] = clone ? cloneValue(src[i]) : src[i];
}
for (const t of [VEC, DEQUE]) {
  def(t, 'copy_from_slice', 'refMut', (s, a) => void copyInto(s, arr(a[0]), arr(a[1]), false));
  def(t, 'clone_from_slice', 'refMut', (s, a) => void copyInto(s, arr(a[0]), arr(a[1]), true));
}
// `retain_mut`: like `retain`, with `&mut` items (the closure may change what it keeps).
def(VEC, 'retain_mut', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const keep: Value[] = [];
  for (let i = 0; i < x.length; i++) {
    if (callValue(s, a[1], [new MutRef(x, i)]) === true) keep.push(x[i]);
    else dropInFlight(release(x[i], x));
  }
  x.splice(0, x.length, ...keep);
});

// ---- Option
OPTION.methods.set('unzip', {
  name: 'unzip',
  selfMode: 'value',
  call: (_s, a) => {
    const x = deref(a[0]) as REnum;
    if (x.v !== 1) return tuple2(NONE, NONE);
    const t = deref(x.f[0]) as { f: Value[] };
    return tuple2(some(t.f[0]), some(t.f[1]));
  },
});

// ---- integers
const onesRun = (u: bigint, bits: number, fromTop: boolean): number => {
  let k = 0;
  for (let i = 0; i < bits; i++) {
    const bit = fromTop ? (u >> BigInt(bits - 1 - i)) & 1n : (u >> BigInt(i)) & 1n;
    if (bit !== 1n) break;
    k++;
  }
  return k;
};
def(INT_METHODS, 'trailing_ones', 'ref', (s, a) => onesRun(ty(s).toUnsignedBits(n(a[0])), ty(s).bits, false));
def(INT_METHODS, 'leading_ones', 'ref', (s, a) => onesRun(ty(s).toUnsignedBits(n(a[0])), ty(s).bits, true));

// ---- std::cmp
fn(['std::cmp::max_by_key', 'cmp::max_by_key', 'max_by_key'], (s, a) =>
  cmpValues(callValue(s, a[2], [a[1]]), callValue(s, a[2], [a[0]])) >= 0 ? a[1] : a[0],
);
fn(['std::cmp::min_by_key', 'cmp::min_by_key', 'min_by_key'], (s, a) =>
  cmpValues(callValue(s, a[2], [a[0]]), callValue(s, a[2], [a[1]])) <= 0 ? a[0] : a[1],
);

// ---- set algebra by operator: `&a | &b`, `&a & &b`, `&a ^ &b`, `&a - &b` make new sets
const MAP = tableFor(RMap);
function setAlgebra(keep: (inX: boolean, inY: boolean) => boolean): NativeFn {
  return (_s, a) => {
    const x = deref(a[0]) as RMap;
    const y = deref(a[1]) as RMap;
    const out = new RMap(x.sorted, true);
    for (const [k, e] of x.m) if (keep(true, y.m.has(k))) mapInsert(out, cloneValue(e.k), undefined);
    for (const [k, e] of y.m) if (!x.m.has(k) && keep(false, true)) mapInsert(out, cloneValue(e.k), undefined);
    return out;
  };
}
def(
  MAP,
  'bitor',
  'ref',
  setAlgebra(() => true),
);
def(
  MAP,
  'bitand',
  'ref',
  setAlgebra((inX, inY) => inX && inY),
);
def(
  MAP,
  'bitxor',
  'ref',
  setAlgebra((inX, inY) => inX !== inY),
);
def(
  MAP,
  'sub',
  'ref',
  setAlgebra((inX, inY) => inX && !inY),
);

// ---- more integer and slice methods
/** `midpoint`: (a + b) / 2 rounded towards negative infinity, without overflow. */
def(INT_METHODS, 'midpoint', 'ref', (s, a) => {
  const sum = toBig(n(a[0])) + toBig(n(a[1]));
  const half = sum >= 0n ? sum / 2n : -((-sum + 1n) / 2n);
  return ty(s).wrap(half);
});
def(INT_METHODS, 'div_ceil', 'ref', (s, a) => {
  const x = toBig(n(a[0]));
  const y = toBig(n(a[1]));
  if (y === 0n) panicAt(s, 'attempt to divide by zero');
  const q = x / y;
  return ty(s).wrap(x % y !== 0n && x > 0n === y > 0n ? q + 1n : q);
});
for (const t of [VEC, DEQUE]) {
  def(t, 'ends_with', 'ref', (_s, a) => {
    const x = arr(a[0]);
    const p = arr(a[1]);
    const off = x.length - p.length;
    return off >= 0 && p.every((v, i) => eqValues(v, x[off + i]));
  });
}
for (const t of [VEC, DEQUE]) {
  def(t, 'binary_search', 'ref', (_s, a) => searchBy(arr(a[0]), (v) => cmpValues(v, a[1])));
  def(t, 'repeat', 'ref', (_s, a) => {
    const x = arr(a[0]);
    const out: Value[] = [];
    for (let i = 0; i < Number(deref(a[1])); i++) for (const v of x) out.push(cloneValue(v));
    return new RVec(out);
  });
}
