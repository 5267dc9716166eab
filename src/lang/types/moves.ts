/**
 * Use after move (E0382), in rustc's borrowck phase. Walks each body in evaluation order keeping
 * the set of moved places (`x`, or `x.field`: closures capture disjoint fields, as in Rust 2021).
 * Only values whose type certainly is not `Copy` move; a value of unknown type never does. Moves
 * in a branch that diverges do not count after it; a loop body is walked twice (unless it can
 * break or return), so a move into the next iteration is found where rustc finds it.
 */
import type { Block, Expr, Span, Stmt } from '../syntax/ast.ts';
import { walk } from '../syntax/visit.ts';
import type { Cx, Local } from './cx.ts';
import { certainlyMoves } from './copy.ts';
import { probeMethod } from './method.ts';
import type { Ty } from './ty.ts';

type Mode = 'move' | 'borrow';

/** Moved places: key `id` or `id.field.field` → where and what was written. */
type State = Map<string, { name: string; decl: Span }>;

interface Place {
  readonly key: string;
  readonly name: string;
  readonly local: Local;
  readonly ty: Ty | undefined;
}

const BY_VALUE_STD = new Set(['into_iter']);
/** std/tokio methods that consume their receiver, by receiver type (`oneshot::Sender::send(self, T)`). */
const BY_VALUE_OF: Record<string, readonly string[]> = {
  'oneshot::Sender': ['send'],
  JoinSet: ['join_all'],
  String: ['into_bytes', 'into_boxed_str'],
};

class MoveCheck {
  private readonly reported = new Set<string>();
  constructor(protected readonly cx: Cx) {}

  /** The place `e` names (a local, or fields of one), or null. */
  place(e: Expr): Place | null {
    if (e.kind === 'PathExpr') {
      const local = this.cx.localOf.get(e);
      return local === undefined ? null : { key: String(local.id), name: local.name, local, ty: local.ty };
    }
    if (e.kind === 'Field' || e.kind === 'TupleIndex') {
      const base = this.place(e.object);
      if (base === null) return null;
      const f = e.kind === 'Field' ? e.name : String(e.index);
      // Through a reference the field cannot be moved out of; stop the place at the reference.
      const bt = base.ty === undefined ? undefined : this.cx.resolved(base.ty);
      if (bt !== undefined && bt.k !== 'adt' && bt.k !== 'tuple') return null;
      return { key: `${base.key}.${f}`, name: `${base.name}.${f}`, local: base.local, ty: this.cx.exprTy.get(e) };
    }
    return null;
  }

  private conflict(state: State, key: string): string | null {
    for (const k of state.keys()) if (k === key || k.startsWith(`${key}.`) || key.startsWith(`${k}.`)) return k;
    return null;
  }

  /** A use of a place: an error when it (or a part of it) was moved; a move when `mode` says so. */
  use(state: State, p: Place, mode: Mode, at: Span, report = true): void {
    const hit = this.conflict(state, p.key);
    if (hit !== null && report) {
      const pos = `${at.line}:${at.col}`;
      if (!this.reported.has(pos)) {
        this.reported.add(pos);
        const what = mode === 'move' ? 'use of moved value' : 'borrow of moved value';
        const partial = hit !== p.key && hit.startsWith(`${p.key}.`);
        this.cx.findings.error(
          'borrowck',
          at,
          'E0382',
          partial
            ? `${what === 'use of moved value' ? 'use' : 'borrow'} of partially moved value: \`${p.name}\``
            : `${what}: \`${p.name}\``,
          'value used here after move',
        );
      }
    }
    if (mode === 'move' && p.ty !== undefined && certainlyMoves(p.ty, this.cx.table, this.cx.items)) {
      state.set(p.key, { name: p.name, decl: p.local.span });
    }
  }

