/**
 * `Option` and `Result` methods, with Rust's panic messages. Consuming methods (`unwrap`, `map`,
 * …) take the payload out of the value only if the value owned it (an `Option<&T>` stays a borrow).
 */
import { callValue } from '../call.ts';
import type { NativeFn, SelfMode, Site } from '../defs.ts';
import { debugAt } from '../fmt-value.ts';
import { dropInFlight, release } from '../owner.ts';
import { panicAt } from '../panic.ts';
import type { REnum } from '../values.ts';
import { deref, DROPPED, MutRef, RefBase, RVec, STATIC, type Value, text } from '../values.ts';
import { cloneValue } from './clone.ts';
import { err, NONE, ok, OPTION, RESULT, some } from './enums.ts';
import { BufIter } from './iter.ts';
import { defaultFor } from './defaults.ts';
import { registerNames } from './tables.ts';

const O = OPTION.methods;
const R = RESULT.methods;
registerNames(O);
registerNames(R);

function m(t: typeof O, name: string, mode: SelfMode, f: NativeFn): void {
  t.set(name, { name, selfMode: mode, call: f });
}

const e = (v: Value): REnum => deref(v) as REnum;
/** The payload, moved out when the enum owned it. */
const payload = (x: REnum): Value => release(x.f[0], x.f);
/** A reference to the payload's place. */
const payloadRef = (x: REnum): MutRef => new MutRef(x.f, 0);

// ---- Option
m(O, 'is_some', 'ref', (_s, a) => e(a[0]).v === 1);
m(O, 'is_none', 'ref', (_s, a) => e(a[0]).v === 0);
m(O, 'is_some_and', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 1 && callValue(s, a[1], [payload(x)]) === true;
});
m(O, 'is_none_or', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 0 || callValue(s, a[1], [payload(x)]) === true;
});
m(O, 'unwrap', 'value', (s, a) => {
  const x = e(a[0]);
  if (x.v === 1) return payload(x);
  return panicAt(s, 'called `Option::unwrap()` on a `None` value', true);
});
m(O, 'expect', 'value', (s, a) => {
  const x = e(a[0]);
  if (x.v === 1) return payload(x);
  return panicAt(s, text(a[1]));
});
m(O, 'unwrap_or', 'value', (_s, a) => {
  const x = e(a[0]);
  if (x.v === 1) {
    dropInFlight(a[1]);
    return payload(x);
  }
  return a[1];
});
m(O, 'unwrap_or_else', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? payload(x) : callValue(s, a[1], []);
});
m(O, 'unwrap_or_default', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? payload(x) : defaultFor(s);
});
m(O, 'map', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? some(callValue(s, a[1], [payload(x)])) : NONE;
});
m(O, 'map_or', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? callValue(s, a[2], [payload(x)]) : a[1];
});
m(O, 'map_or_else', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? callValue(s, a[2], [payload(x)]) : callValue(s, a[1], []);
});
m(O, 'inspect', 'value', (s, a) => {
  const x = e(a[0]);
  if (x.v === 1) callValue(s, a[1], [x.f[0]]);
  return x;
});
m(O, 'and_then', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? callValue(s, a[1], [payload(x)]) : NONE;
});
m(O, 'and', 'value', (_s, a) => (e(a[0]).v === 1 ? a[1] : NONE));
m(O, 'or', 'value', (_s, a) => (e(a[0]).v === 1 ? a[0] : a[1]));
m(O, 'or_else', 'value', (s, a) => (e(a[0]).v === 1 ? a[0] : callValue(s, a[1], [])));
m(O, 'xor', 'value', (_s, a) => {
  const x = e(a[0]);
  const y = e(a[1]);
  return x.v === 1 && y.v === 0 ? x : x.v === 0 && y.v === 1 ? y : NONE;
});
m(O, 'filter', 'value', (s, a) => {
  const x = e(a[0]);
  if (x.v === 1 && callValue(s, a[1], [x.f[0]]) === true) return x;
  return NONE;
});
m(O, 'ok_or', 'value', (_s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? ok(payload(x)) : err(a[1]);
});
m(O, 'ok_or_else', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? ok(payload(x)) : err(callValue(s, a[1], []));
});
m(O, 'zip', 'value', (_s, a) => {
  const x = e(a[0]);
  const y = e(a[1]);
  if (x.v !== 1 || y.v !== 1) return NONE;
  return some(tuple(payload(x), payload(y)));
});
m(O, 'flatten', 'value', (_s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? payload(x) : NONE;
});
m(O, 'as_ref', 'ref', (_s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? some(x.f[0]) : NONE;
});
m(O, 'as_deref', 'ref', (_s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? some(x.f[0]) : NONE;
});
m(O, 'as_mut', 'refMut', (_s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? some(payloadRef(x)) : NONE;
});
m(O, 'iter', 'ref', (_s, a) => {
  const x = e(a[0]);
  return new BufIter(x.v === 1 ? [x.f[0]] : [], false);
});
m(O, 'copied', 'value', (_s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? some(deref(x.f[0])) : NONE;
});
m(O, 'cloned', 'value', (_s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? some(cloneValue(deref(x.f[0]))) : NONE;
});
m(O, 'clone', 'ref', (_s, a) => cloneValue(e(a[0])));

