/**
 * Closures, async blocks and `.await`.
 * - A `move` closure owns its captures in a capture frame (dropped with the closure); a borrowing
 *   closure reaches the defining frame through `frame.up`.
 * - An async block is a future (async.ts) whose frame holds its captures (`async move`, taken
 *   when the block is evaluated, first mention first) and its locals.
 * - `.await` moves the future in (unless it is awaited through `&mut`), keeps it as a temporary
 *   of the frame while pending (so dropping the suspended future drops it first), polls it with
 *   the Context of the current poll, yields while Pending, and drops it once Ready.
 */
import type { Type } from '../../syntax/ast.ts';
import type { IntCell } from '../intcell.ts';
import type { AwaitExpr, AsyncBlockExpr, ClosureExpr, JoinMacro, Pattern, SelectMacro } from '../../syntax/ast.ts';
import { AsyncFuture, type AsyncLayout, type AwaitPoint, RFuture } from '../async.ts';
import { ClosureDef, RClosure } from '../call.ts';
import { Site } from '../defs.ts';
import { CTL, Flow, Frame, frameAt } from '../frame.ts';
import { claim, dropSlot, dropTailTemps, forgetTemp, pushTemp, take } from '../owner.ts';
import { currentContext, EventKind, PENDING, type Context, type Pending } from '../sim.ts';
import { intoFuture } from '../tokio/into-future.ts';
import { markResumableScope, resumableBody } from '../tokio/blocking.ts';
import { Owned, RefBase, type Value } from '../values.ts';
import { compileBlock } from './block.ts';
import { asResumable, type CE, fusable, SUSPEND, sync } from './ce.ts';
import { type Cx, fail } from './cx.ts';
import { annotationCell, compileExpr } from './expr.ts';
import { compilePattern } from './pattern.ts';
import { FnScope } from './scope.ts';
import { typeFault } from '../type-fault.ts';

/** Compiles parameter patterns into a binder for a fresh frame; returns the param slots. */
export function compileParams(
  cx: Cx,
  params: { pat: Pattern; type: Type | null }[],
  given?: (IntCell | null)[],
): {
  bind: (f: Frame, args: Value[], from: number) => void;
  slots: number[];
  ints: (IntCell | null)[];
} {
  const slots: number[] = [];
  const ints: (IntCell | null)[] = [];
  const binders: ((f: Frame, v: Value) => void)[] = [];
  for (const [pi, p] of params.entries()) {
    const ic = given ? (given[pi] ?? null) : annotationCell(cx, p.type);
    ints.push(ic);
    const pat = p.pat;
    if (pat.kind === 'IdentPat' && !pat.sub && !pat.byRef) {
      const info = cx.scope.declare(pat.name, ic);
      const slot = info.slot;
      slots.push(slot);
      binders.push((f, v) => {
        const s = f.s;
        s[slot] = v;
        if (v instanceof Owned && v.o === null) {
          v.o = s;
          v.oi = slot;
        }
      });
      continue;
    }
    const lo = cx.scope.nslots;
    const cp = compilePattern(cx, pat);
    for (let i = lo; i < cx.scope.nslots; i++) slots.push(i);
    const b = cp.bind;
    binders.push((f, v) => {
      if (b) b(f, v, !(v instanceof Owned) || v.o === null, false, null, 0);
    });
  }
  const n = binders.length;
  return {
    bind: (f, args, from) => {
      for (let i = 0; i < n; i++) binders[i](f, args[i + from]);
    },
    slots,
    ints,
  };
}

