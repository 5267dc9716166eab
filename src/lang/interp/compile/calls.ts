/**
 * Calls and method calls. Arguments are evaluated left to right in value mode (moved into the
 * callee). A method receiver is evaluated in place mode and then, depending on the method:
 * - `self` by value: moved out of its place (if the place owns it) — the callee consumes it;
 * - `&mut self` on a value that is replaced rather than mutated in place (a String, an Option, an
 *   integer): passed as a reference to the place so the method can write back;
 * - `&self`: looked at; an rvalue receiver stays a temporary of the statement.
 */
import type { Ty } from '../../types/ty.ts';
import { subst } from '../../types/cx.ts';
import { noteFallback } from '../fallbacks.ts';
import { isClosed, typedEnv, typedInt, typeSite } from './typed.ts';
import { genericAssocCall, genericDefault, receiverFrom, typeArgsAt } from './typed-generic.ts';
import type { CallExpr, Expr, MethodCallExpr, Type } from '../../syntax/ast.ts';
import { type IntType, isIntName } from '../../num/int-type.ts';
import { callValue, invoke } from '../call.ts';
import { type FnDef, type Method, Site } from '../defs.ts';
import { CTL, type Frame } from '../frame.ts';
import { findMethod, FOUND, isBuiltinMethodName } from '../std/tables.ts';
import { RArc } from '../std/sync.ts';
import { isArgTyped } from '../std/registry.ts';
import { userIter } from '../std/iter.ts';
import { userDeref } from '../std/user-deref.ts';
import { ITER } from '../std/iter-methods.ts';
import { deref, DROPPED, Owned, RChar, RefBase, REnum, type Value } from '../values.ts';
import { asGen, asResumable, type CE, gen, map1, resumable, seq, SUSPEND, sync } from './ce.ts';
import type { Container } from './pattern.ts';
import { isResumableScope, sleepThenYield, suspendsAfter } from '../tokio/blocking.ts';
import { blockingSite, isBlockingFn } from '../std/thread-block.ts';
import { BLOCKING_METHODS, callSuspending, maySuspend } from './blocking-fns.ts';
import { CONST_LEN_METHODS } from './const-lens.ts';
import { REPOINTING } from '../std/slice-repoint.ts';
import { RRange } from '../std/range.ts';
import { type Cx, fail } from './cx.ts';
import { bracketSite, compileExpr, compilePlaceRead, tempRead } from './expr.ts';
import { indexView } from '../std/index-ops.ts';
import { resolvePath, setTraitCall } from './paths.ts';
import { P, refTo } from './place.ts';
import type { IntCell } from '../intcell.ts';
import { nativeOrigin, typeFault } from '../type-fault.ts';
import { nameSpawnSite } from '../site-names.ts';

/** A spawn call's site carries the task name its syntax gives (compile/spawn-names.ts). */
function nameSite(cx: Cx, e: CallExpr | MethodCallExpr, site: Site): void {
  const name = cx.spawnNames.get(e);
  if (name !== undefined) nameSpawnSite(site, name);
}

function unifyParams(cx: Cx, args: CE[], params: (IntType | null)[] | undefined): void {
  if (!params) return;
  for (let i = 0; i < args.length && i < params.length; i++) {
    const t = params[i];
    if (t) cx.cells.unify(args[i].ic, cx.cells.of(t));
  }
}

