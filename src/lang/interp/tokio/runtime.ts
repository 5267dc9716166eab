/**
 * Explicit runtimes: `tokio::runtime::{Builder, Runtime, Handle}`. A runtime the program builds
 * joins the run's simulated world (ids, trace, output); `block_on` runs it to completion inside
 * the calling Rust code, and dropping the `Runtime` shuts it down (tokio-facts.md §4(f)).
 */
import { allocateWorkers } from '../guards.ts';
import type { NativeFn, Site } from '../defs.ts';
import { panicAt } from '../panic.ts';
import {
  createRuntime,
  currentContext,
  type Runtime,
  type RuntimeHandle,
  type RuntimeMetrics,
  RustPanic,
} from '../sim.ts';
import { defineEnum } from './error-enums.ts';
import { ok } from '../std/enums.ts';
import { member, ns } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, Owned, type Value } from '../values.ts';
import { forceDrop } from '../owner.ts';
import { currentRun } from './current.ts';
import { dropRuntimeThreadLocals } from '../std/thread-local.ts';
import { blockingJob, RJoinHandle, spawnMeta, toSim } from './task.ts';

export class RBuilder {
  workers: number | null = null;
  startPaused = false;
  constructor(readonly flavor: 'current_thread' | 'multi_thread') {}
}

export class RRuntime extends Owned {
  /** `shutdown_background`: the drop does not wait for the runtime's threads to exit. */
  background = false;
  constructor(readonly rt: Runtime) {
    super();
  }
  dropGlue(): void {
    this.rt.shutdownNow();
    // the drop waited for the threads, which dropped their thread-locals as they exited
    if (!this.background) dropRuntimeThreadLocals(this.rt.id);
  }
}

export class RHandle {
  constructor(readonly h: RuntimeHandle) {}
}

function build(
  site: Site,
  flavor: 'current_thread' | 'multi_thread',
  workers: number | null,
  paused: boolean,
): RRuntime {
  allocateWorkers(flavor, workers ?? 4);
  try {
    return new RRuntime(
      createRuntime({ flavor, workers: workers ?? 4, startPaused: paused, world: currentRun().world }),
    );
  } catch (e) {
    if (e instanceof RustPanic) panicAt(site, e.panicMessage ?? 'Box<dyn Any>');
    throw e;
  }
}

const B = ns(['Builder', 'tokio::runtime::Builder', 'runtime::Builder']);
member(B, 'new_current_thread', () => new RBuilder('current_thread'));
member(B, 'new_multi_thread', () => new RBuilder('multi_thread'));
const BT = tableFor(RBuilder);
const bd = (v: Value): RBuilder => deref(v) as RBuilder;
const chain =
  (f: (b: RBuilder, a: Value[]) => void): NativeFn =>
  (_s, a) => {
    f(bd(a[0]), a);
    return a[0];
  };
def(
  BT,
  'worker_threads',
  'refMut',
  chain((b, a) => (b.workers = Number(a[1]))),
);
def(
  BT,
  'start_paused',
  'refMut',
  chain((b, a) => (b.startPaused = a[1] === true)),
);
for (const name of [
  'enable_all',
  'enable_time',
  'enable_io',
  'thread_name',
  'max_blocking_threads',
  'event_interval',
  'global_queue_interval',
  'thread_keep_alive',
  'on_thread_start',
  'on_thread_stop',
]) {
  def(
    BT,
    name,
    'refMut',
    chain(() => undefined),
  );
}
def(BT, 'build', 'refMut', (s, a) => {
  const b = bd(a[0]);
  return ok(build(s, b.flavor, b.workers, b.startPaused));
});

