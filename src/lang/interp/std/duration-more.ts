/**
 * The rest of the stable `Duration` constructors and float arithmetic (std 1.95): `from_mins`,
 * `from_hours`, `from_nanos_u128`, `mul_f32` / `div_f32` (in f32, as std computes them), and the
 * float-seconds conversions with std's panics and `TryFromFloatSecsError`.
 */
import { type IntValue, toBig } from '../../num/int-type.ts';
import { DURATION_LOCATION, type StdLocation } from '../../num/std-location.ts';
import { registerFmt } from '../fmt-value.ts';
import { panicAt } from '../panic.ts';
import { RDuration } from '../tokio/time.ts';
import { RFloat } from '../values.ts';
import { deref, type Value } from '../values.ts';
import { err, ok } from './enums.ts';
import { member, ns } from './registry.ts';
import { def, tableFor } from './tables.ts';

const NSB = 1_000_000_000n;
const MAX_NS = (1n << 64n) * NSB - 1n;
const big = (v: Value): bigint => toBig(deref(v) as IntValue);
const fl = (v: Value): number => (deref(v) as RFloat).v;
const D = ns(['Duration', 'std::time::Duration', 'tokio::time::Duration', 'core::time::Duration', 'time::Duration']);

function fromUnits(name: string, ns: bigint, at: StdLocation): void {
  member(D, name, (_s, a) => {
    const t = big(a[0]) * ns;
    if (t > MAX_NS) panicAt(at, `overflow in Duration::${name}`, true);
    return new RDuration(t);
  });
}
fromUnits('from_mins', 60n * NSB, DURATION_LOCATION.fromMins);
fromUnits('from_hours', 3600n * NSB, DURATION_LOCATION.fromHours);
member(D, 'from_nanos_u128', (s, a) => {
  const t = big(a[0]);
  if (t > MAX_NS) panicAt(s, 'overflow in `Duration::from_nanos_u128`', true);
  return new RDuration(t);
});

/** `TryFromFloatSecsError`: why float seconds are no Duration. */
class TryFromFloatSecsError {
  constructor(readonly negative: boolean) {}
  get message(): string {
    return `cannot convert float seconds to Duration: ${this.negative ? 'value is negative' : 'value is either too big or NaN'}`;
  }
}
registerFmt(TryFromFloatSecsError, (v) => {
  const e = v as TryFromFloatSecsError;
  return {
    display: (f) => f.pad(e.message),
    debug: (f) => f.writeStr(`TryFromFloatSecsError { kind: ${e.negative ? 'Negative' : 'OverflowOrNan'} }`),
  };
});
def(tableFor(TryFromFloatSecsError), 'to_string', 'ref', (_s, a) => (deref(a[0]) as TryFromFloatSecsError).message);

/** A finite double as mantissa × 2^exponent, exactly. */
function decompose(x: number): [bigint, number] {
  const d = new DataView(new ArrayBuffer(8));
  d.setFloat64(0, x);
  const bits = d.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return exp === 0 ? [frac, -1074] : [frac | (1n << 52n), exp - 1075];
}

/** Float seconds to nanoseconds, exactly, rounded to the nearest (ties to even) as std's `try_from_secs`. */
function fromSecs(secs: number): RDuration | TryFromFloatSecsError {
  if (Number.isNaN(secs)) return new TryFromFloatSecsError(false);
  if (secs < 0) return secs > -0.5e-9 ? new RDuration(0) : new TryFromFloatSecsError(true);
  if (!Number.isFinite(secs)) return new TryFromFloatSecsError(false);
  const [m, e] = decompose(secs);
  let t: bigint;
  if (e >= 0) t = (m * NSB) << BigInt(e);
  else {
    const scaled = m * NSB;
    const k = BigInt(-e);
    const q = scaled >> k;
    const r = scaled - (q << k);
    const half = 1n << (k - 1n);
    t = r > half || (r === half && (q & 1n) === 1n) ? q + 1n : q;
  }
  return t > MAX_NS ? new TryFromFloatSecsError(false) : new RDuration(t);
}
function fromSecsOrPanic(secs: number, f32: boolean): RDuration {
  const r = fromSecs(f32 ? Math.fround(secs) : secs);
  if (r instanceof TryFromFloatSecsError) {
    panicAt(f32 ? DURATION_LOCATION.fromSecsF32 : DURATION_LOCATION.fromSecsF64, r.message);
  }
  return r;
}
for (const [k, f32] of [
  ['f64', false],
  ['f32', true],
] as const) {
  member(D, `from_secs_${k}`, (_s, a) => fromSecsOrPanic(fl(a[0]), f32));
  member(D, `try_from_secs_${k}`, (_s, a) => {
    const r = fromSecs(f32 ? Math.fround(fl(a[0])) : fl(a[0]));
    return r instanceof RDuration ? ok(r) : err(r);
  });
}
/** `as_secs_f64` / `as_secs_f32` as std computes them: whole seconds plus nanos / 1e9, in that float. */
function secsOf(x: RDuration, f32: boolean): number {
  const r = f32 ? Math.fround : (v: number): number => v;
  return r(r(Number(x.total / NSB)) + r(r(Number(x.total % NSB)) / 1e9));
}
const DT = tableFor(RDuration);
const dur = (v: Value): RDuration => deref(v) as RDuration;
for (const [k, f32] of [
  ['f64', false],
  ['f32', true],
] as const) {
  const r = f32 ? Math.fround : (v: number): number => v;
  def(DT, `mul_${k}`, 'ref', (_s, a) => fromSecsOrPanic(r(r(fl(a[1])) * secsOf(dur(a[0]), f32)), f32));
  def(DT, `div_${k}`, 'ref', (_s, a) => fromSecsOrPanic(r(secsOf(dur(a[0]), f32) / r(fl(a[1]))), f32));
  def(DT, `as_secs_${k}`, 'ref', (_s, a) => new RFloat(secsOf(dur(a[0]), f32), f32));
}
