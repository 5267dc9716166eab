/**
 * The playback runner's source of traces in the app: the simulation worker (src/worker/client.ts)
 * behind flow's `RunSource` seam. Compile errors and lost workers fail the run (there is no trace
 * to play); a run that stops with a located message still finishes, so its trace up to that
 * point can be played, and the message goes to the run report.
 */
import type { SimWorkerClient } from '../../worker/client.ts';
import { formatProblem } from './format-problem.ts';
import type { RunSource } from '../runner.ts';
import type { RunReportStore } from './run-report.ts';

/** The file name problems are reported against (the learner edits one main.rs). */
export const MAIN_FILE = 'src/main.rs';

export function workerRunSource(client: Pick<SimWorkerClient, 'start'>, report: RunReportStore): RunSource {
  return {
    start: (request, sink) => {
      const actions = report.getState().actions;
      actions.started();
      return client.start(
        { source: request.program.source, file: MAIN_FILE, config: request.config },
        {
          events: (events, locals, records) => sink.batch(events, locals, records),
          compileError: (problems) => {
            actions.compileFailed(problems);
            sink.error(problems.map((p) => formatProblem(MAIN_FILE, p)).join('\n'));
          },
          compileWarnings: (problems) => actions.compileWarned(problems),
          done: (end, findings) => {
            actions.ended(end, findings);
            sink.done();
          },
          lost: (message) => {
            actions.lost(message);
            sink.error(message);
          },
        },
      );
    },
    stopped: (events) => report.getState().actions.ended({ kind: 'stopped', events }, []),
  };
}
