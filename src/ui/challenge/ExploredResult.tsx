/**
 * What the checker's schedule search found (issue 16): how many schedules and outcomes it saw,
 * and, when one broke an invariant, what broke and a share link (v2, with the replay key) that
 * opens exactly that schedule in the lab, at the step of the first broken invariant.
 */
import { useEffect, useState } from 'react';
import type { ExploredReport } from '../../lessons/challenge/check-challenge.ts';
import { encodeShare, shareUrl } from '../../store/share/index.ts';
import { useLab } from '../lab/lab-context.tsx';
import { configOfSource } from '../lesson/run-config.ts';

function useScheduleLink(explored: ExploredReport): string | undefined {
  const lab = useLab();
  const [href, setHref] = useState<string | undefined>(undefined);
  const failing = explored.failing;
  useEffect(() => {
    let live = true;
    if (failing === undefined) return undefined;
    const moment = {
      program: { source: failing.source, origin: { kind: 'scratch' as const } },
      config: { ...configOfSource(failing.source, explored.seed), replayKey: failing.replayKey },
      step: failing.findings[0]?.violation.step ?? 0,
      views: lab.store.getState().openViews,
      task: undefined,
    };
    void encodeShare(moment).then((e) => {
      if (live && e.kind === 'ok') setHref(shareUrl(window.location.href, e.value));
    });
    return () => {
      live = false;
    };
  }, [lab, failing, explored.seed]);
  return href;
}

export function ExploredResult({ explored }: { readonly explored: ExploredReport }) {
  const href = useScheduleLink(explored);
  const head = `Explored ${explored.runs} schedules of seed ${explored.seed}: ${explored.outcomes} ${explored.outcomes === 1 ? 'outcome' : 'outcomes'}`;
  if (explored.message !== undefined) {
    return (
      <p className="explored-result seed-error" data-testid="explored" data-outcome="error">
        {head}; the search stopped: {explored.message}
      </p>
    );
  }
  if (explored.failing === undefined) {
    return (
      <p className="explored-result seed-passed" data-testid="explored" data-outcome="passed">
        {head}, none broke an invariant.
      </p>
    );
  }
  return (
    <div className="explored-result seed-failed" data-testid="explored" data-outcome="failed">
      <p>{head}. The first run of an outcome broke an invariant:</p>
      <ul>
        {explored.failing.findings.map((f, i) => (
          <li key={i}>{f.message}</li>
        ))}
      </ul>
      {href !== undefined && (
        <a href={href} target="_blank" rel="noreferrer" data-testid="explored-link">
          Open this schedule in the lab <span aria-hidden="true">↗</span>
        </a>
      )}
    </div>
  );
}