export function compileClosure(cx: Cx, e: ClosureExpr): CE {
  if (e.isAsync) return fail(e.span, 'async closures are not supported: use a closure returning an `async move` block');
  const capScope = e.isMove ? new FnScope(cx.scope, true, false, cx.scope.selfType) : null;
  const callScope = new FnScope(capScope ?? cx.scope, false, false, cx.scope.selfType);
  const def = new ClosureDef(e.span.line, e.span.col, 0);
  cx.withScope(callScope, () => {
    const ps = compileParams(
      cx,
      e.params.map((p) => ({ pat: p.pat, type: p.type })),
    );
    // `thread::sleep` suspends a closure run on the blocking pool (tokio/blocking.ts)
    markResumableScope(callScope);
    const body = compileExpr(cx, e.body);
    def.nslots = callScope.nslots;
    def.bind = (f, args) => ps.bind(f, args, 0);
    def.body = body.g ? resumableBody(def, body.g) : body.s;
    def.paramSlots = ps.slots;
    def.dropOrder = callScope.dropOrder();
  });
  if (!capScope) return sync((f) => new RClosure(def, f, false));
  const caps = capScope.captures;
  const nslots = () => capScope.nslots;
  return sync((f) => {
    const cf = new Frame(nslots(), null);
    for (const c of caps) {
      const v = take(frameAt(f, c.from.depth).s, c.from.slot);
      cf.s[c.slot] = v;
      claim(v, cf.s, c.slot);
    }
    return new RClosure(def, cf, true);
  });
}

export function compileAsyncBlock(cx: Cx, e: AsyncBlockExpr): CE {
  const scope = new FnScope(cx.scope, e.isMove, true, cx.scope.selfType);
  let layout: AsyncLayout | null = null;
  cx.withScope(scope, () => {
    const body = compileBlock(cx, e.block);
    layout = makeLayout(body, scope, scope.headSlots, `async block at line ${e.span.line}`, true);
  });
  const lay = layout!;
  const caps = scope.captures;
  const isMove = e.isMove;
  return sync((f) => {
    const fr = new Frame(scope.nslots, isMove ? null : f);
    for (const c of caps) {
      const v = take(frameAt(f, c.from.depth).s, c.from.slot);
      fr.s[c.slot] = v;
      claim(v, fr.s, c.slot);
    }
    return new AsyncFuture(lay, fr);
  });
}

/**
 * The layout of an async body's future. `heads` are the argument / capture slots: arguments are
 * dropped newest first at completion (like a sync fn's), captures in capture order.
 */
export function makeLayout(
  bodyCe: CE,
  scope: FnScope,
  heads: number[],
  name: string,
  capturesForward: boolean,
): AsyncLayout {
  const finalHeads = capturesForward ? heads.slice() : heads.slice().reverse();
  /** The body's value (a `return` value too), after the arguments / captures are dropped. */
  const finish = (f: Frame, r0: Value): Value => {
    let r = r0;
    if (r === CTL) {
      r = f.rv;
      f.rv = undefined;
      f.flow = Flow.None;
    }
    // the tail expression's temporaries (`self.m.lock().await.pop()`'s guard) outlive the
    // body's locals (edition 2021) but not the arguments
    dropTailTemps(f, r);
    const s = f.s;
    for (const i of finalHeads) dropSlot(s[i], s, i);
    return r;
  };
  const sb = bodyCe.s;
  const sync = sb === null ? null : (f: Frame): Value => finish(f, sb(f));
  // a block body is plain code or resumable code (block.ts), never a bare generator
  const rb = sb === null ? bodyCe.r! : null;
  const resume =
    rb === null
      ? null
      : (f: Frame): Value => {
          const r = rb(f);
          return r === SUSPEND ? SUSPEND : finish(f, r);
        };
  return { sync, resume, order: scope.dropOrder(), unpolled: heads.slice(), name };
}

/** The suspend point `e` makes: the locals in scope there that the type checker saw still held. */
export function awaitPoint(cx: Cx, e: AwaitExpr | SelectMacro | JoinMacro): AwaitPoint {
  const scope = cx.scope;
  const moved = cx.movedAtAwait.get(e) ?? new Set<string>();
  return {
    index: scope.awaits++,
    line: e.span.line,
    col: e.span.col,
    locals: scope
      .inScope()
      .filter((v) => !moved.has(v.name))
      .map((v) => ({ name: v.name, slot: v.slot })),
    captures: scope.captures,
    moved,
  };
}

