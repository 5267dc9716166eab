/**
 * What a run came to, as the explorer groups runs: how it ended (exit status, panic, deadlock,
 * a stop), what it printed, and which diagnostics the simulator's fold found. Two runs with the
 * same outcome key land in one group. Diagnostics are named by kind and source line, never by
 * task id: ids are handed out in spawn order, which itself can change from schedule to schedule.
 */
import type { RunResult } from '../lang/run.ts';
import {
  EventKind,
  decodeEvent,
  describeDiagnostic,
  diagnose,
  type Diagnostic,
  type SimEvent,
  type TraceRecorder,
} from '../sim/index.ts';

export type OutcomeStatus = 'ok' | 'error' | 'panic' | 'deadlock' | 'step-limit' | 'runaway' | 'internal';

export interface Outcome {
  readonly status: OutcomeStatus;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Distinct findings, e.g. "leaked-task @ line 7", sorted. */
  readonly findings: readonly string[];
  /** One sentence per distinct finding (for people). */
  readonly findingText: readonly string[];
  /** Equal keys, equal outcomes. */
  readonly key: string;
}

function statusOf(r: RunResult): OutcomeStatus {
  if (r.stop !== undefined) return r.stop;
  if (r.exitCode === 101 || r.stderr.includes(' panicked at ')) return 'panic';
  return r.exitCode === 0 ? 'ok' : 'error';
}

/** The kinds the diagnostics fold reads; decoding only these keeps a run's classification cheap. */
const DIAGNOSED = new Set<number>([
  EventKind.TaskSpawned,
  EventKind.TaskState,
  EventKind.TaskRef,
  EventKind.TaskStage,
  EventKind.CoopBudget,
  EventKind.JoinSetDrop,
  EventKind.ShutdownPhase,
]);

function* diagnosedEvents(trace: TraceRecorder): Generator<SimEvent> {
  const str = (i: number): string => trace.string(i);
  for (const r of trace.raws()) if (DIAGNOSED.has(r.kind)) yield decodeEvent(r, str);
}

function lineOf(d: Diagnostic): number {
  return 'line' in d ? d.line : 0;
}

export function outcomeOf(r: RunResult): Outcome {
  const diags = diagnose(diagnosedEvents(r.world.trace));
  const seen = new Map<string, string>();
  for (const d of diags) {
    const id = `${d.kind} @ line ${lineOf(d)}`;
    if (!seen.has(id)) seen.set(id, describeDiagnostic(d).replace(/^task \d+/, 'a task'));
  }
  const findings = [...seen.keys()].sort();
  const status = statusOf(r);
  const key = JSON.stringify([status, r.exitCode, r.stdout, r.stderr, findings]);
  return {
    status,
    exitCode: r.exitCode,
    stdout: r.stdout,
    stderr: r.stderr,
    findings,
    findingText: findings.map((f) => seen.get(f) ?? f),
    key,
  };
}
