/**
 * The checker's runner over the interpreter, in-process (the app uses the worker instead). Kept
 * in testing/: the app must not pull the interpreter onto the page's thread.
 */
import { decodeReplayKey, explore, replay } from '../../../explore/index.ts';
import { compile, runProgram } from '../../../lang/run.ts';
import type { SimEvent } from '../../../sim/events.ts';
import type { ChallengeRun, ChallengeRunner, ScheduleSearch } from '../check-challenge.ts';

export function runInProcess(source: string, seed: number, replayKey?: string): ChallengeRun {
  const c = compile(source, 'src/main.rs');
  if (!c.ok) {
    const d = c.diagnostics[0];
    return { ok: false, message: d?.message ?? 'does not compile', line: d?.line ?? 0 };
  }
  const key = replayKey === undefined ? undefined : decodeReplayKey(replayKey);
  if (key?.ok === false) return { ok: false, message: key.message };
  const r =
    key === undefined ? runProgram(c.program, { seed }) : replay(c.program, {}, key.schedule.seed, key.schedule.forced);
  if (r.error !== undefined) return { ok: false, message: r.error };
  const events: SimEvent[] = [];
  for (let i = 0; i < r.world.trace.length; i++) events.push(r.world.trace.decode(i));
  return { ok: true, stdout: r.stdout, events };
}

export const inProcessRunner: ChallengeRunner = (source, seed, replayKey) =>
  Promise.resolve(runInProcess(source, seed, replayKey));

/** The explorer in-process: `runs` PCT schedules from `seed`, one replay key per outcome. */
export function inProcessSearch(runs: number): ScheduleSearch {
  return (source, seed) => {
    const c = compile(source, 'src/main.rs');
    if (!c.ok) return Promise.resolve({ ok: false, message: c.diagnostics[0]?.message ?? 'does not compile' });
    const r = explore(c.program, { strategy: 'pct', runs, seed });
    return Promise.resolve({ ok: true, keys: r.groups.map((g) => g.replayKey), runs: r.runs });
  };
}

/** Whether the interpreter compiles `source` yet (it is built concurrently). */
export function interpreterReady(source: string): boolean {
  try {
    return compile(source, 'src/main.rs').ok;
  } catch {
    return false;
  }
}
