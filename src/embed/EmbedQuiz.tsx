/**
 * The current slide's quizzes, compact: pick a choice (or type a state word), see whether it was
 * right, and tell the host (`quizAnswered`). Graded against the slide's run by src/lessons.
 */
import { useState } from 'react';
import { gradeQuiz } from '../lessons/grade.ts';
import type { Grade, QuizResponse } from '../lessons/grade.ts';
import type { Quiz, Slide } from '../lessons/types.ts';
import type { SimEvent } from '../store/index.ts';
import type { LabStore } from '../store/index.ts';
import type { EmbedSession } from './embed-session.ts';

function runEvents(store: LabStore): SimEvent[] {
  const { timeline } = store.getState();
  const out: SimEvent[] = [];
  for (let i = 0; i < timeline.length; i++) {
    const e = timeline.eventAt(i);
    if (e !== undefined) out.push(e);
  }
  return out;
}

interface Props {
  readonly session: EmbedSession;
  readonly store: LabStore;
  readonly lesson: string;
  readonly slideNumber: number;
  readonly slide: Slide;
}

function OneQuiz({
  quiz,
  index,
  onAnswer,
}: {
  quiz: Quiz;
  index: number;
  onAnswer: (r: QuizResponse, answer: string) => Grade;
}) {
  const [grade, setGrade] = useState<Grade | undefined>(undefined);
  const [text, setText] = useState('');
  const answer = (r: QuizResponse, label: string) => setGrade(onAnswer(r, label));
  return (
    <fieldset className="embed-quiz" disabled={grade !== undefined}>
      <legend>
        {index + 1}. {quiz.prompt}
      </legend>
      {quiz.kind === 'state-word' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            answer({ text }, text);
          }}
        >
          <input aria-label="State word" value={text} onChange={(e) => setText(e.target.value)} placeholder="0b…" />
          <button type="submit">Answer</button>
        </form>
      ) : (
        quiz.choices.map((c, i) => (
          <button key={i} type="button" onClick={() => answer({ choice: i }, c.text)}>
            {c.text}
          </button>
        ))
      )}
      {grade !== undefined && (
        <p role="status" className={grade.correct ? 'embed-right' : 'embed-wrong'}>
          {grade.correct ? '✓ Right.' : `✕ Not quite: ${grade.expected}.`}
        </p>
      )}
    </fieldset>
  );
}

export function EmbedQuiz({ session, store, lesson, slideNumber, slide }: Props) {
  const stdout = slide.scenario?.expected ?? '';
  return (
    <div className="embed-quizzes">
      {slide.quizzes.map((quiz, i) => (
        <OneQuiz
          key={`${slideNumber}-${i}`}
          quiz={quiz}
          index={i}
          onAnswer={(response, answer) => {
            const grade = gradeQuiz(quiz, response, { stdout, events: runEvents(store) });
            session.emit({
              type: 'quizAnswered',
              lesson,
              slide: slideNumber,
              quiz: i + 1,
              answer,
              correct: grade.correct,
            });
            return grade;
          }}
        />
      ))}
    </div>
  );
}
