/**
 * More of the runtime surface (issue 13): `Handle::block_on` (it panics with Tokio's message on a
 * thread that drives a runtime), `Handle::try_current`'s error, and `task::block_in_place`
 * (multi_thread only: on current_thread it panics as Tokio does; on a worker the closure runs in
 * place, the worker's other tasks waiting for it).
 */
import { callValue } from '../call.ts';
import { registerFmt } from '../fmt-value.ts';
import { panicAt } from '../panic.ts';
import { currentContext, type Runtime } from '../sim.ts';
import { err, ok } from '../std/enums.ts';
import { fn, member, ns } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, type Value } from '../values.ts';
import { RHandle } from './runtime.ts';
import { located, toSim } from './task.ts';

const NO_CONTEXT = 'there is no reactor running, must be called from the context of a Tokio 1.x runtime';

/** `TryCurrentError`: no runtime is entered on this thread. */
class RTryCurrentError {}
registerFmt(RTryCurrentError, () => ({
  display: (f) => f.writeStr(NO_CONTEXT),
  debug: (f) => f.writeStr('TryCurrentError { kind: NoContext }'),
}));

const H = ns(['Handle', 'tokio::runtime::Handle', 'runtime::Handle']);
member(H, 'try_current', () => {
  const ctx = currentContext();
  return ctx ? ok(new RHandle(ctx.handle)) : err(new RTryCurrentError());
});
def(tableFor(RTryCurrentError), 'to_string', 'ref', () => NO_CONTEXT);

def(tableFor(RHandle), 'block_on', 'ref', (s, a) => {
  const h = (deref(a[0]) as RHandle).h as unknown as Partial<Runtime>;
  if (h.blockOn === undefined) return panicAt(s, 'this handle cannot block_on');
  return located(s, () => h.blockOn!<Value>(toSim(a[1], s)));
});

fn(['tokio::task::block_in_place', 'task::block_in_place', 'block_in_place'], (s, a) => {
  const ctx = currentContext();
  if (ctx?.handle.metrics?.().flavor !== 'multi_thread')
    return panicAt(s, 'can call blocking only when running on the multi-threaded runtime');
  return callValue(s, a[0], []);
});
