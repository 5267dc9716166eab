import { describe, expect, it } from 'vitest';
import { InjectQueue, injectBatchSize } from './inject.ts';
import { LocalQueue } from './local-queue.ts';

describe('inject queue (13.C.24)', () => {
  it('push_and_pop: FIFO with length bookkeeping, growing past its initial ring', () => {
    const q = new InjectQueue<number>();
    for (let i = 0; i < 300; i++) expect(q.push(i)).toBe(true);
    expect(q.length).toBe(300);
    for (let i = 0; i < 300; i++) expect(q.pop()).toBe(i);
    expect(q.isEmpty()).toBe(true);
    expect(q.pop()).toBeUndefined();
  });

  it('push_batch_and_pop: popping a batch of 5 twice from 10 drains it', () => {
    const q = new InjectQueue<number>();
    q.pushBatch([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 10);
    const local = new LocalQueue<number>();
    const scratch: number[] = [];
    expect(q.popNInto(5, local, scratch)).toBe(0);
    expect(q.length).toBe(5);
    expect(q.popNInto(5, local, scratch)).toBe(5);
    expect(q.length).toBe(0);
    const got: number[] = [];
    for (let t = local.pop(); t !== undefined; t = local.pop()) got.push(t);
    expect(got).toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
  });

  it('a closed queue refuses pushes and batches (the caller drops them); close reports only the first time', () => {
    const q = new InjectQueue<number>();
    q.push(1);
    expect(q.close()).toBe(true);
    expect(q.close()).toBe(false);
    expect(q.push(2)).toBe(false);
    expect(q.pushBatch([3, 4], 2)).toBe(false);
    expect(q.length).toBe(1);
    expect(q.pop()).toBe(1);
  });

  it('batch size: min(len / workers + 1, min(free slots, 128)), at least 1', () => {
    expect(injectBatchSize(0, 4, 256, 256)).toBe(1);
    expect(injectBatchSize(10, 4, 256, 256)).toBe(3);
    expect(injectBatchSize(1000, 1, 256, 256)).toBe(128);
    expect(injectBatchSize(1000, 2, 5, 256)).toBe(5);
    expect(injectBatchSize(1000, 2, 0, 256)).toBe(1);
  });
});
