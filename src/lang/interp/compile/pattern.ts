/**
 * Patterns compile to a test (null when irrefutable) and a binder. Binding follows Rust's default
 * binding modes with ownership decided by identity: a part is moved into its binding only when the
 * matched value is owned by us (an rvalue, or the scrutinee place owns it) and the part is still
 * owned by its parent; reached through `&mut`, bindings are place references; otherwise they share.
 */
import type { Path, Pattern, RangePatEnd } from '../../syntax/ast.ts';
import { Site } from '../defs.ts';
import type { Frame } from '../frame.ts';
import { cmpValues, eqValues } from '../ops-rt.ts';
import { OPTION, RESULT } from '../std/enums.ts';
import { REVERSE } from '../std/reverse.ts';
import { lookupBuiltin, lookupEnum } from '../std/registry.ts';
import type { RChar } from '../values.ts';
import { mkChar, MutRef, Owned, RefBase, REnum, RStruct, RTuple, RVec, RDeque, type Value } from '../values.ts';
import { type Cx, fail } from './cx.ts';
import { typeFault } from '../type-fault.ts';
import { expandPath } from './paths.ts';
import { SimError } from '../tokio/sim-values.ts';
import type { VarInfo } from './scope.ts';
import type { EnumDef, StructDef } from '../defs.ts';

export type Container = Value[] | RefBase | null;

export type Binder = (f: Frame, v: Value, own: boolean, mref: boolean, c: Container, k: number) => void;

export interface CPat {
  readonly test: ((v: Value) => boolean) | null;
  readonly bind: Binder | null;
}

const NOP: CPat = { test: null, bind: null };

/** Or-patterns: alternatives bind the same names to the same slots. */
type Names = Map<string, VarInfo>;

function unwrapRef(v: Value): Value {
  return v instanceof RefBase ? unwrapRef(v.get()) : v;
}

