/** The seek bar over every step of the run, with the step and virtual time shown as text. */
import { selectPlayback, selectStepCount, selectStepPosition, selectVirtualTime } from '../../store/index.ts';
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
  return (
    <div className="seek">
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
      <output className="seek-text" aria-live="off">
        step <strong data-testid="step-position">{step}</strong> / <span data-testid="step-count">{steps}</span> · t ={' '}
        {formatMs(time)}
      </output>
    </div>
  );
}
