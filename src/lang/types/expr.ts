/**
 * Expression inference (rust-analyzer's `infer/expr.rs` shape): one function per expression kind,
 * each returning the expression's type and recording it. Where the tables end, types are unknown
 * and the values that flow there escape (their inference variables become unknown too).
 */
import type { Block, Expr, FormatArg, MacroExpr, Stmt, StrLit } from '../syntax/ast.ts';
import { inferFormatCounts } from './fmt-counts.ts';
import type { Cx } from './cx.ts';
import { bindPattern } from './pat.ts';
import { coerce, isData } from './coerce.ts';
import { missingCmpTrait, notUsizeIndex, numericMismatch, opMessage, operandMismatch } from './operators.ts';
import { iterItemOf, tryConversion } from './std-deferred.ts';
import { inferCall } from './call-infer.ts';
import { inferMethodCall } from './method-call.ts';
import { inferPath } from './path.ts';
import { inferField, inferStructLit, structFields } from './struct-fields.ts';
import { checkItem } from './fn.ts';
import {
  BOOL,
  CHAR,
  NEVER,
  REF_STR,
  UNIT,
  UNKNOWN,
  adt,
  arrayTy,
  floatTy,
  intTy,
  refTy,
  showTy,
  type Ty,
} from './ty.ts';
import { isIntName } from '../num/int-type.ts';
import { walk } from '../syntax/visit.ts';

export function inferExpr(cx: Cx, e: Expr): Ty {
  return cx.record(e, inferInner(cx, e));
}

/** Infers `e` and then requires it to fit `expected` (E0308 at `e` when it cannot). */
export function inferExpecting(cx: Cx, e: Expr, expected: Ty): Ty {
  const t = inferExpr(cx, e);
  coerce(cx, t, expected, e);
  return t;
}

/** The element type an array literal's elements coerce to, given by the type it is declared as. */
const expectedElem = new WeakMap<Expr, Ty>();

function expectArray(cx: Cx, e: Expr, declared: Ty | null): void {
  const d = declared === null ? null : cx.resolved(declared);
  if (e.kind === 'Array' && d?.k === 'array') expectedElem.set(e, d.elem);
}

function escapeAll(cx: Cx, es: readonly Expr[]): void {
  for (const x of es) cx.table.escape(inferExpr(cx, x));
}

