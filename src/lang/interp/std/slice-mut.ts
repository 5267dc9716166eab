/**
 * Mutable sub-slices that alias their parent (`chunks_mut`, `split_at_mut`, `split_first_mut`, …):
 * a write through a chunk lands in the vector it was cut from, as in Rust (see slice-view.ts).
 */
import type { NativeFn, Site } from '../defs.ts';
import { panicAt } from '../panic.ts';
import { deref, MutRef, RVec, type Value } from '../values.ts';
import { NONE, some } from './enums.ts';
import { BufIter, tuple2 } from './iter.ts';
import { ITER } from './iter-methods.ts';
import { def } from './tables.ts';
import { sliceView } from './slice-view.ts';
import { DEQUE, VEC } from './vec.ts';
import { ChunksExact } from './vec.ts';

const arr = (v: Value): Value[] => (deref(v) as RVec).a;

function both(name: string, f: NativeFn): void {
  def(VEC, name, 'refMut', f);
  def(DEQUE, name, 'refMut', f);
}

const view = (base: Value[], lo: number, hi: number): RVec => new RVec(sliceView(base, lo, hi));

function chunksMut(s: Site, x: Value[], n: number, fromEnd: boolean, exact: boolean): Value {
  if (n === 0) panicAt(s, 'chunk size must be non-zero');
  const out: Value[] = [];
  const full = x.length - (x.length % n);
  if (!fromEnd) {
    for (let i = 0; i < (exact ? full : x.length); i += n) out.push(view(x, i, Math.min(i + n, x.length)));
    return exact ? new ChunksExact(out, sliceView(x, full, x.length)) : new BufIter(out, false);
  }
  for (let end = x.length; end > (exact ? x.length - full : 0); end -= n) out.push(view(x, Math.max(0, end - n), end));
  return exact ? new ChunksExact(out, sliceView(x, 0, x.length - full)) : new BufIter(out, false);
}

both('chunks_mut', (s, a) => chunksMut(s, arr(a[0]), Number(deref(a[1])), false, false));
both('chunks_exact_mut', (s, a) => chunksMut(s, arr(a[0]), Number(deref(a[1])), false, true));
both('rchunks_mut', (s, a) => chunksMut(s, arr(a[0]), Number(deref(a[1])), true, false));
both('rchunks_exact_mut', (s, a) => chunksMut(s, arr(a[0]), Number(deref(a[1])), true, true));
def(ITER, 'into_remainder', 'value', (_s, a) => new RVec((deref(a[0]) as ChunksExact).rest));
both('split_at_mut', (s, a) => {
  const x = arr(a[0]);
  const k = Number(deref(a[1]));
  if (k > x.length) panicAt(s, 'mid > len');
  return tuple2(view(x, 0, k), view(x, k, x.length));
});
both('split_first_mut', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(tuple2(new MutRef(x, 0), view(x, 1, x.length)));
});
both('split_last_mut', (_s, a) => {
  const x = arr(a[0]);
  return x.length === 0 ? NONE : some(tuple2(new MutRef(x, x.length - 1), view(x, 0, x.length - 1)));
});