  expr(state: State, e: Expr, mode: Mode): void {
    const p = this.place(e);
    if (p !== null) {
      this.use(state, p, mode, e.span);
      return;
    }
    switch (e.kind) {
      case 'Call':
        this.expr(state, e.callee, 'borrow');
        for (const a of e.args) this.expr(state, a, 'move');
        return;
      case 'MethodCall': {
        const recvTy = this.cx.exprTy.get(e.receiver);
        let byValue = BY_VALUE_STD.has(e.method);
        if (recvTy !== undefined) {
          const r = this.cx.resolved(recvTy);
          if (r.k === 'adt' && !this.cx.items.adts.has(r.name) && BY_VALUE_OF[r.name]?.includes(e.method))
            byValue = true;
          const probe = probeMethod(this.cx, recvTy, e.method);
          if (probe.kind === 'user' && probe.steps === 0) byValue = probe.found.sig.self === 'value';
        }
        this.expr(state, e.receiver, byValue ? 'move' : 'borrow');
        for (const a of e.args) this.expr(state, a, 'move');
        return;
      }
      case 'Assign': {
        this.expr(state, e.value, 'move');
        const target = this.place(e.target);
        if (target !== null) {
          for (const k of [...state.keys()]) if (k === target.key || k.startsWith(`${target.key}.`)) state.delete(k);
        } else this.expr(state, e.target, 'borrow');
        return;
      }
      case 'CompoundAssign':
        this.expr(state, e.target, 'borrow');
        this.expr(state, e.value, 'move');
        return;
      case 'Binary':
        this.expr(state, e.left, ['+', '-', '*', '/', '%'].includes(e.op) ? 'move' : 'borrow');
        this.expr(state, e.right, ['+', '-', '*', '/', '%'].includes(e.op) ? 'move' : 'borrow');
        return;
      case 'Unary':
        this.expr(state, e.operand, e.op === '*' ? 'borrow' : 'move');
        return;
      case 'Ref':
      case 'Cast':
        this.expr(state, e.kind === 'Ref' ? e.operand : e.expr, e.kind === 'Ref' ? 'borrow' : 'move');
        return;
      case 'Field':
      case 'TupleIndex':
      case 'Index':
        this.expr(state, e.object, 'borrow');
        if (e.kind === 'Index') this.expr(state, e.index, 'move');
        return;
      case 'Await':
      case 'Try':
        this.expr(state, e.expr, 'move');
        if (e.kind === 'Await') this.cx.movedAtAwait.set(e, movedLocals(state));
        return;
      case 'Paren':
        this.expr(state, e.expr, mode);
        return;
      case 'Tuple':
      case 'Array':
        for (const x of e.elems) this.expr(state, x, 'move');
        return;
      case 'StructLit':
        for (const f of e.fields) this.expr(state, f.value, 'move');
        if (e.base) this.expr(state, e.base, 'borrow');
        return;
      case 'Return':
      case 'Break':
        if (e.value) this.expr(state, e.value, 'move');
        return;
      case 'BlockExpr':
      case 'Unsafe':
        this.block(state, e.block);
        return;
      case 'If':
        this.ifExpr(state, e);
        return;
      case 'Match': {
        this.expr(state, e.scrutinee, 'borrow');
        const outs: State[] = [];
        for (const arm of e.arms) {
          const s = new Map(state);
          if (arm.guard) this.expr(s, arm.guard, 'borrow');
          this.expr(s, arm.body, 'move');
          if (!divergesExpr(arm.body)) outs.push(s);
        }
        this.joinInto(state, outs);
        return;
      }
      case 'While':
        this.loop(state, e.span, e.body, e.cond);
        return;
      case 'Loop':
        this.loop(state, e.span, e.body, null);
        return;
      case 'For':
        this.expr(state, e.iter, 'move');
        this.loop(state, e.span, e.body, null);
        return;
      case 'Let':
        this.expr(state, e.expr, 'borrow');
        return;
      case 'Closure':
        this.capture(state, e, e.isMove, e.body);
        return;
      case 'AsyncBlock':
        this.capture(state, e, e.isMove, e.block);
        return;
      case 'Range':
        if (e.start) this.expr(state, e.start, 'move');
        if (e.end) this.expr(state, e.end, 'move');
        return;
      case 'ArrayRepeat':
        this.expr(state, e.value, 'move');
        return;
      case 'FormatMacro':
        if (e.target) this.expr(state, e.target, 'borrow');
        for (const a of e.args) this.expr(state, a.value, 'borrow');
        return;
      case 'AssertMacro':
        this.expr(state, e.cond, 'borrow');
        for (const a of e.args) this.expr(state, a.value, 'borrow');
        return;
      case 'AssertCmpMacro':
        this.expr(state, e.left, 'borrow');
        this.expr(state, e.right, 'borrow');
        return;
      case 'VecMacro':
        for (const x of e.elems) this.expr(state, x, 'move');
        if (e.repeat) this.expr(state, e.repeat.value, 'move');
        return;
      case 'DbgMacro':
        for (const x of e.args) this.expr(state, x, 'move');
        return;
      case 'MatchesMacro':
        this.expr(state, e.expr, 'borrow');
        return;
      case 'JoinMacro':
        for (const f of e.futures) this.expr(state, f, 'move');
        return;
      case 'PinMacro':
        for (const l of e.lets) this.stmt(state, l);
        return;
      default:
        // select! and anything else: its parts are checked by nothing here (never a false error).
        return;
    }
  }

  private ifExpr(state: State, e: Extract<Expr, { kind: 'If' }>): void {
    if (e.cond.kind === 'Let') this.expr(state, e.cond.expr, 'borrow');
    else this.expr(state, e.cond, 'borrow');
    const t = new Map(state);
    this.block(t, e.then);
    const outs: State[] = [];
    if (!divergesBlock(e.then)) outs.push(t);
    const f = new Map(state);
    if (e.else !== null) {
      this.expr(f, e.else, 'move');
      if (!divergesExpr(e.else)) outs.push(f);
    } else outs.push(f);
    this.joinInto(state, outs);
  }

