/**
 * More of the runtime surface (issue 13): `Handle::block_on` (it panics with Tokio's message on a
 * thread that drives a runtime), `Handle::try_current`'s error, and `task::block_in_place`
 * (multi_thread only: on current_thread it panics as Tokio does; on a worker the closure runs in
 * place, the worker's other tasks waiting for it).
 */
import { callValue } from '../call.ts';
import { registerFmt } from '../fmt-value.ts';
import { panicAt } from '../panic.ts';
import { currentContext, type Future, PENDING, type Runtime, type Waker } from '../sim.ts';
import type { Site } from '../defs.ts';
import { type Blocked, blockOn, WOULD_BLOCK } from '../std/thread-block.ts';
import { err, ok } from '../std/enums.ts';
import { fn, member, ns } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, type Value } from '../values.ts';
import { EnterGuard, RHandle } from './runtime.ts';
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
  const h = (deref(a[0]) as RHandle).h as unknown as Partial<Runtime> & { blockOnInProgress?: boolean };
  if (h.blockOn === undefined) return panicAt(s, 'this handle cannot block_on');
  // (on the thread driving the runtime, block_on panics: Tokio's enter_runtime checks that first)
  // Tokio's Handle::block_on only ever parks the thread (CachedParkThread): on current_thread,
  // whoever holds the core drives the tasks and the timers, and with no `block_on` running nobody
  // does. A multi_thread runtime's workers drive themselves, which `blockOn` models.
  const parks = h.blockOnInProgress === true || h.metrics?.().flavor === 'current_thread';
  if (parks && h.enter !== undefined && currentContext()?.schedulerThread !== true)
    return parkThreadBlockOn(s, h.enter.bind(h), toSim(a[1], s));
  return located(s, () => h.blockOn!<Value>(toSim(a[1], s)));
});

// `Handle::enter`: this thread is in the runtime's context (`Handle::current`, `tokio::spawn`) until
// the guard is dropped, as with `Runtime::enter`.
def(tableFor(RHandle), 'enter', 'ref', (s, a) => {
  const h = (deref(a[0]) as RHandle).h as unknown as Partial<Runtime>;
  // (only the simulator's test handles have no runtime behind them)
  return h.enter === undefined ? panicAt(s, 'this handle cannot be entered') : new EnterGuard(h.enter());
});

/**
 * `Handle::block_on` while another thread drives the runtime: Tokio's `CachedParkThread` polls the
 * future on this thread inside the runtime's context and parks the thread until its waker fires
 * (it never drives the scheduler itself).
 */
function parkThreadBlockOn(s: Site, enter: () => () => void, fut: Future<Value>): Value | Blocked {
  let woken = true;
  const waker: Waker = {
    target: -1,
    clone: () => waker,
    wake: () => void (woken = true),
    wakeByRef: () => void (woken = true),
    drop: () => undefined,
    willWake: (o) => o === waker,
  };
  const attempt = (): Value | typeof WOULD_BLOCK => {
    if (!woken) return WOULD_BLOCK;
    woken = false;
    const leave = enter();
    let r: Value | typeof PENDING;
    try {
      r = fut.poll({ waker });
    } finally {
      leave();
    }
    if (r === PENDING) return WOULD_BLOCK;
    fut.drop();
    return r;
  };
  return blockOn(s, attempt, () => woken);
}

fn(['tokio::task::block_in_place', 'task::block_in_place', 'block_in_place'], (s, a) => {
  const ctx = currentContext();
  if (ctx?.handle.metrics?.().flavor !== 'multi_thread')
    return panicAt(s, 'can call blocking only when running on the multi-threaded runtime');
  return callValue(s, a[0], []);
});
