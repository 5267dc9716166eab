/**
 * `tokio::time` as the simulator provides it (tokio-facts.md §9): the clock, the wheel-based
 * driver the scheduler owns, and the futures the interpreter binds. src/sim/index.ts re-exports
 * this file.
 */
export {
  SimClock,
  NANOS_PER_MS,
  MAX_TICK,
  FAR_FUTURE_OFFSET,
  CLOCK_ERRORS,
  ClockError,
  instantToTick,
} from './clock.ts';
export { TimerDriver, timerDriverOf, requireContext, CONTEXT_MISSING_ERROR } from './driver.ts';
export type { ParkOutcome } from './driver.ts';
export { Wheel, NUM_LEVELS, MAX_DURATION, levelFor, slotFor } from './wheel.ts';
export { Sleep, sleep, sleepUntil, RUNTIME_SHUTTING_DOWN_ERROR, TIMER_SHUTDOWN_ERROR } from './sleep.ts';
export { Timeout, timeout, timeoutAt, Elapsed, ELAPSED } from './timeout.ts';
export { Interval, interval, intervalAt, PERIOD_ZERO_PANIC } from './interval.ts';
export type { MissedTickBehavior } from './interval.ts';
export { advance, pause, resume, OUTSIDE_RUNTIME_PANIC } from './control.ts';
export { instantNow, elapsedSince, saturatingDurationSince, checkedDurationSince, farFuture } from './instant.ts';
export type { Instant } from './instant.ts';
