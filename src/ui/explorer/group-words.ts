/**
 * How an outcome group reads in the panel (issue 16): a title for how the runs ended, and a short
 * diff of their stdout against the most common group's, so the learner sees at a glance what the
 * rare schedule changes.
 */
import type { WireOutcomeGroup } from '../../worker/protocol.ts';

/** "prints …", "panics", "deadlock", … with the findings (leaks, lost wake-ups) after it. */
export function groupTitle(g: WireOutcomeGroup): string {
  const base: Record<WireOutcomeGroup['status'], string> = {
    ok: 'finishes',
    error: `main returns Err (exit ${g.exitCode})`,
    panic: 'panics',
    deadlock: 'deadlock: nothing can run and main never finishes',
    'step-limit': 'stopped: too many steps',
    runaway: 'stopped: a task never yields',
    internal: 'the simulator failed',
  };
  return base[g.status];
}

/** The first line of stderr that says why it panicked ("thread 'main' panicked at …"). */
export function panicLine(g: WireOutcomeGroup): string | undefined {
  if (g.status !== 'panic') return undefined;
  const lines = g.stderr.split('\n').filter((l) => l.trim() !== '');
  return lines.find((l) => l.includes('panicked at')) ?? lines[0];
}

export interface DiffLine {
  readonly sign: '-' | '+' | ' ';
  readonly text: string;
}

/**
 * The stdout lines around the first place `text` differs from `base` (a few lines, not a full
 * diff): one line of context, then what the common run printed (−) and what this one printed (+).
 */
export function stdoutDiff(base: string, text: string, most = 4): DiffLine[] {
  if (base === text) return [];
  const a = base.split('\n');
  const b = text.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let ea = a.length;
  let eb = b.length;
  while (ea > i && eb > i && a[ea - 1] === b[eb - 1]) {
    ea--;
    eb--;
  }
  const out: DiffLine[] = [];
  if (i > 0) out.push({ sign: ' ', text: a[i - 1] ?? '' });
  for (const t of a.slice(i, Math.min(ea, i + most))) out.push({ sign: '-', text: t });
  for (const t of b.slice(i, Math.min(eb, i + most))) out.push({ sign: '+', text: t });
  return out;
}

/** "1 run (0.2%)" */
export function countText(count: number, runs: number): string {
  const pct = runs > 0 ? (100 * count) / runs : 0;
  const shown = pct >= 10 || pct === 0 ? pct.toFixed(0) : pct.toFixed(1);
  return `${count} ${count === 1 ? 'run' : 'runs'} (${shown}%)`;
}