export function compileCall(cx: Cx, e: CallExpr): CE {
  const site = Site.of(e.span);
  nameSite(cx, e, site);
  const args = e.args.map((a) => compileExpr(cx, a));
  const callee = e.callee;
  const generic = genericDefault(cx, e) ?? genericAssocCall(cx, e, args);
  if (generic !== null) return generic;
  if (callee.kind === 'PathExpr') {
    const r = resolvePath(cx, callee.path, callee.span);
    if (r.kind === 'fn') {
      const call = r.call;
      let ret: IntCell | null;
      if (r.user) {
        const def = r.user;
        const pi = paramInts.get(def);
        if (pi) {
          for (let i = 0; i < args.length && i < pi.length; i++) cx.cells.unify(args[i].ic, pi[i] ?? null);
        }
        ret = retInts.get(def) ?? null;
      } else {
        unifyParams(cx, args, r.params);
        ret = r.ret ? cx.cells.of(r.ret) : null;
      }
      site.int = ret;
      site.hint = turbofishHint(callee) ?? cx.hints.get(e) ?? null;
      if (!r.user && isArgTyped(call) && args.length > 0) {
        site.int = args[0].ic;
        if (e.args[0].kind === 'StrLit') site.hint ??= '&str';
      }
      const fnName = callee.path.segments[callee.path.segments.length - 1]?.name ?? '';
      typeSite(cx, e, site, fnName);
      // `Describe::describe(&9u8)`: the argument's type picks a std type's impl (callPrimOr)
      const arg0 = e.args[0] === undefined ? null : cx.facts.typeOf(e.args[0]);
      if (arg0 !== null && isClosed(arg0) && hasPrimImpl(cx, fnName)) {
        site.typed = typedEnv(cx);
        site.from = arg0;
      }
      const tyArgs = r.user ? typeArgsAt(cx, callee, site) : null;
      const c = callWith(
        args,
        tyArgs === null
          ? (_f, vals) => call(site, vals)
          : (f, vals) => {
              site.tyArgs = tyArgs(f);
              return call(site, vals);
            },
        ret,
      );
      if (suspendsAfter(cx.scope, call)) return gen(blockingSite(site, sleepThenYield(asGen(c))), c.ctl, ret);
      // a fn a thread may block in: its generator body runs inside this one (compile/blocking-fns.ts)
      if (r.user && maySuspend(r.user) && isResumableScope(cx.scope)) {
        const def = r.user;
        const vals = seq(args, (_f, xs) => xs, null);
        const vg = asGen(vals);
        return gen(
          function* (f: Frame) {
            const xs = yield* vg(f);
            if (xs === CTL) return CTL;
            if (tyArgs !== null) site.tyArgs = tyArgs(f);
            return yield* callSuspending(def, xs as unknown as Value[], site);
          },
          vals.ctl,
          ret,
        );
      }
      if (isBlockingFn(nativeOrigin(call)) && isResumableScope(cx.scope))
        return gen(blockingSite(site, asGen(c)), c.ctl, ret);
      return c;
    }
  }
  const fnv = compilePlaceRead(cx, callee);
  return seq([fnv, ...args], (_f, vals) => callValue(site, vals[0], vals.slice(1)));
}

/** A type as a hint string: `Vec`, `u64`, `HashMap`, `Result<Vec>` (first argument of Result/Option). */
export function typeHint(t: Type): string | null {
  if (t.kind === 'RefType' || t.kind === 'ParenType') return typeHint(t.inner);
  if (t.kind === 'TupleType') return t.elems.length === 0 ? '()' : null;
  if (t.kind !== 'PathType') return null;
  const last = t.path.segments[t.path.segments.length - 1];
  if ((last.name === 'Result' || last.name === 'Option') && last.args?.kind === 'AngleArgs') {
    const a = last.args.args[0];
    const inner = a && a.kind === 'TypeArg' ? typeHint(a.type) : null;
    return inner ? `${last.name}<${inner}>` : last.name;
  }
  if (t.path.segments.length > 1 && last.name !== 'Error') return t.path.segments.map((x) => x.name).join('::');
  return last.name;
}

/**
 * A method's turbofish type as a hint; unlike `typeHint` it keeps a reference (`&str`, no spaces or
 * lifetime), which `downcast_ref::<&str>()` must tell from `String`.
 */
function turbofishTypeHint(t: Type): string | null {
  if (t.kind !== 'RefType') return typeHint(t);
  const inner = typeHint(t.inner);
  return inner === null ? null : `&${inner}`;
}

