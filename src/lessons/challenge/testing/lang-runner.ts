/**
 * The checker's runner over the interpreter, in-process (the app uses the worker instead). Kept
 * in testing/: the app must not pull the interpreter onto the page's thread.
 */
import { compile, runProgram } from '../../../lang/run.ts';
import type { SimEvent } from '../../../sim/events.ts';
import type { ChallengeRun, ChallengeRunner } from '../check-challenge.ts';

export function runInProcess(source: string, seed: number): ChallengeRun {
  const c = compile(source, 'src/main.rs');
  if (!c.ok) {
    const d = c.diagnostics[0];
    return { ok: false, message: d?.message ?? 'does not compile', line: d?.line ?? 0 };
  }
  const r = runProgram(c.program, { seed });
  if (r.error !== undefined) return { ok: false, message: r.error };
  const events: SimEvent[] = [];
  for (let i = 0; i < r.world.trace.length; i++) events.push(r.world.trace.decode(i));
  return { ok: true, stdout: r.stdout, events };
}

export const inProcessRunner: ChallengeRunner = (source, seed) => Promise.resolve(runInProcess(source, seed));

/** Whether the interpreter compiles `source` yet (it is built concurrently). */
export function interpreterReady(source: string): boolean {
  try {
    return compile(source, 'src/main.rs').ok;
  } catch {
    return false;
  }
}
