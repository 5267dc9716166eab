/**
 * `std::time::Duration`, `tokio::time::Instant` (the runtime's virtual clock; `std::time::Instant`
 * reads the simulated real-time axis), and `tokio::time::{sleep, sleep_until, timeout, interval,
 * interval_at, advance, pause, resume, MissedTickBehavior}` bound to the simulator (tokio-facts §9).
 */
import { DurationArg } from '../../fmt/index.ts';
import { type IntValue, normBig, toBig } from '../../num/int-type.ts';
import type { NativeFn, Site } from '../defs.ts';
import { EnumDef, VariantDef } from '../defs.ts';
import { registerFmt } from '../fmt-value.ts';
import { panicAt } from '../panic.ts';
import {
  advance,
  checkedDurationSince,
  currentContext,
  elapsedSince,
  instantNow,
  interval,
  intervalAt,
  type Interval,
  pause,
  resume,
  saturatingDurationSince,
  sleep,
  sleepUntil,
  type Sleep,
  timeout,
  timeoutAt,
  RustPanic,
} from '../sim.ts';
import type { REnum } from '../values.ts';
import { Owned, RFloat, deref, type Value } from '../values.ts';
import { NONE, ordering, some } from '../std/enums.ts';
import { member, memberValue, ns, fn } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { asFuture, fromResult, SimError, SimFut, toUnit } from './sim-values.ts';
import { currentRun } from './current.ts';

const NS = 1_000_000_000;
const NSB = 1_000_000_000n;
/** `Duration::MAX`: u64::MAX seconds and 999_999_999 ns. */
const MAX_NS = (1n << 64n) * NSB - 1n;
const big = (v: Value): bigint => toBig(deref(v) as IntValue);
const cmpBig = (x: bigint, y: bigint): number => (x < y ? -1 : x > y ? 1 : 0);

/** A `Duration` in whole nanoseconds. Copy. */
export class RDuration {
  /** Exact nanoseconds: a Duration reaches u64::MAX seconds, far past 2^53 ns. */
  readonly total: bigint;
  constructor(ns: number | bigint) {
    this.total = typeof ns === 'bigint' ? ns : BigInt(Number.isFinite(ns) ? Math.round(ns) : 0);
  }
  /** Nanoseconds as a number, for the simulator's clock (exact below 2^53 ns, about 104 days). */
  get ns(): number {
    return Number(this.total);
  }
}

/** An `Instant`: ns on the runtime's clock (tokio) or on the simulated real-time axis (std). */
export class RInstant {
  constructor(
    readonly ns: number,
    readonly std: boolean,
  ) {}
}

const d = (v: Value): RDuration => deref(v) as RDuration;
const ins = (v: Value): RInstant => deref(v) as RInstant;
const fl = (v: Value): number => (deref(v) as RFloat).v;

registerFmt(RDuration, (v) => {
  const x = v as RDuration;
  return new DurationArg(normBig(x.total / NSB), Number(x.total % NSB));
});
registerFmt(RInstant, (v) => {
  const x = v as RInstant;
  return { debug: (f) => f.writeStr(`Instant { tv_sec: ${Math.floor(x.ns / NS)}, tv_nsec: ${x.ns % NS} }`) };
});

function nowOf(std: boolean): RInstant {
  if (std) return new RInstant(currentRun().world.realNow, true);
  return new RInstant(instantNow(), false);
}

// ---- Duration
const D = ns(['Duration', 'std::time::Duration', 'tokio::time::Duration', 'core::time::Duration', 'time::Duration']);
member(D, 'from_secs', (_s, a) => new RDuration(big(a[0]) * NSB));
member(D, 'from_millis', (_s, a) => new RDuration(big(a[0]) * 1_000_000n));
member(D, 'from_micros', (_s, a) => new RDuration(big(a[0]) * 1_000n));
member(D, 'from_nanos', (_s, a) => new RDuration(big(a[0])));
member(D, 'from_secs_f64', (_s, a) => new RDuration(Math.round(fl(a[0]) * NS)));
member(D, 'from_secs_f32', (_s, a) => new RDuration(Math.round(fl(a[0]) * NS)));
member(D, 'new', (s, a) => {
  const t = big(a[0]) * NSB + big(a[1]);
  if (t > MAX_NS) panicAt(s, 'overflow in Duration::new');
  return new RDuration(t);
});
member(D, 'default', () => new RDuration(0));
memberValue(D, 'ZERO', () => new RDuration(0));
memberValue(D, 'MAX', () => new RDuration(MAX_NS));
memberValue(D, 'SECOND', () => new RDuration(NS));
memberValue(D, 'MILLISECOND', () => new RDuration(1_000_000));

