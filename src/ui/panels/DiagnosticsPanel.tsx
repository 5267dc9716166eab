/**
 * Everything the lab has to say about the run besides its trace: compile errors and warnings, how the run
 * stopped, restarts of the worker, and the simulator's findings (leaks, lost wake-ups, lost
 * panics), each linked to its task and source line.
 */
import { useLab, useReport } from '../lab/lab-context.tsx';
import { taskMeaning } from '../source/problem-text.ts';
import type { SourceProblem } from '../../worker/protocol.ts';

/** A compile error (✕) or one of rustc's warnings (⚠, with the lab's sentence on tasks). */
function ProblemItem({ problem: p, onShow }: { problem: SourceProblem; onShow: (line: number) => void }) {
  const warning = p.severity === 'warning';
  const meaning = taskMeaning(p);
  return (
    <li className={`diagnostic ${warning ? 'diagnostic-warning' : 'diagnostic-error'}`}>
      <span className="diagnostic-glyph" aria-hidden="true">
        {warning ? '⚠' : '✕'}
      </span>
      <button type="button" className="link-button" onClick={() => onShow(p.line)}>
        line {p.line}:{p.col}
      </button>{' '}
      {warning ? `warning: ${p.message}` : p.message}
      {p.hint !== undefined && <span className="hint"> — {p.hint}</span>}
      {meaning !== undefined && <span className="hint"> {meaning}</span>}
    </li>
  );
}

export function DiagnosticsPanel() {
  const lab = useLab();
  const phase = useReport((r) => r.phase);
  const problems = useReport((r) => r.problems);
  const warnings = useReport((r) => r.warnings);
  const findings = useReport((r) => r.findings);
  const notice = useReport((r) => r.notice);
  const show = (task: number, line: number) => {
    if (task > 0) lab.store.getState().actions.selectTask(task);
    if (line > 0) lab.ui.getState().revealLine(line);
  };
  const empty = phase !== 'compile-error' && findings.length === 0 && warnings.length === 0 && notice === undefined;
  return (
    <section className="region region-diagnostics" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      <ul className="diagnostics" data-testid="diagnostics">
        {notice !== undefined && (
          <li className="diagnostic diagnostic-notice">
            <span className="diagnostic-glyph" aria-hidden="true">
              !
            </span>
            {notice}
          </li>
        )}
        {phase === 'compile-error' &&
          problems.map((p, i) => <ProblemItem key={`p${i}`} problem={p} onShow={(line) => show(0, line)} />)}
        {phase !== 'compile-error' &&
          warnings.map((p, i) => <ProblemItem key={`w${i}`} problem={p} onShow={(line) => show(0, line)} />)}
        {findings.map((f, i) => (
          <li key={`f${i}`} className="diagnostic diagnostic-finding">
            <span className="diagnostic-glyph" aria-hidden="true">
              ⚠
            </span>
            {(f.task > 0 || f.line > 0) && (
              <button type="button" className="link-button" onClick={() => show(f.task, f.line)}>
                {f.task > 0 ? `task ${f.task}` : ''}
                {f.task > 0 && f.line > 0 ? ', ' : ''}
                {f.line > 0 ? `line ${f.line}` : ''}
              </button>
            )}{' '}
            {f.message}
          </li>
        ))}
        {empty && <li className="muted">{phase === 'running' ? 'Running…' : 'No problems found.'}</li>}
      </ul>
    </section>
  );
}
