/**
 * The loopback network of the simulated process: what the Linux kernel does for TCP sockets on
 * 127.0.0.1, reduced to what a program can observe. Every operation is non-blocking, as mio uses
 * them: it makes progress now or reports WOULD_BLOCK, and each change a waiting side could care
 * about is an *edge* on that socket (epoll's edge-triggered wake-up), which the socket's I/O
 * registration turns into a readiness event at the driver's next turn.
 *
 * Loopback completes a handshake inside `connect`: the listener's backlog gains the connection
 * and the client is established at once. Bytes written land in the peer's receive buffer up to
 * its capacity (the rest waits: backpressure). Closing a socket that still holds unread bytes
 * answers with a reset instead of a FIN, as Linux does.
 */
import {
  EADDRINUSE,
  ECONNREFUSED,
  ECONNRESET,
  ENOTCONN,
  EPIPE,
  type OsError,
  WOULD_BLOCK,
  type WouldBlock,
} from './errors.ts';
import type { Fault, FaultPlan } from './faults.ts';
import { ERROR, READABLE, READ_CLOSED, WRITABLE, WRITE_CLOSED } from './ready.ts';

/** Bytes one direction of a connection buffers before writes wait (send + receive buffer). */
export const STREAM_BUFFER_BYTES = 256 * 1024;
/** The first port `bind(…:0)` hands out; the kernel's choice, never printed by a recorded program. */
const FIRST_EPHEMERAL_PORT = 40_000;
export const LOOPBACK = '127.0.0.1';

/** Who hears a socket's edges: its I/O registration. */
export interface EdgeListener {
  edge(): void;
}

type SocketKind = 'listener' | 'stream';

type ResetFault = Extract<Fault, { kind: 'reset' }>;

/** One established connection: its two ends, the bytes it has carried, and the resets aimed at it. */
export interface Connection {
  /** 1 for the program's first `connect`, and so on (refused attempts count too). */
  readonly index: number;
  readonly port: number;
  readonly client: NetSocket;
  readonly server: NetSocket;
  /** Bytes delivered so far, both directions. */
  bytes: number;
  /** Resets of the fault plan still to happen. */
  resets: ResetFault[];
}

export class NetSocket {
  /** The registration that turns edges into readiness events (null until registered). */
  listener: EdgeListener | null = null;
  /** Listener: established connections not yet accepted. */
  readonly backlog: NetSocket[] = [];
  /** Stream: the other end. */
  peer: NetSocket | null = null;
  /** Stream: received bytes not yet read. */
  recv: number[] = [];
  recvHead = 0;
  /** The peer will send no more (FIN received). */
  eofIn = false;
  /** This side will send no more (shutdown(Write) or close). */
  shutOut = false;
  /** A pending socket error (`SO_ERROR`), reported once by the next operation. */
  error: OsError | null = null;
  /** A reset arrived: reads and writes fail from now on. */
  reset = false;
  /** The peer's socket is gone: the next write draws a reset. */
  peerClosed = false;
  closed = false;
  /** Set when a write found the peer's buffer full: freeing space is then an edge. */
  writerWaiting = false;
  /** Socket options a program can set and read back: TCP_NODELAY and the IP TTL (Linux's default 64). */
  nodelay = false;
  ttl = 64;
  /** SO_LINGER in whole seconds (null: off). 0 makes closing abort the connection with a reset. */
  linger: number | null = null;
  /** Stream: how many unread bytes this end's receive buffer holds before the writer waits. */
  capacity = STREAM_BUFFER_BYTES;
  /** Stream: a slow peer (fault plan) waits this long (virtual ns) after each read that got bytes. */
  readDelayNs = 0;
  /** Stream: the connection this end belongs to. */
  conn: Connection | null = null;

  constructor(
    readonly id: number,
    readonly kind: SocketKind,
    readonly port: number,
    /** Stream: the remote port. */
    readonly remotePort: number,
  ) {}

  get buffered(): number {
    return this.recv.length - this.recvHead;
  }

  /** What epoll would report for this socket now. */
  readiness(): number {
    if (this.kind === 'listener') return this.backlog.length > 0 ? READABLE : 0;
    let r = 0;
    if (this.buffered > 0) r |= READABLE;
    if (this.eofIn || this.reset) r |= READABLE | READ_CLOSED;
    const peer = this.peer;
    if (this.reset || this.shutOut || this.peerClosed) r |= WRITABLE | WRITE_CLOSED;
    else if (peer !== null && peer.buffered < peer.capacity) r |= WRITABLE;
    if (this.error !== null) r |= ERROR;
    return r;
  }

  edge(): void {
    this.listener?.edge();
  }
}

export type Io<T> = T | OsError | WouldBlock;

export function isOsError(v: unknown): v is OsError {
  return typeof v === 'object' && v !== null && 'code' in v && 'kind' in v;
}

