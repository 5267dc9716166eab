/**
 * Errors: `std::io::Error` (with `ErrorKind`), `Box<dyn Error>` (transparent: the boxed value
 * itself), and the conversions `?` applies (`From<JoinError> for io::Error`, user `From` impls).
 */
import { fmtDerivedDebug } from '../../fmt/index.ts';
import type { Site } from '../defs.ts';
import { EnumDef, VariantDef } from '../defs.ts';
import { registerFmt } from '../fmt-value.ts';
import { callMethodStatic } from './dispatch.ts';
import type { JoinError } from '../sim.ts';
import { deref, Owned, REnum, RStruct, type Value, text } from '../values.ts';
import { debugStr } from '../../fmt/index.ts';
import { def, tableFor } from './tables.ts';
import { fn, ns } from './registry.ts';
import { NONE, ok, some } from './enums.ts';
import { env } from '../env.ts';

const KINDS = [
  'NotFound',
  'PermissionDenied',
  'ConnectionRefused',
  'ConnectionReset',
  'HostUnreachable',
  'NetworkUnreachable',
  'ConnectionAborted',
  'NotConnected',
  'AddrInUse',
  'AddrNotAvailable',
  'NetworkDown',
  'BrokenPipe',
  'AlreadyExists',
  'WouldBlock',
  'InvalidInput',
  'InvalidData',
  'TimedOut',
  'WriteZero',
  'Interrupted',
  'Unsupported',
  'UnexpectedEof',
  'OutOfMemory',
  'Other',
];
export const ERROR_KIND = new EnumDef(
  'ErrorKind',
  KINDS.map((k, i) => new VariantDef(k, [], 'unit', i, [])),
);
for (const d of ['Debug', 'Clone', 'Copy', 'PartialEq', 'Eq', 'Hash']) ERROR_KIND.derives.add(d);
const EK = ns(['ErrorKind', 'std::io::ErrorKind', 'io::ErrorKind']);
KINDS.forEach((k, i) => EK.set(k, { kind: 'value', get: () => ERROR_KIND.unit(i) }));

/** `ErrorKind`'s Display (std's `as_str`). */
const KIND_TEXT: Record<string, string> = {
  NotFound: 'entity not found',
  PermissionDenied: 'permission denied',
  ConnectionRefused: 'connection refused',
  ConnectionReset: 'connection reset',
  HostUnreachable: 'host unreachable',
  NetworkUnreachable: 'network unreachable',
  ConnectionAborted: 'connection aborted',
  NotConnected: 'not connected',
  AddrInUse: 'address in use',
  AddrNotAvailable: 'address not available',
  NetworkDown: 'network down',
  BrokenPipe: 'broken pipe',
  AlreadyExists: 'entity already exists',
  WouldBlock: 'operation would block',
  InvalidInput: 'invalid input parameter',
  InvalidData: 'invalid data',
  TimedOut: 'timed out',
  WriteZero: 'write zero',
  Interrupted: 'operation interrupted',
  Unsupported: 'unsupported',
  UnexpectedEof: 'unexpected end of file',
  OutOfMemory: 'out of memory',
  Other: 'other error',
};

/** `std::io::Error`: a kind and, for custom errors, the inner error value. */
export class IoError extends Owned {
  constructor(
    readonly kind: number,
    readonly inner: Value | undefined,
    /** An OS error: its errno and the text `strerror` gives (`Connection refused`). */
    readonly os: { readonly code: number; readonly message: string } | null = null,
  ) {
    super();
  }
  dropGlue(): void {}
  message(): string {
    if (this.os !== null) return `${this.os.message} (os error ${this.os.code})`;
    if (this.inner !== undefined) return displayOf(this.inner);
    const k = KINDS[this.kind];
    return KIND_TEXT[k] ?? k;
  }
}

let displayOf: (v: Value) => string = (v) => text(v);
let debugOf: (v: Value) => string = (v) => text(v);
export function setErrorFormatters(d: (v: Value) => string, g: (v: Value) => string): void {
  displayOf = d;
  debugOf = g;
}

registerFmt(IoError, (v) => {
  const e = v as IoError;
  return {
    display: (f) => f.writeStr(e.message()),
    debug: (f) => {
      if (e.os !== null)
        f.writeStr(`Os { code: ${e.os.code}, kind: ${KINDS[e.kind]}, message: ${debugStr(e.os.message)} }`);
      else if (e.inner === undefined)
        fmtDerivedDebug(f, 'Kind', { kind: 'tuple', fields: [(g) => g.writeStr(KINDS[e.kind])] });
      else {
        f.writeStr(
          `Custom { kind: ${KINDS[e.kind]}, error: ${typeof e.inner === 'string' ? debugStr(e.inner) : debugOf(e.inner)} }`,
        );
      }
    },
  };
});