  private joinInto(state: State, outs: readonly State[]): void {
    for (const o of outs) for (const [k, v] of o) state.set(k, v);
  }

  private loop(state: State, loop: Span, body: Block, cond: Expr | null): void {
    const once = (): void => {
      if (cond !== null) this.expr(state, cond.kind === 'Let' ? cond.expr : cond, 'borrow');
      this.block(state, body);
    };
    once();
    // A second pass finds what the first iteration moved and the next one uses. Locals declared
    // in the loop are fresh in each iteration.
    if (exits(body)) return;
    for (const [k, v] of [...state]) if (v.decl.start >= loop.start && v.decl.start < loop.end) state.delete(k);
    once();
  }

  private capture(state: State, e: Expr, isMove: boolean, body: Expr | Block): void {
    const inner: State = new Map();
    // Uses inside the closure of places from outside: captured at the closure.
    const captured = new Map<string, { place: Place; mode: Mode }>();
    const collector = new CaptureCollector(this.cx, e.span, captured);
    if (body.kind === 'Block') collector.block(inner, body);
    else collector.expr(inner, body, 'move');
    for (const { place, mode } of captured.values()) this.use(state, place, isMove ? 'move' : mode, e.span);
    if (!isMove && this.cx.spawnArgs.has(e)) this.outlives(e, captured);
  }

  /** E0373: a detached closure or async block that borrows a local of the function around it. */
  private outlives(e: Expr, captured: ReadonlyMap<string, { place: Place; mode: Mode }>): void {
    for (const { place, mode } of captured.values()) {
      const t = place.ty === undefined ? undefined : this.cx.resolved(place.ty);
      const copies = t !== undefined && ['int', 'float', 'bool', 'char', 'ref'].includes(t.k);
      if (mode === 'borrow' || copies) {
        const what = e.kind === 'AsyncBlock' ? 'async block' : 'closure';
        this.cx.findings.error(
          'borrowck',
          e.span,
          'E0373',
          `${what} may outlive the current function, but it borrows \`${place.local.name}\`, which is owned by the current function`,
          `to force the ${what} to take ownership of \`${place.local.name}\`, use the \`move\` keyword`,
        );
        return;
      }
    }
  }

  block(state: State, b: Block): void {
    for (const s of b.stmts) this.stmt(state, s);
    if (b.tail) this.expr(state, b.tail, 'move');
  }

  stmt(state: State, s: Stmt): void {
    if (s.kind === 'LetStmt') {
      if (s.init) this.expr(state, s.init, 'move');
      if (s.elseBlock) this.block(new Map(state), s.elseBlock);
    } else if (s.kind === 'ExprStmt') this.expr(state, s.expr, 'move');
  }
}

/** Walks a closure body: places of outer locals are recorded as captures instead of checked. */
class CaptureCollector extends MoveCheck {
  constructor(
    cx: Cx,
    private readonly closure: Span,
    private readonly captured: Map<string, { place: Place; mode: Mode }>,
  ) {
    super(cx);
  }

  override use(state: State, p: Place, mode: Mode, at: Span): void {
    const d = p.local.span;
    const outside = d.start < this.closure.start || d.start >= this.closure.end;
    if (!outside) {
      super.use(state, p, mode, at);
      return;
    }
    const prev = this.captured.get(p.key);
    if (prev === undefined || (mode === 'move' && prev.mode === 'borrow')) this.captured.set(p.key, { place: p, mode });
    // Inside the body the capture is a place of its own: moved twice there, it is E0382 there
    // (`tx.send(1); tx.send(2);` on a oneshot Sender in a spawned `async move` block).
    super.use(state, p, mode, at);
  }
}

/** The locals wholly moved out in `state` (a partly moved local is still held, in part). */
function movedLocals(state: State): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of state) if (!k.includes('.')) out.add(v.name);
  return out;
}

function divergesExpr(e: Expr): boolean {
  if (e.kind === 'BlockExpr') return divergesBlock(e.block);
  return isExit(e);
}

function isExit(e: Expr): boolean {
  return (
    e.kind === 'Return' ||
    e.kind === 'Break' ||
    e.kind === 'Continue' ||
    (e.kind === 'FormatMacro' && ['panic', 'unreachable', 'todo', 'unimplemented'].includes(e.name))
  );
}

/** Might the block leave normal control flow? Overestimating only drops moves (never a false error). */
function divergesBlock(b: Block): boolean {
  return exits(b);
}

/** Does the block contain a return, break, continue or panic outside nested closures? */
function exits(b: Block): boolean {
  let found = false;
  walk(b, (node) => {
    if (found) return false;
    if (node.kind === 'Closure' || node.kind === 'AsyncBlock') return false;
    if (isExit(node as Expr)) found = true;
    return !found;
  });
  return found;
}

export function checkMoves(cx: Cx, bodies: readonly Block[]): void {
  const m = new MoveCheck(cx);
  for (const b of bodies) m.block(new Map(), b);
}
