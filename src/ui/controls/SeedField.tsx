/** The run's seed (design.md §4: a run is program, config, seed): changing it re-runs the program. */
import { useState } from 'react';
import { selectSeed } from '../../store/index.ts';
import { useLab, useLabState } from '../lab/lab-context.tsx';
import { parseSeed } from './format.ts';

export function SeedField() {
  const lab = useLab();
  const seed = useLabState(selectSeed);
  const [text, setText] = useState<string | undefined>(undefined);
  const shown = text ?? String(seed);
  const parsed = parseSeed(shown);
  const apply = () => {
    if (parsed !== undefined && parsed !== seed) lab.send({ type: 'CHANGE_SEED', seed: parsed });
    setText(undefined);
  };
  return (
    <label className="field seed-field">
      <span>Seed</span>
      <input
        type="text"
        inputMode="numeric"
        value={shown}
        size={6}
        aria-invalid={parsed === undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          if (e.key === 'Escape') setText(undefined);
        }}
      />
    </label>
  );
}