const R = ns(['Runtime', 'tokio::runtime::Runtime', 'runtime::Runtime']);
member(R, 'new', (s) => ok(build(s, 'multi_thread', null, false)));
const RT = tableFor(RRuntime);
const rt = (v: Value): Runtime => (deref(v) as RRuntime).rt;
def(RT, 'block_on', 'ref', (s, a) => {
  const r = rt(a[0]);
  return r.blockOn<Value>(toSim(a[1], s));
});
def(RT, 'spawn', 'ref', (s, a) => new RJoinHandle(rt(a[0]).spawn(toSim(a[1], s), spawnMeta(s))));
def(RT, 'spawn_blocking', 'ref', (s, a) => new RJoinHandle(rt(a[0]).spawnBlocking(blockingJob(a[1], s), spawnMeta(s))));
def(RT, 'handle', 'ref', (_s, a) => new RHandle(rt(a[0])));
def(RT, 'shutdown_background', 'value', (_s, a) => {
  const x = deref(a[0]) as RRuntime;
  x.background = true;
  forceDrop(x);
  return undefined;
});
def(RT, 'shutdown_timeout', 'value', (_s, a) => {
  const x = deref(a[0]) as RRuntime;
  forceDrop(x);
  return undefined;
});
def(RT, 'enter', 'ref', (_s, a) => new EnterGuard(rt(a[0]).enter()));

/** `Runtime::enter` guard: leaves the runtime context when dropped. */
export class EnterGuard extends Owned {
  constructor(readonly leave: () => void) {
    super();
  }
  dropGlue(): void {
    this.leave();
  }
}

const H = ns(['Handle', 'tokio::runtime::Handle', 'runtime::Handle']);
member(H, 'current', (s) => {
  const ctx = currentContext();
  if (!ctx) return panicAt(s, 'there is no reactor running, must be called from the context of a Tokio 1.x runtime');
  return new RHandle(ctx.handle);
});
member(H, 'try_current', () => {
  const ctx = currentContext();
  return ctx ? ok(new RHandle(ctx.handle)) : ok(undefined);
});
const HT = tableFor(RHandle);
def(HT, 'spawn', 'ref', (s, a) => new RJoinHandle((deref(a[0]) as RHandle).h.spawn(toSim(a[1], s), spawnMeta(s))));
def(
  HT,
  'spawn_blocking',
  'ref',
  (s, a) => new RJoinHandle((deref(a[0]) as RHandle).h.spawnBlocking(blockingJob(a[1], s), spawnMeta(s))),
);
def(HT, 'clone', 'ref', (_s, a) => deref(a[0]));

// ---- runtime_flavor and metrics
const FLAVOR = defineEnum({
  name: 'RuntimeFlavor',
  paths: ['RuntimeFlavor', 'tokio::runtime::RuntimeFlavor', 'runtime::RuntimeFlavor'],
  variants: [
    ['CurrentThread', 0, () => 'CurrentThread'],
    ['MultiThread', 0, () => 'MultiThread'],
  ],
});
/** `RuntimeMetrics`: a view of one runtime, read at each call. */
export class RMetrics {
  constructor(readonly h: RuntimeHandle) {}
  read(): RuntimeMetrics {
    const m = this.h.metrics?.();
    if (m === undefined) throw new Error('this runtime has no metrics');
    return m;
  }
}
const metricsOf = (v: Value): RMetrics => {
  const x = deref(v);
  return new RMetrics(x instanceof RRuntime ? x.rt : (x as RHandle).h);
};
for (const t of [HT, RT]) def(t, 'metrics', 'ref', (_s, a) => metricsOf(a[0]));
def(HT, 'runtime_flavor', 'ref', (_s, a) => FLAVOR.unit(metricsOf(a[0]).read().flavor === 'current_thread' ? 0 : 1));
const MT = tableFor(RMetrics);
def(MT, 'num_workers', 'ref', (_s, a) => (deref(a[0]) as RMetrics).read().workers);
def(MT, 'num_alive_tasks', 'ref', (_s, a) => (deref(a[0]) as RMetrics).read().aliveTasks);
def(MT, 'clone', 'ref', (_s, a) => deref(a[0]));
