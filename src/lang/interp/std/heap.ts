/**
 * `std::collections::BinaryHeap<T>`: a max-heap by `Ord` over one array. The sift steps follow
 * std 1.95's (push = sift_up; pop = swap with the last, sift_down_to_bottom, then sift_up;
 * `from`/`collect` heapify with `rebuild`; `extend`/`append`/`retain` use `rebuild_tail`), so the
 * array order `iter()` and `{:?}` show is std's.
 */
import { callValue } from '../call.ts';
import type { Site } from '../defs.ts';
import { cmpValues } from '../ops-rt.ts';
import { claim, dropInFlight, dropItems, release } from '../owner.ts';
import { deref, Owned, RefBase, RHeap, RVec, type Value } from '../values.ts';
import { NONE, ok, some } from './enums.ts';
import { BufIter, drain, forEachItem, intoIter } from './iter.ts';
import { member, ns } from './registry.ts';
import { def, tableFor } from './tables.ts';
import { allocate } from '../guards.ts';
import { typeFault } from '../type-fault.ts';
import { registerFmt, toFmt } from '../fmt-value.ts';
import { StructArg } from '../../fmt/values.ts';

export const HEAP = tableFor(RHeap);
const data = (v: Value): Value[] => (deref(v) as RHeap).a;

/** Moves `a[pos]` up while it is greater than its parent (std stops on `<=`). */
function siftUp(a: Value[], start: number, pos: number): number {
  const x = a[pos];
  while (pos > start) {
    const parent = (pos - 1) >> 1;
    if (cmpValues(x, a[parent]) <= 0) break;
    a[pos] = a[parent];
    pos = parent;
  }
  a[pos] = x;
  return pos;
}

/** Moves `a[pos]` down within `a[..end]` while a child is greater. */
function siftDownRange(a: Value[], pos: number, end: number): void {
  const x = a[pos];
  let child = 2 * pos + 1;
  while (child <= Math.max(end - 2, 0) && end >= 2) {
    if (cmpValues(a[child], a[child + 1]) <= 0) child++;
    if (cmpValues(x, a[child]) >= 0) {
      a[pos] = x;
      return;
    }
    a[pos] = a[child];
    pos = child;
    child = 2 * pos + 1;
  }
  if (child === end - 1 && cmpValues(x, a[child]) < 0) {
    a[pos] = a[child];
    pos = child;
  }
  a[pos] = x;
}

/** std's pop step: the hole walks to the bottom along the greater child, then the item sifts up. */
function siftDownToBottom(a: Value[], pos: number): void {
  const end = a.length;
  const start = pos;
  const x = a[pos];
  let child = 2 * pos + 1;
  while (end >= 2 && child <= end - 2) {
    if (cmpValues(a[child], a[child + 1]) <= 0) child++;
    a[pos] = a[child];
    pos = child;
    child = 2 * pos + 1;
  }
  if (child === end - 1) {
    a[pos] = a[child];
    pos = child;
  }
  a[pos] = x;
  siftUp(a, start, pos);
}

function rebuild(a: Value[]): void {
  for (let n = a.length >> 1; n > 0;) siftDownRange(a, --n, a.length);
}

/** std's `rebuild_tail`: heapify again or sift up each new item, whichever it judges cheaper. */
function rebuildTail(a: Value[], start: number): void {
  const len = a.length;
  if (start === len) return;
  const tail = len - start;
  const log2 = (x: number): number => 31 - Math.clz32(x);
  const better = start < tail ? true : len <= 2048 ? 2 * len < tail * log2(start) : 2 * len < tail * 11;
  if (better) rebuild(a);
  else for (let i = start; i < len; i++) siftUp(a, 0, i);
}

function push(a: Value[], v: Value): void {
  a.push(v);
  claim(v, a, -1);
}

/** std's `pop` on a non-empty heap: the last item takes the top's place and sifts. */
function popTop(a: Value[]): Value {
  let item = a.pop();
  if (a.length > 0) {
    [item, a[0]] = [a[0], item];
    siftDownToBottom(a, 0);
  }
  return release(item, a);
}

const pop = (a: Value[]): Value => (a.length === 0 ? NONE : some(popTop(a)));

/** A heap over items already claimed by `items`. */
function heapOf(items: Value[]): RHeap {
  rebuild(items);
  return new RHeap(items);
}

function fromIter(s: Site, v: Value): RHeap {
  const items = drain(intoIter(v, s), s);
  for (const x of items) claim(x, items, -1);
  return heapOf(items);
}

def(HEAP, 'len', 'ref', (_s, a) => data(a[0]).length);
def(HEAP, 'is_empty', 'ref', (_s, a) => data(a[0]).length === 0);
def(HEAP, 'capacity', 'ref', (_s, a) => data(a[0]).length);
// capacity is not modelled (as for `Vec`): reserving and shrinking change nothing
for (const name of ['reserve', 'reserve_exact', 'shrink_to_fit', 'shrink_to'])
  def(HEAP, name, 'refMut', () => undefined);
