/**
 * Method calls: the user method the probe finds (method.ts) or the std tables' result type, with
 * rustc's E0599 for receivers whose methods the checker knows, and `&mut self` receivers that need `mut`.
 */
import { deferFromPick } from './from-picks.ts';
import type { Expr, MethodCallExpr, Span } from '../syntax/ast.ts';
import { JOIN_SET_METHODS, TOKEN_METHODS } from './std-closed.ts';
import type { Cx } from './cx.ts';
import { coerce, derefStep } from './coerce.ts';
import { inferExpr } from './expr.ts';
import { probeMethod } from './method.ts';
import { stdMethod } from './std-methods.ts';
import { lacksTrait } from './operators.ts';
import {
  closureParamsOf,
  FOLDS,
  iterMethod,
  openResult,
  parseCall,
  sliceIter,
  checkReceiverTyped,
} from './std-deferred.ts';
import { UNIT, UNKNOWN, adt, showTy, type Ty } from './ty.ts';
import { notAFuture, argCount } from './call-infer.ts';

/** `Result` methods that panic with the other variant's Debug: which type argument it is. */
const RESULT_DEBUG_ARG: Readonly<Record<string, number>> = { unwrap: 1, expect: 1, unwrap_err: 0, expect_err: 0 };

/** `parse`, slice iterators and their adapters: std methods typed with deferred checks. */
function stdTyped(cx: Cx, base: Ty, e: MethodCallExpr): Ty | null {
  const textual = base.k === 'str' || (base.k === 'adt' && base.name === 'String' && !cx.items.adts.has('String'));
  if (textual && e.method === 'parse' && e.args.length === 0) return parseCall(cx, e);
  return sliceIter(cx, base, e.method) ?? iterMethod(cx, base, e);
}

/** Channel senders whose `send(T)` the checker types: awaited (bounded mpsc) or not. */
const SENDERS: Record<string, 'async' | 'sync'> = { 'mpsc::Sender': 'async', 'mpsc::UnboundedSender': 'sync' };

const HASHED = new Set(['HashMap', 'HashSet']);

const KEYED = new Set(['insert', 'entry']);

/** E0277: a user type used as a hash key must implement `Hash` (and `Eq`, checked first by rustc). */
function keyNotHash(cx: Cx, key: Ty, at: Span): void {
  const trait = lacksTrait(cx, key, 'Eq') ? 'Eq' : lacksTrait(cx, key, 'Hash') ? 'Hash' : null;
  if (trait === null) return;
  const shown = showTy(cx.table.deep(key), cx.table.showVar);
  cx.findings.error('typeck', at, 'E0277', `the trait bound \`${shown}: ${trait}\` is not satisfied`);
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
    if (a === last && hinted !== null && FOLDS.has(e.method) && args[0] !== undefined) {
      cx.table.unify(hinted[0] ?? UNKNOWN, args[0]);
    }
    args.push(inferExpr(cx, a));
  }
  const typed = stdTyped(cx, base, e);
  if (typed !== null) {
    // `map`'s function is typed by the iterator it makes (its result is the items).
    if (e.method !== 'map') for (const a of args) cx.table.escape(a);
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
      // `n.wrapping_mul(3)`: the operand of these integer methods has the receiver's type
      const sameArg = step.k === 'int' && SAME_INT_ARG.has(e.method) && args.length === 1;
      if (sameArg && cx.table.unify(args[0], step)) return std;
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
    if (sig.self === 'refMut') {
      cx.mutReceivers.add(e);
      needsMutable(cx, e.receiver, probe.steps);
    }
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
  // `x.try_into()`: a `Result` whose `Ok` type the context gives (`let n: u8 = x.try_into()?`).
  if (e.method === 'try_into' && e.args.length === 0 && e.turbofish === null) {
    return adt('Result', [cx.table.fresh(), cx.table.fresh()]);
  }
  // `x.into()` is whatever the context expects; the interpreter converts by the pair of types.
  // So are `collect()`, `sum()` and `product()`: the expected type picks the `FromIterator`/`Sum` impl.
  if (EXPECTED_RESULT.has(e.method) && e.args.length === 0 && e.turbofish === null) {
    const result = cx.table.fresh();
    if (e.method === 'into') deferFromPick(cx, recv, result);
    return openResult(cx, result, e.methodSpan, 'E0283');
  }
  // A slice method never changes the element type, so an array's stays known (`for x in arr` copies).
  if (base.k !== 'array' && base.k !== 'slice') cx.table.escape(recv);
  for (const a of args) cx.table.escape(a);
  return UNKNOWN;
}

/** Integer methods whose one argument is of the receiver's own type. */
const SAME_INT_ARG = new Set([
  'wrapping_add',
  'wrapping_sub',
  'wrapping_mul',
  'saturating_add',
  'saturating_sub',
  'checked_add',
  'checked_sub',
  'checked_mul',
  'checked_div',
  'min',
  'max',
]);

/** Methods every type has (blanket impls of `Into`, `TryInto`, `Borrow`, `Any`, `ToOwned`…). */
const UNIVERSAL = ['into', 'try_into', 'borrow', 'borrow_mut', 'type_id', 'clone', 'to_owned'];

// `pin!(fut)` is typed as the future it pins (so it can be awaited), so `Pin`'s own methods are
// accepted on a future too: `fut.as_mut().poll(cx)` after `let mut fut = pin!(…)`.
const PIN_METHODS = ['as_mut', 'as_ref', 'set', 'get_mut', 'get_ref'];
const FUTURE_METHODS = ['poll', 'into_future', ...PIN_METHODS, ...UNIVERSAL];

const CLOSED: Record<string, readonly string[]> = {
  JoinHandle: ['abort', 'is_finished', 'abort_handle', 'id', ...FUTURE_METHODS],
  Sleep: ['deadline', 'is_elapsed', 'reset', ...FUTURE_METHODS],
  Timeout: ['get_ref', 'get_mut', 'into_inner', ...FUTURE_METHODS],
  // tokio 1.48's JoinSet and tokio-util 0.7.16's CancellationToken, with their trait methods.
  JoinSet: [...JOIN_SET_METHODS, 'extend', 'fmt', 'default', 'drop', ...UNIVERSAL],
  CancellationToken: [...TOKEN_METHODS, 'fmt', 'default', 'drop', ...UNIVERSAL],
  // tokio 1.48's JoinError, with Display's and std::error::Error's methods
  JoinError: [
    'is_cancelled',
    'is_panic',
    'into_panic',
    'try_into_panic',
    'id',
    'fmt',
    'to_string',
    'source',
    'description',
    'cause',
    ...UNIVERSAL,
  ],
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
  BinaryHeap: ['push', 'pop', 'peek_mut', 'clear', 'extend', 'append', 'drain', 'retain'],
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
      cx.mutReceivers.add(e);
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
