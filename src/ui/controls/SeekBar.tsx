/** The seek bar over every step of the run, with the step and virtual time shown as text. */
import { useMemo } from 'react';
import {
  selectConfig,
  selectPlayback,
  selectStepCount,
  selectStepPosition,
  selectTimeline,
  selectVirtualTime,
} from '../../store/index.ts';
import { pressMarks } from './press-marks.ts';
import { useLab, useLabState } from '../lab/lab-context.tsx';
import { formatMs } from './format.ts';
import { canMove } from './playback-actions.ts';

export function SeekBar() {
  const lab = useLab();
  const step = useLabState(selectStepPosition);
  const steps = useLabState(selectStepCount);
  const time = useLabState(selectVirtualTime);
  const status = useLabState(selectPlayback);
  const text = `step ${step} of ${steps}, t = ${formatMs(time)}`;
  const timeline = useLabState(selectTimeline);
  const presses = useLabState(selectConfig).ctrlCAfterSteps;
  // The steps where Ctrl-C was pressed (issue 17), marked over the slider.
  const marks = useMemo(
    () => (presses === undefined || steps === 0 ? [] : pressMarks(timeline, presses)),
    [timeline, presses, steps],
  );
  const input = (
    <input
      type="range"
      className="seek-bar"
      min={0}
      max={steps}
      step={1}
      value={step}
      disabled={!canMove(status)}
      aria-label="Step"
      aria-valuetext={text}
      onChange={(e) => lab.send({ type: 'SEEK', to: Number(e.target.value), unit: 'step' })}
    />
  );
  return (
    <div className="seek">
      {marks.length === 0 ? (
        input
      ) : (
        <div className="seek-track">
          {input}
          {marks.map((m, k) => (
            <span
              key={`${k}-${m}`}
              className="seek-mark"
              data-testid="ctrl-c-mark"
              title={`Ctrl-C arrived at step ${m}`}
              style={{ left: `calc(0.5rem + (100% - 1rem) * ${m / steps})` }}
            >
              ^C
            </span>
          ))}
        </div>
      )}
      <output className="seek-text" aria-live="off">
        step <strong data-testid="step-position">{step}</strong> / <span data-testid="step-count">{steps}</span> · t ={' '}
        {formatMs(time)}
      </output>
    </div>
  );
}