function inferInner(cx: Cx, e: Expr): Ty {
  switch (e.kind) {
    case 'IntLit':
      if (e.suffix !== null)
        return isIntName(e.suffix)
          ? intTy(e.suffix)
          : e.suffix === 'f32' || e.suffix === 'f64'
            ? floatTy(e.suffix)
            : UNKNOWN;
      return cx.table.fresh('int');
    case 'FloatLit':
      return e.suffix === 'f32' || e.suffix === 'f64' ? floatTy(e.suffix) : cx.table.fresh('float');
    case 'StrLit':
      return REF_STR;
    case 'ByteStrLit':
      return UNKNOWN;
    case 'CharLit':
      return CHAR;
    case 'ByteLit':
      return intTy('u8');
    case 'BoolLit':
      return BOOL;
    case 'PathExpr':
      return inferPath(cx, e, false);
    case 'Unary': {
      const t = inferExpr(cx, e.operand);
      const s = cx.resolved(t);
      if (e.op === '*') {
        if (s.k === 'ref') return s.inner;
        if (s.k === 'adt' && ['Box', 'Arc', 'Rc', 'std::sync::MutexGuard'].includes(s.name))
          return s.args[0] ?? UNKNOWN;
        if (
          ['int', 'float', 'bool', 'char', 'future'].includes(s.k) ||
          (s.k === 'var' && cx.table.kindOf(s.id) !== 'general')
        ) {
          const shown = showTy(cx.table.deep(s), cx.table.showVar);
          cx.findings.error('typeck', e.span, 'E0614', `type \`${shown}\` cannot be dereferenced`);
        }
        cx.table.escape(t);
        return UNKNOWN;
      }
      if (e.op === '!' && s.k === 'bool') return BOOL;
      if (s.k === 'int' || s.k === 'float' || (s.k === 'var' && cx.table.kindOf(s.id) !== 'general')) return t;
      cx.table.escape(t);
      return UNKNOWN;
    }
    case 'Ref':
      return refTy(inferExpr(cx, e.operand), e.mutable);
    case 'Binary':
      return inferBinary(cx, e);
    case 'Assign':
    case 'CompoundAssign': {
      const target = inferExpr(cx, e.target);
      checkAssignTarget(cx, e);
      const value = inferExpr(cx, e.value);
      const simple = (t: Ty): boolean => ['int', 'float', 'bool', 'char'].includes(cx.resolved(t).k);
      // `n += 1` with `n` still an `{integer}`: one type, as rustc's `AddAssign<i32> for i32` makes it.
      const numKind = (t: Ty): string | null => {
        const s = cx.resolved(t);
        if (s.k === 'int' || s.k === 'float') return s.k;
        return s.k === 'var' && cx.table.kindOf(s.id) !== 'general' ? cx.table.kindOf(s.id) : null;
      };
      const sameNum = numKind(target) !== null && numKind(target) === numKind(value);
      const opOk = e.kind === 'Assign' || !['<<=', '>>='].includes(e.op);
      if (e.kind === 'Assign' || (((simple(target) && simple(value)) || sameNum) && opOk)) {
        coerce(cx, value, target, e.value);
      } else {
        cx.table.escape(target);
        cx.table.escape(value);
      }
      return UNIT;
    }
    case 'Cast': {
      cx.table.escape(inferExpr(cx, e.expr));
      return cx.lower(e.type);
    }
    case 'Call':
      return inferCall(cx, e);
    case 'MethodCall':
      return inferMethodCall(cx, e);
    case 'Field':
      return inferField(cx, e);
    case 'TupleIndex': {
      const t = cx.resolved(inferExpr(cx, e.object));
      const base = t.k === 'ref' ? cx.resolved(t.inner) : t;
      if (base.k === 'tuple' && base.elems[e.index] !== undefined) {
        const el = base.elems[e.index];
        return t.k === 'ref' ? el : el;
      }
      // A tuple struct's field (`temp.0`), with the struct's type arguments applied.
      const field = base.k === 'adt' ? structFields(cx, base)?.get(String(e.index)) : undefined;
      if (field !== undefined) return field;
      cx.table.escape(t);
      return UNKNOWN;
    }
    case 'Index': {
      const obj = cx.resolved(inferExpr(cx, e.object));
      const idx = inferExpr(cx, e.index);
      const base = obj.k === 'ref' ? cx.resolved(obj.inner) : obj;
      const ri = cx.resolved(idx);
      if (notUsizeIndex(cx, base, ri, e.index)) return UNKNOWN;
      if (base.k === 'adt' && (base.name === 'Vec' || base.name === 'VecDeque') && (ri.k === 'int' || ri.k === 'var')) {
        cx.table.unify(idx, intTy('usize'));
        return base.args[0] ?? UNKNOWN;
      }
      if ((base.k === 'array' || base.k === 'slice') && (ri.k === 'int' || ri.k === 'var')) {
        cx.table.unify(idx, intTy('usize'));
        return base.elem;
      }
      cx.table.escape(obj);
      cx.table.escape(idx);
      return UNKNOWN;
    }
    case 'Range': {
      const a = e.start ? inferExpr(cx, e.start) : null;
      const b = e.end ? inferExpr(cx, e.end) : null;
      if (a !== null && b !== null && e.end !== null) coerce(cx, b, a, e.end);
      return adt(e.inclusive ? 'RangeInclusive' : 'Range', [a ?? b ?? UNKNOWN]);
    }
    case 'Try':
      return inferTry(cx, e);
    case 'Await':
      return inferAwait(cx, e);
    case 'BlockExpr':
      return inferBlock(cx, e.block);
    case 'Unsafe':
      return inferBlock(cx, e.block);
    case 'AsyncBlock': {
      cx.bodies.push({ kind: 'async', ret: cx.table.fresh(), isAsync: true, retIsUnit: returnsUnit(e.block) });
      const body = cx.bodies[cx.bodies.length - 1];
      const t = inferBlock(cx, e.block);
      // The tail must agree with what earlier `return`s gave (E0308 at the tail).
      if (body !== undefined && e.block.tail !== null) coerce(cx, t, body.ret, e.block.tail);
      else if (body !== undefined) cx.table.unify(body.ret, t);
      cx.bodies.pop();
      return { k: 'future', output: t, asyncBlock: true };
    }
    case 'If': {
      inferCond(cx, e.cond);
      const thenTy = inferBlock(cx, e.then);
      cx.popScope();
      if (e.else === null) return UNIT;
      const elseTy = inferExpr(cx, e.else);
      return join(cx, thenTy, elseTy, e.else.kind === 'BlockExpr' ? (e.else.block.tail ?? e.else) : e.else, 'if');
    }
    case 'Let': {
      // Outside `if`/`while` (let chains): bind into the current scope.
      const t = inferExpr(cx, e.expr);
      bindPattern(cx, e.pat, t);
      return BOOL;
    }
    case 'While':
      inferCond(cx, e.cond);
      inferBlock(cx, e.body);
      cx.popScope();
      return UNIT;
    case 'Loop': {
      inferBlock(cx, e.body);
      return UNKNOWN;
    }
    case 'For': {
      const it = inferExpr(cx, e.iter);
      cx.pushScope();
      bindPattern(cx, e.pat, iterItem(cx, it));
      inferBlock(cx, e.body);
      cx.popScope();
      return UNIT;
    }
    case 'Match': {
      const scrut = inferExpr(cx, e.scrutinee);
      let result: Ty | null = null;
      for (const arm of e.arms) {
        cx.pushScope();
        bindPattern(cx, arm.pat, scrut);
        if (arm.guard) inferExpr(cx, arm.guard);
        const t = inferExpr(cx, arm.body);
        cx.popScope();
        const at = arm.body.kind === 'BlockExpr' ? (arm.body.block.tail ?? arm.body) : arm.body;
        result = result === null ? t : join(cx, result, t, at, 'match');
      }
      return result ?? NEVER;
    }
    case 'Closure':
      return inferClosure(cx, e);
    case 'Break':
    case 'Return': {
      if (e.value) {
        const t = inferExpr(cx, e.value);
        const body = cx.body;
        if (e.kind === 'Return' && body !== undefined) coerce(cx, t, body.ret, e.value);
        else cx.table.escape(t);
      }
      return NEVER;
    }
    case 'Continue':
      return NEVER;
    case 'Tuple':
      return e.elems.length === 0 ? UNIT : { k: 'tuple', elems: e.elems.map((x) => inferExpr(cx, x)) };
    case 'Paren':
      return inferExpr(cx, e.expr);
    case 'Array': {
      const expected = expectedElem.get(e);
      if (expected !== undefined) {
        // Each element is a coercion site (`[&[1], &[2, 3]]` as `[&[u8]; 2]`).
        for (const x of e.elems) coerce(cx, inferExpr(cx, x), expected, x);
        return { k: 'array', elem: expected, len: e.elems.length };
      }
      const elem = cx.table.fresh();
      for (const x of e.elems) {
        const t = inferExpr(cx, x);
        if (!cx.table.unify(elem, t)) cx.table.escape(t);
      }
      return { k: 'array', elem, len: e.elems.length };
    }
    case 'ArrayRepeat': {
      const t = inferExpr(cx, e.value);
      cx.table.unify(inferExpr(cx, e.count), intTy('usize'));
      return arrayTy(t, e.count);
    }
    case 'StructLit':
      return inferStructLit(cx, e);
    default:
      return inferMacro(cx, e);
  }
}

