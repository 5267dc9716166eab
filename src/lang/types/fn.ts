/** Items: each fn body is checked with its signature, `Self` and generics in scope. */
import type { FnItem, ImplItem, Item, TraitItem } from '../syntax/ast.ts';
import type { Cx } from './cx.ts';
import type { Located } from '../diagnostics.ts';
import { coerce } from './coerce.ts';
import { inferBlock } from './expr.ts';
import { bindPattern } from './pat.ts';
import { UNKNOWN, type Ty } from './ty.ts';
import { lowerType } from './lower.ts';

function typeParams(g: { params: readonly { kind: string; name: string }[] }): string[] {
  return g.params.filter((p) => p.kind === 'TypeParam').map((p) => p.name);
}

export function checkFn(cx: Cx, fn: FnItem, selfTy: Ty | null, outer: readonly string[]): void {
  if (fn.body === null) return;
  const sig = cx.sigOf(fn, selfTy, outer);
  const savedG = cx.generics;
  const savedS = cx.selfTy;
  cx.generics = new Set(sig.generics);
  cx.selfTy = selfTy;
  cx.bodies.push({ kind: 'fn', ret: sig.ret, isAsync: fn.isAsync, retIsUnit: fn.ret === null });
  cx.pushScope();
  if (fn.selfParam !== null) {
    const self = selfTy ?? UNKNOWN;
    const sp = fn.selfParam;
    const t: Ty =
      sp.type !== null
        ? lowerType(sp.type, cx.lowerEnv)
        : sp.mode === 'value'
          ? self
          : { k: 'ref', mut: sp.mode === 'refMut', inner: self };
    cx.declare('self', t, sp.span, sp.mutable || sp.mode !== 'value');
  }
  fn.params.forEach((p, i) => bindPattern(cx, p.pat, sig.params[i] ?? UNKNOWN));
  const t = inferBlock(cx, fn.body);
  coerce(cx, t, sig.ret, fn.body.tail ?? missingTailAt(fn));
  cx.popScope();
  cx.bodies.pop();
  cx.generics = savedG;
  cx.selfTy = savedS;
}

/**
 * Where rustc reports a body without a tail whose return type is not `()`: at the written return
 * type, except under `#[tokio::main]`, whose expansion moves the body into an async block and so
 * reports at its last statement.
 */
function missingTailAt(fn: FnItem): Located {
  const body = fn.body;
  const last = body?.stmts[body.stmts.length - 1];
  const tokioMain = fn.attrs.some((a) => a.meta.kind !== 'MetaLit' && a.meta.path === 'tokio::main');
  if (tokioMain && last !== undefined) return last.span;
  return fn.ret?.span ?? body?.span ?? fn.span;
}

function checkImpl(cx: Cx, impl: ImplItem): void {
  const gs = typeParams(impl.generics);
  const savedG = cx.generics;
  cx.generics = new Set(gs);
  const selfTy = lowerType(impl.selfType, { ...cx.lowerEnv, fresh: () => UNKNOWN });
  cx.generics = savedG;
  for (const it of impl.items) if (it.kind === 'Fn') checkFn(cx, it, selfTy, gs);
}

function checkTrait(cx: Cx, trait: TraitItem): void {
  const gs = typeParams(trait.generics);
  for (const it of trait.items) if (it.kind === 'Fn') checkFn(cx, it, { k: 'param', name: 'Self' }, [...gs, 'Self']);
}

/** Checks an item; nested fns see no locals of the fn around them, so they get a fresh body stack. */
export function checkItem(cx: Cx, item: Item): void {
  switch (item.kind) {
    case 'Fn': {
      const saved = cx.bodies.splice(0, cx.bodies.length);
      cx.isolate(() => checkFn(cx, item, null, []));
      cx.bodies.push(...saved);
      return;
    }
    case 'Impl':
      cx.isolate(() => checkImpl(cx, item));
      return;
    case 'Trait':
      cx.isolate(() => checkTrait(cx, item));
      return;
    case 'Mod':
      for (const it of item.items ?? []) checkItem(cx, it);
      return;
    default:
      return;
  }
}