/** Gives `e` (and what it unwraps) the expected type `h`. */
export function hintInto(cx: Cx, e: Expr, h: string | null): void {
  if (h === null) return;
  cx.hints.set(e, h);
  if (e.kind === 'MethodCall' && UNWRAPS.has(e.method)) hintInto(cx, e.receiver, h);
  else if (e.kind === 'Try' || e.kind === 'Await' || e.kind === 'Paren') hintInto(cx, e.expr, h);
}
const UNWRAPS = new Set(['unwrap', 'expect', 'unwrap_or', 'unwrap_or_default', 'unwrap_or_else']);

/** `Vec::<u64>::new()`, `"5".parse::<i32>()`: the first type argument, as written. */
function turbofishHint(callee: Expr): string | null {
  if (callee.kind !== 'PathExpr') return null;
  for (const s of callee.path.segments) {
    if (s.args && s.args.kind === 'AngleArgs') {
      const a = s.args.args[0];
      if (a && a.kind === 'TypeArg' && a.type.kind === 'PathType')
        return a.type.path.segments.map((x) => x.name).join('::');
    }
  }
  return null;
}

function callWith(args: CE[], done: (f: Frame, vals: Value[]) => Value, ic: IntCell | null): CE {
  const n = args.length;
  if (args.every((a) => a.s && !a.ctl)) {
    const codes = args.map((a) => a.s!);
    if (n === 0) return sync((f) => done(f, []), false, ic);
    if (n === 1) {
      const a = codes[0];
      return sync((f) => done(f, [a(f)]), false, ic);
    }
    if (n === 2) {
      const a = codes[0];
      const b = codes[1];
      return sync(
        (f) => {
          const x = a(f);
          return done(f, [x, b(f)]);
        },
        false,
        ic,
      );
    }
  }
  return seq(args, done, ic);
}

/** Per-function integer cells of parameters and return values (filled by the item compiler). */
export const paramInts = new WeakMap<object, (IntCell | null)[]>();
export const retInts = new WeakMap<object, IntCell | null>();

/** `split_off_first` and its kin re-point a slice variable: they need its place (std/slice-repoint.ts). */
function repoints(name: string, args: Value[]): boolean {
  return REPOINTING.has(name) && (name !== 'split_off' || deref(args[1]) instanceof RRange);
}

/** Values replaced (not mutated) by `&mut self` methods need a reference to their place. */
function needsPlace(v: Value): boolean {
  // a char is an immutable object here, replaced like a primitive (`c.make_ascii_uppercase()`)
  return typeof v !== 'object' || v instanceof REnum || v instanceof RChar;
}

/**
 * A user trait's method on a std receiver whose impls the shared method tables cannot tell apart
 * (`impl Describe for u8` and `for i32`, `for &str` and `for String`): the checker's receiver type
 * (`site.from`, resolved per call inside generic code) picks the impl, which items.ts registered
 * under the exact type's name (`u8::describe`).
 */
function primImpl(site: Site, name: string): FnDef | undefined {
  if (site.from === null) noteFallback('primImpl', site.line, site.col);
  let t = site.from;
  while (t?.k === 'ref') t = t.inner;
  const key =
    t === null
      ? null
      : t.k === 'int' || t.k === 'float'
        ? t.name
        : t.k === 'str'
          ? 'str'
          : t.k === 'adt'
            ? t.name
            : null;
  const def = key === null ? undefined : site.typed?.fnItem(`${key}::${name}`);
  return def?.selfMode === 'ref' ? def : undefined;
}

/** The checker's type for the `impl` target being compiled (`u8`, `str`, `String`, `Point`), or null. */
function selfTyIn(cx: Cx): Ty | null {
  const name = cx.selfType;
  if (name === null) return null;
  const it = cx.item(name);
  if (it?.kind === 'struct' || it?.kind === 'enum') return { k: 'adt', name, args: [] };
  if (isIntName(name)) return { k: 'int', name };
  if (name === 'f32' || name === 'f64') return { k: 'float', name };
  if (name === 'str' || name === 'bool' || name === 'char') return { k: name };
  return name === 'String' ? { k: 'adt', name, args: [] } : null;
}

