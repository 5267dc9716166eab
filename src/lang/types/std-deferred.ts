/**
 * std APIs whose types are only known once the body is inferred, checked at the end:
 * - `str::parse` returns `Result<T, T::Err>`: `T` comes from the context (E0284 when nothing fixes
 *   it) and the error type from `T` (`ParseIntError` for integers…);
 * - `?` converts the error with `From`: `?` on a `ParseIntError` in a fn returning
 *   `Result<_, String>` has no conversion (E0277);
 * - `sum()`/`product()` into `N` need `N: Sum<Item>` (E0277 when the element type differs).
 * Slice iterators are typed (`Iter<&T>`) so `find`, `sum`, `max` and friends give their item type.
 * Sites the checker cannot decide (an unresolved or unknown type) are left alone.
 */
import type { MethodCallExpr, Span } from '../syntax/ast.ts';
import type { Cx } from './cx.ts';
import type { Located } from '../diagnostics.ts';
import { UNKNOWN, adt, intTy, refTy, showTy, type AdtTy, type Ty } from './ty.ts';
import { lowerType } from './lower.ts';

interface ParseSite {
  readonly target: Ty;
  readonly err: Ty;
  readonly at: Span;
}
interface TrySite {
  readonly err: Ty;
  readonly into: Ty;
  readonly at: Located;
}
interface SumSite {
  readonly result: Ty;
  readonly item: Ty;
  readonly method: string;
  readonly at: Span;
}

/** A result only the context can type (`collect()`, `into()`, `sum()`, `Default::default()`). */
interface OpenSite {
  readonly result: Ty;
  readonly at: Span;
  /** E0283 (a trait picks the impl: `FromIterator`, `Into`, `Sum`), E0790 (`Default::default()`). */
  readonly code: 'E0283' | 'E0790';
}

/** `iter.collect()` into a collection whose element type must be the item (`Vec<T>` from `T`s). */
interface CollectSite {
  readonly result: Ty;
  readonly item: Ty;
}

interface Deferred {
  collects: CollectSite[];
  parses: ParseSite[];
  tries: TrySite[];
  sums: SumSite[];
  opens: OpenSite[];
  /** Open results already reported (used as a method receiver while still untyped: E0282). */
  reported: Set<OpenSite>;
}

const sites = new WeakMap<Cx, Deferred>();

function deferred(cx: Cx): Deferred {
  let d = sites.get(cx);
  if (d === undefined) {
    d = { collects: [], parses: [], tries: [], sums: [], opens: [], reported: new Set() };
    sites.set(cx, d);
  }
  return d;
}

/** `s.parse()` / `s.parse::<T>()` on a `str` or `String`. */
export function parseCall(cx: Cx, e: MethodCallExpr): Ty {
  const fish = e.turbofish?.[0];
  const target = fish?.kind === 'TypeArg' ? cx.lower(fish.type) : cx.table.fresh();
  const err = cx.table.fresh();
  deferred(cx).parses.push({ target, err, at: e.methodSpan });
  return adt('Result', [target, err]);
}

/** A result whose type only the context gives; checked once the bodies are inferred. */
export function openResult(cx: Cx, result: Ty, at: Span, code: OpenSite['code']): Ty {
  deferred(cx).opens.push({ result, at, code });
  return result;
}

/**
 * `recv.method()` on a receiver that is an open result nothing has typed yet: rustc needs the type
 * at this point and reports E0282 there (at the binding that holds it).
 */
export function checkReceiverTyped(cx: Cx, recv: Ty): void {
  const r = cx.resolved(recv);
  if (r.k !== 'var' || cx.table.kindOf(r.id) !== 'general') return;
  const d = sites.get(cx);
  const open = d?.opens.find((o) => {
    const t = cx.resolved(o.result);
    return t.k === 'var' && t.id === r.id && o.code === 'E0283';
  });
  if (d === undefined || open === undefined || d.reported.has(open)) return;
  d.reported.add(open);
  annotationsNeeded(cx, r, open.at, 'E0282');
}

/** `expr?` where both the operand and the body's return type are `Result`s. */
export function tryConversion(cx: Cx, err: Ty, into: Ty, at: Located): void {
  deferred(cx).tries.push({ err, into, at });
}

const ITER = 'std::slice::Iter';

/** The iterator type of `v.iter()` on a `Vec`, array or slice (its item is `&T`). */
export function sliceIter(cx: Cx, base: Ty, method: string): Ty | null {
  const s = cx.resolved(base);
  const elem =
    s.k === 'adt' && s.name === 'Vec' && !cx.items.adts.has('Vec')
      ? s.args[0]
      : s.k === 'array' || s.k === 'slice'
        ? s.elem
        : undefined;
  if (elem === undefined || (method !== 'iter' && method !== 'iter_mut')) return null;
  return adt(ITER, [refTy(elem, method === 'iter_mut')]);
}

