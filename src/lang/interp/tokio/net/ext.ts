/**
 * `AsyncReadExt` / `AsyncWriteExt` (tokio/src/io/util/*.rs) as futures over the poll functions of
 * io.ts, registered on every readable and writable value. Each keeps its progress between polls,
 * as Tokio's combinators do, so a partial read or write followed by Pending resumes where it was.
 */
import { type Context, PENDING, type Pending } from '../../sim.ts';
import { err, ok } from '../../std/enums.ts';
import { IoError, ioErrorOfKind } from '../../std/errors.ts';
import { def, tableFor } from '../../std/tables.ts';
import { deref, type Value } from '../../values.ts';
import { appendString, bufOf, bytesOf, PollFut, readerOf, writerOf } from './io.ts';
import { RBufReader, RBufWriter } from './buf.ts';
import { RReadHalf, RTcpStream, RWriteHalf, ROwnedReadHalf, ROwnedWriteHalf } from './tcp.ts';

const eof = (): IoError => ioErrorOfKind('UnexpectedEof', 'early eof');

/** `read_to_end`'s growth: the free room of a Vec whose capacity doubles, at least 32 bytes. */
function room(len: number, cap: number): number {
  return Math.max(32, cap - len);
}

type Ctor = abstract new (...args: never[]) => object;
const READERS: Ctor[] = [RTcpStream, RReadHalf, ROwnedReadHalf, RBufReader, RBufWriter];
const WRITERS: Ctor[] = [RTcpStream, RWriteHalf, ROwnedWriteHalf, RBufWriter, RBufReader];

const INTS: readonly (readonly [name: string, bytes: number, signed: boolean])[] = [
  ['u8', 1, false],
  ['i8', 1, true],
  ['u16', 2, false],
  ['i16', 2, true],
  ['u32', 4, false],
  ['i32', 4, true],
  ['u64', 8, false],
  ['i64', 8, true],
  ['u128', 16, false],
  ['i128', 16, true],
];

function decode(bytes: readonly number[], signed: boolean, le: boolean): number | bigint {
  let v = 0n;
  const order = le ? [...bytes].reverse() : bytes;
  for (const b of order) v = (v << 8n) | BigInt(b);
  const bits = BigInt(bytes.length * 8);
  if (signed && v >> (bits - 1n) === 1n) v -= 1n << bits;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function encode(v: Value, n: number, le: boolean): number[] {
  let x = BigInt(v as number | bigint);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Number(x & 0xffn));
    x >>= 8n;
  }
  return le ? out : out.reverse();
}

/** `read_exact` into `n` bytes; `done` receives them. */
function readExact(r: Value, n: number, done: (bytes: number[]) => Value): PollFut {
  const got: number[] = [];
  return new PollFut((cx: Context): Value | Pending => {
    const rd = readerOf(r);
    while (got.length < n) {
      const res = rd.pollRead(cx, n - got.length);
      if (res === PENDING) return PENDING;
      if (res instanceof IoError) return err(res);
      if (res.length === 0) return err(eof());
      for (const b of res) got.push(b);
    }
    return ok(done(got));
  });
}

