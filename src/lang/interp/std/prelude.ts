/**
 * The prelude and small std items: `drop`, `std::mem`, `Box`, `Some`/`None`/`Ok`/`Err` as values,
 * `Default::default`, `std::cmp`, `std::iter` sources, `std::process::exit`, and the methods every
 * value has (`to_string`, `clone`, `into`, comparisons).
 */
import { noteFallback } from '../fallbacks.ts';
import { callValue, invoke, RFn } from '../call.ts';
import type { Site } from '../defs.ts';
import { displayString } from '../fmt-value.ts';
import { cmpValues, eqValues } from '../ops-rt.ts';
import { claim, dropInFlight, release } from '../owner.ts';
import { MutRef, Owned, RefBase, RMap, RTuple, RVec, type Value, deref, STATIC } from '../values.ts';
import { cloneValue } from './clone.ts';
import { defaultFor, defaultOf, typedDefault } from './defaults.ts';
import { NO_DEFAULT } from './typed-default.ts';
import { err, NONE, ok, ordering, some } from './enums.ts';
import { BufIter } from './iter.ts';
import { ADAPTERS } from './iter-adapters.ts';
import { fn, lookupBuiltin, member, ns, reg } from './registry.ts';
import { def, tableFor, UNIVERSAL } from './tables.ts';
import { convertError } from './errors.ts';
import { callMethodStatic } from './dispatch.ts';
import { typeFault } from '../type-fault.ts';
import { NOT_TYPED, typedInto } from './typed-into.ts';

reg(['Some', 'Option::Some', 'std::option::Option::Some'], { kind: 'fn', call: (_s, a) => some(a[0]) });
reg(['None', 'Option::None', 'std::option::Option::None'], { kind: 'value', get: () => NONE });
reg(['Ok', 'Result::Ok', 'std::result::Result::Ok'], { kind: 'fn', call: (_s, a) => ok(a[0]) });
reg(['Err', 'Result::Err', 'std::result::Result::Err'], { kind: 'fn', call: (_s, a) => err(a[0]) });

/** `drop(x)`: consumes its argument; dropping a reference does nothing. */
fn(['drop', 'std::mem::drop', 'mem::drop', 'core::mem::drop'], (_s, a) => {
  dropInFlight(a[0]);
  return undefined;
});
fn(['std::mem::forget', 'mem::forget'], (_s, a) => {
  const v = a[0];
  if (v instanceof Owned && v.o === null) v.o = STATIC;
  return undefined;
});

function placeOf(v: Value): RefBase {
  return v instanceof RefBase ? v : new MutRef([v], 0);
}
fn(['std::mem::swap', 'mem::swap'], (_s, a) => {
  const x = placeOf(a[0]);
  const y = placeOf(a[1]);
  const t = x.get();
  x.set(y.get());
  y.set(t);
  if (x instanceof MutRef && y instanceof MutRef) {
    const p = x.get();
    const q = y.get();
    if (p instanceof Owned && p.o === y.c) {
      p.o = x.c;
      p.oi = x.k;
    }
    if (q instanceof Owned && q.o === x.c) {
      q.o = y.c;
      q.oi = y.k;
    }
  }
  return undefined;
});
function replaceIn(r: RefBase, v: Value): Value {
  const old = r.get();
  r.set(v);
  if (r instanceof MutRef) {
    if (old instanceof Owned && old.o === r.c) old.o = null;
    claim(v, r.c, r.k);
  }
  return old;
}
fn(['std::mem::replace', 'mem::replace'], (_s, a) => replaceIn(placeOf(a[0]), a[1]));
fn(['std::mem::take', 'mem::take'], (s: Site, a) => {
  const r = placeOf(a[0]);
  // `mem::take::<T>` puts `T::default()` back: T is the checker's type of the call's result.
  const typed = typedDefault(s);
  if (typed !== NO_DEFAULT) return replaceIn(r, typed);
  const cur = deref(r.get());
  if (typeof cur === 'string' || typeof cur === 'number') noteFallback('defaultByName', s.line, s.col);
  return replaceIn(r, typeof cur === 'string' ? '' : typeof cur === 'number' ? 0 : defaultLike(cur, s));
});
function defaultLike(cur: Value, s: Site): Value {
  noteFallback('defaultByName', s.line, s.col);
  const name = cur instanceof Object && 'def' in cur ? (cur as { def: { name: string } }).def.name : null;
  if (name === 'Option') return NONE;
  if (name) return defaultOf(name);
  if (cur instanceof RVec) return defaultOf('Vec');
  if (cur instanceof RMap) return defaultOf('HashMap');
  return defaultFor(s);
}

