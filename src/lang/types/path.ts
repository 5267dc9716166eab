/**
 * Paths as values and callees (`x`, `f::<T>`, `Type::assoc`, `Enum::Variant`, `i32::MAX`): where names are
 * resolved (E0425, E0433, E0423) and a generic fn's signature is instantiated.
 */
import { deferFromPick } from './from-picks.ts';
import type { CallExpr, Expr, PathExpr, PathSegment } from '../syntax/ast.ts';
import type { Cx, Sig } from './cx.ts';
import { subst } from './cx.ts';
import { implArgs } from './method.ts';
import { enumVariantInScope, hasVariant, knownPathRoot, knownValueName } from './names.ts';
import { expandPath, qualifyStd } from './std-types.ts';
import { SPAWN_PATHS, preludeValue, stdAssoc, stdFree } from './std-fns.ts';
import { openResult } from './std-deferred.ts';
import { stdAssocMissing } from './std-closed.ts';
import { UNKNOWN, adt, floatTy, intTy, refTy, type AdtTy, type Ty } from './ty.ts';
import { isIntName } from '../num/int-type.ts';
import { lowerType, primitive } from './lower.ts';

function instantiate(cx: Cx, sig: Sig, at: Expr, extra: ReadonlyMap<string, Ty> = new Map()): Sig {
  const map = new Map(extra);
  for (const g of sig.generics) if (!map.has(g)) map.set(g, cx.table.fresh());
  if (map.size > 0) cx.instances.set(at, map);
  return { ...sig, params: sig.params.map((p) => subst(p, map)), ret: subst(sig.ret, map) };
}

function fnTy(sig: Sig, withSelf: Ty | null): Ty {
  const ret: Ty = sig.isAsync ? { k: 'future', output: sig.ret, asyncBlock: false } : sig.ret;
  return { k: 'fn', params: withSelf === null ? sig.params : [withSelf, ...sig.params], ret };
}

export function freshAdt(cx: Cx, name: string, seg?: PathSegment): AdtTy {
  const def = cx.items.adts.get(name);
  const given = turbofish(cx, seg);
  return adt(
    name,
    (def?.generics ?? []).map((_, i) => given[i] ?? cx.table.fresh()),
  );
}

/** The types a segment's `::<…>` names, in order (empty without a turbofish). */
function turbofish(cx: Cx, seg: PathSegment | undefined): Ty[] {
  if (seg?.args?.kind !== 'AngleArgs') return [];
  return seg.args.args.flatMap((a) => (a.kind === 'TypeArg' ? [cx.lower(a.type)] : []));
}

/** `f::<A, B>(…)`: the fn's own type parameters, as the turbofish gives them. */
function fnTurbofish(cx: Cx, sig: Sig, seg: PathSegment | undefined): Map<string, Ty> {
  const given = turbofish(cx, seg);
  return new Map(given.flatMap((t, i) => (sig.generics[i] === undefined ? [] : [[sig.generics[i], t] as const])));
}

/** The constructor type of a variant or struct with tuple/unit fields. */
function ctorTy(cx: Cx, owner: AdtTy, variant: string | null): Ty {
  const def = cx.items.adts.get(owner.name);
  if (def === undefined) return UNKNOWN;
  const fields =
    def.item.kind === 'Struct' ? def.item.fields : def.item.variants.find((v) => v.name === variant)?.fields;
  if (fields === undefined) return UNKNOWN;
  if (fields.kind === 'UnitFields') return owner;
  if (fields.kind === 'NamedFields') return UNKNOWN;
  const map = new Map(def.generics.map((g, i) => [g, owner.args[i] ?? UNKNOWN] as const));
  const saved = cx.generics;
  cx.generics = new Set(def.generics);
  const params = fields.fields.map((f) => subst(lowerType(f.type, { ...cx.lowerEnv, fresh: () => UNKNOWN }), map));
  cx.generics = saved;
  return { k: 'fn', params, ret: owner };
}

