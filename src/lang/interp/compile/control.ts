/**
 * Control flow: `if` / `if let`, `match` (scrutinee temporaries live to the end of the match;
 * bindings move parts out only when the scrutinee is owned here), `break` / `continue` (labels,
 * `break value`), `return`, and `?` (with the `From` conversion of the error). Loops: loops.ts.
 */
import type { Ty } from '../../types/ty.ts';
import { noteFallback } from '../fallbacks.ts';
import type {
  BreakExpr,
  ContinueExpr,
  Expr,
  IfExpr,
  MatchExpr,
  Pattern,
  ReturnExpr,
  Span,
  TryExpr,
} from '../../syntax/ast.ts';
import { Site } from '../defs.ts';
import { CTL, Flow, type Frame, SUSPEND } from '../frame.ts';
import type { IntCell } from '../intcell.ts';
import { release } from '../owner.ts';
import { OPTION, RESULT, err, NONE } from '../std/enums.ts';
import { convertError } from '../std/errors.ts';
import { Owned, REnum, type Value } from '../values.ts';
import { dropRange, compileBlock } from './block.ts';
import { asResumable, type CE, map1, resumable, sync, UNIT_CE } from './ce.ts';
import type { Cx } from './cx.ts';
import { compileExpr, compilePlaceRead } from './expr.ts';
import { compilePattern, type Container, type CPat } from './pattern.ts';
import { isClosed } from './typed.ts';
import { P } from './place.ts';
import { typeFault } from '../type-fault.ts';
import { noteStatement } from '../env.ts';

type Cond = CE;

/** Evaluates a condition; `Let` parts test and bind (into the current scope). */
export function compileCond(cx: Cx, e: Expr): Cond {
  if (e.kind === 'Let') return compileLetCond(cx, e.pat, e.expr);
  if (e.kind === 'Binary' && e.op === '&&' && containsLet(e)) {
    const l = compileCond(cx, e.left);
    const r = compileCond(cx, e.right);
    if (l.s && r.s) {
      const a = l.s;
      const b = r.s;
      return sync((f) => {
        const x = a(f);
        if (x !== true) return x;
        return b(f);
      }, l.ctl || r.ctl);
    }
    const hidden = (): number => cx.scope.hidden();
    const ra = asResumable(l, hidden);
    const rb = asResumable(r, hidden);
    // set while the right side is suspended (a suspended left side resumes by itself)
    const inRight = hidden();
    return resumable((f: Frame) => {
      const s = f.s;
      if (s[inRight] === true) s[inRight] = undefined;
      else {
        const x = ra(f);
        if (x !== true) return x;
      }
      const y = rb(f);
      if (y === SUSPEND) s[inRight] = true;
      return y;
    }, l.ctl || r.ctl);
  }
  return compileExpr(cx, e);
}

function containsLet(e: Expr): boolean {
  if (e.kind === 'Let') return true;
  if (e.kind === 'Binary' && e.op === '&&') return containsLet(e.left) || containsLet(e.right);
  return false;
}

/** A scrutinee: evaluated in place mode; `own` tells whether parts may be moved out. */
function scrutinee(cx: Cx, e: Expr): { ce: CE; borrowed: boolean } {
  let x = e;
  while (x.kind === 'Paren') x = x.expr;
  return { ce: compilePlaceRead(cx, x), borrowed: x.kind === 'Ref' };
}

function owned(v: Value, c: Value[] | object | null, k: number, borrowed: boolean): boolean {
  if (borrowed) return false;
  if (!(v instanceof Owned)) return true;
  return v.o === null || (v.o === c && v.oi === k);
}

function compileLetCond(cx: Cx, pat: Pattern, expr: Expr): Cond {
  const { ce, borrowed } = scrutinee(cx, expr);
  const cp = compilePattern(cx, pat);
  const test = cp.test;
  const bind = cp.bind;
  const then = (f: Frame, v: Value): Value => {
    const c = P.c;
    const k = P.k;
    if (test && !test(v)) return false;
    if (bind) bind(f, v, owned(v, c, k, borrowed), false, c, k);
    return true;
  };
  if (ce.s) {
    const s = ce.s;
    return sync((f) => {
      const v = s(f);
      return v === CTL ? CTL : then(f, v);
    }, ce.ctl);
  }
  // `while let Some(x) = rx.recv().await`: a map over the await, which fuses it into itself
  return map1(ce, then);
}