export function compilePattern(cx: Cx, p: Pattern, names: Names = new Map()): CPat {
  switch (p.kind) {
    case 'WildPat':
    case 'RestPat':
      return NOP;
    case 'ParenPat':
      return compilePattern(cx, p.pat, names);
    case 'IdentPat':
      return identPattern(cx, p, names);
    case 'LitPat': {
      const lit = p.lit;
      let val: Value;
      switch (lit.kind) {
        case 'IntLit':
          val = Number(p.negative ? -lit.value : lit.value);
          break;
        case 'FloatLit':
          val = p.negative ? -lit.value : lit.value;
          return { test: (v) => (unwrapRef(v) as { v: number }).v === val, bind: null };
        case 'StrLit':
          val = lit.value;
          break;
        case 'CharLit': {
          const c = lit.value;
          return { test: (v) => (unwrapRef(v) as RChar).c === c, bind: null };
        }
        case 'BoolLit':
          val = lit.value;
          break;
        case 'ByteLit':
          val = lit.value;
          break;
        default:
          return fail(p.span, 'this literal pattern is not supported');
      }
      const want = val;
      return { test: (v) => unwrapRef(v) === want || eqValues(unwrapRef(v), want), bind: null };
    }
    case 'RangePat': {
      const lo = p.start ? rangeEnd(cx, p.start) : undefined;
      const hi = p.end ? rangeEnd(cx, p.end) : undefined;
      const inclusive = p.inclusive;
      return {
        test: (v0) => {
          const v = unwrapRef(v0);
          if (lo !== undefined && cmpValues(v, lo) < 0) return false;
          if (hi !== undefined) {
            const c = cmpValues(v, hi);
            if (inclusive ? c > 0 : c >= 0) return false;
          }
          return true;
        },
        bind: null,
      };
    }
    case 'PathPat':
      return pathPattern(cx, p.path);
    case 'TuplePat': {
      // a tuple pattern is irrefutable unless one of its parts is
      const cp = seqPattern(cx, p.elems, names, (v) => (v instanceof RTuple ? v.f : v === undefined ? [] : null));
      const refutable = p.elems.some((x) => x.kind !== 'RestPat' && compilePatternTestOnly(cx, x));
      return refutable ? cp : { test: null, bind: cp.bind };
    }
    case 'TupleStructPat': {
      const target = patternTarget(cx, p.path);
      const sub = seqPattern(cx, p.elems, names, tupleFields);
      // the shape is the target's (checked by withTarget): only the parts can fail (`let W(x) = w;`)
      const refutable = p.elems.some((x) => x.kind !== 'RestPat' && compilePatternTestOnly(cx, x));
      return withTarget(target, refutable ? sub : { test: null, bind: sub.bind });
    }
    case 'StructPat': {
      const target = patternTarget(cx, p.path);
      const fieldIndex = (name: string): number => {
        const idx =
          target.kind === 'native'
            ? undefined
            : target.kind === 'struct'
              ? target.def.index.get(name)
              : target.def.variants[target.v].index.get(name);
        if (idx === undefined) return fail(p.span, `no field \`${name}\` in this pattern's type`);
        return idx;
      };
      const fields = p.fields.map((fp) => ({ k: fieldIndex(fp.name), pat: compilePattern(cx, fp.pat, names) }));
      const sub: CPat = {
        test: fields.some((x) => x.pat.test)
          ? (v) => {
              const f = (v as RStruct).f;
              for (const x of fields) if (x.pat.test && !x.pat.test(f[x.k])) return false;
              return true;
            }
          : null,
        bind: fields.some((x) => x.pat.bind)
          ? (fr, v, own, mref) => {
              const arr = (v as RStruct).f;
              for (const x of fields) if (x.pat.bind) bindPart(x.pat.bind, fr, arr, x.k, own, mref);
            }
          : null,
      };
      return withTarget(target, sub);
    }
    case 'RefPat': {
      const inner = compilePattern(cx, p.pat, names);
      return {
        test: inner.test ? (v) => inner.test!(unwrapRef(v)) : null,
        bind: inner.bind ? (f, v, _own, _mref, c, k) => inner.bind!(f, unwrapRef(v), false, false, c, k) : null,
      };
    }
    case 'SlicePat':
      return slicePattern(cx, p.elems, names);
    case 'OrPat': {
      const alts = p.alts.map((a) => compilePattern(cx, a, names));
      return {
        test: alts.every((a) => a.test) ? (v) => alts.some((a) => a.test!(v)) : null,
        bind: alts.some((a) => a.bind)
          ? (f, v, own, mref, c, k) => {
              for (const a of alts) {
                if (!a.test || a.test(v)) {
                  a.bind?.(f, v, own, mref, c, k);
                  return;
                }
              }
            }
          : null,
      };
    }
  }
}

/** Binds part `k` of container `arr`; the part is ours to move only if `arr` still owns it. */
function bindPart(b: Binder, f: Frame, arr: Value[], k: number, own: boolean, mref: boolean): void {
  const x = arr[k];
  b(f, x, own && (!(x instanceof Owned) || x.o === arr), mref, arr, k);
}

function identPattern(cx: Cx, p: Extract<Pattern, { kind: 'IdentPat' }>, names: Names): CPat {
  if (!p.byRef && !p.sub && !p.mutable) {
    const asPath = pathLike(cx, p.name);
    if (asPath) return asPath;
  }
  const sub = p.sub ? compilePattern(cx, p.sub, names) : NOP;
  let info = names.get(p.name);
  if (!info) {
    info = cx.scope.declare(p.name);
    names.set(p.name, info);
  }
  const slot = info.slot;
  const byRef = p.byRef;
  const refMut = p.byRef && p.mutable;
  const bind: Binder = (f, v0, own, mref, c, k) => {
    let v = v0;
    let m = mref;
    let cc = c;
    let kk = k;
    if (v instanceof MutRef) {
      cc = v.c;
      kk = v.k;
      v = v.c[v.k];
      m = true;
    }
    if (sub.bind) sub.bind(f, v, own && !byRef, m, cc, kk);
    const s = f.s;
    if (refMut || (m && !byRef)) {
      s[slot] = cc === null ? new MutRef([v], 0) : cc instanceof RefBase ? cc : new MutRef(cc, kk);
      return;
    }
    if (!byRef && own && v instanceof Owned && (v.o === null || v.o === cc)) {
      v.o = s;
      v.oi = slot;
    }
    s[slot] = v;
  };
  return { test: sub.test, bind };
}