function inferCond(cx: Cx, cond: Expr): void {
  cx.pushScope();
  if (cond.kind === 'Let') {
    const t = inferExpr(cx, cond.expr);
    bindPattern(cx, cond.pat, t);
    cx.record(cond, BOOL);
    return;
  }
  coerce(cx, inferExpr(cx, cond), BOOL, cond);
}

/** A body without a tail expression, `return` or divergence evaluates to `()`. */
function returnsUnit(b: Block): boolean {
  if (b.tail !== null) return false;
  let other = false;
  walk(b, (n) => {
    if (other || n.kind === 'Closure' || n.kind === 'AsyncBlock') return false;
    if (n.kind === 'Return' || n.kind === 'Loop' || n.kind === 'MacroItem') other = true;
    if (n.kind === 'FormatMacro' && ['panic', 'unreachable', 'todo', 'unimplemented'].includes(n.name)) other = true;
    return !other;
  });
  return !other;
}

/** Two branches must agree; `!` agrees with anything. */
function join(cx: Cx, a: Ty, b: Ty, at: Expr, what: 'if' | 'match'): Ty {
  const ra = cx.resolved(a);
  const rb = cx.resolved(b);
  if (ra.k === 'never') return b;
  if (rb.k === 'never') return a;
  const message = what === 'if' ? '`if` and `else` have incompatible types' : '`match` arms have incompatible types';
  coerce(cx, b, a, at, message);
  return a;
}

