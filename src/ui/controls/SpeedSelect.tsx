/** Playback speed: 0.25× to 16×, or as fast as the frame budget allows. */
import { isSpeed, selectSpeed, SPEEDS } from '../../store/index.ts';
import { useLab, useLabState } from '../lab/lab-context.tsx';
import { speedLabel } from './format.ts';

export function SpeedSelect() {
  const lab = useLab();
  const speed = useLabState(selectSpeed);
  return (
    <label className="field speed-field">
      <span>Speed</span>
      <select
        aria-label="Speed"
        value={String(speed)}
        onChange={(e) => {
          const v = e.target.value === 'max' ? 'max' : Number(e.target.value);
          if (isSpeed(v)) lab.send({ type: 'SET_SPEED', speed: v });
        }}
      >
        {SPEEDS.map((s) => (
          <option key={String(s)} value={String(s)}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