export function compileAwait(cx: Cx, e: AwaitExpr): CE {
  if (!cx.scope.isAsync) return fail(e.span, '`.await` is only allowed inside `async` functions and blocks');
  const inner = compileExpr(cx, e.expr);
  return awaitCE(cx, inner, Site.of(e.span), awaitPoint(cx, e));
}

/** Awaits the future `inner` evaluates to, suspending at `point` (`.await`, and `select!` / `join!`). */
export function awaitCE(cx: Cx, inner: CE, site: Site, point: AwaitPoint): CE {
  const hidden = (): number => cx.scope.hidden();
  // while `ir` suspends the slots stay empty; while the awaited future is pending they hold it
  const ir = inner.s === null ? asResumable(inner, hidden) : inner.s;
  const futSlot = hidden();
  const ownedSlot = hidden();
  // `after`: the enclosing nodes' work on the result, run here (ce.ts `fuse`), not in code of their own.
  return fusable(
    (after) => (f: Frame) => {
      const s = f.s;
      const host = f.fut as AsyncFuture;
      let fut = s[futSlot] as RFuture | undefined;
      let owned: boolean;
      let r: Value | Pending;
      if (fut === undefined) {
        const v = ir(f);
        if (v === SUSPEND || v === CTL) return v;
        owned = !(v instanceof RefBase);
        fut = awaitedFuture(v, site);
        try {
          r = fut.poll(host.cx as Context);
        } catch (e) {
          if (owned) fut.drop();
          throw e;
        }
        if (r !== PENDING) {
          if (owned) fut.drop();
          return after === null || r === CTL ? r : after(f, r);
        }
        if (owned) pushTemp(f, fut); // dropping the suspended frame drops it first
      } else {
        owned = s[ownedSlot] === true;
        r = fut.poll(host.cx as Context);
        if (r !== PENDING) {
          s[futSlot] = undefined;
          host.awaitee = null;
          if (owned) {
            forgetTemp(f, fut);
            fut.drop();
          }
          return after === null || r === CTL ? r : after(f, r);
        }
      }
      s[futSlot] = fut;
      s[ownedSlot] = owned;
      suspendAt(host, site, point, fut);
      return SUSPEND;
    },
    inner.ctl,
    inner.ic,
  );
}

/** Polls `v` (a future, or `&mut` future) to completion from inside an async frame. */
export function* awaitValue(
  f: Frame,
  v: Value,
  site: Site,
  point: AwaitPoint | null = null,
): Generator<undefined, Value, undefined> {
  const owned = !(v instanceof RefBase);
  const fut = awaitedFuture(v, site);
  const host = f.fut as AsyncFuture | null;
  if (!host) return typeFault(site, '`await` is only allowed inside `async` functions and blocks', 'E0728');
  if (owned) pushTemp(f, fut); // dropping the suspended frame drops it first
  for (;;) {
    const r = fut.poll(host.cx as Context);
    if (r !== PENDING) {
      host.awaitee = null;
      if (owned) {
        forgetTemp(f, fut);
        fut.drop();
      }
      return r;
    }
    suspendAt(host, site, point, fut);
    yield undefined;
  }
}

/** The future `.await` polls: `v` itself (owned), or the one a `&mut` reference reaches (borrowed). */
function awaitedFuture(v: Value, site: Site): RFuture {
  let x = v;
  while (x instanceof RefBase) x = x.get();
  return intoFuture(x, site, !(v instanceof RefBase));
}

/** The frame's future suspends at `site`, awaiting `fut` (the inspector's line marker and saved locals follow it). */
function suspendAt(host: AsyncFuture, site: Site, point: AwaitPoint | null, fut: RFuture): void {
  host.at = point;
  host.awaitee = fut;
  noteSuspension(site);
}

export { RFuture };

/** Records where the running task suspends (the UI marks each task's current line with it). */
function noteSuspension(site: Site): void {
  const ctx = currentContext();
  if (ctx) ctx.trace.emit(EventKind.Statement, ctx.currentTaskId() ?? 0, site.line, site.col);
}
