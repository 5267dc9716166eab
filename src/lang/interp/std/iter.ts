/**
 * Iterators, lazy like Rust's: each adapter pulls from its source only when asked, so closures run
 * in Rust's order (a `map` closure runs when `next` reaches it). Borrowing iterators (`iter()`)
 * yield items still owned by their collection; owning ones (`into_iter()`, `drain`) hand items
 * over (in flight) and drop what is left when the iterator is dropped.
 */
import type { Site } from '../defs.ts';
import { dropInFlight, dropItems, release } from '../owner.ts';
import {
  mkChar,
  MutRef,
  Owned,
  RChar,
  RDeque,
  RHeap,
  REnum,
  RefBase,
  RMap,
  RTuple,
  RVec,
  type Value,
  deref,
} from '../values.ts';
import { OPTION } from './enums.ts';
import { RRange } from './range.ts';
import { typeFault } from '../type-fault.ts';
import { cmpValues } from '../ops-rt.ts';
import { entriesOf } from './map-core.ts';
import { env, runaway } from '../env.ts';

export const DONE: unique symbol = Symbol('done');
export type Next = Value | typeof DONE;

export abstract class RIter extends Owned {
  abstract next(): Next;
  /** The next item from the back (double-ended iterators); the default buffers the rest. */
  nextBack(): Next {
    const rest: Value[] = [];
    for (let x = this.next(); x !== DONE; x = this.next()) rest.push(x);
    const b = new BufIter(rest, true);
    this.nextBack = () => b.nextBack();
    this.next = () => b.next();
    return b.nextBack();
  }
  /** Exact number of items left, or -1 when unknown. */
  len(): number {
    return -1;
  }
  /** `size_hint()`: [lower, upper or null for None]; exact when the length is known. */
  sizeHint(): SizeHint {
    const n = this.len();
    return n >= 0 ? [n, n] : [0, null];
  }
  dropGlue(): void {}
}

export type SizeHint = [lower: number, upper: number | null];
/** The lower and upper bounds of `str::chars()` over `bytes` bytes (1 to 4 bytes a char). */
export const charsHint = (bytes: number): SizeHint => [Math.ceil(bytes / 4), bytes];

/** Items of an array, borrowed (`owned` false) or handed over (`owned` true). */
export class BufIter extends RIter {
  private i = 0;
  private end: number;
  constructor(
    private readonly a: Value[],
    private readonly owned: boolean,
  ) {
    super();
    this.end = a.length;
  }
  next(): Next {
    if (this.i >= this.end) return DONE;
    const v = this.a[this.i++];
    return this.owned ? release(v, this.a) : v;
  }
  override nextBack(): Next {
    if (this.i >= this.end) return DONE;
    const v = this.a[--this.end];
    return this.owned ? release(v, this.a) : v;
  }
  override len(): number {
    return this.end - this.i;
  }
  /** The items not yet taken (front and back). */
  remaining(): Value[] {
    return this.a.slice(this.i, this.end);
  }
  override dropGlue(): void {
    if (!this.owned) return;
    for (let j = this.i; j < this.end; j++) {
      const v = this.a[j];
      if (v instanceof Owned && v.o === this.a) {
        v.o = null;
        dropInFlight(v);
      }
    }
  }
}

/** `str::chars()`: a borrowed char iterator that can give back the rest as `as_str()`. */
export class CharsIter extends BufIter {
  override sizeHint(): SizeHint {
    return charsHint(new TextEncoder().encode(this.asStr()).length);
  }
  asStr(): string {
    return this.remaining()
      .map((c) => (c as RChar).c)
      .join('');
  }
}

/** `str::char_indices()`: `(byte offset, char)` pairs that can give back the rest and its offset. */
export class CharIndicesIter extends BufIter {
  constructor(
    items: Value[],
    private readonly byteLen: number,
  ) {
    super(items, true);
  }
  override sizeHint(): SizeHint {
    return charsHint(new TextEncoder().encode(this.asStr()).length);
  }
  asStr(): string {
    return this.remaining()
      .map((t) => ((t as RTuple).f[1] as RChar).c)
      .join('');
  }
  /** `offset()`: the byte offset of the next char, or the string's length once all are taken. */
  offset(): number {
    const next = this.remaining()[0];
    return next === undefined ? this.byteLen : Number((next as RTuple).f[0]);
  }
}

