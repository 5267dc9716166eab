/** `Vec<T>`, arrays and slices (one representation), and `VecDeque<T>`. */
import { allocate } from '../guards.ts';
import { callValue } from '../call.ts';
import type { NativeFn, SelfMode, Site } from '../defs.ts';
import { cmpValues, eqValues, orderingToNumber } from '../ops-rt.ts';
import { claim, dropInFlight, dropItems, release } from '../owner.ts';
import { panicAt } from '../panic.ts';
import { libraryAt, SLICE_RANGE_END_LOCATION } from '../../num/std-location.ts';

/** Where `VecDeque`'s own panics are reported (it has no `#[track_caller]`). */
const DEQUE_RS = 'alloc/src/collections/vec_deque/mod.rs';
import { deref, MutRef, RDeque, RVec, type Value, text } from '../values.ts';
import { cloneValue } from './clone.ts';
import { NONE, some } from './enums.ts';
import { BufIter, drain, forEachItem, intoIter, MutIter } from './iter.ts';
import { ITER } from './iter-methods.ts';
import { RRange } from './range.ts';
import { sliceBounds } from './index-ops.ts';
import { member, ns } from './registry.ts';
import { def, tableFor } from './tables.ts';
import { displayString } from '../fmt-value.ts';

export const VEC = tableFor(RVec);
export const DEQUE = tableFor(RDeque);
const arr = (v: Value): Value[] => (deref(v) as RVec).a;

function both(name: string, mode: SelfMode, f: NativeFn): void {
  def(VEC, name, mode, f);
  def(DEQUE, name, mode, f);
}

function push(a: Value[], v: Value): void {
  a.push(v);
  claim(v, a, -1);
}

/** Removes item `i`, handing it over (in flight). */
function removeAt(a: Value[], i: number): Value {
  const v = a[i];
  a.splice(i, 1);
  return release(v, a);
}

