/**
 * Paths as values, calls, method calls, field accesses and struct literals: where names are
 * resolved (E0425, E0433) and signatures applied (E0308 on arguments, E0599, E0609).
 */
import type {
  CallExpr,
  FnItem,
  ParenArgs,
  Type,
  TypeBound,
  Expr,
  FieldExpr,
  MethodCallExpr,
  PathExpr,
  PathSegment,
  Span,
  StructExpr,
} from '../syntax/ast.ts';
import type { Cx, Sig } from './cx.ts';
import { subst } from './cx.ts';
import { coerce, derefStep, isData } from './coerce.ts';
import { inferExpr } from './expr.ts';
import { lastName } from './items.ts';
import { implArgs, probeMethod } from './method.ts';
import { enumVariantInScope, hasVariant, knownPathRoot, knownValueName } from './names.ts';
import { expandPath, qualifyStd } from './std-types.ts';
import { SPAWN_PATHS, preludeValue, stdAssoc, stdFree } from './std-fns.ts';
import { stdMethod } from './std-methods.ts';
import { lacksTrait } from './operators.ts';
import { closureParamsOf, iterMethod, openResult, parseCall, sliceIter, checkReceiverTyped } from './std-deferred.ts';
import { JOIN_SET_METHODS, TOKEN_METHODS, stdAssocMissing } from './std-closed.ts';
import { UNIT, UNKNOWN, adt, floatTy, intTy, refTy, showTy, type AdtTy, type Ty } from './ty.ts';
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

