/**
 * Blocks and statements. A block drops the locals it declared, newest first, when it ends (also
 * when a break / return leaves it). Each statement drops its temporaries at its end: the value of
 * an expression statement (`tokio::spawn(…);` drops the JoinHandle right there) and rvalues that
 * were only borrowed or looked at (method receivers, `&temp`, `let _ = temp`).
 */
import { takesWholeArray } from './const-lens.ts';
import type { Span } from '../../syntax/ast.ts';
import type { Block, Expr, LetStmt, Stmt } from '../../syntax/ast.ts';
import type { Pattern } from '../../syntax/ast-pattern.ts';
import type { Code } from '../defs.ts';
import { CTL, Flow, type Frame, SUSPEND } from '../frame.ts';
import { claim, dropInFlight, dropSlot, dropTemps } from '../owner.ts';
import { Owned, RefBase, type Value } from '../values.ts';
import { asResumable, type CE, gen, map1, type RCode, resumable, sync } from './ce.ts';
import { isHostTypeFailure, MOVED_HANDLE, TypeFault } from '../type-fault.ts';
import { UseAfterDrop } from '../sim.ts';
import { env } from '../env.ts';
import { type Cx, fail } from './cx.ts';
import { annotationCell, compileExpr, compilePlaceRead } from './expr.ts';
import { hintInto, typeHint } from './calls.ts';
import { compilePattern } from './pattern.ts';
import { isPlaceExpr, P, refTo } from './place.ts';

/** Drops slots [lo, hi) newest first, except the frame's capture slots (`keep`). */
export function dropRange(f: Frame, lo: number, hi: number, keep: Set<number>): void {
  const s = f.s;
  for (let i = hi - 1; i >= lo; i--) {
    const v = s[i];
    if (v instanceof Owned && !keep.has(i)) dropSlot(v, s, i);
  }
}

/** A compiled statement: its code, and whether it drops temporaries / its value at the `;`. */
interface CStmt {
  readonly ce: CE;
  readonly temps: boolean;
  readonly drop: boolean;
  /** Where the statement is written (a host failure inside it is reported there). */
  at?: Span;
}

interface Stmts {
  readonly codes: CStmt[];
  readonly tail: CE | null;
  readonly lo: number;
  readonly hi: number;
}

function compileStmts(cx: Cx, block: Block): Stmts {
  cx.scope.push();
  const lo = cx.scope.nslots;
  const codes: CStmt[] = [];
  for (const st of block.stmts) {
    const c = compileStmt(cx, st);
    if (c) {
      c.at = st.span;
      codes.push(c);
    }
  }
  const tail = block.tail ? compileExpr(cx, block.tail) : null;
  const hi = cx.scope.nslots;
  cx.scope.pop();
  return { codes, tail, lo, hi };
}

