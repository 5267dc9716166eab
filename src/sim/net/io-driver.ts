/**
 * A runtime's I/O driver (tokio/src/runtime/io/driver.rs, scheduled_io.rs, registration.rs):
 * each registered socket has a `ScheduledIo` holding its cached readiness, the driver tick it was
 * set at, and one reader and one writer waker. Socket edges queue the socket on the driver's ready
 * list (epoll's, in edge order, each socket at most once); a driver `turn` — when the scheduler
 * parks, or every `event_interval` ticks — reports each queued socket's current readiness, ORs it
 * into the cache and wakes the wakers whose interest it satisfies. An operation that finds its
 * readiness cached tries the syscall; WOULD_BLOCK clears the readiness it saw (unless a newer turn
 * set it again), and the task waits for the next event.
 */
import type { Context, Waker } from '../future.ts';
import { PENDING, type Poll } from '../future.ts';
import { currentContext, currentTaskIdRaw } from '../context.ts';
import type { TraceSink } from '../contracts.ts';
import { EventKind, IoDirection, SocketKind } from '../events.ts';
import type { NetSocket } from './kernel.ts';
import type { Signals } from './signal.ts';
import {
  ALL_CLOSED,
  ERROR,
  Interest,
  READABLE,
  READ_CLOSED,
  type ReadyEvent,
  WRITABLE,
  WRITE_CLOSED,
} from './ready.ts';

export class ScheduledIo {
  readiness = 0;
  tick = 0;
  reader: Waker | null = null;
  writer: Waker | null = null;
  queued = false;

  constructor(
    readonly driver: IoDriver,
    readonly socket: NetSocket,
  ) {}

  edge(): void {
    this.driver.queue(this);
  }

  /** `poll_ready`: the cached readiness for `interest`, or PENDING with cx's waker stored. */
  pollReady(cx: Context, interest: Interest): Poll<ReadyEvent> {
    const coop = currentContext()?.coop;
    if (coop !== undefined && !coop.pollProceed(cx)) return PENDING;
    const ready = this.readiness & interest;
    if (ready !== 0) {
      coop?.madeProgress();
      return { ready, tick: this.tick };
    }
    const slot = interest === Interest.Readable ? 'reader' : 'writer';
    const stored = this[slot];
    if (stored === null || !stored.willWake(cx.waker)) {
      stored?.drop();
      this[slot] = cx.waker.clone();
      this.driver.trace?.emit(EventKind.IoWait, cx.waker.target, this.socket.id, directionOf(slot));
    }
    // A turn may have run between the check and the store: look again (Tokio re-checks too).
    const again = this.readiness & interest;
    if (again !== 0) {
      coop?.madeProgress();
      return { ready: again, tick: this.tick };
    }
    coop?.restore();
    return PENDING;
  }

  /** `clear_readiness`: WOULD_BLOCK after `event`; the closed bits stay. */
  clearReadiness(event: ReadyEvent): void {
    if (event.tick !== this.tick) return;
    const cleared = this.readiness & event.ready & ~ALL_CLOSED;
    this.readiness &= ~cleared;
    if (cleared !== 0)
      this.driver.trace?.emit(EventKind.IoClear, currentTaskIdRaw(), this.socket.id, cleared, this.readiness);
  }

  /** `set_readiness` + `wake` for one reported event. */
  dispatch(ready: number): void {
    this.tick = this.driver.tick;
    this.readiness |= ready;
    this.driver.trace?.emit(EventKind.IoReady, 0, this.socket.id, ready, this.tick);
    if ((ready & (READABLE | READ_CLOSED | ERROR)) !== 0) this.wake('reader');
    if ((ready & (WRITABLE | WRITE_CLOSED | ERROR)) !== 0) this.wake('writer');
  }

  /** Wakes the stored waker of `slot`, naming this socket as the cause in the trace first. */
  private wake(slot: 'reader' | 'writer'): void {
    const w = take(this, slot);
    if (w === null) return;
    this.driver.trace?.emit(EventKind.IoWake, w.target, this.socket.id, directionOf(slot));
    w.wake();
  }

  /** Deregistration (the socket's owner dropped it): stored wakers are released. */
  release(): void {
    this.driver.trace?.emit(EventKind.IoDeregister, currentTaskIdRaw(), this.socket.id);
    this.socket.listener = null;
    this.driver.forget(this);
    take(this, 'reader')?.drop();
    take(this, 'writer')?.drop();
  }
}

function directionOf(slot: 'reader' | 'writer'): number {
  return slot === 'reader' ? IoDirection.Read : IoDirection.Write;
}

function take(io: ScheduledIo, slot: 'reader' | 'writer'): Waker | null {
  const w = io[slot];
  io[slot] = null;
  return w;
}

export class IoDriver {
  /** Bumped on every turn (`Tick::Set`), so a stale WOULD_BLOCK cannot clear newer readiness. */
  tick = 0;
  private ready: ScheduledIo[] = [];

  constructor(
    /** The process's SIGINT state: an arrived press is one more event for the driver. */
    readonly signals: Signals | null = null,
    /** Where the driver records registrations, turns, readiness and wakes (none in unit tests). */
    readonly trace: TraceSink | null = null,
  ) {}

  /** Registers a socket (`EPOLL_CTL_ADD`): a socket that is ready already reports at once. */
  register(socket: NetSocket): ScheduledIo {
    const io = new ScheduledIo(this, socket);
    socket.listener = io;
    const ports = (socket.port & 0xffff) | ((socket.remotePort & 0xffff) << 16);
    const kind = socket.kind === 'listener' ? SocketKind.Listener : SocketKind.Stream;
    this.trace?.emit(EventKind.IoRegister, currentTaskIdRaw(), socket.id, ports >>> 0, kind);
    if (socket.readiness() !== 0) this.queue(io);
    return io;
  }

  queue(io: ScheduledIo): void {
    if (io.queued) return;
    io.queued = true;
    this.ready.push(io);
  }

  forget(io: ScheduledIo): void {
    if (!io.queued) return;
    io.queued = false;
    this.ready = this.ready.filter((x) => x !== io);
  }

  /** Events are waiting: a park polls instead of sleeping. */
  hasEvents(): boolean {
    return this.ready.length > 0 || (this.signals !== null && this.signals.undelivered > 0);
  }

  /** One driver turn: report and dispatch every queued socket's readiness, in edge order. */
  turn(): number {
    if (this.ready.length === 0) return this.signals?.broadcast() ?? 0;
    const batch = this.ready;
    this.ready = [];
    this.tick = (this.tick + 1) & 0xff;
    this.trace?.emit(EventKind.IoTurn, 0, this.tick, batch.length);
    let n = 0;
    for (const io of batch) {
      io.queued = false;
      const r = io.socket.readiness();
      if (r === 0) continue;
      io.dispatch(r);
      n++;
    }
    // The signal driver processes after the I/O turn that saw its pipe readable.
    return n + (this.signals?.broadcast() ?? 0);
  }
}

export { READABLE, WRITABLE };
