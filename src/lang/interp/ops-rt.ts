/**
 * Run-time semantics of operators on non-hot paths: deref through references and smart pointers,
 * `==` / `<` (derived or user `PartialEq` / `PartialOrd` / `Ord`), map keys (`Hash` + `Eq`), and
 * arithmetic on values that are not plain integers (floats, `String + &str`, Duration/Instant,
 * user `impl Add`).
 */
import { NumPanic } from '../num/panic.ts';
import { floatArith, type FloatBinaryOp } from '../num/float.ts';
import type { IntType } from '../num/int-type.ts';
import { invoke } from './call.ts';
import { type Method, Site } from './defs.ts';
import { numPanicAt } from './panic.ts';
import { typeFault } from './type-fault.ts';
import { tableOf, findMethod, FOUND, UNIVERSAL } from './std/tables.ts';
import { REVERSE } from './std/reverse.ts';
import { userHash, userHashKey } from './std/hash.ts';
import {
  deref,
  type MapKey,
  RChar,
  RDeque,
  REnum,
  RFloat,
  RMap,
  RStruct,
  RTuple,
  RVec,
  type Value,
  text,
} from './values.ts';

/** Follows references, smart pointers and guards to the underlying value. */
export function derefValue(v: Value): Value {
  return deref(v);
}

function userMethod(v: Value, name: string): Method | undefined {
  if (v instanceof RStruct || v instanceof REnum) {
    const m = v.def.methods.get(name);
    if (m && m.user) return m;
  }
  return undefined;
}

