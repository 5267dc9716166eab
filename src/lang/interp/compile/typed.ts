/**
 * Where the compiler takes the checker's types (types/facts.ts) instead of guessing them: the
 * integer width of every expression the checker typed, the float width of literals, and, at each
 * call, the result type the std natives need (`collect`, `parse`, `sum`, `into`, `default`…).
 */
import { noteFallback } from '../fallbacks.ts';
import type { CallExpr, Expr, MethodCallExpr } from '../../syntax/ast.ts';
import type { Ty } from '../../types/ty.ts';
import { INT_TYPES } from '../../num/int-type.ts';
import type { Site, TypedEnv } from '../defs.ts';
import type { CE } from './ce.ts';
import type { Cx } from './cx.ts';

const envs = new WeakMap<Cx, TypedEnv>();

export function typedEnv(cx: Cx): TypedEnv {
  let env = envs.get(cx);
  if (env === undefined) {
    env = {
      facts: cx.facts,
      adt: (name) => {
        const it = cx.item(name);
        return it?.kind === 'struct' || it?.kind === 'enum' ? it.def : undefined;
      },
      fnItem: (name) => {
        const it = cx.item(name);
        return it?.kind === 'fn' ? it.def : undefined;
      },
    };
    envs.set(cx, env);
  }
  return env;
}

/** An expression the checker typed as an integer gets that integer type, whatever else it meets. */
export function typedInt(cx: Cx, e: Expr, c: CE): CE {
  const t = cx.facts.typeOf(e);
  // A reference to an integer (`|b| b.wrapping_add(1)` over `&u8`) computes at the integer's width.
  const name = t?.k === 'int' ? t.name : t?.k === 'ref' && t.inner.k === 'int' ? t.inner.name : null;
  if (name === null) {
    // The checker left an integer expression open: its width is the interpreter's own guess.
    if (c.ic !== null && t === null) noteFallback('typedInt', e.span.line, e.span.col);
    return c;
  }
  const fixed = cx.cells.of(INT_TYPES[name]);
  if (c.ic !== null) {
    cx.cells.unify(fixed, c.ic);
    return c;
  }
  return { ...c, ic: fixed };
}

/** A type is closed when it names no generic parameter and nothing the checker left open. */
export function isClosed(t: Ty): boolean {
  switch (t.k) {
    case 'param':
    case 'unknown':
    case 'var':
      return false;
    case 'tuple':
      return t.elems.every(isClosed);
    case 'ref':
      return isClosed(t.inner);
    case 'array':
    case 'slice':
      return isClosed(t.elem);
    case 'adt':
      return t.args.every(isClosed);
    case 'fn':
      return t.params.every(isClosed) && isClosed(t.ret);
    case 'future':
      return isClosed(t.output);
    default:
      return true;
  }
}

/** The hint string the std natives read (`u8`, `Vec`, `Result<Vec>`, `&str`) for a checker type. */
export function hintOfTy(t: Ty): string | null {
  switch (t.k) {
    case 'int':
    case 'float':
      return t.name;
    case 'bool':
    case 'char':
    case 'str':
      return t.k;
    case 'ref':
      return t.inner.k === 'str' ? '&str' : hintOfTy(t.inner);
    case 'tuple':
      return t.elems.length === 0 ? '()' : null;
    case 'adt': {
      const base = t.name.split('::').pop() ?? t.name;
      if ((base === 'Result' || base === 'Option') && t.args[0] !== undefined) {
        const inner = hintOfTy(t.args[0]);
        return inner === null ? base : `${base}<${inner}>`;
      }
      return base;
    }
    default:
      return null;
  }
}

/** The type whose hint a native reads: `parse` wants the `Ok` type, the rest their result. */
function hintTarget(method: string, t: Ty): Ty | null {
  if (method === 'parse' || method === 'try_into') return t.k === 'adt' && t.args[0] !== undefined ? t.args[0] : null;
  if (method === 'or_default') return t.k === 'ref' ? t.inner : t;
  return t;
}

/** Natives that read only their receiver's type (`x.hash(state)`: how many bytes `x` writes). */
const RECEIVER_TYPED = new Set(['hash']);

function receiverSite(cx: Cx, e: CallExpr | MethodCallExpr, site: Site): Ty | null {
  const from = e.kind === 'MethodCall' ? cx.facts.typeOf(e.receiver) : null;
  if (from === null) return null;
  site.typed = typedEnv(cx);
  if (isClosed(from)) site.from = from;
  return isClosed(from) ? null : from;
}

/** std types whose default is the same whatever their arguments: an empty `Vec<Box<dyn Fn()>>`. */
const DEFAULT_BY_HEAD = new Set([
  'Vec',
  'VecDeque',
  'BinaryHeap',
  'HashMap',
  'BTreeMap',
  'HashSet',
  'BTreeSet',
  'Option',
]);

/** Whether the native can read `target`'s hint: it is closed, or only its head matters. */
function hintReadable(name: string, target: Ty): boolean {
  if (isClosed(target)) return true;
  const head = target.k === 'adt' ? hintOfTy(target) : null;
  return (name === 'or_default' || name === 'unwrap_or_default') && head !== null && DEFAULT_BY_HEAD.has(head);
}

const TYPED_METHODS = new Set([
  'parse',
  'collect',
  'sum',
  'product',
  'into',
  'try_into',
  'unwrap_or_default',
  'or_default',
]);

/**
 * Gives a call site the checker's types: its result, what it consumes, and the hint natives read.
 * Returns the consumed type when it names the enclosing fn's generic parameters (`x.into()` with
 * `x: T`): the caller then resolves it against each call's type arguments (typed-generic.ts).
 */
export function typeSite(cx: Cx, e: CallExpr | MethodCallExpr, site: Site, name: string): Ty | null {
  const ty = cx.facts.typeOf(e);
  // how a native finds a user type its hint names (`parse::<Cmd>()` runs `Cmd`'s `FromStr`)
  if (TYPED_METHODS.has(name)) site.typed = typedEnv(cx);
  if (ty === null) return RECEIVER_TYPED.has(name) ? receiverSite(cx, e, site) : null;
  if (TYPED_METHODS.has(name)) {
    // Only the part a native reads must be known (`parse` reads the `Ok` type, not the error).
    const target = hintTarget(name, ty);
    const h = target === null || !hintReadable(name, target) ? null : hintOfTy(target);
    if (h !== null) site.hint = h;
  }
  if (!isClosed(ty)) return null;
  site.ty = ty;
  site.typed = typedEnv(cx);
  const src = e.kind === 'MethodCall' ? e.receiver : e.args.length === 1 ? e.args[0] : null;
  const from = src === null ? null : cx.facts.typeOf(src);
  if (from === null) return null;
  if (isClosed(from)) site.from = from;
  return isClosed(from) ? null : from;
}

/** Is `e` of a user type with a `Deref` impl (so `*e` calls it)? From the checker's type. */
export function userDerefs(cx: Cx, e: Expr): boolean {
  const t = cx.facts.typeOf(e);
  if (t?.k !== 'adt') return false;
  const it = cx.item(t.name);
  return (it?.kind === 'struct' || it?.kind === 'enum') && it.def.methods.has('Deref::deref');
}
