/** The presenter window's quiz answers (pure, so the audience-never-sees-it text is tested). */
import { formatWord } from '../../lessons/quiz.ts';
import type { Quiz } from '../../lessons/types.ts';

/** A quiz's answer as the presenter needs it (the audience never sees this window). */
export function answerOf(quiz: Quiz): string {
  if (quiz.kind === 'state-word') return `${formatWord(quiz.answer)} = ${quiz.answer}`;
  const right = quiz.choices.find((c) => c.correct);
  if (right !== undefined) return right.text;
  return quiz.kind === 'output' ? 'what the run prints (graded against its stdout)' : '';
}
