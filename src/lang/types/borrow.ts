/**
 * A small NLL-style borrow check inside one block, for the mistakes learners make with tasks and
 * collections:
 * - `let r = &v[0]; v.push(4); use(r)`: a shared borrow still live across a mutable one (E0502),
 *   and the same with `&mut` first (E0499 / E0502);
 * - `let r = &x; x = 5; use(r)` (E0506) and `let r = &s; let t = s; use(r)` or `s` captured by an
 *   `async move` block while `r` lives (E0505);
 * - `let s = v[0];` or `let s = *r;` on a non-`Copy` element (E0507, moving out of a borrow);
 * - `&local` returned from the fn that owns the local (E0515).
 * A borrow is only tracked when it is a `let` of `&place` rooted in a local that owns its value and
 * its reference is used again after the conflicting statement of the same block; anything else
 * (reassigned references, borrows through calls, closures) is left alone, so no finding is false.
 */
import type { Block, Expr, FnItem, FormatMacro, Program, Span, Stmt } from '../syntax/ast.ts';
import { walk, type SyntaxNode } from '../syntax/visit.ts';
import { MUT_METHODS } from './method-call.ts';
import { certainlyMoves } from './copy.ts';
import type { Cx, Local } from './cx.ts';
import { showTy } from './ty.ts';

type Unit = Stmt | Expr;

interface Loan {
  readonly of: Local;
  readonly mutable: boolean;
  /** Start offset of the pattern declaring the reference. */
  readonly ref: number;
}

function placeRoot(cx: Cx, e: Expr): Local | null {
  let cur = e;
  while (cur.kind === 'Field' || cur.kind === 'Index' || cur.kind === 'TupleIndex' || cur.kind === 'Paren')
    cur = cur.kind === 'Paren' ? cur.expr : cur.object;
  return cur.kind === 'PathExpr' ? (cx.localOf.get(cur) ?? null) : null;
}

/** std methods whose result borrows the receiver (`&self -> &T`, `Option<&T>`, an iterator). */
const LOANS = new Set(['get', 'first', 'last', 'iter', 'as_str', 'as_slice', 'keys', 'values', 'trim']);
const MUT_LOANS = new Set(['get_mut', 'first_mut', 'last_mut', 'iter_mut', 'values_mut']);

/** The owned local a borrowing expression borrows (`&x…`, `x.iter()`, `x.get(k).unwrap()`). */
function borrowOf(cx: Cx, e: Expr): { of: Local; mutable: boolean } | null {
  let cur = e;
  // Unwrapping an `Option<&T>` keeps the borrow.
  while (cur.kind === 'MethodCall' && (cur.method === 'unwrap' || cur.method === 'expect')) cur = cur.receiver;
  if (cur.kind === 'Ref') {
    const of = placeRoot(cx, cur.operand);
    return of === null || cx.resolved(of.ty).k === 'ref' ? null : { of, mutable: cur.mutable };
  }
  if (cur.kind !== 'MethodCall' || cur.receiver.kind !== 'PathExpr') return null;
  const mutable = MUT_LOANS.has(cur.method);
  if (!mutable && !LOANS.has(cur.method)) return null;
  const of = cx.localOf.get(cur.receiver);
  const t = of === undefined ? null : cx.resolved(of.ty);
  // Only std types: a user method of the same name may return an owned value.
  if (of === undefined || t?.k !== 'adt' || cx.items.adts.has(t.name) || MUT_METHODS[t.name] === undefined) return null;
  return { of, mutable };
}

function loanOf(cx: Cx, s: Unit): Loan | null {
  if (s.kind !== 'LetStmt' || s.init === null) return null;
  if (s.pat.kind !== 'IdentPat' || s.pat.byRef || s.pat.sub !== null) return null;
  const b = borrowOf(cx, s.init);
  return b === null ? null : { ...b, ref: s.pat.span.start };
}

