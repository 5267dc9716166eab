/**
 * `std::panic::{set_hook, take_hook, panic_any, resume_unwind}` and the hook's `PanicHookInfo`
 * (Display `panicked at file:line:col:\nmsg`, `payload()`, `location()`).
 */
import { RFn } from '../call.ts';
import { env } from '../env.ts';
import { registerFmt } from '../fmt-value.ts';
import { AnyPayload, defaultHookText, PanicInfo, PanicPayload, panicAny, resumeUnwind } from '../panic.ts';
import { deref, RChar, REnum, RFloat, RStruct, type Value } from '../values.ts';
import { err, NONE, ok, some } from './enums.ts';
import { fn, markArgTyped } from './registry.ts';
import { def, tableFor, UNIVERSAL } from './tables.ts';
import type { Site } from '../defs.ts';
import { typeFault } from '../type-fault.ts';
import { ParseError } from './string.ts';

class RLocation {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
  ) {}
}

fn(['std::panic::set_hook', 'panic::set_hook'], (_s, a) => {
  env.panicHook = a[0];
  env.hasHook = true;
  return undefined;
});
fn(['std::panic::take_hook', 'panic::take_hook'], () => {
  const prev = env.hasHook ? env.panicHook : null;
  env.hasHook = false;
  return (
    prev ??
    new RFn('default_hook', (_s, a) => {
      env.stderr(defaultHookText(deref(a[0]) as PanicInfo, env.bridge.threadName()));
      return undefined;
    })
  );
});
fn(
  ['std::panic::panic_any', 'panic::panic_any', 'panic_any'],
  markArgTyped((s, a) => panicAny(s, a[0])),
);
fn(['std::panic::resume_unwind', 'panic::resume_unwind'], (_s, a) => resumeUnwind(a[0]));

const infoText = (i: PanicInfo): string => `panicked at ${i.file}:${i.line}:${i.col}:\n${i.message ?? 'Box<dyn Any>'}`;
registerFmt(PanicInfo, (v) => ({
  display: (f) => f.pad(infoText(v as PanicInfo)),
  debug: (f) =>
    f.writeStr(
      `PanicHookInfo { payload: Any { .. }, location: Location { file: "${(v as PanicInfo).file}", line: ${(v as PanicInfo).line}, col: ${(v as PanicInfo).col} } }`,
    ),
}));
const PI = tableFor(PanicInfo);
const pi = (v: Value): PanicInfo => deref(v) as PanicInfo;
def(PI, 'payload', 'ref', (_s, a) => {
  const p = pi(a[0]).payload;
  return p instanceof PanicPayload ? p : p;
});
def(PI, 'location', 'ref', (_s, a) => some(new RLocation(pi(a[0]).file, pi(a[0]).line, pi(a[0]).col)));
def(PI, 'to_string', 'ref', (_s, a) => infoText(pi(a[0])));
const LT = tableFor(RLocation);
const lc = (v: Value): RLocation => deref(v) as RLocation;
def(LT, 'file', 'ref', (_s, a) => lc(a[0]).file);
def(LT, 'line', 'ref', (_s, a) => lc(a[0]).line);
def(LT, 'column', 'ref', (_s, a) => lc(a[0]).col);
registerFmt(RLocation, (v) => ({
  display: (f) => f.pad(`${lc(v).file}:${lc(v).line}:${lc(v).col}`),
}));

// ---- `Box<dyn Any + Send>` payloads that are not strings (string payloads: tokio/task.ts)
/** Whether the boxed value is of the type named by the turbofish hint. */
function holds(p: AnyPayload, hint: string | null): boolean {
  const v = p.value;
  if (hint === null) return false;
  const name = hint.slice(hint.lastIndexOf(':') + 1);
  if (p.int !== null) return name === p.int.name;
  if (typeof v === 'boolean') return name === 'bool';
  if (v instanceof RChar) return name === 'char';
  if (v instanceof RFloat) return name === (v.f32 ? 'f32' : 'f64');
  if (v instanceof RStruct || v instanceof REnum) return name === v.def.name;
  return false;
}
const AP = tableFor(AnyPayload);
const ap = (v: Value): AnyPayload => deref(v) as AnyPayload;
def(AP, 'downcast_ref', 'ref', (s, a) => (holds(ap(a[0]), s.hint) ? some(ap(a[0]).value) : NONE));
def(AP, 'downcast', 'value', (s, a) => (holds(ap(a[0]), s.hint) ? ok(ap(a[0]).value) : err(ap(a[0]))));
def(AP, 'is', 'ref', (s, a) => holds(ap(a[0]), s.hint));

// `Box<dyn Error>` is transparent: `e.downcast_ref::<MyError>()` asks the boxed value itself. A
// user type answers with its name, a std error with the type its Debug form starts with
// (`ParseIntError { kind: .. }`), and a boxed message (`"no comma".into()`) is std's private
// string error, which no program can name.
function boxedIs(v0: Value, s: Site): boolean {
  const v = deref(v0);
  const wanted = s.hint?.slice(s.hint.lastIndexOf(':') + 1);
  if (v instanceof RStruct || v instanceof REnum) return v.def.name === wanted;
  if (v instanceof ParseError) return /^\w+/.exec(v.debug)?.[0] === wanted;
  if (typeof v === 'string') return false;
  return typeFault(s, 'downcast_ref is only supported on boxed errors of your own types', 'E0599');
}
def(UNIVERSAL, 'downcast_ref', 'ref', (s, a) => (boxedIs(a[0], s) ? some(deref(a[0])) : NONE));
def(UNIVERSAL, 'is', 'ref', (s, a) => boxedIs(a[0], s));
registerFmt(AnyPayload, () => ({ debug: (f) => f.writeStr('Any { .. }') }));
