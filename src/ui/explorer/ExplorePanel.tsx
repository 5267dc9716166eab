/**
 * The explore panel (issue 16): run the lab's program under many schedules in a worker of its
 * own, watch the progress (runs done, runs per second, Cancel), then read the outcome groups and
 * open any of them in the lab. DFS says when every schedule within its bounds has run.
 */
import './explore.css';
import type { ExplorePhase } from '../../store/explorer/index.ts';
import { useLab } from '../lab/lab-context.tsx';
import { ExploreGroups } from './ExploreGroups.tsx';
import { ExploreSettings } from './ExploreSettings.tsx';
import { useExplore } from './use-explore.ts';

function rate(r: number): string {
  return r >= 100 ? r.toFixed(0) : r.toFixed(1);
}

function Summary({ phase }: { readonly phase: ExplorePhase }) {
  switch (phase.kind) {
    case 'idle':
      return <p className="explore-status">Runs the program under many schedules and groups the runs by outcome.</p>;
    case 'failed':
      return (
        <p className="explore-status" role="alert">
          {phase.message}
        </p>
      );
    case 'exploring': {
      const runs = phase.report?.runs ?? 0;
      return (
        <div className="explore-status" data-testid="explore-progress">
          <progress value={runs} max={phase.of} aria-label="Runs done" />
          <span>
            {runs} / {phase.of} runs · {rate(phase.runsPerSecond)} runs/s
          </span>
        </div>
      );
    }
    case 'done': {
      const r = phase.report;
      const covered =
        r.covered === undefined
          ? undefined
          : r.covered.exhausted
            ? r.covered.cut
              ? 'All schedules covered (within the preemption bound)'
              : 'All schedules covered'
            : 'Not every schedule was covered: raise the runs to go on';
      return (
        <div className="explore-status" data-testid="explore-summary" aria-live="polite">
          <span>
            {r.runs} runs · {r.groups.length} {r.groups.length === 1 ? 'outcome' : 'outcomes'} ·{' '}
            <span data-testid="explore-rate">{rate(phase.runsPerSecond)}</span> runs/s
            {phase.cancelled ? ' · cancelled' : ''}
          </span>
          {covered !== undefined && (
            <strong className="explore-covered" data-testid="explore-covered">
              {covered}
            </strong>
          )}
        </div>
      );
    }
  }
}

export function ExplorePanel() {
  const lab = useLab();
  const phase = useExplore((s) => s.phase);
  const exploring = phase.kind === 'exploring';
  const report = phase.kind === 'done' ? phase.report : phase.kind === 'exploring' ? phase.report : undefined;
  const source = phase.kind === 'done' || phase.kind === 'exploring' ? phase.source : '';
  return (
    <section className="explore-panel" aria-labelledby="explore-title" data-testid="explore-panel">
      <div className="explore-head">
        <h2 id="explore-title">Explore schedules</h2>
        <button
          type="button"
          className="explore-close"
          aria-label="Close the explore panel"
          onClick={() => lab.explore.getState().actions.setPanelOpen(false)}
        >
          ×
        </button>
      </div>
      <ExploreSettings disabled={exploring} />
      <div className="explore-actions">
        {exploring ? (
          <button type="button" data-testid="explore-cancel" onClick={() => lab.explorer.cancel()}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="explore-go"
            data-testid="explore-go"
            onClick={() => lab.explorer.start(lab.ui.getState().draft, lab.store.getState().config)}
          >
            Explore
          </button>
        )}
      </div>
      <Summary phase={phase} />
      {report !== undefined && report.groups.length > 0 && <ExploreGroups report={report} source={source} />}
    </section>
  );
}