const ARITH = new Set(['+', '-', '*', '/', '%']);

function inferBinary(cx: Cx, e: Extract<Expr, { kind: 'Binary' }>): Ty {
  const { op, left, right } = e;
  const l = inferExpr(cx, left);
  const r = inferExpr(cx, right);
  if (op === '&&' || op === '||') {
    coerce(cx, l, BOOL, left);
    coerce(cx, r, BOOL, right);
    return BOOL;
  }
  const rl = cx.resolved(l);
  const rr = cx.resolved(r);
  if (rl.k === 'future' || rr.k === 'future') {
    // No operator is implemented for futures (E0369, at the operator).
    const show = (t: Ty): string => showTy(cx.table.deep(t), cx.table.showVar);
    const message =
      opMessage(op, show(l), show(r)) ?? `binary operation \`${op}\` cannot be applied to type \`${show(l)}\``;
    cx.findings.error('typeck', e.opSpan, 'E0369', message);
    cx.table.escape(l);
    cx.table.escape(r);
    return UNKNOWN;
  }
  const numeric = (t: Ty): boolean =>
    t.k === 'int' || t.k === 'float' || (t.k === 'var' && cx.table.kindOf(t.id) !== 'general');
  if (operandMismatch(cx, op, rl, rr, right) || missingCmpTrait(cx, op, l, e.opSpan)) {
    cx.table.escape(l);
    cx.table.escape(r);
    return UNKNOWN;
  }
  const bothNum = numeric(rl) && numeric(rr);
  const cmp = ['==', '!=', '<', '<=', '>', '>='].includes(op);
  // std implements arithmetic between a number and a reference to one (`&u64 * u64` is a u64).
  const peel = (t: Ty): Ty => (t.k === 'ref' ? cx.resolved(t.inner) : t);
  const [pl, pr] = [peel(rl), peel(rr)];
  if (!cmp && !bothNum && ARITH.has(op) && numeric(pl) && numeric(pr)) {
    if (cx.table.unify(pl, pr)) return pl;
    numericMismatch(cx, e, l, r, pl, pr);
    cx.table.escape(l);
    cx.table.escape(r);
    return UNKNOWN;
  }
  if (op === '<<' || op === '>>') {
    if (numeric(rl)) return l;
    cx.table.escape(l);
    cx.table.escape(r);
    return UNKNOWN;
  }
  if (bothNum || (cmp && ['bool', 'char'].includes(rl.k) && rl.k === rr.k)) {
    if (!cx.table.unify(l, r)) {
      if (cmp) cx.findings.error('typeck', right.span, 'E0308', 'mismatched types');
      else numericMismatch(cx, e, l, r, rl, rr);
      return UNKNOWN;
    }
    return cmp ? BOOL : l;
  }
  cx.table.escape(l);
  cx.table.escape(r);
  return cmp ? BOOL : UNKNOWN;
}