function freshAdt(cx: Cx, name: string, seg?: PathSegment): AdtTy {
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
    if (overloads.length > 1) return fnTy({ ...sig, params: sig.params.map(() => UNKNOWN) }, null);
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

/** `Result` methods that panic with the other variant's Debug: which type argument it is. */
const RESULT_DEBUG_ARG: Readonly<Record<string, number>> = { unwrap: 1, expect: 1, unwrap_err: 0, expect_err: 0 };

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

/** `parse`, slice iterators and their adapters: std methods typed with deferred checks. */
function stdTyped(cx: Cx, base: Ty, e: MethodCallExpr): Ty | null {
  const textual = base.k === 'str' || (base.k === 'adt' && base.name === 'String' && !cx.items.adts.has('String'));
  if (textual && e.method === 'parse' && e.args.length === 0) return parseCall(cx, e);
  return sliceIter(cx, base, e.method) ?? iterMethod(cx, base, e);
}

/** Channel senders whose `send(T)` the checker types: awaited (bounded mpsc) or not. */
const SENDERS: Record<string, 'async' | 'sync'> = { 'mpsc::Sender': 'async', 'mpsc::UnboundedSender': 'sync' };

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

const HASHED = new Set(['HashMap', 'HashSet']);
const KEYED = new Set(['insert', 'entry']);

/** E0277: a user type used as a hash key must implement `Hash` (and `Eq`, checked first by rustc). */
function keyNotHash(cx: Cx, key: Ty, at: Span): void {
  const trait = lacksTrait(cx, key, 'Eq') ? 'Eq' : lacksTrait(cx, key, 'Hash') ? 'Hash' : null;
  if (trait === null) return;
  const shown = showTy(cx.table.deep(key), cx.table.showVar);
  cx.findings.error('typeck', at, 'E0277', `the trait bound \`${shown}: ${trait}\` is not satisfied`);
}

/** E0277: a fn item or closure handed to `spawn`, which takes a future. */
function notAFuture(cx: Cx, t: Ty, arg: Expr): void {
  const shown =
    arg.kind === 'PathExpr' ? `${showTy(cx.table.deep(t), cx.table.showVar)} {${lastName(arg.path)}}` : 'closure';
  cx.findings.error('typeck', arg.span, 'E0277', `\`${shown}\` is not a future`);
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

function peelRefs(cx: Cx, t: Ty): Ty {
  let s = cx.resolved(t);
  while (s.k === 'ref') s = cx.resolved(s.inner);
  return s;
}

const EXPECTED_RESULT = new Set(['into', 'collect', 'sum', 'product']);

export function inferMethodCall(cx: Cx, e: MethodCallExpr): Ty {
  const recv = inferExpr(cx, e.receiver);
  checkReceiverTyped(cx, recv);
  const base = peelRefs(cx, recv);
  if (base.k === 'adt' && e.args.length === 0 && base.name === 'JoinSet' && e.method === 'spawn') {
    argCount(cx, e.methodSpan, 'method', 1, 0);
  }
  checkStdMutability(cx, e, recv);
  // Methods whose arguments constrain the receiver's type parameters.
  if (base.k === 'adt' && base.name === 'Vec' && e.method === 'push' && e.args.length === 1) {
    coerce(cx, inferExpr(cx, e.args[0]), base.args[0] ?? UNKNOWN, e.args[0]);
    return UNIT;
  }
  const fallbackOf = base.k === 'adt' && ['Option', 'Result'].includes(base.name) && !cx.items.adts.has(base.name);
  if (base.k === 'adt' && fallbackOf && e.method === 'unwrap_or' && e.args.length === 1) {
    // `unwrap_or(default)`: the default has the type of the value.
    const value = base.args[0] ?? UNKNOWN;
    coerce(cx, inferExpr(cx, e.args[0]), value, e.args[0]);
    return value;
  }
  const sent = base.k === 'adt' && !cx.items.adts.has(base.name) ? SENDERS[base.name] : undefined;
  if (base.k === 'adt' && sent !== undefined && e.method === 'send' && e.args.length === 1) {
    coerce(cx, inferExpr(cx, e.args[0]), base.args[0] ?? UNKNOWN, e.args[0]);
    const result = adt('Result', [UNIT, UNKNOWN]);
    return sent === 'async' ? { k: 'future', output: result, asyncBlock: false } : result;
  }
  if (base.k === 'adt' && base.name === 'JoinSet' && e.method.startsWith('spawn') && e.args.length === 1) {
    const arg = e.args[0];
    cx.spawnArgs.add(arg);
    if (e.method === 'spawn') cx.sendSites.push({ arg, at: arg.kind === 'AsyncBlock' ? e.methodSpan : arg.span });
  }
  if (base.k === 'adt' && base.name === 'JoinSet' && e.method === 'spawn' && e.args.length === 1) {
    const arg = e.args[0];
    const ft = cx.resolved(inferExpr(cx, arg));
    const want = base.args[0] ?? UNKNOWN;
    if (ft.k === 'fn') notAFuture(cx, ft, arg);
    else if (ft.k === 'future') {
      if (cx.table.compatible(ft.output, want)) cx.table.unify(ft.output, want);
      else {
        const show = cx.table.showVar;
        cx.findings.error(
          'typeck',
          arg.span,
          'E0271',
          `expected \`{async block}\` to be a future that resolves to \`${showTy(cx.table.deep(want), show)}\`, but it resolves to \`${showTy(cx.table.deep(ft.output), show)}\``,
        );
      }
    } else cx.table.escape(ft);
    return UNKNOWN;
  }
  const hinted = e.args.length > 0 ? closureParamsOf(cx, base, e.method) : null;
  const last = e.args[e.args.length - 1];
  if (hinted !== null && last?.kind === 'Closure') cx.closureParams.set(last, hinted);
  const args: Ty[] = [];
  for (const a of e.args) {
    // `fold(init, |acc, x| …)`: the accumulator has the type of `init`.
    if (a === last && hinted !== null && e.method === 'fold' && args[0] !== undefined) {
      cx.table.unify(hinted[0] ?? UNKNOWN, args[0]);
    }
    args.push(inferExpr(cx, a));
  }
  const typed = stdTyped(cx, base, e);
  if (typed !== null) {
    for (const a of args) cx.table.escape(a);
    return typed;
  }
  if (
    base.k === 'adt' &&
    HASHED.has(base.name) &&
    !cx.items.adts.has(base.name) &&
    KEYED.has(e.method) &&
    args[0] !== undefined
  )
    keyNotHash(cx, args[0], e.methodSpan);
  // Autoderef through std smart pointers (`Arc<Mutex<T>>` → `Mutex<T>`) until a std table knows it.
  for (let cur: Ty | null = base, i = 0; cur !== null && i < 6; i++, cur = derefStep(cx, cur)) {
    const step = cx.resolved(cur);
    if (step.k === 'adt' && cx.items.adts.has(step.name)) break;
    const std = stdMethod(step, e.method, args, cx.table);
    // The panic message of these prints the other variant's value: it must be Debug.
    if (step.k === 'adt' && step.name === 'Result') {
      const shown = RESULT_DEBUG_ARG[e.method];
      if (shown !== undefined) cx.debugSites.push({ ty: step.args[shown] ?? UNKNOWN, at: e.methodSpan });
    }
    if (std !== null) {
      for (const a of args) cx.table.escape(a);
      return std;
    }
  }
  const closed = closedMethods(cx, base);
  if (closed !== null && !closed.methods.includes(e.method) && !extensionTraits(cx)) {
    cx.findings.error(
      'typeck',
      e.methodSpan,
      'E0599',
      `no method named \`${e.method}\` found for ${closed.what} in the current scope`,
    );
    for (const a of args) cx.table.escape(a);
    return UNKNOWN;
  }
  const probe = probeMethod(cx, recv, e.method);
  if (probe.kind === 'user') {
    const sig = probe.found.sig;
    if (probe.found.args.size > 0) cx.instances.set(e, probe.found.args);
    if (sig.self === 'refMut') needsMutable(cx, e.receiver, probe.steps);
    if (sig.params.length === e.args.length) e.args.forEach((a, i) => coerce(cx, args[i], sig.params[i], a));
    else {
      for (const a of args) cx.table.escape(a);
      argCount(cx, e.methodSpan, 'method', sig.params.length, e.args.length);
    }
    return sig.isAsync ? { k: 'future', output: sig.ret, asyncBlock: false } : sig.ret;
  }
  if (probe.kind === 'missing') {
    const def = cx.items.adts.get(probe.on.name);
    const what = def?.kind === 'enum' ? 'enum' : 'struct';
    cx.findings.error(
      'typeck',
      e.methodSpan,
      'E0599',
      `no method named \`${e.method}\` found for ${what} \`${probe.on.name}\` in the current scope`,
      `method not found in \`${probe.on.name}\``,
    );
  }
  if (e.method === 'clone' && e.args.length === 0) {
    const s = peelRefs(cx, recv);
    if (s.k === 'adt' && cx.items.adts.get(s.name)?.derives.has('Clone')) return s;
  }
  if (e.method === 'to_string' && e.args.length === 0) return adt('String');
  // `x.into()` is whatever the context expects; the interpreter converts by the pair of types.
  // So are `collect()`, `sum()` and `product()`: the expected type picks the `FromIterator`/`Sum` impl.
  if (EXPECTED_RESULT.has(e.method) && e.args.length === 0 && e.turbofish === null) {
    return openResult(cx, cx.table.fresh(), e.methodSpan, 'E0283');
  }
  // A slice method never changes the element type, so an array's stays known (`for x in arr` copies).
  if (base.k !== 'array' && base.k !== 'slice') cx.table.escape(recv);
  for (const a of args) cx.table.escape(a);
  return UNKNOWN;
}

/** Named fields of a user struct type, with its type arguments applied; null when not one. */
export function structFields(cx: Cx, t: Ty): Map<string, Ty> | null {
  const s = cx.resolved(t);
  if (s.k !== 'adt' || cx.items.ambiguous.has(s.name)) return null;
  const def = cx.items.adts.get(s.name);
  if (def === undefined || def.item.kind !== 'Struct') return null;
  const map = new Map(def.generics.map((g, i) => [g, s.args[i] ?? UNKNOWN] as const));
  const saved = cx.generics;
  cx.generics = new Set(def.generics);
  const out = new Map<string, Ty>();
  const fields = def.item.fields;
  if (fields.kind === 'NamedFields') {
    for (const f of fields.fields)
      out.set(f.name, subst(lowerType(f.type, { ...cx.lowerEnv, fresh: () => UNKNOWN }), map));
  } else if (fields.kind === 'TupleFields') {
    fields.fields.forEach((f, i) =>
      out.set(String(i), subst(lowerType(f.type, { ...cx.lowerEnv, fresh: () => UNKNOWN }), map)),
    );
  }
  cx.generics = saved;
  return out;
}

export function inferField(cx: Cx, e: FieldExpr): Ty {
  const obj = inferExpr(cx, e.object);
  let cur: Ty | null = obj;
  for (let i = 0; cur !== null && i < 8; i++) {
    const fields = structFields(cx, cur);
    if (fields !== null) {
      const f = fields.get(e.name);
      if (f !== undefined) return f;
      const s = cx.resolved(cur);
      const deref = cx.items.impls.some(
        (im) => (im.blanket || (s.k === 'adt' && im.selfName === s.name)) && im.trait === 'Deref',
      );
      if (!deref && s.k === 'adt') {
        cx.findings.error(
          'typeck',
          e.nameSpan,
          'E0609',
          `no field \`${e.name}\` on type \`${showTy(cx.table.deep(s), cx.table.showVar)}\``,
        );
      }
      break;
    }
    cur = derefStep(cx, cur);
  }
  cx.table.escape(obj);
  return UNKNOWN;
}

export function inferStructLit(cx: Cx, e: StructExpr): Ty {
  const segs = e.path.segments;
  const name = lastName(e.path);
  let owner: Ty = UNKNOWN;
  if (segs.length === 1 && name === 'Self' && cx.selfTy !== null) owner = cx.selfTy;
  else if (segs.length === 1 && cx.items.adts.get(name)?.kind === 'struct' && !cx.items.ambiguous.has(name))
    owner = freshAdt(cx, name);
  else if (segs.length === 2 && cx.items.adts.get(segs[0]?.name ?? '')?.kind === 'enum')
    owner = freshAdt(cx, segs[0]?.name ?? '');
  else if (segs.length === 1 && !cx.openNames && !knownValueName(name, cx.items) && !cx.items.traits.has(name)) {
    cx.findings.error(
      'resolve',
      e.path.span,
      'E0422',
      `cannot find struct, variant or union type \`${name}\` in this scope`,
    );
  }
  const fields = segs.length === 1 ? structFields(cx, owner) : null;
  for (const f of e.fields) {
    const t = inferExpr(cx, f.value);
    const want = fields?.get(f.name);
    if (want !== undefined) coerce(cx, t, want, f.value);
    else cx.table.escape(t);
  }
  if (e.base) coerce(cx, inferExpr(cx, e.base), owner, e.base);
  else if (fields !== null && cx.items.adts.get(name)?.item.kind === 'Struct') missingFields(cx, e, name, fields);
  return owner;
}

/** E0063: a struct literal without `..base` must give every field. */
function missingFields(cx: Cx, e: StructExpr, name: string, fields: ReadonlyMap<string, Ty>): void {
  const given = new Set(e.fields.map((f) => f.name));
  const missing = [...fields.keys()].filter((f) => !given.has(f));
  if (missing.length === 0) return;
  const list =
    missing.length === 1
      ? `field \`${missing[0]}\``
      : `fields ${missing
          .slice(0, -1)
          .map((m) => `\`${m}\``)
          .join(', ')} and \`${missing[missing.length - 1]}\``;
  cx.findings.error('typeck', e.path.span, 'E0063', `missing ${list} in initializer of \`${name}\``);
}