const primNames = new WeakMap<Cx, ReadonlySet<string>>();

/** Does the program implement a trait method `name` for some std type? (Items are all registered before bodies compile.) */
function hasPrimImpl(cx: Cx, name: string): boolean {
  let names = primNames.get(cx);
  if (names === undefined) {
    const set = new Set<string>();
    for (const [k, it] of cx.items) if (it.kind === 'fn' && k.includes('::')) set.add(k.slice(k.lastIndexOf('::') + 2));
    names = set;
    primNames.set(cx, names);
  }
  return names.has(name);
}

function callPrimOr(site: Site, name: string, r: Value, c: Value[] | RefBase | null, k: number, args: Value[]): Value {
  // A generic impl for a std type (`impl<T: Describe> Describe for Vec<T>`): its frame carries the
  // `T` of the receiver's type, so the elements' own impls answer inside it.
  let t = site.from;
  while (t?.k === 'ref') t = t.inner;
  const tys = t === null || site.typed === null ? null : site.typed.facts.implArgs(t, name);
  if (tys !== null && tys.size > 0) site.tyArgs = tys;
  const def = primImpl(site, name);
  if (def === undefined) return callMethod(site, name, r, c, k, args);
  args[0] = deref(r);
  return invoke(def, args, site);
}

/** Calls method `name` on receiver `r` read from place (c, k). */
export function callMethod(
  site: Site,
  name: string,
  r: Value,
  c: Value[] | RefBase | null,
  k: number,
  args: Value[],
): Value {
  const m: Method | undefined = findMethod(r, name);
  if (!m) {
    // autoderef through a user `Deref`; a `&mut self` method goes through `DerefMut`
    const target = userDeref(r, site, false);
    if (target !== undefined) {
      const mutable = findMethod(target, name)?.selfMode === 'refMut';
      const t = mutable ? (userDeref(r, site, true) ?? target) : target;
      return callMethod(site, name, t, null, 0, args);
    }
    // a user type implementing Iterator gets every iterator method
    const it = userIter(deref(r));
    const im = it ? ITER.get(name) : undefined;
    if (it && im) {
      args[0] = it;
      return im.call(site, args);
    }
    return typeFault(site, `no method named \`${name}\` found for this value`, 'E0599');
  }
  const via = FOUND.via;
  // `self: Rc<Self>` / `self: &Arc<Self>`: the pointer the value was found through
  let self = m.user?.selfPtr === true && via instanceof RArc ? via : FOUND.self;
  const mode = m.selfMode;
  if (mode === 'value') {
    if (self === r && r instanceof Owned && r.o !== null && r.o === c && r.oi === k) r.o = null;
  } else if (mode === 'refMut' && repoints(name, args)) {
    // the variable holding the slice reference, not the slice it points to
    self = refTo(c, k, self);
  } else if (mode === 'refMut' && needsPlace(self)) {
    self = via ?? refTo(c instanceof RefBase ? c : c, k, self);
  } else if (mode === 'refMut' && m.user && self instanceof REnum) {
    self = via ?? refTo(c, k, self);
  }
  args[0] = self;
  const out = m.call(site, args);
  if (mode === 'value' && !m.user && self instanceof Owned && self.o === null && out !== self) self.o = DROPPED;
  return out;
}

/**
 * `x.a().b().c()…` nests through the receivers; it is compiled from the innermost call outwards in
 * a loop, so a chain of thousands of calls never deepens the host's stack.
 */