/** `Type::name` on a user type: an associated fn or a variant. */
function userAssoc(cx: Cx, owner: AdtTy, name: string, e: PathExpr): Ty {
  const def = cx.items.adts.get(owner.name);
  if (def?.item.kind === 'Enum' && hasVariant(owner.name, name, cx.items)) return ctorTy(cx, owner, name);
  for (const impl of cx.items.impls) {
    if (impl.selfName !== owner.name) continue;
    const fn = impl.item.items.find((i) => i.kind === 'Fn' && i.name === name);
    if (fn?.kind !== 'Fn') continue;
    const gs = impl.item.generics.params.filter((p) => p.kind === 'TypeParam').map((p) => p.name);
    const sig = instantiate(cx, cx.sigOf(fn, owner, gs), e, implArgs(impl.item, gs, owner));
    // `impl From<A> for T` and `impl From<B> for T`: the argument picks the impl, so the checker
    // cannot take the first one's parameters (that was a false E0308).
    const overloads = cx.items.impls.filter(
      (i) => i.selfName === owner.name && i.item.items.some((x) => x.kind === 'Fn' && x.name === name),
    );
    if (overloads.length > 1) {
      // `From<A>` and `From<B>`: the argument's type picks the impl once it is known (from-picks.ts)
      if (name !== 'from' || sig.params.length !== 1)
        return fnTy({ ...sig, params: sig.params.map(() => UNKNOWN) }, null);
      const arg = cx.table.fresh();
      deferFromPick(cx, arg, owner);
      return fnTy({ ...sig, params: [arg] }, null);
    }
    const self =
      sig.self === null
        ? null
        : sig.self === 'value'
          ? owner
          : { k: 'ref' as const, mut: sig.self === 'refMut', inner: owner };
    return fnTy(sig, self);
  }
  if (name === 'default' && def?.derives.has('Default') === true) return { k: 'fn', params: [], ret: owner };
  if (
    def?.item.kind === 'Enum' &&
    !cx.items.impls.some((i) => i.blanket || (i.selfName === owner.name && i.trait !== null)) &&
    def.derives.size === 0
  ) {
    const seg = e.path.segments[e.path.segments.length - 1];
    cx.findings.error(
      'typeck',
      seg?.span ?? e.span,
      'E0599',
      `no variant or associated item named \`${name}\` found for enum \`${owner.name}\` in the current scope`,
    );
  }
  return UNKNOWN;
}

/**
 * `u8::make()`: an associated fn of a user trait implemented for a std type (`impl Make for u8`),
 * from the impl or, when the impl leaves it out, from the trait's default body.
 */
function primAssoc(cx: Cx, owner: string, name: string, e: PathExpr): Ty | null {
  const self = primitive(owner) ?? (owner === 'String' && !cx.items.adts.has(owner) ? adt('String') : null);
  if (self === null) return null;
  for (const impl of cx.items.impls) {
    if (impl.selfName !== owner || impl.trait === null) continue;
    const own = impl.item.items.find((i) => i.kind === 'Fn' && i.name === name);
    const dflt = cx.items.traits.get(impl.trait)?.items.find((i) => i.kind === 'Fn' && i.name === name && i.body);
    const fn = own ?? dflt;
    if (fn?.kind !== 'Fn') continue;
    const sig = instantiate(cx, cx.sigOf(fn, self), e);
    const recv = sig.self === null ? null : sig.self === 'value' ? self : refTy(self, sig.self === 'refMut');
    return fnTy(sig, recv);
  }
  return null;
}

