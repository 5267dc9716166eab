/**
 * `tokio::sync::{Barrier, BarrierWaitResult, OnceCell}` as Rust values over the simulator's.
 * A OnceCell's value is owned by a holder slot once set, so it is dropped with the cell.
 */
import type { Site } from '../defs.ts';
import { callValue } from '../call.ts';
import { registerFmt, toFmt } from '../fmt-value.ts';
import { fmtWith } from '../../fmt/index.ts';
import { claim, dropChild, release } from '../owner.ts';
import { Barrier, OnceCell, type Result, ok, err } from '../sim.ts';
import { isOk, NONE, OPTION, some } from '../std/enums.ts';
import { member, ns } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, Owned, REnum, type Value } from '../values.ts';
import { asFuture, fromResult, SimFut } from './sim-values.ts';
import { SET_ERROR, variantOf } from './error-enums.ts';

// ---- Barrier
export class RBarrier {
  constructor(readonly b: Barrier) {}
}
export class RBarrierWaitResult {
  constructor(readonly leader: boolean) {}
}
registerFmt(RBarrierWaitResult, (v) => ({
  debug: (f) => f.writeStr(`BarrierWaitResult(${String((v as RBarrierWaitResult).leader)})`),
}));
const BN = ns(['tokio::sync::Barrier', 'sync::Barrier']);
member(BN, 'new', (_s, a) => new RBarrier(new Barrier(Number(a[0]))));
def(
  tableFor(RBarrier),
  'wait',
  'ref',
  (_s, a) => new SimFut((deref(a[0]) as RBarrier).b.wait(), (l) => new RBarrierWaitResult(l === true)),
);
def(tableFor(RBarrierWaitResult), 'is_leader', 'ref', (_s, a) => (deref(a[0]) as RBarrierWaitResult).leader);

// ---- OnceCell
export class ROnceCell extends Owned {
  readonly holder: Value[] = [undefined];
  readonly c = new OnceCell<Value>();
  /** Takes ownership of a value the cell now holds. */
  keep(v: Value): Value {
    this.holder[0] = v;
    claim(v, this.holder, 0);
    return v;
  }
  dropGlue(): void {
    if (this.c.initialized()) dropChild(this.holder[0], this.holder);
  }
}
registerFmt(ROnceCell, (v) => {
  const c = (v as ROnceCell).c;
  return {
    debug: (f) => {
      f.writeStr('OnceCell { value: ');
      if (c.initialized()) {
        f.writeStr('Some(');
        fmtWith(toFmt(c.get()), 'Debug', f);
        f.writeStr(')');
      } else f.writeStr('None');
      f.writeStr(' }');
    },
  };
});
function withValue(v: Value): ROnceCell {
  const c = new ROnceCell();
  c.c.setValue(c.keep(v));
  return c;
}
const ON = ns(['tokio::sync::OnceCell', 'sync::OnceCell']);
member(ON, 'new', () => new ROnceCell());
member(ON, 'const_new', () => new ROnceCell());
member(ON, 'const_new_with', (_s, a) => withValue(a[0]));
member(ON, 'from', (_s, a) => withValue(a[0]));
member(ON, 'new_with', (_s, a) => {
  const o = a[0];
  return o instanceof REnum && o.def === OPTION && o.v === 1 ? withValue(o.f[0]) : new ROnceCell();
});
const OT = tableFor(ROnceCell);
const oc = (v: Value): ROnceCell => deref(v) as ROnceCell;
def(OT, 'initialized', 'ref', (_s, a) => oc(a[0]).c.initialized());
const getOpt = (_s: Site, a: Value[]): Value => (oc(a[0]).c.initialized() ? some(oc(a[0]).c.get()) : NONE);
def(OT, 'get', 'ref', getOpt);
def(OT, 'get_mut', 'refMut', getOpt);
def(OT, 'set', 'ref', (_s, a) => {
  const cell = oc(a[0]);
  const r = cell.c.set(a[1]);
  if (r.ok) cell.keep(a[1]);
  return fromResult(
    r,
    () => undefined,
    (e) => {
      const x = e as { kind: string; value: Value };
      return variantOf(SET_ERROR, x.kind === 'initializing' ? 1 : 0, x.value);
    },
  );
});
function takeOut(cell: ROnceCell): Value {
  const t = cell.c.take();
  return t.has ? some(release(t.value, cell.holder)) : NONE;
}
def(OT, 'into_inner', 'value', (_s, a) => takeOut(oc(a[0])));
def(OT, 'take', 'refMut', (_s, a) => takeOut(oc(a[0])));
def(OT, 'get_or_init', 'ref', (s, a) => {
  const cell = oc(a[0]);
  const init = (): ReturnType<typeof asFuture> => asFuture(callValue(s, a[1], []), s);
  const accept = (o: unknown): Result<Value, never> => ok(cell.keep(o as Value));
  return new SimFut(cell.c.getOrTryInit(init, accept), (r) => (r as { value: Value }).value);
});
def(OT, 'get_or_try_init', 'ref', (s, a) => {
  const cell = oc(a[0]);
  const init = (): ReturnType<typeof asFuture> => asFuture(callValue(s, a[1], []), s);
  const accept = (o: unknown): Result<Value, Value> => {
    const r = o as REnum;
    const inner = release(r.f[0], r.f);
    return isOk(r) ? ok(cell.keep(inner)) : err(inner);
  };
  return new SimFut(cell.c.getOrTryInit(init, accept), (r) => fromResult(r));
});
