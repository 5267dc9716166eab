/**
 * One predict-then-run quiz: the learner commits to an answer (a choice, a typed output or a state
 * word), then the slide's run decides. Right or wrong is said in words and a glyph, never colour
 * alone; the explanation follows.
 */
import { useId, useState } from 'react';
import { parseWord } from '../../lessons/quiz.ts';
import type { QuizRecord } from '../../flow/lesson/lesson-types.ts';
import type { QuizResponse } from '../../lessons/grade.ts';
import type { Quiz } from '../../lessons/types.ts';
import { renderMarkdown } from './markdown.ts';
import { compareWord, expectedWord } from './word-diff.ts';

/** After a first wrong try: which fields of a state word are off, never their right values. */
function WordHint({ given, expected }: { given: string; expected: string }) {
  const mine = parseWord(given);
  const truth = expectedWord(expected);
  if (mine === undefined || truth === undefined) return null;
  return (
    <ul className="word-hint" aria-label="Your word, field by field">
      {compareWord(mine, truth).map((f) => (
        <li key={f.name} className={f.same ? 'same' : 'differs'}>
          <span aria-hidden="true">{f.same ? '✓ ' : '✕ '}</span>
          {f.name}
          {f.same ? '' : ' differs'}
        </li>
      ))}
    </ul>
  );
}

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
  // Wrong tries retried on this slide: the first wrong answer gets a hint, a later one (or asking)
  // the answer.
  const [retried, setRetried] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const reveal = grade !== undefined && (grade.correct || retried > 0 || revealed);
  const tryAgain = () => {
    if (grade !== undefined && !grade.correct) setRetried((n) => n + 1);
    retry();
  };
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
            {!grade.correct && reveal && (
              <>
                The run says: <code>{grade.expected}</code>
              </>
            )}
            {!grade.correct && !reveal && 'Look again at the run, then try once more.'}
          </p>
          {!grade.correct && !reveal && quiz.kind === 'state-word' && given !== undefined && 'text' in given && (
            <WordHint given={given.text} expected={grade.expected} />
          )}
          {reveal && quiz.explain !== '' && <div dangerouslySetInnerHTML={{ __html: renderMarkdown(quiz.explain) }} />}
          <button type="button" onClick={tryAgain}>
            Try again
          </button>
          {!reveal && (
            <button type="button" className="link-button" onClick={() => setRevealed(true)}>
              Show the answer
            </button>
          )}
        </div>
      )}
    </form>
  );
}