function inferTry(cx: Cx, e: Extract<Expr, { kind: 'Try' }>): Ty {
  const t = cx.resolved(inferExpr(cx, e.expr));
  const body = cx.body;
  const at = { line: e.span.endLine, col: e.span.endCol - 1, endLine: e.span.endLine, endCol: e.span.endCol };
  const where = body?.kind === 'async' ? 'an async block' : body?.kind === 'closure' ? 'a closure' : 'a function';
  if (body !== undefined && body.retIsUnit) {
    cx.findings.error(
      'typeck',
      at,
      'E0277',
      `the \`?\` operator can only be used in ${where} that returns \`Result\` or \`Option\` (or another type that implements \`FromResidual\`)`,
      `cannot use the \`?\` operator in ${where} that returns \`()\``,
    );
  } else if (body !== undefined && t.k === 'adt') {
    const ret = cx.resolved(body.ret);
    cx.tryErrors.set(e, { from: t.name === 'Result' ? (t.args[1] ?? UNKNOWN) : UNKNOWN, ret: body.ret });
    if (t.name === 'Result' && ret.k === 'adt' && ret.name === 'Result' && t.args[1] && ret.args[1]) {
      tryConversion(cx, t.args[1], ret.args[1], at);
    }
    if (ret.k === 'adt' && ret.name !== t.name && (ret.name === 'Option' || ret.name === 'Result')) {
      if (t.name === 'Option' || t.name === 'Result') {
        const [a, b] = t.name === 'Option' ? ['`Result`s', '`Option`s'] : ['`Option`s', '`Result`s'];
        cx.findings.error(
          'typeck',
          at,
          'E0277',
          `the \`?\` operator can only be used on ${a}, not ${b}, in ${where} that returns \`${ret.name}\``,
        );
      }
    }
  }
  if (t.k === 'adt' && (t.name === 'Option' || t.name === 'Result')) return t.args[0] ?? UNKNOWN;
  if (body !== undefined) cx.tryErrors.set(e, { from: UNKNOWN, ret: body.ret });
  cx.table.escape(t);
  return UNKNOWN;
}

function inferAwait(cx: Cx, e: Extract<Expr, { kind: 'Await' }>): Ty {
  const t = cx.resolved(inferExpr(cx, e.expr));
  if (!cx.inAsync()) {
    cx.findings.error(
      'resolve',
      { line: e.span.endLine, col: e.span.endCol - 5, endLine: e.span.endLine, endCol: e.span.endCol },
      'E0728',
      '`await` is only allowed inside `async` functions and blocks',
    );
  }
  const out = awaitedOutput(cx, t);
  if (out !== null) return out;
  if (t.k !== 'ref' && isData(cx, t)) {
    cx.findings.error(
      'typeck',
      { line: e.span.endLine, col: e.span.endCol - 5, endLine: e.span.endLine, endCol: e.span.endCol },
      'E0277',
      `\`${showTy(cx.table.deep(t), cx.table.showVar)}\` is not a future`,
    );
    return UNKNOWN;
  }
  cx.table.escape(t);
  return UNKNOWN;
}

/** The output of awaiting `t` when the checker knows it (`&mut JoinHandle<T>` is a future too). */
function awaitedOutput(cx: Cx, t: Ty): Ty | null {
  if (t.k === 'future') return t.output;
  if (t.k === 'ref' && t.mut) {
    const inner = cx.resolved(t.inner);
    return inner.k === 'adt' && inner.name === 'JoinHandle' ? awaitedOutput(cx, inner) : null;
  }
  if (t.k !== 'adt') return null;
  if (t.name === 'JoinHandle') return adt('Result', [t.args[0] ?? UNKNOWN, adt('JoinError')]);
  if (t.name === 'Sleep') return UNIT;
  if (t.name === 'Timeout') {
    const inner = t.args[0] === undefined ? null : awaitedOutput(cx, cx.resolved(t.args[0]));
    return adt('Result', [inner ?? UNKNOWN, adt('Elapsed')]);
  }
  return null;
}

/** What `for x in it` binds x to. */
function iterItem(cx: Cx, it: Ty): Ty {
  const s = cx.resolved(it);
  if (s.k === 'adt' && (s.name === 'Range' || s.name === 'RangeInclusive')) return s.args[0] ?? UNKNOWN;
  if (s.k === 'adt' && s.name === 'Vec') return s.args[0] ?? UNKNOWN;
  // Rust 2021: an array by value iterates its items by value.
  if (s.k === 'array') return s.elem;
  const item = iterItemOf(cx, s);
  if (item !== null) return item;
  if (s.k === 'ref') {
    const inner = cx.resolved(s.inner);
    if (inner.k === 'adt' && inner.name === 'Vec') return refTy(inner.args[0] ?? UNKNOWN, s.mut);
    if (inner.k === 'array' || inner.k === 'slice') return refTy(inner.elem, s.mut);
  }
  cx.table.escape(it);
  return UNKNOWN;
}