/** `iter_mut()`: references to the items' places. */
export class MutIter extends RIter {
  private i = 0;
  private end: number;
  constructor(private readonly a: Value[]) {
    super();
    this.end = a.length;
  }
  next(): Next {
    return this.i < this.end ? new MutRef(this.a, this.i++) : DONE;
  }
  /** The items not yet taken (`slice::IterMut::as_slice`). */
  remaining(): Value[] {
    return this.a.slice(this.i, this.end);
  }
  override nextBack(): Next {
    return this.i < this.end ? new MutRef(this.a, --this.end) : DONE;
  }
  override len(): number {
    return this.end - this.i;
  }
}

const SURROGATES_START = 0xd800;
const SURROGATES_END = 0xe000;

export class RangeIter extends RIter {
  constructor(
    private cur: number,
    private end: number,
    private readonly chars: boolean,
  ) {
    super();
  }
  next(): Next {
    // char ranges step over the surrogates, which are not chars
    if (this.chars && this.cur >= SURROGATES_START && this.cur < SURROGATES_END) this.cur = SURROGATES_END;
    if (this.cur >= this.end) return DONE;
    const v = this.cur++;
    return this.chars ? mkChar(String.fromCodePoint(v)) : v;
  }
  override nextBack(): Next {
    if (this.chars && this.end > SURROGATES_START && this.end <= SURROGATES_END) this.end = SURROGATES_START;
    if (this.cur >= this.end) return DONE;
    const v = --this.end;
    return this.chars ? mkChar(String.fromCodePoint(v)) : v;
  }
  override len(): number {
    const n = Math.max(0, this.end - this.cur);
    if (!this.chars) return n;
    const overlap = Math.max(0, Math.min(this.end, SURROGATES_END) - Math.max(this.cur, SURROGATES_START));
    return n - overlap;
  }
}

/** `a..` (unbounded). */
class FromIter extends RIter {
  constructor(private cur: number) {
    super();
  }
  next(): Next {
    return this.cur++;
  }
}

export function tuple2(a: Value, b: Value): RTuple {
  const f = [a, b];
  if (a instanceof Owned && a.o === null) {
    a.o = f;
    a.oi = 0;
  }
  if (b instanceof Owned && b.o === null) {
    b.o = f;
    b.oi = 1;
  }
  return new RTuple(f);
}

/** `IntoIterator::into_iter` for a value used in `for` or by an adapter. */
export function intoIter(v0: Value, site: Site): RIter {
  const v = v0;
  if (v instanceof RIter) return v;
  if (v instanceof RVec || v instanceof RDeque || v instanceof RHeap) {
    if (v.o === null) {
      // an owned Vec is consumed: the iterator takes its items
      const it = new BufIter(v.a, true);
      v.a = [];
      return it;
    }
    return new BufIter(v.a, false);
  }
  if (v instanceof RRange) return rangeIter(v, site);
  if (v instanceof MutRef || v instanceof RefBase) {
    const t = deref(v);
    if (t instanceof RVec || t instanceof RDeque) return new MutIter(t.a);
    if (t instanceof RMap) return mapIter(t, 'mut', entriesOf(t, cmpValues));
    return intoIter(t, site);
  }
  // A BTreeMap/BTreeSet iterates in key order in a `for` loop too.
  if (v instanceof RMap) return mapIter(v, v.o === null ? 'owned' : 'ref', entriesOf(v, cmpValues));
  if (v instanceof REnum && v.def === OPTION) return new BufIter(v.v === 1 ? [v.f[0]] : [], v.o === null);
  const u = userIter(v);
  if (u) return u;
  return typeFault(site, 'this value is not an iterator', 'E0277');
}