const DT = tableFor(RDuration);
function dm(name: string, f: NativeFn): void {
  def(DT, name, 'ref', f);
}
dm('as_secs', (_s, a) => normBig(d(a[0]).total / NSB));
dm('as_millis', (_s, a) => normBig(d(a[0]).total / 1_000_000n));
dm('as_micros', (_s, a) => normBig(d(a[0]).total / 1_000n));
dm('as_nanos', (_s, a) => normBig(d(a[0]).total));
dm('as_secs_f64', (_s, a) => new RFloat(d(a[0]).ns / NS));
dm('as_secs_f32', (_s, a) => new RFloat(Math.fround(d(a[0]).ns / NS), true));
dm('as_millis_f64', (_s, a) => new RFloat(d(a[0]).ns / 1_000_000));
dm('subsec_millis', (_s, a) => Number((d(a[0]).total % NSB) / 1_000_000n));
dm('subsec_micros', (_s, a) => Number((d(a[0]).total % NSB) / 1_000n));
dm('subsec_nanos', (_s, a) => Number(d(a[0]).total % NSB));
dm('is_zero', (_s, a) => d(a[0]).total === 0n);
dm('clone', (_s, a) => d(a[0]));
dm('add', (s, a) => {
  const t = d(a[0]).total + d(a[1]).total;
  if (t > MAX_NS) panicAt(s, 'overflow when adding durations');
  return new RDuration(t);
});
dm('sub', (s, a) => {
  const r = d(a[0]).total - d(a[1]).total;
  if (r < 0n) panicAt(s, 'overflow when subtracting durations');
  return new RDuration(r);
});
dm('mul', (s, a) => {
  const t = d(a[0]).total * big(a[1]);
  if (t > MAX_NS) panicAt(s, 'overflow when multiplying duration by scalar');
  return new RDuration(t);
});
dm('div', (s, a) => {
  const n = big(a[1]);
  if (n === 0n) panicAt(s, 'divide by zero error when dividing duration by scalar');
  return new RDuration(d(a[0]).total / n);
});
dm('mul_f64', (_s, a) => new RDuration(Math.round(d(a[0]).ns * fl(a[1]))));
dm('div_f64', (_s, a) => new RDuration(Math.round(d(a[0]).ns / fl(a[1]))));
dm('checked_add', (_s, a) => {
  const t = d(a[0]).total + d(a[1]).total;
  return t > MAX_NS ? NONE : some(new RDuration(t));
});
dm('checked_sub', (_s, a) => {
  const r = d(a[0]).total - d(a[1]).total;
  return r < 0n ? NONE : some(new RDuration(r));
});
dm('checked_div', (_s, a) => {
  const k = big(a[1]);
  return k === 0n ? NONE : some(new RDuration(d(a[0]).total / k));
});
dm('saturating_sub', (_s, a) => {
  const r = d(a[0]).total - d(a[1]).total;
  return new RDuration(r < 0n ? 0n : r);
});
dm('saturating_add', (_s, a) => {
  const t = d(a[0]).total + d(a[1]).total;
  return new RDuration(t > MAX_NS ? MAX_NS : t);
});
dm('checked_mul', (_s, a) => {
  const t = d(a[0]).total * big(a[1]);
  return t > MAX_NS ? NONE : some(new RDuration(t));
});
dm('saturating_mul', (_s, a) => {
  const t = d(a[0]).total * big(a[1]);
  return new RDuration(t > MAX_NS ? MAX_NS : t);
});
dm('div_duration_f64', (_s, a) => new RFloat(Number(d(a[0]).total) / Number(d(a[1]).total)));
dm('div_duration_f32', (_s, a) => new RFloat(Math.fround(Number(d(a[0]).total) / Number(d(a[1]).total)), true));
dm('as_micros_f64', (_s, a) => new RFloat(Number(d(a[0]).total) / 1_000));
dm('abs_diff', (_s, a) => {
  const r = d(a[0]).total - d(a[1]).total;
  return new RDuration(r < 0n ? -r : r);
});
dm('eq', (_s, a) => d(a[0]).total === d(a[1]).total);
dm('cmp', (_s, a) => ordering(cmpBig(d(a[0]).total, d(a[1]).total)));
dm('partial_cmp', (_s, a) => some(ordering(cmpBig(d(a[0]).total, d(a[1]).total))));
dm('__key', (_s, a) => `D${d(a[0]).total}`);