export function eqValues(a0: Value, b0: Value): boolean {
  if (a0 === b0) return true;
  const a = deref(a0);
  const b = deref(b0);
  if (a === b) return true;
  const ta = typeof a;
  if (ta !== 'object' || typeof b !== 'object') {
    // number vs bigint of the same integer
    if ((ta === 'number' || ta === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
      return a == b;
    }
    return false;
  }
  if (a instanceof RChar) return b instanceof RChar && a.c === b.c;
  if (a instanceof RFloat) return b instanceof RFloat && a.v === b.v;
  if (a instanceof RStruct) {
    if (!(b instanceof RStruct) || a.def !== b.def) return false;
    const m = userMethod(a, 'eq');
    if (m) return invoke(m.user!, [a, b], null) === true;
    return eqArrays(a.f, b.f);
  }
  if (a instanceof REnum) {
    if (!(b instanceof REnum) || a.def !== b.def) return false;
    const m = userMethod(a, 'eq');
    if (m) return invoke(m.user!, [a, b], null) === true;
    return a.v === b.v && eqArrays(a.f, b.f);
  }
  if (a instanceof RTuple) return b instanceof RTuple && eqArrays(a.f, b.f);
  if (a instanceof RVec || a instanceof RDeque) {
    return (b instanceof RVec || b instanceof RDeque) && eqArrays(a.a, b.a);
  }
  if (a instanceof RMap) {
    if (!(b instanceof RMap) || a.m.size !== b.m.size) return false;
    for (const [k, e] of a.m) {
      const o = b.m.get(k);
      if (!o || !eqValues(e.v, o.v)) return false;
    }
    return true;
  }
  const m = findMethod(a, 'eq');
  if (m) return m.call(NO_SITE, [FOUND.self, b]) === true;
  return false;
}

function eqArrays(x: Value[], y: Value[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!eqValues(x[i], y[i])) return false;
  return true;
}

const NO_SITE = new Site(0, 0);

/** Compares two values: negative, 0, positive, or NaN when unordered (NaN floats). */
export function cmpValues(a0: Value, b0: Value): number {
  const a = deref(a0);
  const b = deref(b0);
  const ta = typeof a;
  if (ta === 'number' || ta === 'bigint' || ta === 'string' || ta === 'boolean') {
    return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  }
  if (a === undefined) return 0;
  if (a instanceof RChar) {
    const x = a.c.codePointAt(0)!;
    const y = (b as RChar).c.codePointAt(0)!;
    return x - y;
  }
  if (a instanceof RFloat) {
    const y = (b as RFloat).v;
    return a.v < y ? -1 : a.v > y ? 1 : a.v === y ? 0 : NaN;
  }
  if (a instanceof RStruct || a instanceof REnum) {
    if (a.def === REVERSE) return -cmpValues(a.f[0], (b as RStruct).f[0]);
    const cmp = userMethod(a, 'cmp');
    if (cmp) return orderingToNumber(invoke(cmp.user!, [a, b], null));
    const pc = userMethod(a, 'partial_cmp');
    if (pc) {
      const r = invoke(pc.user!, [a, b], null);
      return r instanceof REnum && r.v === 1 ? orderingToNumber(r.f[0]) : NaN;
    }
    if (a instanceof REnum) {
      const e = b as REnum;
      if (a.v !== e.v) return a.def.variants[a.v].discriminant - e.def.variants[e.v].discriminant;
      return cmpArrays(a.f, e.f);
    }
    return cmpArrays(a.f, (b as RStruct).f);
  }
  if (a instanceof RTuple) return cmpArrays(a.f, (b as RTuple).f);
  if (a instanceof RVec || a instanceof RDeque) return cmpArrays(a.a, (b as RVec).a);
  const m = findMethod(a, 'cmp');
  // the universal `cmp` is this function: a value without its own order compares equal
  if (m && m !== UNIVERSAL.get('cmp')) return orderingToNumber(m.call(NO_SITE, [FOUND.self, b]));
  return 0;
}

function cmpArrays(x: Value[], y: Value[]): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const c = cmpValues(x[i], y[i]);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

/** `Ordering::Less/Equal/Greater` (variants 0/1/2) as −1/0/1. */
export function orderingToNumber(v: Value): number {
  return v instanceof REnum ? v.v - 1 : 0;
}

/** The key a map uses for `v` (Hash + Eq): primitives as themselves, composites as strings. */
export function keyOf(v0: Value): MapKey {
  const v = deref(v0);
  switch (typeof v) {
    case 'number':
    case 'bigint':
    case 'string':
    case 'boolean':
    case 'undefined':
      return v;
    default:
      return compositeKey(v);
  }
}

function compositeKey(v: Value): string {
  if (v instanceof RChar) return v.c;
  // A hand-written `Hash` with a hand-written `PartialEq`: keys are equal when they hash alike
  // (the impls agree, as `HashMap` requires). A derived `PartialEq` compares every field, so the
  // structural key below stays exact even when the user `hash` skips fields.
  const uh = userHash(v);
  if (uh !== undefined && userMethod(v, 'PartialEq::eq') !== undefined)
    return `#${(v as RStruct | REnum).def.name}:${userHashKey(uh, v, NO_SITE)}`;
  if (v instanceof RTuple) return '(' + v.f.map(partKey).join(',') + ')';
  if (v instanceof RStruct) return v.def.name + '{' + v.f.map(partKey).join(',') + '}';
  if (v instanceof REnum) return v.def.name + ':' + v.v + '(' + v.f.map(partKey).join(',') + ')';
  if (v instanceof RVec) return '[' + v.a.map(partKey).join(',') + ']';
  const h = findMethod(v, '__key');
  if (h) return text(h.call(NO_SITE, [FOUND.self]));
  return '?';
}

function partKey(v: Value): string {
  const k = keyOf(v);
  return typeof k === 'string' ? JSON.stringify(k) : typeof k === 'bigint' ? k.toString() + 'n' : String(k);
}

const FLOAT_OPS: Record<string, FloatBinaryOp> = { add: 'add', sub: 'sub', mul: 'mul', div: 'div', rem: 'rem' };

/** `a op b` when the operands are not both plain integers of a known type. */
export function arithSlow(
  op: 'add' | 'sub' | 'mul' | 'div' | 'rem',
  a0: Value,
  b0: Value,
  t: IntType,
  site: Site,
): Value {
  const a = deref(a0);
  const b = deref(b0);
  const ta = typeof a;
  if ((ta === 'number' || ta === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    try {
      return t[op](a as number, b);
    } catch (e) {
      if (e instanceof NumPanic) numPanicAt(site, e);
      throw e;
    }
  }
  if (a instanceof RFloat && b instanceof RFloat) {
    const k = a.f32 ? 'f32' : 'f64';
    return new RFloat(floatArith(k, FLOAT_OPS[op], a.v, b.v), a.f32);
  }
  if (ta === 'string' && op === 'add') return (a as string) + text(b);
  const m = findMethod(a, op);
  if (m) return m.call(site, [FOUND.self, b]);
  return typeFault(site, `cannot apply \`${op}\` to values of these types`, 'E0369');
}

/** `a & b`, `a | b`, `a ^ b` for non-integers (set algebra, user `BitOr` impls): the operator's method. */
export function bitSlow(op: 'bitand' | 'bitor' | 'bitxor', a0: Value, b0: Value, site: Site): Value {
  const a = deref(a0);
  const m = findMethod(a, op);
  if (m) return m.call(site, [FOUND.self, deref(b0)]);
  return typeFault(site, `cannot apply \`${op}\` to values of these types`, 'E0369');
}

/** `-a` for non-integers. */
export function negSlow(a0: Value, site: Site): Value {
  const a = deref(a0);
  if (a instanceof RFloat) return new RFloat(-a.v, a.f32);
  const m = findMethod(a, 'neg');
  if (m) return m.call(site, [FOUND.self]);
  return typeFault(site, 'cannot apply unary operator `-` to this type', 'E0600');
}

export { tableOf };
