import { describe, expect, it } from 'vitest';
import { ctrlCMarks, ctrlCMarkText } from './ctrl-c-marks.ts';

describe('the timeline’s Ctrl-C marks', () => {
  it('marks each step a press arrived at, inside the steps shown', () => {
    expect(ctrlCMarks([3, 12, 40], 10, 41)).toEqual([
      { step: 12, presses: 1 },
      { step: 40, presses: 1 },
    ]);
    // the window ends before toStep: a press at the step after the current one is not drawn yet
    expect(ctrlCMarks([41], 10, 41)).toEqual([]);
    expect(ctrlCMarks([], 0, 60)).toEqual([]);
  });

  it('counts presses that arrived in the same step on one mark', () => {
    const marks = ctrlCMarks([5, 5, 5, 9], 0, 20);
    expect(marks).toEqual([
      { step: 5, presses: 3 },
      { step: 9, presses: 1 },
    ]);
    expect(marks.map(ctrlCMarkText)).toEqual([
      { label: '^C×3', title: '3 Ctrl-C presses arrived at step 5' },
      { label: '^C', title: 'Ctrl-C arrived at step 9' },
    ]);
  });
});
