/**
 * `tokio::task::LocalSet` and `spawn_local` as Rust values (the set itself is src/sim's
 * `LocalSet`): the set is a future (`local.await` runs it until its tasks are done), and its
 * drop shuts down the tasks left in it.
 */
import { RFuture } from '../async.ts';
import { registerFmt } from '../fmt-value.ts';
import { type Context, LocalSet, type Pending, RunUntil, spawnLocal } from '../sim.ts';
import { fn, member, ns } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, type Value } from '../values.ts';
import { EnterGuard, type RRuntime } from './runtime.ts';
import { SimFut } from './sim-values.ts';
import { located, RJoinHandle, spawnMeta, toSim } from './task.ts';

export class RLocalSet extends RFuture {
  readonly set = new LocalSet();
  poll(cx: Context): Value | Pending {
    return this.set.pollSet(cx) as Value | Pending;
  }
  dropGlue(): void {
    this.set.close();
  }
}
registerFmt(RLocalSet, () => ({ debug: (f) => f.writeStr('LocalSet') }));

const N = ns(['LocalSet', 'tokio::task::LocalSet', 'task::LocalSet']);
member(N, 'new', () => new RLocalSet());
member(N, 'default', () => new RLocalSet());

const T = tableFor(RLocalSet);
const ls = (v: Value): LocalSet => (deref(v) as RLocalSet).set;
def(T, 'spawn_local', 'ref', (s, a) => new RJoinHandle(ls(a[0]).spawnLocal(toSim(a[1], s), spawnMeta(s))));
def(T, 'run_until', 'ref', (s, a) => new SimFut(new RunUntil(ls(a[0]), toSim(a[1], s))));
// `block_on(&rt, fut)` is `rt.block_on(self.run_until(fut))`.
def(T, 'block_on', 'ref', (s, a) =>
  (deref(a[1]) as RRuntime).rt.blockOn<Value>(new RunUntil(ls(a[0]), toSim(a[2], s))),
);
def(T, 'enter', 'ref', (_s, a) => new EnterGuard(ls(a[0]).enter()));

fn(['tokio::task::spawn_local', 'task::spawn_local', 'spawn_local'], (s, a) => {
  const fut = toSim(a[0], s);
  return new RJoinHandle(located(s, () => spawnLocal(fut, spawnMeta(s))));
});
