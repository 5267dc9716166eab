/**
 * `tokio_util::task::TaskTracker`, `tokio::task::Builder` (name, spawn, spawn_on, spawn_blocking,
 * spawn_blocking_on; spawn_local waits for LocalSet) and `tokio::task::coop::cooperative` as
 * Rust values. A tracked
 * future is a simulator future whose drop releases the tracker's count.
 */
import { registerFmt } from '../fmt-value.ts';
import { cooperative, spawn, TaskTracker } from '../sim.ts';
import { fn, member, ns } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, type Value } from '../values.ts';
import { SimFut } from './sim-values.ts';
import { ok } from '../std/enums.ts';
import type { Site } from '../defs.ts';
import { located, RJoinHandle, spawnMeta, toSim } from './task.ts';
import { blockingJob } from './blocking.ts';
import type { RHandle } from './runtime.ts';
import { spawnBlocking } from '../sim.ts';

export class RTaskTracker {
  constructor(readonly t: TaskTracker) {}
}
registerFmt(RTaskTracker, (v) => {
  const t = (v as RTaskTracker).t;
  return { debug: (f) => f.writeStr(`TaskTracker { len: ${t.len()}, closed: ${String(t.isClosed())} }`) };
});
const N = ns(['TaskTracker', 'tokio_util::task::TaskTracker', 'task::TaskTracker']);
member(N, 'new', () => new RTaskTracker(new TaskTracker()));
member(N, 'default', () => new RTaskTracker(new TaskTracker()));
const T = tableFor(RTaskTracker);
const tt = (v: Value): TaskTracker => (deref(v) as RTaskTracker).t;
def(T, 'spawn', 'ref', (s, a) => {
  const fut = tt(a[0]).trackFuture(toSim(a[1], s));
  return new RJoinHandle(located(s, () => spawn(fut, spawnMeta(s))));
});
def(T, 'spawn_blocking', 'ref', (s, a) => {
  const release = tt(a[0]).token();
  const job = blockingJob(a[1], s);
  const tracked = {
    poll: job.poll.bind(job),
    drop: () => {
      job.drop();
      release();
    },
  };
  return new RJoinHandle(located(s, () => spawnBlocking(tracked, spawnMeta(s))));
});
def(T, 'track_future', 'ref', (s, a) => new SimFut(tt(a[0]).trackFuture(toSim(a[1], s))));
def(T, 'close', 'ref', (_s, a) => tt(a[0]).close());
def(T, 'reopen', 'ref', (_s, a) => tt(a[0]).reopen());
def(T, 'is_closed', 'ref', (_s, a) => tt(a[0]).isClosed());
def(T, 'len', 'ref', (_s, a) => tt(a[0]).len());
def(T, 'is_empty', 'ref', (_s, a) => tt(a[0]).isEmpty());
def(T, 'wait', 'ref', (_s, a) => new SimFut(tt(a[0]).wait(), () => undefined));
def(T, 'clone', 'ref', (_s, a) => new RTaskTracker(tt(a[0])));

fn(
  ['tokio::task::coop::cooperative', 'coop::cooperative', 'task::coop::cooperative'],
  (s, a) => new SimFut(cooperative(toSim(a[0], s))),
);

// ---- `tokio::task::Builder` (tokio_unstable): a named spawn that returns `io::Result<JoinHandle>`
export class RTaskBuilder {
  constructor(readonly name: string | null) {}
}
registerFmt(RTaskBuilder, (v) => ({
  debug: (f) => {
    const n = (v as RTaskBuilder).name;
    f.writeStr(`Builder { name: ${n === null ? 'None' : `Some(${JSON.stringify(n)})`} }`);
  },
}));
const TB = ns(['tokio::task::Builder', 'task::Builder']);
member(TB, 'new', () => new RTaskBuilder(null));
member(TB, 'default', () => new RTaskBuilder(null));
const BT = tableFor(RTaskBuilder);
const named = (v: Value, s: Site): ReturnType<typeof spawnMeta> => spawnMeta(s, (deref(v) as RTaskBuilder).name);
def(BT, 'name', 'value', (_s, a) => new RTaskBuilder(a[1] as string));
def(BT, 'spawn', 'value', (s, a) => ok(new RJoinHandle(located(s, () => spawn(toSim(a[1], s), named(a[0], s))))));
// `spawn_on(future, &handle)`, `spawn_blocking_on(f, &handle)`: onto the runtime of `handle`.
const handleOf = (v: Value): RHandle['h'] => (deref(v) as RHandle).h;
def(BT, 'spawn_on', 'value', (s, a) =>
  ok(new RJoinHandle(located(s, () => handleOf(a[2]).spawn(toSim(a[1], s), named(a[0], s))))),
);
def(BT, 'spawn_blocking_on', 'value', (s, a) =>
  ok(new RJoinHandle(located(s, () => handleOf(a[2]).spawnBlocking(blockingJob(a[1], s), named(a[0], s))))),
);
def(BT, 'spawn_blocking', 'value', (s, a) =>
  ok(new RJoinHandle(located(s, () => spawnBlocking(blockingJob(a[1], s), named(a[0], s))))),
);
