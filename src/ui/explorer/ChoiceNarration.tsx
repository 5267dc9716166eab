/**
 * The narration's second line (issue 16): the decisions Tokio made in the step on show, one
 * sentence each. Where the run on show parted from the most common explored run, that decision
 * is marked and says what the common run took instead.
 */
import { useMemo } from 'react';
import { selectPosition, selectTimeline } from '../../store/index.ts';
import { choiceSentence, eventsOfStep, partedSentence } from '../../store/narration/index.ts';
import { useLabState } from '../lab/lab-context.tsx';
import { decisionAt } from '../../flow/explorer/index.ts';
import { useSchedule } from './use-explore.ts';

export function ChoiceNarration() {
  const timeline = useLabState(selectTimeline);
  const position = useLabState(selectPosition);
  const parted = useSchedule((s) => s.parted);
  // Only while schedules are the subject: every multi_thread step decides something.
  const scheduler = useSchedule((s) => s.scheduler);
  const scheduled = useLabState((s) => s.config.replayKey !== undefined);
  const shown = scheduler || scheduled || parted !== undefined;
  const lines = useMemo(() => {
    // Not shown: no scan of the trace on every frame of a run that is not about schedules.
    if (!shown || position <= 0) return [];
    const ordinal = timeline.stepAtPosition(position) - 1;
    const first = timeline.positionOfStep(ordinal);
    const choices = eventsOfStep(timeline, ordinal, position).filter((e) => e.type === 'choice');
    if (choices.length === 0) return [];
    let decision = decisionAt(timeline, first);
    return choices.map((e) => {
      const d = decision++;
      const isParted = parted !== undefined && parted.decision === d;
      return { d, isParted, text: isParted ? partedSentence(e, parted.mainTaken) : choiceSentence(e) };
    });
  }, [timeline, position, parted, shown]);
  if (lines.length === 0) return null;
  return (
    <ul className="choice-narration" data-testid="choice-narration">
      {lines.map((l) => (
        <li
          key={l.d}
          className={l.isParted ? 'parted' : undefined}
          data-testid={l.isParted ? 'parted-choice' : undefined}
        >
          <span aria-hidden="true">{l.isParted ? '◆ ' : '◇ '}</span>
          {l.text}.
        </li>
      ))}
    </ul>
  );
}
