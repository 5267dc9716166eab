/**
 * One predict-then-run quiz: the learner commits to an answer (a choice, a typed output or a state
 * word), then the slide's run decides. Right or wrong is said in words and a glyph, never colour
 * alone; the explanation follows.
 */
import { useId, useState } from 'react';
import type { QuizRecord } from '../../flow/lesson/lesson-types.ts';
import type { QuizResponse } from '../../lessons/grade.ts';
import type { Quiz } from '../../lessons/types.ts';
import { renderMarkdown } from './markdown.ts';

export interface QuizCardProps {
  readonly quiz: Quiz;
  readonly index: number;
  readonly record: QuizRecord | undefined;
  /** Why grading cannot happen now (the run failed, or runs the learner's edit). */
  readonly blocked: string | undefined;
  readonly answer: (response: QuizResponse) => void;
  readonly retry: () => void;
}

const KIND_LABEL: Readonly<Record<Quiz['kind'], string>> = {
  output: 'What does it print?',
  'next-task': 'Which task runs next?',
  'state-word': 'What is the state word?',
};

export function QuizCard({ quiz, index, record, blocked, answer, retry }: QuizCardProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<number | undefined>(undefined);
  const choices = quiz.kind === 'state-word' ? [] : quiz.choices;
  const locked = record !== undefined;
  const grade = record?.grade;
  const given = record?.response;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (choices.length > 0) {
      if (choice !== undefined) answer({ choice });
    } else if (text.trim() !== '') answer({ text });
  };
  return (
    <form className="quiz" aria-labelledby={`${id}-q`} onSubmit={submit} data-testid={`quiz-${index}`}>
      <p className="quiz-kind">
        <span aria-hidden="true">? </span>
        {KIND_LABEL[quiz.kind]} <span className="muted">Predict, then run.</span>
      </p>
      <div id={`${id}-q`} className="quiz-prompt" dangerouslySetInnerHTML={{ __html: renderMarkdown(quiz.prompt) }} />
      {choices.length > 0 ? (
        <fieldset className="choices" disabled={locked}>
          <legend className="visually-hidden">Choices</legend>
          {choices.map((c, i) => {
            const picked = given !== undefined && 'choice' in given ? given.choice === i : choice === i;
            return (
              <label key={i} className={`choice${picked ? ' picked' : ''}`}>
                <input type="radio" name={`${id}-choice`} checked={picked} onChange={() => setChoice(i)} />
                <span dangerouslySetInnerHTML={{ __html: renderMarkdown(c.text).replace(/^<p>|<\/p>\s*$/g, '') }} />
              </label>
            );
          })}
        </fieldset>
      ) : (
        <label className="quiz-text">
          <span>{quiz.kind === 'state-word' ? 'State word (0b…_…, hex or decimal)' : 'Your answer'}</span>
          {quiz.kind === 'state-word' ? (
            <input
              className="mono"
              value={given !== undefined && 'text' in given ? given.text : text}
              readOnly={locked}
              onChange={(e) => setText(e.target.value)}
              placeholder="0b11_001100"
            />
          ) : (
            <textarea
              className="mono"
              rows={4}
              value={given !== undefined && 'text' in given ? given.text : text}
              readOnly={locked}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </label>
      )}
      {!locked && (
        <button type="submit" className="primary">
          Lock in my answer
        </button>
      )}
      {locked && grade === undefined && (
        <p className="quiz-wait" role="status">
          <span aria-hidden="true">⏳ </span>
          {blocked ?? 'Answer locked. Waiting for the run to finish to check it…'}
        </p>
      )}
      {grade !== undefined && (
        <div className={`quiz-result ${grade.correct ? 'right' : 'wrong'}`} role="status" data-testid="quiz-result">
          <p>
            <span aria-hidden="true">{grade.correct ? '✓ ' : '✕ '}</span>
            <strong>{grade.correct ? 'Right.' : 'Not quite.'}</strong>{' '}
            {!grade.correct && (
              <>
                The run says: <code>{grade.expected}</code>
              </>
            )}
          </p>
          {quiz.explain !== '' && <div dangerouslySetInnerHTML={{ __html: renderMarkdown(quiz.explain) }} />}
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
    </form>
  );
}