/** Methods every type has (blanket impls of `Into`, `TryInto`, `Borrow`, `Any`, `ToOwned`…). */
const UNIVERSAL = ['into', 'try_into', 'borrow', 'borrow_mut', 'type_id', 'clone', 'to_owned'];
const FUTURE_METHODS = ['poll', 'into_future', ...UNIVERSAL];
const CLOSED: Record<string, readonly string[]> = {
  JoinHandle: ['abort', 'is_finished', 'abort_handle', 'id', ...FUTURE_METHODS],
  Sleep: ['deadline', 'is_elapsed', 'reset', ...FUTURE_METHODS],
  Timeout: ['get_ref', 'get_mut', 'into_inner', ...FUTURE_METHODS],
  // tokio 1.48's JoinSet and tokio-util 0.7.16's CancellationToken, with their trait methods.
  JoinSet: [...JOIN_SET_METHODS, 'extend', 'fmt', 'default', 'drop', ...UNIVERSAL],
  CancellationToken: [...TOKEN_METHODS, 'fmt', 'default', 'drop', ...UNIVERSAL],
};
/** How rustc names the type in E0599: with its declared parameters. */
const DECLARED: Record<string, string> = { JoinSet: 'JoinSet<T>' };

/** Receivers whose every method the checker knows: opaque futures and a few tokio types. */
function closedMethods(cx: Cx, base: Ty): { methods: readonly string[]; what: string } | null {
  const s = cx.resolved(base);
  const show = showTy(cx.table.deep(s), cx.table.showVar);
  if (s.k === 'future')
    return { methods: FUTURE_METHODS, what: s.asyncBlock ? `\`${show}\`` : `opaque type \`${show}\`` };
  if (s.k === 'adt' && CLOSED[s.name] !== undefined)
    return { methods: CLOSED[s.name] ?? [], what: `struct \`${DECLARED[s.name] ?? show}\`` };
  return null;
}

