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
import { asFuture, SimFut } from '../tokio/sim-values.ts';
import { REnum, RTuple, type Value } from '../values.ts';
import { compileLet, dropRange } from './block.ts';
import { type CE, gen, seq, sync } from './ce.ts';
import { awaitPoint, awaitValue } from './closure.ts';
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

function* run(c: CE, f: Frame): Generator<undefined, Value, undefined> {
  return c.g ? yield* c.g(f) : c.s!(f);
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
  return gen(function* (f: Frame) {
    const enabled: boolean[] = [];
    for (const b of branches) {
      if (!b.guard) {
        enabled.push(true);
        continue;
      }
      const g = yield* run(b.guard, f);
      if (g === CTL) return CTL;
      enabled.push(g === true);
    }
    const futs: Future<Value>[] = [];
    for (const b of branches) {
      const v = yield* run(b.fut, f);
      if (v === CTL) return CTL;
      futs.push(asFuture(v, site));
    }
    const sel = new Select(futs, {
      biased,
      enabled,
      matches: (i, v) => {
        const t = tests[i];
        return t === null || t(v as Value);
      },
    });
    const out = (yield* awaitValue(f, new SimFut(sel), site, point)) as unknown as SelectOutput;
    if (out.kind === 'disabled') {
      if (els) return yield* run(els, f);
      return panicAt(site, ALL_DISABLED_PANIC);
    }
    const b = branches[out.index];
    const v = out.value as Value;
    b.pat.bind?.(f, v, true, false, null, 0);
    const r = yield* run(b.handler, f);
    if (b.hi > b.lo) dropRange(f, b.lo, b.hi, keep);
    return r;
  }, true);
}

function tupleOf(vals: Value[]): Value {
  if (vals.length === 0) return undefined;
  const t = new RTuple(vals);
  for (let i = 0; i < vals.length; i++) claim(vals[i], vals, i);
  return t;
}

export function compileJoin(cx: Cx, e: JoinMacro): CE {
  if (!cx.scope.isAsync) return fail(e.span, `\`${e.name}!\` is only allowed inside \`async\` functions and blocks`);
  const site = Site.of(e.span);
  const parts = e.futures.map((x) => compileExpr(cx, x));
  const point = awaitPoint(cx, e);
  const biased = e.biased;
  const isTry = e.isTry;
  return gen(function* (f: Frame) {
    const futs: Future<Value>[] = [];
    for (const p of parts) {
      const v = yield* run(p, f);
      if (v === CTL) return CTL;
      futs.push(asFuture(v, site));
    }
    if (!isTry) {
      const outs = (yield* awaitValue(f, new SimFut(new Join(futs, { biased })), site, point)) as unknown as Value[];
      return tupleOf(outs.slice());
    }
    const isErr = (v: unknown): boolean => v instanceof REnum && v.def === RESULT && v.v === 1;
    const r = (yield* awaitValue(
      f,
      new SimFut(new TryJoin(futs, isErr, { biased })),
      site,
      point,
    )) as unknown as TryJoinOutput;
    if (!r.ok) {
      const e2 = r.error as REnum;
      return err(e2.f[0]);
    }
    const vals = r.values.map((v) => (v as REnum).f[0]);
    return ok(tupleOf(vals));
  }, true);
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