// ---- Instant
function instantNs(std: boolean, paths: string[]): void {
  const I = ns(paths);
  member(I, 'now', () => nowOf(std));
}
instantNs(false, ['Instant', 'tokio::time::Instant', 'time::Instant']);
instantNs(true, ['std::time::Instant']);
{
  const I = ns(['tokio::time::Instant']);
  member(I, 'from_std', (_s, a) => new RInstant(ins(a[0]).ns, false));
}

const IT = tableFor(RInstant);
function im(name: string, f: NativeFn): void {
  def(IT, name, 'ref', f);
}
im('elapsed', (_s, a) => {
  const i = ins(a[0]);
  if (i.std) return new RDuration(Math.max(0, currentRun().world.realNow - i.ns));
  return new RDuration(elapsedSince(i.ns));
});
im('duration_since', (s, a) => {
  const x = ins(a[0]);
  const y = ins(a[1]);
  if (x.std && x.ns < y.ns) panicAt(s, 'overflow when subtracting instants');
  return new RDuration(saturatingDurationSince(x.ns, y.ns));
});
im('saturating_duration_since', (_s, a) => new RDuration(saturatingDurationSince(ins(a[0]).ns, ins(a[1]).ns)));
im('checked_duration_since', (_s, a) => {
  const r = checkedDurationSince(ins(a[0]).ns, ins(a[1]).ns);
  return r === undefined ? NONE : some(new RDuration(r));
});
im('checked_add', (_s, a) => some(new RInstant(ins(a[0]).ns + d(a[1]).ns, ins(a[0]).std)));
im('checked_sub', (_s, a) => {
  const r = ins(a[0]).ns - d(a[1]).ns;
  return r < 0 ? NONE : some(new RInstant(r, ins(a[0]).std));
});
im('add', (_s, a) => new RInstant(ins(a[0]).ns + d(a[1]).ns, ins(a[0]).std));
im('sub', (s, a) => {
  const x = ins(a[0]);
  const y = deref(a[1]);
  if (y instanceof RInstant) {
    if (x.std && x.ns < y.ns) panicAt(s, 'overflow when subtracting instants');
    return new RDuration(saturatingDurationSince(x.ns, y.ns));
  }
  return new RInstant(x.ns - d(y).ns, x.std);
});
im('into_std', (_s, a) => new RInstant(ins(a[0]).ns, true));
im('clone', (_s, a) => ins(a[0]));
im('eq', (_s, a) => ins(a[0]).ns === ins(a[1]).ns);
im('cmp', (_s, a) => ordering(ins(a[0]).ns - ins(a[1]).ns));
im('partial_cmp', (_s, a) => some(ordering(ins(a[0]).ns - ins(a[1]).ns)));
im('__key', (_s, a) => `I${ins(a[0]).ns}`);

// ---- sleep / timeout / interval
/** `Sleep` as a Rust value (`reset`, `deadline`, `is_elapsed`). */
export class RSleep extends SimFut {
  /** The simulator's Sleep: the wrapped future itself (a field of its own was 8 bytes a sleep). */
  get s(): Sleep {
    return this.inner as Sleep;
  }
  constructor(s: Sleep) {
    // one converter for every Sleep (an arrow here was a 56-byte closure per live sleeping task)
    super(s, toUnit);
  }
}
const ST = tableFor(RSleep);
def(ST, 'deadline', 'ref', (_s, a) => new RInstant((deref(a[0]) as RSleep).s.deadline(), false));
def(ST, 'is_elapsed', 'ref', (_s, a) => (deref(a[0]) as RSleep).s.isElapsed());
def(ST, 'reset', 'refMut', (_s, a) => void (deref(a[0]) as RSleep).s.reset(ins(a[1]).ns));
def(ST, 'as_mut', 'refMut', (_s, a) => a[0]);

function guarded<T>(site: Site, f: () => T): T {
  try {
    return f();
  } catch (e) {
    return rethrowAt(site, e);
  }
}

/** A simulator panic as a panic at the call's site; anything else thrown as it is. */
function rethrowAt(site: Site, e: unknown): never {
  if (e instanceof RustPanic) panicAt(site, e.panicMessage ?? 'panic');
  throw e;
}