/** `&mut self` methods that replace the option in its place. */
function place(v: Value): RefBase {
  if (v instanceof RefBase) return v;
  return new MutRef([v], 0);
}
/**
 * Moves the option out of its place, leaving None. The value leaves its owner before the place is
 * overwritten: places that drop what they replace (a MutexGuard's `*g = …`) must not drop it.
 */
function takeOut(r: RefBase): REnum {
  const cur = r.get() as REnum;
  if (r instanceof MutRef) {
    r.set(NONE);
    if (cur.o === r.c && cur.oi === r.k) cur.o = null;
    return cur;
  }
  // other places (a lock guard, a map entry) drop what they overwrite: move the value out first
  if (cur.o !== STATIC && cur.o !== DROPPED) cur.o = null;
  r.set(NONE);
  return cur;
}
m(O, 'take', 'refMut', (_s, a) => takeOut(place(a[0])));
m(O, 'replace', 'refMut', (_s, a) => {
  const r = place(a[0]);
  const old = takeOut(r);
  storeSome(r, a[1]);
  return old;
});
m(O, 'insert', 'refMut', (_s, a) => {
  const r = place(a[0]);
  const old = takeOut(r);
  dropInFlight(old);
  const s = storeSome(r, a[1]);
  return payloadRef(s);
});
m(O, 'get_or_insert', 'refMut', (_s, a) => {
  const r = place(a[0]);
  const cur = r.get() as REnum;
  if (cur.v === 1) {
    dropInFlight(a[1]);
    return payloadRef(cur);
  }
  return payloadRef(storeSome(r, a[1]));
});
m(O, 'get_or_insert_with', 'refMut', (s, a) => {
  const r = place(a[0]);
  const cur = r.get() as REnum;
  if (cur.v === 1) return payloadRef(cur);
  return payloadRef(storeSome(r, callValue(s, a[1], [])));
});

m(O, 'get_or_insert_default', 'refMut', (s, a) => {
  const r = place(a[0]);
  const cur = r.get() as REnum;
  if (cur.v === 1) return payloadRef(cur);
  return payloadRef(storeSome(r, defaultFor(s)));
});
/** `take_if(pred)`: takes the value out only when the predicate (given `&mut T`) says so. */
m(O, 'take_if', 'refMut', (s, a) => {
  const r = place(a[0]);
  const cur = r.get() as REnum;
  return cur.v === 1 && callValue(s, a[1], [payloadRef(cur)]) === true ? takeOut(r) : NONE;
});
m(O, 'iter_mut', 'refMut', (_s, a) => {
  const x = e(a[0]);
  return new BufIter(x.v === 1 ? [payloadRef(x)] : [], false);
});
m(O, 'as_deref_mut', 'refMut', (_s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? some(payloadRef(x)) : NONE;
});
m(O, 'as_slice', 'ref', (_s, a) => {
  const x = e(a[0]);
  return new RVec(x.v === 1 ? [x.f[0]] : []);
});

function storeSome(r: RefBase, v: Value): REnum {
  const s = some(v);
  r.set(s);
  if (r instanceof MutRef) {
    s.o = r.c;
    s.oi = r.k;
  }
  return s;
}

let tuple: (a: Value, b: Value) => Value = () => undefined;
export function setTupleMaker(f: (a: Value, b: Value) => Value): void {
  tuple = f;
}