/** An identifier that names a unit struct, unit variant or constant is a path pattern. */
function pathLike(cx: Cx, name: string): CPat | null {
  if (cx.scope.resolve(name) && !/^[A-Z]/.test(name)) return null;
  const it = cx.item(name);
  if (it && it.kind === 'struct' && it.def.kind === 'unit') {
    const d = it.def;
    return { test: (v) => unwrapRef(v) instanceof RStruct && (unwrapRef(v) as RStruct).def === d, bind: null };
  }
  if (it && it.kind === 'const') {
    const cell = it.cell;
    return { test: (v) => eqValues(unwrapRef(v), cell.get()), bind: null };
  }
  const alias = cx.uses.get(name);
  const segs = alias ?? [name];
  if (segs.length >= 2) {
    const e = cx.item(segs[segs.length - 2]);
    if (e && e.kind === 'enum') {
      const vi = e.def.index.get(segs[segs.length - 1]);
      if (vi !== undefined) return variantTest(e.def, vi);
    }
  }
  if (name === 'None') return variantTest(OPTION, 0);
  if (/^[A-Z]/.test(name)) {
    const b = lookupBuiltin(segs);
    if (b && b.kind === 'value') {
      const get = b.get;
      return { test: (v) => eqValues(unwrapRef(v), get()), bind: null };
    }
  }
  return null;
}

function variantTest(def: EnumDef, vi: number): CPat {
  return {
    test: (v0) => {
      const v = unwrapRef(v0);
      return v instanceof REnum && v.def === def && v.v === vi;
    },
    bind: null,
  };
}

type Target =
  | { kind: 'struct'; def: StructDef }
  | { kind: 'variant'; def: EnumDef; v: number }
  /** A std/tokio tuple struct with public fields (`SendError(v)`): the checker typed the scrutinee. */
  | { kind: 'native' };

/** The std and tokio tuple structs whose fields are public, by last path segment. */
const NATIVE_TUPLE_STRUCTS = new Set(['SendError']);

/** The fields of a value a tuple-struct pattern takes apart, or null when it has none. */
function tupleFields(v: Value): Value[] | null {
  if (v instanceof REnum || v instanceof RStruct || v instanceof RTuple) return v.f;
  return v instanceof SimError ? v.f : null;
}

/** `TrySendError::Full`, `broadcast::error::RecvError::Lagged`: a variant of a built-in enum. */
function builtinVariant(segs: string[]): { kind: 'variant'; def: EnumDef; v: number } | null {
  const d = lookupEnum(segs.slice(0, -1));
  const v = d?.index.get(segs[segs.length - 1]);
  return d && v !== undefined ? { kind: 'variant', def: d, v } : null;
}

function patternTarget(cx: Cx, path: Path): Target {
  const segs = expandPath(cx, path);
  const last = segs[segs.length - 1];
  if (segs.length === 1) {
    if (last === 'Some') return { kind: 'variant', def: OPTION, v: 1 };
    if (last === 'None') return { kind: 'variant', def: OPTION, v: 0 };
    if (last === 'Ok') return { kind: 'variant', def: RESULT, v: 0 };
    if (last === 'Err') return { kind: 'variant', def: RESULT, v: 1 };
    const it = cx.item(last);
    if (it && it.kind === 'struct') return { kind: 'struct', def: it.def };
    if (last === 'Reverse') return { kind: 'struct', def: REVERSE };
  } else {
    let owner = segs[segs.length - 2];
    if (owner === 'Self' && cx.selfType) owner = cx.selfType;
    const it = cx.item(owner);
    if (it && it.kind === 'enum') {
      const vi = it.def.index.get(last);
      if (vi !== undefined) return { kind: 'variant', def: it.def, v: vi };
    }
    if (owner === 'Option') return { kind: 'variant', def: OPTION, v: last === 'Some' ? 1 : 0 };
    const native = builtinVariant(segs);
    if (native) return native;
    if (owner === 'Result') return { kind: 'variant', def: RESULT, v: last === 'Ok' ? 0 : 1 };
    const st = cx.item(last);
    if (st && st.kind === 'struct') return { kind: 'struct', def: st.def };
    if (last === 'Reverse' && owner === 'cmp') return { kind: 'struct', def: REVERSE };
    if (last === 'Some') return { kind: 'variant', def: OPTION, v: 1 };
    if (last === 'Ok') return { kind: 'variant', def: RESULT, v: 0 };
    if (last === 'Err') return { kind: 'variant', def: RESULT, v: 1 };
  }
  if (NATIVE_TUPLE_STRUCTS.has(last) && !cx.item(last)) return { kind: 'native' };
  return fail(path.span, `cannot find \`${segs.join('::')}\` for this pattern`);
}

