/** Compact playback controls for a 640×360 frame: start, back, play/pause, step, end and a seek bar. */
import { selectPlayback, selectStepCount, selectStepPosition } from '../store/index.ts';
import { canMove, perform } from '../ui/controls/playback-actions.ts';
import type { PlaybackAction } from '../ui/controls/playback-actions.ts';
import { useLab, useLabState } from '../ui/lab/lab-context.tsx';

const BUTTONS: readonly { action: Exclude<PlaybackAction, object>; glyph: string; label: string }[] = [
  { action: 'start', glyph: '⇤', label: 'Back to the start' },
  { action: 'back', glyph: '◁', label: 'Step back' },
  { action: 'toggle', glyph: '', label: '' },
  { action: 'step', glyph: '▷', label: 'Step forward' },
  { action: 'end', glyph: '⇥', label: 'To the end' },
];

export function EmbedControls() {
  const lab = useLab();
  const status = useLabState(selectPlayback);
  const step = useLabState(selectStepPosition);
  const steps = useLabState(selectStepCount);
  const enabled = canMove(status);
  const playing = status === 'playing';
  return (
    <div className="embed-controls" role="group" aria-label="Playback">
      {BUTTONS.map((b) => {
        const label = b.action === 'toggle' ? (playing ? 'Pause' : 'Play') : b.label;
        const glyph = b.action === 'toggle' ? (playing ? '❚❚ Pause' : '▶ Play') : b.glyph;
        return (
          <button
            key={b.action}
            type="button"
            className={b.action === 'toggle' ? 'embed-button embed-play' : 'embed-button'}
            disabled={!enabled}
            aria-label={label}
            title={label}
            onClick={() => perform(lab, b.action)}
          >
            <span aria-hidden="true">{glyph}</span>
          </button>
        );
      })}
      <input
        className="embed-seek"
        type="range"
        min={0}
        max={Math.max(steps, 0)}
        value={Math.min(step, steps)}
        disabled={!enabled || steps === 0}
        aria-label="Step"
        aria-valuetext={`step ${step} of ${steps}`}
        onChange={(e) => lab.send({ type: 'SEEK', to: Number(e.target.value), unit: 'step' })}
      />
      <span className="embed-step" data-testid="embed-step" aria-live="off">
        {step}/{steps}
      </span>
    </div>
  );
}
