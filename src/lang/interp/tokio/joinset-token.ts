/**
 * `tokio::task::JoinSet` (tokio-facts.md §10) and `tokio_util::sync::CancellationToken` /
 * `DropGuard` (§11) as Rust values. Dropping a JoinSet aborts its tasks; dropping the last token
 * handle detaches the node; dropping a DropGuard cancels.
 */
import { typeFault } from '../type-fault.ts';
import type { NativeFn, Site } from '../defs.ts';
import { registerFmt } from '../fmt-value.ts';
import type { Context, DropGuard, DropGuardRef, JoinError, Pending } from '../sim.ts';
import { RFuture } from '../async.ts';
import { CancellationToken, JoinSet } from '../sim.ts';
import { err, NONE, ok, some } from '../std/enums.ts';
import { forEachItem, intoIter } from '../std/iter.ts';
import { member, ns } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, MutRef, Owned, type Value } from '../values.ts';
import { fromOption, fromResult, SimFut, toUnit, toOption } from './sim-values.ts';
import { blockingJob } from './blocking.ts';
import { joinResult, located, RAbortHandle, RTaskId, spawnMeta, toSim } from './task.ts';
import { JoinErrorValue } from '../std/errors.ts';
import { tuple2 } from '../std/iter.ts';
import { vecOf } from '../std/iter-methods.ts';

export class RJoinSet extends Owned {
  constructor(readonly s: JoinSet<Value>) {
    super();
  }
  dropGlue(): void {
    this.s.drop();
  }
}

const JS = ns(['JoinSet', 'tokio::task::JoinSet', 'task::JoinSet']);
member(JS, 'new', () => new RJoinSet(new JoinSet<Value>()));
member(JS, 'default', () => new RJoinSet(new JoinSet<Value>()));

const T = tableFor(RJoinSet);
const js = (v: Value): JoinSet<Value> => (deref(v) as RJoinSet).s;
function m(name: string, mode: 'ref' | 'refMut' | 'value', f: NativeFn): void {
  def(T, name, mode, f);
}
m('spawn', 'refMut', (s, a) => new RAbortHandle(located(s, () => js(a[0]).spawn(toSim(a[1], s), spawnMeta(s)))));
m(
  'spawn_blocking',
  'refMut',
  (s, a) => new RAbortHandle(located(s, () => js(a[0]).spawnBlocking(blockingJob(a[1], s), spawnMeta(s)))),
);
m('len', 'ref', (_s, a) => js(a[0]).len());
m('is_empty', 'ref', (_s, a) => js(a[0]).isEmpty());
/** `join_next()`: polls the set straight into `Option<Result<T, JoinError>>` (no boxes between). */
class JoinNext extends RFuture {
  constructor(readonly set: JoinSet<Value>) {
    super();
  }
  poll(cx: Context): Value | Pending {
    return this.set.pollJoinNextWith<Value>(cx, someOk, someErr, NONE);
  }
  dropGlue(): void {}
}
const someOk = (v: Value): Value => some(ok(v));
const someErr = (e: JoinError): Value => some(err(new JoinErrorValue(e)));
m('join_next', 'refMut', (_s, a) => new JoinNext(js(a[0])));
/** `Option<Result<(task::Id, T), JoinError>>` from the simulator's form. */
const withId = (o: unknown): Value =>
  fromOption(o, (r) =>
    fromResult(
      r,
      (p) => {
        const [id, v] = p as [number, Value];
        return tuple2(new RTaskId(id), v);
      },
      (e) => new JoinErrorValue(e as never),
    ),
  );
m('join_next_with_id', 'refMut', (_s, a) => new SimFut(js(a[0]).joinNextWithId(), withId));
m('try_join_next_with_id', 'refMut', (_s, a) => withId(js(a[0]).tryJoinNextWithId()));
m('try_join_next', 'refMut', (_s, a) => fromOption(js(a[0]).tryJoinNext(), joinResult));
m('abort_all', 'refMut', (_s, a) => void js(a[0]).abortAll());
m('detach_all', 'refMut', (_s, a) => void js(a[0]).detachAll());
m('shutdown', 'refMut', (_s, a) => new SimFut(js(a[0]).shutdown(), toUnit));
m('join_all', 'value', (_s, a) => {
  const set = deref(a[0]) as RJoinSet;
  return new SimFut(set.s.joinAll(), (vs) => vecOf(vs as Value[]));
});

