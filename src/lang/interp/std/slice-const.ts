/**
 * Slice methods whose result length is a const generic `N` (`first_chunk`, `split_first_chunk`,
 * `as_chunks`, `as_array`, `array_windows`, …). The compiler reads `N` from the syntax around the
 * call (compile/const-lens.ts) and passes it as the last argument. Arrays are `RVec`s here; the
 * `_mut` forms hand out views that write through to the slice (slice-view.ts).
 */
import { deref, RVec, type Value } from '../values.ts';
import { NONE, some } from './enums.ts';
import { BufIter, tuple2 } from './iter.ts';
import { sliceView } from './slice-view.ts';
import { def } from './tables.ts';
import { VEC } from './vec.ts';

const arr = (v: Value): Value[] => (deref(v) as RVec).a;
const lenArg = (a: Value[]): number => Number(a[a.length - 1]);

/** A sub-slice `[lo, hi)` of `x`: a copy to read, or a view to write through. */
const part = (x: Value[], lo: number, hi: number, mut: boolean): RVec =>
  new RVec(mut ? sliceView(x, lo, hi) : x.slice(lo, hi));

/** The `N`-item chunks of `x[lo, hi)` (hi - lo is a multiple of N). */
function chunks(x: Value[], lo: number, hi: number, n: number, mut: boolean): RVec {
  const out: Value[] = [];
  for (let i = lo; i < hi; i += n) out.push(part(x, i, i + n, mut));
  return new RVec(out);
}

for (const mut of [false, true]) {
  const m = mut ? '_mut' : '';
  const mode = mut ? 'refMut' : 'ref';
  def(VEC, `first_chunk${m}`, mode, (_s, a) => {
    const x = arr(a[0]);
    const n = lenArg(a);
    return x.length < n ? NONE : some(part(x, 0, n, mut));
  });
  def(VEC, `last_chunk${m}`, mode, (_s, a) => {
    const x = arr(a[0]);
    const n = lenArg(a);
    return x.length < n ? NONE : some(part(x, x.length - n, x.length, mut));
  });
  def(VEC, `split_first_chunk${m}`, mode, (_s, a) => {
    const x = arr(a[0]);
    const n = lenArg(a);
    return x.length < n ? NONE : some(tuple2(part(x, 0, n, mut), part(x, n, x.length, mut)));
  });
  def(VEC, `split_last_chunk${m}`, mode, (_s, a) => {
    const x = arr(a[0]);
    const k = x.length - lenArg(a);
    return k < 0 ? NONE : some(tuple2(part(x, 0, k, mut), part(x, k, x.length, mut)));
  });
  def(VEC, mut ? 'as_mut_array' : 'as_array', mode, (_s, a) => {
    const x = arr(a[0]);
    return x.length === lenArg(a) ? some(part(x, 0, x.length, mut)) : NONE;
  });
  def(VEC, `as_chunks${m}`, mode, (_s, a) => {
    const x = arr(a[0]);
    const full = x.length - (x.length % lenArg(a));
    return tuple2(chunks(x, 0, full, lenArg(a), mut), part(x, full, x.length, mut));
  });
  def(VEC, `as_rchunks${m}`, mode, (_s, a) => {
    const x = arr(a[0]);
    const head = x.length % lenArg(a);
    return tuple2(part(x, 0, head, mut), chunks(x, head, x.length, lenArg(a), mut));
  });
}
def(VEC, 'array_windows', 'ref', (_s, a) => {
  const x = arr(a[0]);
  const n = lenArg(a);
  const out: Value[] = [];
  for (let i = 0; i + n <= x.length; i++) out.push(new RVec(x.slice(i, i + n)));
  return new BufIter(out, false);
});
