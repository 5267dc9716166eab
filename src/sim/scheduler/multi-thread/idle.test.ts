import { describe, expect, it } from 'vitest';
import { Idle } from './idle.ts';

describe('idle coordination (§6.3)', () => {
  it('searching is limited to 2 × num_searching < num_workers', () => {
    const idle = new Idle(4);
    expect(idle.transitionWorkerToSearching()).toBe(true);
    expect(idle.transitionWorkerToSearching()).toBe(true);
    expect(idle.transitionWorkerToSearching()).toBe(false);
    expect(idle.numSearching).toBe(2);
    expect(new Idle(1).transitionWorkerToSearching()).toBe(true);
  });

  it('notify wakes nobody while someone searches or nobody is parked; else the last sleeper, as a searcher', () => {
    const idle = new Idle(3);
    expect(idle.workerToNotify()).toBe(-1);
    expect(idle.transitionWorkerToParked(0, false)).toBe(false);
    expect(idle.transitionWorkerToParked(2, false)).toBe(false);
    expect(idle.numUnparked).toBe(1);
    idle.transitionWorkerToSearching();
    expect(idle.workerToNotify()).toBe(-1);
    idle.transitionWorkerFromSearching();
    expect(idle.workerToNotify()).toBe(2);
    expect(idle.numSearching).toBe(1);
    expect(idle.numUnparked).toBe(2);
    expect(idle.sleepers).toEqual([0]);
  });

  it('the last searcher to park is told so (it must re-check the queues)', () => {
    const idle = new Idle(4);
    idle.transitionWorkerToSearching();
    idle.transitionWorkerToSearching();
    expect(idle.transitionWorkerToParked(1, true)).toBe(false);
    expect(idle.transitionWorkerToParked(2, true)).toBe(true);
    expect(idle.numSearching).toBe(0);
  });

  it('unpark_worker_by_id removes a sleeper with swap_remove; false when a notifier took it first', () => {
    const idle = new Idle(4);
    for (const w of [0, 1, 2, 3]) idle.transitionWorkerToParked(w, false);
    expect(idle.unparkWorkerById(1)).toBe(true);
    expect(idle.sleepers).toEqual([0, 3, 2]);
    expect(idle.numUnparked).toBe(1);
    expect(idle.workerToNotify()).toBe(2);
    expect(idle.unparkWorkerById(2)).toBe(false);
    expect(idle.isParked(3)).toBe(true);
  });
});