export function compileBlock(cx: Cx, block: Block): CE {
  const keep = cx.scope.capSet;
  const { codes: stmts, tail, lo, hi } = compileStmts(cx, block);
  const ctl = stmts.some((c) => c.ce.ctl) || (tail?.ctl ?? false);
  const ic = tail?.ic ?? null;
  const hasSlots = hi > lo;
  // where each statement starts, then the tail's start (statement events: env.onStatement)
  const ls = stmts.map((c) => c.at?.line ?? 0);
  const cs = stmts.map((c) => c.at?.col ?? 0);
  const tl = block.tail?.span.line ?? 0;
  const tc = block.tail?.span.col ?? 0;
  if (stmts.every((c) => c.ce.s) && (!tail || tail.s)) {
    const ss = stmts.map((c) => (c.temps || c.drop ? withTemps(c.ce, c.drop).s! : c.ce.s!));
    const n = ss.length;
    const ts = tail?.s ?? null;
    if (n === 0 && ts && !hasSlots) {
      return sync(
        (f) => {
          const h = env.onStatement;
          if (h !== null) h(tl, tc);
          return ts(f);
        },
        ctl,
        ic,
      );
    }
    if (n === 1 && !ts && !hasSlots) {
      const only = ss[0];
      const at = stmts[0].at;
      const l0 = ls[0];
      const c0 = cs[0];
      return sync((f) => {
        const h = env.onStatement;
        if (h !== null) h(l0, c0);
        try {
          return only(f) === CTL ? CTL : undefined;
        } catch (e) {
          return hostFailure(e, at);
        }
      }, ctl);
    }
    const code: Code = (f) => {
      let i = 0;
      try {
        for (; i < n; i++) {
          const h = env.onStatement;
          if (h !== null) h(ls[i], cs[i]);
          if (ss[i](f) === CTL) {
            if (hasSlots) dropRange(f, lo, hi, keep);
            return CTL;
          }
        }
      } catch (e) {
        return hostFailure(e, stmts[i]?.at);
      }
      let v: Value = undefined;
      if (ts) {
        const h = env.onStatement;
        if (h !== null) h(tl, tc);
        v = ts(f);
      }
      if (hasSlots) dropRange(f, lo, hi, keep);
      return v;
    };
    return sync(code, ctl, ic);
  }
  // resumable form: statements' temporaries are handled here (no extra code per statement)
  const hidden = (): number => cx.scope.hidden();
  const rs = stmts.map((c) => asResumable(c.ce, hidden));
  const tmp = stmts.map((c) => c.temps || c.drop);
  const drops = stmts.map((c) => c.drop);
  const n = stmts.length;
  const tr = tail === null ? null : asResumable(tail, hidden);
  // while suspended: the statement it stopped in plus `radix` × the temporaries' mark there
  const at = hidden();
  const radix = n + 1;
  const r: RCode = (f: Frame) => {
    const s = f.s;
    const st = s[at] as number | undefined;
    let i = 0;
    let mark = 0;
    let resumed = false;
    if (st !== undefined) {
      s[at] = undefined;
      i = st % radix;
      mark = (st - i) / radix;
      resumed = true;
    }
    for (; i < n; i++) {
      if (!resumed) {
        const h = env.onStatement;
        if (h !== null) h(ls[i], cs[i]);
        mark = f.nt;
      }
      resumed = false;
      let v: Value;
      try {
        v = rs[i](f);
      } catch (e) {
        return hostFailure(e, stmts[i]?.at);
      }
      if (v === SUSPEND) {
        s[at] = i + mark * radix;
        return SUSPEND;
      }
      if (tmp[i]) {
        if (drops[i] && v !== CTL && v instanceof Owned) dropInFlight(v);
        if (f.nt > mark) dropTemps(f, mark);
      }
      if (v === CTL) {
        if (hasSlots) dropRange(f, lo, hi, keep);
        return CTL;
      }
    }
    let v: Value = undefined;
    if (tr !== null) {
      if (!resumed) {
        const h = env.onStatement;
        if (h !== null) h(tl, tc);
      }
      v = tr(f);
      if (v === SUSPEND) {
        s[at] = n;
        return SUSPEND;
      }
    }
    if (hasSlots) dropRange(f, lo, hi, keep);
    return v;
  };
  return resumable(r, ctl, ic);
}

/**
 * A JavaScript TypeError (or a RangeError other than the host's stack) escaping a statement means a value of a type the operation cannot take got
 * there (a program rustc refuses, that our checker let through): it is reported at the innermost
 * statement as a located error, never as an internal one.
 */
function hostFailure(e: unknown, at: Span | undefined): never {
  if (at === undefined) throw e;
  if (isHostTypeFailure(e))
    throw new TypeFault(at.line, at.col, 'this statement uses a value of a type it cannot take');
  // a fault raised where no span is known (a handle polled after it was consumed) takes the statement's
  if (e instanceof TypeFault && e.line === 0) throw new TypeFault(at.line, at.col, e.message, e.code);
  if (e instanceof UseAfterDrop) throw new TypeFault(at.line, at.col, MOVED_HANDLE, 'E0382');
  throw e;
}

/** `{ … }` as an expression; `'label: { … }` catches `break 'label value`. */
export function compileBlockExpr(cx: Cx, block: Block, label: string | null): CE {
  const b = compileBlock(cx, block);
  if (label === null) return b;
  const catchBreak = (f: Frame, v: Value): Value => {
    if (v === CTL && f.flow === Flow.Break && f.label === label) {
      f.flow = Flow.None;
      f.label = null;
      const r = f.rv;
      f.rv = undefined;
      return r;
    }
    return v;
  };
  if (b.s) {
    const s = b.s;
    return sync((f) => catchBreak(f, s(f)), true, b.ic);
  }
  const g = b.g!;
  return gen(
    function* (f: Frame) {
      return catchBreak(f, yield* g(f));
    },
    true,
    b.ic,
  );
}

