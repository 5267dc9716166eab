/**
 * Trace event kinds of the multi_thread scheduler (tokio-facts.md §6.3). events.ts (owned by the
 * task-core engineer) has no vocabulary for stealing, parking or worker turns yet, so the numbers
 * live here, in a block (210–219) clear of the task/scheduler kinds and of time/ (200–209);
 * events.ts may re-export and decode them. Payloads of `emit(kind, task, a, b, c)`:
 */

/** A thread takes the step: a = worker index (0xffff: block_on's thread); b = 1 when it is the driver's timed wake-up. */
export const MT_TURN = 210;
/** A steal: task = the task returned to run now, a = thief, b = victim, c = tasks moved (incl. it). */
export const MT_STEAL = 211;
/** Worker a parked: b = 0 on the condvar, 1 inside the driver. */
export const MT_PARK = 212;
/** Worker a unparked: b = 1 it was parked (0: the unpark was stored as NOTIFIED for a later park). */
export const MT_UNPARK = 213;
/** Worker a: b = 1 became searching, 0 stopped searching. */
export const MT_SEARCHING = 214;
/** Local queue of worker a overflowed: b = tasks moved to the inject queue (129 or 1). */
export const MT_OVERFLOW = 215;
/** Worker a ran maintenance (tick % event_interval == 0): b = its tick. */
export const MT_MAINTENANCE = 216;
/** Worker a is shutting down: b = phase (0 pre_shutdown start, 1 core handed in, 2 last: drained all). */
export const MT_SHUTDOWN = 217;
/** Worker a's LIFO chain was capped (3 polls): lifo_enabled = false. */
export const MT_LIFO_CAPPED = 218;

/** Main-thread id in MT_TURN's `a`. */
export const MAIN_THREAD = 0xffff;
