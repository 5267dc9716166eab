/**
 * Loops: `loop` (with `break value`), `while` / `while let`, and `for` (a numeric fast path for
 * integer ranges; otherwise an iterator held in a hidden slot, so dropping a suspended future
 * drops what the iterator still owns). Each iteration charges the runaway budget and drops its
 * temporaries and bindings at its end; labels route `break` / `continue`.
 */
import type { ForExpr, LoopExpr, WhileExpr } from '../../syntax/ast.ts';
import { Site } from '../defs.ts';
import { env, runaway } from '../env.ts';
import { CTL, Flow, type Frame } from '../frame.ts';
import { dropInFlight, dropTemps } from '../owner.ts';
import { DONE, intoIter, type RIter } from '../std/iter.ts';
import { RRange } from '../std/range.ts';
import { Owned, type Value } from '../values.ts';
import { compileBlock, dropRange } from './block.ts';
import { type CE, gen, sync } from './ce.ts';
import { type Cx, fail } from './cx.ts';
import { compileExpr } from './expr.ts';
import { compileCond } from './control.ts';
import { compilePattern } from './pattern.ts';

/** What a loop does with a CTL from its body: 0 = keep looping, 1 = exit normally, 2 = propagate. */
function loopSignal(f: Frame, label: string | null): 0 | 1 | 2 {
  const fl = f.flow;
  if ((fl === Flow.Break || fl === Flow.Continue) && (f.label === null || f.label === label)) {
    f.flow = Flow.None;
    f.label = null;
    return fl === Flow.Break ? 1 : 0;
  }
  return 2;
}

function takeBreakValue(f: Frame): Value {
  const v = f.rv;
  f.rv = undefined;
  return v;
}

export function compileLoop(cx: Cx, e: LoopExpr): CE {
  const body = compileBlock(cx, e.body);
  const label = e.label;
  const site = Site.of(e.span);
  const tailCtl = hasOuterFlow(e.body);
  if (body.s) {
    const b = body.s;
    return sync((f) => {
      const mark = f.temps === null ? 0 : f.temps.length;
      for (;;) {
        if (--env.budget < 0) runaway(site.line, site.col);
        const r = b(f);
        if (f.temps !== null && f.temps.length > mark) dropTemps(f, mark);
        if (r === CTL) {
          const s = loopSignal(f, label);
          if (s === 1) return takeBreakValue(f);
          if (s === 2) return CTL;
        }
      }
    }, tailCtl);
  }
  const g = body.g!;
  return gen(function* (f: Frame) {
    const mark = f.temps === null ? 0 : f.temps.length;
    for (;;) {
      if (--env.budget < 0) runaway(site.line, site.col);
      const r = yield* g(f);
      if (f.temps !== null && f.temps.length > mark) dropTemps(f, mark);
      if (r === CTL) {
        const s = loopSignal(f, label);
        if (s === 1) return takeBreakValue(f);
        if (s === 2) return CTL;
      }
    }
  }, tailCtl);
}

/** Conservatively true: a loop body may `return` / `?` / break an outer label. */
function hasOuterFlow(_b: unknown): boolean {
  return true;
}

export function compileWhile(cx: Cx, e: WhileExpr): CE {
  const keep = cx.scope.capSet;
  cx.scope.push();
  const lo = cx.scope.nslots;
  const cond = compileCond(cx, e.cond);
  const body = compileBlock(cx, e.body);
  const hi = cx.scope.nslots;
  cx.scope.pop();
  const label = e.label;
  const site = Site.of(e.span);
  const hasSlots = hi > lo;
  if (cond.s && body.s) {
    const c = cond.s;
    const b = body.s;
    return sync((f) => {
      const mark = f.temps === null ? 0 : f.temps.length;
      for (;;) {
        if (--env.budget < 0) runaway(site.line, site.col);
        const x = c(f);
        if (x === CTL) return CTL;
        if (x !== true) {
          if (f.temps !== null && f.temps.length > mark) dropTemps(f, mark);
          return undefined;
        }
        const r = b(f);
        if (hasSlots) dropRange(f, lo, hi, keep);
        if (f.temps !== null && f.temps.length > mark) dropTemps(f, mark);
        if (r === CTL) {
          const s = loopSignal(f, label);
          if (s === 1) return takeBreakValue(f);
          if (s === 2) return CTL;
        }
      }
    }, true);
  }
  const cg = cond.g;
  const cs = cond.s;
  const bg = body.g;
  const bs = body.s;
  return gen(function* (f: Frame) {
    const mark = f.temps === null ? 0 : f.temps.length;
    for (;;) {
      if (--env.budget < 0) runaway(site.line, site.col);
      const x = cg ? yield* cg(f) : cs!(f);
      if (x === CTL) return CTL;
      if (x !== true) {
        if (f.temps !== null && f.temps.length > mark) dropTemps(f, mark);
        return undefined;
      }
      const r = bg ? yield* bg(f) : bs!(f);
      if (hasSlots) dropRange(f, lo, hi, keep);
      if (f.temps !== null && f.temps.length > mark) dropTemps(f, mark);
      if (r === CTL) {
        const s = loopSignal(f, label);
        if (s === 1) return takeBreakValue(f);
        if (s === 2) return CTL;
      }
    }
  }, true);
}

