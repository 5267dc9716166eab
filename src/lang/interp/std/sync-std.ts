/**
 * std's blocking synchronisation beside `Mutex`: `Condvar` (wait releases the mutex and takes it
 * again once notified), `Barrier` (the thread that trips it is the leader), `OnceLock` and
 * `LazyLock`. Waiting blocks the calling thread (std/thread-block.ts).
 */
import { callValue } from '../call.ts';
import type { Site } from '../defs.ts';
import { fmtWith, type Formatter } from '../../fmt/index.ts';
import { registerFmt, toFmt } from '../fmt-value.ts';
import { claim, dropChild, release } from '../owner.ts';
import type { RDuration } from '../tokio/time.ts';
import { deref, Owned, RefBase, RTuple, type Value } from '../values.ts';
import { err, NONE, ok, some } from './enums.ts';
import { member, ns } from './registry.ts';
import { RPoisonError, type RStdGuard, type RStdMutex } from './sync.ts';
import { def, tableFor } from './tables.ts';
import { blockOn, osThreads, WOULD_BLOCK } from './thread-block.ts';

const NEVER = Number.POSITIVE_INFINITY;

// ---- Condvar
interface Waiter {
  notified: boolean;
}
class RCondvar {
  readonly waiters: Waiter[] = [];
}
class RWaitTimeout {
  constructor(readonly timedOut: boolean) {}
}
registerFmt(RCondvar, () => ({ debug: (f) => f.writeStr('Condvar { .. }') }));
registerFmt(RWaitTimeout, (v) => ({
  debug: (f) => f.writeStr(`WaitTimeoutResult(${(v as RWaitTimeout).timedOut})`),
}));

const CN = ns(['std::sync::Condvar']);
member(CN, 'new', () => new RCondvar());
member(CN, 'default', () => new RCondvar());

/**
 * Waits on `cv` with the mutex of guard `g` released, while `keepWaiting()` holds (checked with
 * the lock held, before each wait), until `deadline`; gives the guard back as a LockResult.
 */
function waitOn(
  s: Site,
  cv: RCondvar,
  g: RStdGuard,
  keepWaiting: () => boolean,
  deadline: number,
  wrap: (r: Value, timedOut: boolean) => Value,
): Value {
  const m: RStdMutex = g.m;
  let w: Waiter | null = null;
  const relock = (timedOut: boolean): Value => {
    m.locked = -1;
    const r = m.poisoned ? err(new RPoisonError(g)) : ok(g);
    return wrap(r, timedOut);
  };
  return blockOn(
    s,
    () => {
      if (w !== null) {
        if (!w.notified || m.locked !== 0) return WOULD_BLOCK;
        w = null;
        m.locked = -1;
      }
      if (!keepWaiting()) return relock(false);
      m.locked = 0;
      w = { notified: false };
      cv.waiters.push(w);
      return WOULD_BLOCK;
    },
    () => w !== null && w.notified && m.locked === 0,
    deadline,
    () => {
      // timed out: leave the queue and take the lock back
      if (w !== null) cv.waiters.splice(cv.waiters.indexOf(w), 1);
      if (m.locked !== 0) return WOULD_BLOCK;
      return relock(true);
    },
  );
}

const once = (): (() => boolean) => {
  let first = true;
  return () => {
    const f = first;
    first = false;
    return f;
  };
};
const plain = (r: Value): Value => r;
const withTimeout = (r: Value, timedOut: boolean): Value => {
  // LockResult<(Guard, WaitTimeoutResult)>
  const inner = deref(r) as { f: Value[]; v: number };
  const pair = new RTuple([inner.f[0], new RWaitTimeout(timedOut)]);
  claim(pair.f[0], pair.f, 0);
  return inner.v === 0 ? ok(pair) : err(pair);
};
const deadlineAfter = (d: Value): number => osThreads().world.realNow + (deref(d) as RDuration).ns;
const cvOf = (v: Value): RCondvar => deref(v) as RCondvar;
const guardOf = (v: Value): RStdGuard => v as RStdGuard;
/** `&mut T` through a guard, lent to a predicate (the predicate's frame must not take the guard). */
class GuardRef extends RefBase {
  constructor(private readonly g: RStdGuard) {
    super();
    this.o = g;
  }
  get(): Value {
    return this.g.get();
  }
  set(v: Value): void {
    this.g.set(v);
  }
  dropGlue(): void {}
}
const holds = (s: Site, f: Value, g: RStdGuard) => (): boolean => callValue(s, f, [new GuardRef(g)]) === true;

const CT = tableFor(RCondvar);
def(CT, 'wait', 'ref', (s, a) => waitOn(s, cvOf(a[0]), guardOf(a[1]), once(), NEVER, plain));
def(CT, 'wait_while', 'ref', (s, a) =>
  waitOn(s, cvOf(a[0]), guardOf(a[1]), holds(s, a[2], guardOf(a[1])), NEVER, plain),
);
def(CT, 'wait_timeout', 'ref', (s, a) =>
  waitOn(s, cvOf(a[0]), guardOf(a[1]), once(), deadlineAfter(a[2]), withTimeout),
);
def(CT, 'wait_timeout_while', 'ref', (s, a) =>
  waitOn(s, cvOf(a[0]), guardOf(a[1]), holds(s, a[3], guardOf(a[1])), deadlineAfter(a[2]), withTimeout),
);
def(CT, 'notify_one', 'ref', (_s, a) => {
  const w = cvOf(a[0]).waiters.shift();
  if (w !== undefined) w.notified = true;
});
def(CT, 'notify_all', 'ref', (_s, a) => {
  const ws = cvOf(a[0]).waiters;
  for (const w of ws) w.notified = true;
  ws.length = 0;
});
const WT = tableFor(RWaitTimeout);
def(WT, 'timed_out', 'ref', (_s, a) => (deref(a[0]) as RWaitTimeout).timedOut);

