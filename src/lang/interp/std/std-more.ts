/**
 * The long tail of std (issue 13): methods learners call that the core tables did not have —
 * `Iterator::{map_while, try_fold, try_for_each, fuse, is_sorted*}`, slices' `split_first` /
 * `split_last`, `dedup_by_key` / `dedup_by`, `is_sorted*`, `Option`/`Result::transpose`, B-tree
 * `pop_first` / `pop_last`, integer `swap_bytes` / `reverse_bits`, float `rem_euclid` /
 * `div_euclid`. What is still left out is listed in docs/std-surface.md.
 */
import { callValue } from '../call.ts';
import type { NativeFn, Site } from '../defs.ts';
import { cmpValues, eqValues, keyOf, orderingToNumber } from '../ops-rt.ts';
import { env } from '../env.ts';
import { displayString, registerFmt } from '../fmt-value.ts';
import { RustPanic } from '../sim.ts';
import { fn, member, ns } from './registry.ts';
import { claim, dropInFlight, release } from '../owner.ts';
import { panicAt } from '../panic.ts';
import { libraryAt } from '../../num/std-location.ts';
import { cloneValue } from './clone.ts';
import type { RRange } from './range.ts';
import type { IntType, IntValue } from '../../num/int-type.ts';
import { I32 } from '../../num/int-type.ts';
import { deref, type MapEntry, REnum, RFloat, RMap, RVec, type Value } from '../values.ts';
import { err, NONE, ok, OPTION, ordering, RESULT, some } from './enums.ts';
import { setTupleMaker } from './option.ts';
import { BufIter, DONE, intoIter, type Next, RIter, tuple2 } from './iter.ts';
import { ITER } from './iter-methods.ts';
import { entriesOf } from './map-core.ts';
import { DEQUE, VEC } from './vec.ts';
import { def, FLOAT_METHODS, INT_METHODS, tableFor } from './tables.ts';

const it = (v: Value): RIter => deref(v) as RIter;

// ---- Iterator
/** `map_while`: items while the closure gives `Some`, then nothing more. */
class MapWhileIter extends RIter {
  private done = false;
  constructor(
    private readonly src: RIter,
    private readonly site: Site,
    private readonly f: Value,
  ) {
    super();
  }
  next(): Next {
    if (this.done) return DONE;
    const x = this.src.next();
    if (x === DONE) return DONE;
    const r = callValue(this.site, this.f, [x]);
    if (r instanceof REnum && r.v === 1) return release(r.f[0], r.f);
    this.done = true;
    return DONE;
  }
}
def(ITER, 'map_while', 'value', (s, a) => new MapWhileIter(it(a[0]), s, a[1]));
def(ITER, 'fuse', 'value', (_s, a) => a[0]);

/** `Some(v)` / `Ok(v)` go on with `v`; `None` / `Err(e)` stop the fold. */
export function isBreak(r: Value): boolean {
  return r instanceof REnum && (r.def === OPTION ? r.v === 0 : r.def === RESULT && r.v === 1);
}
/** The accumulator wrapped like the closure's results (`Some` unless they were Results). */
export function wrapLike(sample: Value, acc: Value, site: Site): Value {
  const isResult = sample instanceof REnum ? sample.def === RESULT : (site.hint ?? '').startsWith('Result');
  return isResult ? ok(acc) : some(acc);
}
const tryFold: NativeFn = (s, a) => {
  const src = it(a[0]);
  let acc = a[1];
  let sample: Value = undefined;
  for (let x = src.next(); x !== DONE; x = src.next()) {
    const r = callValue(s, a[2], [acc, x]);
    if (isBreak(r)) return r;
    sample = r;
    acc = release((r as REnum).f[0], (r as REnum).f);
  }
  return wrapLike(sample, acc, s);
};
def(ITER, 'try_fold', 'refMut', tryFold);
def(ITER, 'try_for_each', 'refMut', (s, a) => {
  const src = it(a[0]);
  let sample: Value = undefined;
  for (let x = src.next(); x !== DONE; x = src.next()) {
    const r = callValue(s, a[1], [x]);
    if (isBreak(r)) return r;
    sample = r;
  }
  return wrapLike(sample, undefined, s);
});