for (const cls of READERS) {
  const T = tableFor(cls);
  def(T, 'read', 'refMut', (_s, a) => {
    const r = a[0];
    const buf = a[1];
    return new PollFut((cx) => {
      const target = bufOf(buf);
      const res = readerOf(r).pollRead(cx, target.length);
      if (res === PENDING) return PENDING;
      if (res instanceof IoError) return err(res);
      for (let i = 0; i < res.length; i++) target[i] = res[i];
      return ok(res.length);
    });
  });
  def(T, 'read_exact', 'refMut', (_s, a) => {
    const buf = a[1];
    const n = bufOf(buf).length;
    return readExact(a[0], n, (bytes) => {
      const target = bufOf(buf);
      for (let i = 0; i < bytes.length; i++) target[i] = bytes[i];
      return n;
    });
  });
  const toEnd = (a: Value[], finish: (bytes: number[], total: number) => Value | IoError): PollFut => {
    const got: number[] = [];
    let cap = 0;
    return new PollFut((cx) => {
      const rd = readerOf(a[0]);
      for (;;) {
        const max = room(got.length, cap);
        const res = rd.pollRead(cx, max);
        if (res === PENDING) return PENDING;
        if (res instanceof IoError) return err(res);
        if (res.length === 0) {
          const r = finish(got, got.length);
          return r instanceof IoError ? err(r) : ok(r);
        }
        for (const b of res) got.push(b);
        if (got.length > cap) cap = Math.max(cap * 2, got.length + 32);
      }
    });
  };
  def(T, 'read_to_end', 'refMut', (_s, a) =>
    toEnd(a, (bytes, n) => {
      const target = bufOf(a[1]);
      for (const b of bytes) target.push(b);
      return n;
    }),
  );
  def(T, 'read_to_string', 'refMut', (_s, a) =>
    toEnd(a, (bytes, n) => {
      let s: string;
      try {
        s = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
      } catch {
        return ioErrorOfKind('InvalidData', 'stream did not contain valid UTF-8');
      }
      appendString(a[1], s);
      return n;
    }),
  );
  def(T, 'read_buf', 'refMut', (_s, a) => {
    const buf = a[1];
    return new PollFut((cx) => {
      const res = readerOf(a[0]).pollRead(cx, 64);
      if (res === PENDING) return PENDING;
      if (res instanceof IoError) return err(res);
      const target = bufOf(buf);
      for (const b of res) target.push(b);
      return ok(res.length);
    });
  });
  for (const [name, n, signed] of INTS) {
    def(T, `read_${name}`, 'refMut', (_s, a) => readExact(a[0], n, (b) => decode(b, signed, false)));
    if (n > 1) def(T, `read_${name}_le`, 'refMut', (_s, a) => readExact(a[0], n, (b) => decode(b, signed, true)));
  }
}

for (const cls of [RTcpStream, RReadHalf, ROwnedReadHalf]) {
  def(tableFor(cls), 'peek', 'ref', (_s, a) => {
    const buf = a[1];
    return new PollFut((cx) => {
      const target = bufOf(buf);
      const res = (deref(a[0]) as RTcpStream).pollPeek(cx, target.length);
      if (res === PENDING) return PENDING;
      if (res instanceof IoError) return err(res);
      for (let i = 0; i < res.length; i++) target[i] = res[i];
      return ok(res.length);
    });
  });
}

/** `write_all`: the bytes are taken when the future is made; WriteZero if a write moves nothing. */
export function writeAll(w: Value, bytes: readonly number[], then: () => Value = () => undefined): PollFut {
  let at = 0;
  return new PollFut((cx) => {
    const wr = writerOf(w);
    while (at < bytes.length) {
      const res = wr.pollWrite(cx, at === 0 ? bytes : bytes.slice(at));
      if (res === PENDING) return PENDING;
      if (res instanceof IoError) return err(res);
      if (res === 0) return err(ioErrorOfKind('WriteZero', 'failed to write whole buffer'));
      at += res;
    }
    return ok(then());
  });
}

for (const cls of WRITERS) {
  const T = tableFor(cls);
  def(T, 'write', 'refMut', (_s, a) => {
    const bytes = bytesOf(a[1]);
    return new PollFut((cx) => {
      const res = writerOf(a[0]).pollWrite(cx, bytes);
      if (res === PENDING) return PENDING;
      return res instanceof IoError ? err(res) : ok(res);
    });
  });
  def(T, 'write_all', 'refMut', (_s, a) => writeAll(a[0], bytesOf(a[1])));
  def(T, 'flush', 'refMut', (_s, a) => {
    return new PollFut((cx) => {
      const res = writerOf(a[0]).pollFlush(cx);
      if (res === PENDING) return PENDING;
      return res === null ? ok(undefined) : err(res);
    });
  });
  def(T, 'shutdown', 'refMut', (_s, a) => {
    return new PollFut((cx) => {
      const res = writerOf(a[0]).pollShutdown(cx);
      if (res === PENDING) return PENDING;
      return res === null ? ok(undefined) : err(res);
    });
  });
  for (const [name, n] of INTS) {
    def(T, `write_${name}`, 'refMut', (_s, a) => writeAll(a[0], encode(a[1], n, false)));
    if (n > 1) def(T, `write_${name}_le`, 'refMut', (_s, a) => writeAll(a[0], encode(a[1], n, true)));
  }
}