/** Wraps a statement so its temporaries are dropped when it ends. */
function withTemps(c: CE, dropResult: boolean): CE {
  if (c.s) {
    const s = c.s;
    return sync((f) => {
      const mark = f.nt;
      const v = s(f);
      if (dropResult && v !== CTL && v instanceof Owned) dropInFlight(v);
      if (f.nt > mark) dropTemps(f, mark);
      return v === CTL ? CTL : undefined;
    }, c.ctl);
  }
  const g = c.g!;
  return gen(function* (f: Frame) {
    const mark = f.nt;
    const v = yield* g(f);
    if (dropResult && v !== CTL && v instanceof Owned) dropInFlight(v);
    if (f.nt > mark) dropTemps(f, mark);
    return v === CTL ? CTL : undefined;
  }, c.ctl);
}

/** Can the statement's value be something with drop glue (to drop at the `;`)? */
function mayOwn(e: Expr): boolean {
  switch (e.kind) {
    case 'Assign':
    case 'CompoundAssign':
    case 'While':
    case 'For':
    case 'Break':
    case 'Continue':
    case 'Return':
    case 'FormatMacro':
    case 'AssertMacro':
    case 'AssertCmpMacro':
    case 'IntLit':
    case 'BoolLit':
    case 'StrLit':
      return false;
    default:
      return true;
  }
}

function compileStmt(cx: Cx, st: Stmt): CStmt | null {
  switch (st.kind) {
    case 'ItemStmt':
      return null; // nested items are registered with the program's items
    case 'ExprStmt': {
      const before = cx.tempSites;
      const ce = compileExpr(cx, st.expr);
      return { ce, temps: cx.tempSites !== before, drop: mayOwn(st.expr) };
    }
    case 'LetStmt': {
      const before = cx.tempSites;
      const ce = compileLet(cx, st);
      return { ce, temps: cx.tempSites !== before, drop: false };
    }
  }
}

/** A `let` statement (also used by `tokio::pin! { let x = …; }`). */
export function compileLet(cx: Cx, st: LetStmt): CE {
  const ann = annotationCell(cx, st.type);
  if (st.type && st.init) hintInto(cx, st.init, typeHint(st.type));
  const pat = st.pat;
  if (!st.init) {
    compilePattern(cx, pat);
    return sync(() => undefined);
  }
  // `let _ = e;` only looks at `e` (an rvalue is dropped at the end of the statement)
  if (pat.kind === 'WildPat') return compilePlaceRead(cx, st.init);
  if (pat.kind === 'IdentPat' && !pat.sub && !st.elseBlock) {
    if (pat.byRef) {
      const init = compilePlaceRead(cx, st.init);
      const info = cx.scope.declare(pat.name, init.ic);
      const slot = info.slot;
      const mut = pat.mutable;
      return mapStore(init, (f, v) => {
        f.s[slot] = mut ? (v instanceof RefBase ? v : refTo(P.c, P.k, v)) : v;
      });
    }
    const init = compileLetInit(cx, st.init);
    const ic = cx.cells.unify(ann, init.ic);
    const info = cx.scope.declare(pat.name, ic);
    info.elem = init.elem ?? null;
    const slot = info.slot;
    return mapStore(init, (f, v) => {
      const s = f.s;
      s[slot] = v;
      if (v instanceof Owned && v.o === null) {
        v.o = s;
        v.oi = slot;
      }
    });
  }
  // destructuring a place moves only the parts that are bound; the rest stays in the place
  const fromPlace = isPlaceExpr(st.init);
  const init = fromPlace ? compilePlaceRead(cx, st.init) : compileExpr(cx, st.init);
  if (ann) cx.cells.unify(ann, init.ic);
  const cp = compilePattern(cx, pat);
  const ownedHere = (v: Value): boolean => {
    if (!(v instanceof Owned) || v.o === null) return true;
    return fromPlace && v.o === P.c && v.oi === P.k;
  };
  const elseB = st.elseBlock ? compileBlock(cx, st.elseBlock) : null;
  if (!cp.test && elseB) return fail(st.span, 'this `let … else` pattern always matches');
  const test = cp.test;
  const bind = cp.bind;
  if (!elseB) {
    if (test && !bindsWholeArray(cx, st) && !takesWholeArray(cx.constLens, st.pat, st.init))
      return fail(st.pat.span, 'refutable pattern in `let`: use `let … else` or `if let`');
    return mapStore(init, (f, v) => {
      const c = fromPlace ? P.c : null;
      const k = P.k;
      bind?.(f, v, ownedHere(v), false, c, k);
      if (v instanceof Owned && v.o === null) dropAfterDestructure(v);
    });
  }
  if (elseB.g) {
    // the `else` block awaits: the whole statement is a generator
    const eg = elseB.g;
    const s0 = init.s;
    const g0 = init.g;
    return gen(function* (f: Frame) {
      const v = s0 ? s0(f) : yield* g0!(f);
      if (v === CTL) return CTL;
      const c = fromPlace ? P.c : null;
      const k = P.k;
      const own = ownedHere(v);
      if (test && !test(v)) {
        dropInFlight(v);
        if ((yield* eg(f)) !== CTL) throw new Error('`let … else` block did not diverge');
        return CTL;
      }
      bind?.(f, v, own, false, c, k);
      return undefined;
    }, true);
  }
  const es = divergent(elseB.s!);
  const then = (f: Frame, v: Value): Value => {
    const c = fromPlace ? P.c : null;
    const k = P.k;
    const own = ownedHere(v);
    if (test && !test(v)) {
      dropInFlight(v);
      return es(f);
    }
    bind?.(f, v, own, false, c, k);
    return undefined;
  };
  if (init.s) {
    const s = init.s;
    return sync((f) => {
      const v = s(f);
      return v === CTL ? CTL : then(f, v);
    }, true);
  }
  // `let Some(x) = rx.recv().await else { … }`: a map over the await, which fuses it into itself
  return map1(init, then, null, true);
}