export function inferPath(cx: Cx, e: PathExpr, callee: boolean): Ty {
  const segs = e.path.segments;
  const first = segs[0]?.name ?? '';
  if (e.path.qself) return UNKNOWN;
  if (segs.length === 1 && !e.path.global) {
    const local = cx.lookup(first);
    if (local !== undefined) {
      cx.localOf.set(e, local);
      return local.ty;
    }
    const items = cx.items;
    if (items.ambiguous.has(first)) return UNKNOWN;
    const fn = items.fns.get(first);
    if (fn !== undefined) {
      const sig = cx.sigOf(fn, null);
      return fnTy(instantiate(cx, sig, e, fnTurbofish(cx, sig, segs[0])), null);
    }
    const v = items.values.get(first);
    if (v !== undefined && v.kind === 'Static' && v.threadLocal === true) return adt('LocalKey', [cx.lower(v.type)]);
    if (v !== undefined && (v.kind === 'Const' || v.kind === 'Static')) return v.type ? cx.lower(v.type) : UNKNOWN;
    const d = items.adts.get(first);
    if (d !== undefined && d.kind === 'struct' && d.item.kind === 'Struct' && d.item.fields.kind === 'NamedFields') {
      if (!items.ambiguous.has(first)) notAValue(cx, e, first);
      return UNKNOWN;
    }
    if (d !== undefined && d.kind === 'struct') return ctorTy(cx, freshAdt(cx, first), null);
    if (first === 'Self' && cx.selfTy !== null) {
      const s = cx.resolved(cx.selfTy);
      return s.k === 'adt' && items.adts.get(s.name)?.kind === 'struct' ? ctorTy(cx, s, null) : UNKNOWN;
    }
    const owner = enumVariantInScope(first, items);
    if (owner !== null) return ctorTy(cx, freshAdt(cx, owner), first);
    if (items.imports.has(first)) {
      const std = qualifyStd(e.path, items);
      if (std !== null && NAMED_FIELD_STRUCTS.has(std)) notAValue(cx, e, first);
      const f = stdFree(expandPath([first], items), cx.table);
      return f === null ? UNKNOWN : applyTurbofish(cx, f, e);
    }
    const p = preludeValue(first, cx.table);
    if (p !== null) return enumTurbofish(cx, p, e);
    if (!cx.openNames && !knownValueName(first, items) && !cx.generics.has(first)) {
      cx.findings.error(
        'resolve',
        e.span,
        'E0425',
        callee ? `cannot find function \`${first}\` in this scope` : `cannot find value \`${first}\` in this scope`,
        'not found in this scope',
      );
    }
    return UNKNOWN;
  }
  if (!e.path.global && !cx.openNames && !knownPathRoot(first, cx.items, cx.generics)) {
    const seg0 = segs[0];
    const upper = /^[A-Z]/.test(first);
    cx.findings.error(
      'resolve',
      seg0?.span ?? e.span,
      'E0433',
      upper
        ? `cannot find type \`${first}\` in this scope`
        : `failed to resolve: use of unresolved module or unlinked crate \`${first}\``,
      upper ? `use of undeclared type \`${first}\`` : undefined,
    );
    return UNKNOWN;
  }
  const full = expandPath(
    segs.map((s) => s.name),
    cx.items,
  );
  const free = stdFree(full, cx.table);
  // `Default::default()` names no type: only the context can pick the impl (E0790 without one).
  if (free?.k === 'fn' && DEFAULT_PATHS.has(full)) openResult(cx, free.ret, e.span, 'E0790');
  if (free !== null) return applyTurbofish(cx, free, e);
  if (segs.length === 2) {
    const name = segs[1]?.name ?? '';
    if (cx.generics.has(first) && name === 'default') return { k: 'fn', params: [], ret: { k: 'param', name: first } };
    if (first === 'Self' && cx.selfTy !== null) {
      const s = cx.resolved(cx.selfTy);
      return s.k === 'adt' && cx.items.adts.has(s.name) ? userAssoc(cx, s, name, e) : UNKNOWN;
    }
    if (cx.items.adts.has(first) && !cx.items.ambiguous.has(first) && !cx.items.imports.has(first)) {
      return userAssoc(cx, freshAdt(cx, first, segs[0]), name, e);
    }
    const prim = primAssoc(cx, first, name, e);
    if (prim !== null) return prim;
    const konst = numericConst(first, name);
    if (konst !== null && !cx.items.adts.has(first)) return konst;
    const std = qualifyStd({ ...e.path, segments: segs.slice(0, 1) }, cx.items);
    if (std !== null && stdAssocMissing(std, name)) {
      cx.findings.error(
        'typeck',
        segs[1]?.span ?? e.span,
        'E0599',
        `no function or associated item named \`${name}\` found for struct \`${std.split('::').pop() ?? std}\` in the current scope`,
      );
      return UNKNOWN;
    }
    if (std !== null) return stdAssoc(std, name, cx.table) ?? UNKNOWN;
  }
  // `module::Type::assoc` (or `crate::module::Type::assoc`) on a user type the modules declare.
  const owner = segs[segs.length - 2]?.name ?? '';
  const mods = segs.slice(0, -2).map((s) => s.name);
  if (
    segs.length >= 3 &&
    mods.every((m) => cx.items.modules.has(m) || m === 'crate' || m === 'self' || m === 'super') &&
    cx.items.adts.has(owner) &&
    !cx.items.ambiguous.has(owner)
  ) {
    return userAssoc(cx, freshAdt(cx, owner), segs[segs.length - 1]?.name ?? '', e);
  }
  if (segs.length === 3) {
    const std = qualifyStd({ ...e.path, segments: segs.slice(0, 2) }, cx.items);
    if (std !== null) return stdAssoc(std, segs[2]?.name ?? '', cx.table) ?? UNKNOWN;
  }
  return UNKNOWN;
}

