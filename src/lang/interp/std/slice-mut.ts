/**
 * Mutable sub-slices that alias their parent (`chunks_mut`, `split_at_mut`, `split_first_mut`, …):
 * a write through a chunk lands in the vector it was cut from, as in Rust. Slices elsewhere are
 * copies of the viewed items (values.ts), which is right for `&[T]`; an `&mut [T]` view is an
 * array proxy over `[lo, hi)` of the parent's array, so every array operation (index, iter_mut,
 * sort, swap, fill) goes through to the parent's slots.
 */
import type { NativeFn, Site } from '../defs.ts';
import { panicAt } from '../panic.ts';
import { deref, MutRef, RVec, type Value } from '../values.ts';
import { NONE, some } from './enums.ts';
import { BufIter, tuple2 } from './iter.ts';
import { ITER } from './iter-methods.ts';
import { def } from './tables.ts';
import { DEQUE, VEC } from './vec.ts';
import { ChunksExact } from './vec.ts';

const arr = (v: Value): Value[] => (deref(v) as RVec).a;

function both(name: string, f: NativeFn): void {
  def(VEC, name, 'refMut', f);
  def(DEQUE, name, 'refMut', f);
}

const indexOf = (p: string | symbol): number => (typeof p === 'string' && /^(0|[1-9]\d*)$/.test(p) ? Number(p) : -1);

/** `&mut base[lo..hi]` as an array whose slots are the parent's. */
export function sliceView(base: Value[], lo: number, hi: number): Value[] {
  const len = hi - lo;
  return new Proxy<Value[]>([], {
    get(target, p, recv) {
      if (p === 'length') return len;
      const i = indexOf(p);
      if (i >= 0) return i < len ? base[lo + i] : undefined;
      return Reflect.get(target, p, recv) as unknown;
    },
    set(target, p, v: Value) {
      const i = indexOf(p);
      if (i >= 0 && i < len) {
        base[lo + i] = v;
        return true;
      }
      // a slice never changes length: sort and friends write `length` back unchanged
      if (p === 'length') return v === len;
      return Reflect.set(target, p, v);
    },
    has(_t, p) {
      const i = indexOf(p);
      return i >= 0 ? i < len : p === 'length';
    },
    ownKeys() {
      return [...Array.from({ length: len }, (_, i) => String(i)), 'length'];
    },
    getOwnPropertyDescriptor(_t, p) {
      if (p === 'length') return { value: len, writable: true, enumerable: false, configurable: false };
      const i = indexOf(p);
      return i >= 0 && i < len
        ? { value: base[lo + i], writable: true, enumerable: true, configurable: true }
        : undefined;
    },
  });
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
