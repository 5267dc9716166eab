/**
 * The rest of the stable methods of slices, `Vec` and `VecDeque` a learner may call, found by
 * walking std 1.95's documentation (`docs/std-methods/collections.md` lists them all and what is
 * left out). Each follows std's documented behaviour, panic messages included.
 */
import { SELECT_NTH_LOCATION } from '../../num/std-location.ts';
import { callValue } from '../call.ts';
import type { NativeFn, SelfMode, Site } from '../defs.ts';
import { EnumDef, VariantDef } from '../defs.ts';
import { cmpValues, eqValues, orderingToNumber } from '../ops-rt.ts';
import { claim, dropInFlight, dropItems, release } from '../owner.ts';
import { panicAt } from '../panic.ts';
import { deref, MutRef, RTuple, RVec, type Value } from '../values.ts';
import { cloneValue } from './clone.ts';
import { err, NONE, ok, some } from './enums.ts';
import { BufIter, DONE, drain, intoIter, MutIter, type Next, RIter, tuple2 } from './iter.ts';
import { sliceBounds } from './index-ops.ts';
import { RRange } from './range.ts';
import { sliceView } from './slice-view.ts';
import { ITER } from './iter-methods.ts';
import { def } from './tables.ts';
import { DEQUE, VEC } from './vec.ts';

const arr = (v: Value): Value[] => (deref(v) as RVec).a;
function both(name: string, mode: SelfMode, f: NativeFn): void {
  def(VEC, name, mode, f);
  def(DEQUE, name, mode, f);
}
/** Bounds of an optional range argument (`..` when absent). */
function rangeOf(r: Value, len: number, s: Site): [number, number] {
  return r instanceof RRange ? sliceBounds(r, len, s) : [0, len];
}
function put(x: Value[], i: number, v: Value): void {
  x.splice(i, 0, v);
  claim(v, x, -1);
}

// ---- reserve and shrink: capacity is not modelled (see collections.md), so these change nothing
for (const name of ['reserve_exact', 'shrink_to']) both(name, 'refMut', () => undefined);
for (const name of ['try_reserve', 'try_reserve_exact']) both(name, 'refMut', () => ok(undefined));

// ---- `&mut` into the collection
both('push_mut', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  put(x, x.length, a[1]);
  return new MutRef(x, x.length - 1);
});
def(DEQUE, 'push_back_mut', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  put(x, x.length, a[1]);
  return new MutRef(x, x.length - 1);
});
def(DEQUE, 'push_front_mut', 'refMut', (_s, a) => {
  put(arr(a[0]), 0, a[1]);
  return new MutRef(arr(a[0]), 0);
});
both('insert_mut', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const i = Number(a[1]);
  if (i > x.length) {
    // Vec's message; VecDeque's is its `insert`'s (where std reports it is not measured)
    if (deref(a[0]) instanceof RVec) panicAt(s, `insertion index (is ${i}) should be <= len (is ${x.length})`);
    panicAt(s, 'index out of bounds');
  }
  put(x, i, a[2]);
  return new MutRef(x, i);
});
def(DEQUE, 'front_mut', 'refMut', (_s, a) => (arr(a[0]).length ? some(new MutRef(arr(a[0]), 0)) : NONE));
def(DEQUE, 'back_mut', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  return x.length ? some(new MutRef(x, x.length - 1)) : NONE;
});
def(DEQUE, 'range_mut', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const [lo, hi] = rangeOf(a[1], x.length, s);
  return new MutIter(sliceView(x, lo, hi));
});

// ---- conditional removal
function popIf(s: Site, x: Value[], f: Value, i: number): Value {
  if (x.length === 0 || callValue(s, f, [new MutRef(x, i)]) !== true) return NONE;
  return some(release(x.splice(i, 1)[0], x));
}
def(VEC, 'pop_if', 'refMut', (s, a) => popIf(s, arr(a[0]), a[1], arr(a[0]).length - 1));
def(DEQUE, 'pop_back_if', 'refMut', (s, a) => popIf(s, arr(a[0]), a[1], arr(a[0]).length - 1));
def(DEQUE, 'pop_front_if', 'refMut', (s, a) => popIf(s, arr(a[0]), a[1], 0));
// the same as Vec's (long-tail.ts)
const retainMut = VEC.get('retain_mut');
if (retainMut) DEQUE.set('retain_mut', retainMut);
/** `swap_remove_front(i)` / `swap_remove_back(i)`: the front (back) item takes `i`'s place. */
for (const [name, front] of [
  ['swap_remove_front', true],
  ['swap_remove_back', false],
] as const) {
  def(DEQUE, name, 'refMut', (_s, a) => {
    const x = arr(a[0]);
    const i = Number(a[1]);
    if (i >= x.length) return NONE;
    const v = release(x[i], x);
    const from = front ? 0 : x.length - 1;
    x[i] = x[from];
    x.splice(from, 1);
    return some(v);
  });
}