/** Whether consecutive items satisfy `ok(prev, next)`. */
function sortedBy(items: Iterable<Value>, ok2: (x: Value, y: Value) => boolean): boolean {
  let prev: Value = undefined;
  let first = true;
  for (const x of items) {
    if (!first && !ok2(prev, x)) return false;
    prev = x;
    first = false;
  }
  return true;
}
function* drain(src: RIter): Generator<Value> {
  for (let x = src.next(); x !== DONE; x = src.next()) yield x;
}
const le = (x: Value, y: Value): boolean => cmpValues(x, y) <= 0;
def(ITER, 'is_sorted', 'value', (_s, a) => sortedBy(drain(it(a[0])), le));
def(ITER, 'is_sorted_by', 'value', (s, a) => sortedBy(drain(it(a[0])), (x, y) => callValue(s, a[1], [x, y]) === true));
def(ITER, 'is_sorted_by_key', 'value', (s, a) => {
  const keys = [...drain(it(a[0]))].map((x) => callValue(s, a[1], [x]));
  return sortedBy(keys, le);
});

// ---- slices and Vec
const arr = (v: Value): Value[] => (deref(v) as RVec).a;
function both(name: string, mode: 'ref' | 'refMut', f: NativeFn): void {
  def(VEC, name, mode, f);
  def(DEQUE, name, mode, f);
}
both('split_first', 'ref', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(tuple2(x[0], new RVec(x.slice(1))));
});
both('split_last', 'ref', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(tuple2(x[x.length - 1], new RVec(x.slice(0, -1))));
});
/** Keeps the first of each run of items that `same(kept, next)` calls equal. */
function dedupWith(x: Value[], same: (kept: Value, next: Value) => boolean): void {
  const out: Value[] = [];
  for (const v of x) {
    if (out.length > 0 && same(out[out.length - 1], v)) dropInFlight(release(v, x));
    else out.push(v);
  }
  x.length = 0;
  x.push(...out);
}
both(
  'dedup_by_key',
  'refMut',
  (s, a) => void dedupWith(arr(a[0]), (k, v) => eqValues(callValue(s, a[1], [k]), callValue(s, a[1], [v]))),
);
// `same_bucket(a, b)` gets the later item first, as std's does
both('dedup_by', 'refMut', (s, a) => void dedupWith(arr(a[0]), (k, v) => callValue(s, a[1], [v, k]) === true));
both('is_sorted', 'ref', (_s, a) => sortedBy(arr(a[0]), le));
both('is_sorted_by', 'ref', (s, a) => sortedBy(arr(a[0]), (x, y) => callValue(s, a[1], [x, y]) === true));
both('is_sorted_by_key', 'ref', (s, a) =>
  sortedBy(
    arr(a[0]).map((x) => callValue(s, a[1], [x])),
    le,
  ),
);

// ---- Option / Result
OPTION.methods.set('transpose', {
  name: 'transpose',
  selfMode: 'value',
  // Option<Result<T, E>> → Result<Option<T>, E>
  call: (_s, a) => {
    const o = deref(a[0]) as REnum;
    if (o.v === 0) return ok(NONE);
    const r = release(o.f[0], o.f) as REnum;
    const inner = release(r.f[0], r.f);
    return r.v === 0 ? ok(some(inner)) : err(inner);
  },
});
RESULT.methods.set('transpose', {
  name: 'transpose',
  selfMode: 'value',
  // Result<Option<T>, E> → Option<Result<T, E>>
  call: (_s, a) => {
    const r = deref(a[0]) as REnum;
    const inner = release(r.f[0], r.f);
    if (r.v === 1) return some(err(inner));
    const o = inner as REnum;
    return o.v === 0 ? NONE : some(ok(release(o.f[0], o.f)));
  },
});

// ---- B-tree maps and sets
const MAP = tableFor(RMap);
function popEnd(last: boolean): NativeFn {
  return (_s, a) => {
    const x = deref(a[0]) as RMap;
    const es: MapEntry[] = entriesOf(x, cmpValues);
    const e = last ? es[es.length - 1] : es[0];
    if (e === undefined) return NONE;
    x.m.delete(keyOf(e.k));
    const k = release(e.k, x.items);
    return x.set ? some(k) : some(tuple2(k, release(e.v, x.items)));
  };
}
def(MAP, 'pop_first', 'refMut', popEnd(false));
def(MAP, 'pop_last', 'refMut', popEnd(true));

