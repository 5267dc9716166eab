/**
 * The run's status in words (run-status.ts decides what may be claimed). `data-phase` carries
 * the worker's phase, so tests can wait for a computed trace without reading the words.
 */
import { selectPlayback, selectStepCount, selectStepPosition } from '../../store/index.ts';
import { useLabState, useReport } from '../lab/lab-context.tsx';
import { runStatusText } from './run-status.ts';

export function RunStatus() {
  const phase = useReport((r) => r.phase);
  const end = useReport((r) => r.end);
  const notice = useReport((r) => r.notice);
  const step = useLabState(selectStepPosition);
  const steps = useLabState(selectStepCount);
  const playing = useLabState(selectPlayback) === 'playing';
  const s = runStatusText({ phase, end, step, steps, playing });
  return (
    <span
      className={`run-status run-status-${s.state}`}
      role="status"
      data-testid="run-status"
      data-phase={phase}
      data-state={s.state}
      title={notice ?? s.text}
    >
      {s.text}
    </span>
  );
}