/** The iterators over a string's pieces (`s.split(' ')`, `s.lines()`): their items are `&str`. */
const STR_PIECES = new Set([
  'Split',
  'SplitWhitespace',
  'SplitAsciiWhitespace',
  'SplitN',
  'RSplitN',
  'SplitTerminator',
  'RSplit',
  'Lines',
]);

/** The item of a typed iterator, or null for any other type. */
export function iterItemOf(cx: Cx, t: Ty): Ty | null {
  const s = cx.resolved(t);
  if (s.k !== 'adt') return null;
  if (s.name === ITER) return s.args[0] ?? UNKNOWN;
  if (cx.items.adts.has(s.name)) return null;
  const base = s.name.split('::').pop() ?? '';
  if (STR_PIECES.has(base)) return refTy({ k: 'str' });
  if (base === 'Chars') return { k: 'char' };
  return null;
}

function deref(cx: Cx, t: Ty): Ty {
  const s = cx.resolved(t);
  return s.k === 'ref' ? s.inner : UNKNOWN;
}

/** Collections that `collect()` fills with the iterator's items as they are. */
const ELEMENT_COLLECTIONS = new Set(['Vec', 'VecDeque', 'HashSet', 'BTreeSet', 'BinaryHeap', 'LinkedList']);

/** std iterators whose item the checker does not track; `map` on them still gives a typed iterator. */
const UNTYPED_ITERATORS = new Set([
  'Split',
  'SplitWhitespace',
  'SplitN',
  'SplitTerminator',
  'RSplit',
  'Lines',
  'Chars',
  'Bytes',
  'CharIndices',
  'IntoIter',
  'Keys',
  'Values',
  'Iter',
  'Range',
  'RangeInclusive',
]);

/**
 * `iter.map(f)`: a typed iterator of what `f` returns; a function path (`map(C::Spawn)`) takes the
 * item as its argument.
 */
function mapped(cx: Cx, self: Ty, item: Ty | null, e: MethodCallExpr): Ty | null {
  const s = cx.resolved(self);
  const untyped = s.k === 'adt' && UNTYPED_ITERATORS.has(s.name.split('::').pop() ?? '') && !cx.items.adts.has(s.name);
  if (item === null && !untyped) return null;
  const arg = e.args[0];
  const f = arg === undefined || e.args.length !== 1 ? undefined : cx.exprTy.get(arg);
  const ft = f === undefined ? null : cx.resolved(f);
  if (ft?.k !== 'fn' || ft.params.length !== 1) return null;
  if (item !== null && cx.table.compatible(ft.params[0], item)) cx.table.unify(ft.params[0], item);
  return adt(ITER, [ft.ret]);
}

/** `iter.collect()`: the context's collection (or the turbofish's), whose elements are the items. */
function collected(cx: Cx, item: Ty, e: MethodCallExpr): Ty | null {
  if (e.args.length !== 0) return null;
  const fish = e.turbofish?.[0];
  if (fish !== undefined && fish.kind !== 'TypeArg') return null;
  const result = fish === undefined ? openResult(cx, cx.table.fresh(), e.methodSpan, 'E0283') : cx.lower(fish.type);
  deferred(cx).collects.push({ result, item });
  return result;
}

/** The item a collection is collected from: `T` for `Vec<T>`, `Result<T, E>` for `Result<Vec<T>, E>`. */
function collectedItem(cx: Cx, result: Ty): Ty | null {
  const r = cx.resolved(result);
  if (r.k !== 'adt' || cx.items.adts.has(r.name)) return null;
  if (ELEMENT_COLLECTIONS.has(r.name)) return r.args[0] ?? null;
  const [k, v] = r.args;
  if ((r.name === 'HashMap' || r.name === 'BTreeMap') && k !== undefined && v !== undefined)
    return { k: 'tuple', elems: [k, v] };
  const inner = r.args[0] === undefined ? null : collectedItem(cx, r.args[0]);
  if (inner === null) return null;
  if (r.name === 'Option') return adt('Option', [inner]);
  if (r.name === 'Result' && r.args[1] !== undefined) return adt('Result', [inner, r.args[1]]);
  return null;
}

