/**
 * The I/O driver as the scheduler view shows it (issue 17), folded from the `io.*`, `signal.*`
 * and `net.fault` events: each registered socket with its cached readiness and the task waiting on
 * each side, the driver's last turn, the process's Ctrl-C state and the faults applied so far.
 * Sockets and faults are few, so plain arrays copied on change are cheap enough for the checkpoints.
 */
import type { SimEvent } from '../../sim/index.ts';

type FaultEvent = Extract<SimEvent, { type: 'net.fault' }>;

/** A network fault of the run's plan, applied at `step` (by hand or drawn from the seed). */
export type FaultView = Pick<FaultEvent, 'step' | 'fault' | 'by' | 'conn' | 'port'>;

export interface SocketView {
  readonly id: number;
  readonly kind: 'listener' | 'stream';
  readonly localPort: number;
  /** 0 for a listener. */
  readonly peerPort: number;
  /** The cached readiness (`Ready` bits, src/sim/net/ready.ts). */
  readonly readiness: number;
  /** The task whose Registration waker waits to read / write (0: main future, −1: other), if any. */
  readonly reader: number | undefined;
  readonly writer: number | undefined;
  /** The step of the last driver turn that reported this socket (−1: never). */
  readonly readyStep: number;
}

export interface SignalView {
  /** `ctrl_c()` was polled: a press no longer kills the process. */
  readonly installed: boolean;
  /** Presses that arrived, and the steps they arrived at. */
  readonly pressSteps: readonly number[];
  /** Presses the signal driver broadcast to `ctrl_c()` listeners. */
  readonly delivered: number;
  /** A press killed the process (no handler): exit status 130. */
  readonly killed: boolean;
}

export interface IoView {
  readonly sockets: readonly SocketView[];
  /** The driver's tick after its last turn, and the step of that turn (−1: none yet). */
  readonly tick: number;
  readonly turnStep: number;
  readonly signal: SignalView;
  /** The faults applied so far, in step order. */
  readonly faults: readonly FaultView[];
  /** Every socket registered so far by id, as words (`socketLabel`), for the narration. */
  readonly names: Readonly<Record<number, string>>;
}

export const INITIAL_IO_VIEW: IoView = {
  sockets: [],
  tick: 0,
  turnStep: -1,
  signal: { installed: false, pressSteps: [], delivered: 0, killed: false },
  faults: [],
  names: {},
};

type IoEvent = Extract<SimEvent, { type: `io.${string}` | `signal.${string}` }> | FaultEvent;

export function isIoEvent(e: SimEvent): e is IoEvent {
  return e.type.startsWith('io.') || e.type.startsWith('signal.') || e.type === 'net.fault';
}

function patchSocket(io: IoView, id: number, patch: (s: SocketView) => SocketView): IoView {
  const i = io.sockets.findIndex((s) => s.id === id);
  if (i < 0) return io;
  const sockets = io.sockets.slice();
  sockets[i] = patch(sockets[i]);
  return { ...io, sockets };
}

export function reduceIo(io: IoView, e: IoEvent): IoView {
  switch (e.type) {
    case 'io.register': {
      const s: SocketView = {
        id: e.socket,
        kind: e.kind,
        localPort: e.localPort,
        peerPort: e.peerPort,
        readiness: 0,
        reader: undefined,
        writer: undefined,
        readyStep: -1,
      };
      const names = { ...io.names, [e.socket]: socketLabel(s) };
      return { ...io, sockets: [...io.sockets.filter((x) => x.id !== e.socket), s], names };
    }
    case 'io.deregister':
      return { ...io, sockets: io.sockets.filter((x) => x.id !== e.socket) };
    case 'io.turn':
      return { ...io, tick: e.tick, turnStep: e.step };
    case 'io.ready':
      return patchSocket(io, e.socket, (s) => ({ ...s, readiness: s.readiness | e.ready, readyStep: e.step }));
    case 'io.clear':
      return patchSocket(io, e.socket, (s) => ({ ...s, readiness: e.left }));
    case 'io.wait':
      return patchSocket(io, e.socket, (s) =>
        e.direction === 'read' ? { ...s, reader: e.task } : { ...s, writer: e.task },
      );
    case 'io.wake':
      return patchSocket(io, e.socket, (s) =>
        e.direction === 'read' ? { ...s, reader: undefined } : { ...s, writer: undefined },
      );
    case 'signal.install':
      return { ...io, signal: { ...io.signal, installed: true } };
    case 'signal.arrive':
      return {
        ...io,
        signal: { ...io.signal, pressSteps: [...io.signal.pressSteps, e.step], killed: e.kills },
      };
    case 'signal.deliver':
      return { ...io, signal: { ...io.signal, delivered: e.presses } };
    case 'net.fault':
      return { ...io, faults: [...io.faults, { step: e.step, fault: e.fault, by: e.by, conn: e.conn, port: e.port }] };
  }
}

/** Readiness bits as words: "readable, writable", "read closed", … */
export function readinessWords(ready: number): string[] {
  const words: string[] = [];
  if ((ready & 1) !== 0) words.push('readable');
  if ((ready & 2) !== 0) words.push('writable');
  if ((ready & 4) !== 0) words.push('read closed');
  if ((ready & 8) !== 0) words.push('write closed');
  if ((ready & 16) !== 0) words.push('error');
  return words;
}

/** "listener :40000" or "stream :40001→:40000". */
export function socketLabel(s: { kind: 'listener' | 'stream'; localPort: number; peerPort: number }): string {
  return s.kind === 'listener' ? `listener :${s.localPort}` : `stream :${s.localPort}→:${s.peerPort}`;
}
