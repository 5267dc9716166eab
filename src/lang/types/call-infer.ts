/**
 * Calls `f(a, b)`: the callee's signature applied to the arguments (E0308, E0061), generic
 * parameters inferred from them, and closure parameter types taken from `F: Fn(A) -> R` bounds.
 */
import type { CallExpr, FnItem, ParenArgs, Type, TypeBound, Expr, Span } from '../syntax/ast.ts';
import type { Cx } from './cx.ts';
import { subst } from './cx.ts';
import { coerce, isData } from './coerce.ts';
import { inferExpr } from './expr.ts';
import { lastName } from './items.ts';
import { expandPath } from './std-types.ts';
import { UNKNOWN, adt, showTy, type Ty } from './ty.ts';
import { lowerType } from './lower.ts';
import { inferPath, calleePath, isSpawnCall } from './path.ts';

/** E0277: a fn item or closure handed to `spawn`, which takes a future. */
export function notAFuture(cx: Cx, t: Ty, arg: Expr): void {
  const shown =
    arg.kind === 'PathExpr' ? `${showTy(cx.table.deep(t), cx.table.showVar)} {${lastName(arg.path)}}` : 'closure';
  cx.findings.error('typeck', arg.span, 'E0277', `\`${shown}\` is not a future`);
}

/** std/tokio functions with a generic future parameter, by full path: its position. */
const FUTURE_ARG: Record<string, number> = { 'tokio::time::timeout': 1 };

/** Functions whose closure or future argument runs detached from the caller's stack. */
const DETACHED = new Set(['tokio::spawn', 'tokio::task::spawn', 'tokio::task::spawn_blocking', 'std::thread::spawn']);

const FN_TRAITS = new Set(['Fn', 'FnMut', 'FnOnce']);

/** The `Fn(A, B) -> R` bound on a parameter type (`F` with `F: Fn(…)` or a where clause, or `impl Fn(…)`). */
function fnBound(fn: FnItem, t: Type): ParenArgs | null {
  let bounds: TypeBound[] = [];
  if (t.kind === 'ImplTraitType') bounds = t.bounds;
  else if (t.kind === 'PathType' && t.path.segments.length === 1) {
    const name = t.path.segments[0]?.name;
    for (const g of fn.generics.params) if (g.kind === 'TypeParam' && g.name === name) bounds.push(...g.bounds);
    for (const w of fn.generics.where) {
      const on = w.kind === 'BoundPredicate' && w.type.kind === 'PathType' ? w.type.path.segments : [];
      if (w.kind === 'BoundPredicate' && on.length === 1 && on[0]?.name === name) bounds.push(...w.bounds);
    }
  }
  for (const b of bounds) {
    const last = b.kind === 'TraitBound' ? b.path.segments[b.path.segments.length - 1] : undefined;
    if (last !== undefined && FN_TRAITS.has(last.name) && last.args?.kind === 'ParenArgs') return last.args;
  }
  return null;
}

/**
 * A closure passed where a user fn's parameter is bounded by `Fn(T) -> R` takes its parameter
 * types from the bound, with the call's type arguments: `apply(200u8, |v| v.wrapping_add(100))`
 * types `v` as `u8`, so the closure computes at that width.
 */
function closureArgsFromBounds(cx: Cx, e: CallExpr): void {
  if (e.callee.kind !== 'PathExpr' || e.callee.path.segments.length !== 1) return;
  const name = e.callee.path.segments[0]?.name ?? '';
  const fn = cx.items.fns.get(name);
  if (fn === undefined || cx.lookup(name) !== undefined || cx.items.ambiguous.has(name)) return;
  const inst = cx.instances.get(e.callee) ?? new Map<string, Ty>();
  const saved = cx.generics;
  cx.generics = new Set(fn.generics.params.filter((g) => g.kind === 'TypeParam').map((g) => g.name));
  fn.params.forEach((p, i) => {
    const arg = e.args[i];
    const bound = arg?.kind === 'Closure' ? fnBound(fn, p.type) : null;
    if (arg === undefined || bound === null) return;
    const lower = (t: Type): Ty => subst(lowerType(t, { ...cx.lowerEnv, fresh: () => UNKNOWN }), inst);
    cx.closureParams.set(arg, bound.inputs.map(lower));
  });
  cx.generics = saved;
}

