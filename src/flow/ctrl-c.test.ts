import { describe, expect, it } from 'vitest';
import { createLabStore } from '../store/index.ts';
import { threeStepTrace } from '../store/view/trace-fixtures.ts';
import { ctrlCCommand, withPress } from './ctrl-c.ts';

const trace = threeStepTrace;

describe('the Ctrl-C press', () => {
  it('adds a press after the given step and keeps the earlier ones', () => {
    const config = { flavor: 'current_thread' as const, workers: 1, seed: 7, replayKey: '7-2.1' };
    expect(withPress(config, 4)).toEqual({ ...config, ctrlCAfterSteps: [4] });
    expect(withPress(withPress(config, 4), 9).ctrlCAfterSteps).toEqual([4, 9]);
  });

  it('replays the run from the start with a press after the step on show, and plays on from there', () => {
    const store = createLabStore({ config: { seed: 7 } });
    expect(ctrlCCommand(store.getState())).toBeUndefined();
    const { actions } = store.getState();
    const run = actions.beginRun();
    const events = trace();
    actions.appendEvents(run, events);
    const afterSecond = events.findIndex((e) => e.step === 2);
    actions.seek(afterSecond);
    const c = ctrlCCommand(store.getState());
    expect(c).toMatchObject({ type: 'LOAD', step: 2, resume: true });
    expect(c?.config?.seed).toBe(7);
    // the view shows simulator step 1 last: the press arrives right after it
    expect(c?.config?.ctrlCAfterSteps).toEqual([1]);
    expect(c?.program).toBe(store.getState().program);
  });
});