/** An error of `kind` carrying a message, as `io::Error::new(kind, "…")` makes it. */
export function ioErrorOfKind(kind: string, message?: string): IoError {
  const i = KINDS.indexOf(kind);
  return new IoError(i < 0 ? KINDS.indexOf('Other') : i, message);
}

/** An OS error (`Error::from_raw_os_error`): Display `Broken pipe (os error 32)`. */
export function ioErrorFromOs(kind: string, code: number, message: string): IoError {
  const i = KINDS.indexOf(kind);
  return new IoError(i < 0 ? KINDS.indexOf('Other') : i, undefined, { code, message });
}

function kindIndex(v: Value): number {
  return v instanceof REnum && v.def === ERROR_KIND ? v.v : KINDS.indexOf('Other');
}

const IO = ns(['std::io::Error', 'io::Error']);
IO.set('new', { kind: 'fn', call: (_s, a) => new IoError(kindIndex(a[0]), a[1]) });
IO.set('other', { kind: 'fn', call: (_s, a) => new IoError(KINDS.indexOf('Other'), a[0]) });
IO.set('from', {
  kind: 'fn',
  call: (_s, a) => {
    const v = a[0];
    if (v instanceof JoinErrorValue) return new IoError(KINDS.indexOf('Other'), v.e.ioErrorMessage());
    if (v instanceof REnum && v.def === ERROR_KIND) return new IoError(v.v, undefined);
    return new IoError(KINDS.indexOf('Other'), v);
  },
});

const T = tableFor(IoError);
def(T, 'kind', 'ref', (_s, a) => ERROR_KIND.unit((deref(a[0]) as IoError).kind));
def(T, 'raw_os_error', 'ref', (_s, a) => {
  const os = (deref(a[0]) as IoError).os;
  return os === null ? NONE : some(os.code);
});
def(T, 'to_string', 'ref', (_s, a) => (a[0] as IoError).message());
def(T, 'get_ref', 'ref', (_s, a) => ((a[0] as IoError).inner === undefined ? NONE : some((a[0] as IoError).inner)));
def(T, 'into_inner', 'value', (_s, a) =>
  (a[0] as IoError).inner === undefined ? NONE : some((a[0] as IoError).inner),
);

/** A `JoinError` as a Rust value (wraps the simulator's). */
export class JoinErrorValue extends Owned {
  constructor(readonly e: JoinError) {
    super();
  }
  dropGlue(): void {}
}

/** What `?` does to an error before returning it from a function whose error type is `target`. */
export function convertError(v: Value, target: string | null, site: Site): Value {
  if (target === null) return v;
  const last = target.split('::').pop()!;
  if (last === 'Error' && (target.includes('io') || target === 'Error')) {
    if (v instanceof IoError) return v;
    if (v instanceof JoinErrorValue) return new IoError(KINDS.indexOf('Other'), v.e.ioErrorMessage());
    // else maybe a user type named `Error` with its own `From` impls
  }
  if (last === 'Box') return v;
  // `From<T> for T` is the identity, and no program can write another one: where the checker did
  // not type the operand, an error already of the returned user type goes back unchanged
  if ((v instanceof REnum || v instanceof RStruct) && v.def.name === last) return v;
  const r = callMethodStatic(last, 'from', site, [v]);
  return r === undefined ? v : r;
}

fn(['std::error::Error::description'], (_s, a) => displayOf(a[0]));

/** `std::io::stdout()` / `stderr()` (and their locks): `write!` targets and `flush()`. */
export class RStdStream {
  constructor(readonly err: boolean) {}
}
fn(['std::io::stdout', 'io::stdout'], () => new RStdStream(false));
fn(['std::io::stderr', 'io::stderr'], () => new RStdStream(true));
const SS = tableFor(RStdStream);
def(SS, 'flush', 'refMut', () => ok(undefined));
def(SS, 'lock', 'ref', (_s, a) => deref(a[0]));
def(SS, 'write_all', 'refMut', (_s, a) => {
  const s = deref(a[0]) as RStdStream;
  const b = deref(a[1]);
  const text = typeof b === 'string' ? b : new TextDecoder().decode(new Uint8Array((b as { a: number[] }).a));
  (s.err ? env.stderr : env.stdout)(text);
  return ok(undefined);
});