/**
 * `Vec::extract_if(range, pred)`: a lazy iterator that removes and yields each item of the range the
 * predicate (given `&mut T`) accepts; the items after where it stopped stay.
 */
class ExtractIf extends RIter {
  constructor(
    private readonly x: Value[],
    private i: number,
    private end: number,
    private readonly test: (slot: number) => boolean,
  ) {
    super();
  }
  next(): Next {
    while (this.i < this.end) {
      if (this.test(this.i)) {
        this.end--;
        return release(this.x.splice(this.i, 1)[0], this.x);
      }
      this.i++;
    }
    return DONE;
  }
}
def(VEC, 'extract_if', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const [lo, hi] = rangeOf(a[1], x.length, s);
  return new ExtractIf(x, lo, hi, (i) => callValue(s, a[2], [new MutRef(x, i)]) === true);
});

// ---- growing and reshaping
both('resize_with', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const k = Number(deref(a[1]));
  if (x.length > k) dropItems(x.splice(k), x);
  while (x.length < k) put(x, x.length, callValue(s, a[2], []));
});
def(VEC, 'extend_from_within', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const [lo, hi] = rangeOf(a[1], x.length, s);
  for (const v of x.slice(lo, hi)) put(x, x.length, cloneValue(v));
});
def(VEC, 'into_flattened', 'value', (_s, a) => {
  const out: Value[] = [];
  for (const row of arr(a[0])) for (const v of arr(row)) out.push(release(v, arr(row)));
  for (const v of out) claim(v, out, -1);
  return new RVec(out);
});
def(VEC, 'as_flattened', 'ref', (_s, a) => new RVec(arr(a[0]).flatMap((row) => arr(row))));
/** `splice(range, items)`: replaces the range by the items; yields the removed ones. */
def(VEC, 'splice', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const [lo, hi] = rangeOf(a[1], x.length, s);
  const removed = x.splice(lo, hi - lo).map((v) => release(v, x));
  const items = drain(intoIter(a[2], s), s);
  x.splice(lo, 0, ...items);
  for (const v of items) claim(v, x, -1);
  return new BufIter(removed, false);
});
// `leak` and `into_boxed_slice` keep the items where they are: the slice is the Vec
def(VEC, 'leak', 'value', (_s, a) => a[0]);
def(VEC, 'into_boxed_slice', 'value', (_s, a) => a[0]);
def(VEC, 'into_vec', 'value', (_s, a) => a[0]);

// ---- slices
both('fill_with', 'refMut', (s, a) => {
  const x = arr(a[0]);
  for (let i = 0; i < x.length; i++) {
    dropInFlight(release(x[i], x));
    x[i] = callValue(s, a[1], []);
    claim(x[i], x, i);
  }
});
def(VEC, 'split_at_checked', 'ref', (_s, a) => {
  const x = arr(a[0]);
  const k = Number(deref(a[1]));
  return k > x.length ? NONE : some(tuple2(new RVec(x.slice(0, k)), new RVec(x.slice(k))));
});
def(VEC, 'split_at_mut_checked', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  const k = Number(deref(a[1]));
  return k > x.length ? NONE : some(tuple2(new RVec(sliceView(x, 0, k)), new RVec(sliceView(x, k, x.length))));
});
def(VEC, 'copy_within', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const [lo, hi] = rangeOf(a[1], x.length, s);
  const dest = Number(a[2]);
  if (dest > x.length - (hi - lo)) panicAt(s, 'dest is out of bounds');
  const items = x.slice(lo, hi);
  for (let i = 0; i < items.length; i++) x[dest + i] = items[i];
});
def(VEC, 'swap_with_slice', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const y = arr(a[1]);
  if (x.length !== y.length) panicAt(s, 'destination and source slices have different lengths');
  for (let i = 0; i < x.length; i++) [x[i], y[i]] = [y[i], x[i]];
});
function stripped(x: Value[], p: Value[], suffix: boolean): Value {
  if (p.length > x.length) return NONE;
  const at = suffix ? x.length - p.length : 0;
  if (!p.every((v, i) => eqValues(v, x[at + i]))) return NONE;
  return some(new RVec(suffix ? x.slice(0, at) : x.slice(p.length)));
}
def(VEC, 'strip_prefix', 'ref', (_s, a) => stripped(arr(a[0]), arr(a[1]), false));
def(VEC, 'strip_suffix', 'ref', (_s, a) => stripped(arr(a[0]), arr(a[1]), true));
/** `sort_by_cached_key(f)`: `f` once per item, in order; ties keep their order. */
both('sort_by_cached_key', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const keyed = x.map((v, i) => ({ v, i, k: callValue(s, a[1], [v]) }));
  keyed.sort((p, q) => cmpValues(p.k, q.k) || p.i - q.i);
  for (let i = 0; i < x.length; i++) x[i] = keyed[i].v;
  for (const e of keyed) dropInFlight(e.k);
});

