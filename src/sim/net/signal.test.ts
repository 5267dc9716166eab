import { describe, expect, it } from 'vitest';
import { KilledBySignal, Signals } from './signal.ts';

const waker = (log: string[]) => ({
  target: -1,
  clone() {
    return this;
  },
  wake: () => log.push('woken'),
  wakeByRef: () => log.push('woken'),
  drop: () => undefined,
  willWake: () => false,
});

describe('SIGINT', () => {
  it('kills the process while no handler is installed', () => {
    const s = new Signals();
    s.press(5);
    expect(() => s.arrive(10, 0)).toThrow(KilledBySignal);
  });

  it('queues a press for the driver once a handler exists, and wakes listeners registered before it', () => {
    const s = new Signals();
    s.handler = true;
    const log: string[] = [];
    expect(s.listen(s.version, waker(log))).toBe(false);
    s.press(5);
    s.arrive(4, 0);
    expect(s.undelivered).toBe(0);
    s.arrive(5, 0);
    expect(s.undelivered).toBe(1);
    expect(s.broadcast()).toBe(1);
    expect(log).toEqual(['woken']);
    expect(s.listen(0, waker(log))).toBe(true);
  });

  it('delivers a hand press after its step', () => {
    const s = new Signals();
    s.handler = true;
    s.pressAfterStep(7);
    s.arrive(0, 7);
    expect(s.undelivered).toBe(0);
    s.arrive(0, 8);
    expect(s.undelivered).toBe(1);
  });
});
