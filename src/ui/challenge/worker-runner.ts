/**
 * The challenge checker's runner in the app: each seed's program runs in its own simulation
 * worker (src/worker/client.ts), off the page's thread, so a learner's runaway loop costs one
 * restarted worker and a clear message, never the page or their code.
 */
import type { ChallengeRun, ChallengeRunner } from '../../lessons/challenge/check-challenge.ts';
import type { SimEvent } from '../../store/index.ts';
import { SimWorkerClient } from '../../worker/client.ts';
import type { WorkerFactory } from '../../worker/client.ts';
import { configOfSource } from '../lesson/run-config.ts';

export function workerChallengeRunner(factory?: WorkerFactory): { run: ChallengeRunner; dispose(): void } {
  let client: SimWorkerClient | undefined;
  const get = (): SimWorkerClient => (client ??= new SimWorkerClient(factory));
  const run: ChallengeRunner = (source, seed) =>
    new Promise<ChallengeRun>((resolve) => {
      const events: SimEvent[] = [];
      let stdout = '';
      get().start(
        { source, file: 'src/main.rs', config: configOfSource(source, seed) },
        {
          events: (batch) => {
            for (const e of batch) {
              events.push(e);
              if (e.type === 'stdout') stdout += e.text;
            }
          },
          compileError: (problems) => {
            const p = problems[0];
            resolve({ ok: false, message: p?.message ?? 'the program does not compile', line: p?.line ?? 0 });
          },
          done: (end) => {
            if (end.kind === 'failed') resolve({ ok: false, message: end.problem.message, line: end.problem.line });
            else if (end.kind === 'truncated')
              resolve({ ok: false, message: `the run was cut off after ${end.events} events` });
            else resolve({ ok: true, stdout, events });
          },
          lost: (message) => resolve({ ok: false, message }),
        },
      );
    });
  return {
    run,
    dispose: () => {
      client?.dispose();
      client = undefined;
    },
  };
}
