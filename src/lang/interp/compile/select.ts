/**
 * `tokio::select!`, `tokio::join!` / `try_join!` and `tokio::pin!` (tokio-facts.md §12). select!
 * evaluates every precondition, then every branch future (in branch order), then awaits the
 * simulator's Select (random or biased start per poll; losers dropped before the handler runs);
 * the winner's value is matched against its pattern and its handler runs in its own scope.
 */
import type { JoinMacro, PinMacro, SelectMacro } from '../../syntax/ast.ts';
import { Site } from '../defs.ts';
import { CTL, type Frame } from '../frame.ts';
import { claim } from '../owner.ts';
import { panicAt } from '../panic.ts';
import {
  ALL_DISABLED_PANIC,
  type Future,
  Join,
  Select,
  type SelectOutput,
  TryJoin,
  type TryJoinOutput,
} from '../sim.ts';
import { err, ok, RESULT } from '../std/enums.ts';
import { asFuture, asValue, SimFut } from '../tokio/sim-values.ts';
import { REnum, RTuple, type Value } from '../values.ts';
import { compileLet, dropRange } from './block.ts';
import { asResumable, type CE, map1, resumable, seq, SUSPEND, sync } from './ce.ts';
import { awaitCE, awaitPoint } from './closure.ts';
import { type Cx, fail } from './cx.ts';
import { compileExpr } from './expr.ts';
import { compilePattern, type CPat } from './pattern.ts';

interface Branch {
  readonly guard: CE | null;
  readonly fut: CE;
  readonly pat: CPat;
  readonly handler: CE;
  readonly lo: number;
  readonly hi: number;
}

export function compileSelect(cx: Cx, e: SelectMacro): CE {
  const keep = cx.scope.capSet;
  if (!cx.scope.isAsync) return fail(e.span, '`select!` is only allowed inside `async` functions and blocks');
  const site = Site.of(e.span);
  const branches: Branch[] = e.branches.map((b) => {
    const guard = b.guard ? compileExpr(cx, b.guard) : null;
    const fut = compileExpr(cx, b.future);
    cx.scope.push();
    const lo = cx.scope.nslots;
    const pat = compilePattern(cx, b.pat);
    const handler = compileExpr(cx, b.handler);
    const hi = cx.scope.nslots;
    cx.scope.pop();
    return { guard, fut, pat, handler, lo, hi };
  });
  const els = e.elseBranch ? compileExpr(cx, e.elseBranch) : null;
  const point = awaitPoint(cx, e);
  const biased = e.biased;
  const tests = branches.map((b) => b.pat.test);
  const matches = (i: number, v: unknown): boolean => {
    const t = tests[i];
    return t === null || t(v as Value);
  };
  // every precondition, then every branch future, in branch order; then the Select awaited
  const guards: CE[] = [];
  for (const b of branches) if (b.guard) guards.push(b.guard);
  const ng = guards.length;
  const nb = branches.length;
  const start = seq([...guards, ...branches.map((b) => b.fut)], (_f, vals) => {
    const enabled = new Array<boolean>(nb);
    const futs = new Array<Future<Value>>(nb);
    for (let i = 0, gi = 0; i < nb; i++) enabled[i] = branches[i].guard ? vals[gi++] === true : true;
    for (let i = 0; i < nb; i++) futs[i] = asFuture(vals[ng + i], site);
    return new SimFut(new Select(futs, { biased, enabled, matches }), asValue);
  });
  // a state machine: the awaited Select, then the winner's handler (or `else`), which may suspend
  const hidden = (): number => cx.scope.hidden();
  const awaited = asResumable(awaitCE(cx, start, site, point), hidden);
  const handlers = branches.map((b) => asResumable(b.handler, hidden));
  const elseCode = els === null ? null : asResumable(els, hidden);
  // while a handler is suspended: its branch (IN_ELSE for `else`)
  const at = hidden();
  const runHandler = (f: Frame, i: number): Value => {
    const r = handlers[i](f);
    if (r === SUSPEND) {
      f.s[at] = i;
      return SUSPEND;
    }
    const b = branches[i];
    if (b.hi > b.lo) dropRange(f, b.lo, b.hi, keep);
    return r;
  };
  const runElse = (f: Frame): Value => {
    const r = elseCode!(f);
    if (r === SUSPEND) f.s[at] = IN_ELSE;
    return r;
  };
  return resumable((f: Frame) => {
    const s = f.s;
    const st = s[at] as number | undefined;
    if (st !== undefined) {
      s[at] = undefined;
      return st === IN_ELSE ? runElse(f) : runHandler(f, st);
    }
    const o = awaited(f);
    if (o === SUSPEND || o === CTL) return o;
    const out = o as SelectOutput;
    if (out.kind === 'disabled') {
      if (elseCode !== null) return runElse(f);
      return panicAt(site, ALL_DISABLED_PANIC);
    }
    branches[out.index].pat.bind?.(f, out.value as Value, true, false, null, 0);
    return runHandler(f, out.index);
  }, true);
}

/** A suspended `select!`'s state while its `else` branch runs. */
const IN_ELSE = -1;

function tupleOf(vals: Value[]): Value {
  if (vals.length === 0) return undefined;
  const t = new RTuple(vals);
  for (let i = 0; i < vals.length; i++) claim(vals[i], vals, i);
  return t;
}

const isErr = (v: unknown): boolean => v instanceof REnum && v.def === RESULT && v.v === 1;

export function compileJoin(cx: Cx, e: JoinMacro): CE {
  if (!cx.scope.isAsync) return fail(e.span, `\`${e.name}!\` is only allowed inside \`async\` functions and blocks`);
  const site = Site.of(e.span);
  const parts = e.futures.map((x) => compileExpr(cx, x));
  const point = awaitPoint(cx, e);
  const biased = e.biased;
  // the futures in order, then the Join (TryJoin) awaited like any `.await`
  const start = seq(parts, (_f, vals) => {
    const futs = vals.map((v) => asFuture(v, site));
    return new SimFut(e.isTry ? new TryJoin(futs, isErr, { biased }) : new Join(futs, { biased }), asValue);
  });
  const awaited = awaitCE(cx, start, site, point);
  if (!e.isTry) return map1(awaited, (_f, outs) => tupleOf((outs as Value[]).slice()), null, true);
  return map1(
    awaited,
    (_f, o) => {
      const r = o as TryJoinOutput;
      if (!r.ok) return err((r.error as REnum).f[0]);
      return ok(tupleOf(r.values.map((v) => (v as REnum).f[0])));
    },
    null,
    true,
  );
}

export function compilePin(cx: Cx, e: PinMacro): CE {
  // pinning moves nothing in the interpreter: `pin!(fut)` is `fut`
  if (e.expr) return compileExpr(cx, e.expr);
  if (e.lets.length === 0) return sync(() => undefined);
  return seq(
    e.lets.map((l) => compileLet(cx, l)),
    () => undefined,
  );
}
