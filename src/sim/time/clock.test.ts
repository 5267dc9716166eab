import { describe, expect, it } from 'vitest';
import { CLOCK_ERRORS, ClockError, instantToTick, SimClock } from './clock.ts';

describe('SimClock', () => {
  it('rounds deadlines up to whole ms and truncates now', () => {
    const c = new SimClock(true, true);
    expect(c.tickOf(0)).toBe(0);
    expect(c.tickOf(1)).toBe(1);
    expect(c.tickOf(1_000_000)).toBe(1);
    expect(c.tickOf(1_000_001)).toBe(2);
    expect(c.tickOf(1_500_000_000)).toBe(1500);
    c.advance(1_999_999);
    expect(c.nowTick()).toBe(1);
    expect(instantToTick(-5)).toBe(0);
    expect(c.instantOfTick(7)).toBe(7_000_000);
  });

  it('only moves a frozen clock by hand, and only forward through advanceTo', () => {
    const c = new SimClock(true, false);
    expect(c.paused).toBe(false);
    expect(() => c.advance(1)).toThrow(new ClockError(CLOCK_ERRORS.notFrozen));
    c.advanceTo(5);
    c.advanceTo(3);
    expect(c.now()).toBe(5);
    c.pause();
    expect(() => c.pause()).toThrow(CLOCK_ERRORS.alreadyFrozen);
    c.advance(10);
    expect(c.now()).toBe(15);
    c.resume();
    expect(() => c.resume()).toThrow(CLOCK_ERRORS.notFrozen);
  });

  it('refuses to pause a multi_thread clock and honours auto-advance inhibition', () => {
    expect(() => new SimClock(false, true)).toThrow(CLOCK_ERRORS.pauseNeedsCurrentThread);
    const c = new SimClock(true, true);
    expect(c.canAutoAdvance()).toBe(true);
    c.inhibitAutoAdvance();
    expect(c.canAutoAdvance()).toBe(false);
    c.allowAutoAdvance();
    expect(c.canAutoAdvance()).toBe(true);
  });
});
