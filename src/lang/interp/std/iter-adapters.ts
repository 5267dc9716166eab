/**
 * The lazy iterator adapters (`map`, `filter`, `zip`, `chain`, `take`, `rev`, `peekable`, …):
 * each pulls from its source only when asked, so closures run in Rust's order, and owns its
 * source (dropping the adapter drops what the source still holds).
 */
import { callValue } from '../call.ts';
import type { Site } from '../defs.ts';
import { dropChild, dropInFlight, release } from '../owner.ts';
import { MutRef, REnum, type Value } from '../values.ts';
import { OPTION } from './enums.ts';
import { DONE, intoIter, type Next, RIter, type SizeHint, tuple2 } from './iter.ts';

/** Takes ownership of an iterator it wraps (so dropping the adapter drops what is left). */
function adopt(src: RIter, owner: object): void {
  if (src.o === null) src.o = owner;
}

abstract class Adapter extends RIter {
  constructor(
    protected readonly src: RIter,
    protected readonly site: Site,
  ) {
    super();
    adopt(src, this);
  }
  override dropGlue(): void {
    dropChild(this.src, this);
  }
  /** One item out for each item in, unless an adapter says otherwise. */
  override sizeHint(): SizeHint {
    const n = this.len();
    return n >= 0 ? [n, n] : this.src.sizeHint();
  }
}

/** Adapters that may drop any item (`filter`, `take_while`, …): at most the source's upper bound. */
function anyFewer(src: RIter): SizeHint {
  return [0, src.sizeHint()[1]];
}

/** An adapter driven by a closure of the program (`filter`, `take_while`, `inspect`, …). */
abstract class FnAdapter extends Adapter {
  constructor(
    src: RIter,
    site: Site,
    private readonly f: Value,
  ) {
    super(src, site);
  }
  protected call(x: Value): Value {
    return callValue(this.site, this.f, [x]);
  }
}

/** `Some(v)` hands `v` over; anything else ends the iteration. */
function someOrDone(r: Value): Next {
  return r instanceof REnum && r.v === 1 ? release(r.f[0], r.f) : DONE;
}

/** One item out for each item in, from either end (`map`, `copied`, `cloned`). */
class MapIter extends Adapter {
  constructor(
    src: RIter,
    site: Site,
    private readonly fn: (x: Value) => Value,
  ) {
    super(src, site);
  }
  next(): Next {
    const x = this.src.next();
    return x === DONE ? DONE : this.fn(x);
  }
  override nextBack(): Next {
    const x = this.src.nextBack();
    return x === DONE ? DONE : this.fn(x);
  }
  override len(): number {
    return this.src.len();
  }
}

class FilterIter extends FnAdapter {
  override sizeHint(): SizeHint {
    return anyFewer(this.src);
  }
  next(): Next {
    return this.pull(false);
  }
  override nextBack(): Next {
    return this.pull(true);
  }
  private pull(back: boolean): Next {
    for (;;) {
      const x = back ? this.src.nextBack() : this.src.next();
      if (x === DONE) return DONE;
      if (this.call(x) === true) return x;
      dropInFlight(x);
    }
  }
}

class FilterMapIter extends FnAdapter {
  override sizeHint(): SizeHint {
    return anyFewer(this.src);
  }
  next(): Next {
    for (;;) {
      const x = this.src.next();
      if (x === DONE) return DONE;
      const r = someOrDone(this.call(x));
      if (r !== DONE) return r;
    }
  }
}

class EnumerateIter extends Adapter {
  private i = 0;
  next(): Next {
    const x = this.src.next();
    if (x === DONE) return DONE;
    return tuple2(this.i++, x);
  }
  override nextBack(): Next {
    const n = this.src.len();
    const x = this.src.nextBack();
    if (x === DONE) return DONE;
    return tuple2(this.i + n - 1, x);
  }
  override len(): number {
    return this.src.len();
  }
}

/** An adapter over two sources, owning both (`zip`, `chain`). */
abstract class PairAdapter extends Adapter {
  constructor(
    src: RIter,
    site: Site,
    protected readonly other: RIter,
  ) {
    super(src, site);
    adopt(other, this);
  }
  override dropGlue(): void {
    dropChild(this.src, this);
    dropChild(this.other, this);
  }
  /** Combines both exact lengths, or -1 when either is unknown. */
  protected bothLen(combine: (a: number, b: number) => number): number {
    const a = this.src.len();
    const b = this.other.len();
    return a < 0 || b < 0 ? -1 : combine(a, b);
  }
}

