import { describe, expect, it } from 'vitest';
import { INITIAL_VIEW_STATE } from '../../../store/index.ts';
import { TraceHistory } from '../../../store/view/derive-history.ts';
import { changeMotionMs, MAX_ANIMATED_EVENTS } from './motion.ts';
import type { ViewInput } from './view-input.ts';

const history = new TraceHistory();
const at = (step: number, position: number): ViewInput => ({
  view: { ...INITIAL_VIEW_STATE, step },
  position,
  history,
  selectedTask: undefined,
  flavor: 'current_thread',
  workers: 1,
  motionMs: 300,
});

describe('changeMotionMs', () => {
  it('animates a step forward or back, and a jump of a few events', () => {
    expect(changeMotionMs(at(11, 5_000), at(10, 1_000))).toBe(300);
    expect(changeMotionMs(at(9, 900), at(10, 1_000))).toBe(300);
    expect(changeMotionMs(at(14, 1_000 + MAX_ANIMATED_EVENTS), at(10, 1_000))).toBe(300);
  });

  it('draws a seek across many steps and events at once, and the first frame too', () => {
    expect(changeMotionMs(at(400, 90_000), at(10, 1_000))).toBe(0);
    expect(changeMotionMs(at(12, 1_001 + MAX_ANIMATED_EVENTS), at(10, 1_000))).toBe(0);
    expect(changeMotionMs(at(10, 1_000), undefined)).toBe(0);
  });
});