const BOX = ns(['Box', 'std::boxed::Box']);
member(BOX, 'new', (_s, a) => a[0]);
member(BOX, 'pin', (_s, a) => a[0]);
member(BOX, 'from', (_s, a) => a[0]);
// `Box::leak`: the value moves into a home nothing ever drops; what is left is a `&'static mut` to it.
member(BOX, 'leak', (_s, a) => {
  const home = [a[0]];
  claim(a[0], home, 0);
  return new MutRef(home, 0);
});
fn(['Box::<dyn Error>::from'], (_s, a) => a[0]);
fn(['Default::default', 'std::default::Default::default'], (s, _a) => defaultFor(s));
fn(['std::cmp::max', 'cmp::max', 'max'], (_s, a) => (cmpValues(a[1], a[0]) >= 0 ? a[1] : a[0]));
fn(['std::cmp::min', 'cmp::min', 'min'], (_s, a) => (cmpValues(a[1], a[0]) < 0 ? a[1] : a[0]));
fn(['std::iter::repeat', 'iter::repeat'], (_s, a) => ADAPTERS.repeat(a[0], cloneValue));
fn(['std::iter::once', 'iter::once'], (_s, a) => new BufIter([a[0]], true));
fn(['std::iter::empty', 'iter::empty'], () => new BufIter([], false));
fn(['std::iter::from_fn', 'iter::from_fn'], (s, a) => ADAPTERS.fromFn(s, a[0]));
fn(['std::iter::successors', 'iter::successors'], (s, a) => {
  let next = a[0];
  return ADAPTERS.fromFn(
    s,
    new RFn('successors', () => {
      const cur = next as { v: number; f: Value[] };
      if (cur.v !== 1) return NONE;
      const x = cur.f[0];
      next = callValue(s, a[1], [x]);
      return some(x);
    }),
  );
});
fn(['std::hint::black_box', 'hint::black_box'], (_s, a) => a[0]);
fn(['std::process::exit', 'process::exit'], (_s, a) => {
  throw new ProcessExit(Number(a[0]));
});

/** `std::process::exit(code)`: unwinds nothing, ends the run with `code`. */
export class ProcessExit extends Error {
  constructor(readonly code: number) {
    super(`process exited with code ${code}`);
    this.name = 'ProcessExit';
  }
}

// methods every value has
def(UNIVERSAL, 'to_string', 'ref', (s, a) => displayString(a[0], s.int?.t ?? null));
def(UNIVERSAL, 'clone', 'ref', (_s, a) => cloneValue(deref(a[0])));
def(UNIVERSAL, 'to_owned', 'ref', (_s, a) => cloneValue(deref(a[0])));
def(UNIVERSAL, 'into', 'value', (s, a) => {
  const typed = typedInto(s, a[0]);
  if (typed !== NOT_TYPED) return typed;
  const user = userFrom(s);
  if (user !== undefined) return user(a[0]);
  noteFallback('intoByName', s.line, s.col);
  // `From` impls of user types, and the std ones `?` applies (`io::Error: From<JoinError>`)
  if (!s.hint) return a[0];
  const out = convertError(a[0], s.hint, s);
  return out !== a[0] ? out : (builtinFrom(s.hint, s, a[0]) ?? out);
});

