/**
 * Per-worker parker (tokio-facts.md §6.3 "Parker"; Tokio `scheduler/multi_thread/park.rs`): an
 * unpark that arrives before the park is remembered (NOTIFIED) and makes the next park return at
 * once. Only one worker at a time may park inside the shared driver (a try-lock); the others park
 * on their condvar. In the simulation a parked worker simply is not runnable until its state is
 * NOTIFIED (or, for the driver holder, until virtual time reaches the next timer).
 */

export const ParkState = { Empty: 0, ParkedCondvar: 1, ParkedDriver: 2, Notified: 3 } as const;
export type ParkState = (typeof ParkState)[keyof typeof ParkState];

export class Parker {
  state: ParkState = ParkState.Empty;

  /** `Unparker::unpark`: returns the state it found (parked → the worker becomes runnable). */
  unpark(): ParkState {
    const prev = this.state;
    this.state = ParkState.Notified;
    return prev;
  }

  /** The head of `Inner::park`: a stored notification is consumed and the park returns at once. */
  takeNotification(): boolean {
    if (this.state !== ParkState.Notified) return false;
    this.state = ParkState.Empty;
    return true;
  }
}

/** The shared driver's try-lock: the index of the worker parked inside the driver, or -1. */
export class DriverLock {
  holder = -1;

  tryLock(worker: number): boolean {
    if (this.holder !== -1) return false;
    this.holder = worker;
    return true;
  }

  isFree(): boolean {
    return this.holder === -1;
  }

  unlock(): void {
    this.holder = -1;
  }
}