function report(cx: Cx, name: string, loanMutable: boolean, use: { at: Expr; mutable: boolean }): void {
  const [code, message] = loanMutable
    ? use.mutable
      ? ['E0499', `cannot borrow \`${name}\` as mutable more than once at a time`]
      : ['E0502', `cannot borrow \`${name}\` as immutable because it is also borrowed as mutable`]
    : ['E0502', `cannot borrow \`${name}\` as mutable because it is also borrowed as immutable`];
  cx.findings.error('borrowck', use.at.span, code, message);
}

/** `for x in &v { v.push(…) }`: the loop borrows what it iterates for its whole body. */
function loopConflict(cx: Cx, e: Extract<Expr, { kind: 'For' }>): void {
  const b = borrowOf(cx, e.iter);
  if (b === null) return;
  for (const s of [...e.body.stmts, ...(e.body.tail === null ? [] : [e.body.tail])]) {
    const use = borrowIn(cx, s, b.of);
    if (use !== null && (use.mutable || b.mutable)) {
      report(cx, b.of.name, b.mutable, use);
      return;
    }
  }
}

/** A use of `l` in `u` that borrows it: `&l…`, `&mut l…` or a method call on `l`. */
function borrowIn(cx: Cx, u: SyntaxNode, l: Local): { at: Expr; mutable: boolean } | null {
  let found: { at: Expr; mutable: boolean } | null = null;
  walk(u, (n) => {
    if (found !== null || n.kind === 'Closure' || n.kind === 'AsyncBlock' || n.kind === 'Fn') return false;
    if (n.kind === 'Ref' && placeRoot(cx, n.operand) === l) found = { at: n, mutable: n.mutable };
    if (n.kind === 'MethodCall' && n.receiver.kind === 'PathExpr' && cx.localOf.get(n.receiver) === l) {
      const t = cx.resolved(l.ty);
      const mutating =
        t.k === 'adt' && !cx.items.adts.has(t.name) && (MUT_METHODS[t.name]?.includes(n.method) ?? false);
      // Only std methods are known to borrow their receiver; a user method may take `self`.
      if (t.k === 'adt' && !cx.items.adts.has(t.name)) found = { at: n, mutable: mutating };
    }
    return found === null;
  });
  return found;
}

interface Clash {
  readonly at: Span;
  readonly code: 'E0505' | 'E0506';
  readonly message: string;
}

/** E0506: `l = …` or `l += …` while `l` is borrowed. */
function assignIn(cx: Cx, u: SyntaxNode, l: Local): Clash | null {
  let found: Clash | null = null;
  walk(u, (n) => {
    if (found !== null || n.kind === 'Closure' || n.kind === 'AsyncBlock' || n.kind === 'Fn') return false;
    const assigns = n.kind === 'Assign' || n.kind === 'CompoundAssign';
    if (assigns && n.target.kind === 'PathExpr' && cx.localOf.get(n.target) === l) {
      found = { at: n.span, code: 'E0506', message: `cannot assign to \`${l.name}\` because it is borrowed` };
    }
    return found === null;
  });
  return found;
}

/**
 * E0505: `l` moved while borrowed — bound by value (`let m = l;`), passed by value to a call, or
 * captured by an `async move` block or `move` closure (reported at the block). Only a value whose
 * type certainly is not `Copy` moves.
 */
function moveIn(cx: Cx, u: SyntaxNode, l: Local): Clash | null {
  if (!certainlyMoves(l.ty, cx.table, cx.items)) return null;
  const names = (e: Expr | null): boolean => e !== null && e.kind === 'PathExpr' && cx.localOf.get(e) === l;
  const clash = (at: Span): Clash => ({
    at,
    code: 'E0505',
    message: `cannot move out of \`${l.name}\` because it is borrowed`,
  });
  let found: Clash | null = null;
  walk(u, (n) => {
    if (found !== null || n.kind === 'Fn') return false;
    if ((n.kind === 'AsyncBlock' || n.kind === 'Closure') && n.isMove) {
      if (mentions(cx, n, l)) found = clash(n.span);
      return false;
    }
    if (n.kind === 'Closure' || n.kind === 'AsyncBlock') return false;
    if (n.kind === 'LetStmt' && names(n.init)) found = clash(n.init!.span);
    const args = n.kind === 'Call' || n.kind === 'MethodCall' ? n.args : [];
    const moved = args.find((a) => names(a));
    if (moved !== undefined) found = clash(moved.span);
    return found === null;
  });
  return found;
}