/**
 * `x.into()` through a user `From` impl, by the checker's types: the target's own `from` (which
 * picks among several impls by `site.from`), or `impl From<UserType> for u64`, an item named for
 * the std target (compile/items.ts).
 */
function userFrom(s: Site): ((v: Value) => Value) | undefined {
  const to = s.ty;
  const env = s.typed;
  if (to === null || env === null || s.from === null) return undefined;
  if (to.k === 'adt') {
    const from = env.adt(to.name)?.methods.get('from');
    if (from !== undefined) return (v) => from.call(s, [v]);
  }
  let src = s.from;
  while (src.k === 'ref') src = src.inner;
  if (src.k !== 'adt' || env.adt(src.name) === undefined) return undefined;
  const key = to.k === 'int' || to.k === 'float' ? to.name : to.k === 'adt' ? to.name : null;
  const def = key === null ? undefined : env.fnItem(`${key}::from`);
  return def === undefined ? undefined : (v) => invoke(def, [v], s);
}

// `x.try_into()`: the target is the `Ok` type the checker worked out; its `try_from` converts.
def(UNIVERSAL, 'try_into', 'value', (s, a) => {
  // the hint names the `Ok` type (`u8`, `Even`) even while the error type is still open
  const name = s.hint?.split('<')[0].split('::').pop();
  const std = name === undefined ? undefined : lookupBuiltin([name, 'try_from']);
  if (std?.kind === 'fn') return std.call(s, [a[0]]);
  const user = name === undefined ? undefined : callMethodStatic(name, 'try_from', s, [a[0]]);
  return user ?? typeFault(s, 'the target type of `try_into()` is not known here', 'E0282');
});

/** `T::from(v)` of a std type named by the expected type (`AtomicBool` for `false.into()`). */
function builtinFrom(hint: string, s: Site, v: Value): Value | undefined {
  const e = lookupBuiltin(hint.split('<')[0].split('::'));
  const from = e?.kind === 'ns' ? e.m.get('from') : undefined;
  return from?.kind === 'fn' ? from.call(s, [v]) : undefined;
}
def(UNIVERSAL, 'borrow', 'ref', (_s, a) => a[0]);
def(UNIVERSAL, 'borrow_mut', 'refMut', (_s, a) => a[0]);
def(UNIVERSAL, 'as_ref', 'ref', (_s, a) => a[0]);
def(UNIVERSAL, 'as_mut', 'refMut', (_s, a) => a[0]);
def(UNIVERSAL, 'eq', 'ref', (_s, a) => eqValues(a[0], a[1]));
def(UNIVERSAL, 'ne', 'ref', (_s, a) => !eqValues(a[0], a[1]));
def(UNIVERSAL, 'cmp', 'ref', (_s, a) => ordering(cmpValues(a[0], a[1])));
def(UNIVERSAL, 'partial_cmp', 'ref', (_s, a) => {
  const c = cmpValues(a[0], a[1]);
  return Number.isNaN(c) ? NONE : some(ordering(c));
});
def(UNIVERSAL, 'lt', 'ref', (_s, a) => cmpValues(a[0], a[1]) < 0);
def(UNIVERSAL, 'le', 'ref', (_s, a) => cmpValues(a[0], a[1]) <= 0);
def(UNIVERSAL, 'gt', 'ref', (_s, a) => cmpValues(a[0], a[1]) > 0);
def(UNIVERSAL, 'ge', 'ref', (_s, a) => cmpValues(a[0], a[1]) >= 0);
def(UNIVERSAL, 'max', 'value', (_s, a) => (cmpValues(a[1], a[0]) >= 0 ? a[1] : a[0]));
def(UNIVERSAL, 'min', 'value', (_s, a) => (cmpValues(a[1], a[0]) < 0 ? a[1] : a[0]));

const TUPLE = tableFor(RTuple);
def(TUPLE, 'clone', 'ref', (_s, a) => cloneValue(deref(a[0])));

export { release };
