/**
 * Hand-written futures (seed 001's subject): `impl Future for T`, `Poll`, `Context`, `Waker`,
 * `std::future::poll_fn`, and polling a future by hand (`fut.as_mut().poll(cx)`). A user type
 * with a `poll` method becomes a simulator future whose poll calls that method with `&mut self`
 * and a `Context` around the simulator's; the `Waker` it hands out is the task's own, so a clone
 * kept by the program is one more `waker` holder of the task, and a Pending without a kept waker
 * leaves the task idle with no holder (the lost wake-up diagnostic).
 */
import { RFuture } from '../async.ts';
import { callValue } from '../call.ts';
import { EnumDef, type Method, Site, VariantDef } from '../defs.ts';
import { registerFmt } from '../fmt-value.ts';
import { claim, dropChild, dropInFlight, forceDrop, release } from '../owner.ts';
import { RArc } from '../std/sync.ts';
import { type Context, PENDING, type Pending, type Waker } from '../sim.ts';
import { fn, member, memberValue, ns, regEnum } from '../std/registry.ts';
import { def, registerNames, tableFor, UNIVERSAL } from '../std/tables.ts';
import { deref, MutRef, Owned, REnum, RStruct, STATIC, type Value } from '../values.ts';
import { adaptFuture, setFutureAdapter } from './into-future.ts';
import { panicAt } from '../panic.ts';

// ---- Poll
export const POLL = new EnumDef('Poll', [
  new VariantDef('Ready', ['0'], 'tuple', 0, [null]),
  new VariantDef('Pending', [], 'unit', 1, []),
]);
for (const t of ['Debug', 'Clone', 'Copy', 'PartialEq', 'Eq']) POLL.derives.add(t);
const POLL_PATHS = ['Poll', 'std::task::Poll', 'task::Poll', 'core::task::Poll'];
regEnum(POLL_PATHS, POLL);
const PN = ns(POLL_PATHS);
member(PN, 'Ready', (_s, a) => ready(a[0]));
memberValue(PN, 'Pending', () => POLL.unit(1));
function ready(v: Value): REnum {
  const f = [v];
  claim(v, f, 0);
  return new REnum(POLL, 0, f);
}
/** A Rust `Poll` as the simulator's poll result (the Ready payload leaves the enum). */
function fromPoll(p: Value): Value | Pending {
  const r = deref(p);
  if (!(r instanceof REnum) || r.def !== POLL) throw new Error('poll did not return a Poll');
  return r.v === 0 ? release(r.f[0], r.f) : PENDING;
}
const toPoll = (r: Value | Pending): Value => (r === PENDING ? POLL.unit(1) : ready(r));
const PT = POLL.methods;
registerNames(PT);
def(PT, 'is_ready', 'ref', (_s, a) => (deref(a[0]) as REnum).v === 0);
def(PT, 'is_pending', 'ref', (_s, a) => (deref(a[0]) as REnum).v === 1);
def(PT, 'map', 'value', (s, a) => {
  const p = deref(a[0]) as REnum;
  return p.v === 0 ? ready(callValue(s, a[1], [release(p.f[0], p.f)])) : p;
});

// ---- Context and Waker
export class RContext {
  constructor(readonly cx: Context) {}
}
/** A `Waker`: borrowed from a Context (`cx.waker()`), or an owned clone that releases on drop. */
export class RWaker extends Owned {
  private spent = false;
  constructor(
    readonly w: Waker,
    readonly owned: boolean,
  ) {
    super();
  }
  /** `wake(self)`: consumes an owned waker; a borrowed one can only wake by reference. */
  wake(): void {
    if (this.owned && !this.spent) {
      this.spent = true;
      this.w.wake();
    } else this.w.wakeByRef();
  }
  dropGlue(): void {
    if (this.owned && !this.spent) {
      this.spent = true;
      this.w.drop();
    }
  }
}
registerFmt(RContext, () => ({ debug: (f) => f.writeStr('Context { waker: Waker { .. } }') }));
registerFmt(RWaker, () => ({ debug: (f) => f.writeStr('Waker { .. }') }));
const wk = (v: Value): RWaker => deref(v) as RWaker;
def(tableFor(RContext), 'waker', 'ref', (_s, a) => new RWaker((deref(a[0]) as RContext).cx.waker, false));
const WT = tableFor(RWaker);
def(WT, 'clone', 'ref', (_s, a) => new RWaker(wk(a[0]).w.clone(), true));
def(WT, 'wake', 'value', (_s, a) => void wk(a[0]).wake());
def(WT, 'wake_by_ref', 'ref', (_s, a) => void wk(a[0]).w.wakeByRef());
def(WT, 'will_wake', 'ref', (_s, a) => wk(a[0]).w.willWake(wk(a[1]).w));
const NOOP: Waker = {
  clone: () => NOOP,
  wake: () => undefined,
  wakeByRef: () => undefined,
  drop: () => undefined,
  willWake: (o) => o === NOOP,
  target: -1,
};
const WN = ns(['Waker', 'std::task::Waker', 'task::Waker']);
member(WN, 'noop', () => new RWaker(NOOP, false));

