/**
 * Written types (`Vec<u8>`, `&str`, `impl Future<Output = T>`) to checker types. Anything the
 * checker does not model (trait objects, most `impl Trait`, foreign types) becomes `unknown`.
 */
import { isIntName } from '../num/int-type.ts';
import type { GenericArg, Path, Type } from '../syntax/ast.ts';
import type { Items } from './items.ts';
import { lastName } from './items.ts';
import { STD_TYPES, qualifyStd } from './std-types.ts';
import { BOOL, CHAR, NEVER, STR, UNIT, UNKNOWN, adt, arrayTy, floatTy, intTy, type Ty } from './ty.ts';

export interface LowerEnv {
  readonly items: Items;
  /** Generic type parameters in scope. */
  readonly generics: ReadonlySet<string>;
  readonly selfTy: Ty | null;
  /** `_` in a type: a fresh inference variable. */
  readonly fresh: () => Ty;
}

const PRIMS: Record<string, Ty> = { bool: BOOL, char: CHAR, str: STR, f32: floatTy('f32'), f64: floatTy('f64') };

export function primitive(name: string): Ty | null {
  if (isIntName(name)) return intTy(name);
  return PRIMS[name] ?? null;
}

function typeArgs(args: readonly GenericArg[], env: LowerEnv): Ty[] {
  return args.filter((a) => a.kind === 'TypeArg').map((a) => lowerType(a.type, env));
}

/** The `Output = T` binding of `Future<Output = T>`, when written. */
function outputBinding(path: Path, env: LowerEnv): Ty | null {
  const seg = path.segments[path.segments.length - 1];
  if (seg?.args?.kind !== 'AngleArgs') return null;
  for (const a of seg.args.args)
    if (a.kind === 'AssocTypeArg' && a.name === 'Output' && a.type) return lowerType(a.type, env);
  return null;
}

export function lowerPathType(path: Path, env: LowerEnv): Ty {
  if (path.qself) return UNKNOWN;
  const segs = path.segments;
  const name = lastName(path);
  const last = segs[segs.length - 1];
  const args = last?.args?.kind === 'AngleArgs' ? typeArgs(last.args.args, env) : [];
  if (segs.length === 1) {
    if (name === 'Self') return env.selfTy ?? UNKNOWN;
    if (env.generics.has(name)) return { k: 'param', name };
    const prim = primitive(name);
    if (prim !== null && args.length === 0) return prim;
    if (env.items.ambiguous.has(name)) return UNKNOWN;
    const def = env.items.adts.get(name);
    if (def !== undefined) {
      if (args.length === def.generics.length) return adt(name, args);
      if (args.length === 0)
        return adt(
          name,
          def.generics.map(() => env.fresh()),
        );
      return UNKNOWN;
    }
    const alias = env.items.aliases.get(name);
    if (alias !== undefined) {
      // lifetimes do not change a type here: `type BoxFut<'a> = Pin<Box<dyn Future<…> + 'a>>`
      return alias.generics.params.every((p) => p.kind === 'LifetimeParam') && alias.type !== null
        ? lowerType(alias.type, { ...env, generics: new Set() })
        : UNKNOWN;
    }
  }
  if (segs.length === 2 && segs[0]?.name === 'Self') return selfAssoc(name, env);
  if (name === 'Pin' && args.length === 1 && isPinPath(path, env)) return pinnedFuture(args[0]);
  if (segs.length > 1 && env.items.modules.has(segs[0]?.name ?? '')) return UNKNOWN;
  const std = qualifyStd(path, env.items);
  if (std === null) return UNKNOWN;
  const arity = STD_TYPES.get(std);
  if (arity === undefined) return UNKNOWN;
  if (args.length === arity) return adt(std, args);
  if (args.length === 0)
    return adt(
      std,
      Array.from({ length: arity }, () => env.fresh()),
    );
  return UNKNOWN;
}

function isPinPath(path: Path, env: LowerEnv): boolean {
  const names = path.segments.map((s) => s.name).join('::');
  const imported = env.items.imports.get('Pin');
  return names === 'std::pin::Pin' || (names === 'Pin' && imported === 'std::pin::Pin');
}

/**
 * `Pin<Box<F>>` and `Pin<&mut F>` of a future are typed as the future, as `pin!(fut)` and
 * `Box::pin(fut)` are (the pin itself is not modelled); any other pin stays unknown.
 */
function pinnedFuture(inner: Ty): Ty {
  const f = inner.k === 'adt' && inner.name === 'Box' ? inner.args[0] : inner.k === 'ref' ? inner.inner : undefined;
  return f?.k === 'future' ? f : UNKNOWN;
}

/** `Self::Err` inside an impl for a user type: the `type Err = …` one of its impls declares. */
function selfAssoc(name: string, env: LowerEnv): Ty {
  const self = env.selfTy;
  if (self?.k !== 'adt' || self.args.length > 0) return UNKNOWN;
  const found = env.items.impls.flatMap((impl) =>
    impl.selfName === self.name && impl.item.generics.params.length === 0
      ? impl.item.items.filter((it) => it.kind === 'TypeAlias' && it.name === name && it.type !== null)
      : [],
  );
  const alias = found.length === 1 ? found[0] : undefined;
  return alias?.kind === 'TypeAlias' && alias.type !== null
    ? lowerType(alias.type, { ...env, generics: new Set() })
    : UNKNOWN;
}

export function lowerType(t: Type, env: LowerEnv): Ty {
  switch (t.kind) {
    case 'PathType':
      return lowerPathType(t.path, env);
    case 'RefType':
      return { k: 'ref', mut: t.mutable, inner: lowerType(t.inner, env) };
    case 'TupleType':
      return t.elems.length === 0 ? UNIT : { k: 'tuple', elems: t.elems.map((e) => lowerType(e, env)) };
    case 'ArrayType':
      return arrayTy(lowerType(t.elem, env), t.len);
    case 'SliceType':
      return { k: 'slice', elem: lowerType(t.elem, env) };
    case 'ParenType':
      return lowerType(t.inner, env);
    case 'NeverType':
      return NEVER;
    case 'InferType':
      return env.fresh();
    case 'FnPtrType':
      return {
        k: 'fn',
        params: t.inputs.map((i) => lowerType(i, env)),
        ret: t.output ? lowerType(t.output, env) : UNIT,
      };
    case 'ImplTraitType':
    case 'DynTraitType': {
      // `dyn Future<Output = T>` (boxed and pinned) is typed by its output, as `impl Future` is:
      // an async block coerced to it has that output (`collect()` in it builds the `T`)
      for (const b of t.bounds) {
        if (b.kind === 'TraitBound' && lastName(b.path) === 'Future') {
          return { k: 'future', output: outputBinding(b.path, env) ?? UNKNOWN, asyncBlock: false };
        }
      }
      return UNKNOWN;
    }
    case 'PtrType':
      return UNKNOWN;
  }
}

export { NEVER };