both('len', 'ref', (_s, a) => arr(a[0]).length);
both('is_empty', 'ref', (_s, a) => arr(a[0]).length === 0);
both('push', 'refMut', (_s, a) => void push(arr(a[0]), a[1]));
both('push_back', 'refMut', (_s, a) => void push(arr(a[0]), a[1]));
both('push_front', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  x.unshift(a[1]);
  claim(a[1], x, -1);
});
both('pop', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(removeAt(x, x.length - 1));
});
both('pop_back', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(removeAt(x, x.length - 1));
});
both('pop_front', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(removeAt(x, 0));
});
both('front', 'ref', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(x[0]);
});
both('back', 'ref', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(x[x.length - 1]);
});
both('first', 'ref', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(x[0]);
});
both('last', 'ref', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(x[x.length - 1]);
});
both('first_mut', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(new MutRef(x, 0));
});
both('last_mut', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(new MutRef(x, x.length - 1));
});
both('get', 'ref', (s, a) => {
  const x = arr(a[0]);
  const i = a[1];
  if (i instanceof RRange) {
    const [lo, hi] = i.bounds(x.length);
    return lo <= hi && hi <= x.length ? some(new RVec(x.slice(lo, hi))) : NONE;
  }
  const n = Number(i);
  void s;
  return n >= 0 && n < x.length ? some(x[n]) : NONE;
});
both('get_mut', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  const n = Number(a[1]);
  return n >= 0 && n < x.length ? some(new MutRef(x, n)) : NONE;
});
both('insert', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const i = Number(a[1]);
  if (i > x.length && deref(a[0]) instanceof RDeque) panicAt(libraryAt(DEQUE_RS, 2431, 9), 'index out of bounds');
  if (i > x.length) panicAt(s, `insertion index (is ${i}) should be <= len (is ${x.length})`);
  x.splice(i, 0, a[2]);
  claim(a[2], x, -1);
});
both('remove', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const i = Number(a[1]);
  if (deref(a[0]) instanceof RDeque) return i < x.length ? some(removeAt(x, i)) : NONE;
  if (i >= x.length) panicAt(s, `removal index (is ${i}) should be < len (is ${x.length})`);
  return removeAt(x, i);
});
both('swap_remove', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  const i = Number(a[1]);
  if (i >= x.length)
    panicAt(
      libraryAt('alloc/src/vec/mod.rs', 2202, 13),
      `swap_remove index (is ${i}) should be < len (is ${x.length})`,
    );
  const v = release(x[i], x);
  x[i] = x[x.length - 1];
  x.pop();
  return v;
});
both('clear', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  const items = x.splice(0, x.length);
  dropItems(items, x);
});
both('truncate', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  const n = Number(a[1]);
  if (n < x.length) dropItems(x.splice(n), x);
});
both('extend', 'refMut', (s, a) => {
  const x = arr(a[0]);
  forEachItem(intoIter(a[1], s), s, (v) => push(x, v));
});
both('extend_from_slice', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  for (const v of arr(a[1])) push(x, cloneValue(v));
});
both('append', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  const y = arr(a[1]);
  for (const v of y.splice(0)) {
    release(v, y);
    push(x, v);
  }
});
both('drain', 'refMut', (s, a) => {
  const x = arr(a[0]);
  let lo = 0;
  let hi = x.length;
  if (a[1] instanceof RRange) {
    // `Vec::drain` checks its range in core, where rustc reports a range past the end
    const end = a[1].bounds(x.length)[1];
    if (end > x.length)
      panicAt(SLICE_RANGE_END_LOCATION, `range end index ${end} out of range for slice of length ${x.length}`);
    [lo, hi] = sliceBounds(a[1], x.length, s);
  }
  const items = x.splice(lo, hi - lo);
  return new BufIter(
    items.map((v) => release(v, x)),
    false,
  );
});
both('split_off', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const at = Number(a[1]);
  if (at > x.length && deref(a[0]) instanceof RDeque) panicAt(libraryAt(DEQUE_RS, 2539, 9), '`at` out of bounds');
  if (at > x.length) panicAt(s, `\`at\` split index (is ${at}) should be <= len (is ${x.length})`);
  const items = x.splice(Number(a[1])).map((v) => release(v, x));
  const out = new RVec(items);
  for (const v of items) claim(v, items, -1);
  return out;
});
both('retain', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const keep: Value[] = [];
  for (const v of x) {
    if (callValue(s, a[1], [v]) === true) keep.push(v);
    else if (v instanceof Object && 'o' in v && v.o === x) dropItems([v], x);
  }
  x.length = 0;
  x.push(...keep);
});
both('dedup', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  const out: Value[] = [];
  for (const v of x) if (out.length === 0 || !eqValues(out[out.length - 1], v)) out.push(v);
  x.length = 0;
  x.push(...out);
});
both('iter', 'ref', (_s, a) => new BufIter(arr(a[0]), false));
both('iter_mut', 'refMut', (_s, a) => new MutIter(arr(a[0])));
both('into_iter', 'value', (s, a) => intoIter(a[0], s));
both('contains', 'ref', (_s, a) => arr(a[0]).some((v) => eqValues(v, a[1])));
both('clone', 'ref', (_s, a) => cloneValue(deref(a[0])));
both('to_vec', 'ref', (_s, a) => cloneValue(new RVec(arr(a[0]))));
both('to_owned', 'ref', (_s, a) => cloneValue(new RVec(arr(a[0]))));
both('as_slice', 'ref', (_s, a) => deref(a[0]));
both('as_mut_slice', 'refMut', (_s, a) => a[0]);
both('capacity', 'ref', (_s, a) => arr(a[0]).length);
both('reserve', 'refMut', () => undefined);
both('shrink_to_fit', 'refMut', () => undefined);
both('reverse', 'refMut', (_s, a) => void arr(a[0]).reverse());
both('swap', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const i = Number(a[1]);
  const j = Number(a[2]);
  for (const [k, name] of [
    [i, 'i'],
    [j, 'j'],
  ] as const) {
    if (k < x.length) continue;
    if (deref(a[0]) instanceof RDeque)
      panicAt(libraryAt(DEQUE_RS, name === 'i' ? 971 : 972, 9), `assertion failed: ${name} < self.len()`);
    panicAt(s, `index out of bounds: the len is ${x.length} but the index is ${k}`);
  }
  const t = x[i];
  x[i] = x[j];
  x[j] = t;
});
function sortBy(x: Value[], cmp: (p: Value, q: Value) => number): void {
  // Array.prototype.sort is stable, like Rust's sort
  x.sort(cmp);
}
both('sort', 'refMut', (_s, a) => void sortBy(arr(a[0]), cmpValues));
both('sort_unstable', 'refMut', (_s, a) => void sortBy(arr(a[0]), cmpValues));
const byFn =
  (s: Site, f: Value) =>
  (p: Value, q: Value): number =>
    orderingToNumber(callValue(s, f, [p, q]));
const byKey =
  (s: Site, f: Value) =>
  (p: Value, q: Value): number =>
    cmpValues(callValue(s, f, [p]), callValue(s, f, [q]));
