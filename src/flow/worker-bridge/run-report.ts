/**
 * What the lab shows about a run besides its trace: compile errors (inline in the editor), how
 * the run ended (a panic, the interpreter's step limit, a cut-off), the simulator's diagnostics
 * (leaks, lost wake-ups, lost panics) and notices such as a restarted worker. A small zustand
 * vanilla store beside the lab store, filled by the worker run source.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { RunEnd, RunFinding, SourceProblem } from '../../worker/protocol.ts';

export type ReportPhase = 'idle' | 'running' | 'compile-error' | 'ended' | 'lost';

export interface RunReport {
  readonly phase: ReportPhase;
  readonly problems: readonly SourceProblem[];
  /** rustc's warnings about the program that runs (shown in the source, not as errors). */
  readonly warnings: readonly SourceProblem[];
  readonly end: RunEnd | undefined;
  readonly findings: readonly RunFinding[];
  /** One sentence the UI shows prominently (a restarted worker, a cut-off run). */
  readonly notice: string | undefined;
}

export interface RunReportActions {
  started(): void;
  compileFailed(problems: readonly SourceProblem[]): void;
  compileWarned(warnings: readonly SourceProblem[]): void;
  ended(end: RunEnd, findings: readonly RunFinding[]): void;
  lost(message: string): void;
}

export type RunReportState = RunReport & { readonly actions: RunReportActions };
export type RunReportStore = StoreApi<RunReportState>;

export const IDLE_REPORT: RunReport = {
  phase: 'idle',
  problems: [],
  warnings: [],
  end: undefined,
  findings: [],
  notice: undefined,
};

/** The problems to mark in the source: compile errors, or the warnings and the place a failed run stopped. */
export function sourceProblemsOf(r: RunReport): readonly SourceProblem[] {
  if (r.phase === 'compile-error') return r.problems;
  if (r.end?.kind === 'failed') return [...r.warnings, r.end.problem];
  return r.warnings;
}

export function noticeOfEnd(end: RunEnd): string | undefined {
  switch (end.kind) {
    case 'finished':
      return end.exitCode === 0 ? undefined : `The program exited with code ${end.exitCode}.`;
    case 'failed': {
      const at = end.problem.line > 0 ? ` at line ${end.problem.line}` : '';
      return `The run stopped${at}: ${end.problem.message}`;
    }
    case 'truncated':
      return `The run was cut off after ${end.events.toLocaleString('en-US')} events; the lab keeps no more.`;
    case 'stopped':
      return `You stopped the run after ${end.events.toLocaleString('en-US')} events; what ran can still be played.`;
  }
}

export function createRunReportStore(): RunReportStore {
  return createStore<RunReportState>()((set) => ({
    ...IDLE_REPORT,
    actions: {
      started: () => set({ ...IDLE_REPORT, phase: 'running' }),
      compileFailed: (problems) => set({ ...IDLE_REPORT, phase: 'compile-error', problems }),
      compileWarned: (warnings) => set({ warnings }),
      ended: (end, findings) => set({ phase: 'ended', end, findings, notice: noticeOfEnd(end) }),
      lost: (message) => set({ phase: 'lost', notice: message }),
    },
  }));
}
