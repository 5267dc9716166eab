/**
 * The pool challenge as an exercise (issue 6): the learner edits the starter in the source pane;
 * "Check my pool" runs it on several seeds, each with its own injected connection failures, and
 * lists every broken invariant with the step where it broke and a link that opens that moment in
 * the lab. The checking itself is pure (src/lessons/challenge); this is its screen.
 */
import { useEffect, useRef, useState } from 'react';
import {
  CHECK_SEEDS,
  checkChallenge,
  formatSchedule,
  POOL_SPEC,
  VIOLATION_TITLES,
} from '../../lessons/challenge/index.ts';
import type { ChallengeReport, SeedReport } from '../../lessons/challenge/index.ts';
import type { LessonSession } from '../lesson/lesson-session.ts';
import { ExploredResult } from './ExploredResult.tsx';
import { SEARCH_RUNS, workerChallengeRunner } from './worker-runner.ts';

export interface ChallengePanelProps {
  readonly session: LessonSession;
  /** The URL that opens the checker's run of `seed` at `step`. */
  readonly linkTo: (seed: number, step: number) => string;
}

type Phase = { kind: 'idle' } | { kind: 'checking'; done: SeedReport[] } | { kind: 'done'; report: ChallengeReport };

function SeedResult({ r, props }: { r: SeedReport; props: ChallengePanelProps }) {
  const failures = <code>{formatSchedule(r.schedule)}</code>;
  if (r.outcome === 'error') {
    return (
      <li className="seed-result seed-error" data-outcome="error">
        <p>
          <span aria-hidden="true">⚠ </span>
          <strong>Seed {r.seed}: did not run.</strong> {r.line ? `Line ${r.line}: ` : ''}
          {r.message}
        </p>
      </li>
    );
  }
  return (
    <li className={`seed-result seed-${r.outcome}`} data-outcome={r.outcome}>
      <p>
        <span aria-hidden="true">{r.outcome === 'passed' ? '✓ ' : '✕ '}</span>
        <strong>
          Seed {r.seed}:{' '}
          {r.outcome === 'passed' ? 'passed' : `${r.findings.length} problem${r.findings.length === 1 ? '' : 's'}`}
        </strong>{' '}
        — failures {failures}, {r.restarts} restart{r.restarts === 1 ? '' : 's'}.
      </p>
      {r.findings.length > 0 && (
        <ul className="findings">
          {r.findings.map((f, i) => (
            <li key={i} data-kind={f.violation.kind}>
              <strong>{VIOLATION_TITLES[f.violation.kind]}.</strong> {f.message}{' '}
              <a
                href={props.linkTo(r.seed, f.violation.step)}
                onClick={(e) => {
                  e.preventDefault();
                  history.replaceState(null, '', props.linkTo(r.seed, f.violation.step));
                  props.session.openCheck(r.seed, f.violation.step);
                }}
              >
                Show step {f.violation.step} (seed {r.seed})
              </a>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function ChallengePanel(props: ChallengePanelProps) {
  const { session } = props;
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const runner = useRef<ReturnType<typeof workerChallengeRunner> | null>(null);
  useEffect(
    () => () => {
      runner.current?.dispose();
      runner.current = null;
    },
    [],
  );
  const saved = session.book.lesson(session.lesson.id).challenge;

  const check = async () => {
    const source = session.lab.ui.getState().draft;
    const done: SeedReport[] = [];
    setPhase({ kind: 'checking', done: [] });
    runner.current ??= workerChallengeRunner();
    const report = await checkChallenge(source, runner.current.run, {
      explore: { search: runner.current.search },
      onSeed: (r) => {
        done.push(r);
        setPhase({ kind: 'checking', done: [...done] });
      },
    });
    session.book.saveChallenge(session.lesson.id, {
      passed: report.passed,
      seeds: report.seeds.length,
      seedsPassed: report.seeds.filter((s) => s.outcome === 'passed').length,
    });
    setPhase({ kind: 'done', report });
  };

  const shown = phase.kind === 'checking' ? phase.done : phase.kind === 'done' ? phase.report.seeds : [];
  return (
    <section className="challenge" aria-labelledby="challenge-title" data-testid="challenge">
      <h3 id="challenge-title">Check your pool</h3>
      <p>
        The checker runs your program on {CHECK_SEEDS.length} seeds. For each it replaces the <code>FAILURES</code>{' '}
        table (slot, attempt, ms until it fails) with its own schedule — seed 1 keeps the lesson's — and watches the
        trace: {POOL_SPEC.poolSize} connections up at every moment before {POOL_SPEC.deadlineMs}ms (a failed one
        restarted within {POOL_SPEC.restartBudgetMs}ms), and no task left alive when the runtime shuts down. Then it
        explores {SEARCH_RUNS} schedules of seed 1 and checks one run of each outcome the same way.
      </p>
      <button type="button" className="primary" onClick={() => void check()} disabled={phase.kind === 'checking'}>
        {phase.kind === 'checking' ? `Checking… (${phase.done.length}/${CHECK_SEEDS.length})` : 'Check my pool'}
      </button>
      {phase.kind === 'done' && (
        <p
          className={`verdict ${phase.report.passed ? 'verdict-pass' : 'verdict-fail'}`}
          role="status"
          data-testid="verdict"
        >
          <span aria-hidden="true">{phase.report.passed ? '✓ ' : '✕ '}</span>
          {phase.report.passed
            ? `Passed on all ${phase.report.seeds.length} seeds: the pool heals itself and shuts down cleanly.`
            : phase.report.seeds.every((s) => s.outcome === 'passed')
              ? `Not yet: every seed passed, but a schedule the explorer found broke an invariant.`
              : `Not yet: ${phase.report.seeds.filter((s) => s.outcome !== 'passed').length} of ${phase.report.seeds.length} seeds broke an invariant.`}
        </p>
      )}
      {phase.kind === 'idle' && saved !== undefined && (
        <p className="muted">
          Last check: {saved.passed ? 'passed' : `${saved.seedsPassed} of ${saved.seeds} seeds passed`}.
        </p>
      )}
      {shown.length > 0 && (
        <ul className="seed-results" aria-live="polite">
          {shown.map((r) => (
            <SeedResult key={r.seed} r={r} props={props} />
          ))}
        </ul>
      )}
      {phase.kind === 'done' && phase.report.explored !== undefined && (
        <ExploredResult explored={phase.report.explored} />
      )}
    </section>
  );
}