/** What remains of a destructured rvalue (parts not moved into bindings) is dropped now. */
function dropAfterDestructure(v: Owned): void {
  dropInFlight(v);
}

/** `let x = &temp();` extends the temporary's life to the binding's scope (the slot owns it). */
function compileLetInit(cx: Cx, init: Expr): CE {
  if (init.kind === 'Ref' && !init.mutable) {
    const op = init.operand;
    const isPlace =
      (op.kind === 'PathExpr' && op.path.segments.length === 1) ||
      op.kind === 'Field' ||
      op.kind === 'TupleIndex' ||
      op.kind === 'Index';
    if (!isPlace) return compileExpr(cx, op);
  }
  return compileExpr(cx, init);
}

function divergent(s: Code): Code {
  return (f) => {
    const r = s(f);
    if (r !== CTL) throw new Error('`let … else` block did not diverge');
    return CTL;
  };
}

function mapStore(init: CE, store: (f: Frame, v: Value) => void): CE {
  if (init.s) {
    const s = init.s;
    if (!init.ctl) {
      return sync((f) => {
        store(f, s(f));
        return undefined;
      });
    }
    return sync((f) => {
      const v = s(f);
      if (v === CTL) return CTL;
      store(f, v);
      return undefined;
    }, true);
  }
  // `let x = h.await;`: a map over the await, which fuses it into itself
  return map1(init, (f, v) => {
    store(f, v);
    return undefined;
  });
}

export { claim };

/**
 * `let [a, b, ..] = value` where the checker knows `value` is an array (`[T; N]`, also behind a
 * reference): the slice pattern's length test always passes, so the `let` is irrefutable.
 */
function bindsWholeArray(cx: Cx, st: LetStmt): boolean {
  if (st.pat.kind !== 'SlicePat' || st.init === null) return false;
  let t = cx.facts.typeOf(st.init);
  while (t?.k === 'ref') t = t.inner;
  if (t?.k !== 'array') return false;
  const plain = (e: Pattern): boolean =>
    e.kind === 'WildPat' ||
    e.kind === 'RestPat' ||
    (e.kind === 'IdentPat' && (e.sub === null || e.sub.kind === 'RestPat'));
  const rest = st.pat.elems.some((e) => e.kind === 'RestPat' || (e.kind === 'IdentPat' && e.sub?.kind === 'RestPat'));
  return st.pat.elems.every(plain) && (rest || t.len === undefined || t.len === st.pat.elems.length);
}
