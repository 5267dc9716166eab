/**
 * The rest of the stable `Duration` constructors and float arithmetic (std 1.95): `from_mins`,
 * `from_hours`, `from_nanos_u128`, `mul_f32` / `div_f32` (in f32, as std computes them), and the
 * float-seconds conversions with std's panics and `TryFromFloatSecsError`.
 */
import { type IntValue, toBig } from '../../num/int-type.ts';
import type { Site } from '../defs.ts';
import { registerFmt } from '../fmt-value.ts';
import { panicAt } from '../panic.ts';
import { RDuration } from '../tokio/time.ts';
import type { RFloat } from '../values.ts';
import { deref, type Value } from '../values.ts';
import { err, ok } from './enums.ts';
import { member, ns } from './registry.ts';
import { def, tableFor } from './tables.ts';

const NSB = 1_000_000_000n;
const MAX_NS = (1n << 64n) * NSB - 1n;
const big = (v: Value): bigint => toBig(deref(v) as IntValue);
const fl = (v: Value): number => (deref(v) as RFloat).v;
const D = ns(['Duration', 'std::time::Duration', 'tokio::time::Duration', 'core::time::Duration', 'time::Duration']);

function fromUnits(name: string, ns: bigint): void {
  member(D, name, (s, a) => {
    const t = big(a[0]) * ns;
    if (t > MAX_NS) panicAt(s, `overflow in Duration::${name}`);
    return new RDuration(t);
  });
}
fromUnits('from_mins', 60n * NSB);
fromUnits('from_hours', 3600n * NSB);
member(D, 'from_nanos_u128', (s, a) => {
  const t = big(a[0]);
  if (t > MAX_NS) panicAt(s, 'overflow in `Duration::from_nanos_u128`');
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

/** Float seconds to whole nanoseconds, rounded to the nearest (std's `try_from_secs`). */
function fromSecs(secs: number, f32: boolean): RDuration | TryFromFloatSecsError {
  if (secs < 0 && !Object.is(secs, -0) && !(secs > -0.5e-9)) return new TryFromFloatSecsError(true);
  if (!Number.isFinite(secs)) return new TryFromFloatSecsError(Number.isNaN(secs) ? false : secs < 0);
  const whole = Math.floor(Math.abs(secs));
  const frac = Math.abs(secs) - whole;
  const t = BigInt(whole) * NSB + BigInt(Math.round(frac * 1e9));
  if (t > MAX_NS || (f32 && whole >= 2 ** 64)) return new TryFromFloatSecsError(false);
  return new RDuration(t);
}
function fromSecsOrPanic(s: Site, secs: number, f32: boolean): RDuration {
  const r = fromSecs(secs, f32);
  if (r instanceof TryFromFloatSecsError) panicAt(s, r.message);
  return r;
}
for (const [k, f32] of [
  ['f64', false],
  ['f32', true],
] as const) {
  member(D, `from_secs_${k}`, (s, a) => fromSecsOrPanic(s, fl(a[0]), f32));
  member(D, `try_from_secs_${k}`, (_s, a) => {
    const r = fromSecs(fl(a[0]), f32);
    return r instanceof RDuration ? ok(r) : err(r);
  });
}
const DT = tableFor(RDuration);
const secsF32 = (x: RDuration): number => Math.fround(Number(x.total) / 1e9);
def(DT, 'mul_f32', 'ref', (s, a) =>
  fromSecsOrPanic(s, Math.fround(Math.fround(fl(a[1])) * secsF32(deref(a[0]) as RDuration)), true),
);
def(DT, 'div_f32', 'ref', (s, a) =>
  fromSecsOrPanic(s, Math.fround(secsF32(deref(a[0]) as RDuration) / Math.fround(fl(a[1]))), true),
);