const paths = (name: string): string[] => [`tokio::time::${name}`, `time::${name}`];
// no `guarded` closure here: a program may sleep in every one of a million tasks
fn(paths('sleep'), (s, a) => {
  try {
    return new RSleep(sleep(d(a[0]).ns));
  } catch (e) {
    return rethrowAt(s, e);
  }
});
fn(paths('sleep_until'), (s, a) => {
  try {
    return new RSleep(sleepUntil(ins(a[0]).ns));
  } catch (e) {
    return rethrowAt(s, e);
  }
});

const ELAPSED = new SimError('deadline has elapsed', 'Elapsed(())', true);
registerFmt(SimError, (v) => ({
  display: (f) => ((v as SimError).pads ? f.pad((v as SimError).display) : f.writeStr((v as SimError).display)),
  debug: (f) => f.writeStr((v as SimError).debug),
}));
def(tableFor(SimError), 'to_string', 'ref', (_s, a) => (a[0] as SimError).display);

const toElapsed = (r: unknown): Value =>
  fromResult(
    r,
    (v) => v as Value,
    () => ELAPSED,
  );
fn(
  paths('timeout'),
  (s, a) =>
    new SimFut(
      guarded(s, () => timeout(d(a[0]).ns, asFuture(a[1], s))),
      toElapsed,
    ),
);
fn(
  paths('timeout_at'),
  (s, a) =>
    new SimFut(
      guarded(s, () => timeoutAt(ins(a[0]).ns, asFuture(a[1], s))),
      toElapsed,
    ),
);

/** `tokio::time::Interval`. */
export class RInterval extends Owned {
  constructor(readonly i: Interval) {
    super();
  }
  dropGlue(): void {
    this.i.drop();
  }
}
fn(paths('interval'), (s, a) => new RInterval(guarded(s, () => interval(d(a[0]).ns))));
fn(paths('interval_at'), (s, a) => new RInterval(guarded(s, () => intervalAt(ins(a[0]).ns, d(a[1]).ns))));
const IVT = tableFor(RInterval);
const iv = (v: Value): Interval => (deref(v) as RInterval).i;
def(IVT, 'tick', 'refMut', (_s, a) => new SimFut(iv(a[0]).tick(), (t) => new RInstant(t as number, false)));
def(IVT, 'reset', 'refMut', (_s, a) => void iv(a[0]).reset());
def(IVT, 'reset_immediately', 'refMut', (_s, a) => void iv(a[0]).resetImmediately());
def(IVT, 'reset_after', 'refMut', (_s, a) => void iv(a[0]).resetAfter(d(a[1]).ns));
def(IVT, 'reset_at', 'refMut', (_s, a) => void iv(a[0]).resetAt(ins(a[1]).ns));
def(IVT, 'period', 'ref', (_s, a) => new RDuration(iv(a[0]).period()));
def(IVT, 'missed_tick_behavior', 'ref', (_s, a) =>
  MISSED.unit(['burst', 'delay', 'skip'].indexOf(iv(a[0]).missedTickBehavior())),
);
def(IVT, 'set_missed_tick_behavior', 'refMut', (_s, a) => {
  const b = deref(a[1]) as REnum;
  iv(a[0]).setMissedTickBehavior((['burst', 'delay', 'skip'] as const)[b.v]);
});

export const MISSED = new EnumDef(
  'MissedTickBehavior',
  ['Burst', 'Delay', 'Skip'].map((n, i) => new VariantDef(n, [], 'unit', i, [])),
);
for (const t of ['Debug', 'Clone', 'Copy', 'PartialEq', 'Eq']) MISSED.derives.add(t);
const MT = ns(['MissedTickBehavior', 'tokio::time::MissedTickBehavior', 'time::MissedTickBehavior']);
['Burst', 'Delay', 'Skip'].forEach((n, i) => memberValue(MT, n, () => MISSED.unit(i)));

fn(
  paths('advance'),
  (s, a) =>
    new SimFut(
      guarded(s, () => advance(d(a[0]).ns)),
      () => undefined,
    ),
);
fn(paths('pause'), (s) => void guarded(s, () => pause()));
fn(paths('resume'), (s) => void guarded(s, () => resume()));

export function inRuntime(): boolean {
  return currentContext() !== undefined;
}