export function compileIf(cx: Cx, e: IfExpr): CE {
  const keep = cx.scope.capSet;
  cx.scope.push();
  const lo = cx.scope.nslots;
  const cond = compileCond(cx, e.cond);
  const then = compileBlock(cx, e.then);
  const hi = cx.scope.nslots;
  cx.scope.pop();
  const els = e.else ? (e.else.kind === 'If' ? compileIf(cx, e.else) : compileBlock(cx, e.else.block)) : UNIT_CE;
  const ctl = cond.ctl || then.ctl || els.ctl;
  const ic = cx.cells.unify(then.ic, els.ic);
  const hasSlots = hi > lo;
  if (cond.s && then.s && els.s) {
    const c = cond.s;
    const t = then.s;
    const el = els.s;
    if (!hasSlots) {
      return sync(
        (f) => {
          const x = c(f);
          if (x === true) return t(f);
          if (x === CTL) return CTL;
          return el(f);
        },
        ctl,
        ic,
      );
    }
    return sync(
      (f) => {
        const x = c(f);
        if (x === true) {
          const v = t(f);
          dropRange(f, lo, hi, keep);
          return v;
        }
        if (x === CTL) return CTL;
        return el(f);
      },
      ctl,
      ic,
    );
  }
  const hidden = (): number => cx.scope.hidden();
  const c = asResumable(cond, hidden);
  const t = asResumable(then, hidden);
  const el = asResumable(els, hidden);
  // the branch a suspended `if` is in (a suspended condition resumes by itself)
  const at = hidden();
  return resumable(
    (f: Frame) => {
      const s = f.s;
      const st = s[at] as number | undefined;
      let x: Value;
      if (st !== undefined) {
        s[at] = undefined;
        x = st === IN_THEN;
      } else {
        x = c(f);
        if (x === SUSPEND) return SUSPEND;
      }
      if (x === true) {
        const v = t(f);
        if (v === SUSPEND) {
          s[at] = IN_THEN;
          return SUSPEND;
        }
        if (hasSlots) dropRange(f, lo, hi, keep);
        return v;
      }
      if (x === CTL) return CTL;
      const v = el(f);
      if (v === SUSPEND) s[at] = IN_ELSE;
      return v;
    },
    ctl,
    ic,
  );
}

/** Where a suspended `if` stopped (kept in a hidden slot of the frame). */
const IN_THEN = 1;
const IN_ELSE = 2;

interface Arm {
  readonly pat: CPat;
  readonly guard: CE | null;
  readonly body: CE;
  readonly lo: number;
  readonly hi: number;
  /** Where the arm is written: a stop for line breakpoints when the arm is taken. */
  readonly line: number;
  readonly col: number;
}

