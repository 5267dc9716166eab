/**
 * `tokio::io::copy` and `copy_bidirectional` (tokio/src/io/util/copy.rs, copy_bidirectional.rs):
 * an 8 KiB buffer filled from the reader and written out to the writer until the reader ends,
 * then the writer is flushed. `copy_bidirectional` runs one copy each way and shuts each writer
 * down when its reader ends; it resolves to the bytes moved each way.
 */
import { type Context, PENDING, type Poll } from '../../sim.ts';
import { err, ok } from '../../std/enums.ts';
import { IoError, ioErrorOfKind } from '../../std/errors.ts';
import { fn } from '../../std/registry.ts';
import { tuple2 } from '../../std/iter.ts';
import type { Value } from '../../values.ts';
import { PollFut, readerOf, writerOf } from './io.ts';

const BUFFER = 8 * 1024;

class CopyBuffer {
  buf: number[] = [];
  done = false;
  total = 0;
  private flushed = false;

  /** Drives one direction; null when it finished, else PENDING or the error. */
  poll(cx: Context, r: Value, w: Value, shutdownAtEnd: boolean): Poll<IoError | null> {
    const rd = readerOf(r);
    const wr = writerOf(w);
    for (;;) {
      if (this.buf.length === 0 && !this.done) {
        const got = rd.pollRead(cx, BUFFER);
        if (got === PENDING) {
          return PENDING;
        }
        if (got instanceof IoError) return got;
        if (got.length === 0) this.done = true;
        else this.buf = got;
      }
      while (this.buf.length > 0) {
        const n = wr.pollWrite(cx, this.buf);
        if (n === PENDING) return PENDING;
        if (n instanceof IoError) return n;
        if (n === 0) return ioErrorOfKind('WriteZero', 'write zero byte into writer');
        this.buf = this.buf.slice(n);
        this.total += n;
      }
      if (this.done) {
        if (!this.flushed) {
          const f = shutdownAtEnd ? wr.pollShutdown(cx) : wr.pollFlush(cx);
          if (f === PENDING) return PENDING;
          if (f !== null) return f;
          this.flushed = true;
        }
        return null;
      }
    }
  }
}

fn(['tokio::io::copy', 'io::copy'], (_s, a) => {
  const c = new CopyBuffer();
  return new PollFut((cx) => {
    const r = c.poll(cx, a[0], a[1], false);
    if (r === PENDING) return PENDING;
    return r === null ? ok(c.total) : err(r);
  });
});

fn(['tokio::io::copy_bidirectional', 'io::copy_bidirectional'], (_s, a) => {
  const ab = new CopyBuffer();
  const ba = new CopyBuffer();
  let abDone = false;
  let baDone = false;
  return new PollFut((cx) => {
    if (!abDone) {
      const r = ab.poll(cx, a[0], a[1], true);
      if (r !== PENDING && r !== null) return err(r);
      abDone = r === null;
    }
    if (!baDone) {
      const r = ba.poll(cx, a[1], a[0], true);
      if (r !== PENDING && r !== null) return err(r);
      baDone = r === null;
    }
    return abDone && baDone ? ok(tuple2(ab.total, ba.total)) : PENDING;
  });
});
