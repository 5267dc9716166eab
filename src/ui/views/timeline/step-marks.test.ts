import { describe, expect, it } from 'vitest';
import type { FaultView } from '../../../store/view/reduce-io.ts';
import { stepMarkKey, stepMarks, stepMarkText } from './step-marks.ts';

const reset = (step: number, conn: number): FaultView => ({ step, fault: 'reset', by: 'client', conn, port: 40000 });

describe('the timeline’s step marks', () => {
  it('marks each step a press arrived at, inside the steps shown', () => {
    expect(stepMarks([3, 12, 40], [], 10, 41)).toEqual([
      { kind: 'ctrl-c', step: 12, presses: 1 },
      { kind: 'ctrl-c', step: 40, presses: 1 },
    ]);
    // the window ends before toStep: a press at the step after the current one is not drawn yet
    expect(stepMarks([41], [], 10, 41)).toEqual([]);
    expect(stepMarks([], [], 0, 60)).toEqual([]);
  });

  it('counts presses that arrived in the same step on one mark', () => {
    const marks = stepMarks([5, 5, 5, 9], [], 0, 20);
    expect(marks).toEqual([
      { kind: 'ctrl-c', step: 5, presses: 3 },
      { kind: 'ctrl-c', step: 9, presses: 1 },
    ]);
    expect(marks.map(stepMarkText)).toEqual([
      { label: '^C×3', title: '3 Ctrl-C presses arrived at step 5' },
      { label: '^C', title: 'Ctrl-C arrived at step 9' },
    ]);
  });

  it('marks each step a network fault was applied, faults of one step on one mark', () => {
    const refused: FaultView = { step: 30, fault: 'refuse', by: 'client', conn: 3, port: 8080 };
    const marks = stepMarks([30], [reset(7, 1), reset(30, 2), refused, reset(90, 4)], 5, 60);
    expect(marks.map((m) => [m.kind, m.step])).toEqual([
      ['ctrl-c', 30],
      ['fault', 7],
      ['fault', 30],
    ]);
    // a press and a fault in one step are two marks with two keys
    expect(new Set(marks.map(stepMarkKey)).size).toBe(3);
    expect(stepMarkText(marks[1])).toEqual({
      label: 'RST c1',
      title: 'At step 7: connection 1: the client reset it, so the server gets ConnectionReset (a planned fault)',
    });
    expect(stepMarkText(marks[2]).label).toBe('RST c2+1');
    expect(stepMarkText(marks[2]).title).toMatch(/connection 2: .*; connection 3: the connect to port 8080 is refused/);
  });
});