export function compileMatch(cx: Cx, e: MatchExpr): CE {
  const keep = cx.scope.capSet;
  const { ce: scrut, borrowed } = scrutinee(cx, e.scrutinee);
  const site = Site.of(e.span);
  let ic: IntCell | null = null;
  const arms: Arm[] = e.arms.map((a) => {
    cx.scope.push();
    const lo = cx.scope.nslots;
    const pat = compilePattern(cx, a.pat);
    const guard = a.guard ? compileCond(cx, a.guard) : null;
    const body = compileExpr(cx, a.body);
    const hi = cx.scope.nslots;
    cx.scope.pop();
    ic = cx.cells.unify(ic, body.ic);
    return { pat, guard, body, lo, hi, line: a.span.line, col: a.span.col };
  });
  const ctl = scrut.ctl || arms.some((a) => a.body.ctl || (a.guard?.ctl ?? false));
  const n = arms.length;
  const allSync = scrut.s && arms.every((a) => a.body.s && (!a.guard || a.guard.s));
  if (allSync) {
    const s = scrut.s;
    return sync(
      (f) => {
        const v = s(f);
        if (v === CTL) return CTL;
        const c = P.c;
        const k = P.k;
        for (let i = 0; i < n; i++) {
          const a = arms[i];
          const t = a.pat.test;
          if (t !== null && !t(v)) continue;
          const b = a.pat.bind;
          if (a.guard) {
            if (b) b(f, v, false, false, c, k);
            const g = a.guard.s!(f);
            if (g === CTL) return CTL;
            if (g !== true) continue;
          }
          if (b) b(f, v, owned(v, c, k, borrowed), false, c, k);
          noteStatement(a.line, a.col);
          const r = a.body.s!(f);
          if (a.hi > a.lo) dropRange(f, a.lo, a.hi, keep);
          return r;
        }
        return typeFault(site, 'non-exhaustive patterns: no arm of this `match` fits the value', 'E0004');
      },
      ctl,
      ic,
    );
  }
  const hidden = (): number => cx.scope.hidden();
  const sr = asResumable(scrut, hidden);
  const guards = arms.map((a) => (a.guard === null ? null : asResumable(a.guard, hidden)));
  const bodies = arms.map((a) => asResumable(a.body, hidden));
  // While suspended in an arm: where (`at`: the arm index, and whether in its guard or its body),
  // and the scrutinee with the place it was read from (the generator kept them as its locals).
  const at = hidden();
  const vs = hidden();
  const cs = hidden();
  const ks = hidden();
  return resumable(
    (f: Frame) => {
      const s = f.s;
      const st = s[at] as number | undefined;
      let v: Value;
      let c: Container;
      let k: number;
      let i = 0;
      // 0: test the arms from `i`; IN_GUARD / IN_BODY: resume arm `i` there
      let phase = 0;
      if (st === undefined) {
        v = sr(f);
        if (v === SUSPEND || v === CTL) return v;
        c = P.c;
        k = P.k;
      } else {
        v = s[vs];
        c = s[cs] as Container;
        k = s[ks] as number;
        s[at] = s[vs] = s[cs] = s[ks] = undefined;
        i = st >> 1;
        phase = (st & 1) === 1 ? IN_BODY : IN_GUARD;
      }
      for (; i < n; i++) {
        const a = arms[i];
        if (phase !== IN_BODY) {
          const b = a.pat.bind;
          if (phase === 0) {
            const t = a.pat.test;
            if (t !== null && !t(v)) continue;
            if (a.guard && b) b(f, v, false, false, c, k);
          }
          const gr = guards[i];
          if (gr !== null) {
            const g = gr(f);
            if (g === SUSPEND) return suspendArm(s, (i << 1) | 0, v, c, k);
            phase = 0;
            if (g === CTL) return CTL;
            if (g !== true) continue;
          }
          if (b) b(f, v, owned(v, c, k, borrowed), false, c, k);
          noteStatement(a.line, a.col);
        }
        const r = bodies[i](f);
        if (r === SUSPEND) return suspendArm(s, (i << 1) | 1, v, c, k);
        if (a.hi > a.lo) dropRange(f, a.lo, a.hi, keep);
        return r;
      }
      return typeFault(site, 'non-exhaustive patterns: no arm of this `match` fits the value', 'E0004');
    },
    ctl,
    ic,
  );

  function suspendArm(s: Value[], where: number, v: Value, c: Container, k: number): Value {
    s[at] = where;
    s[vs] = v;
    s[cs] = c as Value;
    s[ks] = k;
    return SUSPEND;
  }
}

/** Where a suspended `match` arm stopped (the low bit of its hidden state; the arm index above it). */
const IN_GUARD = 1;
const IN_BODY = 2;

export function compileBreak(cx: Cx, e: BreakExpr): CE {
  const label = e.label;
  if (!e.value) {
    return sync((f) => {
      f.flow = Flow.Break;
      f.label = label;
      f.rv = undefined;
      return CTL;
    }, true);
  }
  const v = compileExpr(cx, e.value);
  return flowWith(v, Flow.Break, label);
}

export function compileContinue(_cx: Cx, e: ContinueExpr): CE {
  const label = e.label;
  return sync((f) => {
    f.flow = Flow.Continue;
    f.label = label;
    return CTL;
  }, true);
}

