/**
 * The narration: one plain sentence for the step on show, in an aria-live region. While playing,
 * the region is not live (a sentence every few hundred ms would drown a screen reader); pausing
 * or stepping makes it live again. While a breakpoint or a run-to target holds playback, the
 * sentence starts by saying so (issue 11); the header's status has no room for it at 1280 px.
 */
import { useMemo } from 'react';
import {
  selectConfig,
  selectIo,
  selectPlayback,
  selectPosition,
  selectStepPosition,
  selectStopNote,
  selectTasks,
  selectTimeline,
  stopNoteText,
} from '../../store/index.ts';
import { flavorOfTrace, narrationAt } from '../../store/narration/index.ts';
import { useLabState, useReport } from '../lab/lab-context.tsx';
import { ChoiceNarration } from '../explorer/ChoiceNarration.tsx';

const NOT_COMPILED = 'The program does not compile: fix the marked line, then press Run (Ctrl+Enter).';

export function NarrationPanel() {
  const timeline = useLabState(selectTimeline);
  const position = useLabState(selectPosition);
  const step = useLabState(selectStepPosition);
  const configured = useLabState(selectConfig).flavor;
  const playing = useLabState(selectPlayback) === 'playing';
  const phase = useReport((r) => r.phase);
  const notice = useReport((r) => r.notice);
  const tasks = useLabState(selectTasks);
  const stopNote = useLabState(selectStopNote);
  const sockets = useLabState(selectIo).names;
  const narrated = useMemo(
    // The program's #[tokio::main] picks its runtime; the trace says which it was.
    () =>
      narrationAt(timeline, position, {
        flavor: flavorOfTrace(timeline) ?? configured,
        taskName: (id) => tasks.get(id)?.name,
        socketName: (id) => sockets[id],
      }),
    [timeline, position, configured, tasks, sockets],
  );
  // With no trace to tell, say why.
  const sentence =
    phase === 'compile-error' ? NOT_COMPILED : phase === 'lost' && notice !== undefined ? notice : narrated;
  return (
    <section className="narration" aria-labelledby="narration-title">
      <h2 id="narration-title" className="visually-hidden">
        Narration
      </h2>
      <p className="narration-step" aria-hidden="true">
        {step > 0 ? `Step ${step}` : 'Start'}
      </p>
      <p className="narration-text" aria-live={playing ? 'off' : 'polite'} data-testid="narration">
        {stopNote !== undefined && (
          <strong className="narration-stop" data-testid="stop-note">
            {stopNoteText(stopNote)}{' '}
          </strong>
        )}
        {sentence}
      </p>
      <ChoiceNarration />
    </section>
  );
}