export class Kernel {
  private readonly listeners = new Map<number, NetSocket>();
  private readonly usedPorts = new Set<number>();
  private nextPort = FIRST_EPHEMERAL_PORT;
  private nextId = 1;
  /** Faults to apply (null: none), and who hears that one was applied (the trace). */
  faults: FaultPlan | null = null;
  onFault: ((fault: Fault, conn: number, port: number) => void) | null = null;
  /** Hears every connect: its number (what a fault's `conn=N` names), port, and whether it was refused. */
  onConnect: ((conn: number, port: number, refused: boolean) => void) | null = null;
  private connections = 0;
  /** Connections with resets waiting for a step or an instant. */
  private armed: Connection[] = [];
  private step = 0;
  /** Real time (ns since the process started) as last reported. */
  private nowNs = 0;

  private ephemeral(): number {
    while (this.usedPorts.has(this.nextPort)) this.nextPort++;
    return this.nextPort++;
  }

  /** `bind` + `listen`; port 0 asks the kernel for a free one. */
  listen(port: number): NetSocket | OsError {
    if (port !== 0 && this.usedPorts.has(port)) return EADDRINUSE;
    const p = port === 0 ? this.ephemeral() : port;
    const s = new NetSocket(this.nextId++, 'listener', p, 0);
    this.listeners.set(p, s);
    this.usedPorts.add(p);
    return s;
  }

  /**
   * Non-blocking `connect` (EINPROGRESS): on loopback the handshake completes before the call
   * returns, or the reset of a port nobody listens on arrives (the error waits in `SO_ERROR`).
   */
  connect(port: number): NetSocket {
    const l = this.listeners.get(port);
    const localPort = this.ephemeral();
    const index = ++this.connections;
    const faults = this.faults?.forConnection(index, port) ?? [];
    const refuse = faults.find((f) => f.kind === 'refuse');
    const refusing = l === undefined || l.closed || refuse !== undefined;
    this.onConnect?.(index, port, refusing);
    if (refusing) {
      if (l !== undefined && !l.closed && refuse !== undefined) this.onFault?.(refuse, index, port);
      const refused = new NetSocket(this.nextId++, 'stream', localPort, port);
      refused.reset = true;
      refused.eofIn = true;
      refused.error = ECONNREFUSED;
      return refused;
    }
    this.usedPorts.add(localPort);
    const client = new NetSocket(this.nextId++, 'stream', localPort, port);
    const server = new NetSocket(this.nextId++, 'stream', port, localPort);
    client.peer = server;
    server.peer = client;
    const c: Connection = { index, port, client, server, bytes: 0, resets: [] };
    client.conn = server.conn = c;
    for (const f of faults) {
      if (f.kind === 'reset') c.resets.push(f);
      else if (f.kind === 'slow') {
        const slow = f.by === 'client' ? client : server;
        slow.capacity = f.window;
        slow.readDelayNs = f.delayMs * 1_000_000;
        this.onFault?.(f, index, port);
      }
    }
    l.backlog.push(server);
    l.edge();
    this.checkResets(c);
    if (c.resets.length > 0) this.armed.push(c);
    return client;
  }

  /** A new scheduler step, at real instant `realNs`: resets aimed at a step or an instant may be due. */
  atStep(step: number, realNs: number): void {
    this.step = step;
    this.faultsAt(realNs);
  }

  /** Real time has reached `realNs` (ns since the process started): resets due by then happen. */
  faultsAt(realNs: number): void {
    this.nowNs = Math.max(this.nowNs, realNs);
    if (this.armed.length === 0) return;
    for (const c of this.armed) this.checkResets(c);
    this.armed = this.armed.filter((c) => c.resets.length > 0);
  }

  /** The real instant of the next reset aimed at a time (Infinity: none), a wake-up for a waiting scheduler. */
  nextFaultAt(): number {
    let at = Infinity;
    for (const c of this.armed)
      for (const f of c.resets) if (f.at.kind === 'time') at = Math.min(at, Math.max(this.nowNs, f.at.ms * 1_000_000));
    return at;
  }

  /** Applies the resets of `c` whose moment has come. */
  private checkResets(c: Connection): void {
    if (c.resets.length === 0) return;
    if (c.client.closed && c.server.closed) {
      c.resets = [];
      return;
    }
    const due = c.resets.filter((f) => this.isDue(f, c));
    if (due.length === 0) return;
    c.resets = c.resets.filter((f) => !due.includes(f));
    const f = due[0];
    this.abortConnection(c, f.by);
    this.onFault?.(f, c.index, c.port);
  }

  private isDue(f: ResetFault, c: Connection): boolean {
    const at = f.at;
    switch (at.kind) {
      case 'open':
        return true;
      case 'bytes':
        return c.bytes >= at.bytes;
      case 'step':
        return this.step >= at.step;
      case 'time':
        return this.nowNs >= at.ms * 1_000_000;
    }
  }

  /** Bytes the connection may still carry before a reset aimed at a byte count. */
  private bytesBeforeReset(c: Connection | null): number {
    let room = Infinity;
    if (c !== null) for (const f of c.resets) if (f.at.kind === 'bytes') room = Math.min(room, f.at.bytes - c.bytes);
    return room;
  }

