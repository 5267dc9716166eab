/**
 * Loops: `loop` (with `break value`), `while` / `while let`, and `for` (a numeric fast path for
 * integer ranges; otherwise an iterator held in a hidden slot, so dropping a suspended future
 * drops what the iterator still owns). Each iteration charges the runaway budget and drops its
 * temporaries and bindings at its end; labels route `break` / `continue`.
 */
import { takesWholeArray } from './const-lens.ts';
import type { Expr, ForExpr, LoopExpr, WhileExpr } from '../../syntax/ast.ts';
import { Site } from '../defs.ts';
import { env, runaway } from '../env.ts';
import { CTL, Flow, type Frame, SUSPEND } from '../frame.ts';
import { copyValue, dropInFlight, dropTemps } from '../owner.ts';
import { DONE, intoIter, type Next, type RIter } from '../std/iter.ts';
import { RRange } from '../std/range.ts';
import { Owned, RVec, type Value } from '../values.ts';
import { compileBlock, dropRange } from './block.ts';
import { asResumable, type CE, gen, resumable, sync } from './ce.ts';
import { type Cx, fail } from './cx.ts';
import { compileExpr } from './expr.ts';
import { compileCond } from './control.ts';
import { compilePattern } from './pattern.ts';
import { isResumableScope } from '../tokio/blocking.ts';
import { Blocked, isBlockingIter, markSuspending, osThreads } from '../std/thread-block.ts';

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

/** Returned by `afterPass` while the loop goes on. */
const KEEP_LOOPING: unique symbol = Symbol('keep looping');

/**
 * After one pass of the body that returned `r`: KEEP_LOOPING, or what the loop ends with. A `for`
 * loop's iterator is dropped on the way out, before the break value is taken.
 */
function afterPass(f: Frame, r: Value, label: string | null, it: RIter | null = null): Value {
  if (r !== CTL) return KEEP_LOOPING;
  const s = loopSignal(f, label);
  if (s === 0) return KEEP_LOOPING;
  if (it !== null) dropIter(f, it);
  return s === 1 ? takeBreakValue(f) : CTL;
}

/** Each pass charges the runaway budget. */
function charge(site: Site): void {
  if (--env.budget < 0) runaway(site.line, site.col);
}

function tempMark(f: Frame): number {
  return f.nt;
}

/** Drops the temporaries a pass left above `mark`. */
function dropTempsFrom(f: Frame, mark: number): void {
  if (f.nt > mark) dropTemps(f, mark);
}

