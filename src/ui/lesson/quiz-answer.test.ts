import { describe, expect, it } from 'vitest';
import { answerOf } from './quiz-answer.ts';

const base = { prompt: 'p', explain: '', line: 1 };
const after = { kind: 'task.state' } as never;

describe('answerOf', () => {
  it('gives the marked choice, or the state word in both notations', () => {
    const choices = [
      { text: 'a', correct: false },
      { text: 'b', correct: true },
    ];
    expect(answerOf({ ...base, kind: 'output', choices })).toBe('b');
    expect(answerOf({ ...base, kind: 'state-word', after, task: 1, answer: 300 })).toBe('0b100_101100 = 300');
  });
});
