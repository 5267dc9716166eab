/**
 * The rest of the stable iterator surface (std 1.95): `size_hint`, the double-ended consumers
 * (`nth_back`, `rfold`, `try_rfold`, `rfind`), `Peekable::{next_if, next_if_eq, peek_mut}` and
 * the `std::iter` constructors `repeat_n`, `repeat_with`, `once_with`, `zip`, `chain`.
 */
import { callValue, RFn } from '../call.ts';
import { dropInFlight, release } from '../owner.ts';
import { eqValues } from '../ops-rt.ts';
import { deref, type REnum, RefBase, STATIC, type Value } from '../values.ts';
import { cloneValue } from './clone.ts';
import { NONE, some } from './enums.ts';
import type { RIter } from './iter.ts';
import { BufIter, DONE, intoIter, type Next } from './iter.ts';
import { ADAPTERS, PeekableIter } from './iter-adapters.ts';
import { forwardIterMethodsToRanges, ITER } from './iter-methods.ts';
import { fn } from './registry.ts';
import { isBreak, wrapLike } from './std-more.ts';
import { def } from './tables.ts';
import { tuple2 } from './iter.ts';
import { typeFault } from '../type-fault.ts';
import type { Site } from '../defs.ts';

const it = (v: Value): RIter => deref(v) as RIter;
const opt = (x: Next): Value => (x === DONE ? NONE : some(x));
/** usize::MAX, the lower bound of an endless iterator. */
const USIZE_MAX = 2n ** 64n - 1n;

def(ITER, 'size_hint', 'ref', (_s, a) => {
  const [lo, hi] = it(a[0]).sizeHint();
  return tuple2(lo === Infinity ? USIZE_MAX : lo, hi === null ? NONE : some(hi));
});
def(ITER, 'nth_back', 'refMut', (_s, a) => {
  const src = it(a[0]);
  for (let k = Number(deref(a[1])); k > 0; k--) {
    const x = src.nextBack();
    if (x === DONE) return NONE;
    dropInFlight(x);
  }
  return opt(src.nextBack());
});
def(ITER, 'rfold', 'value', (s, a) => {
  const src = it(a[0]);
  let acc = a[1];
  for (let x = src.nextBack(); x !== DONE; x = src.nextBack()) acc = callValue(s, a[2], [acc, x]);
  return acc;
});
def(ITER, 'try_rfold', 'refMut', (s, a) => {
  const src = it(a[0]);
  let acc = a[1];
  let sample: Value = undefined;
  for (let x = src.nextBack(); x !== DONE; x = src.nextBack()) {
    const r = callValue(s, a[2], [acc, x]);
    if (isBreak(r)) return r;
    sample = r;
    acc = release((r as REnum).f[0], (r as REnum).f);
  }
  return wrapLike(sample, acc, s);
});
def(ITER, 'rfind', 'refMut', (s, a) => {
  const src = it(a[0]);
  for (let x = src.nextBack(); x !== DONE; x = src.nextBack()) {
    if (callValue(s, a[1], [x]) === true) return some(x);
    dropInFlight(x);
  }
  return NONE;
});

function peekable(v: Value, site: Site, name: string): PeekableIter {
  const p = deref(v);
  return p instanceof PeekableIter
    ? p
    : typeFault(site, `no method named \`${name}\` found for this iterator`, 'E0599');
}
/** `next_if(pred)` / `next_if_eq(&v)`: the next item if it passes, else it stays peeked. */
function nextIf(p: PeekableIter, pass: (x: Value) => boolean): Value {
  const x = p.peek();
  if (x === DONE || !pass(x)) return NONE;
  return opt(p.next());
}
def(ITER, 'next_if', 'refMut', (s, a) => nextIf(peekable(a[0], s, 'next_if'), (x) => callValue(s, a[1], [x]) === true));
def(ITER, 'next_if_eq', 'refMut', (s, a) => nextIf(peekable(a[0], s, 'next_if_eq'), (x) => eqValues(x, deref(a[1]))));
/** `next_if_map(f)`: `f` takes the item and gives `Ok(r)` (taken) or `Err(item)` (put back). */
def(ITER, 'next_if_map', 'refMut', (s, a) => {
  const p = peekable(a[0], s, 'next_if_map');
  const x = p.next();
  if (x === DONE) return NONE;
  const r = callValue(s, a[1], [x]) as REnum;
  const inner = release(r.f[0], r.f);
  if (r.v === 0) return some(inner);
  p.peeked = inner;
  return NONE;
});
/** `next_if_map_mut(f)`: `f` sees `&mut item`; `Some(r)` takes the item, `None` leaves it peeked. */
def(ITER, 'next_if_map_mut', 'refMut', (s, a) => {
  const p = peekable(a[0], s, 'next_if_map_mut');
  if (p.peek() === DONE) return NONE;
  const r = callValue(s, a[1], [new PeekSlot(p)]) as REnum;
  if (r.v !== 1) return NONE;
  dropInFlight(p.next());
  return some(release(r.f[0], r.f));
});

/** The peeked slot of a `Peekable`, as `peek_mut` lends it: a write changes what `next` returns. */
class PeekSlot extends RefBase {
  constructor(private readonly p: PeekableIter) {
    super();
    this.o = STATIC;
  }
  get(): Value {
    return this.p.peeked as Value;
  }
  set(v: Value): void {
    this.p.peeked = v;
  }
  dropGlue(): void {}
}
def(ITER, 'peek_mut', 'refMut', (s, a) => {
  const p = peekable(a[0], s, 'peek_mut');
  return p.peek() === DONE ? NONE : some(new PeekSlot(p));
});

fn(['std::iter::repeat_n', 'iter::repeat_n'], (_s, a) => {
  const k = Number(deref(a[1]));
  const items: Value[] = [];
  for (let i = 0; i < k; i++) items.push(i === k - 1 ? a[0] : cloneValue(a[0]));
  if (k === 0) dropInFlight(a[0]);
  return new BufIter(items, true);
});
fn(['std::iter::repeat_with', 'iter::repeat_with'], (s, a) =>
  ADAPTERS.fromFn(s, new RFn('repeat_with', () => some(callValue(s, a[0], [])))),
);
fn(['std::iter::once_with', 'iter::once_with'], (s, a) => {
  let done = false;
  return ADAPTERS.fromFn(
    s,
    new RFn('once_with', () => {
      if (done) return NONE;
      done = true;
      return some(callValue(s, a[0], []));
    }),
  );
});
fn(['std::iter::zip', 'iter::zip'], (s, a) => ADAPTERS.zip(intoIter(a[0], s), s, intoIter(a[1], s)));
fn(['std::iter::chain', 'iter::chain'], (s, a) => ADAPTERS.chain(intoIter(a[0], s), s, intoIter(a[1], s)));
forwardIterMethodsToRanges();