// ---- integers and floats
const ty = (s: Site): IntType => s.int?.t ?? I32;
const n = (v: Value): IntValue => deref(v) as IntValue;
function mapBits(t: IntType, v: IntValue, f: (u: bigint, bits: number) => bigint): IntValue {
  return t.wrap(BigInt.asUintN(t.bits, f(t.toUnsignedBits(v), t.bits)));
}
def(INT_METHODS, 'swap_bytes', 'ref', (s, a) =>
  mapBits(ty(s), n(a[0]), (u, bits) => {
    let r = 0n;
    for (let i = 0; i < bits / 8; i++) r = (r << 8n) | ((u >> BigInt(i * 8)) & 0xffn);
    return r;
  }),
);
def(INT_METHODS, 'reverse_bits', 'ref', (s, a) =>
  mapBits(ty(s), n(a[0]), (u, bits) => {
    let r = 0n;
    for (let i = 0; i < bits; i++) r = (r << 1n) | ((u >> BigInt(i)) & 1n);
    return r;
  }),
);
const fv = (v: Value): RFloat => deref(v) as RFloat;
def(FLOAT_METHODS, 'rem_euclid', 'ref', (_s, a) => {
  const x = fv(a[0]);
  const r = x.v % fv(a[1]).v;
  return new RFloat(r < 0 ? r + Math.abs(fv(a[1]).v) : r, x.f32);
});
def(FLOAT_METHODS, 'div_euclid', 'ref', (_s, a) => {
  const x = fv(a[0]);
  const d = fv(a[1]).v;
  const q = Math.trunc(x.v / d);
  return new RFloat(x.v % d < 0 ? (d > 0 ? q - 1 : q + 1) : q, x.f32);
});

def(ITER, 'reduce', 'value', (s, a) => {
  const src = it(a[0]);
  const first = src.next();
  if (first === DONE) return NONE;
  let acc: Value = first;
  for (let x = src.next(); x !== DONE; x = src.next()) acc = callValue(s, a[1], [acc, x]);
  return some(acc);
});
both('split_at', 'ref', (s, a) => {
  const x = arr(a[0]);
  const k = Number(deref(a[1]));
  if (k > x.length) panicAt(s, 'mid > len');
  return tuple2(new RVec(x.slice(0, k)), new RVec(x.slice(k)));
});
both('resize', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  const k = Number(deref(a[1]));
  while (x.length > k) dropInFlight(release(x.pop(), x));
  while (x.length < k) {
    const v = cloneValue(a[2]);
    x.push(v);
    claim(v, x, -1);
  }
  dropInFlight(a[2]);
});
both('fill', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  for (let i = 0; i < x.length; i++) {
    dropInFlight(release(x[i], x));
    x[i] = cloneValue(a[1]);
    claim(x[i], x, i);
  }
});
/** `BTreeMap::range` / `BTreeSet::range`: the sorted entries whose key is in the range. */
def(MAP, 'range', 'ref', (_s, a) => {
  const x = deref(a[0]) as RMap;
  const r = deref(a[1]) as RRange;
  if (r.hasStart && r.hasEnd && cmpValues(r.start, r.end) > 0) {
    // measured in s442: the map's check and the set's are two lines apart in btree/search.rs
    const at = libraryAt('alloc/src/collections/btree/search.rs', x.set ? 119 : 121, 21);
    panicAt(at, `range start is greater than range end in ${x.set ? 'BTreeSet' : 'BTreeMap'}`);
  }
  const inRange = (k: Value): boolean => {
    if (r.hasStart && cmpValues(k, r.start) < 0) return false;
    if (!r.hasEnd) return true;
    const c = cmpValues(k, r.end);
    return r.inclusive ? c <= 0 : c < 0;
  };
  const items = entriesOf(x, cmpValues)
    .filter((e) => inRange(e.k))
    .map((e) => (x.set ? e.k : tuple2(e.k, e.v)));
  return new BufIter(items, true);
});

// `Option::zip` builds a tuple (option.ts cannot import iter.ts without a cycle)
setTupleMaker(tuple2);

def(ITER, 'rposition', 'refMut', (s, a) => {
  const items = [...drain(it(a[0]))];
  for (let i = items.length - 1; i >= 0; i--) if (callValue(s, a[1], [items[i]]) === true) return some(i);
  return NONE;
});
/** `ilog2` / `ilog10`: panics on zero or a negative number, as std's do. */
function ilog(base: bigint): NativeFn {
  return (s, a) => {
    let v = BigInt(n(a[0]));
    if (v <= 0n) panicAt(s, 'argument of integer logarithm must be positive', true);
    let k = 0;
    while (v >= base) {
      v /= base;
      k++;
    }
    return k;
  };
}
def(INT_METHODS, 'ilog2', 'ref', ilog(2n));
def(INT_METHODS, 'ilog10', 'ref', ilog(10n));

