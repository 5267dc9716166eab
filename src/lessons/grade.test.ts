import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/events.ts';
import { gradeQuiz, nextTaskAfter, sameOutput, stateWordAfter, stdoutLines } from './grade.ts';
import { formatWord, parseWord } from './quiz.ts';
import type { Quiz } from './types.ts';

let index = 0;
const ev = (e: Record<string, unknown>): SimEvent => ({ index: index++, step: 0, time: 0, task: 0, ...e }) as SimEvent;
const trace: SimEvent[] = [
  ev({ type: 'task.abort', task: 2, via: 'join_handle' }),
  ev({ type: 'task.state', task: 1, before: 200, after: 201, transition: 'transition_to_running', result: 'Success' }),
  ev({
    type: 'task.state',
    task: 2,
    before: 200,
    after: 300,
    transition: 'transition_to_notified_and_cancel',
    result: 'true',
  }),
  ev({ type: 'poll.end', task: 0, outcome: 'pending' }),
  ev({ type: 'poll.start', task: 3, line: 0, col: 0 }),
];

describe('state words', () => {
  it('parses binary, hex and decimal and prints the fact-sheet notation', () => {
    expect(parseWord('0b11_001100')).toBe(204);
    expect(parseWord('0xcc')).toBe(204);
    expect(parseWord('204')).toBe(204);
    expect(parseWord('twelve')).toBeUndefined();
    expect(formatWord(300)).toBe('0b100_101100');
  });

  it('finds the word after an event, for the named task only', () => {
    expect(stateWordAfter(trace, { at: 'task.abort', nth: 1 }, 2)).toBe(300);
    expect(stateWordAfter(trace, { at: 'task.state', nth: 1, transition: 'transition_to_running' }, 1)).toBe(201);
    expect(stateWordAfter(trace, { at: 'task.complete', nth: 1 }, 1)).toBeUndefined();
  });
});

describe('next task', () => {
  it('is the first poll.start after the moment', () => {
    expect(nextTaskAfter(trace, { at: 'poll.end', nth: 1, task: 0 })).toBe(3);
    expect(nextTaskAfter(trace, { at: 'poll.start', nth: 1 })).toBeUndefined();
  });
});

describe('gradeQuiz', () => {
  const base = { prompt: 'q', explain: '', line: 1 };
  it('grades a state-word answer against the trace when there is one', () => {
    const q: Quiz = {
      ...base,
      kind: 'state-word',
      after: { at: 'task.cancel', nth: 1, task: 2 },
      task: 2,
      answer: 300,
    };
    expect(gradeQuiz(q, { text: '0b100_101100' }, { stdout: '', events: trace })).toEqual({
      correct: true,
      expected: '0b100_101100 (300)',
    });
    expect(gradeQuiz(q, { text: '204' }, { stdout: '', events: trace }).correct).toBe(false);
  });

  it('grades next-task by the task the trace polls', () => {
    const q: Quiz = {
      ...base,
      kind: 'next-task',
      after: { at: 'poll.end', nth: 1, task: 0 },
      choices: [
        { text: 'task 1', correct: true },
        { text: 'task 3', correct: false },
      ],
    };
    expect(gradeQuiz(q, { choice: 1 }, { stdout: '', events: trace })).toEqual({ correct: true, expected: 'task 3' });
    expect(gradeQuiz(q, { choice: 1 }, { stdout: '' }).correct).toBe(false);
  });

  it('grades free-text output against the chosen stdout lines', () => {
    const q: Quiz = { ...base, kind: 'output', choices: [], lines: { from: 2, to: 3 } };
    const run = { stdout: 'a\nb\nc\n' };
    expect(stdoutLines(run.stdout, q.lines)).toBe('b\nc');
    expect(gradeQuiz(q, { text: '  b\n\n`c`  ' }, run)).toEqual({ correct: true, expected: 'b\nc' });
    expect(gradeQuiz(q, { text: 'c\nb' }, run).correct).toBe(false);
    expect(sameOutput('x', 'y')).toBe(false);
  });

  it('grades a choice output quiz by the marked choice', () => {
    const q: Quiz = {
      ...base,
      kind: 'output',
      choices: [
        { text: 'A', correct: false },
        { text: 'B', correct: true },
      ],
    };
    expect(gradeQuiz(q, { choice: 1 }, { stdout: '' })).toEqual({ correct: true, expected: 'B' });
    expect(gradeQuiz(q, { choice: 0 }, { stdout: '' }).correct).toBe(false);
  });
});
