/**
 * Slice methods on `&mut &[T]` / `&mut &mut [T]` that move the slice reference itself
 * (`split_off_first`, `split_off_last`, `split_off(..n)` / `split_off(n..)`, and their `_mut`
 * forms): the method gets the variable's place (compile/calls.ts passes it for these names) and
 * stores a narrower view of the same items there; what it returns also aliases the items.
 */
import type { NativeFn } from '../defs.ts';
import { deref, MutRef, RefBase, RVec, type Value } from '../values.ts';
import { NONE, some } from './enums.ts';
import { RRange } from './range.ts';
import { sliceView } from './slice-view.ts';
import { def } from './tables.ts';
import { VEC } from './vec.ts';

/** Names whose receiver is the slice variable's place (`split_off` only with a range argument). */
export const REPOINTING = new Set([
  'split_off_first',
  'split_off_first_mut',
  'split_off_last',
  'split_off_last_mut',
  'split_off_mut',
  'split_off',
]);

/** The slice behind the place, and a way to re-point the place at a part of it. */
function slice(recv: Value): { x: Value[]; keep: (lo: number, hi: number) => void } {
  const place = recv instanceof RefBase ? recv : null;
  const x = (deref(place !== null ? place.get() : recv) as RVec).a;
  return { x, keep: (lo, hi) => place?.set(new RVec(sliceView(x, lo, hi))) };
}

for (const mut of [false, true]) {
  const item = (x: Value[], i: number): Value => (mut ? new MutRef(x, i) : x[i]);
  def(VEC, `split_off_first${mut ? '_mut' : ''}`, 'refMut', (_s, a) => {
    const { x, keep } = slice(a[0]);
    if (x.length === 0) return NONE;
    keep(1, x.length);
    return some(item(x, 0));
  });
  def(VEC, `split_off_last${mut ? '_mut' : ''}`, 'refMut', (_s, a) => {
    const { x, keep } = slice(a[0]);
    if (x.length === 0) return NONE;
    keep(0, x.length - 1);
    return some(item(x, x.length - 1));
  });
}

/** `split_off(..n)` / `split_off(n..)`: the part taken, or None (the slice unchanged) when out of range. */
const splitOffRange: NativeFn = (_s, a) => {
  const { x, keep } = slice(a[0]);
  const r = deref(a[1]) as RRange;
  const n = Number(r.hasEnd ? r.end : r.start) + (r.hasEnd && r.inclusive ? 1 : 0);
  if (n > x.length) return NONE;
  if (r.hasEnd) {
    keep(n, x.length);
    return some(new RVec(sliceView(x, 0, n)));
  }
  keep(0, n);
  return some(new RVec(sliceView(x, n, x.length)));
};
def(VEC, 'split_off_mut', 'refMut', splitOffRange);
const vecSplitOff = VEC.get('split_off');
if (vecSplitOff !== undefined)
  def(VEC, 'split_off', 'refMut', (s, a) =>
    deref(a[1]) instanceof RRange ? splitOffRange(s, a) : vecSplitOff.call(s, a),
  );
