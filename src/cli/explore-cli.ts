/** The text `npm run sim -- prog.rs --explore` prints: one block per outcome group, then coverage. */
import type { ExploreReport, OutcomeGroup } from '../explore/index.ts';

const MAX_LINES = 8;

function indentBlock(label: string, text: string): string[] {
  if (text === '') return [`    ${label}: (nothing)`];
  const lines = text.replace(/\n$/, '').split('\n');
  const shown = lines
    .slice(0, MAX_LINES)
    .map((l, i) => `    ${i === 0 ? `${label}:` : ' '.repeat(label.length + 1)} ${l}`);
  if (lines.length > MAX_LINES)
    shown.push(`    ${' '.repeat(label.length + 1)} … ${lines.length - MAX_LINES} more lines`);
  return shown;
}

function statusText(g: OutcomeGroup): string {
  const o = g.outcome;
  switch (o.status) {
    case 'ok':
      return 'finished, exit 0';
    case 'error':
      return `main returned Err, exit ${o.exitCode}`;
    case 'panic':
      return `panicked, exit ${o.exitCode}`;
    case 'deadlock':
      return 'DEADLOCK: no task can run, no timer is pending, main never finishes';
    case 'step-limit':
      return 'stopped at the step limit (the program never ended)';
    case 'runaway':
      return 'stopped: a loop never yielded';
    case 'internal':
      return 'internal error of the simulator';
  }
}

export function formatExploreReport(report: ExploreReport, file: string, seconds: number): string[] {
  const n = report.groups.length;
  const out = [
    `explored ${file}: ${report.runs} run${report.runs === 1 ? '' : 's'} (strategy ${report.strategy}), ${n} distinct outcome${n === 1 ? '' : 's'}`,
  ];
  report.groups.forEach((g, i) => {
    const pct = ((100 * g.count) / Math.max(1, report.runs)).toFixed(1);
    out.push('', `#${i + 1}  ${g.count} run${g.count === 1 ? '' : 's'} (${pct}%)  ${statusText(g)}`);
    out.push(...indentBlock('stdout', g.outcome.stdout));
    if (g.outcome.stderr !== '') out.push(...indentBlock('stderr', g.outcome.stderr));
    for (const f of g.outcome.findingText) out.push(`    finding: ${f}`);
    out.push(`    replay: --replay ${g.replayKey}   (first seen in run ${g.firstRun + 1}, ${g.decisions} decisions)`);
    const p = g.partedAt;
    if (p !== null) {
      out.push(
        p.point === 'end'
          ? `    parts from #1 at step ${p.step}: same decisions until one run stops deciding`
          : `    parts from #1 at step ${p.step}: decision ${p.index} (${p.point}, ${p.options} options): ${p.what}`,
      );
    }
  });
  const d = report.dfs;
  if (d !== undefined) {
    out.push('');
    if (d.nondeterministic) out.push('dfs: WARNING the program made different decisions on the same schedule');
    if (!d.exhausted) out.push(`dfs: stopped after ${report.runs} runs; schedules remain (raise --runs)`);
    else if (d.cutByPreemptions === 0 && d.cutByDepth === 0) out.push('dfs: all schedules covered');
    else {
      const cuts: string[] = [];
      if (d.cutByPreemptions > 0) cuts.push(`${d.cutByPreemptions} branches over the preemption bound`);
      if (d.cutByDepth > 0) cuts.push(`${d.cutByDepth} runs decided past the depth bound`);
      out.push(`dfs: all schedules within the bounds covered (left out: ${cuts.join('; ')})`);
    }
  }
  const rate = seconds > 0 ? Math.round(report.runs / seconds) : 0;
  out.push('', `${rate} runs/s`);
  return out;
}
