/**
 * `tokio::net::{TcpListener, TcpStream}` and the stream's halves as Rust values over the
 * simulator's sockets (src/sim/net). Dropping a listener or a stream closes it; dropping an
 * `OwnedWriteHalf` shuts the write direction down, as Tokio's does.
 */
import { registerFmt } from '../../fmt-value.ts';
import { member, ns } from '../../std/registry.ts';
import { def, tableFor } from '../../std/tables.ts';
import { err, NONE, ok, some } from '../../std/enums.ts';
import { tuple2 } from '../../std/iter.ts';
import {
  type Context,
  currentContext,
  isOsError,
  NetPanic,
  PENDING,
  type Poll,
  RustPanic,
  TcpListener as SimListener,
  TcpStream as SimStream,
  LOOPBACK,
} from '../../sim.ts';
import type { REnum } from '../../values.ts';
import { deref, Owned, type Value } from '../../values.ts';
import { RDuration } from '../time.ts';
import type { IoError } from '../../std/errors.ts';
import { ioErrorOfKind } from '../../std/errors.ts';
import { isLocal, RSocketAddr, targetOf } from './addr.ts';
import { ioError, lift, PollFut, type Reader, type Writer } from './io.ts';

function kernel() {
  const ctx = currentContext();
  if (ctx === undefined) throw new RustPanic(NO_RUNTIME);
  return ctx.handle.world.net;
}
const NO_RUNTIME = 'there is no reactor running, must be called from the context of a Tokio 1.x runtime';

/** Runs a socket constructor, turning the simulator's panics into Rust panics. */
function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof NetPanic) throw new RustPanic(e.message);
    throw e;
  }
}

export class RTcpListener extends Owned {
  constructor(readonly l: SimListener) {
    super();
  }
  dropGlue(): void {
    this.l.close();
  }
}

/** The socket a stream value reads and writes, shared by the halves of an `into_split`. */
class Shared {
  halves = 0;
  constructor(readonly s: SimStream) {}
}

abstract class StreamLike extends Owned {
  constructor(readonly sh: Shared) {
    super();
  }
  get s(): SimStream {
    return this.sh.s;
  }
}

/**
 * The poll functions every stream value shares. A half gets all of them too; which methods Rust
 * lets it call is decided by the method tables (ext.ts registers reads on read halves only).
 */
abstract class Duplex extends StreamLike implements Reader, Writer {
  pollRead(cx: Context, max: number): Poll<number[] | IoError> {
    return lift(this.s.pollRead(cx, max));
  }
  pollPeek(cx: Context, max: number): Poll<number[] | IoError> {
    return lift(this.s.pollPeek(cx, max));
  }
  pollWrite(cx: Context, bytes: readonly number[]): Poll<number | IoError> {
    return lift(this.s.pollWrite(cx, bytes));
  }
  pollFlush(): Poll<IoError | null> {
    return null;
  }
  pollShutdown(): Poll<IoError | null> {
    const e = this.s.shutdownWrite();
    return e === null ? null : ioError(e);
  }
}

export class RTcpStream extends Duplex {
  dropGlue(): void {
    this.s.close();
  }
}

/** `tcp::ReadHalf` / `WriteHalf` borrow the stream: dropping them does nothing. */
export class RReadHalf extends Duplex {
  dropGlue(): void {}
}
export class RWriteHalf extends Duplex {
  dropGlue(): void {}
}

/** `OwnedReadHalf` / `OwnedWriteHalf`: the socket closes when both are gone. */
export class ROwnedReadHalf extends RReadHalf {
  override dropGlue(): void {
    if (--this.sh.halves === 0) this.s.close();
  }
}
export class ROwnedWriteHalf extends RWriteHalf {
  override dropGlue(): void {
    this.s.shutdownWrite();
    if (--this.sh.halves === 0) this.s.close();
  }
}

for (const cls of [RTcpListener, RTcpStream, RReadHalf, RWriteHalf, ROwnedReadHalf, ROwnedWriteHalf]) {
  const name = cls === RTcpListener ? 'TcpListener' : cls.name.slice(1);
  registerFmt(cls, () => ({ debug: (f) => f.writeStr(`${name} { .. }`) }));
}

const addrOf = (port: number): RSocketAddr => new RSocketAddr(LOOPBACK, port);

// ---- TcpListener ---------------------------------------------------------------------------