/**
 * `split`, `rsplit`, `splitn`, `rsplitn`, `split_inclusive` (and their `_mut` forms): the pieces
 * between items the predicate accepts, as `[lo, hi)` ranges in the order the iterator yields them.
 */
function pieces(
  s: Site,
  x: Value[],
  f: Value,
  opts: { n?: number; back?: boolean; inclusive?: boolean },
): [number, number][] {
  const out: [number, number][] = [];
  const { n = Infinity, back = false, inclusive = false } = opts;
  if (n === 0) return out;
  if (inclusive) {
    let lo = 0;
    for (let i = 0; i < x.length; i++) {
      if (callValue(s, f, [x[i]]) === true) {
        out.push([lo, i + 1]);
        lo = i + 1;
      }
    }
    if (lo < x.length) out.push([lo, x.length]);
    return out;
  }
  if (!back) {
    let lo = 0;
    for (let i = 0; i < x.length && out.length < n - 1; i++) {
      if (callValue(s, f, [x[i]]) === true) {
        out.push([lo, i]);
        lo = i + 1;
      }
    }
    out.push([lo, x.length]);
    return out;
  }
  let hi = x.length;
  for (let i = x.length - 1; i >= 0 && out.length < n - 1; i--) {
    if (callValue(s, f, [x[i]]) === true) {
      out.push([i + 1, hi]);
      hi = i;
    }
  }
  out.push([0, hi]);
  return out;
}
const SPLITS: readonly [name: string, count: boolean, back: boolean, inclusive: boolean][] = [
  ['split', false, false, false],
  ['rsplit', false, true, false],
  ['splitn', true, false, false],
  ['rsplitn', true, true, false],
  ['split_inclusive', false, false, true],
];
for (const [name, count, back, inclusive] of SPLITS) {
  for (const mut of [false, true]) {
    def(VEC, mut ? `${name}_mut` : name, mut ? 'refMut' : 'ref', (s, a) => {
      const x = arr(a[0]);
      const f = count ? a[2] : a[1];
      const ranges = pieces(s, x, f, { n: count ? Number(a[1]) : Infinity, back, inclusive });
      return new BufIter(
        ranges.map(([lo, hi]) => new RVec(mut ? sliceView(x, lo, hi) : x.slice(lo, hi))),
        false,
      );
    });
  }
}

def(VEC, 'chunk_by_mut', 'refMut', (s, a) => {
  const x = arr(a[0]);
  const out: Value[] = [];
  let start = 0;
  for (let i = 1; i <= x.length; i++) {
    if (i === x.length || callValue(s, a[1], [x[i - 1], x[i]]) !== true) {
      out.push(new RVec(sliceView(x, start, i)));
      start = i;
    }
  }
  return new BufIter(out, false);
});

/** `get_disjoint_mut([i, j, …])`: `&mut` to each, or why not. */
export const DISJOINT_ERR = new EnumDef('GetDisjointMutError', [
  new VariantDef('IndexOutOfBounds', [], 'unit', 0, []),
  new VariantDef('OverlappingIndices', [], 'unit', 1, []),
]);
for (const d of ['Debug', 'Clone', 'PartialEq', 'Eq']) DISJOINT_ERR.derives.add(d);
def(VEC, 'get_disjoint_mut', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  const idx = arr(a[1]).map((v) => Number(deref(v)));
  if (idx.some((i) => i >= x.length)) return err(DISJOINT_ERR.unit(0));
  if (new Set(idx).size !== idx.length) return err(DISJOINT_ERR.unit(1));
  return ok(
    new RVec(
      idx.map((i) => new MutRef(x, i)),
      true,
    ),
  );
});

