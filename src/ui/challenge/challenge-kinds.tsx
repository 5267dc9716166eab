/**
 * What the challenge panel says and runs for each `::challenge{kind=…}`: its heading, the rules
 * in a paragraph, the button, each seed's one-line summary, and the typed checker, whose reports
 * become the panel's plain `ShownSeed`s. The checking itself is pure (src/lessons/challenge).
 */
import type { ReactNode } from 'react';
import {
  CHECK_SEEDS,
  checkChallenge,
  formatSchedule,
  POOL_SPEC,
  VIOLATION_TITLES,
} from '../../lessons/challenge/index.ts';
import type {
  CheckedSeed,
  ExploredReport,
  FailureSchedule,
  Located,
  ScheduleSearch,
} from '../../lessons/challenge/index.ts';
import type { ChallengeRunner } from '../../lessons/challenge/check-challenge.ts';
import { checkEchoServer, ECHO_SEEDS, ECHO_SPEC, ECHO_VIOLATION_TITLES } from '../../lessons/challenge/echo/index.ts';
import type { EchoPlan } from '../../lessons/challenge/echo/index.ts';
import type { ChallengeKind } from '../../lessons/types.ts';
import { SEARCH_RUNS } from './worker-runner.ts';

export interface ShownFinding {
  readonly kind: string;
  readonly title: string;
  readonly message: string;
  readonly step: number;
}

export type ShownSeed =
  | {
      readonly seed: number;
      readonly outcome: 'passed' | 'failed';
      readonly summary: ReactNode;
      readonly findings: readonly ShownFinding[];
    }
  | { readonly seed: number; readonly outcome: 'error'; readonly message: string; readonly line?: number };

export interface ShownReport {
  readonly passed: boolean;
  readonly seeds: readonly ShownSeed[];
  readonly explored?: ExploredReport;
}

export interface CheckHow {
  readonly onSeed: (seed: ShownSeed) => void;
  /** The schedule search (PCT over `searchRuns` schedules of the first seed). */
  readonly search: ScheduleSearch;
}

export interface ChallengeCopy {
  readonly heading: string;
  readonly button: string;
  readonly seeds: number;
  readonly rules: (searchRuns: number) => ReactNode;
  readonly passed: (seeds: number) => string;
  /** What the lab runs when a finding's link replays a seed (after "the checker's run for seed N:"). */
  readonly replayed: string;
  /** Schedules the search explores for this kind. */
  readonly searchRuns: number;
  check(source: string, run: ChallengeRunner, how: CheckHow): Promise<ShownReport>;
}

function shown<S, V extends Located, M>(
  r: CheckedSeed<S, V, M>,
  titles: Readonly<Record<V['kind'], string>>,
  summary: (setup: S, measure: M) => ReactNode,
): ShownSeed {
  if (r.outcome === 'error') return r;
  return {
    seed: r.seed,
    outcome: r.outcome,
    summary: summary(r.setup, r.measure),
    findings: r.findings.map((f) => ({
      kind: f.violation.kind,
      title: titles[f.violation.kind as V['kind']],
      message: f.message,
      step: f.violation.step,
    })),
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const POOL: ChallengeCopy = {
  heading: 'Check your pool',
  button: 'Check my pool',
  seeds: CHECK_SEEDS.length,
  searchRuns: SEARCH_RUNS,
  rules: (runs) => (
    <>
      The checker runs your program on {CHECK_SEEDS.length} seeds. For each it replaces the <code>FAILURES</code> table
      (slot, attempt, ms until it fails) with its own schedule — seed 1 keeps the lesson's — and watches the trace:{' '}
      {POOL_SPEC.poolSize} connections up at every moment before {POOL_SPEC.deadlineMs}ms (a failed one restarted within{' '}
      {POOL_SPEC.restartBudgetMs}ms), and no task left alive when the runtime shuts down. Then it explores {runs}{' '}
      schedules of seed 1 and checks one run of each outcome the same way.
    </>
  ),
  passed: (n) => `Passed on all ${n} seeds: the pool heals itself and shuts down cleanly.`,
  replayed: "your code with that seed's FAILURES table.",
  async check(source, run, how) {
    const summary = (schedule: FailureSchedule, restarts: number) => (
      <>
        failures <code>{formatSchedule(schedule)}</code>, {plural(restarts, 'restart')}
      </>
    );
    const r = await checkChallenge(source, run, {
      explore: { search: how.search },
      onSeed: (s) => how.onSeed(shown(s, VIOLATION_TITLES, summary)),
    });
    const seeds = r.seeds.map((s) => shown(s, VIOLATION_TITLES, summary));
    return { passed: r.passed, seeds, ...(r.explored !== undefined ? { explored: r.explored } : {}) };
  },
};

const ECHO: ChallengeCopy = {
  heading: 'Check your server',
  button: 'Check my server',
  seeds: ECHO_SEEDS.length,
  // One run of the server's harness costs what dozens of pool runs do: a shorter search.
  searchRuns: 30,
  rules: (runs) => (
    <>
      The checker keeps your code up to <code>#[tokio::main]</code> and puts its own <code>main</code> there. On each of{' '}
      {ECHO_SEEDS.length} seeds it calls <code>serve(listener, limit, token)</code> with a limit of 2 or 3 and starts 7
      to 10 clients: chatty ones, one that sends many lines at once, a slow reader, one that resets mid-stream and one
      that stays idle. From the trace (the server&apos;s sockets and the clients&apos; output) it checks that no more
      than <code>limit</code> connections are open at once, that every byte a client sent comes back in order, and that
      within {ECHO_SPEC.shutdownBudgetMs}ms of cancel <code>serve</code> returns with every connection closed. Then it
      explores {runs} schedules of seed 1 and checks one run of each outcome the same way.
    </>
  ),
  passed: (n) => `Passed on all ${n} seeds: the server keeps its limit, echoes every byte and stops cleanly.`,
  replayed: "your serve with the checker's clients in place of main.",
  async check(source, run, how) {
    const summary = (plan: EchoPlan, busiest: number) => (
      <>
        limit {plan.limit}, {plural(plan.clients.length, 'client')}, at most {busiest} open at once
      </>
    );
    const r = await checkEchoServer(source, run, {
      explore: { search: how.search },
      onSeed: (s) => how.onSeed(shown(s, ECHO_VIOLATION_TITLES, summary)),
    });
    const seeds = r.seeds.map((s) => shown(s, ECHO_VIOLATION_TITLES, summary));
    return { passed: r.passed, seeds, ...(r.explored !== undefined ? { explored: r.explored } : {}) };
  },
};

export const CHALLENGE_COPY: Readonly<Record<ChallengeKind, ChallengeCopy>> = { pool: POOL, 'echo-server': ECHO };