/**
 * A waker made from `Arc<W>` where `W: Wake` (`Waker::from(arc)`): each handle holds one strong
 * count; `wake` hands that Arc to the program's `wake(self: Arc<Self>)`, `wake_by_ref` calls the
 * program's `wake_by_ref(&Arc<Self>)` or, as std's default does, wakes a clone.
 */
class ArcWaker implements Waker {
  readonly target = -1;
  private live = true;
  constructor(
    private readonly arc: RArc,
    private readonly site: Site,
  ) {}
  private method(name: string): Method | undefined {
    const x = this.arc.get();
    return x instanceof RStruct || x instanceof REnum ? x.def.methods.get(name) : undefined;
  }
  clone(): Waker {
    return new ArcWaker(cloneArc(this.arc), this.site);
  }
  wake(): void {
    if (!this.live) return;
    this.live = false;
    const m = this.method('wake');
    if (m) {
      // `self: Arc<Self>` takes the handle's count: the callee drops it
      this.arc.o = null;
      m.call(this.site, [this.arc]);
    } else forceDrop(this.arc);
  }
  wakeByRef(): void {
    const m = this.method('wake_by_ref');
    if (m) m.call(this.site, [this.arc]);
    else this.clone().wake();
  }
  drop(): void {
    if (!this.live) return;
    this.live = false;
    forceDrop(this.arc);
  }
  willWake(other: Waker): boolean {
    return other instanceof ArcWaker && other.arc.box === this.arc.box;
  }
}
const cloneArc = (a: RArc): RArc => {
  a.box.strong++;
  return new RArc(a.box);
};
member(WN, 'from', (s, a) => {
  const x = a[0];
  if (!(x instanceof RArc)) throw new Error('Waker::from needs an Arc');
  // the Arc moves into the waker: it now owns that strong count
  x.o = STATIC;
  return new RWaker(new ArcWaker(x, s), true);
});
member(
  ns(['Context', 'std::task::Context', 'task::Context']),
  'from_waker',
  (_s, a) => new RContext({ waker: wk(a[0]).w }),
);

// ---- user futures
const POLL_SITE = new Site(0, 0);
/** A value of a user type that implements `Future`, as a simulator future (it owns the value). */
export class UserFuture extends RFuture {
  private readonly holder: Value[];
  constructor(
    v: Value,
    private readonly method: Method,
    private readonly owned: boolean,
  ) {
    super();
    this.holder = [v];
    if (owned) claim(v, this.holder, 0);
  }
  poll(cx: Context): Value | Pending {
    return fromPoll(this.method.call(POLL_SITE, [new MutRef(this.holder, 0), new RContext(cx)]));
  }
  dropGlue(): void {
    if (this.owned) dropChild(this.holder[0], this.holder);
  }
}
setFutureAdapter((v, owned) => {
  const x = deref(v);
  if (!(x instanceof RStruct || x instanceof REnum)) return null;
  const m = x.def.methods.get('poll');
  return m && m.user ? new UserFuture(x, m, owned) : null;
});

/** `std::future::poll_fn(f)`: each poll calls `f(cx)`. */
class PollFn extends RFuture {
  constructor(
    private readonly f: Value,
    private readonly site: Site,
  ) {
    super();
  }
  poll(cx: Context): Value | Pending {
    return fromPoll(callValue(this.site, this.f, [new RContext(cx)]));
  }
  dropGlue(): void {
    dropInFlight(this.f);
  }
}
fn(['std::future::poll_fn', 'future::poll_fn', 'core::future::poll_fn', 'poll_fn'], (s, a) => new PollFn(a[0], s));

// ---- polling by hand: `fut.as_mut().poll(cx)`, `Pin::new(&mut fut)`
// on every future (built-in ones have their own method tables, so this is a universal method)
def(UNIVERSAL, 'poll', 'refMut', (s, a) => {
  const f = adaptFuture(deref(a[0]), false);
  if (f === null) return panicAt(s, 'internal: `poll` on a value that is not a future');
  return toPoll(f.poll((deref(a[1]) as RContext).cx));
});
const identity = (_s: Site, a: Value[]): Value => a[0];
const PIN = ns(['Pin', 'std::pin::Pin', 'pin::Pin', 'core::pin::Pin']);
for (const name of ['new', 'new_unchecked', 'into_inner', 'get_mut', 'get_ref', 'as_mut', 'as_ref'])
  member(PIN, name, identity);
// `Pin<&mut Self>` and `Pin<Box<F>>` are the values themselves here
for (const name of ['as_mut', 'get_mut', 'get_ref']) if (!UNIVERSAL.has(name)) def(UNIVERSAL, name, 'ref', identity);
