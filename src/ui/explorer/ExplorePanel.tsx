/**
 * The explore panel (issue 16): run the lab's program under many schedules in a worker of its
 * own, watch the progress (runs done, runs per second, Cancel), then read the outcome groups and
 * open any of them in the lab. DFS says when every schedule within its bounds has run.
 */
import './explore.css';
import { useLab } from '../lab/lab-context.tsx';
import { ExploreGroups } from './ExploreGroups.tsx';
import { ExploreSettings } from './ExploreSettings.tsx';
import { ExploreSummary } from './ExploreSummary.tsx';
import { useExplore } from './use-explore.ts';

export function ExplorePanel() {
  const lab = useLab();
  const phase = useExplore((s) => s.phase);
  const exploring = phase.kind === 'exploring';
  const report = phase.kind === 'done' ? phase.report : phase.kind === 'exploring' ? phase.report : undefined;
  const source = phase.kind === 'done' || phase.kind === 'exploring' ? phase.source : '';
  return (
    <section className="bar-panel explore-panel" aria-labelledby="explore-title" data-testid="explore-panel">
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
      <ExploreSummary phase={phase} />
      {report !== undefined && report.groups.length > 0 && <ExploreGroups report={report} source={source} />}
    </section>
  );
}
