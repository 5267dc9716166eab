/** The explorer's report (src/explore) in the protocol's wire form: plain data, no choice logs. */
import type { ExploreReport } from '../explore/index.ts';
import type { WireExploreReport } from './protocol.ts';

export function wireExploreReport(r: ExploreReport): WireExploreReport {
  const groups = r.groups.map((g) => ({
    status: g.outcome.status,
    exitCode: g.outcome.exitCode,
    stdout: g.outcome.stdout,
    stderr: g.outcome.stderr,
    findings: g.outcome.findingText,
    count: g.count,
    firstRun: g.firstRun,
    replayKey: g.replayKey,
    partedAt:
      g.partedAt === null
        ? null
        : {
            step: g.partedAt.step,
            decision: g.partedAt.index,
            what: g.partedAt.what,
            ...(g.partedAt.mainTaken !== undefined ? { mainTaken: g.partedAt.mainTaken } : {}),
          },
  }));
  const d = r.dfs;
  return d === undefined
    ? { strategy: r.strategy, runs: r.runs, groups }
    : {
        strategy: r.strategy,
        runs: r.runs,
        groups,
        covered: { exhausted: d.exhausted, cut: d.cutByPreemptions > 0 || d.cutByDepth > 0 },
      };
}
