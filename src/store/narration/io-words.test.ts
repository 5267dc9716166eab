import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { narrateStep } from './narrate.ts';

let index = 0;
const base = (step: number, task = 0) => ({ index: index++, step, time: 0, task });
const socketName = (id: number) => (id === 1 ? 'listener :40000' : undefined);
const ctx = { flavor: 'current_thread' as const, socketName };

describe('narration of the I/O driver and Ctrl-C', () => {
  it('a poll that waits on a socket names the socket and the readiness it waits for', () => {
    const step: SimEvent[] = [
      { ...base(2, 1), type: 'poll.start', line: 20, col: 0 },
      { ...base(2, 1), type: 'io.wait', socket: 1, direction: 'read' },
      { ...base(2, 1), type: 'poll.end', outcome: 'pending' },
    ];
    expect(narrateStep(step, ctx)).toBe(
      'The scheduler polls task 1 (its code starts at line 20); it returns Pending, waiting for listener :40000 to become readable.',
    );
  });

  it('a park with a driver turn says what the turn found and whom it woke', () => {
    const step: SimEvent[] = [
      { ...base(3), type: 'io.turn', tick: 1, sockets: 2 },
      { ...base(3), type: 'io.ready', socket: 1, ready: 1, tick: 1 },
      { ...base(3, 1), type: 'io.wake', socket: 1, direction: 'read' },
      { ...base(3, 1), type: 'waker.wake', byVal: true, wokenBy: 0 },
      { ...base(3), type: 'io.ready', socket: 7, ready: 0b1110, tick: 1 },
      { ...base(3), type: 'runtime.park', yield: false, advanced: false },
    ];
    expect(narrateStep(step, ctx)).toBe(
      "Nothing is ready to run, so the scheduler parks; the I/O driver's turn finds listener :40000 readable and socket 7 writable, read closed and write closed, waking task 1.",
    );
  });

  it('a press that arrives is delivered at the turn', () => {
    const step: SimEvent[] = [
      { ...base(8), type: 'signal.arrive', kills: false },
      { ...base(8), type: 'signal.deliver', woken: 1, presses: 1 },
      { ...base(8), type: 'runtime.park', yield: false, advanced: false },
    ];
    expect(narrateStep(step, ctx)).toBe(
      'Nothing is ready to run, so the scheduler parks; Ctrl-C arrives and the signal driver delivers the Ctrl-C to the waiting ctrl_c().',
    );
  });

  it('a press with no handler kills the process', () => {
    const step: SimEvent[] = [{ ...base(2), type: 'signal.arrive', kills: true }];
    expect(narrateStep(step, ctx)).toMatch(/^Ctrl-C arrives before any ctrl_c\(\) is listening: .*exit status 130/);
  });
});