/** Methods of a typed iterator; null (unknown) for the rest. */
export function iterMethod(cx: Cx, self: Ty, e: MethodCallExpr): Ty | null {
  const item = iterItemOf(cx, self);
  if (e.method === 'map') return mapped(cx, self, item, e);
  if (item === null) return null;
  switch (e.method) {
    case 'collect':
      return collected(cx, item, e);
    case 'find':
    case 'next':
    case 'last':
    case 'min':
    case 'max':
    case 'nth':
      return adt('Option', [item]);
    case 'filter':
    case 'rev':
    case 'skip':
    case 'take':
    case 'step_by':
      return self;
    case 'copied':
    case 'cloned':
      return adt(ITER, [deref(cx, item)]);
    case 'count':
      return intTy('usize');
    case 'any':
    case 'all':
      return { k: 'bool' };
    case 'position':
      return adt('Option', [intTy('usize')]);
    case 'enumerate':
      return adt(ITER, [{ k: 'tuple', elems: [intTy('usize'), item] }]);
    case 'sum':
    case 'product': {
      if (e.turbofish !== null) return null;
      const result = cx.table.fresh();
      deferred(cx).sums.push({ result, item, method: e.method, at: e.methodSpan });
      return openResult(cx, result, e.methodSpan, 'E0283');
    }
    default:
      return null;
  }
}

/** Adapters whose closure takes the item (`map(|x| …)`) or a reference to it (`filter(|x| …)`). */
const TAKES_ITEM = new Set(['map', 'for_each', 'inspect', 'any', 'all', 'position', 'filter_map', 'flat_map']);
const TAKES_REF = new Set(['filter', 'find', 'take_while', 'skip_while', 'max_by_key', 'min_by_key']);

/**
 * The parameter types of the closure passed to `self.method(…)` on a typed iterator, so that
 * `v.iter().map(|x| x * 10_000_000_000)` types `x` as `&u64` and the literal as `u64`; null when
 * the checker does not know the iterator or the adapter.
 */
export function closureParamsOf(cx: Cx, self: Ty, method: string): readonly Ty[] | null {
  const held = heldValueParams(cx, self, method);
  if (held !== null) return held;
  const item = iterItemOf(cx, self);
  // the accumulator's type comes from `init` even when the items' type is not known
  if (FOLDS.has(method)) return [cx.table.fresh(), item ?? UNKNOWN];
  if (item === null) return null;
  if (TAKES_ITEM.has(method)) return [item];
  if (TAKES_REF.has(method)) return [refTy(item)];
  return null;
}

/** `Option<T>` / `Result<T, E>` methods whose (last) closure takes the `T`, a `&T`, or the `E`. */
const TAKES_VALUE = new Set(['map', 'and_then', 'is_some_and', 'is_none_or', 'is_ok_and', 'map_or', 'map_or_else']);
const TAKES_VALUE_REF = new Set(['filter', 'inspect']);
const TAKES_ERROR = new Set(['map_err', 'or_else', 'is_err_and', 'unwrap_or_else']);

/**
 * The closure parameter of an `Option`/`Result` combinator, so that `opt.and_then(|v| v.checked_sub(5))`
 * on an `Option<u32>` computes at `u32`; null for other receivers and methods.
 */
function heldValueParams(cx: Cx, self: Ty, method: string): readonly Ty[] | null {
  const s = cx.resolved(self);
  if (s.k !== 'adt' || (s.name !== 'Option' && s.name !== 'Result') || cx.items.adts.has(s.name)) return null;
  const value = s.args[0] ?? UNKNOWN;
  if (TAKES_VALUE.has(method)) return [value];
  if (TAKES_VALUE_REF.has(method)) return [refTy(value)];
  if (s.name === 'Result' && TAKES_ERROR.has(method)) return [s.args[1] ?? UNKNOWN];
  if (s.name === 'Result' && method === 'inspect_err') return [refTy(s.args[1] ?? UNKNOWN)];
  return null;
}

/** Consumers whose closure takes `(accumulator, item)`, the accumulator typed like `init`. */
export const FOLDS = new Set(['fold', 'rfold', 'try_fold', 'try_rfold']);

const PARSE_ERRORS: Record<string, string> = { int: 'ParseIntError', float: 'ParseFloatError' };

/** Error types that only convert into themselves, `Box<dyn Error>` and user types with a `From`. */
const STD_ERRORS = new Set([...Object.values(PARSE_ERRORS), 'ParseBoolError', 'ParseCharError', 'JoinError']);

function show(cx: Cx, t: Ty): string {
  return showTy(cx.table.deep(t), cx.table.showVar);
}

/** Can `?` certainly not turn the error `err` into `into`? */
function noConversion(cx: Cx, err: Ty, into: Ty): boolean {
  const e = cx.resolved(err);
  const i = cx.resolved(into);
  if (e.k !== 'adt' || !STD_ERRORS.has(e.name) || cx.items.adts.has(e.name)) return false;
  if (i.k === 'int' || i.k === 'bool' || i.k === 'char' || i.k === 'float') return true;
  if (i.k === 'ref') return cx.resolved(i.inner).k === 'str';
  if (i.k !== 'adt') return false;
  if (i.name === 'String' && !cx.items.adts.has('String')) return true;
  const def = cx.items.adts.get(i.name);
  if (def === undefined || cx.items.ambiguous.has(i.name)) return false;
  return !cx.items.impls.some((im) => im.trait === 'From' && (im.blanket || im.selfName === i.name));
}