/** Binary search with `order(item)` (Less: the target is further right); Ok(i) or Err(insert at). */
/**
 * std's `binary_search_by` (core/src/slice/mod.rs since 1.82): halve `size` from `base` without an
 * early exit, then compare once at `base`. Among equal items it finds the one this walk lands
 * on, which is what a program prints (`Ok(2)` where a textbook search says `Ok(1)`).
 */
export function searchBy(x: Value[], order: (item: Value) => number): Value {
  let size = x.length;
  if (size === 0) return err(0);
  let base = 0;
  while (size > 1) {
    const half = size >> 1;
    const mid = base + half;
    if (order(x[mid]) <= 0) base = mid;
    size -= half;
  }
  const c = order(x[base]);
  return c === 0 ? ok(base) : err(base + (c < 0 ? 1 : 0));
}
both('binary_search_by', 'ref', (s, a) => searchBy(arr(a[0]), (v) => orderingToNumber(callValue(s, a[1], [v]))));
both('binary_search_by_key', 'ref', (s, a) => searchBy(arr(a[0]), (v) => cmpValues(callValue(s, a[2], [v]), a[1])));
both('partition_point', 'ref', (s, a) => {
  const x = arr(a[0]);
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (callValue(s, a[1], [x[mid]]) === true) lo = mid + 1;
    else hi = mid;
  }
  return lo;
});

def(INT_METHODS, 'next_power_of_two', 'ref', (s, a) => {
  const t = ty(s);
  const v = BigInt(n(a[0]));
  let p = 1n;
  while (p < v) p <<= 1n;
  return t.wrap(p);
});

// ---- std::panic::catch_unwind: the closure's value, or the payload of the panic it raised
fn(['std::panic::catch_unwind', 'panic::catch_unwind'], (s, a) => {
  try {
    return ok(callValue(s, a[0], []));
  } catch (e) {
    if (!(e instanceof RustPanic)) throw e;
    env.panicking = false;
    return err(e.payload as Value);
  }
});
fn(['std::panic::AssertUnwindSafe', 'panic::AssertUnwindSafe'], (_s, a) => a[0]);

// ---- std::str::from_utf8: validates, then borrows the bytes as a str
class RUtf8Error {
  constructor(
    readonly validUpTo: number,
    readonly errorLen: number | null,
  ) {}
}
registerFmt(RUtf8Error, (v) => {
  const e = v as RUtf8Error;
  const len = e.errorLen === null ? 'None' : `Some(${e.errorLen})`;
  return {
    debug: (f) => f.writeStr(`Utf8Error { valid_up_to: ${e.validUpTo}, error_len: ${len} }`),
    display: (f) =>
      f.writeStr(
        e.errorLen === null
          ? `incomplete utf-8 byte sequence from index ${e.validUpTo}`
          : `invalid utf-8 sequence of ${e.errorLen} bytes from index ${e.validUpTo}`,
      ),
  };
});
/** The first invalid UTF-8 sequence in `b`: where it starts and its length (null if cut short). */
function utf8Error(b: number[]): RUtf8Error | null {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const need =
      c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return new RUtf8Error(i, 1);
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) return new RUtf8Error(i, null);
      const x = b[i + k];
      const lo = k === 1 && c === 0xe0 ? 0xa0 : k === 1 && c === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && c === 0xed ? 0x9f : k === 1 && c === 0xf4 ? 0x8f : 0xbf;
      if (x < lo || x > hi) return new RUtf8Error(i, k);
    }
    i += need + 1;
  }
  return null;
}
fn(['std::str::from_utf8', 'str::from_utf8'], (_s, a) => {
  const b = arr(a[0]).map((x) => Number(deref(x)));
  const e = utf8Error(b);
  return e !== null ? err(e) : ok(new TextDecoder().decode(new Uint8Array(b)));
});
def(tableFor(RUtf8Error), 'valid_up_to', 'ref', (_s, a) => (deref(a[0]) as RUtf8Error).validUpTo);
def(tableFor(RUtf8Error), 'error_len', 'ref', (_s, a) => {
  const n = (deref(a[0]) as RUtf8Error).errorLen;
  return n === null ? NONE : some(n);
});