export function compileReturn(cx: Cx, e: ReturnExpr): CE {
  if (!e.value) {
    return sync((f) => {
      f.flow = Flow.Return;
      f.label = null;
      f.rv = undefined;
      return CTL;
    }, true);
  }
  return flowWith(compileExpr(cx, e.value), Flow.Return, null);
}

function flowWith(v: CE, flow: Flow, label: string | null): CE {
  if (v.s) {
    const s = v.s;
    return sync((f) => {
      const x = s(f);
      if (x === CTL) return CTL;
      f.flow = flow;
      f.label = label;
      f.rv = x;
      return CTL;
    }, true);
  }
  // `return x.await`: a map over the await, which fuses it into itself (no generator)
  return map1(
    v,
    (f, x) => {
      f.flow = flow;
      f.label = label;
      f.rv = x;
      return CTL;
    },
    null,
    true,
  );
}

const peelRefs = (t: Ty): Ty => (t.k === 'ref' ? peelRefs(t.inner) : t);
const isText = (t: Ty): boolean => t.k === 'str' || (t.k === 'adt' && t.name === 'String');

/**
 * The `From` conversion of `e?`'s error, from the checker's pair of error types (its one source):
 * none when they are the same type, when the target is a `Box` (boxing is transparent here) or
 * text into `String`; the target's own `From` impl, chosen by the source type, for a user type.
 * Null when the checker left the target open or it is a std type it does not model (`io::Error`).
 */
function typedConversion(cx: Cx, c: { readonly from: Ty; readonly to: Ty }, at: Site): ((v: Value) => Value) | null {
  const to = peelRefs(c.to);
  if (to.k === 'adt' && to.name === 'Box') return (v) => v;
  if (!isClosed(to)) return null;
  if (isClosed(c.from) && JSON.stringify(c.from) === JSON.stringify(c.to)) return (v) => v;
  if (to.k === 'adt' && to.name === 'String' && isText(peelRefs(c.from))) return (v) => v;
  const it = to.k === 'adt' ? cx.item(to.name) : undefined;
  if (it?.kind !== 'struct' && it?.kind !== 'enum') return null;
  const def = it.def;
  const from = def.methods.get('from');
  // A user error type without a `From` impl: only itself converts into it.
  if (from === undefined) return (v) => v;
  if (isClosed(c.from)) return (v) => from.call(at, [v]);
  // The source type is open (an API the checker's tables do not type): an error that already is
  // the target type passes through, as `From<T> for T` would.
  return (v) => {
    noteFallback('tryOpenSource', at.line, at.col);
    return v instanceof Object && 'def' in v && v.def === def ? v : from.call(at, [v]);
  };
}

/** `e?` on Result (with `From` conversion of the error) and Option. */
export function compileTry(cx: Cx, e: TryExpr): CE {
  const v = compileExpr(cx, e.expr);
  const site = Site.of(e.span);
  // The checker's pair of error types decides the conversion (`From<JoinError>` vs `From<Elapsed>`).
  const c = cx.facts.tryErrors(e);
  if (c !== null && isClosed(c.from)) site.from = c.from;
  const target = cx.scope.retErr;
  const convert =
    (c === null ? null : typedConversion(cx, c, site)) ??
    ((v: Value) => {
      noteFallback('tryByName', site.line, site.col);
      return convertError(v, target, site);
    });
  const then = (f: Frame, x: Value): Value => {
    if (x instanceof REnum) {
      if (x.def === RESULT) {
        if (x.v === 0) return release(x.f[0], x.f);
        const errV = release(x.f[0], x.f);
        f.rv = err(convert(errV));
        f.flow = Flow.Return;
        f.label = null;
        return CTL;
      }
      if (x.def === OPTION) {
        if (x.v === 1) return release(x.f[0], x.f);
        f.rv = NONE;
        f.flow = Flow.Return;
        f.label = null;
        return CTL;
      }
    }
    return typeFault(site, 'the `?` operator can only be applied to values that implement `Try`', 'E0277');
  };
  if (v.s) {
    const s = v.s;
    return sync(
      (f) => {
        const x = s(f);
        return x === CTL ? CTL : then(f, x);
      },
      true,
      v.ic,
    );
  }
  // `x.await?`: a map over the await, which fuses it into itself (no generator)
  return map1(v, then, v.ic, true);
}

export type { Span };