// ---- Barrier
class RStdBarrier {
  count = 0;
  generation = 0;
  constructor(readonly n: number) {}
}
class RBarrierResult {
  constructor(readonly leader: boolean) {}
}
registerFmt(RStdBarrier, () => ({ debug: (f) => f.writeStr('Barrier { .. }') }));
registerFmt(RBarrierResult, (v) => ({
  debug: (f) => f.writeStr(`BarrierWaitResult { is_leader: ${(v as RBarrierResult).leader} }`),
}));
const BN = ns(['std::sync::Barrier']);
member(BN, 'new', (_s, a) => new RStdBarrier(Number(deref(a[0]))));
const BT = tableFor(RStdBarrier);
def(BT, 'wait', 'ref', (s, a) => {
  const b = deref(a[0]) as RStdBarrier;
  let gen = -1;
  return blockOn(
    s,
    () => {
      if (gen < 0) {
        gen = b.generation;
        if (++b.count >= b.n) {
          b.count = 0;
          b.generation++;
          return new RBarrierResult(true);
        }
      }
      return b.generation > gen ? new RBarrierResult(false) : WOULD_BLOCK;
    },
    () => b.generation > gen,
  );
});
def(tableFor(RBarrierResult), 'is_leader', 'ref', (_s, a) => (deref(a[0]) as RBarrierResult).leader);

// ---- OnceLock
class ROnceLock extends Owned {
  readonly holder: Value[] = [];
  dropGlue(): void {
    if (this.holder.length > 0) dropChild(this.holder[0], this.holder);
  }
}
/** `OnceLock(5)` / `LazyLock(<uninit>)`: the Debug form of a cell that may be empty. */
function cellFmt(name: string, holder: (v: Value) => Value[]) {
  return (v: Value) => {
    const h = holder(v);
    return {
      debug: (f: Formatter) => {
        f.writeStr(`${name}(`);
        if (h.length > 0) fmtWith(toFmt(h[0]), 'Debug', f);
        else f.writeStr('<uninit>');
        f.writeStr(')');
      },
    };
  };
}
registerFmt(
  ROnceLock,
  cellFmt('OnceLock', (v) => (v as ROnceLock).holder),
);
const OL = ns(['std::sync::OnceLock']);
member(OL, 'new', () => new ROnceLock());
member(OL, 'default', () => new ROnceLock());
const ol = (v: Value): ROnceLock => deref(v) as ROnceLock;
function setOnce(o: ROnceLock, v: Value): void {
  o.holder.push(v);
  claim(v, o.holder, 0);
}
const OT = tableFor(ROnceLock);
def(OT, 'get', 'ref', (_s, a) => (ol(a[0]).holder.length > 0 ? some(ol(a[0]).holder[0]) : NONE));
def(OT, 'set', 'ref', (_s, a) => {
  const o = ol(a[0]);
  if (o.holder.length > 0) return err(a[1]);
  setOnce(o, a[1]);
  return ok(undefined);
});
def(OT, 'get_or_init', 'ref', (s, a) => {
  const o = ol(a[0]);
  if (o.holder.length === 0) setOnce(o, callValue(s, a[1], []));
  return o.holder[0];
});
def(OT, 'into_inner', 'value', (_s, a) => {
  const o = ol(a[0]);
  return o.holder.length > 0 ? some(release(o.holder[0], o.holder)) : NONE;
});
def(OT, 'take', 'refMut', (_s, a) => {
  const o = ol(a[0]);
  if (o.holder.length === 0) return NONE;
  const v = release(o.holder[0], o.holder);
  o.holder.length = 0;
  return some(v);
});

// ---- LazyLock: derefs to the value its closure makes on first use
class RLazyLock extends RefBase {
  readonly holder: Value[] = [];
  constructor(
    private readonly init: Value,
    private readonly site: Site,
  ) {
    super();
  }
  get(): Value {
    if (this.holder.length === 0) {
      const v = callValue(this.site, this.init, []);
      this.holder.push(v);
      claim(v, this.holder, 0);
    }
    return this.holder[0];
  }
  set(v: Value): void {
    this.get();
    this.holder[0] = v;
    claim(v, this.holder, 0);
  }
  dropGlue(): void {
    if (this.holder.length > 0) dropChild(this.holder[0], this.holder);
  }
}
registerFmt(
  RLazyLock,
  cellFmt('LazyLock', (v) => (v as RLazyLock).holder),
);
const LL = ns(['std::sync::LazyLock']);
member(LL, 'new', (s, a) => new RLazyLock(a[0], s));
member(LL, 'force', (_s, a) => (deref(a[0]) as RLazyLock).get());