class ZipIter extends PairAdapter {
  override sizeHint(): SizeHint {
    const [a, x] = this.src.sizeHint();
    const [b, y] = this.other.sizeHint();
    return [Math.min(a, b), x === null ? y : y === null ? x : Math.min(x, y)];
  }
  next(): Next {
    const a = this.src.next();
    if (a === DONE) return DONE;
    const b = this.other.next();
    if (b === DONE) {
      dropInFlight(a);
      return DONE;
    }
    return tuple2(a, b);
  }
  override len(): number {
    return this.bothLen(Math.min);
  }
}

class ChainIter extends PairAdapter {
  override sizeHint(): SizeHint {
    const [a, x] = this.src.sizeHint();
    const [b, y] = this.other.sizeHint();
    return [a + b, x === null || y === null ? null : x + y];
  }
  private first = true;
  next(): Next {
    if (this.first) {
      const x = this.src.next();
      if (x !== DONE) return x;
      this.first = false;
    }
    return this.other.next();
  }
  override nextBack(): Next {
    const x = this.other.nextBack();
    if (x !== DONE) return x;
    return this.src.nextBack();
  }
  override len(): number {
    return this.bothLen((a, b) => a + b);
  }
}

/** An adapter counting items down (`take`, `skip`). */
abstract class CountAdapter extends Adapter {
  constructor(
    src: RIter,
    site: Site,
    protected n: number,
  ) {
    super(src, site);
  }
}

class TakeIter extends CountAdapter {
  override sizeHint(): SizeHint {
    const [lo, hi] = this.src.sizeHint();
    return [Math.min(lo, this.n), hi === null ? this.n : Math.min(hi, this.n)];
  }
  next(): Next {
    if (this.n <= 0) return DONE;
    this.n--;
    return this.src.next();
  }
  override len(): number {
    const l = this.src.len();
    return l < 0 ? this.n : Math.min(l, this.n);
  }
}

class SkipIter extends CountAdapter {
  override sizeHint(): SizeHint {
    const [lo, hi] = this.src.sizeHint();
    return [Math.max(0, lo - this.n), hi === null ? null : Math.max(0, hi - this.n)];
  }
  next(): Next {
    while (this.n > 0) {
      this.n--;
      const x = this.src.next();
      if (x === DONE) return DONE;
      dropInFlight(x);
    }
    return this.src.next();
  }
  override len(): number {
    const l = this.src.len();
    return l < 0 ? -1 : Math.max(0, l - this.n);
  }
}

class TakeWhileIter extends FnAdapter {
  override sizeHint(): SizeHint {
    return anyFewer(this.src);
  }
  private done = false;
  next(): Next {
    if (this.done) return DONE;
    const x = this.src.next();
    if (x === DONE) return DONE;
    if (this.call(x) === true) return x;
    this.done = true;
    dropInFlight(x);
    return DONE;
  }
}

class SkipWhileIter extends FnAdapter {
  override sizeHint(): SizeHint {
    return anyFewer(this.src);
  }
  private skipping = true;
  next(): Next {
    for (;;) {
      const x = this.src.next();
      if (x === DONE) return DONE;
      if (this.skipping && this.call(x) === true) {
        dropInFlight(x);
        continue;
      }
      this.skipping = false;
      return x;
    }
  }
}

class StepByIter extends Adapter {
  override sizeHint(): SizeHint {
    const f = (k: number): number =>
      this.first ? (k === 0 ? 0 : 1 + Math.floor((k - 1) / this.step)) : Math.floor(k / this.step);
    const [lo, hi] = this.src.sizeHint();
    return [f(lo), hi === null ? null : f(hi)];
  }
  private first = true;
  constructor(
    src: RIter,
    site: Site,
    private readonly step: number,
  ) {
    super(src, site);
  }
  next(): Next {
    if (this.first) {
      this.first = false;
      return this.src.next();
    }
    for (let i = 0; i < this.step - 1; i++) if (this.src.next() === DONE) return DONE;
    return this.src.next();
  }
}

class RevIter extends Adapter {
  next(): Next {
    return this.src.nextBack();
  }
  override nextBack(): Next {
    return this.src.next();
  }
  override len(): number {
    return this.src.len();
  }
}

export class PeekableIter extends Adapter {
  peeked: Next | null = null;
  next(): Next {
    if (this.peeked !== null) {
      const p = this.peeked;
      this.peeked = null;
      return p;
    }
    return this.src.next();
  }
  peek(): Next {
    if (this.peeked === null) this.peeked = this.src.next();
    return this.peeked;
  }
  override sizeHint(): SizeHint {
    if (this.peeked === DONE) return [0, 0];
    const [lo, hi] = this.src.sizeHint();
    const k = this.peeked === null ? 0 : 1;
    return [lo + k, hi === null ? null : hi + k];
  }
}

