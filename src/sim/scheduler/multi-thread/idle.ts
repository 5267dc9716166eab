/**
 * Idle-worker coordination (tokio-facts.md §6.3 "Idle / park / unpark"; Tokio
 * `scheduler/multi_thread/idle.rs`): how many workers are unparked and how many are searching
 * (kept as two counters; Tokio packs them in one atomic, unparked << 16 | searching), and the
 * `sleepers` stack of parked worker indices. Only the counting and the choice of whom to wake live
 * here; the actual unpark is the scheduler's.
 */

export class Idle {
  numUnparked: number;
  numSearching = 0;
  /** Parked workers, most recently parked last (notify pops from the end: LIFO). */
  readonly sleepers: number[] = [];

  constructor(readonly numWorkers: number) {
    this.numUnparked = numWorkers;
  }

  /**
   * `worker_to_notify`: wake someone only when nobody is searching and somebody is parked; the
   * woken worker is counted as unparked and searching. Returns its index or -1.
   */
  workerToNotify(): number {
    if (!this.notifyShouldWakeup()) return -1;
    this.numUnparked++;
    this.numSearching++;
    const w = this.sleepers.pop();
    if (w === undefined) throw new Error('idle: notify with no sleeper (counters out of sync)');
    return w;
  }

  /**
   * `transition_worker_to_parked`: one fewer unparked (and searching, if it was); pushes the
   * worker on the sleepers stack. Returns true when it was the last searcher, in which case the
   * caller must re-check every queue for work (so a wake-up is not lost).
   */
  transitionWorkerToParked(worker: number, isSearching: boolean): boolean {
    const prevSearching = this.numSearching;
    this.numUnparked--;
    if (isSearching) this.numSearching--;
    this.sleepers.push(worker);
    return isSearching && prevSearching === 1;
  }

  /** `transition_worker_to_searching`: allowed while `2 × num_searching < num_workers`. */
  transitionWorkerToSearching(): boolean {
    if (2 * this.numSearching >= this.numWorkers) return false;
    this.numSearching++;
    return true;
  }

  /** `transition_worker_from_searching`: true when this was the last searcher. */
  transitionWorkerFromSearching(): boolean {
    const prev = this.numSearching;
    this.numSearching--;
    return prev === 1;
  }

  /**
   * `unpark_worker_by_id`: a parked worker found work by itself; remove it from the sleepers
   * (swap_remove, like Tokio) and count it unparked (not searching). False if a notifier had
   * already taken it off the stack.
   */
  unparkWorkerById(worker: number): boolean {
    const s = this.sleepers;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === worker) {
        s[i] = s[s.length - 1];
        s.pop();
        this.numUnparked++;
        return true;
      }
    }
    return false;
  }

  isParked(worker: number): boolean {
    return this.sleepers.includes(worker);
  }

  private notifyShouldWakeup(): boolean {
    return this.numSearching === 0 && this.numUnparked < this.numWorkers;
  }
}