export function compileFor(cx: Cx, e: ForExpr): CE {
  const keep = cx.scope.capSet;
  const site = Site.of(e.span);
  const label = e.label;
  const iterE = compileExpr(cx, e.iter);
  cx.scope.push();
  const itSlot = cx.scope.hidden();
  const lo = cx.scope.nslots;
  // a plain `for i in a..b`: a numeric loop, no iterator object
  const pat = e.pat;
  const simple = pat.kind === 'IdentPat' && !pat.sub && !pat.byRef;
  const info = simple ? cx.scope.declare((pat as { name: string }).name, iterE.elem ?? null) : null;
  const cp = simple ? null : compilePattern(cx, pat);
  const body = compileBlock(cx, e.body);
  const hi = cx.scope.nslots;
  cx.scope.pop();
  const slot = info?.slot ?? -1;
  const bind = cp?.bind ?? null;
  const test = cp?.test ?? null;
  if (test) return fail(e.pat.span, 'refutable pattern in `for` loop');
  const hasSlots = hi > lo;

  const runSync = (f: Frame, itv: Value): Value => {
    const s = f.s;
    if (simple && itv instanceof RRange && typeof itv.start === 'number' && typeof itv.end === 'number') {
      const end = itv.inclusive ? itv.end + 1 : itv.end;
      const b = body.s!;
      for (let i = itv.start; i < end; i++) {
        if (--env.budget < 0) runaway(site.line, site.col);
        s[slot] = i;
        const r = b(f);
        if (r === CTL) {
          const sig = loopSignal(f, label);
          if (sig === 1) return takeBreakValue(f);
          if (sig === 2) return CTL;
        }
      }
      return undefined;
    }
    const it = intoIter(itv, site);
    s[itSlot] = it;
    it.o = s;
    it.oi = itSlot;
    const b = body.s!;
    for (;;) {
      if (--env.budget < 0) runaway(site.line, site.col);
      const x = it.next();
      if (x === DONE) break;
      bindItem(f, x);
      const r = b(f);
      if (hasSlots) dropRange(f, lo, hi, keep);
      if (r === CTL) {
        const sig = loopSignal(f, label);
        if (sig === 1) {
          dropIter(f, it);
          return takeBreakValue(f);
        }
        if (sig === 2) {
          dropIter(f, it);
          return CTL;
        }
      }
    }
    dropIter(f, it);
    return undefined;
  };
  const bindItem = (f: Frame, x: Value): void => {
    if (simple) {
      const s = f.s;
      s[slot] = x;
      if (x instanceof Owned && x.o === null) {
        x.o = s;
        x.oi = slot;
      }
    } else if (bind) bind(f, x, !(x instanceof Owned) || x.o === null, false, null, 0);
  };

  if (iterE.s && body.s) {
    const is = iterE.s;
    return sync((f) => {
      const itv = is(f);
      if (itv === CTL) return CTL;
      return runSync(f, itv);
    }, true);
  }
  const ig = iterE.g;
  const is = iterE.s;
  const bg = body.g;
  const bs = body.s;
  return gen(function* (f: Frame) {
    const itv = ig ? yield* ig(f) : is!(f);
    if (itv === CTL) return CTL;
    const it = intoIter(itv, site);
    const s = f.s;
    s[itSlot] = it;
    it.o = s;
    it.oi = itSlot;
    for (;;) {
      if (--env.budget < 0) runaway(site.line, site.col);
      const x = it.next();
      if (x === DONE) break;
      bindItem(f, x);
      const r = bg ? yield* bg(f) : bs!(f);
      if (hasSlots) dropRange(f, lo, hi, keep);
      if (r === CTL) {
        const sig = loopSignal(f, label);
        if (sig === 1) {
          dropIter(f, it);
          return takeBreakValue(f);
        }
        if (sig === 2) {
          dropIter(f, it);
          return CTL;
        }
      }
    }
    dropIter(f, it);
    return undefined;
  }, true);
}

function dropIter(f: Frame, it: RIter): void {
  const s = f.s;
  if (it.o === s) {
    it.o = null;
    dropInFlight(it);
  }
}