// ---- `[u8]` as ASCII
const isAsciiByte = (b: number): boolean => b < 128;
const upper = (b: number): number => (b >= 97 && b <= 122 ? b - 32 : b);
const lower = (b: number): number => (b >= 65 && b <= 90 ? b + 32 : b);
const bytes = (v: Value): number[] => arr(v).map((b) => Number(deref(b)));
const isSpace = (b: number): boolean => b === 32 || b === 9 || b === 10 || b === 12 || b === 13;
def(VEC, 'is_ascii', 'ref', (_s, a) => bytes(a[0]).every(isAsciiByte));
def(VEC, 'eq_ignore_ascii_case', 'ref', (_s, a) => {
  const x = bytes(a[0]);
  const y = bytes(a[1]);
  return x.length === y.length && x.every((b, i) => lower(b) === lower(y[i]));
});
def(VEC, 'to_ascii_uppercase', 'ref', (_s, a) => new RVec(bytes(a[0]).map(upper)));
def(VEC, 'to_ascii_lowercase', 'ref', (_s, a) => new RVec(bytes(a[0]).map(lower)));
def(VEC, 'make_ascii_uppercase', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  for (let i = 0; i < x.length; i++) x[i] = upper(Number(x[i]));
});
def(VEC, 'make_ascii_lowercase', 'refMut', (_s, a) => {
  const x = arr(a[0]);
  for (let i = 0; i < x.length; i++) x[i] = lower(Number(x[i]));
});
function trimAscii(v: Value, start: boolean, end: boolean): RVec {
  const x = arr(v);
  let lo = 0;
  let hi = x.length;
  while (start && lo < hi && isSpace(Number(x[lo]))) lo++;
  while (end && hi > lo && isSpace(Number(x[hi - 1]))) hi--;
  return new RVec(x.slice(lo, hi));
}
def(VEC, 'trim_ascii', 'ref', (_s, a) => trimAscii(a[0], true, true));
def(VEC, 'trim_ascii_start', 'ref', (_s, a) => trimAscii(a[0], true, false));
def(VEC, 'trim_ascii_end', 'ref', (_s, a) => trimAscii(a[0], false, true));
/** `escape_ascii()`: shown as `\n`, `\'`, `\x80`…, as `u8::escape_ascii` does each byte. */
def(VEC, 'escape_ascii', 'ref', (_s, a) =>
  bytes(a[0])
    .map((b) => {
      const named: Record<number, string> = { 9: '\\t', 10: '\\n', 13: '\\r', 34: '\\"', 39: "\\'", 92: '\\\\' };
      if (named[b]) return named[b];
      if (b >= 32 && b < 127) return String.fromCharCode(b);
      return `\\x${b.toString(16).padStart(2, '0')}`;
    })
    .join(''),
);

// ---- what a slice or Vec iterator has not yielded yet (`vec::IntoIter`, `Drain`, `slice::Iter`)
def(ITER, 'as_slice', 'ref', (_s, a) => {
  const it = deref(a[0]);
  return new RVec(it instanceof BufIter || it instanceof MutIter ? it.remaining() : []);
});

/**
 * `select_nth_unstable(i)` (and `_by`, `_by_key`): item `i` in its sorted place, smaller ones
 * before, greater ones after. We sort the whole slice, which is one of the orders std allows; the
 * order inside each side may differ from std's own partition.
 */
function selectNth(x: Value[], i: number, cmp: (p: Value, q: Value) => number): Value {
  if (i >= x.length)
    panicAt(SELECT_NTH_LOCATION, `partition_at_index index ${i} greater than length of slice ${x.length}`);
  x.sort(cmp);
  return new RTuple([new RVec(sliceView(x, 0, i)), new MutRef(x, i), new RVec(sliceView(x, i + 1, x.length))]);
}
def(VEC, 'select_nth_unstable', 'refMut', (_s, a) => selectNth(arr(a[0]), Number(a[1]), cmpValues));
def(VEC, 'select_nth_unstable_by', 'refMut', (s, a) =>
  selectNth(arr(a[0]), Number(a[1]), (p, q) => orderingToNumber(callValue(s, a[2], [p, q]))),
);
def(VEC, 'select_nth_unstable_by_key', 'refMut', (s, a) =>
  selectNth(arr(a[0]), Number(a[1]), (p, q) => cmpValues(callValue(s, a[2], [p]), callValue(s, a[2], [q]))),
);
