/**
 * What the checker hands the interpreter (design.md §5: type-dependent behaviour comes from the
 * types). After inference and literal fallback, every expression's type is resolved on demand,
 * keyed by the AST node itself (the interpreter compiles the same tree, so node identity is the
 * stable key), together with the type arguments each generic fn or method call instantiates.
 * A type the checker could not work out is `null` (or contains `unknown`): the interpreter then
 * keeps its own fallback, which is listed in the issue note.
 */
import type { Expr } from '../syntax/ast.ts';
import type { IntName } from '../num/int-type.ts';
import { structFields } from './struct-fields.ts';
import { foreignImpl } from './method.ts';
import type { Cx } from './cx.ts';
import type { AdtTy, FloatName, Ty } from './ty.ts';

export interface TypeFacts {
  /** The resolved type of `e`; null when the checker did not type it. */
  typeOf(e: Expr): Ty | null;
  /** The integer type of `e` when the checker knows it is one. */
  intOf(e: Expr): IntName | null;
  /** The float type of `e` when the checker knows it is one. */
  floatOf(e: Expr): FloatName | null;
  /** Type arguments a generic fn path or method call instantiates (`T` → `u8`), resolved. */
  typeArgs(e: Expr): ReadonlyMap<string, Ty> | null;
  /** The field types of a user struct (or of one variant of a user enum) with its arguments applied, in declaration order. */
  fieldTys(t: AdtTy, variant?: string): readonly Ty[] | null;
  /** The `#[default]` variant of a user enum deriving `Default`. */
  defaultVariant(enumName: string): string | null;
  /** Is `t` certainly `Copy` (so a by-value use copies it)? False when the checker cannot say. */
  isCopy(t: Ty): boolean;
  /** For `x?` on a `Result`: its error type and the one the enclosing body returns. */
  tryErrors(e: Expr): { readonly from: Ty; readonly to: Ty } | null;
  /**
   * The type arguments of the user impl that gives the std type `t` its method `name`
   * (`impl<T: Describe> Describe for Vec<T>` on `Vec<u8>`: `T` = `u8`); null when none applies.
   */
  implArgs(t: Ty, name: string): ReadonlyMap<string, Ty> | null;
  /** Does this method call borrow its receiver `&mut` (so a user `DerefMut` on the way runs)? */
  mutReceiver(e: Expr): boolean;
}

/** No facts: what the interpreter sees when the checker did not run to the end. */
export const NO_FACTS: TypeFacts = {
  typeOf: () => null,
  intOf: () => null,
  floatOf: () => null,
  typeArgs: () => null,
  fieldTys: () => null,
  defaultVariant: () => null,
  isCopy: () => false,
  tryErrors: () => null,
  implArgs: () => null,
  mutReceiver: () => false,
};

export function factsOf(cx: Cx): TypeFacts {
  const memo = new Map<Expr, Ty | null>();
  const typeOf = (e: Expr): Ty | null => {
    const hit = memo.get(e);
    if (hit !== undefined) return hit;
    const raw = cx.exprTy.get(e);
    const t = raw === undefined ? null : cx.table.deep(raw);
    const out = t === null || t.k === 'unknown' || t.k === 'var' ? null : t;
    memo.set(e, out);
    return out;
  };
  return {
    typeOf,
    intOf: (e) => {
      const t = typeOf(e);
      return t?.k === 'int' ? t.name : null;
    },
    floatOf: (e) => {
      const t = typeOf(e);
      return t?.k === 'float' ? t.name : null;
    },
    typeArgs: (e) => {
      const m = cx.instances.get(e);
      if (m === undefined) return null;
      return new Map([...m].map(([k, v]) => [k, cx.table.deep(v)] as const));
    },
    fieldTys: (t, variant) => {
      const fs = structFields(cx, t, variant ?? null);
      return fs === null ? null : [...fs.values()];
    },
    isCopy: (t) => certainlyCopy(cx, t),
    mutReceiver: (e) => cx.mutReceivers.has(e),
    tryErrors: (e) => {
      const c = cx.tryErrors.get(e);
      const ret = c === undefined ? null : cx.table.deep(c.ret);
      const to = ret?.k === 'adt' && ret.name === 'Result' ? ret.args[1] : undefined;
      return c === undefined || to === undefined ? null : { from: cx.table.deep(c.from), to };
    },
    implArgs: (t, name) => foreignImpl(cx, t, name)?.map ?? null,
    defaultVariant: (name) => {
      const def = cx.items.adts.get(name);
      if (def?.item.kind !== 'Enum') return null;
      const v = def.item.variants.find((x) =>
        x.attrs.some((a) => a.meta.kind === 'MetaPath' && a.meta.path === 'default'),
      );
      return v?.name ?? null;
    },
  };
}

function certainlyCopy(cx: Cx, t: Ty): boolean {
  switch (t.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
    case 'never':
      return true;
    case 'ref':
      return !t.mut;
    case 'tuple':
      return t.elems.every((e) => certainlyCopy(cx, e));
    case 'array':
      return certainlyCopy(cx, t.elem);
    case 'adt': {
      if (t.name === 'Option') return t.args[0] !== undefined && certainlyCopy(cx, t.args[0]);
      const def = cx.items.adts.get(t.name);
      return def !== undefined && !cx.items.ambiguous.has(t.name) && def.derives.has('Copy');
    }
    default:
      return false;
  }
}