function mentions(cx: Cx, u: SyntaxNode, l: Local): boolean {
  let yes = false;
  walk(u, (n) => {
    if (n.kind === 'PathExpr' && cx.localOf.get(n) === l) yes = true;
    return !yes;
  });
  return yes;
}

function usesRef(cx: Cx, u: SyntaxNode, ref: number): boolean {
  let used = false;
  walk(u, (n) => {
    if (n.kind === 'PathExpr' && cx.localOf.get(n)?.span.start === ref) used = true;
    return !used;
  });
  return used;
}

function reassigned(cx: Cx, b: Block, ref: number): boolean {
  let yes = false;
  walk(b, (n) => {
    if (n.kind === 'Assign' && n.target.kind === 'PathExpr' && cx.localOf.get(n.target)?.span.start === ref) yes = true;
    return !yes;
  });
  return yes;
}

function conflicts(cx: Cx, b: Block): void {
  const units: Unit[] = [...b.stmts, ...(b.tail === null ? [] : [b.tail])];
  units.forEach((u, i) => {
    const loan = loanOf(cx, u);
    if (loan === null || reassigned(cx, b, loan.ref)) return;
    for (let k = i + 1; k < units.length; k++) {
      const uk = units[k];
      if (uk === undefined) continue;
      const use = borrowIn(cx, uk, loan.of);
      const clash = use !== null && (use.mutable || loan.mutable);
      const other = clash ? null : (assignIn(cx, uk, loan.of) ?? moveIn(cx, uk, loan.of));
      if (!clash && other === null) continue;
      if (!units.slice(k + 1).some((later) => usesRef(cx, later, loan.ref))) return;
      if (use !== null && clash) report(cx, loan.of.name, loan.mutable, use);
      else if (other !== null) cx.findings.error('borrowck', other.at, other.code, other.message);
      return;
    }
  });
}

/** E0507: moving a non-`Copy` value out of an index or out from behind a reference. */
function moveOut(cx: Cx, e: Expr): void {
  if (e.kind === 'Index') {
    const obj = cx.exprTy.get(e.object);
    let base = obj === undefined ? null : cx.resolved(obj);
    if (base?.k === 'ref') base = cx.resolved(base.inner);
    const elem = cx.exprTy.get(e);
    if (base?.k !== 'adt' || base.name !== 'Vec' || cx.items.adts.has('Vec') || elem === undefined) return;
    if (!certainlyMoves(elem, cx.table, cx.items)) return;
    const shown = showTy(cx.table.deep(base), cx.table.showVar);
    cx.findings.error('borrowck', e.span, 'E0507', `cannot move out of index of \`${shown}\``);
  }
  if (e.kind === 'Unary' && e.op === '*' && e.operand.kind === 'PathExpr') {
    const l = cx.localOf.get(e.operand);
    const t = l === undefined ? null : cx.resolved(l.ty);
    if (l === undefined || t?.k !== 'ref' || !certainlyMoves(t.inner, cx.table, cx.items)) return;
    const how = t.mut ? 'mutable' : 'shared';
    cx.findings.error(
      'borrowck',
      e.span,
      'E0507',
      `cannot move out of \`*${l.name}\` which is behind a ${how} reference`,
    );
  }
}

/** E0515: a fn returning a reference to one of its own locals (or by-value parameters). */
function returnsLocalRef(cx: Cx, fn: FnItem): void {
  if (fn.body === null || fn.ret === null || fn.ret.kind !== 'RefType') return;
  const params = fn.params.map((p) => p.pat.span);
  const check = (e: Expr): void => {
    if (e.kind !== 'Ref') return;
    const root = placeRoot(cx, e.operand);
    if (root === null || cx.resolved(root.ty).k === 'ref') return;
    const param = params.some((p) => p.start === root.span.start);
    cx.findings.error(
      'borrowck',
      e.span,
      'E0515',
      `cannot return reference to ${param ? 'function parameter' : 'local variable'} \`${root.name}\``,
      'returns a reference to data owned by the current function',
    );
  };
  if (fn.body.tail !== null) check(fn.body.tail);
  walk(fn.body, (n) => {
    if (n.kind === 'Closure' || n.kind === 'AsyncBlock' || n.kind === 'Fn') return false;
    if (n.kind === 'Return' && n.value !== null) check(n.value);
    return true;
  });
}