class InspectIter extends FnAdapter {
  next(): Next {
    const x = this.src.next();
    if (x !== DONE) this.call(x);
    return x;
  }
}

class FlatMapIter extends Adapter {
  /**
   * std's `FlattenCompat::size_hint` for inner iterators of no fixed size: what the current inner
   * iterator has left, and an upper bound only once the outer iterator is surely empty.
   */
  override sizeHint(): SizeHint {
    const [flo, fhi] = this.cur ? this.cur.sizeHint() : [0, 0];
    const [lo, hi] = this.src.sizeHint();
    return lo === 0 && hi === 0 ? [flo, fhi] : [flo, null];
  }
  private cur: RIter | null = null;
  constructor(
    src: RIter,
    site: Site,
    private readonly f: Value | null,
  ) {
    super(src, site);
  }
  next(): Next {
    for (;;) {
      if (this.cur) {
        const x = this.cur.next();
        if (x !== DONE) return x;
        this.cur = null;
      }
      const s = this.src.next();
      if (s === DONE) return DONE;
      const inner = this.f === null ? s : callValue(this.site, this.f, [s]);
      this.cur = intoIter(inner, this.site);
    }
  }
}

class ScanIter extends Adapter {
  override sizeHint(): SizeHint {
    return anyFewer(this.src);
  }
  constructor(
    src: RIter,
    site: Site,
    private readonly state: Value[],
    private readonly f: Value,
  ) {
    super(src, site);
  }
  next(): Next {
    const x = this.src.next();
    if (x === DONE) return DONE;
    const r = callValue(this.site, this.f, [new MutRef(this.state, 0), x]);
    return r instanceof REnum && r.def === OPTION ? someOrDone(r) : DONE;
  }
}

class FromFnIter extends RIter {
  override sizeHint(): SizeHint {
    return [0, null];
  }
  constructor(
    private readonly site: Site,
    private readonly f: Value,
  ) {
    super();
  }
  next(): Next {
    return someOrDone(callValue(this.site, this.f, []));
  }
}

class RepeatIter extends RIter {
  override sizeHint(): SizeHint {
    return [Infinity, null];
  }
  constructor(
    private readonly v: Value,
    private readonly clone: (v: Value) => Value,
  ) {
    super();
  }
  next(): Next {
    return this.clone(this.v);
  }
}

class CycleIter extends RIter {
  override sizeHint(): SizeHint {
    return this.items.length === 0 ? [0, 0] : [Infinity, null];
  }
  private i = 0;
  constructor(private readonly items: Value[]) {
    super();
  }
  next(): Next {
    if (this.items.length === 0) return DONE;
    const v = this.items[this.i];
    this.i = (this.i + 1) % this.items.length;
    return v;
  }
}

export const ADAPTERS = {
  map: (src: RIter, site: Site, f: Value): RIter => new MapIter(src, site, (x) => callValue(site, f, [x])),
  filter: (src: RIter, site: Site, f: Value): RIter => new FilterIter(src, site, f),
  filterMap: (src: RIter, site: Site, f: Value): RIter => new FilterMapIter(src, site, f),
  enumerate: (src: RIter, site: Site): RIter => new EnumerateIter(src, site),
  zip: (src: RIter, site: Site, other: RIter): RIter => new ZipIter(src, site, other),
  chain: (src: RIter, site: Site, other: RIter): RIter => new ChainIter(src, site, other),
  take: (src: RIter, site: Site, n: number): RIter => new TakeIter(src, site, n),
  skip: (src: RIter, site: Site, n: number): RIter => new SkipIter(src, site, n),
  takeWhile: (src: RIter, site: Site, f: Value): RIter => new TakeWhileIter(src, site, f),
  skipWhile: (src: RIter, site: Site, f: Value): RIter => new SkipWhileIter(src, site, f),
  stepBy: (src: RIter, site: Site, n: number): RIter => new StepByIter(src, site, n),
  rev: (src: RIter, site: Site): RIter => new RevIter(src, site),
  peekable: (src: RIter, site: Site): PeekableIter => new PeekableIter(src, site),
  copied: (src: RIter, site: Site, clone: (v: Value) => Value): RIter => new MapIter(src, site, clone),
  inspect: (src: RIter, site: Site, f: Value): RIter => new InspectIter(src, site, f),
  flatMap: (src: RIter, site: Site, f: Value | null): RIter => new FlatMapIter(src, site, f),
  scan: (src: RIter, site: Site, init: Value, f: Value): RIter => new ScanIter(src, site, [init], f),
  fromFn: (site: Site, f: Value): RIter => new FromFnIter(site, f),
  repeat: (v: Value, clone: (v: Value) => Value): RIter => new RepeatIter(v, clone),
  cycle: (items: Value[]): RIter => new CycleIter(items),
};