/** std::net types whose `FromStr::Err` is `AddrParseError`. */
const ADDR_TYPES = new Set(['Ipv4Addr', 'IpAddr', 'SocketAddr']);

/** Runs the deferred checks; call once the bodies are inferred, before literal fallback. */
/** The `type Err` of the user type's `impl FromStr`, when the program has exactly one. */
function fromStrErr(cx: Cx, t: AdtTy): Ty | null {
  const impl = cx.items.impls.find((i) => i.selfName === t.name && i.trait === 'FromStr');
  const alias = impl?.item.items.find((it) => it.kind === 'TypeAlias' && it.name === 'Err');
  if (alias?.kind !== 'TypeAlias' || alias.type === null) return null;
  return lowerType(alias.type, { ...cx.lowerEnv, generics: new Set(), selfTy: t, fresh: () => UNKNOWN });
}

export function checkDeferred(cx: Cx): void {
  const d = sites.get(cx);
  if (d === undefined) return;
  // First, as rustc's inference does: the collection a `collect()` builds types its items, which
  // may be what fixes a `parse()` inside the closure before it (`.map(|s| s.parse().unwrap())`).
  for (const c of d.collects) {
    const want = collectedItem(cx, c.result);
    if (want !== null && cx.table.compatible(want, c.item)) cx.table.unify(want, c.item);
    // a collection this does not model (`String`, a user `FromIterator`): the items stay untyped
    else cx.table.escape(c.item);
  }
  for (const p of d.parses) {
    const t = cx.resolved(p.target);
    const errName = t.k === 'int' || t.k === 'float' ? PARSE_ERRORS[t.k] : undefined;
    const intVar = t.k === 'var' && cx.table.kindOf(t.id) === 'int';
    if (errName !== undefined || intVar) cx.table.unify(p.err, adt(errName ?? 'ParseIntError'));
    else if (t.k === 'bool') cx.table.unify(p.err, adt('ParseBoolError'));
    else if (t.k === 'adt' && ADDR_TYPES.has(t.name) && !cx.items.adts.has(t.name))
      cx.table.unify(p.err, adt('AddrParseError'));
    else if (t.k === 'adt' && cx.items.adts.has(t.name)) {
      // a user `impl FromStr`: its `type Err`
      const err = fromStrErr(cx, t);
      if (err !== null) cx.table.unify(p.err, err);
    } else if (t.k === 'var' && cx.table.kindOf(t.id) === 'general') annotationsNeeded(cx, t, p.at);
  }
  for (const o of d.opens) {
    const t = cx.resolved(o.result);
    if (d.reported.has(o) || t.k !== 'var' || cx.table.kindOf(t.id) !== 'general') continue;
    if (o.code === 'E0790') {
      cx.findings.error(
        'typeck',
        o.at,
        'E0790',
        'cannot call associated function on trait without specifying the corresponding `impl` type',
      );
    } else annotationsNeeded(cx, t, o.at, o.code);
  }
  for (const s of d.tries) {
    if (!noConversion(cx, s.err, s.into)) continue;
    cx.findings.error(
      'typeck',
      s.at,
      'E0277',
      `\`?\` couldn't convert the error to \`${show(cx, s.into)}\``,
      `the trait \`From<${show(cx, s.err)}>\` is not implemented for \`${show(cx, s.into)}\``,
    );
  }
  for (const s of d.sums) {
    const r = cx.resolved(s.result);
    const item = cx.resolved(s.item);
    const elem = item.k === 'ref' ? cx.resolved(item.inner) : item;
    const numeric = (t: Ty): t is Extract<Ty, { k: 'int' | 'float' }> => t.k === 'int' || t.k === 'float';
    if (!numeric(r) || !numeric(elem) || (r.k === elem.k && r.name === elem.name)) continue;
    const verb = s.method === 'sum' ? 'summing' : 'calculating the product of';
    cx.findings.error(
      'typeck',
      s.at,
      'E0277',
      `a value of type \`${r.name}\` cannot be made by ${verb} an iterator over elements of type \`${show(cx, item)}\``,
    );
  }
}

/** E0284 at the binding whose type nothing fixed (else at the `parse` call). */
function annotationsNeeded(
  cx: Cx,
  v: Extract<Ty, { k: 'var' }>,
  at: Span,
  code: 'E0282' | 'E0283' | 'E0284' = 'E0284',
): void {
  let where: Span = at;
  for (const l of cx.localOf.values()) {
    const t = cx.resolved(l.ty);
    if (t.k === 'var' && t.id === v.id && l.span.start < where.start) where = l.span;
  }
  cx.findings.error('typeck', where, code, 'type annotations needed');
}
