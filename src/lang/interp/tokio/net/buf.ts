/**
 * `tokio::io::{BufReader, BufWriter, Lines}` (tokio/src/io/util/buf_reader.rs, buf_writer.rs,
 * read_line.rs, read_until.rs, lines.rs): an 8 KiB buffer in front of a reader or a writer. A
 * BufReader bypasses its buffer for a read at least as large as it when it holds nothing; a
 * BufWriter writes through for a write at least as large as it. Dropping a BufWriter does not
 * flush it (buffered bytes are lost), as in Tokio.
 */
import { registerFmt } from '../../fmt-value.ts';
import { dropChild } from '../../owner.ts';
import { type Context, PENDING, type Poll, type Pending } from '../../sim.ts';
import { err, NONE, ok, some } from '../../std/enums.ts';
import { IoError, ioErrorOfKind } from '../../std/errors.ts';
import { member, ns } from '../../std/registry.ts';
import { def, tableFor } from '../../std/tables.ts';
import { deref, Owned, RVec, type Value } from '../../values.ts';
import { appendString, bufOf, isReader, isWriter, PollFut, type Reader, type Writer } from './io.ts';

const DEFAULT_CAPACITY = 8 * 1024;

/** Owns one inner value (the wrapped stream), dropped with the wrapper. */
abstract class Wrapper extends Owned {
  readonly items: Value[];
  constructor(inner: Value) {
    super();
    this.items = [inner];
    if (inner instanceof Owned && inner.o === null) {
      inner.o = this.items;
      inner.oi = 0;
    }
  }
  get inner(): Value {
    return deref(this.items[0]);
  }
  dropGlue(): void {
    dropChild(this.items[0], this.items);
  }
}

export class RBufReader extends Wrapper implements Reader, Writer {
  buf: number[] = [];
  pos = 0;
  constructor(
    inner: Value,
    readonly capacity: number,
  ) {
    super(inner);
  }
  private reader(): Reader {
    const r = this.inner;
    if (!isReader(r)) throw new TypeError('BufReader over a value that is not AsyncRead');
    return r;
  }
  /** `poll_fill_buf`: the buffered bytes, refilled from the inner reader when empty. */
  pollFillBuf(cx: Context): Poll<number[] | IoError> {
    if (this.pos >= this.buf.length) {
      const r = this.reader().pollRead(cx, this.capacity);
      if (r === PENDING || r instanceof IoError) return r;
      this.buf = r;
      this.pos = 0;
    }
    return this.buf.slice(this.pos);
  }
  consume(n: number): void {
    this.pos = Math.min(this.pos + n, this.buf.length);
  }
  pollRead(cx: Context, max: number): Poll<number[] | IoError> {
    if (this.pos >= this.buf.length && max >= this.capacity) {
      this.buf = [];
      this.pos = 0;
      return this.reader().pollRead(cx, max);
    }
    const avail = this.pollFillBuf(cx);
    if (avail === PENDING || avail instanceof IoError) return avail;
    const n = Math.min(max, avail.length);
    this.consume(n);
    return avail.slice(0, n);
  }
  pollWrite(cx: Context, bytes: readonly number[]): Poll<number | IoError> {
    return writer(this.inner).pollWrite(cx, bytes);
  }
  pollFlush(cx: Context): Poll<IoError | null> {
    return writer(this.inner).pollFlush(cx);
  }
  pollShutdown(cx: Context): Poll<IoError | null> {
    return writer(this.inner).pollShutdown(cx);
  }
}

function writer(v: Value): Writer {
  if (!isWriter(v)) throw new TypeError('not an AsyncWrite value');
  return v;
}

export class RBufWriter extends Wrapper implements Writer, Reader {
  buf: number[] = [];
  constructor(
    inner: Value,
    readonly capacity: number,
  ) {
    super(inner);
  }
  /** `flush_buf`: writes out everything buffered. */
  private pollFlushBuf(cx: Context): Poll<IoError | null> {
    const w = writer(this.inner);
    while (this.buf.length > 0) {
      const r = w.pollWrite(cx, this.buf);
      if (r === PENDING || r instanceof IoError) return r;
      if (r === 0) return ioErrorOfKind('WriteZero', 'failed to write the buffered data');
      this.buf = this.buf.slice(r);
    }
    return null;
  }
  pollWrite(cx: Context, bytes: readonly number[]): Poll<number | IoError> {
    if (this.buf.length + bytes.length > this.capacity) {
      const f = this.pollFlushBuf(cx);
      if (f !== null) return f;
    }
    if (bytes.length >= this.capacity) return writer(this.inner).pollWrite(cx, bytes);
    for (const b of bytes) this.buf.push(b);
    return bytes.length;
  }
  pollFlush(cx: Context): Poll<IoError | null> {
    const f = this.pollFlushBuf(cx);
    if (f !== null) return f;
    return writer(this.inner).pollFlush(cx);
  }
  pollShutdown(cx: Context): Poll<IoError | null> {
    const f = this.pollFlushBuf(cx);
    if (f !== null) return f;
    return writer(this.inner).pollShutdown(cx);
  }
  pollRead(cx: Context, max: number): Poll<number[] | IoError> {
    const r = this.inner;
    if (!isReader(r)) throw new TypeError('BufWriter over a value that is not AsyncRead');
    return r.pollRead(cx, max);
  }
}

