/**
 * `Send` for what `tokio::spawn` and `JoinSet::spawn` take: a future is not `Send` when it
 * captures an `Rc` (or another `!Send` value), or when a `!Send` local — an `Rc`, a
 * `std::sync::MutexGuard`, a `RefCell` borrow — is still in scope at an `.await` (it is then part
 * of the future's state). rustc: "future cannot be sent between threads safely", without a code.
 */
import type { Block, Expr, FnItem, Stmt } from '../syntax/ast.ts';
import { walk } from '../syntax/visit.ts';
import type { Cx } from './cx.ts';
import type { Ty } from './ty.ts';

const NOT_SEND = new Set(['Rc', 'std::sync::MutexGuard', 'std::cell::Ref', 'std::cell::RefMut']);

function notSend(cx: Cx, t: Ty): boolean {
  const s = cx.table.shallow(t);
  if (s.k === 'adt') return NOT_SEND.has(s.name) || s.args.some((a) => notSend(cx, a));
  if (s.k === 'tuple') return s.elems.some((e) => notSend(cx, e));
  if (s.k === 'ref') return notSend(cx, s.inner);
  return false;
}

/** Does the node contain an `.await` of its own (not one inside a nested closure or async block)? */
function awaits(node: Stmt | Expr): boolean {
  let found = false;
  walk(node, (n) => {
    if (found || n.kind === 'Closure' || n.kind === 'AsyncBlock') return false;
    if (n.kind === 'Await') found = true;
    return !found;
  });
  return found;
}

/** The nested blocks of a statement that are part of this body (not closures or async blocks). */
function innerBlocks(node: Stmt | Expr): Block[] {
  const out: Block[] = [];
  walk(node, (n) => {
    if (n === node) return true;
    if (n.kind === 'Closure' || n.kind === 'AsyncBlock') return false;
    if (n.kind === 'Block') {
      out.push(n);
      return false;
    }
    return true;
  });
  return out;
}

/** Is a `!Send` local in scope at an `.await` in this block? `live` are those of enclosing blocks. */
function heldAcrossAwait(cx: Cx, b: Block, live: ReadonlySet<string>): boolean {
  const here = new Set(live);
  const parts: (Stmt | Expr)[] = [...b.stmts, ...(b.tail ? [b.tail] : [])];
  for (const s of parts) {
    for (const inner of innerBlocks(s)) if (heldAcrossAwait(cx, inner, here)) return true;
    if (here.size > 0 && awaits(s)) return true;
    if (s.kind === 'LetStmt' && s.pat.kind === 'IdentPat' && s.init) {
      const t = cx.exprTy.get(s.init);
      if (t !== undefined && notSend(cx, t)) here.add(s.pat.name);
    }
    // Passing x by value (`drop(x)`, `consume(x)`) ends its life before later awaits.
    if (s.kind !== 'LetStmt' || s.init !== null) {
      walk(s, (n) => {
        if (n.kind === 'Call' || n.kind === 'MethodCall') {
          for (const a of n.args) if (a.kind === 'PathExpr') here.delete(a.path.segments[0]?.name ?? '');
        }
        return true;
      });
    }
  }
  return false;
}

/** Locals from outside an async block that it uses: they become part of the future. */
function capturesNotSend(cx: Cx, block: Expr): boolean {
  let found = false;
  walk(block, (n) => {
    if (found) return false;
    if (n.kind === 'PathExpr') {
      const l = cx.localOf.get(n);
      if (l !== undefined && (l.span.start < block.span.start || l.span.start >= block.span.end) && notSend(cx, l.ty)) {
        found = true;
      }
    }
    return !found;
  });
  return found;
}

function asyncFnOf(cx: Cx, arg: Expr): FnItem | null {
  if (arg.kind !== 'Call' || arg.callee.kind !== 'PathExpr' || arg.callee.path.segments.length !== 1) return null;
  const fn = cx.items.fns.get(arg.callee.path.segments[0]?.name ?? '');
  return fn !== undefined && fn.isAsync && fn.body !== null ? fn : null;
}

export function checkSend(cx: Cx): void {
  for (const site of cx.sendSites) {
    let bad = false;
    if (site.arg.kind === 'AsyncBlock') {
      bad = capturesNotSend(cx, site.arg) || heldAcrossAwait(cx, site.arg.block, new Set());
    } else {
      const fn = asyncFnOf(cx, site.arg);
      if (fn?.body) bad = heldAcrossAwait(cx, fn.body, new Set());
    }
    if (bad) {
      const what =
        site.arg.kind === 'AsyncBlock'
          ? 'future created by async block is not `Send`'
          : 'future returned by this call is not `Send`';
      cx.findings.error('typeck', site.at, null, 'future cannot be sent between threads safely', what);
    }
  }
}
