/**
 * `BlockingSchedule` (tokio-facts.md §6.1 "blocking" column, §8 test-util): blocking tasks are never
 * rescheduled; on a current_thread runtime each one inhibits clock auto-advance from creation until
 * its release, and the release unparks the driver.
 */
import type { Schedule, Task } from '../../task/cell.ts';

export interface AutoAdvanceHost {
  inhibitAutoAdvance(): void;
  allowAutoAdvance(): void;
  /** `driver.unpark()`. */
  unpark(): void;
}

export class BlockingSchedule implements Schedule {
  private readonly host: AutoAdvanceHost | undefined;

  constructor(host: AutoAdvanceHost | undefined) {
    this.host = host;
    host?.inhibitAutoAdvance();
  }

  release(_task: Task): boolean {
    if (this.host !== undefined) {
      this.host.allowAutoAdvance();
      this.host.unpark();
    }
    return false;
  }

  schedule(task: Task): void {
    throw new Error(`BlockingSchedule::schedule is unreachable (task ${task.id})`);
  }

  yieldNow(task: Task): void {
    this.schedule(task);
  }

  unhandledPanic(_task: Task): void {}
}
