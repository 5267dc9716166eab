/** The explore panel's settings row: strategy, runs, and the strategy's bound. */
import { EXPLORE_STRATEGIES, MAX_EXPLORE_RUNS } from '../../store/explorer/index.ts';
import type { ExploreSettings as ExploreSettingsValue, ExploreStrategy } from '../../store/explorer/index.ts';
import { useLab } from '../lab/lab-context.tsx';
import { useExplore } from './use-explore.ts';

const STRATEGY_LABELS: Readonly<Record<ExploreStrategy, string>> = {
  random: 'Random seeds',
  pct: 'PCT (priorities)',
  dfs: 'Every schedule (DFS)',
};

/** The one bound each strategy has besides the runs. */
const BOUNDS = {
  pct: {
    field: 'depth',
    label: 'Depth',
    title: 'PCT finds every bug that needs at most depth − 1 priority changes',
    min: 1,
    max: 50,
  },
  dfs: {
    field: 'preemptions',
    label: 'Preemptions',
    title: 'Most times a schedule switches away from a thread that could go on',
    min: 0,
    max: 20,
  },
} as const;

export function ExploreSettings({ disabled }: { readonly disabled: boolean }) {
  const lab = useLab();
  const settings = useExplore((s) => s.settings);
  const bound = settings.strategy === 'random' ? undefined : BOUNDS[settings.strategy];
  const set = (patch: Partial<ExploreSettingsValue>) => lab.explore.getState().actions.setSettings(patch);
  return (
    <div className="explore-settings">
      <label className="field">
        <span>Strategy</span>
        <select
          value={settings.strategy}
          disabled={disabled}
          data-testid="explore-strategy"
          onChange={(e) => {
            const v = EXPLORE_STRATEGIES.find((s) => s === e.target.value);
            if (v !== undefined) set({ strategy: v });
          }}
        >
          {EXPLORE_STRATEGIES.map((s) => (
            <option key={s} value={s}>
              {STRATEGY_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label={settings.strategy === 'dfs' ? 'At most' : 'Runs'}
        value={settings.runs}
        max={MAX_EXPLORE_RUNS}
        min={1}
        disabled={disabled}
        testId="explore-runs"
        onChange={(runs) => set({ runs })}
      />
      {bound !== undefined && (
        <NumberField
          key={bound.field}
          label={bound.label}
          title={bound.title}
          min={bound.min}
          max={bound.max}
          value={settings[bound.field]}
          disabled={disabled}
          onChange={(v) => set({ [bound.field]: v })}
        />
      )}
    </div>
  );
}

interface NumberFieldProps {
  readonly label: string;
  readonly title?: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly disabled: boolean;
  readonly testId?: string;
  readonly onChange: (value: number) => void;
}

function NumberField({ label, title, value, min, max, disabled, testId, onChange }: NumberFieldProps) {
  return (
    <label className="field" title={title}>
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}
