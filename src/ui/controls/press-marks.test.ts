import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../store/index.ts';
import { threeStepTrace } from '../../store/view/trace-fixtures.ts';
import { ordinalAfter, pressMarks } from './press-marks.ts';

const trace = threeStepTrace;

describe('Ctrl-C marks on the seek bar', () => {
  it('marks a press on the seek bar at the first step after it', () => {
    const store = createLabStore();
    const { actions } = store.getState();
    actions.appendEvents(actions.beginRun(), trace());
    const t = store.getState().timeline;
    expect(ordinalAfter(t, 0)).toBe(2);
    expect(ordinalAfter(t, 1)).toBe(3);
    expect(ordinalAfter(t, 2)).toBeUndefined();
    expect(pressMarks(t, [0, 1, 5])).toEqual([2, 3]);
  });
});
