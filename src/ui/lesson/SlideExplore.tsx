/**
 * A slide's "Explore schedules" section (`::explore{…}`, issue 16): runs the program in the
 * slide's lab (the scenario, or the learner's edit of it) under the slide's strategy and run
 * budget in the explore worker, then lists the outcome groups. Each group opens its first run in
 * the slide's lab, at the step where it parted from the most common run.
 */
import '../explorer/explore.css';
import type { ExploreRef } from '../../lessons/types.ts';
import { ExploreGroups } from '../explorer/ExploreGroups.tsx';
import { ExploreSummary } from '../explorer/ExploreSummary.tsx';
import { useExplore } from '../explorer/use-explore.ts';
import { useLab, useUi } from '../lab/lab-context.tsx';

export function SlideExplore({ explore }: { readonly explore: ExploreRef }) {
  const lab = useLab();
  const draft = useUi((u) => u.draft);
  const phase = useExplore((s) => s.phase);
  // The explore store outlives the slide: show only an exploration of the program on screen.
  const mine = phase.kind === 'failed' || (phase.kind !== 'idle' && phase.source === draft);
  const shown = mine ? phase : ({ kind: 'idle' } as const);
  const report = shown.kind === 'done' || shown.kind === 'exploring' ? shown.report : undefined;
  const source = shown.kind === 'done' || shown.kind === 'exploring' ? shown.source : '';
  const start = () => {
    lab.explore.getState().actions.setSettings({ strategy: explore.strategy, runs: explore.runs });
    lab.explorer.start(draft, lab.store.getState().config);
  };
  return (
    <section className="slide-explore" aria-labelledby="slide-explore-title" data-testid="slide-explore">
      <h3 id="slide-explore-title">Explore schedules</h3>
      <p className="muted">
        {explore.runs} runs, strategy{' '}
        {explore.strategy === 'dfs' ? 'DFS' : explore.strategy === 'pct' ? 'PCT' : 'random'}
      </p>
      {shown.kind === 'exploring' ? (
        <button type="button" data-testid="explore-cancel" onClick={() => lab.explorer.cancel()}>
          Cancel
        </button>
      ) : (
        <button type="button" className="explore-go" data-testid="explore-go" onClick={start}>
          Explore schedules
        </button>
      )}
      <ExploreSummary phase={shown} />
      {report !== undefined && report.groups.length > 0 && <ExploreGroups report={report} source={source} />}
    </section>
  );
}