const L = ns(['tokio::net::TcpListener', 'net::TcpListener']);
member(L, 'bind', (_s, a) => {
  const t = targetOf(a[0]);
  let done = false;
  return new PollFut(() => {
    if (done) throw new RustPanic('`async fn` resumed after completion');
    done = true;
    if (!t.ok) return err(t.error);
    if (!isLocal(t.addr)) return err(ioErrorOfKind('AddrNotAvailable', undefined));
    const l = guarded(() => SimListener.listen(kernel(), t.addr.port));
    return isOsError(l) ? err(ioError(l)) : ok(new RTcpListener(l));
  });
});
const LT = tableFor(RTcpListener);
const lis = (v: Value): SimListener => (deref(v) as RTcpListener).l;
def(LT, 'accept', 'ref', (_s, a) => {
  const l = lis(a[0]);
  return new PollFut((cx) => {
    const r = guarded(() => l.pollAccept(cx));
    if (r === PENDING) return PENDING;
    if (isOsError(r)) return err(ioError(r));
    return ok(tuple2(new RTcpStream(new Shared(r)), addrOf(r.peerPort)));
  });
});
def(LT, 'local_addr', 'ref', (_s, a) => ok(addrOf(lis(a[0]).port)));
def(LT, 'ttl', 'ref', (_s, a) => ok(lis(a[0]).socket.ttl));
def(LT, 'set_ttl', 'ref', (_s, a) => {
  lis(a[0]).socket.ttl = Number(a[1]);
  return ok(undefined);
});

// ---- TcpStream -------------------------------------------------------------------------------

const S = ns(['tokio::net::TcpStream', 'net::TcpStream']);
member(S, 'connect', (_s, a) => {
  const t = targetOf(a[0]);
  let stream: SimStream | null = null;
  return new PollFut((cx) => {
    if (stream === null) {
      if (!t.ok) return err(t.error);
      stream = guarded(() => SimStream.connect(kernel(), t.addr.port));
    }
    const r = stream.pollConnect(cx);
    if (r === PENDING) return PENDING;
    if (r !== null) {
      stream.close();
      return err(ioError(r));
    }
    return ok(new RTcpStream(new Shared(stream)));
  });
});

const ST = tableFor(RTcpStream);
/** `OwnedReadHalf::reunite`: the halves of one `into_split` become the stream again. */
def(tableFor(ROwnedReadHalf), 'reunite', 'value', (_s, a) => {
  const rd = deref(a[0]) as ROwnedReadHalf;
  const wr = deref(a[1]) as ROwnedWriteHalf;
  if (rd.sh !== wr.sh) throw new RustPanic('reunite of halves of different streams is not supported');
  rd.sh.halves = 0;
  // both halves are consumed into the stream, which owns the socket again
  rd.o = {};
  wr.o = {};
  return ok(new RTcpStream(rd.sh));
});
const stream = (v: Value): StreamLike => deref(v) as StreamLike;
for (const T of [ST, tableFor(RReadHalf), tableFor(RWriteHalf), tableFor(ROwnedReadHalf), tableFor(ROwnedWriteHalf)]) {
  def(T, 'local_addr', 'ref', (_s, a) => ok(addrOf(stream(a[0]).s.port)));
  def(T, 'peer_addr', 'ref', (_s, a) => ok(addrOf(stream(a[0]).s.peerPort)));
}
def(ST, 'nodelay', 'ref', (_s, a) => ok(stream(a[0]).s.socket.nodelay));
def(ST, 'set_nodelay', 'ref', (_s, a) => {
  stream(a[0]).s.socket.nodelay = a[1] === true;
  return ok(undefined);
});
def(ST, 'ttl', 'ref', (_s, a) => ok(stream(a[0]).s.socket.ttl));
def(ST, 'set_ttl', 'ref', (_s, a) => {
  stream(a[0]).s.socket.ttl = Number(a[1]);
  return ok(undefined);
});
// SO_LINGER holds whole seconds (Linux's `l_linger`): a 1.5 s linger reads back as 1 s.
def(ST, 'linger', 'ref', (_s, a) => {
  const secs = stream(a[0]).s.socket.linger;
  return ok(secs === null ? NONE : some(new RDuration(secs * 1_000_000_000)));
});
def(ST, 'set_linger', 'ref', (_s, a) => {
  const o = deref(a[1]) as REnum;
  const d = o.v === 1 ? (deref(o.f[0]) as RDuration) : null;
  stream(a[0]).s.socket.linger = d === null ? null : Math.floor(d.ns / 1_000_000_000);
  return ok(undefined);
});
def(ST, 'split', 'refMut', (_s, a) => {
  const sh = stream(a[0]).sh;
  return tuple2(new RReadHalf(sh), new RWriteHalf(sh));
});
def(ST, 'into_split', 'value', (_s, a) => {
  const x = deref(a[0]) as RTcpStream;
  x.sh.halves = 2;
  // the halves own the socket now; the stream value itself is consumed without closing it
  x.o = {};
  return tuple2(new ROwnedReadHalf(x.sh), new ROwnedWriteHalf(x.sh));
});