/** Whether a sub-pattern can fail (compiled without declaring bindings). */
function compilePatternTestOnly(cx: Cx, p: Pattern): boolean {
  switch (p.kind) {
    case 'WildPat':
    case 'RestPat':
      return false;
    case 'IdentPat':
      return p.sub ? compilePatternTestOnly(cx, p.sub) : !p.byRef && !p.mutable && pathLike(cx, p.name) !== null;
    case 'ParenPat':
      return compilePatternTestOnly(cx, p.pat);
    case 'TuplePat':
      return p.elems.some((x) => compilePatternTestOnly(cx, x));
    case 'RefPat':
      return compilePatternTestOnly(cx, p.pat);
    case 'StructPat':
    case 'TupleStructPat': {
      const t = patternTarget(cx, p.path);
      if (t.kind === 'variant' && t.def.variants.length > 1) return true;
      return p.kind === 'StructPat'
        ? p.fields.some((x) => compilePatternTestOnly(cx, x.pat))
        : p.elems.some((x) => compilePatternTestOnly(cx, x));
    }
    default:
      return true;
  }
}

function withTarget(t: Target, sub: CPat): CPat {
  const isIt =
    t.kind === 'native'
      ? () => true
      : t.kind === 'struct'
        ? (v: Value) => v instanceof RStruct && v.def === t.def
        : (v: Value) => v instanceof REnum && v.def === t.def && v.v === t.v;
  const st = sub.test;
  const alwaysIt = t.kind !== 'variant' || t.def.variants.length === 1;
  return {
    test:
      alwaysIt && !st
        ? null
        : (v0) => {
            const v = unwrapRef(v0);
            return isIt(v) && (!st || st(v));
          },
    bind: sub.bind
      ? (f, v0, own, mref, c, k) => {
          let v = v0;
          let m = mref;
          while (v instanceof RefBase) {
            if (v instanceof MutRef) m = true;
            v = v.get();
          }
          sub.bind!(f, v, own, m, c, k);
        }
      : null,
  };
}

/** Tuple-like sequences with an optional `..`. `items` gives the parts (null: not this shape). */
function seqPattern(cx: Cx, elems: Pattern[], names: Names, items: (v: Value) => Value[] | null): CPat {
  const restAt = elems.findIndex((e) => e.kind === 'RestPat' || (e.kind === 'IdentPat' && e.sub?.kind === 'RestPat'));
  const pats = elems.map((e) => (e.kind === 'RestPat' ? NOP : compilePattern(cx, e, names)));
  const n = elems.length;
  const index = (i: number, len: number): number => (restAt < 0 || i < restAt ? i : len - (n - i));
  const anyTest = pats.some((p) => p.test);
  const anyBind = pats.some((p) => p.bind);
  const at = elems[0]?.span ?? { line: 0, col: 0 };
  return {
    test: (v0) => {
      const arr = items(unwrapRef(v0));
      if (arr === null) return false;
      if (restAt < 0 ? arr.length !== n : arr.length < n - 1) return false;
      if (!anyTest) return true;
      for (let i = 0; i < n; i++) {
        if (i === restAt) continue;
        const t = pats[i].test;
        if (t && !t(arr[index(i, arr.length)])) return false;
      }
      return true;
    },
    bind: anyBind
      ? (f, v0, own, mref) => {
          let v = v0;
          let m = mref;
          while (v instanceof RefBase) {
            if (v instanceof MutRef) m = true;
            v = v.get();
          }
          const arr = items(v);
          // an irrefutable tuple pattern over a value of another shape (`[(5, 3), (5 -1)]`): rustc's E0308
          if (arr === null)
            return typeFault(at, 'mismatched types: the value does not have the shape of this pattern', 'E0308');
          for (let i = 0; i < n; i++) {
            if (i === restAt) continue;
            const b = pats[i].bind;
            if (b) bindPart(b, f, arr, index(i, arr.length), own, m);
          }
        }
      : null,
  };
}

