/**
 * Trace event kinds of the multi_thread scheduler (tokio-facts.md §6.3), under the short names the
 * scheduler code uses. Their home and payload documentation is events.ts (`EventKind.Worker*`,
 * `QueueOverflow`), which also decodes them into `worker.*` / `queue.overflow` events.
 */
import { EventKind, MAIN_THREAD as MAIN } from '../../events.ts';

export const MT_TURN = EventKind.WorkerTurn;
export const MT_STEAL = EventKind.WorkerSteal;
export const MT_PARK = EventKind.WorkerPark;
export const MT_UNPARK = EventKind.WorkerUnpark;
export const MT_SEARCHING = EventKind.WorkerSearching;
export const MT_OVERFLOW = EventKind.QueueOverflow;
export const MT_MAINTENANCE = EventKind.WorkerMaintenance;
export const MT_SHUTDOWN = EventKind.WorkerShutdown;
export const MT_LIFO_CAPPED = EventKind.WorkerLifoCapped;

/** Main-thread id in MT_TURN's `a`. */
export const MAIN_THREAD = MAIN;