export class RLines extends Wrapper {
  /** Bytes of the line being read (kept across Pending). */
  pending: number[] = [];
}

for (const [cls, name] of [
  [RBufReader, 'BufReader'],
  [RBufWriter, 'BufWriter'],
  [RLines, 'Lines'],
] as const) {
  registerFmt(cls, () => ({ debug: (f) => f.writeStr(`${name} { .. }`) }));
}

const BR = ns(['tokio::io::BufReader', 'io::BufReader']);
member(BR, 'new', (_s, a) => new RBufReader(a[0], DEFAULT_CAPACITY));
member(BR, 'with_capacity', (_s, a) => new RBufReader(a[1], Number(a[0])));
const BW = ns(['tokio::io::BufWriter', 'io::BufWriter']);
member(BW, 'new', (_s, a) => new RBufWriter(a[0], DEFAULT_CAPACITY));
member(BW, 'with_capacity', (_s, a) => new RBufWriter(a[1], Number(a[0])));

/** `read_until` into `out`, kept across polls; resolves to the bytes read (0 at end of stream). */
function untilFut(br: () => RBufReader, delim: number, out: number[], done: (n: number) => Value | IoError): PollFut {
  let read = 0;
  return new PollFut((cx): Value | Pending => {
    const r = br();
    for (;;) {
      const avail = r.pollFillBuf(cx);
      if (avail === PENDING) return PENDING;
      if (avail instanceof IoError) return err(avail);
      const i = avail.indexOf(delim);
      const used = i >= 0 ? i + 1 : avail.length;
      for (let k = 0; k < used; k++) out.push(avail[k]);
      r.consume(used);
      read += used;
      if (i >= 0 || used === 0) {
        const n = read;
        read = 0;
        const v = done(n);
        return v instanceof IoError ? err(v) : ok(v);
      }
    }
  });
}

function utf8(bytes: number[]): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}
const invalidUtf8 = (): IoError => ioErrorOfKind('InvalidData', 'stream did not contain valid UTF-8');

const bufReaderOf = (v: Value): RBufReader => deref(v) as RBufReader;
const BRT = tableFor(RBufReader);
def(BRT, 'read_until', 'refMut', (_s, a) => {
  const target = bufOf(a[2]);
  const out: number[] = [];
  return untilFut(
    () => bufReaderOf(a[0]),
    Number(a[1]),
    out,
    (n) => {
      for (const b of out.splice(0)) target.push(b);
      return n;
    },
  );
});
def(BRT, 'read_line', 'refMut', (_s, a) => {
  const out: number[] = [];
  return untilFut(
    () => bufReaderOf(a[0]),
    10,
    out,
    (n) => {
      const s = utf8(out.splice(0));
      if (s === null) return invalidUtf8();
      appendString(a[1], s);
      return n;
    },
  );
});
def(BRT, 'lines', 'value', (_s, a) => new RLines(a[0]));
def(BRT, 'buffer', 'ref', (_s, a) => {
  const r = bufReaderOf(a[0]);
  return new RVec(r.buf.slice(r.pos));
});
def(BRT, 'get_ref', 'ref', (_s, a) => bufReaderOf(a[0]).items[0]);
def(BRT, 'get_mut', 'refMut', (_s, a) => bufReaderOf(a[0]).items[0]);
/** `into_inner` of a wrapper: the inner value leaves it, and the wrapper is consumed. */
function unwrapInner(w: Wrapper): Value {
  const inner = w.items[0];
  if (inner instanceof Owned) inner.o = null;
  w.o = {};
  return inner;
}
def(BRT, 'into_inner', 'value', (_s, a) => unwrapInner(bufReaderOf(a[0])));
// `Lines::into_inner`: the reader back (a partly read line is lost, as in Tokio).
def(tableFor(RLines), 'into_inner', 'value', (_s, a) => unwrapInner(deref(a[0]) as RLines));

const BWT = tableFor(RBufWriter);
def(BWT, 'buffer', 'ref', (_s, a) => new RVec((deref(a[0]) as RBufWriter).buf.slice()));
def(BWT, 'get_ref', 'ref', (_s, a) => (deref(a[0]) as RBufWriter).items[0]);
def(BWT, 'get_mut', 'refMut', (_s, a) => (deref(a[0]) as RBufWriter).items[0]);

const LT = tableFor(RLines);
def(LT, 'next_line', 'refMut', (_s, a) => {
  const lines = deref(a[0]) as RLines;
  const inner = lines.inner;
  const br = inner instanceof RBufReader ? inner : null;
  if (br === null) throw new TypeError('lines() of a value that is not AsyncBufRead');
  return untilFut(
    () => br,
    10,
    lines.pending,
    (n) => {
      const bytes = lines.pending.splice(0);
      if (n === 0 && bytes.length === 0) return NONE;
      const s = utf8(bytes);
      if (s === null) return invalidUtf8();
      return some(s.endsWith('\r\n') ? s.slice(0, -2) : s.endsWith('\n') ? s.slice(0, -1) : s);
    },
  );
});