export function inferCall(cx: Cx, e: CallExpr): Ty {
  if (e.callee.kind === 'PathExpr' && e.args.length === 1) {
    const full = expandPath(
      e.callee.path.segments.map((s) => s.name),
      cx.items,
    );
    if (DETACHED.has(full) && cx.lookup(e.callee.path.segments[0]?.name ?? '') === undefined) {
      cx.spawnArgs.add(e.args[0]);
    }
  }
  const boxPin = e.args.length === 1 ? calleePath(cx, e.callee) : null;
  if (boxPin === 'Box::pin' || boxPin === 'std::boxed::Box::pin') {
    // `Box::pin(fut)` is typed as the future it pins, as `pin!(fut)` is (lower.ts types a
    // `Pin<Box<dyn Future<Output = T>>>` the same way, so the async block takes that output)
    const t = cx.resolved(inferExpr(cx, e.args[0]));
    if (t.k === 'future') return t;
    cx.table.escape(t);
    return UNKNOWN;
  }
  if (isSpawnCall(cx, e) && e.args.length !== 1) {
    for (const a of e.args) cx.table.escape(inferExpr(cx, a));
    argCount(cx, e.callee.span, 'function', 1, e.args.length);
    return UNKNOWN;
  }
  if (isSpawnCall(cx, e) && e.args.length === 1) {
    const arg = e.args[0];
    cx.sendSites.push({ arg, at: arg.kind === 'AsyncBlock' ? e.callee.span : arg.span });
    const t = cx.resolved(inferExpr(cx, arg));
    if (t.k === 'fn') notAFuture(cx, t, arg);
    return adt('JoinHandle', [t.k === 'future' ? t.output : UNKNOWN]);
  }
  const callee =
    e.callee.kind === 'PathExpr' ? cx.record(e.callee, inferPath(cx, e.callee, true)) : inferExpr(cx, e.callee);
  const f = cx.resolved(callee);
  if (f.k === 'fn' && f.params.length === e.args.length) {
    closureArgsFromBounds(cx, e);
    const args: Ty[] = [];
    for (const a of e.args) {
      // The arguments before a closure fix the type parameters its bound gives it (`apply(x, |v| …)`).
      if (cx.closureParams.has(a)) {
        args.forEach((t, j) => {
          const want = f.params[j];
          if (want !== undefined && cx.table.compatible(t, want)) cx.table.unify(t, want);
        });
      }
      args.push(inferExpr(cx, a));
    }
    // A generic `F: IntoFuture` argument that is plain data: rustc reports the bound first.
    const fut = FUTURE_ARG[calleePath(cx, e.callee) ?? ''];
    const fa = fut === undefined ? undefined : e.args[fut];
    // (`&mut F` is a future when `F: Future + Unpin`: references are never refused.)
    const ft = cx.resolved(args[fut ?? 0] ?? UNKNOWN);
    if (fut !== undefined && fa !== undefined && ft.k !== 'ref' && isData(cx, ft)) {
      const shown = showTy(cx.table.deep(args[fut] ?? UNKNOWN), cx.table.showVar);
      cx.findings.error('typeck', fa.span, 'E0277', `\`${shown}\` is not a future`);
      for (const t of args) cx.table.escape(t);
      return f.ret;
    }
    e.args.forEach((a, i) => coerce(cx, args[i] ?? UNKNOWN, f.params[i], a));
    return f.ret;
  }
  for (const a of e.args) cx.table.escape(inferExpr(cx, a));
  // A closure held in a local is called with E0057, not E0061; only named functions here.
  const named = e.callee.kind === 'PathExpr' && cx.localOf.get(e.callee) === undefined;
  if (f.k === 'fn' && named) argCount(cx, e.callee.span, 'function', f.params.length, e.args.length);
  if (f.k === 'fn') return f.ret;
  cx.table.escape(f);
  return UNKNOWN;
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** E0061: a call with the wrong number of arguments (rustc points at the callee). */
export function argCount(cx: Cx, at: Span, what: string, want: number, got: number): void {
  if (want === got) return;
  cx.findings.error(
    'typeck',
    at,
    'E0061',
    `this ${what} takes ${plural(want, 'argument')} but ${plural(got, 'argument')} ${got === 1 ? 'was' : 'were'} supplied`,
  );
}