function inferClosure(cx: Cx, e: Extract<Expr, { kind: 'Closure' }>): Ty {
  cx.pushScope();
  const params: Ty[] = [];
  const given = cx.closureParams.get(e);
  for (const [i, p] of e.params.entries()) {
    const t = p.type ? cx.lower(p.type) : (given?.[i] ?? UNKNOWN);
    params.push(t);
    bindPattern(cx, p.pat, t);
  }
  const ret = e.ret ? cx.lower(e.ret) : cx.table.fresh();
  const unitBody = e.ret === null && e.body.kind === 'BlockExpr' && returnsUnit(e.body.block);
  cx.bodies.push({ kind: 'closure', ret, isAsync: false, retIsUnit: unitBody });
  const bodyTy = inferExpr(cx, e.body);
  coerce(cx, bodyTy, ret, e.body);
  cx.bodies.pop();
  cx.popScope();
  return { k: 'fn', params, ret };
}

export function inferBlock(cx: Cx, b: Block): Ty {
  cx.pushScope();
  let diverges = false;
  for (const s of b.stmts) if (inferStmt(cx, s)) diverges = true;
  const t = b.tail ? inferExpr(cx, b.tail) : diverges ? NEVER : UNIT;
  cx.popScope();
  return t;
}

/** Returns true when the statement certainly diverges (or may: the block's type is then `!`). */
function inferStmt(cx: Cx, s: Stmt): boolean {
  switch (s.kind) {
    case 'LetStmt': {
      const declared = s.type ? cx.lower(s.type) : null;
      let t: Ty = declared ?? cx.table.fresh();
      if (s.init) {
        expectArray(cx, s.init, declared);
        const it = inferExpr(cx, s.init);
        if (declared !== null) coerce(cx, it, declared, s.init);
        else t = it;
      }
      if (s.elseBlock) inferBlock(cx, s.elseBlock);
      cx.deferredLet = s.init === null;
      bindPattern(cx, s.pat, t);
      cx.deferredLet = false;
      return false;
    }
    case 'ExprStmt': {
      const t = cx.resolved(inferExpr(cx, s.expr));
      if (s.semi && t.k === 'adt' && (t.name === 'Sleep' || t.name === 'Timeout')) {
        cx.findings.warning(
          s.expr.span,
          `unused \`${t.name}\` that must be used`,
          'futures do nothing unless you `.await` or poll them',
        );
      }
      if (s.semi && t.k === 'future' && !t.asyncBlock) {
        cx.findings.warning(
          s.expr.span,
          'unused implementer of `Future` that must be used',
          'futures do nothing unless you `.await` or poll them',
        );
      }
      return t.k === 'never' || s.expr.kind === 'Loop' || isDivergingMacro(s.expr);
    }
    case 'ItemStmt':
      checkItem(cx, s.item);
      return false;
  }
}

function isDivergingMacro(e: Expr): boolean {
  return e.kind === 'FormatMacro' && ['panic', 'unreachable', 'todo', 'unimplemented'].includes(e.name);
}

function inferFormatArgs(cx: Cx, args: readonly FormatArg[], format: StrLit | null = null): void {
  const tys = args.map((a) => inferExpr(cx, a.value));
  if (format !== null) inferFormatCounts(cx, format, args, tys);
}

