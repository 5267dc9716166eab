/**
 * Rust panics: the message, the default hook's stderr text (exactly as Rust prints it), a user
 * hook installed with `std::panic::set_hook`, and the throw. The hook runs at the panic site,
 * before unwinding, as in Rust.
 */
import { NumPanic, PANIC_MESSAGES } from '../num/panic.ts';
import type { Site } from './defs.ts';
import { env } from './env.ts';
import { RustPanic } from './sim.ts';
import type { Value } from './values.ts';
import { I32, type IntType } from '../num/int-type.ts';
import type { StdLocation } from '../num/std-location.ts';

/** Where a panic happened, for hooks (`PanicHookInfo::location`). */
export class PanicInfo {
  constructor(
    readonly payload: Value,
    readonly message: string | undefined,
    readonly file: string,
    readonly line: number,
    readonly col: number,
  ) {}
}

type HookCaller = (hook: Value, info: PanicInfo) => void;
let callHook: HookCaller = () => undefined;

/** The interpreter installs how a user panic hook (a closure) is called. */
export function setHookCaller(c: HookCaller): void {
  callHook = c;
}

/** The text the default hook writes to stderr. */
export function defaultHookText(info: PanicInfo, thread: string): string {
  let s = `thread '${thread}' panicked at ${info.file}:${info.line}:${info.col}:\n${info.message ?? 'Box<dyn Any>'}\n`;
  if (!env.backtraceNoteShown) {
    env.backtraceNoteShown = true;
    s += 'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n';
  }
  return s;
}

function runHook(info: PanicInfo): void {
  env.panicking = true;
  if (env.hasHook) callHook(env.panicHook, info);
  else env.stderr(defaultHookText(info, env.bridge.threadName()));
}

/** A string panic payload: `&'static str` (a literal message) or `String` (a formatted one). */
export class PanicPayload {
  constructor(
    readonly msg: string,
    readonly isStr: boolean,
  ) {}
}

/** A panic location: the program's own file, or a file of std's source (num/std-location.ts). */
export type PanicLoc = Site | { readonly line: number; readonly col: number } | StdLocation;

const fileOf = (at: PanicLoc): string => ('file' in at ? at.file : env.file);

/** `panic!` with a message: runs the hook, then unwinds. */
export function panicAt(site: PanicLoc, message: string, isStr = false): never {
  const payload = new PanicPayload(message, isStr);
  const info = new PanicInfo(payload, message, fileOf(site), site.line, site.col);
  runHook(info);
  throw new RustPanic(message, payload);
}

/**
 * A `Box<dyn Any + Send>` payload that is not a string (`panic_any(MyStruct { .. })`,
 * `panic_any(42i32)`): boxed so that `downcast_ref::<T>()` and friends find it. `int` is the
 * integer type of an integer payload (the compiler's inference; i32 when unconstrained).
 */
export class AnyPayload {
  constructor(
    readonly value: Value,
    readonly int: IntType | null = null,
  ) {}
}

/** `std::panic::panic_any(payload)`: a payload that is not a string has no message. */
export function panicAny(site: Site, payload: Value): never {
  if (typeof payload === 'string') {
    // a string literal boxes a `&'static str`, anything else a String
    const boxed = new PanicPayload(payload, site.hint === '&str');
    runHook(new PanicInfo(boxed, payload, env.file, site.line, site.col));
    throw new RustPanic(payload, boxed);
  }
  const isInt = typeof payload === 'number' || typeof payload === 'bigint';
  const boxed = new AnyPayload(payload, isInt ? (site.int?.t ?? I32) : null);
  const info = new PanicInfo(boxed, undefined, env.file, site.line, site.col);
  runHook(info);
  throw new RustPanic(undefined, boxed);
}

/** `resume_unwind`: unwinds without running the hook. */
export function resumeUnwind(payload: Value): never {
  if (payload instanceof PanicPayload) throw new RustPanic(payload.msg, payload);
  if (typeof payload === 'string') throw new RustPanic(payload, payload);
  throw new RustPanic(undefined, payload instanceof AnyPayload ? payload : new AnyPayload(payload));
}

/**
 * An arithmetic panic at `site`. Core's fixed messages (`attempt to divide by zero`, overflow) are
 * `&'static str` payloads; messages formatted with values (`f64::clamp`) are Strings.
 */
export function numPanicAt(site: PanicLoc, e: NumPanic): never {
  return panicAt(site, e.message, e.message === PANIC_MESSAGES[e.kind]);
}

/** Turns an arithmetic NumPanic thrown by num/ into a located Rust panic; rethrows anything else. */
export function relocate(e: unknown, site: PanicLoc): never {
  if (e instanceof NumPanic) numPanicAt(site, e);
  throw e;
}