both('sort_by', 'refMut', (s, a) => void sortBy(arr(a[0]), byFn(s, a[1])));
both('sort_unstable_by', 'refMut', (s, a) => void sortBy(arr(a[0]), byFn(s, a[1])));
both('sort_by_key', 'refMut', (s, a) => void sortBy(arr(a[0]), byKey(s, a[1])));
both('sort_unstable_by_key', 'refMut', (s, a) => void sortBy(arr(a[0]), byKey(s, a[1])));
both('windows', 'ref', (s, a) => {
  const x = arr(a[0]);
  const n = Number(a[1]);
  if (n === 0) panicAt(s, 'window size must be non-zero');
  const out: Value[] = [];
  for (let i = 0; i + n <= x.length; i++) out.push(new RVec(x.slice(i, i + n)));
  return new BufIter(out, false);
});
both('chunks', 'ref', (s, a) => {
  const x = arr(a[0]);
  const n = Number(a[1]);
  if (n === 0) panicAt(s, 'chunk size must be non-zero');
  const out: Value[] = [];
  for (let i = 0; i < x.length; i += n) out.push(new RVec(x.slice(i, i + n)));
  return new BufIter(out, false);
});
/** `rotate_left(mid)` / `rotate_right(k)` (slices, Vec, VecDeque): in place; `mid <= len`. */
function rotateIn(s: Site, x: Value[], by: number, left: boolean, slice: boolean): void {
  // a slice's `rotate_left` asserts in core
  const at = slice && left ? libraryAt('core/src/slice/mod.rs', 3885, 9) : s;
  if (by > x.length) panicAt(at, left ? 'assertion failed: mid <= self.len()' : 'assertion failed: k <= self.len()');
  const mid = left ? by : x.length - by;
  x.push(...x.splice(0, mid));
}
both('rotate_left', 'refMut', (s, a) => void rotateIn(s, arr(a[0]), Number(a[1]), true, deref(a[0]) instanceof RVec));
both('rotate_right', 'refMut', (s, a) => void rotateIn(s, arr(a[0]), Number(a[1]), false, deref(a[0]) instanceof RVec));
/** `chunks_exact(n)`: only full chunks; `remainder()` gives the rest. */
export class ChunksExact extends BufIter {
  constructor(
    chunks: Value[],
    readonly rest: Value[],
  ) {
    super(chunks, false);
  }
}
function chunksOf(s: Site, x: Value[], n: number, fromEnd: boolean, exact: boolean): Value {
  if (n === 0) panicAt(s, 'chunk size must be non-zero');
  const out: Value[] = [];
  const full = x.length - (x.length % n);
  if (!fromEnd) {
    for (let i = 0; i < (exact ? full : x.length); i += n) out.push(new RVec(x.slice(i, i + n)));
    return exact ? new ChunksExact(out, x.slice(full)) : new BufIter(out, false);
  }
  for (let end = x.length; end > (exact ? x.length - full : 0); end -= n)
    out.push(new RVec(x.slice(Math.max(0, end - n), end)));
  return exact ? new ChunksExact(out, x.slice(0, x.length - full)) : new BufIter(out, false);
}
both('chunks_exact', 'ref', (s, a) => chunksOf(s, arr(a[0]), Number(a[1]), false, true));
both('rchunks', 'ref', (s, a) => chunksOf(s, arr(a[0]), Number(a[1]), true, false));
both('rchunks_exact', 'ref', (s, a) => chunksOf(s, arr(a[0]), Number(a[1]), true, true));
def(ITER, 'remainder', 'ref', (_s, a) => new RVec((deref(a[0]) as ChunksExact).rest));
both('concat', 'ref', (_s, a) => {
  const x = arr(a[0]);
  if (x.length > 0 && typeof deref(x[0]) === 'string') return x.map((v) => text(deref(v))).join('');
  const out: Value[] = [];
  for (const v of x) for (const w of arr(v)) out.push(cloneValue(w));
  return new RVec(out);
});
both('join', 'ref', (_s, a) =>
  arr(a[0])
    .map((v) => displayString(v))
    .join(text(a[1])),
);
both('starts_with', 'ref', (_s, a) => {
  const x = arr(a[0]);
  const p = arr(a[1]);
  return p.length <= x.length && p.every((v, i) => eqValues(v, x[i]));
});
both('fill', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  for (let i = 0; i < x.length; i++) x[i] = cloneValue(a[1]);
});
both('range', 'ref', (_s, a) => new BufIter(arr(a[0]), false));
both('make_contiguous', 'refMut', (_s, a) => deref(a[0]));
both('eq', 'ref', (_s, a) => eqValues(a[0], a[1]));

function vecNs(paths: string[], deque: boolean): void {
  const N = ns(paths);
  const mk = (items: Value[]): Value => (deque ? new RDeque(items) : new RVec(items));
  member(N, 'new', () => mk([]));
  member(N, 'with_capacity', (_s, a) => {
    allocate(Number(a[0]) * 8);
    return mk([]);
  });
  member(N, 'from', (s: Site, a) => {
    const items = drain(intoIter(a[0], s), s);
    for (const v of items) claim(v, items, -1);
    return mk(items);
  });
  member(N, 'default', () => mk([]));
}
vecNs(['Vec', 'std::vec::Vec'], false);
vecNs(['VecDeque', 'std::collections::VecDeque', 'std::collections::vec_deque::VecDeque'], true);

export { dropInFlight };
