/**
 * The presenter window (`p`): the slide on show, the next one, the notes, the quiz answers, the
 * talk's timer and the stage (the deck's bar holds the lab's controls). The audience window follows everything it does over BroadcastChannel.
 */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { Lesson, Quiz } from '../../lessons/types.ts';
import { answerOf } from './quiz-answer.ts';
import { Stage } from '../layout/Stage.tsx';
import { NarrationPanel } from '../panels/NarrationPanel.tsx';
import { renderMarkdown } from './markdown.ts';
import { SlideBody } from './SlideView.tsx';
import type { SyncActor } from './use-presenter-sync.ts';

export interface PresenterViewProps {
  readonly lesson: Lesson;
  readonly index: number;
  readonly sync: SyncActor | undefined;
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const mm = String(Math.floor(s / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${mm}:${ss}`;
}

function Timer({ sync }: { sync: SyncActor }) {
  const elapsed = useSelector(sync, (s) => s.context.elapsedMs);
  const running = useSelector(sync, (s) => s.matches({ presenter: { timer: 'running' } }));
  const audiences = useSelector(sync, (s) => s.context.audiences.length);
  return (
    <div className="presenter-timer" role="group" aria-label="Timer">
      <span className="timer-value" data-testid="timer">
        {clock(elapsed)}
      </span>
      <button type="button" onClick={() => sync.send({ type: 'TIMER.TOGGLE' })}>
        {running ? '‖ Pause timer' : '▶ Resume timer'}
      </button>
      <button type="button" onClick={() => sync.send({ type: 'TIMER.RESET' })}>
        ⟲ Reset
      </button>
      <span className="muted" data-testid="audiences">
        {audiences === 0 ? 'No audience window yet' : `${audiences} audience window${audiences === 1 ? '' : 's'}`}
      </span>
    </div>
  );
}

function Answers({ quizzes }: { quizzes: readonly Quiz[] }) {
  if (quizzes.length === 0) return null;
  return (
    <section className="presenter-answers" aria-labelledby="answers-title">
      <h2 id="answers-title">Quiz answers</h2>
      <ol data-testid="quiz-answers">
        {quizzes.map((q, i) => (
          <li key={i}>
            <code>{answerOf(q)}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function PresenterView({ lesson, index, sync }: PresenterViewProps) {
  const slide = lesson.slides[index];
  const next = lesson.slides[index + 1];
  const notes = useMemo(() => renderMarkdown(slide?.notes || '_No notes for this slide._'), [slide?.notes]);
  if (slide === undefined) return null;
  return (
    <main className="presenter" aria-label="Presenter">
      <section className="presenter-current" aria-labelledby="presenter-current-title">
        <p className="muted">
          Slide {index + 1} / {lesson.slides.length}
        </p>
        <h2 id="presenter-current-title">{slide.title}</h2>
        <SlideBody slide={slide} />
      </section>
      <section className="presenter-notes" aria-labelledby="notes-title">
        <h2 id="notes-title">Notes</h2>
        <div dangerouslySetInnerHTML={{ __html: notes }} />
      </section>
      <section className="presenter-next" aria-labelledby="next-title">
        <h2 id="next-title">Next</h2>
        <p data-testid="next-slide">{next === undefined ? 'The end.' : `${index + 2}. ${next.title}`}</p>
        {next !== undefined && (
          <div className="presenter-next-preview">
            <SlideBody slide={next} />
          </div>
        )}
      </section>
      <Answers quizzes={slide.quizzes} />
      {sync !== undefined && <Timer sync={sync} />}
      <div className="presenter-lab">
        <NarrationPanel />
        <Stage strips={false} />
      </div>
    </main>
  );
}