function slicePattern(cx: Cx, elems: Pattern[], names: Names): CPat {
  const restAt = elems.findIndex((e) => e.kind === 'RestPat' || (e.kind === 'IdentPat' && e.sub?.kind === 'RestPat'));
  const restName = restAt >= 0 && elems[restAt].kind === 'IdentPat' ? elems[restAt] : null;
  const pats = elems.map((e, i) => (i === restAt ? NOP : compilePattern(cx, e, names)));
  const restBind = restName ? compilePattern(cx, { ...restName, sub: null }, names) : null;
  const n = elems.length;
  const fixed = restAt < 0 ? n : n - 1;
  return {
    test: (v0) => {
      const v = unwrapRef(v0);
      const arr = v instanceof RVec || v instanceof RDeque ? v.a : null;
      if (!arr) return false;
      if (restAt < 0 ? arr.length !== n : arr.length < fixed) return false;
      for (let i = 0; i < n; i++) {
        if (i === restAt) continue;
        const t = pats[i].test;
        const j = restAt < 0 || i < restAt ? i : arr.length - (n - i);
        if (t && !t(arr[j])) return false;
      }
      return true;
    },
    bind: (f, v0, own, mref) => {
      const v = unwrapRef(v0) as RVec;
      const arr = v.a;
      for (let i = 0; i < n; i++) {
        if (i === restAt) continue;
        const b = pats[i].bind;
        const j = restAt < 0 || i < restAt ? i : arr.length - (n - i);
        if (b) bindPart(b, f, arr, j, own, mref);
      }
      if (restBind?.bind)
        restBind.bind(f, new RVec(arr.slice(restAt, arr.length - (n - 1 - restAt))), false, false, null, 0);
    },
  };
}

function pathPattern(cx: Cx, path: Path): CPat {
  const segs = expandPath(cx, path);
  if (segs.length >= 2) {
    let owner = segs[segs.length - 2];
    if (owner === 'Self' && cx.selfType) owner = cx.selfType;
    const it = cx.item(owner);
    if (it && it.kind === 'enum') {
      const vi = it.def.index.get(segs[segs.length - 1]);
      if (vi !== undefined) return variantTest(it.def, vi);
    }
    if (it && (it.kind === 'struct' || it.kind === 'enum')) {
      const c = cx.item(`${owner}::${segs[segs.length - 1]}`);
      if (c && c.kind === 'const') {
        const cell = c.cell;
        return { test: (v) => eqValues(unwrapRef(v), cell.get()), bind: null };
      }
    }
  }
  const single = pathLike(cx, segs[segs.length - 1]);
  if (single && segs.length === 1) return single;
  const native = segs.length >= 2 ? builtinVariant(segs) : null;
  if (native) return variantTest(native.def, native.v);
  const b = lookupBuiltin(segs);
  if (b && b.kind === 'value') {
    const get = b.get;
    return { test: (v) => eqValues(unwrapRef(v), get()), bind: null };
  }
  if (single) return single;
  return fail(path.span, `cannot find \`${segs.join('::')}\` for this pattern`);
}

function rangeEnd(cx: Cx, e: RangePatEnd): Value {
  if (e.kind === 'PathPat') {
    const b = lookupBuiltin(expandPath(cx, e.path));
    if (b && b.kind === 'value') return b.get();
    return fail(e.span, 'unsupported range pattern bound');
  }
  const lit = e.lit;
  if (lit.kind === 'IntLit') return Number(e.negative ? -lit.value : lit.value);
  if (lit.kind === 'CharLit') return mkChar(lit.value);
  if (lit.kind === 'ByteLit') return lit.value;
  return fail(e.span, 'unsupported range pattern bound');
}

/** True when `p` always matches (no refutable part). */
export function isIrrefutable(cp: CPat): boolean {
  return cp.test === null;
}

export { Site };