  /** `by`'s end aborts the connection: the other end gets an RST, as after a close with SO_LINGER 0. */
  private abortConnection(c: Connection, by: 'client' | 'server'): void {
    const sender = by === 'client' ? c.client : c.server;
    const receiver = by === 'client' ? c.server : c.client;
    if (!receiver.closed) resetArrives(receiver);
    if (!sender.closed && !sender.reset) {
      // The aborting end keeps no connection: as after a reported reset, reads end and writes fail.
      sender.reset = true;
      sender.peerClosed = true;
      sender.edge();
    }
  }

  accept(l: NetSocket): Io<NetSocket> {
    const s = l.backlog.shift();
    return s ?? WOULD_BLOCK;
  }

  /** Reads up to `max` bytes; 0 at end of stream. */
  read(s: NetSocket, max: number, peek = false): Io<number[]> {
    const n = Math.min(max, s.buffered);
    if (n === 0) {
      // Bytes that arrived before a reset are read first; then the error, once (tcp_recvmsg).
      const err = takeError(s);
      if (err !== null) return err;
      // After a reset has been reported once, the stream reads as ended (Linux returns 0).
      if (s.reset) return [];
      return s.eofIn || s.peer === null ? [] : WOULD_BLOCK;
    }
    const out = s.recv.slice(s.recvHead, s.recvHead + n);
    if (peek) return out;
    s.recvHead += n;
    if (s.recvHead === s.recv.length) {
      s.recv = [];
      s.recvHead = 0;
    } else if (s.recvHead > 4096 && s.recvHead * 2 > s.recv.length) {
      s.recv = s.recv.slice(s.recvHead);
      s.recvHead = 0;
    }
    const peer = s.peer;
    if (peer !== null && peer.writerWaiting) {
      peer.writerWaiting = false;
      peer.edge();
    }
    return out;
  }

  /** Writes as much of `bytes` as the peer's buffer takes. */
  write(s: NetSocket, bytes: readonly number[]): Io<number> {
    const err = takeError(s);
    if (err !== null) return err;
    if (s.reset || s.shutOut) return EPIPE;
    const peer = s.peer;
    if (peer === null) return ENOTCONN;
    if (s.peerClosed) {
      // The data reaches a closed socket, which answers with a reset: the write itself succeeds.
      // A connection whose peer sent FIN first is in CLOSE_WAIT, where Linux reports EPIPE.
      s.reset = true;
      s.error = s.eofIn ? EPIPE : ECONNRESET;
      s.edge();
      return bytes.length;
    }
    if (bytes.length === 0) return 0;
    const room = peer.capacity - peer.buffered;
    if (room <= 0) {
      s.writerWaiting = true;
      return WOULD_BLOCK;
    }
    // A reset aimed at a byte count lets exactly that many bytes through.
    const n = Math.min(room, bytes.length, this.bytesBeforeReset(s.conn));
    for (let i = 0; i < n; i++) peer.recv.push(bytes[i]);
    if (n < bytes.length) s.writerWaiting = true;
    peer.edge();
    if (s.conn !== null) {
      s.conn.bytes += n;
      this.checkResets(s.conn);
    }
    return n;
  }

  /** `shutdown(Write)`: a FIN to the peer; reading goes on. */
  shutdownWrite(s: NetSocket): OsError | null {
    if (s.peer === null) return ENOTCONN;
    if (s.shutOut) return null;
    s.shutOut = true;
    if (!s.reset) {
      s.peer.eofIn = true;
      s.peer.edge();
    }
    return null;
  }

  /** The last handle to the socket is dropped. */
  close(s: NetSocket): void {
    if (s.closed) return;
    s.closed = true;
    s.listener = null;
    if (s.kind === 'listener') {
      this.listeners.delete(s.port);
      this.usedPorts.delete(s.port);
      for (const pending of s.backlog.splice(0)) this.close(pending);
      return;
    }
    this.usedPorts.delete(s.port);
    const peer = s.peer;
    if (peer === null || peer.closed) return;
    if ((s.buffered > 0 || s.linger === 0) && !s.reset) {
      // Unread data, or SO_LINGER 0: the kernel aborts the connection.
      resetArrives(peer);
      s.shutOut = true;
      return;
    }
    peer.peerClosed = true;
    if (!s.shutOut && !s.reset) peer.eofIn = true;
    s.shutOut = true;
    peer.edge();
  }
}

/** An RST reaches `s`: a connection whose peer sent FIN first (CLOSE_WAIT) reports EPIPE, else ECONNRESET. */
function resetArrives(s: NetSocket): void {
  s.peerClosed = true;
  if (!s.reset) {
    s.reset = true;
    s.error = s.eofIn ? EPIPE : ECONNRESET;
  }
  s.edge();
}

function takeError(s: NetSocket): OsError | null {
  const e = s.error;
  s.error = null;
  return e;
}
