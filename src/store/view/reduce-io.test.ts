import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { INITIAL_VIEW_STATE } from './view-state.ts';
import { reduceView } from './reduce-view.ts';
import { readinessWords, socketLabel } from './reduce-io.ts';

let index = 0;
const base = (step: number, task = 0) => ({ index: index++, step, time: 0, task });

/** A listener and a client stream: register, wait, a turn reports both, the wake, a clear. */
const TRACE: SimEvent[] = [
  { ...base(1), type: 'io.register', socket: 1, kind: 'listener', localPort: 40000, peerPort: 0 },
  { ...base(1), type: 'io.register', socket: 2, kind: 'stream', localPort: 40001, peerPort: 40000 },
  { ...base(2, 1), type: 'io.wait', socket: 1, direction: 'read' },
  { ...base(3), type: 'io.turn', tick: 1, sockets: 2 },
  { ...base(3), type: 'io.ready', socket: 1, ready: 1, tick: 1 },
  { ...base(3, 1), type: 'io.wake', socket: 1, direction: 'read' },
  { ...base(3), type: 'io.ready', socket: 2, ready: 2, tick: 1 },
  { ...base(5, 1), type: 'io.clear', socket: 1, cleared: 1, left: 0 },
  { ...base(6), type: 'signal.install' },
  { ...base(8), type: 'signal.arrive', kills: false },
  { ...base(8), type: 'signal.deliver', woken: 1, presses: 1 },
  { ...base(9), type: 'io.deregister', socket: 2 },
];

const fold = (n: number) => TRACE.slice(0, n).reduce(reduceView, INITIAL_VIEW_STATE);

describe('the I/O driver in the view state', () => {
  it('registration adds a socket with its ports, in registration order', () => {
    const io = fold(2).io;
    expect(io.sockets.map(socketLabel)).toEqual(['listener :40000', 'stream :40001→:40000']);
    expect(io.sockets.every((s) => s.readiness === 0 && s.reader === undefined)).toBe(true);
  });

  it('a wait names the reader; the turn sets readiness and its wake clears the reader', () => {
    expect(fold(3).io.sockets[0].reader).toBe(1);
    const afterTurn = fold(7).io;
    expect(afterTurn.turnStep).toBe(3);
    expect(afterTurn.tick).toBe(1);
    expect(afterTurn.sockets.map((s) => readinessWords(s.readiness).join('+'))).toEqual(['readable', 'writable']);
    expect(afterTurn.sockets[0].reader).toBeUndefined();
    expect(afterTurn.sockets[0].readyStep).toBe(3);
  });

  it('WOULD_BLOCK leaves what the clear says; deregistration removes the socket but keeps its name', () => {
    expect(fold(8).io.sockets[0].readiness).toBe(0);
    const end = fold(TRACE.length).io;
    expect(end.sockets.map((s) => s.id)).toEqual([1]);
    expect(end.names[2]).toBe('stream :40001→:40000');
  });

  it('Ctrl-C: handler installed, the press and its step, the delivery', () => {
    expect(fold(8).io.signal.installed).toBe(false);
    const s = fold(TRACE.length).io.signal;
    expect(s).toEqual({ installed: true, pressSteps: [8], delivered: 1, killed: false });
  });

  it('reads every readiness bit', () => {
    expect(readinessWords(0b11111)).toEqual(['readable', 'writable', 'read closed', 'write closed', 'error']);
  });
});