export function compileMethodCall(cx: Cx, e: MethodCallExpr): CE {
  const spine: MethodCallExpr[] = [e];
  for (let x = e.receiver; x.kind === 'MethodCall'; x = x.receiver) spine.push(x);
  const first = spine[spine.length - 1];
  const inner = first.receiver;
  // a `&mut self` method on a field reached through a user `DerefMut` runs `deref_mut`
  const mutable = cx.facts.mutReceiver(first);
  let recv = writesThroughSlice(first)
    ? compileSliceView(cx, inner)
    : typedInt(cx, inner, compilePlaceRead(cx, inner, mutable));
  for (let i = spine.length - 1; ; i--) {
    const out = compileCallOn(cx, spine[i], recv);
    if (i === 0) return out;
    recv = tempRead(cx, out);
  }
}

/** Slice methods that write their receiver: `v[a..b].sort()` must reach `v`'s slots. */
const SLICE_WRITERS = new Set([
  'sort',
  'sort_unstable',
  'sort_by',
  'sort_unstable_by',
  'sort_by_key',
  'sort_unstable_by_key',
  'sort_by_cached_key',
  'reverse',
  'fill',
  'fill_with',
  'swap',
  'copy_from_slice',
  'clone_from_slice',
  'rotate_left',
  'rotate_right',
  'iter_mut',
  'chunks_mut',
  'chunks_exact_mut',
  'rchunks_mut',
  'split_at_mut',
  'split_first_mut',
  'split_last_mut',
  'first_mut',
  'last_mut',
  'get_mut',
  'select_nth_unstable',
  'swap_with_slice',
]);

function writesThroughSlice(e: MethodCallExpr): boolean {
  const r = e.receiver.kind === 'Paren' ? e.receiver.expr : e.receiver;
  return SLICE_WRITERS.has(e.method) && r.kind === 'Index' && r.index.kind === 'Range';
}

/** `v[a..b]` as a view of `v`'s slots (the receiver of a method in SLICE_WRITERS). */
function compileSliceView(cx: Cx, e: Expr): CE {
  const x = e.kind === 'Paren' ? e.expr : e;
  if (x.kind !== 'Index') return compilePlaceRead(cx, e);
  const base = compilePlaceRead(cx, x.object);
  const idx = compileExpr(cx, x.index);
  const site = bracketSite(x);
  const arraySite = Site.of(x.span);
  return seq(
    [base, idx],
    (_f, [b, i]) => {
      const v = indexView(b, i, site, arraySite);
      P.c = null;
      return v;
    },
    base.elem ?? null,
  );
}

/** The `N` of `first_chunk::<N>` and its kin, passed to the native as one more argument. */
function constLenArg(cx: Cx, e: MethodCallExpr): CE {
  const n = cx.constLens.get(e);
  if (n === undefined)
    return fail(
      e.methodSpan,
      `the length \`N\` of \`${e.method}\` is not written where the interpreter can see it`,
      `write it as a turbofish: \`${e.method}::<2>()\``,
    );
  return sync(() => n);
}

function compileCallOn(cx: Cx, e: MethodCallExpr, recv: CE): CE {
  const site = Site.of(e.methodSpan, recv.ic);
  const out = compileCallOnInner(cx, e, recv, site);
  if (!BLOCKING_METHODS.has(e.method) || !isResumableScope(cx.scope)) return out;
  // in a closure a std thread may run: the call suspends the thread while it blocks
  return gen(blockingSite(site, asGen(out)), out.ctl, out.ic, out.elem ?? null);
}

