/**
 * Places (lvalues): locals, fields, tuple fields, indexed items and derefs. A compiled place sets
 * the register `P` to (container, index) — or to a reference object whose get/set reach the place —
 * so assignment, `&mut`, and by-value reads can use it without allocating. Consumers read `P`
 * immediately after running the place code (anything evaluated later may overwrite it).
 */
import { RRange } from '../std/range.ts';
import { sliceBounds } from '../std/index-ops.ts';
import { sliceView } from '../std/slice-view.ts';
import type { Expr } from '../../syntax/ast.ts';
import type { Code } from '../defs.ts';
import { Site } from '../defs.ts';
import { CTL, type Frame, frameAt } from '../frame.ts';
import { panicAt } from '../panic.ts';
import {
  deref,
  MutRef,
  RefBase,
  REnum,
  RMap,
  RStruct,
  RTuple,
  RVec,
  RDeque,
  STATIC,
  type Value,
  text,
} from '../values.ts';
import { derefValue } from '../ops-rt.ts';
import { userDeref, userIndex } from '../std/user-deref.ts';
import { userDerefs } from './typed.ts';
import { SimError } from '../tokio/sim-values.ts';
import { type CE, gen, map1, sync } from './ce.ts';
import { type Cx, fail } from './cx.ts';
import { bracketSite, compileExpr, compilePlaceRead } from './expr.ts';
import type { IntCell } from '../intcell.ts';
import { TypeFault, typeFault } from '../type-fault.ts';

/** The place register. `c` null: not a place (an rvalue). */
export const P: { c: Value[] | RefBase | null; k: number } = { c: null, k: 0 };

export function pget(): Value {
  const c = P.c;
  if (c instanceof RefBase) return c.get();
  return c![P.k];
}

/** Reads the place (c, k) captured earlier. */
export function cget(c: Value[] | RefBase, k: number): Value {
  return c instanceof RefBase ? c.get() : c[k];
}

export function cset(c: Value[] | RefBase, k: number, v: Value): void {
  if (c instanceof RefBase) c.set(v);
  else c[k] = v;
}

/** A `&mut` to the place (c, k); an rvalue gets a one-slot holder. */
export function refTo(c: Value[] | RefBase | null, k: number, v: Value): RefBase {
  if (c === null) return new MutRef([v], 0);
  if (c instanceof RefBase) return c;
  return new MutRef(c, k);
}

/** Compiled place: runs the location code; `ic` is the place's integer type. */
export interface PlaceCE {
  /** Sets P; returns CTL when a `?`/break inside it fired. Sync or generator. */
  readonly loc: CE;
  readonly ic: IntCell | null;
  /** Local variable fast path: (depth, slot). */
  readonly local: { depth: number; slot: number } | null;
}

export function isPlaceExpr(e: Expr): boolean {
  switch (e.kind) {
    case 'PathExpr':
      return e.path.segments.length === 1;
    case 'Field':
    case 'TupleIndex':
    case 'Index':
      return true;
    case 'Unary':
      return e.op === '*';
    case 'Paren':
      return isPlaceExpr(e.expr);
    default:
      return false;
  }
}

/** Points P at field `name` of a struct / tuple / enum-variant value. */
export function locateField(v: Value, name: string, site: Site, mutable = true): void {
  if (v instanceof RStruct) {
    const k = v.def.index.get(name);
    if (k !== undefined) {
      P.c = v.f;
      P.k = k;
      return;
    }
  } else if (v instanceof RTuple) {
    const k = Number(name);
    if (k < v.f.length) {
      P.c = v.f;
      P.k = k;
      return;
    }
  } else if (v instanceof REnum) {
    const k = v.def.variants[v.v].index.get(name);
    if (k !== undefined) {
      P.c = v.f;
      P.k = k;
      return;
    }
  } else if (v instanceof SimError && v.f !== null) {
    // tokio error types with public tuple fields (`SendError(pub T)`)
    const k = Number(name);
    if (k < v.f.length) {
      P.c = v.f;
      P.k = k;
      return;
    }
  }
  // a field of what a user `Deref` points at
  const target = userDeref(v, site, mutable);
  if (target !== undefined) return locateField(derefValue(target), name, site, mutable);
  typeFault(site, `no field \`${name}\` on this value`, 'E0609');
}

/** Follows references, smart pointers and guards to the value that has fields. */
export function fieldBase(v: Value): Value {
  return derefValue(v);
}