export function compileLoop(cx: Cx, e: LoopExpr): CE {
  const body = compileBlock(cx, e.body);
  const label = e.label;
  const site = Site.of(e.span);
  const tailCtl = hasOuterFlow(e.body);
  if (body.s) {
    const b = body.s;
    return sync((f) => {
      const mark = tempMark(f);
      for (;;) {
        charge(site);
        const r = b(f);
        dropTempsFrom(f, mark);
        const out = afterPass(f, r, label);
        if (out !== KEEP_LOOPING) return out;
      }
    }, tailCtl);
  }
  const b = asResumable(body, () => cx.scope.hidden());
  // while suspended: 1 + 2 × the temporaries' mark
  const at = cx.scope.hidden();
  return resumable((f: Frame) => {
    const s = f.s;
    const st = s[at] as number | undefined;
    let mark: number;
    let resumed = st !== undefined;
    if (resumed) {
      s[at] = undefined;
      mark = (st! - 1) / 2;
    } else mark = tempMark(f);
    for (;;) {
      if (!resumed) charge(site);
      resumed = false;
      const r = b(f);
      if (r === SUSPEND) {
        s[at] = 1 + 2 * mark;
        return SUSPEND;
      }
      dropTempsFrom(f, mark);
      const out = afterPass(f, r, label);
      if (out !== KEEP_LOOPING) return out;
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
  /** The end of a pass: KEEP_LOOPING, or what the loop ends with. */
  const endPass = (f: Frame, r: Value, mark: number): Value => {
    if (hasSlots) dropRange(f, lo, hi, keep);
    dropTempsFrom(f, mark);
    return afterPass(f, r, label);
  };
  /** A false condition ends the loop; CTL from the condition propagates. */
  const condExit = (f: Frame, x: Value, mark: number): Value => {
    if (x === true) return KEEP_LOOPING;
    if (x === CTL) return CTL;
    dropTempsFrom(f, mark);
    return undefined;
  };
  if (cond.s && body.s) {
    const c = cond.s;
    const b = body.s;
    return sync((f) => {
      const mark = tempMark(f);
      for (;;) {
        charge(site);
        const stop = condExit(f, c(f), mark);
        if (stop !== KEEP_LOOPING) return stop;
        const out = endPass(f, b(f), mark);
        if (out !== KEEP_LOOPING) return out;
      }
    }, true);
  }
  const hidden = (): number => cx.scope.hidden();
  const c = asResumable(cond, hidden);
  const b = asResumable(body, hidden);
  // while suspended: IN_COND or IN_BODY, plus 4 × the temporaries' mark
  const at = hidden();
  return resumable((f: Frame) => {
    const s = f.s;
    const st = s[at] as number | undefined;
    let mark: number;
    let phase = 0;
    if (st !== undefined) {
      s[at] = undefined;
      phase = st & 3;
      mark = (st - phase) / 4;
    } else mark = tempMark(f);
    for (;;) {
      if (phase !== IN_BODY) {
        if (phase !== IN_COND) charge(site);
        const x = c(f);
        if (x === SUSPEND) {
          s[at] = IN_COND + 4 * mark;
          return SUSPEND;
        }
        const stop = condExit(f, x, mark);
        if (stop !== KEEP_LOOPING) return stop;
      }
      phase = 0;
      const r = b(f);
      if (r === SUSPEND) {
        s[at] = IN_BODY + 4 * mark;
        return SUSPEND;
      }
      const out = endPass(f, r, mark);
      if (out !== KEEP_LOOPING) return out;
    }
  }, true);
}

/** Where a suspended `while` stopped (loops keep it in a hidden slot of the frame). */
const IN_COND = 1;
const IN_BODY = 2;

/**
 * `for x in arr` where the checker knows `arr` is an array of `Copy` items: the array is `Copy`, so
 * the loop iterates a copy and `arr` stays usable (a Vec or a non-Copy array is moved instead).
 */
function copiedArray(cx: Cx, iter: Expr, c: CE): CE {
  const t = cx.facts.typeOf(iter);
  if (t === null || t.k !== 'array' || !cx.facts.isCopy(t) || c.s === null || c.ctl) return c;
  const read = c.s;
  return sync(
    (f) => {
      const v = read(f);
      return v instanceof RVec
        ? new RVec(
            v.a.map((x) => (x instanceof Owned ? copyValue(x) : x)),
            true,
          )
        : v;
    },
    false,
    c.ic,
    c.elem ?? null,
  );
}

export function compileFor(cx: Cx, e: ForExpr): CE {
  const keep = cx.scope.capSet;
  const site = Site.of(e.span);
  const label = e.label;
  const iterE = copiedArray(cx, e.iter, compileExpr(cx, e.iter));
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
  if (test && !takesWholeArray(cx.constLens, e.pat, e.iter)) return fail(e.pat.span, 'refutable pattern in `for` loop');
  const hasSlots = hi > lo;

  /** The iterator, held in the hidden slot so dropping a suspended future drops it. */
  const holdIter = (f: Frame, itv: Value): RIter => {
    const it = intoIter(itv, site);
    const s = f.s;
    s[itSlot] = it;
    it.o = s;
    it.oi = itSlot;
    return it;
  };
  /** The next item bound to the pattern, or false when the iterator is done. */
  const bindNext = (f: Frame, it: RIter): boolean => {
    charge(site);
    const x = it.next();
    if (x === DONE) return false;
    bindItem(f, x);
    return true;
  };
  /** The end of a pass: KEEP_LOOPING, or what the loop ends with (the iterator dropped). */
  const endPass = (f: Frame, it: RIter, r: Value): Value => {
    if (hasSlots) dropRange(f, lo, hi, keep);
    return afterPass(f, r, label, it);
  };
  const runSync = (f: Frame, itv: Value): Value => {
    const b = body.s!;
    if (simple && itv instanceof RRange && typeof itv.start === 'number' && typeof itv.end === 'number') {
      const s = f.s;
      const end = itv.inclusive ? itv.end + 1 : itv.end;
      for (let i = itv.start; i < end; i++) {
        charge(site);
        s[slot] = i;
        const out = afterPass(f, b(f), label);
        if (out !== KEEP_LOOPING) return out;
      }
      return undefined;
    }
    const it = holdIter(f, itv);
    while (bindNext(f, it)) {
      const out = endPass(f, it, b(f));
      if (out !== KEEP_LOOPING) return out;
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

  // in a closure a std thread may run, a blocking iterator (a std `Receiver`) suspends the thread
  // while it waits, as `rx.recv()` does: blocking in place would nest the threads' stacks
  const suspends = isResumableScope(cx.scope) && e.iter.kind !== 'Range';
  if (suspends) markSuspending(site);
  function* nextSuspending(it: RIter): Generator<undefined, Next, undefined> {
    if (!isBlockingIter(it)) return it.next();
    let v = it.nextAt(site);
    while (v instanceof Blocked) {
      osThreads().current.blocker = v.blocker;
      yield undefined;
      v = v.retry();
    }
    return v;
  }
  if (iterE.s && body.s && !suspends) {
    const is = iterE.s;
    return sync((f) => {
      const itv = is(f);
      if (itv === CTL) return CTL;
      return runSync(f, itv);
    }, true);
  }
  // a thread's blocking iterator: a generator (the state machine below has no thread suspension)
  if (suspends) {
    const ig = iterE.g;
    const is = iterE.s;
    const bg = body.g;
    const bs = body.s;
    return gen(function* (f: Frame) {
      const itv = ig ? yield* ig(f) : is!(f);
      if (itv === CTL) return CTL;
      const it = holdIter(f, itv);
      for (;;) {
        charge(site);
        const x = yield* nextSuspending(it);
        if (x === DONE) break;
        bindItem(f, x);
        const out = endPass(f, it, bg ? yield* bg(f) : bs!(f));
        if (out !== KEEP_LOOPING) return out;
      }
      dropIter(f, it);
      return undefined;
    }, true);
  }
  const hidden = (): number => cx.scope.hidden();
  const ir = asResumable(iterE, hidden);
  const b = asResumable(body, hidden);
  // true while the body is suspended (the iterator is in `itSlot`)
  const inBody = hidden();
  return resumable((f: Frame) => {
    const s = f.s;
    let it: RIter;
    let resumed = s[inBody] === true;
    if (resumed) {
      s[inBody] = undefined;
      it = s[itSlot] as RIter;
    } else {
      const itv = ir(f);
      if (itv === SUSPEND || itv === CTL) return itv;
      it = holdIter(f, itv);
    }
    while (resumed || bindNext(f, it)) {
      resumed = false;
      const r = b(f);
      if (r === SUSPEND) {
        s[inBody] = true;
        return SUSPEND;
      }
      const out = endPass(f, it, r);
      if (out !== KEEP_LOOPING) return out;
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
