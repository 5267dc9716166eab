/**
 * The outcome groups of an exploration, most common first: how each ended, what it printed that
 * the most common did not, its findings, and a button that opens its first run in the lab at the
 * step where it parted from the most common run.
 */
import type { WireExploreReport } from '../../worker/protocol.ts';
import { useLab } from '../lab/lab-context.tsx';
import { countText, groupTitle, panicLine, stdoutDiff } from './group-words.ts';
import { useExplore } from './use-explore.ts';

export function ExploreGroups({ report, source }: { readonly report: WireExploreReport; readonly source: string }) {
  const lab = useLab();
  const opened = useExplore((s) => s.opened);
  const main = report.groups[0];
  return (
    <ol className="explore-groups" data-testid="explore-groups">
      {report.groups.map((g, i) => {
        const diff = main === undefined || i === 0 ? [] : stdoutDiff(main.stdout, g.stdout);
        const panic = panicLine(g);
        return (
          <li
            key={g.replayKey}
            className={`explore-group status-${g.status}${opened === i ? ' opened' : ''}`}
            data-testid="explore-group"
          >
            <div className="explore-group-head">
              <span className="explore-count">{countText(g.count, report.runs)}</span>
              <span className="explore-title">{groupTitle(g)}</span>
              {i === 0 && <span className="explore-common">most common</span>}
            </div>
            {panic !== undefined && <p className="explore-panic">{panic}</p>}
            {g.findings.map((f) => (
              <p key={f} className="explore-finding">
                <span aria-hidden="true">⚠ </span>
                {f}
              </p>
            ))}
            {diff.length > 0 && (
              <pre className="explore-diff" aria-label="stdout compared with the most common run">
                {diff.map((d, k) => (
                  <span key={k} className={`diff-${d.sign === '-' ? 'del' : d.sign === '+' ? 'add' : 'same'}`}>
                    {`${d.sign} ${d.text}\n`}
                  </span>
                ))}
              </pre>
            )}
            <button
              type="button"
              className="explore-open"
              data-testid="explore-open"
              onClick={() => {
                lab.explore.getState().actions.opened(i);
                lab.driver.open(source, g.replayKey, g.partedAt?.decision, g.partedAt?.mainTaken);
              }}
            >
              {g.partedAt === null ? 'Open its first run' : 'Open where it parts'}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