const DEFAULT_PATHS = new Set(['Default::default', 'std::default::Default::default']);

/** `i32::MIN`, `u8::MAX`, `u64::BITS`, `f64::MAX`: the constants of the numeric types. */
function numericConst(owner: string, name: string): Ty | null {
  if (isIntName(owner)) return name === 'MIN' || name === 'MAX' ? intTy(owner) : name === 'BITS' ? intTy('u32') : null;
  if (owner === 'f32' || owner === 'f64') {
    return ['MIN', 'MAX', 'EPSILON', 'INFINITY', 'NEG_INFINITY', 'NAN', 'MIN_POSITIVE'].includes(name)
      ? floatTy(owner)
      : null;
  }
  return null;
}

/** `channel::<T>(n)`: the turbofish fixes the item type of the pair a channel constructor returns. */
function applyTurbofish(cx: Cx, f: Ty, e: PathExpr): Ty {
  const args = e.path.segments[e.path.segments.length - 1]?.args;
  if (args?.kind !== 'AngleArgs' || args.args.length !== 1 || f.k !== 'fn') return f;
  const arg = args.args[0];
  const ret = cx.resolved(f.ret);
  const first = ret.k === 'tuple' ? cx.resolved(ret.elems[0] ?? UNKNOWN) : null;
  if (arg?.kind === 'TypeArg' && first?.k === 'adt' && first.args.length === 1 && first.args[0] !== undefined)
    cx.table.unify(first.args[0], cx.lower(arg.type));
  return f;
}

/** `Err::<(), BoxError>(…)`, `None::<u8>`: the turbofish gives the enum's type arguments, in order. */
function enumTurbofish(cx: Cx, t: Ty, e: PathExpr): Ty {
  const args = e.path.segments[e.path.segments.length - 1]?.args;
  if (args?.kind !== 'AngleArgs') return t;
  const made = cx.resolved(t.k === 'fn' ? t.ret : t);
  if (made.k !== 'adt') return t;
  args.args.forEach((a, i) => {
    const slot = made.args[i];
    if (a.kind === 'TypeArg' && slot !== undefined) cx.table.unify(slot, cx.lower(a.type));
  });
  return t;
}

/** std/tokio structs with private named fields: never values (unlike unit and tuple structs). */
const NAMED_FIELD_STRUCTS = new Set([
  'CancellationToken',
  'JoinSet',
  'Duration',
  'Instant',
  'String',
  'Vec',
  'HashMap',
]);

/** E0423: a struct with named fields written where a value is expected. */
function notAValue(cx: Cx, e: PathExpr, name: string): void {
  cx.findings.error('resolve', e.span, 'E0423', `expected value, found struct \`${name}\``);
}

/** The full path a callee names, through `use` (`spawn` after `use tokio::spawn` → `tokio::spawn`). */
export function calleePath(cx: Cx, callee: Expr): string | null {
  if (callee.kind !== 'PathExpr') return null;
  const names = callee.path.segments.map((s) => s.name);
  const head = cx.items.imports.get(names[0] ?? '');
  if (head !== undefined) return [head, ...names.slice(1)].join('::');
  if (names.length === 1 && cx.lookup(names[0] ?? '') !== undefined) return null;
  return names.join('::');
}

export function isSpawnCall(cx: Cx, e: CallExpr): boolean {
  const p = calleePath(cx, e.callee);
  return (
    p !== null &&
    (p === 'tokio::spawn' ||
      p === 'tokio::task::spawn' ||
      (SPAWN_PATHS.has(p) && cx.items.imports.get('task') === 'tokio::task'))
  );
}
