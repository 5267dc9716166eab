/**
 * One timer registration, the shared part of a Sleep (tokio-facts.md §9; Tokio
 * `runtime/time/entry.rs` `TimerShared` + `StateCell`). It is an intrusive list node so the wheel
 * moves it between slots without allocating.
 *
 * Two deadlines are kept, as in Tokio: `when` is the true deadline (or a sentinel), and
 * `registeredWhen` is the tick whose slot currently holds the entry. They differ after a
 * `reset` to a later deadline, which only moves `when`; the wheel notices when the old slot
 * comes due and re-files the entry (`markPending` fails).
 */
import type { Waker } from '../future.ts';
import { LinkedList } from '../linked-list.ts';

/** `STATE_DEREGISTERED`: not in the wheel; the result is readable. */
export const DEREGISTERED = -1;
/** `STATE_PENDING_FIRE`: taken from its slot, waiting in the wheel's pending list. */
export const PENDING_FIRE = -2;

/** What a fired entry reports: Ok, or `time::error::Error::shutdown()` (registered after shutdown). */
export type TimerResult = typeof TIMER_OK | typeof TIMER_SHUTDOWN;
export const TIMER_OK = 0;
export const TIMER_SHUTDOWN = 1;

export class TimerEntry {
  // Fields are assigned in the constructor: class-field initialisers ran as a function of their
  // own per construction (one Sleep per `sleep(…)`; docs/perf.md round 4, lever 8).
  declare prev: TimerEntry | null;
  declare next: TimerEntry | null;
  /** Tick of the slot holding this entry, or DEREGISTERED while in the pending list. */
  declare registeredWhen: number;
  /** True deadline tick, or DEREGISTERED / PENDING_FIRE. */
  declare when: number;
  declare result: TimerResult;
  /** The `AtomicWaker`: a clone of the waker of whoever polled the Sleep last. */
  declare waker: Waker | null;
  /** For the trace: a per-driver sequence number (assigned when first registered). */
  declare id: number;
  /** For the trace: the task that created the Sleep (0 = block_on's main future, -1 none). */
  declare readonly task: number;

  constructor(id: number, task: number) {
    this.prev = null;
    this.next = null;
    this.registeredWhen = 0;
    this.when = DEREGISTERED;
    this.result = TIMER_OK;
    this.waker = null;
    this.id = id;
    this.task = task;
  }

  mightBeRegistered(): boolean {
    return this.when !== DEREGISTERED;
  }

  isPending(): boolean {
    return this.when === PENDING_FIRE;
  }

  setExpiration(tick: number): void {
    this.when = tick;
    this.registeredWhen = tick;
  }

  /** `extend_expiration`: a later deadline on a registered entry needs no wheel work. */
  extendExpiration(tick: number): boolean {
    const prior = this.when;
    if (prior < 0 || tick < prior) return false;
    this.when = tick;
    return true;
  }

  /** `mark_pending`: false (and re-keyed to its true deadline) if it is due later than `notAfter`. */
  markPending(notAfter: number): boolean {
    const cur = this.when;
    if (cur < 0) throw new Error('mark_pending called when the timer entry is in an invalid state');
    if (cur > notAfter) {
      this.registeredWhen = cur;
      return false;
    }
    this.when = PENDING_FIRE;
    this.registeredWhen = DEREGISTERED;
    return true;
  }

  /** `fire`: deregisters and hands back the stored waker (the caller wakes or drops it). */
  fire(result: TimerResult): Waker | null {
    if (this.when === DEREGISTERED) return null;
    this.result = result;
    this.when = DEREGISTERED;
    const w = this.waker;
    this.waker = null;
    return w;
  }

  /** `AtomicWaker::register_by_ref`: keep the stored waker if it wakes the same task. */
  registerWaker(waker: Waker): void {
    const cur = this.waker;
    if (cur !== null && cur.willWake(waker)) return;
    this.waker = waker.clone();
    if (cur !== null) cur.drop();
  }
}

/** A timer wheel slot: Tokio's `LinkedList` of entries. */
export class EntryList extends LinkedList<TimerEntry> {
  /** Removes `e`; an entry that is not in this list is left alone. */
  remove(e: TimerEntry): void {
    this.unlink(e);
  }
}