/** std `Option`/`Result` methods that take `self` by value. */
const CONSUMES = new Set([
  'and_then',
  'map',
  'map_err',
  'map_or',
  'map_or_else',
  'unwrap',
  'expect',
  'unwrap_err',
  'expect_err',
  'unwrap_or',
  'unwrap_or_else',
  'unwrap_or_default',
  'ok',
  'err',
  'or',
  'or_else',
  'and',
  'zip',
  'flatten',
  'into_iter',
]);
const HOLDERS = new Set(['Option', 'Result']);

/** A std `Option`/`Result` local, by name in `e`. */
function heldLocal(cx: Cx, e: Expr): Local | null {
  const l = e.kind === 'PathExpr' ? cx.localOf.get(e) : undefined;
  const t = l === undefined ? null : cx.resolved(l.ty);
  return l !== undefined && t?.k === 'adt' && HOLDERS.has(t.name) && !cx.items.adts.has(t.name) ? l : null;
}

/** The local a format argument keeps borrowed: `&x…`, `v.iter()`, or `r.as_ref()` (then `.ok()`, `.unwrap()`). */
function argLoan(cx: Cx, e: Expr): Local | null {
  let cur = e;
  while (cur.kind === 'MethodCall' && ['ok', 'err', 'unwrap', 'expect'].includes(cur.method)) cur = cur.receiver;
  if (cur.kind === 'MethodCall' && (cur.method === 'as_ref' || cur.method === 'as_mut') && cur.args.length === 0)
    return heldLocal(cx, cur.receiver);
  return borrowOf(cx, e)?.of ?? null;
}

/** `r.and_then(…)` on an `Option`/`Result` local `l` that is not `Copy`: `r` moves. */
function consumedIn(cx: Cx, u: Expr, l: Local): Clash | null {
  if (!certainlyMoves(l.ty, cx.table, cx.items)) return null;
  let found: Clash | null = null;
  walk(u, (n) => {
    if (found !== null || n.kind === 'Closure' || n.kind === 'AsyncBlock' || n.kind === 'Fn') return false;
    if (n.kind === 'MethodCall' && CONSUMES.has(n.method) && heldLocal(cx, n.receiver) === l)
      found = {
        at: n.receiver.span,
        code: 'E0505',
        message: `cannot move out of \`${l.name}\` because it is borrowed`,
      };
    return found === null;
  });
  return found;
}

/**
 * E0505 inside one format macro: its arguments stay borrowed until the text is written, so one that
 * borrows a local (`r.as_ref().ok()`) is still live when a later one moves it (`r.and_then(…)`).
 */
function formatArgsConflict(cx: Cx, m: FormatMacro): void {
  const loans: Local[] = [];
  for (const a of m.args) {
    for (const l of loans) {
      const clash = moveIn(cx, a.value, l) ?? consumedIn(cx, a.value, l);
      if (clash !== null) {
        cx.findings.error('borrowck', clash.at, clash.code, clash.message);
        return;
      }
    }
    const loan = argLoan(cx, a.value);
    if (loan !== null) loans.push(loan);
  }
}

export function checkBorrows(cx: Cx, program: Program): void {
  walk(program, (n) => {
    if (n.kind === 'FormatMacro') formatArgsConflict(cx, n);
    if (n.kind === 'Block') conflicts(cx, n);
    if (n.kind === 'For') loopConflict(cx, n);
    if (n.kind === 'Fn') returnsLocalRef(cx, n);
    if (n.kind === 'LetStmt' && n.init !== null && n.pat.kind === 'IdentPat' && !n.pat.byRef) moveOut(cx, n.init);
    return true;
  });
}
