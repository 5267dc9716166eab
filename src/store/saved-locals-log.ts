/**
 * What suspended tasks held, as the worker recorded it (src/worker/protocol.ts `WireLocals`):
 * per task, its snapshots in trace order. A snapshot holds from its trace index until the
 * task's next one, so the view at any position finds it by binary search (seeking back included).
 */
import type { WireLocals } from '../worker/protocol.ts';

export type LocalsSnapshot = WireLocals;

export class SavedLocalsLog {
  private readonly byTask = new Map<number, LocalsSnapshot[]>();

  /** Adds snapshots in trace order (each batch's after the previous batch's). */
  add(snapshots: readonly LocalsSnapshot[]): void {
    for (const s of snapshots) {
      const list = this.byTask.get(s.task);
      if (list === undefined) this.byTask.set(s.task, [s]);
      else list.push(s);
    }
  }

  /** The task's latest snapshot recorded before event position `position`, if any. */
  at(task: number, position: number): LocalsSnapshot | undefined {
    const list = this.byTask.get(task);
    if (list === undefined) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].at < position) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? undefined : list[lo - 1];
  }
}