export function rangeIter(r: RRange, site: Site): RIter {
  const s = r.start;
  const e = r.end;
  if (s instanceof RChar) {
    const a = s.c.codePointAt(0)!;
    // `'a'..` steps through every char up to char::MAX
    if (!r.hasEnd) return new RangeIter(a, 0x110000, true);
    if (!(e instanceof RChar))
      return typeFault(site, 'mismatched types: expected `char` at both ends of the range', 'E0308');
    return new RangeIter(a, e.c.codePointAt(0)! + (r.inclusive ? 1 : 0), true);
  }
  // only integer (and char) ranges iterate: a float bound is a type error rustc refuses
  const isInt = (x: Value): boolean => typeof x === 'number' || typeof x === 'bigint';
  if (!isInt(s) || (r.hasEnd && !isInt(e)))
    return typeFault(site, 'this range is not an iterator: its bounds are not integers', 'E0277');
  if (!r.hasEnd) return new FromIter(Number(s));
  if (typeof s === 'bigint' || typeof e === 'bigint') return typeFault(site, 'ranges past 2^53 are not supported yet');
  return new RangeIter(Number(s), Number(e) + (r.inclusive ? 1 : 0), false);
}

export type MapIterKind = 'ref' | 'owned' | 'mut' | 'keys' | 'values' | 'values_mut' | 'into_keys' | 'into_values';

export function mapIter(m: RMap, kind: MapIterKind, sortedEntries?: { k: Value; v: Value }[]): RIter {
  const es = sortedEntries ?? [...m.m.values()];
  const out: Value[] = [];
  for (const e of es) {
    switch (kind) {
      case 'ref':
        out.push(m.set ? e.k : tuple2(e.k, e.v));
        break;
      case 'owned':
        out.push(m.set ? release(e.k, m.items) : tuple2(release(e.k, m.items), release(e.v, m.items)));
        break;
      case 'mut':
        out.push(tuple2(e.k, new MapEntryRef(e)));
        break;
      case 'keys':
        out.push(e.k);
        break;
      case 'values':
        out.push(e.v);
        break;
      case 'values_mut':
        out.push(new MapEntryRef(e));
        break;
      case 'into_keys':
        out.push(release(e.k, m.items));
        break;
      case 'into_values':
        out.push(release(e.v, m.items));
        break;
    }
  }
  if (kind === 'owned' || kind === 'into_keys' || kind === 'into_values') m.m.clear();
  return new BufIter(out, kind === 'owned' || kind === 'into_keys' || kind === 'into_values');
}

/** `&mut` to a map entry's value. */
export class MapEntryRef extends RefBase {
  constructor(readonly e: { k: Value; v: Value }) {
    super();
    this.o = MAP_REF_OWNER;
  }
  get(): Value {
    return this.e.v;
  }
  set(v: Value): void {
    this.e.v = v;
  }
  dropGlue(): void {}
}
const MAP_REF_OWNER = Object.freeze({});

/**
 * Feeds the items of `it` to `f` (until it returns true). Each item costs a step of the runaway
 * budget, as a loop iteration does: a built-in consuming `0..3_000_000_000` meets the step limit
 * instead of holding the host for minutes or growing an array past what V8 can hold.
 */
export function forEachItem(it: RIter, site: Site, f: (x: Value) => boolean | void): void {
  for (let x = it.next(); x !== DONE; x = it.next()) {
    if (--env.budget < 0) runaway(site.line, site.col);
    if (f(x) === true) return;
  }
}

/** Collects every remaining item. */
export function drain(it: RIter, site: Site): Value[] {
  const out: Value[] = [];
  forEachItem(it, site, (x) => void out.push(x));
  return out;
}

export { dropItems };

/** A user type that implements `Iterator` (its `next` is called for each item). */
export class UserIter extends RIter {
  constructor(
    readonly obj: Value,
    private readonly nextFn: (obj: Value) => Value,
  ) {
    super();
  }
  next(): Next {
    const r = this.nextFn(this.obj);
    return r instanceof REnum && r.def === OPTION && r.v === 1 ? release(r.f[0], r.f) : DONE;
  }
}

let userNext: ((v: Value) => ((obj: Value) => Value) | null) | null = null;
/** The interpreter installs how to find a user type's `Iterator::next`. */
export function setUserNext(f: (v: Value) => ((obj: Value) => Value) | null): void {
  userNext = f;
}
export function userIter(v: Value): UserIter | null {
  const n = userNext?.(v) ?? null;
  return n ? new UserIter(v, n) : null;
}
