import { describe, expect, it } from 'vitest';
import { EventKind } from '../events.ts';
import { RustPanic } from '../task/panic.ts';
import { done, seq, TestRuntime } from '../sync/test-harness.ts';
import { CLOCK_ERRORS } from './clock.ts';
import { advance, OUTSIDE_RUNTIME_PANIC, pause, resume } from './control.ts';
import { sleep } from './sleep.ts';

const MS = 1_000_000;

describe('time::advance / pause / resume', () => {
  it('advance moves the frozen clock, yields once, and the due timer fires before the task resumes', () => {
    const rt = new TestRuntime();
    const log: string[] = [];
    rt.spawn(seq([() => sleep(5 * MS, rt), () => (log.push(`sleeper ${rt.clock.now() / MS}`), done())]));
    rt.spawn(seq([() => advance(7 * MS, rt), () => (log.push(`advancer ${rt.clock.now() / MS}`), done())]));
    rt.run();
    expect(log).toEqual(['sleeper 7', 'advancer 7']);
    expect(rt.trace.ofKind(EventKind.TimeAdvance)[0]?.[2]).toBe(7);
  });

  it('panics with Tokio messages', () => {
    const rt = new TestRuntime(false);
    expect(() => resume(rt)).toThrow(new RustPanic(CLOCK_ERRORS.notFrozen));
    pause(rt);
    expect(rt.clock.paused).toBe(true);
    expect(() => pause(rt)).toThrow(new RustPanic(CLOCK_ERRORS.alreadyFrozen));
    resume(rt);
    const t = rt.spawn(advance(MS, rt));
    expect(() => rt.pollTask(t)).toThrow(new RustPanic(CLOCK_ERRORS.notFrozen));
    expect(() => pause(undefined)).toThrow(new RustPanic(OUTSIDE_RUNTIME_PANIC));
  });
});
