/**
 * A day's challenge as an exercise (issues 6 and 17): the learner edits the starter in the source
 * pane; the check button runs it on several seeds, each with the checker's own setup (injected
 * connection failures for the pool, generated clients for the echo server), and lists every broken
 * rule with the step where it broke and a link that opens that moment in the lab. The checking
 * itself is pure (src/lessons/challenge); what differs per kind is in challenge-kinds.tsx.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChallengeKind } from '../../lessons/types.ts';
import type { LessonSession } from '../lesson/lesson-session.ts';
import { CHALLENGE_COPY } from './challenge-kinds.tsx';
import type { ShownReport, ShownSeed } from './challenge-kinds.tsx';
import { ExploredResult } from './ExploredResult.tsx';
import { workerChallengeRunner } from './worker-runner.ts';

export interface ChallengePanelProps {
  readonly session: LessonSession;
  readonly kind: ChallengeKind;
  /** The URL that opens the checker's run of `seed` at `step`. */
  readonly linkTo: (seed: number, step: number) => string;
}

type Phase = { kind: 'idle' } | { kind: 'checking'; done: ShownSeed[] } | { kind: 'done'; report: ShownReport };

function SeedResult({ r, props }: { r: ShownSeed; props: ChallengePanelProps }) {
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
        — {r.summary}.
      </p>
      {r.findings.length > 0 && (
        <ul className="findings">
          {r.findings.map((f, i) => (
            <li key={i} data-kind={f.kind}>
              <strong>{f.title}.</strong> {f.message}{' '}
              <a
                href={props.linkTo(r.seed, f.step)}
                onClick={(e) => {
                  e.preventDefault();
                  history.replaceState(null, '', props.linkTo(r.seed, f.step));
                  props.session.openCheck(r.seed, f.step);
                }}
              >
                Show step {f.step} (seed {r.seed})
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
  const copy = CHALLENGE_COPY[props.kind];
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
    const done: ShownSeed[] = [];
    setPhase({ kind: 'checking', done: [] });
    runner.current ??= workerChallengeRunner(undefined, copy.searchRuns);
    const report = await copy.check(source, runner.current.run, {
      search: runner.current.search,
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
      <h3 id="challenge-title">{copy.heading}</h3>
      <p>{copy.rules(copy.searchRuns)}</p>
      <button type="button" className="primary" onClick={() => void check()} disabled={phase.kind === 'checking'}>
        {phase.kind === 'checking' ? `Checking… (${phase.done.length}/${copy.seeds})` : copy.button}
      </button>
      {phase.kind === 'done' && (
        <p
          className={`verdict ${phase.report.passed ? 'verdict-pass' : 'verdict-fail'}`}
          role="status"
          data-testid="verdict"
        >
          <span aria-hidden="true">{phase.report.passed ? '✓ ' : '✕ '}</span>
          {phase.report.passed
            ? copy.passed(phase.report.seeds.length)
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