function inferMacro(cx: Cx, e: MacroExpr): Ty {
  switch (e.kind) {
    case 'FormatMacro':
      if (e.target) cx.table.escape(inferExpr(cx, e.target));
      inferFormatArgs(cx, e.args, e.format);
      if (e.format !== null) cx.formatSites.push({ format: e.format, args: e.args });
      if (e.name === 'format') return adt('String');
      if (['panic', 'unreachable', 'todo', 'unimplemented'].includes(e.name)) return NEVER;
      if (e.name === 'write' || e.name === 'writeln') return UNKNOWN;
      return UNIT;
    case 'AssertMacro':
      inferExpr(cx, e.cond);
      inferFormatArgs(cx, e.args);
      return UNIT;
    case 'AssertCmpMacro': {
      const l = inferExpr(cx, e.left);
      const r = inferExpr(cx, e.right);
      const rl = cx.resolved(l);
      const rr = cx.resolved(r);
      const num = (t: Ty): boolean => t.k === 'int' || t.k === 'float' || t.k === 'var';
      missingCmpTrait(cx, '==', l, e.span);
      if (num(rl) && num(rr)) cx.table.unify(l, r);
      else {
        cx.table.escape(l);
        cx.table.escape(r);
      }
      inferFormatArgs(cx, e.args);
      return UNIT;
    }
    case 'VecMacro': {
      const elem = cx.table.fresh();
      for (const x of e.elems) {
        const t = inferExpr(cx, x);
        if (!cx.table.unify(elem, t)) cx.table.escape(t);
      }
      if (e.repeat) {
        const t = inferExpr(cx, e.repeat.value);
        if (!cx.table.unify(elem, t)) cx.table.escape(t);
        cx.table.unify(inferExpr(cx, e.repeat.count), intTy('usize'));
      }
      return adt('Vec', [elem]);
    }
    case 'MatchesMacro': {
      const t = inferExpr(cx, e.expr);
      cx.pushScope();
      bindPattern(cx, e.pat, t);
      if (e.guard) inferExpr(cx, e.guard);
      cx.popScope();
      return BOOL;
    }
    case 'DbgMacro': {
      const ts = e.args.map((a) => inferExpr(cx, a));
      return ts.length === 1 ? ts[0] : ts.length === 0 ? UNIT : { k: 'tuple', elems: ts };
    }
    case 'SelectMacro': {
      // select! expands to a `match` over its branches: their handlers must agree.
      let result: Ty | null = null;
      const arm = (h: Expr, t: Ty): void => {
        const at = h.kind === 'BlockExpr' ? (h.block.tail ?? h) : h;
        result = result === null ? t : join(cx, result, t, at, 'match');
      };
      for (const b of e.branches) {
        const f = inferExpr(cx, b.future);
        cx.pushScope();
        const rf = cx.resolved(f);
        bindPattern(cx, b.pat, rf.k === 'future' ? rf.output : UNKNOWN);
        if (b.guard) inferExpr(cx, b.guard);
        arm(b.handler, inferExpr(cx, b.handler));
        cx.popScope();
      }
      if (e.elseBranch) arm(e.elseBranch, inferExpr(cx, e.elseBranch));
      return result ?? UNKNOWN;
    }
    case 'JoinMacro': {
      const outs = e.futures.map((f) => {
        const t = cx.resolved(inferExpr(cx, f));
        return t.k === 'future' ? t.output : UNKNOWN;
      });
      return e.isTry ? UNKNOWN : { k: 'tuple', elems: outs };
    }
    case 'PinMacro': {
      if (e.expr) {
        // `pin!(fut)` as an expression: a `Pin<&mut F>`, awaited as F is (the pin is not modelled)
        const t = cx.resolved(inferExpr(cx, e.expr));
        if (t.k === 'future') return t;
        cx.table.escape(t);
        return UNKNOWN;
      }
      for (const n of e.names) {
        const l = cx.lookup(n.name);
        if (l === undefined && !cx.openNames) {
          cx.findings.error('resolve', n.span, 'E0425', `cannot find value \`${n.name}\` in this scope`);
        }
        // `pin!(x)` shadows x with a `Pin<&mut _>` of it, a type the checker does not model.
        if (l !== undefined) cx.declare(n.name, UNKNOWN, l.span, true);
      }
      for (const l of e.lets) {
        inferStmt(cx, l);
        if (l.pat.kind === 'IdentPat') cx.declare(l.pat.name, UNKNOWN, l.pat.span, true);
      }
      return UNIT;
    }
  }
}

export { escapeAll };

/** E0384: assigning again to an immutable local (borrowck). */
function checkAssignTarget(cx: Cx, e: Extract<Expr, { kind: 'Assign' | 'CompoundAssign' }>): void {
  if (e.target.kind !== 'PathExpr') return;
  const local = cx.localOf.get(e.target);
  if (local === undefined || local.mutable || (local.deferred && e.kind === 'Assign')) return;
  if (local.body !== cx.bodies.length - 1) {
    // A captured variable: the closure would need a mutable borrow of it.
    cx.findings.error(
      'borrowck',
      e.span,
      'E0594',
      `cannot assign to \`${local.name}\`, as it is not declared as mutable`,
    );
    return;
  }
  cx.findings.error('borrowck', e.span, 'E0384', `cannot assign twice to immutable variable \`${local.name}\``);
}