/** `collect::<JoinSet<_>>()` / `JoinSet::from_iter`. */
member(JS, 'from_iter', (s, a) => {
  const set = new JoinSet<Value>();
  forEachItem(intoIter(a[0], s), s, (v) => void set.spawn(toSim(v, s), spawnMeta(s)));
  return new RJoinSet(set);
});

// ---- CancellationToken
export class RToken extends Owned {
  constructor(readonly t: CancellationToken) {
    super();
  }
  dropGlue(): void {
    this.t.drop();
  }
}
export class RDropGuard extends Owned {
  constructor(readonly g: DropGuard) {
    super();
  }
  dropGlue(): void {
    this.g.drop();
  }
}
/** `DropGuardRef<'_>`: cancels the borrowed token when dropped, unless disarmed. */
export class RDropGuardRef extends Owned {
  constructor(
    readonly g: DropGuardRef,
    readonly token: RToken,
  ) {
    super();
  }
  dropGlue(): void {
    this.g.drop();
  }
}
registerFmt(RToken, (v) => ({
  debug: (f) => f.writeStr(`CancellationToken { is_cancelled: ${(v as RToken).t.isCancelled()} }`),
}));

const CT = ns(['CancellationToken', 'tokio_util::sync::CancellationToken', 'sync::CancellationToken']);
member(CT, 'new', () => new RToken(CancellationToken.new()));
member(CT, 'default', () => new RToken(CancellationToken.new()));

const TT = tableFor(RToken);
const tk = (v: Value): CancellationToken => (deref(v) as RToken).t;
def(TT, 'clone', 'ref', (_s, a) => new RToken(tk(a[0]).clone()));
def(TT, 'child_token', 'ref', (_s, a) => new RToken(tk(a[0]).childToken()));
def(TT, 'cancel', 'ref', (_s, a) => void tk(a[0]).cancel());
def(TT, 'is_cancelled', 'ref', (_s, a) => tk(a[0]).isCancelled());
def(TT, 'cancelled', 'ref', (_s, a) => new SimFut(tk(a[0]).cancelled(), toUnit));
def(TT, 'cancelled_owned', 'value', (_s, a) => new SimFut(tk(a[0]).cancelledOwned(), toUnit));
def(TT, 'drop_guard', 'value', (_s, a) => new RDropGuard(tk(a[0]).dropGuard()));
def(TT, 'drop_guard_ref', 'ref', (_s, a) => new RDropGuardRef(tk(a[0]).dropGuardRef(), deref(a[0]) as RToken));
def(TT, 'run_until_cancelled', 'ref', (s, a) => new SimFut(tk(a[0]).runUntilCancelled(toSim(a[1], s)), toOption));
def(
  TT,
  'run_until_cancelled_owned',
  'value',
  (s, a) => new SimFut(tk(a[0]).runUntilCancelledOwned(toSim(a[1], s)), toOption),
);

const DG = tableFor(RDropGuard);
/** A guard disarmed before was consumed by that `disarm(self)`: using it again is E0382. */
function armed<G extends { readonly g: { readonly isDisarmed: boolean } }>(s: Site, g: G): G {
  if (g.g.isDisarmed) typeFault(s, 'use of moved value: this guard was already disarmed', 'E0382');
  return g;
}
def(DG, 'disarm', 'value', (s, a) => new RToken(armed(s, deref(a[0]) as RDropGuard).g.disarm()));
// disarm() gives back the borrowed `&CancellationToken`, so no new handle is counted
def(tableFor(RDropGuardRef), 'disarm', 'value', (s, a) => {
  const g = armed(s, deref(a[0]) as RDropGuardRef);
  g.g.disarm();
  return new MutRef([g.token], 0);
});

export { NONE, some };