// ---- Result
m(R, 'is_ok', 'ref', (_s, a) => e(a[0]).v === 0);
m(R, 'is_err', 'ref', (_s, a) => e(a[0]).v === 1);
m(R, 'is_ok_and', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 0 && callValue(s, a[1], [payload(x)]) === true;
});
m(R, 'is_err_and', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 1 && callValue(s, a[1], [payload(x)]) === true;
});
m(R, 'unwrap', 'value', (s, a) => {
  const x = e(a[0]);
  if (x.v === 0) return payload(x);
  return panicAt(s, `called \`Result::unwrap()\` on an \`Err\` value: ${debugAt(s, x.f[0])}`);
});
m(R, 'expect', 'value', (s, a) => {
  const x = e(a[0]);
  if (x.v === 0) return payload(x);
  return panicAt(s, `${text(a[1])}: ${debugAt(s, x.f[0])}`);
});
m(R, 'unwrap_err', 'value', (s, a) => {
  const x = e(a[0]);
  if (x.v === 1) return payload(x);
  return panicAt(s, `called \`Result::unwrap_err()\` on an \`Ok\` value: ${debugAt(s, x.f[0])}`);
});
m(R, 'expect_err', 'value', (s, a) => {
  const x = e(a[0]);
  if (x.v === 1) return payload(x);
  return panicAt(s, `${text(a[1])}: ${debugAt(s, x.f[0])}`);
});
m(R, 'unwrap_or', 'value', (_s, a) => {
  const x = e(a[0]);
  if (x.v === 0) {
    dropInFlight(a[1]);
    return payload(x);
  }
  return a[1];
});
m(R, 'unwrap_or_else', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? payload(x) : callValue(s, a[1], [payload(x)]);
});
m(R, 'unwrap_or_default', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? payload(x) : defaultFor(s);
});
m(R, 'map', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? ok(callValue(s, a[1], [payload(x)])) : err(payload(x));
});
m(R, 'map_err', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? err(callValue(s, a[1], [payload(x)])) : ok(payload(x));
});
m(R, 'map_or', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? callValue(s, a[2], [payload(x)]) : a[1];
});
m(R, 'inspect_err', 'value', (s, a) => {
  const x = e(a[0]);
  if (x.v === 1) callValue(s, a[1], [x.f[0]]);
  return x;
});
m(R, 'and_then', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? callValue(s, a[1], [payload(x)]) : err(payload(x));
});
m(R, 'or_else', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? callValue(s, a[1], [payload(x)]) : ok(payload(x));
});
m(R, 'and', 'value', (_s, a) => (e(a[0]).v === 0 ? a[1] : a[0]));
m(R, 'or', 'value', (_s, a) => (e(a[0]).v === 0 ? a[0] : a[1]));
m(R, 'ok', 'value', (_s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? some(payload(x)) : NONE;
});
m(R, 'err', 'value', (_s, a) => {
  const x = e(a[0]);
  return x.v === 1 ? some(payload(x)) : NONE;
});
m(R, 'as_ref', 'ref', (_s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? ok(x.f[0]) : err(x.f[0]);
});
m(R, 'as_mut', 'refMut', (_s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? ok(payloadRef(x)) : err(payloadRef(x));
});
m(R, 'iter', 'ref', (_s, a) => {
  const x = e(a[0]);
  return new BufIter(x.v === 0 ? [x.f[0]] : [], false);
});
m(R, 'clone', 'ref', (_s, a) => cloneValue(e(a[0])));
m(R, 'map_or_else', 'value', (s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? callValue(s, a[2], [payload(x)]) : callValue(s, a[1], [payload(x)]);
});
m(R, 'inspect', 'value', (s, a) => {
  const x = e(a[0]);
  if (x.v === 0) callValue(s, a[1], [x.f[0]]);
  return x;
});
m(R, 'as_deref', 'ref', (_s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? ok(x.f[0]) : err(x.f[0]);
});
m(R, 'as_deref_mut', 'refMut', (_s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? ok(payloadRef(x)) : err(payloadRef(x));
});
m(R, 'iter_mut', 'refMut', (_s, a) => {
  const x = e(a[0]);
  return new BufIter(x.v === 0 ? [payloadRef(x)] : [], false);
});
/** `Result<Result<T, E>, E>::flatten`. */
m(R, 'flatten', 'value', (_s, a) => {
  const x = e(a[0]);
  return x.v === 0 ? payload(x) : err(payload(x));
});
m(R, 'copied', 'value', (_s, a) => a[0]);
m(R, 'cloned', 'value', (_s, a) => cloneValue(a[0]));

export type { Site };
