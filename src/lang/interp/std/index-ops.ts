/**
 * Indexing: `v[i]`, `v[a..b]` on Vec / arrays / slices / VecDeque, `s[a..b]` on strings (byte
 * offsets, as Rust), `map[&k]` — with Rust's panic messages.
 */
import type { Site } from '../defs.ts';
import { keyOf } from '../ops-rt.ts';
import { panicAt } from '../panic.ts';
import { deref, RDeque, RMap, RVec, type Value, text } from '../values.ts';
import { RRange } from './range.ts';
import { sliceView } from './slice-view.ts';
import { byteToIndex, utf8Len } from './utf8.ts';
import { typeFault } from '../type-fault.ts';
import { readTarget, userDeref, userIndex } from './user-deref.ts';

export function sliceBounds(r: RRange, len: number, site: Site): [number, number] {
  const [s, e] = r.bounds(len);
  if (s > e) panicAt(site, `slice index starts at ${s} but ends at ${e}`);
  if (e > len) panicAt(site, `range end index ${e} out of range for slice of length ${len}`);
  return [s, e];
}

export function strSlice(str: string, r: RRange, site: Site): string {
  const blen = utf8Len(str);
  const [s, e] = r.bounds(blen);
  if (s > e) panicAt(site, `begin <= end (${s} <= ${e}) when slicing \`${str}\``);
  if (e > blen) panicAt(site, `byte index ${e} is out of bounds of \`${str}\``);
  const a = byteToIndex(str, s);
  const b = byteToIndex(str, e);
  if (a < 0 || b < 0) panicAt(site, `byte index ${a < 0 ? s : e} is not a char boundary`);
  return str.slice(a, b);
}

/** `b[a..b]` as a view of the original's slots (the receiver of a slice method that writes). */
export function indexView(b0: Value, i: Value, site: Site, arraySite: Site = site): Value {
  const b = deref(b0);
  if ((b instanceof RVec || b instanceof RDeque) && i instanceof RRange) {
    const [s, e] = sliceBounds(i, b.a.length, b instanceof RVec && b.array ? arraySite : site);
    return new RVec(sliceView(b.a, s, e));
  }
  return indexRead(b0, i, site, arraySite);
}

/**
 * `b[i]`. Rust reports an out-of-bounds index of a Vec / slice (the `Index` trait) at the `[`,
 * and of an array (built-in indexing) at the start of the expression: `site` / `arraySite`.
 */
export function indexRead(b0: Value, i: Value, site: Site, arraySite: Site = site): Value {
  const b = deref(b0);
  if (b instanceof RVec || b instanceof RDeque) {
    if (b instanceof RVec && b.array) site = arraySite;
    if (i instanceof RRange) {
      const [s, e] = sliceBounds(i, b.a.length, site);
      // a slice borrows: its items stay owned by the original's array (a copy of the item
      // references reads fast; a method that writes through the slice gets a view, see indexView)
      return new RVec(b.a.slice(s, e));
    }
    const n = Number(i);
    if (!(n >= 0 && n < b.a.length)) {
      // `VecDeque`'s `Index` is `self.get(i).expect(..)`
      if (b instanceof RDeque) panicAt(site, 'Out of bounds access');
      panicAt(site, `index out of bounds: the len is ${b.a.length} but the index is ${text(i)}`);
    }
    return b.a[n];
  }
  if (typeof b === 'string') {
    if (i instanceof RRange) return strSlice(b, i, site);
    return panicAt(site, 'the type `str` cannot be indexed by an integer');
  }
  if (b instanceof RMap) {
    const e = b.m.get(keyOf(i));
    if (!e) panicAt(site, 'no entry found for key');
    return e.v;
  }
  const r = userIndex(b, i, site, false);
  if (r !== undefined) return readTarget(r);
  // `w[i]` where `w` derefs to what is indexed (a user `Deref` to a Vec)
  const target = userDeref(b, site, false);
  if (target !== undefined) return indexRead(target, i, site, arraySite);
  return typeFault(site, 'this value cannot be indexed this way', 'E0608');
}