function compileCallOnInner(cx: Cx, e: MethodCallExpr, recv: CE, site: Site): CE {
  if (!isBuiltinMethodName(e.method) && !userMethodNames(cx).has(e.method)) {
    return fail(e.methodSpan, `the method \`${e.method}\` is not supported`);
  }
  const args = e.args.map((a) => compileExpr(cx, a));
  const name = e.method;
  if (CONST_LEN_METHODS.has(name)) args.push(constLenArg(cx, e));
  nameSite(cx, e, site);
  const mi = cx.methodInts.get(name);
  const ret = methodResultInt(cx, name, recv.ic) ?? (mi ? cx.cells.of(mi) : null);
  if (e.turbofish && e.turbofish[0]?.kind === 'TypeArg') site.hint = turbofishTypeHint(e.turbofish[0].type);
  else site.hint = cx.hints.get(e) ?? null;
  let openFrom = typeSite(cx, e, site, name);
  const prim = hasPrimImpl(cx, name);
  if (prim) {
    site.typed = typedEnv(cx);
    // A trait's default body is compiled once per impl: in the copy for `u8`, `Self` is `u8`.
    const self = selfTyIn(cx);
    const bySelf = (t: Ty | null): Ty | null => (t === null || self === null ? t : subst(t, new Map([['Self', self]])));
    const from = bySelf(cx.facts.typeOf(e.receiver));
    if (from !== null && isClosed(from)) site.from = from;
    openFrom = bySelf(openFrom);
    if (openFrom !== null && isClosed(openFrom)) openFrom = null;
  }
  if (openFrom !== null && (e.args.length === 0 || name === 'hash' || prim) && recv.s !== null)
    recv = receiverFrom(site, openFrom, recv.s, recv);
  // A method's type arguments are fixed by its receiver's type, known where the checker closed it.
  void typeArgsAt(cx, e, site);
  const n = args.length;
  const call = prim ? callPrimOr : callMethod;
  if (recv.s && !recv.ctl && args.every((a) => a.s && !a.ctl)) {
    const rs = recv.s;
    const codes = args.map((a) => a.s!);
    if (n === 0) {
      return sync(
        (f) => {
          const r = rs(f);
          return call(site, name, r, P.c, P.k, [undefined]);
        },
        false,
        ret,
      );
    }
    if (n === 1) {
      const a0 = codes[0];
      return sync(
        (f) => {
          const r = rs(f);
          const c = P.c;
          const k = P.k;
          const x = a0(f);
          return call(site, name, r, c, k, [undefined, x]);
        },
        false,
        ret,
      );
    }
    return sync(
      (f) => {
        const r = rs(f);
        const c = P.c;
        const k = P.k;
        const vals = new Array<Value>(n + 1);
        for (let i = 0; i < n; i++) vals[i + 1] = codes[i](f);
        return call(site, name, r, c, k, vals);
      },
      false,
      ret,
    );
  }
  const rg = recv.g;
  const rs = recv.s;
  const ctl = recv.ctl || args.some((a) => a.ctl);
  if (!rg && !args.some((a) => a.g)) {
    return sync(
      (f) => {
        const r = rs!(f);
        if (r === CTL) return CTL;
        const c = P.c;
        const k = P.k;
        const vals = new Array<Value>(n + 1);
        for (let i = 0; i < n; i++) {
          const v = args[i].s!(f);
          if (v === CTL) return CTL;
          vals[i + 1] = v;
        }
        return call(site, name, r, c, k, vals);
      },
      ctl,
      ret,
    );
  }
  if (rg && !args.some((a) => a.g || a.ctl)) {
    // Only the receiver suspends (`h.await.unwrap()`): a map over it, which `.await` fuses into itself.
    return map1(
      recv,
      (f, r) => {
        const c = P.c;
        const k = P.k;
        const vals = new Array<Value>(n + 1);
        for (let i = 0; i < n; i++) vals[i + 1] = args[i].s!(f);
        return call(site, name, r, c, k, vals);
      },
      ret,
      ctl,
    );
  }
  // An argument suspends: a state machine. While it is suspended, hidden slots keep the receiver
  // with the place it was read from, the arguments so far and the one it stopped in.
  const hidden = (): number => cx.scope.hidden();
  const rr = asResumable(recv, hidden);
  const ar = args.map((a) => asResumable(a, hidden));
  const valsAt = hidden();
  const recvAt = hidden();
  const placeAt = hidden();
  const keyAt = hidden();
  const argAt = hidden();
  return resumable(
    (f: Frame) => {
      const s = f.s;
      let vals = s[valsAt] as Value[] | undefined;
      let r: Value;
      let c: Container;
      let k: number;
      let i = 0;
      if (vals === undefined) {
        r = rr(f);
        if (r === SUSPEND || r === CTL) return r;
        c = P.c;
        k = P.k;
        vals = new Array<Value>(n + 1);
      } else {
        r = s[recvAt];
        c = s[placeAt] as Container;
        k = s[keyAt] as number;
        i = s[argAt] as number;
        s[valsAt] = s[recvAt] = s[placeAt] = s[keyAt] = s[argAt] = undefined;
      }
      for (; i < n; i++) {
        const v = ar[i](f);
        if (v === SUSPEND) {
          s[valsAt] = vals;
          s[recvAt] = r;
          s[placeAt] = c as Value;
          s[keyAt] = k;
          s[argAt] = i;
          return SUSPEND;
        }
        if (v === CTL) return CTL;
        vals[i + 1] = v;
      }
      return call(site, name, r, c, k, vals);
    },
    ctl,
    ret,
  );
}