for (const name of ['try_reserve', 'try_reserve_exact']) def(HEAP, name, 'refMut', () => ok(undefined));
def(HEAP, 'push', 'refMut', (_s, a) => {
  const x = data(a[0]);
  push(x, a[1]);
  siftUp(x, 0, x.length - 1);
});
def(HEAP, 'pop', 'refMut', (_s, a) => pop(data(a[0])));
def(HEAP, 'peek', 'ref', (_s, a) => {
  const x = data(a[0]);
  return x.length === 0 ? NONE : some(x[0]);
});
/**
 * `PeekMut`: a place for the greatest item. Like std's guard it restores the heap when dropped by
 * sifting the top down; std skips that when nothing was written through it, and on an unchanged
 * heap the sift moves nothing, so this always sifts.
 */
class PeekMutRef extends RefBase {
  private done = false;
  constructor(readonly heap: RHeap) {
    super();
  }
  get(): Value {
    return this.heap.a[0];
  }
  set(v: Value): void {
    const a = this.heap.a;
    const old = a[0];
    a[0] = v;
    claim(v, a, -1);
    if (old instanceof Owned && old.o === a) {
      old.o = null;
      dropInFlight(old);
    }
  }
  /** `PeekMut::pop(guard)`: the top leaves the heap; the guard has nothing left to restore. */
  pop(): Value {
    this.done = true;
    return popTop(this.heap.a);
  }
  dropGlue(): void {
    if (!this.done) siftDownRange(this.heap.a, 0, this.heap.a.length);
    this.done = true;
  }
}

// std's `Debug for PeekMut` is `f.debug_tuple("PeekMut").field(&self.heap.data[0])`
registerFmt(PeekMutRef, (v) => new StructArg('PeekMut', { kind: 'tuple', fields: [toFmt((v as PeekMutRef).get())] }));

def(HEAP, 'peek_mut', 'refMut', (_s, a) => {
  const h = deref(a[0]) as RHeap;
  return h.a.length === 0 ? NONE : some(new PeekMutRef(h));
});
const PEEK_MUT = ns(['PeekMut', 'std::collections::binary_heap::PeekMut']);
member(PEEK_MUT, 'pop', (s, a) =>
  a[0] instanceof PeekMutRef ? a[0].pop() : typeFault(s, 'PeekMut::pop expects a PeekMut', 'E0308'),
);

def(HEAP, 'clear', 'refMut', (_s, a) => {
  const x = data(a[0]);
  dropItems(x.splice(0), x);
});
def(HEAP, 'iter', 'ref', (_s, a) => new BufIter(data(a[0]), false));
def(HEAP, 'as_slice', 'ref', (_s, a) => new RVec([...data(a[0])]));
def(HEAP, 'into_iter', 'value', (s, a) => intoIter(a[0], s));
def(HEAP, 'drain', 'refMut', (_s, a) => {
  const x = data(a[0]);
  return new BufIter(
    x.splice(0).map((v) => release(v, x)),
    false,
  );
});
function intoVec(h: Value): RVec {
  const x = data(h);
  const items = x.splice(0).map((v) => release(v, x));
  for (const v of items) claim(v, items, -1);
  return new RVec(items);
}
def(HEAP, 'into_vec', 'value', (_s, a) => intoVec(a[0]));
def(HEAP, 'into_sorted_vec', 'value', (_s, a) => {
  const v = intoVec(a[0]);
  for (let end = v.a.length - 1; end > 0; end--) {
    [v.a[0], v.a[end]] = [v.a[end], v.a[0]];
    siftDownRange(v.a, 0, end);
  }
  return v;
});
def(HEAP, 'extend', 'refMut', (s, a) => {
  const x = data(a[0]);
  const start = x.length;
  forEachItem(intoIter(a[1], s), s, (v) => push(x, v));
  rebuildTail(x, start);
});
def(HEAP, 'append', 'refMut', (_s, a) => {
  const self = deref(a[0]) as RHeap;
  const other = deref(a[1]) as RHeap;
  // std swaps the two first when `other` is the longer, then appends the shorter's array
  if (self.a.length < other.a.length) [self.a, other.a] = [other.a, self.a];
  const start = self.a.length;
  for (const v of other.a.splice(0)) {
    release(v, other.a);
    push(self.a, v);
  }
  rebuildTail(self.a, start);
});
def(HEAP, 'retain', 'refMut', (s, a) => {
  const x = data(a[0]);
  let from = x.length;
  const keep: Value[] = [];
  x.forEach((v, i) => {
    if (callValue(s, a[1], [v]) === true) keep.push(v);
    else {
      if (i < from) from = i;
      dropItems([v], x);
    }
  });
  x.length = 0;
  x.push(...keep);
  rebuildTail(x, from);
});

const N = ns(['BinaryHeap', 'std::collections::BinaryHeap', 'std::collections::binary_heap::BinaryHeap']);
member(N, 'new', () => new RHeap([]));
member(N, 'default', () => new RHeap([]));
member(N, 'with_capacity', (_s, a) => {
  allocate(Number(a[0]) * 8);
  return new RHeap([]);
});
member(N, 'from', (s, a) => fromIter(s, a[0]));
member(N, 'from_iter', (s, a) => fromIter(s, a[0]));