/** Could a trait the checker does not see add methods (a glob import, an `…Ext` trait, a blanket impl)? */
function extensionTraits(cx: Cx): boolean {
  if (cx.openNames || cx.items.impls.some((i) => i.blanket)) return true;
  // A user trait implemented for a std type adds methods to it.
  if (cx.items.impls.some((i) => i.trait !== null && i.selfName !== null && !cx.items.adts.has(i.selfName)))
    return true;
  for (const path of cx.items.imports.values()) if (/Ext$/.test(path) || path.startsWith('futures')) return true;
  return false;
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** E0061: a call with the wrong number of arguments (rustc points at the callee). */
function argCount(cx: Cx, at: Span, what: string, want: number, got: number): void {
  if (want === got) return;
  cx.findings.error(
    'typeck',
    at,
    'E0061',
    `this ${what} takes ${plural(want, 'argument')} but ${plural(got, 'argument')} ${got === 1 ? 'was' : 'were'} supplied`,
  );
}

/** Methods of std/tokio types that take `&mut self`. */
export const MUT_METHODS: Record<string, readonly string[]> = {
  Vec: [
    'push',
    'pop',
    'insert',
    'remove',
    'clear',
    'sort',
    'sort_by',
    'sort_by_key',
    'sort_unstable',
    'dedup',
    'truncate',
    'retain',
    'extend',
    'append',
    'drain',
    'reverse',
    'swap',
    'iter_mut',
  ],
  String: ['push', 'push_str', 'clear', 'insert', 'insert_str', 'truncate', 'pop', 'remove', 'extend'],
  HashMap: ['insert', 'remove', 'entry', 'clear', 'get_mut', 'retain', 'extend', 'values_mut', 'iter_mut'],
  BTreeMap: ['insert', 'remove', 'entry', 'clear', 'get_mut', 'retain', 'extend', 'values_mut', 'iter_mut'],
  HashSet: ['insert', 'remove', 'clear', 'retain', 'extend'],
  VecDeque: ['push_back', 'push_front', 'pop_back', 'pop_front', 'clear', 'extend'],
  JoinSet: [
    'spawn',
    'spawn_blocking',
    'join_next',
    'abort_all',
    'shutdown',
    'try_join_next',
    'detach_all',
    'join_next_with_id',
  ],
  'mpsc::Receiver': ['recv', 'try_recv', 'close', 'recv_many'],
  'mpsc::UnboundedReceiver': ['recv', 'try_recv', 'close', 'recv_many'],
  'oneshot::Sender': ['closed', 'poll_closed'],
  'oneshot::Receiver': ['try_recv', 'close'],
};

/** Pointers a `&mut self` call goes through with a `mut` binding (their `DerefMut`). */
const GUARDS = new Set(['std::sync::MutexGuard', 'tokio::sync::MutexGuard', 'Box']);

function checkStdMutability(cx: Cx, e: MethodCallExpr, recv: Ty): void {
  let cur: Ty | null = recv;
  for (let steps = 0; cur !== null && steps < 6; steps++) {
    const s = cx.resolved(cur);
    if (s.k === 'adt' && cx.items.adts.has(s.name)) return;
    if (s.k === 'adt' && MUT_METHODS[s.name]?.includes(e.method)) {
      if (e.receiver.kind === 'Field' && steps === 0) fieldNeedsMutable(cx, e.receiver);
      else needsMutable(cx, e.receiver, steps);
      return;
    }
    cur = derefStep(cx, s);
  }
}

/**
 * E0596 through struct fields (`self.items.push(x)` in a `&self` method): every step of the place
 * must be a field of a user struct, reached from a local directly or through one reference.
 */
function fieldNeedsMutable(cx: Cx, receiver: Expr): void {
  const names: string[] = [];
  let cur = receiver;
  while (cur.kind === 'Field') {
    const obj = cx.exprTy.get(cur.object);
    const o = obj === undefined ? null : cx.resolved(obj);
    const owner = o?.k === 'ref' ? cx.resolved(o.inner) : o;
    if (owner?.k !== 'adt' || !cx.items.adts.has(owner.name) || (o?.k === 'ref' && cur.object.kind !== 'PathExpr'))
      return;
    names.unshift(cur.name);
    cur = cur.object;
  }
  const local = cur.kind === 'PathExpr' ? cx.localOf.get(cur) : undefined;
  if (local === undefined) return;
  const t = cx.resolved(local.ty);
  const place = [local.name, ...names].join('.');
  if (t.k === 'ref' && !t.mut) {
    cx.findings.error(
      'borrowck',
      receiver.span,
      'E0596',
      `cannot borrow \`${place}\` as mutable, as it is behind a \`&\` reference`,
    );
  } else if (t.k === 'adt' && !local.mutable) {
    cx.findings.error(
      'borrowck',
      receiver.span,
      'E0596',
      `cannot borrow \`${place}\` as mutable, as \`${local.name}\` is not declared as mutable`,
    );
  }
}

/**
 * E0596: a `&mut self` method on a local that is not `mut` (directly or through a guard or
 * `Box`), or behind a shared reference. Anything else (an `Arc`, an unknown type) says nothing.
 */
function needsMutable(cx: Cx, receiver: Expr, steps: number): void {
  if (receiver.kind !== 'PathExpr') return;
  const local = cx.localOf.get(receiver);
  if (local === undefined) return;
  let t = cx.resolved(local.ty);
  for (let i = 0; i < steps; i++) {
    if (t.k === 'ref') {
      if (!t.mut) {
        cx.findings.error(
          'borrowck',
          receiver.span,
          'E0596',
          `cannot borrow \`*${local.name}\` as mutable, as it is behind a \`&\` reference`,
        );
      }
      return;
    }
    if (t.k !== 'adt' || !GUARDS.has(t.name)) return;
    const next = derefStep(cx, t);
    if (next === null) return;
    t = cx.resolved(next);
  }
  if (t.k === 'ref' || local.mutable) return;
  cx.findings.error(
    'borrowck',
    receiver.span,
    'E0596',
    `cannot borrow \`${local.name}\` as mutable, as it is not declared as mutable`,
  );
}
