/**
 * The `'static` bound of `tokio::spawn`, `JoinSet::spawn` and `thread::spawn`: a `move` closure or
 * `async move` block handed to them must not hold a reference to anything that dies with the
 * function. A sound, conservative region check: each reference-typed local gets an origin when
 * the checker can name one — a borrow of a local of this function (E0597 at the borrow) or a
 * reference parameter, `&self` included (E0521 at the spawn) — and a captured reference whose
 * origin is unknown (a literal, a static, a method result) is never refused.
 */
import type { Expr, FnItem, Pattern, Program, Span } from '../syntax/ast.ts';
import { forEachChild, walk, type SyntaxNode } from '../syntax/visit.ts';
import type { Cx, Local } from './cx.ts';

type Origin =
  | { readonly kind: 'borrow'; readonly of: string; readonly at: Span }
  | { readonly kind: 'param'; readonly method: boolean };

/** Methods whose result borrows from the receiver. */
const BORROWING = new Set(['iter', 'iter_mut', 'as_str', 'as_slice', 'first', 'last', 'get', 'get_mut', 'as_ref']);

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

class Regions {
  /** Origins of locals, by the start offset of the pattern that declared them. */
  private readonly origins = new Map<number, Origin>();

  constructor(
    private readonly cx: Cx,
    private readonly method: boolean,
  ) {}

  private originOfLocal(l: Local): Origin | null {
    return this.origins.get(l.span.start) ?? null;
  }

  private isRef(l: Local): boolean {
    return this.cx.resolved(l.ty).k === 'ref';
  }

  /** The local a place expression (`x`, `x.f`, `x[i]`, `x.0`) is rooted in. */
  private placeRoot(e: Expr): { local: Local; path: Expr } | null {
    let cur = e;
    while (cur.kind === 'Field' || cur.kind === 'Index' || cur.kind === 'TupleIndex' || cur.kind === 'Paren')
      cur = cur.kind === 'Paren' ? cur.expr : cur.object;
    const local = cur.kind === 'PathExpr' ? this.cx.localOf.get(cur) : undefined;
    return local === undefined ? null : { local, path: cur };
  }

  /** Where the reference an expression evaluates to points, when the checker can tell. */
  originOf(e: Expr): Origin | null {
    switch (e.kind) {
      case 'Paren':
        return this.originOf(e.expr);
      case 'PathExpr': {
        const l = this.cx.localOf.get(e);
        return l !== undefined && this.isRef(l) ? this.originOfLocal(l) : null;
      }
      case 'Ref': {
        const root = this.placeRoot(e.operand);
        if (root === null) return null;
        if (this.isRef(root.local)) return this.originOfLocal(root.local);
        return { kind: 'borrow', of: root.local.name, at: e.span };
      }
      case 'MethodCall': {
        if (!BORROWING.has(e.method)) return null;
        const root = this.placeRoot(e.receiver);
        if (root === null) return null;
        if (this.isRef(root.local)) return this.originOfLocal(root.local);
        return { kind: 'borrow', of: root.local.name, at: e.receiver.span };
      }
      default:
        return null;
    }
  }

  private bind(p: Pattern, o: Origin | null): void {
    if (o !== null && p.kind === 'IdentPat' && p.sub === null && !p.byRef) this.origins.set(p.span.start, o);
  }

  params(fn: FnItem): void {
    const sp = fn.selfParam;
    if (sp !== null && sp.type === null && sp.mode !== 'value' && sp.lifetime !== 'static')
      this.origins.set(sp.span.start, { kind: 'param', method: true });
    for (const p of fn.params) {
      if (p.type.kind === 'RefType' && p.type.lifetime !== 'static')
        this.bind(p.pat, { kind: 'param', method: this.method });
    }
  }

  /** Records origins of `let` and `for` bindings, in source order. */
  collect(body: SyntaxNode): void {
    walk(body, (n) => {
      if (n.kind === 'Fn' && n !== body) return false;
      if (n.kind === 'LetStmt' && n.init !== null) this.bind(n.pat, this.originOf(n.init));
      if (n.kind === 'For') this.bind(n.pat, this.originOf(n.iter));
      return true;
    });
  }

  /** Reports each escaping capture of a `move` closure or async block handed to a spawn. */
  check(arg: Expr, call: Span): void {
    const isMove = (arg.kind === 'AsyncBlock' || arg.kind === 'Closure') && arg.isMove;
    if (!isMove) return;
    const seen = new Set<Local>();
    walk(arg, (n) => {
      if (n.kind !== 'PathExpr') return true;
      const l = this.cx.localOf.get(n);
      if (l === undefined || seen.has(l) || within(l.span, arg.span) || !this.isRef(l)) return true;
      seen.add(l);
      const o = this.originOfLocal(l);
      if (o?.kind === 'borrow') {
        this.cx.findings.error(
          'borrowck',
          o.at,
          'E0597',
          `\`${o.of}\` does not live long enough`,
          'borrowed value does not live long enough',
        );
      } else if (o?.kind === 'param') {
        this.cx.findings.error(
          'borrowck',
          { line: call.line, col: call.col, endLine: call.endLine, endCol: call.endCol },
          'E0521',
          `borrowed data escapes outside of ${o.method ? 'method' : 'function'}`,
        );
      }
      return true;
    });
  }
}

/** The spawn call around each argument the inference marked as detached. */
function spawnCalls(cx: Cx, fn: FnItem): Map<Expr, Span> {
  const out = new Map<Expr, Span>();
  if (fn.body === null) return out;
  walk(fn.body, (n) => {
    if (n.kind === 'Fn') return false;
    if ((n.kind === 'Call' || n.kind === 'MethodCall') && n.args[0] !== undefined && cx.spawnArgs.has(n.args[0]))
      out.set(n.args[0], n.span);
    return true;
  });
  return out;
}

export function checkRegions(cx: Cx, program: Program): void {
  const visit = (node: SyntaxNode, inImpl: boolean): void => {
    if (node.kind === 'Fn' && node.body !== null) {
      const calls = spawnCalls(cx, node);
      if (calls.size > 0) {
        const r = new Regions(cx, inImpl && node.selfParam !== null);
        r.params(node);
        r.collect(node.body);
        for (const [arg, span] of calls) r.check(arg, span);
      }
    }
    const impl = node.kind === 'Impl' ? true : node.kind === 'Fn' ? false : inImpl;
    forEachChild(node, (c) => visit(c, impl));
  };
  visit(program, false);
}
