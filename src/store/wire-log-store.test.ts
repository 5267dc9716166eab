import { describe, expect, it } from 'vitest';
import { createLabStore } from './lab-store.ts';
import { packedRun, SLEEPERS_PROGRAM } from '../worker/testing/packed-run.ts';
import { WireLog } from '../worker/wire-log.ts';

describe('the lab store with the compact event log', () => {
  it('shows the same view at every position as with the default log, and keeps no event objects', () => {
    const stores = [createLabStore(), createLabStore({ createLog: () => new WireLog() })];
    const runs = stores.map((s) => s.getState().actions.beginRun());
    let packed = 0;
    for (const { batch, events } of packedRun(SLEEPERS_PROGRAM, 64)) {
      stores.forEach((s, k) => s.getState().actions.appendEvents(runs[k], events, undefined, batch));
      packed += batch.count;
    }
    const length = stores[0].getState().timeline.length;
    expect(length).toBe(packed);
    expect(stores[1].getState().timeline.length).toBe(length);
    for (let p = length; p >= 0; p -= 37) {
      const [x, y] = stores.map((s) => {
        s.getState().actions.seek(p);
        return s.getState().view;
      });
      expect(y).toEqual(x);
    }
    expect(stores[1].getState().timeline.eventAt(length - 1)).toEqual(
      stores[0].getState().timeline.eventAt(length - 1),
    );
  });
});
