/**
 * One slide as the learner reads it: the title; the prose, quizzes and challenge (scrolling
 * together when long); the program in the source pane (editable; edits are saved and can be
 * reset), which keeps its share of the column; and the cue, pinned under the code.
 */
import { useSelector } from '@xstate/react';
import { useMemo, useRef, useSyncExternalStore } from 'react';
import type { Slide } from '../../lessons/types.ts';
import { ChallengePanel } from '../challenge/ChallengePanel.tsx';
import { CHALLENGE_COPY } from '../challenge/challenge-kinds.tsx';
import { useUi } from '../lab/lab-context.tsx';
import { SourcePanel } from '../source/SourcePanel.tsx';
import { EDITED_RUN } from './lesson-session.ts';
import type { LessonSession } from './lesson-session.ts';
import { renderMarkdown } from './markdown.ts';
import { QuizCard } from './QuizCard.tsx';
import { SlideExplore } from './SlideExplore.tsx';
import { useMoreBelow } from './use-overflow-hint.ts';

export interface SlideViewProps {
  readonly session: LessonSession;
  readonly slide: Slide;
  readonly index: number;
  readonly total: number;
  readonly linkTo: (seed: number, step: number) => string;
}

export function SlideBody({ slide }: { slide: Slide }) {
  const html = useMemo(() => renderMarkdown(slide.body), [slide.body]);
  return <div className="slide-prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

function CodeStatus({ session, index }: { session: LessonSession; index: number }) {
  const draft = useUi((u) => u.draft);
  const loaded = useSyncExternalStore(session.subscribe, () => session.current);
  const edited = draft !== session.originalSource(index);
  if (loaded?.check === true) {
    return (
      <p className="code-status check-status" role="status">
        <span aria-hidden="true">⚑ </span>The lab replays the checker's run for seed {loaded.seed}:{' '}
        {CHALLENGE_COPY[session.slide(index)?.challenge?.kind ?? 'pool'].replayed}{' '}
        <button type="button" onClick={() => session.enter(index, { seed: session.defaultSeed(index) })}>
          Back to your own run
        </button>
      </p>
    );
  }
  if (!edited) return <p className="muted code-status">The slide's program. Edit it and press Run to try a change.</p>;
  return (
    <p className="code-status" role="status">
      <span aria-hidden="true">✎ </span>Your edited version (saved in this browser).{' '}
      <button type="button" onClick={() => session.resetCode()}>
        Reset to the slide's program
      </button>
    </p>
  );
}

export function SlideView({ session, slide, index, total, linkTo }: SlideViewProps) {
  const answers = useSelector(session.actor, (s) => s.context.answers);
  const run = useSelector(session.actor, (s) => s.context.run);
  const say = useSelector(session.actor, (s) => s.context.say);
  // The slide's own program folds to what matters; the learner's edit is shown whole.
  const edited = useUi((u) => u.draft) !== session.originalSource(index);
  const words = useRef<HTMLDivElement>(null);
  const more = useMoreBelow(words);
  const blocked =
    run.status === 'failed'
      ? run.message === EDITED_RUN
        ? "The lab is running your edited code; reset to the slide's program to check answers."
        : `The run failed (${run.message}), so it cannot check answers yet.`
      : undefined;
  return (
    <article className="slide" aria-labelledby="slide-title" data-slide-id={slide.id}>
      <p className="slide-number" aria-hidden="true">
        {index + 1} / {total}
      </p>
      <h2 id="slide-title" tabIndex={-1}>
        {slide.title}
      </h2>
      {/* Focusable: when it scrolls, the keyboard can scroll it (axe: scrollable-region-focusable). */}
      <div
        ref={words}
        className="slide-scroll"
        tabIndex={0}
        role="region"
        aria-label="Slide text"
        data-more={more ? 'below' : undefined}
      >
        <SlideBody slide={slide} />
        {slide.quizzes.map((quiz, i) => (
          <QuizCard
            key={`${slide.id}#${i}`}
            quiz={quiz}
            index={i}
            record={answers[session.quizKey(index, i)]}
            blocked={blocked}
            answer={(response) => session.actor.send({ type: 'QUIZ.ANSWER', quiz: i, response })}
            retry={() => session.actor.send({ type: 'QUIZ.RETRY', quiz: i })}
          />
        ))}
        {slide.explore !== undefined && <SlideExplore explore={slide.explore} />}
        {slide.challenge !== undefined && (
          <ChallengePanel session={session} kind={slide.challenge.kind} linkTo={linkTo} />
        )}
        {/* The words scroll within their region; when some are below it, say so on screen. */}
        {more && (
          <p className="slide-more" aria-hidden="true">
            ▾ more — scroll
          </p>
        )}
      </div>
      {(slide.scenario !== undefined || slide.challenge !== undefined) && (
        <div className="slide-code">
          <SourcePanel folded={!edited} focus={slide.scenario?.focus} />
          <CodeStatus session={session} index={index} />
        </div>
      )}
      {/* Pinned under the code, outside the scrolling text: the cue is never scrolled away. */}
      {say !== undefined && (
        <p className="cue-say" role="status" data-testid="cue-say">
          <span className="cue-label">Cue </span>
          {say}
        </p>
      )}
    </article>
  );
}
