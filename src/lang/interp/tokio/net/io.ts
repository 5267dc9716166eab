/**
 * The interpreter's side of `AsyncRead` / `AsyncWrite`: anything that can be read or written
 * (a `TcpStream`, its halves, a `BufReader`, a `BufWriter`) implements these poll functions, and
 * the extension methods (`read_exact`, `write_all`, `lines`, `copy`, …) are futures over them.
 */
import { RFuture } from '../../async.ts';
import { type Context, isOsError, type OsError, PENDING, type Pending, type Poll } from '../../sim.ts';
import type { IoError } from '../../std/errors.ts';
import { ioErrorFromOs } from '../../std/errors.ts';
import { deref, RefBase, text, type Value } from '../../values.ts';

export interface Reader {
  /** One `poll_read` into a buffer with `max` bytes free: the bytes read, [] at end of stream. */
  pollRead(cx: Context, max: number): Poll<number[] | IoError>;
}

export interface Writer {
  pollWrite(cx: Context, bytes: readonly number[]): Poll<number | IoError>;
  pollFlush(cx: Context): Poll<IoError | null>;
  pollShutdown(cx: Context): Poll<IoError | null>;
}

export function isReader(v: unknown): v is Reader {
  return typeof v === 'object' && v !== null && 'pollRead' in v;
}
export function isWriter(v: unknown): v is Writer {
  return typeof v === 'object' && v !== null && 'pollWrite' in v;
}

export function readerOf(v: Value): Reader {
  const x = deref(v);
  if (!isReader(x)) throw new TypeError('not an AsyncRead value');
  return x;
}
export function writerOf(v: Value): Writer {
  const x = deref(v);
  if (!isWriter(x)) throw new TypeError('not an AsyncWrite value');
  return x;
}

/** The simulator's OS error as `std::io::Error`. */
export function ioError(e: OsError): IoError {
  return ioErrorFromOs(e.kind, e.code, e.message);
}

/** Maps a simulator poll result: OS errors become `io::Error`. */
export function lift<T>(r: Poll<T | OsError>): Poll<T | IoError> {
  if (r === PENDING) return PENDING;
  return isOsError(r) ? ioError(r) : r;
}

/** A future driven by one poll function (the state lives in the closure). */
export class PollFut extends RFuture {
  constructor(private readonly step: (cx: Context) => Value | Pending) {
    super();
  }
  poll(cx: Context): Value | Pending {
    return this.step(cx);
  }
  dropGlue(): void {}
}

/** The bytes of a `&[u8]` argument (a byte string, an array, a Vec, a slice). */
export function bytesOf(v: Value): number[] {
  const x = deref(v);
  if (typeof x === 'string') return [...new TextEncoder().encode(x)];
  const a = (x as { a?: Value[] }).a;
  if (a === undefined) throw new TypeError('not a byte slice');
  return a.map((b) => Number(b));
}

/** The mutable item array of a `&mut [u8]` / `&mut Vec<u8>` argument. */
export function bufOf(v: Value): Value[] {
  const a = (deref(v) as { a?: Value[] }).a;
  if (a === undefined) throw new TypeError('not a byte buffer');
  return a;
}

/** Appends to the `String` behind a `&mut String` argument. */
export function appendString(place: Value, s: string): void {
  if (place instanceof RefBase) place.set(text(place.get()) + s);
}
