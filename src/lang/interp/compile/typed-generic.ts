/**
 * Generic code at run time: a generic fn's frame carries the type arguments of its call
 * (dictionary passing, one map per call), so `T::default()` and `Default::default()` at type `T`
 * inside the body build the default of the type the caller instantiated. The checker records the
 * instantiation at each call (types/facts.ts); arguments that are themselves the caller's
 * parameters are resolved against the caller's frame when the call runs.
 */
import type { CallExpr, Expr, Path, Span } from '../../syntax/ast.ts';
import { subst } from '../../types/cx.ts';
import { showTy, type Ty } from '../../types/ty.ts';
import { INT_TYPES, type IntType } from '../../num/int-type.ts';
import { type Frame, frameTys } from '../frame.ts';
import { typeFault } from '../type-fault.ts';
import { defaultOfTy, NO_DEFAULT } from '../std/typed-default.ts';
import { type Code, Site } from '../defs.ts';
import { type CE, seq, sync } from './ce.ts';
import { callMethodStatic } from '../std/dispatch.ts';
import { invoke } from '../call.ts';
import type { Cx } from './cx.ts';
import { isClosed, typedEnv } from './typed.ts';

type TyMap = ReadonlyMap<string, Ty>;

/** `ty` with the generic parameters in force in `f` replaced by their types. */
export function tyIn(ty: Ty, f: Frame): Ty {
  const env = frameTys(f);
  return env === null ? ty : subst(ty, env);
}

/**
 * The type arguments the call at `at` passes. A closed map is stored on the site once (null is
 * returned); a map naming the caller's own parameters is returned as a function of the frame.
 */
export function typeArgsAt(cx: Cx, at: Expr, site: Site): ((f: Frame) => TyMap) | null {
  const m = cx.facts.typeArgs(at);
  if (m === null) return null;
  if ([...m.values()].every(isClosed)) {
    site.tyArgs = m;
    return null;
  }
  return (f) => {
    const env = frameTys(f);
    if (env === null) return m;
    return new Map([...m].map(([k, v]) => [k, subst(v, env)] as const));
  };
}

/** The integer type `open` (a type naming generic parameters) is in this call of the fn, if any. */
export function intIn(open: Ty, f: Frame): IntType | null {
  const t = tyIn(open, f);
  const n = t.k === 'ref' ? t.inner : t;
  return n.k === 'int' ? INT_TYPES[n.name] : null;
}

/** The checker's type of `e` when it names the enclosing fn's type parameters (`x + x` with `x: T`). */
export function openTyOf(cx: Cx, e: Expr): Ty | null {
  const t = cx.facts.typeOf(e);
  return t !== null && !isClosed(t) ? t : null;
}

/**
 * A receiver whose type names the enclosing fn's type parameters (`x.into()` with `x: T` or
 * `x: impl Into<U>`): once it is evaluated, the site learns the type this call of the fn gave it,
 * so the conversion is chosen by type, never by looking at the value.
 */
export function receiverFrom(site: Site, open: Ty, rs: Code, c: CE): CE {
  return sync(
    (f) => {
      const v = rs(f);
      const t = tyIn(open, f);
      site.from = isClosed(t) ? t : null;
      return v;
    },
    c.ctl,
    c.ic,
    c.elem ?? null,
  );
}

/** A type's name as the program's impls are keyed (`Point`, `u8`, `String`); null for other types. */
function implKey(t: Ty): string | null {
  if (t.k === 'adt') return t.name;
  return PRIM_KINDS.has(t.k) ? showTy(t) : null;
}

const PRIM_KINDS: ReadonlySet<Ty['k']> = new Set(['int', 'float', 'bool', 'char', 'str']);

/**
 * `T::make(…)` inside a generic fn, for an associated fn of a user trait: the impl is the one of the
 * type this call gives `T` (dictionary passing, like `T::default()`).
 */
export function genericAssocCall(cx: Cx, e: CallExpr, args: CE[]): CE | null {
  if (e.callee.kind !== 'PathExpr' || e.callee.path.qself || e.callee.path.segments.length !== 2) return null;
  const calleePath = e.callee.path;
  const [owner, fn] = calleePath.segments;
  if (owner === undefined || fn === undefined || !cx.generics.has(owner.name)) return null;
  const site = Site.of(e.span);
  const param: Ty = { k: 'param', name: owner.name };
  return seq(args, (f, vals) => {
    const key = implKey(tyIn(param, f));
    if (key === null) return typeFault(site, `\`${owner.name}::${fn.name}\` has no impl for this type`);
    const out = callMethodStatic(key, fn.name, site, vals);
    if (out !== undefined) return out;
    // a std type's impl (`impl Make for u8`) is an item named for the exact type (compile/items.ts)
    const prim = cx.item(`${key}::${fn.name}`);
    if (prim?.kind === 'fn') return invoke(prim.def, vals, site);
    return typeFault(site, `\`${owner.name}::${fn.name}\` has no impl for this type`);
  });
}

/** `T::NAME` (or `<T as Named>::NAME`) inside a generic fn: the const of the type this call gives `T`. */
export function genericAssocConst(cx: Cx, path: Path, span: Span): CE | null {
  const [owner, name] = path.segments;
  if (path.segments.length !== 2 || owner === undefined || name === undefined || !cx.generics.has(owner.name))
    return null;
  const site = Site.of(span);
  const param: Ty = { k: 'param', name: owner.name };
  return sync((f) => {
    const key = implKey(tyIn(param, f));
    const it = key === null ? undefined : cx.item(`${key}::${name.name}`);
    return it?.kind === 'const'
      ? it.cell.get()
      : typeFault(site, `\`${owner.name}::${name.name}\` has no value for this type`);
  });
}

/** `T::default()` / `Default::default()` whose type names a generic parameter. */
export function genericDefault(cx: Cx, e: CallExpr): CE | null {
  if (e.callee.kind !== 'PathExpr' || e.args.length !== 0) return null;
  const segs = e.callee.path.segments;
  if (segs.length < 2 || segs[segs.length - 1]?.name !== 'default') return null;
  const ty = cx.facts.typeOf(e);
  if (ty === null || isClosed(ty)) return null;
  const env = typedEnv(cx);
  const site = Site.of(e.span);
  return sync((f) => {
    const v = defaultOfTy(tyIn(ty, f), env);
    return v === NO_DEFAULT ? typeFault(site, 'the default of this generic type is not known at run time') : v;
  });
}
