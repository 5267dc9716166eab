/**
 * Where an exploration is, in one line: what it will do, its progress (runs done, runs per
 * second), or its result (runs, outcomes, and for DFS whether every schedule was covered).
 * The lab's explore panel and a lesson slide's explore section both show it.
 */
import type { ExplorePhase } from '../../store/explorer/index.ts';

function rate(r: number): string {
  return r >= 100 ? r.toFixed(0) : r.toFixed(1);
}

export function ExploreSummary({ phase }: { readonly phase: ExplorePhase }) {
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
