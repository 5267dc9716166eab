/**
 * Tokio's `TcpListener` and `TcpStream` over the loopback kernel, as the poll functions Tokio's
 * `PollEvented` builds (tokio/src/io/poll_evented.rs, net/tcp/*.rs): wait for cached readiness,
 * try the non-blocking call, and on WOULD_BLOCK clear the readiness that was seen and wait again.
 * A read or write that moved fewer bytes than offered also clears it: on epoll that proves the
 * socket buffer was drained (or filled).
 */
import { currentContext } from '../context.ts';
import { PENDING, type Context, type Poll } from '../future.ts';
import { type OsError, WOULD_BLOCK } from './errors.ts';
import type { IoDriver, ScheduledIo } from './io-driver.ts';
import { isOsError, type Io, type Kernel, type NetSocket } from './kernel.ts';
import { Interest, type ReadyEvent } from './ready.ts';
import { sleep, type Sleep } from '../time/sleep.ts';

function driver(): IoDriver {
  const io = currentContext()?.handle.io;
  if (io === undefined) throw new NetPanic(IO_DISABLED);
  return io;
}

/** Tokio's panic when a socket is used outside a runtime with I/O enabled. */
export const IO_DISABLED =
  'A Tokio 1.x context was found, but IO is disabled. Call `enable_io` on the runtime builder to enable IO.';
export const NO_REACTOR = 'there is no reactor running, must be called from the context of a Tokio 1.x runtime';

export class NetPanic extends Error {}

/** `poll_io`: readiness, then the operation, until it does not WOULD_BLOCK. */
function pollIo<T>(
  cx: Context,
  io: ScheduledIo,
  interest: Interest,
  op: () => Io<T>,
  partial?: (r: T) => boolean,
): Poll<T | OsError> {
  for (;;) {
    const ev: Poll<ReadyEvent> = io.pollReady(cx, interest);
    if (ev === PENDING) return PENDING;
    const r = op();
    if (r === WOULD_BLOCK) {
      io.clearReadiness(ev);
      continue;
    }
    if (partial !== undefined && !isOsError(r) && partial(r)) io.clearReadiness(ev);
    return r;
  }
}

/** A socket registered with the current runtime's I/O driver; deregistered and closed on drop. */
abstract class Registered {
  readonly io: ScheduledIo;
  private open = true;
  constructor(
    readonly kernel: Kernel,
    readonly socket: NetSocket,
  ) {
    if (currentContext() === undefined) throw new NetPanic(NO_REACTOR);
    this.io = driver().register(socket);
  }
  get port(): number {
    return this.socket.port;
  }
  /** Drops the socket: deregisters it and closes the file descriptor. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.io.release();
    this.kernel.close(this.socket);
  }
}

export class TcpListener extends Registered {
  /** `TcpListener::bind` (the address is a literal, so nothing is resolved and nothing waits). */
  static listen(kernel: Kernel, port: number): TcpListener | OsError {
    const s = kernel.listen(port);
    return isOsError(s) ? s : new TcpListener(kernel, s);
  }

  /** `poll_accept`: the new stream is registered with the runtime of the task that accepts. */
  pollAccept(cx: Context): Poll<TcpStream | OsError> {
    const r = pollIo(cx, this.io, Interest.Readable, () => this.kernel.accept(this.socket));
    if (r === PENDING || isOsError(r)) return r;
    return new TcpStream(this.kernel, r);
  }
}

export class TcpStream extends Registered {
  private connected: boolean;

  constructor(kernel: Kernel, socket: NetSocket, connecting = false) {
    super(kernel, socket);
    this.connected = !connecting;
  }

  /** Starts `TcpStream::connect`; the returned stream is ready once `pollConnect` says so. */
  static connect(kernel: Kernel, port: number): TcpStream {
    return new TcpStream(kernel, kernel.connect(port), true);
  }

  get peerPort(): number {
    return this.socket.remotePort;
  }

  /** The rest of `connect_mio`: wait until writable, then report `take_error`. */
  pollConnect(cx: Context): Poll<OsError | null> {
    if (this.connected) return null;
    const ev = this.io.pollReady(cx, Interest.Writable);
    if (ev === PENDING) return PENDING;
    this.connected = true;
    const e = this.socket.error;
    this.socket.error = null;
    return e;
  }

  pollRead(cx: Context, max: number): Poll<number[] | OsError> {
    if (this.slowGate !== null) {
      if (this.slowGate.poll(cx) === PENDING) return PENDING;
      this.slowGate = null;
    }
    const r = pollIo(
      cx,
      this.io,
      Interest.Readable,
      () => this.kernel.read(this.socket, max),
      (bytes) => bytes.length > 0 && bytes.length < max,
    );
    // A slow peer (fault plan): the next read waits, so the writer meets a full window.
    const delay = this.socket.readDelayNs;
    if (delay > 0 && Array.isArray(r) && r.length > 0) this.slowGate = sleep(delay);
    return r;
  }

  /** A slow peer's pause before its next read (null: none). */
  private slowGate: Sleep | null = null;

  override close(): void {
    this.slowGate?.drop();
    this.slowGate = null;
    super.close();
  }

  pollPeek(cx: Context, max: number): Poll<number[] | OsError> {
    return pollIo(cx, this.io, Interest.Readable, () => this.kernel.read(this.socket, max, true));
  }

  pollWrite(cx: Context, bytes: readonly number[]): Poll<number | OsError> {
    return pollIo(
      cx,
      this.io,
      Interest.Writable,
      () => this.kernel.write(this.socket, bytes),
      (n) => n > 0 && n < bytes.length,
    );
  }

  /** `poll_shutdown`: `shutdown(Write)` at once; no readiness involved. */
  shutdownWrite(): OsError | null {
    return this.kernel.shutdownWrite(this.socket);
  }
}