/** Integer results of common methods, so `v.len() - 1` checks like usize arithmetic. */
function methodResultInt(cx: Cx, name: string, recvIc: IntCell | null): IntCell | null {
  switch (name) {
    case 'len':
    case 'count':
    case 'capacity':
    case 'strong_count':
    case 'weak_count':
    case 'available_permits':
      return cx.cells.named('usize');
    case 'as_millis':
    case 'as_micros':
    case 'as_nanos':
      return cx.cells.named('u128');
    case 'as_secs':
      return cx.cells.named('u64');
    // `Hasher::finish` and `BuildHasher::hash_one`, unless the program has its own method of that name
    case 'finish':
    case 'hash_one':
      return cx.methodInts.has(name) ? null : cx.cells.named('u64');
    case 'subsec_millis':
    case 'subsec_micros':
    case 'subsec_nanos':
      return cx.cells.named('u32');
    case 'abs':
    case 'pow':
    case 'min':
    case 'max':
    case 'clamp':
    case 'wrapping_add':
    case 'wrapping_sub':
    case 'wrapping_mul':
    case 'saturating_add':
    case 'saturating_sub':
    case 'saturating_mul':
    case 'rem_euclid':
    case 'div_euclid':
    case 'clone':
    case 'signum':
    case 'rotate_left':
    case 'rotate_right':
    case 'swap_bytes':
    case 'reverse_bits':
    case 'wrapping_neg':
    case 'wrapping_pow':
    case 'saturating_pow':
    case 'wrapping_div':
    case 'wrapping_rem':
    case 'wrapping_shl':
    case 'wrapping_shr':
    case 'isqrt':
    case 'midpoint':
    case 'div_ceil':
    case 'next_power_of_two':
      return recvIc;
    default:
      return null;
  }
}

/** `Trait::method(x, …)` / `<T as Trait>::method(x, …)`: dispatch on the first argument. */
setTraitCall((name, site, args, exact) => {
  if (args.length === 0) return typeFault(site, `\`${name}\` needs a receiver`, 'E0599');
  const r = args[0];
  const vals = args.slice();
  return exact === true ? callMethod(site, name, r, null, 0, vals) : callPrimOr(site, name, r, null, 0, vals);
});

const userNames = new WeakMap<Cx, Set<string>>();
/** Names of every method the program's own impls and traits define. */
function userMethodNames(cx: Cx): Set<string> {
  let set = userNames.get(cx);
  if (!set) {
    set = new Set();
    for (const it of cx.items.values()) {
      if (it.kind === 'struct' || it.kind === 'enum') for (const k of it.def.methods.keys()) set.add(k);
      if (it.kind === 'trait') for (const k of it.def.names) set.add(k);
    }
    for (const t of cx.ext.values()) for (const k of t.keys()) set.add(k);
    userNames.set(cx, set);
  }
  return set;
}