/** `mutable`: the place is written (`DerefMut` rather than `Deref` for a user smart pointer). */
export function compilePlace(cx: Cx, e: Expr, mutable = true): PlaceCE {
  switch (e.kind) {
    case 'Paren':
      return compilePlace(cx, e.expr, mutable);
    case 'PathExpr': {
      if (e.path.segments.length !== 1) break;
      const name = e.path.segments[0].name;
      const r = cx.scope.resolve(name);
      if (!r) break;
      const { depth, slot } = r;
      const loc: Code =
        depth === 0
          ? (f) => {
              P.c = f.s;
              P.k = slot;
              return undefined;
            }
          : (f) => {
              P.c = frameAt(f, depth).s;
              P.k = slot;
              return undefined;
            };
      return { loc: sync(loc), ic: r.info.ic, local: { depth, slot } };
    }
    case 'Field':
    case 'TupleIndex': {
      const base = compilePlaceRead(cx, e.object);
      const name = e.kind === 'Field' ? e.name : String(e.index);
      const site = Site.of(e.kind === 'Field' ? e.nameSpan : e.span);
      const ic = e.kind === 'Field' ? fieldIntCell(cx, e.name) : null;
      const at = (v: Value): undefined => {
        locateField(fieldBase(v), name, site, mutable);
        return undefined;
      };
      return { loc: mapLoc(base, at), ic, local: null };
    }
    case 'Index': {
      const base = compilePlaceRead(cx, e.object);
      const idx = compileExpr(cx, e.index);
      const site = bracketSite(e);
      const at = (b: Value, i: Value): undefined => {
        const v = fieldBase(b);
        if ((v instanceof RVec || v instanceof RDeque) && i instanceof RRange) {
          // `&mut v[a..b]`: a place holding a view of those slots
          const [lo, hi] = sliceBounds(i, v.a.length, site);
          P.c = [new RVec(sliceView(v.a, lo, hi))];
          P.k = 0;
          return undefined;
        }
        if (v instanceof RVec || v instanceof RDeque) {
          const n = typeof i === 'number' ? i : Number(i);
          if (!(n >= 0 && n < v.a.length)) {
            panicAt(site, `index out of bounds: the len is ${v.a.length} but the index is ${text(i)}`);
          }
          P.c = v.a;
          P.k = n;
          return undefined;
        }
        if (v instanceof RMap) return panicAt(site, 'cannot assign to data in an index of a map');
        const r = userIndex(v, i, site, true);
        if (r instanceof RefBase) {
          P.c = r;
          P.k = 0;
          return undefined;
        }
        const target = r === undefined ? userDeref(v, site, true) : undefined;
        if (target !== undefined) return at(target, i);
        return typeFault(site, 'this value cannot be indexed mutably', 'E0596');
      };
      return { loc: map2Loc(base, idx, at), ic: base.elem ?? null, local: null };
    }
    case 'Unary': {
      if (e.op !== '*') break;
      // `*r` looks through the reference; it never moves `r`
      const inner = compilePlaceRead(cx, e.operand);
      const site = Site.of(e.span);
      const viaDeref = userDerefs(cx, e.operand);
      const at = (v0: Value): undefined => {
        // `*x = …` with `x` of a user type: the place `DerefMut::deref_mut(&mut x)` points at
        const v = viaDeref ? (userDeref(v0, site, mutable) ?? v0) : v0;
        // a shared unit value (`None`, a fieldless variant) is no place: writing into it would change
        // every `None` of the run. Only `* *guard` of an Option reaches here, which rustc refuses.
        if (v instanceof REnum && v.o === STATIC) return typeFault(site, 'this value cannot be dereferenced', 'E0614');
        if (v instanceof MutRef) {
          P.c = v.c;
          P.k = v.k;
        } else if (v instanceof RefBase) {
          P.c = v;
          P.k = 0;
        } else {
          // `*self` where `self` is the object itself: a holder whose set overwrites in place
          P.c = new InPlace(v);
          P.k = 0;
        }
        return undefined;
      };
      return { loc: mapLoc(inner, at), ic: inner.ic, local: null };
    }
    default:
      break;
  }
  return fail(e.span, 'this expression is not assignable here');
}

/** Assignment through `*obj` where obj is a struct/enum/collection handled by identity. */
class InPlace extends RefBase {
  constructor(readonly v: Value) {
    super();
  }
  get(): Value {
    return this.v;
  }
  set(n: Value): void {
    const v = this.v;
    const m = deref(n);
    if (v instanceof RStruct && m instanceof RStruct) v.f = m.f.slice();
    else if (v instanceof REnum && m instanceof REnum) {
      v.v = m.v;
      v.f = m.f.slice();
    } else if (v instanceof RVec && m instanceof RVec) v.a = m.a.slice();
    else if (v instanceof RTuple && m instanceof RTuple) v.f = m.f.slice();
    else throw new TypeFault(0, 0, 'cannot assign a value of this type through this reference', 'E0308');
  }
  dropGlue(): void {}
}

function mapLoc(base: CE, at: (v: Value) => undefined): CE {
  if (base.s) {
    const s = base.s;
    if (!base.ctl) return sync((f) => at(s(f)));
    return sync((f) => {
      const v = s(f);
      return v === CTL ? CTL : at(v);
    }, true);
  }
  // the base suspends (`x.await.field`): a map over it, which `.await` fuses into itself
  return map1(base, (_f, v) => at(v), null, base.ctl);
}

function map2Loc(a: CE, b: CE, at: (x: Value, y: Value) => undefined): CE {
  if (a.s && b.s && !a.ctl && !b.ctl) {
    const sa = a.s;
    const sb = b.s;
    return sync((f) => {
      const x = sa(f);
      const y = sb(f);
      return at(x, y);
    });
  }
  const ga = a.g;
  const gb = b.g;
  const sa = a.s;
  const sb = b.s;
  return gen(function* (f: Frame) {
    const x = ga ? yield* ga(f) : sa!(f);
    if (x === CTL) return CTL;
    const y = gb ? yield* gb(f) : sb!(f);
    if (y === CTL) return CTL;
    return at(x, y);
  }, a.ctl || b.ctl);
}

export function fieldIntCell(cx: Cx, name: string): IntCell | null {
  const t = cx.fieldInts.get(name);
  return t ? cx.cells.of(t) : null;
}