/** `std::string::FromUtf8Error`: the bytes given back, and the `Utf8Error` that refused them. */
class RFromUtf8Error {
  constructor(
    readonly bytes: RVec,
    readonly error: RUtf8Error,
  ) {}
}
registerFmt(RFromUtf8Error, (v) => {
  const e = v as RFromUtf8Error;
  const bytes = `[${e.bytes.a.map((x) => String(Number(deref(x)))).join(', ')}]`;
  const len = e.error.errorLen === null ? 'None' : `Some(${e.error.errorLen})`;
  const inner = `Utf8Error { valid_up_to: ${e.error.validUpTo}, error_len: ${len} }`;
  return {
    debug: (f) => f.writeStr(`FromUtf8Error { bytes: ${bytes}, error: ${inner} }`),
    display: (f) => f.writeStr(displayString(e.error)),
  };
});
member(ns(['String', 'std::string::String']), 'from_utf8', (_s, a) => {
  const v = deref(a[0]) as RVec;
  const e = utf8Error(v.a.map((x) => Number(deref(x))));
  return e !== null ? err(new RFromUtf8Error(v, e)) : ok(new TextDecoder().decode(new Uint8Array(v.a.map(Number))));
});
const FUE = tableFor(RFromUtf8Error);
def(FUE, 'utf8_error', 'ref', (_s, a) => (deref(a[0]) as RFromUtf8Error).error);
def(FUE, 'as_bytes', 'ref', (_s, a) => (deref(a[0]) as RFromUtf8Error).bytes);
def(FUE, 'into_bytes', 'value', (_s, a) => (deref(a[0]) as RFromUtf8Error).bytes);

/** `Iterator::cmp` and friends: the two sequences compared item by item, then by length. */
function cmpIters(a: RIter, b: RIter): number {
  for (;;) {
    const x = a.next();
    const y = b.next();
    if (x === DONE || y === DONE) return x === DONE ? (y === DONE ? 0 : -1) : 1;
    const c = cmpValues(x, y);
    if (c !== 0) return c;
  }
}
const other = (v: Value, s: Site): RIter => intoIter(v, s);
def(ITER, 'eq', 'value', (s, a) => cmpIters(it(a[0]), other(a[1], s)) === 0);
def(ITER, 'ne', 'value', (s, a) => cmpIters(it(a[0]), other(a[1], s)) !== 0);
def(ITER, 'lt', 'value', (s, a) => cmpIters(it(a[0]), other(a[1], s)) < 0);
def(ITER, 'le', 'value', (s, a) => cmpIters(it(a[0]), other(a[1], s)) <= 0);
def(ITER, 'gt', 'value', (s, a) => cmpIters(it(a[0]), other(a[1], s)) > 0);
def(ITER, 'ge', 'value', (s, a) => cmpIters(it(a[0]), other(a[1], s)) >= 0);
def(ITER, 'cmp', 'value', (s, a) => ordering(cmpIters(it(a[0]), other(a[1], s))));

/** `chunk_by(pred)`: runs of consecutive items where `pred(prev, next)` holds. */
both('chunk_by', 'ref', (s, a) => {
  const x = arr(a[0]);
  const out: Value[] = [];
  let start = 0;
  for (let i = 1; i <= x.length; i++) {
    if (i === x.length || callValue(s, a[1], [x[i - 1], x[i]]) !== true) {
      out.push(new RVec(x.slice(start, i)));
      start = i;
    }
  }
  return new BufIter(out, true);
});

/** `VecDeque::range(r)`: the items whose index is in `r`. */
def(DEQUE, 'range', 'ref', (_s, a) => {
  const x = arr(a[0]);
  const [lo, hi] = (deref(a[1]) as RRange).bounds(x.length);
  return new BufIter(x.slice(lo, hi), false);
});
def(MAP, 'symmetric_difference', 'ref', (_s, a) => {
  const x = deref(a[0]) as RMap;
  const y = deref(a[1]) as RMap;
  const items = [...entriesOf(x, cmpValues), ...entriesOf(y, cmpValues)]
    .filter((e) => !(x.m.has(keyOf(e.k)) && y.m.has(keyOf(e.k))))
    .map((e) => e.k);
  if (x.sorted) items.sort(cmpValues);
  return new BufIter(items, false);
});
def(MAP, 'is_superset', 'ref', (_s, a) => {
  const y = deref(a[1]) as RMap;
  const x = deref(a[0]) as RMap;
  return [...y.m.keys()].every((k) => x.m.has(k));
});
def(MAP, 'is_disjoint', 'ref', (_s, a) => {
  const y = deref(a[1]) as RMap;
  return [...(deref(a[0]) as RMap).m.keys()].every((k) => !y.m.has(k));
});
