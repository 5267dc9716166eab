import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLesson } from './parse.ts';
import { printLesson } from './print.ts';
import { readTree, withoutLines } from './testing/read-tree.ts';
import type { Choice, Cue, Quiz, SourceLesson, SourceSlide } from './types.ts';

const GOOD = 'src/lessons/fixtures/good/lesson.md';
const files = readTree('src/lessons/fixtures/good');

function parseOk(text: string, file = 'lesson.md'): SourceLesson {
  const r = parseLesson(text, file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n'));
  return r.lesson;
}

describe('parseLesson on the good fixture', () => {
  const lesson = parseOk(files.get(GOOD) ?? '', GOOD);

  it('reads the front matter', () => {
    expect(lesson.meta).toEqual({
      title: 'A fixture lesson',
      course: 'Fixtures',
      week: 2,
      day: 3,
      duration: '10 minutes',
    });
  });

  it('splits slides on "---" but not inside a code fence', () => {
    expect(lesson.slides.map((s) => [s.id, s.title, s.line])).toEqual([
      ['first-slide', 'First slide', 9],
      ['custom-id', 'Second slide', 46],
      ['challenge', 'Challenge', 70],
    ]);
    const body = lesson.slides[0]?.body ?? '';
    expect(body).toContain('---\n::cue{not a directive}');
    expect(body.startsWith('Some _prose_')).toBe(true);
  });

  it('reads a file scenario with seed and focus, and an inline one', () => {
    expect(lesson.slides[0]?.scenario).toEqual({
      kind: 'file',
      file: 'hello.rs',
      seed: 4,
      focus: { from: 2, to: 3 },
      line: 19,
    });
    const inline = lesson.slides[1]?.scenario;
    expect(inline?.kind).toBe('inline');
    if (inline?.kind === 'inline') {
      expect(inline.name).toBe('two-lines');
      expect(inline.source.split('\n')).toHaveLength(5);
      expect(inline.line).toBe(48);
    }
  });

  it('reads cues of every action', () => {
    const cues: Cue[] = lesson.slides[0]?.cues ?? [];
    expect(cues).toEqual([
      { action: 'pause', when: { at: 'task.complete', nth: 1, task: 1 }, task: 1, say: 'Done.', line: 20 },
      { action: 'highlight', task: 1, line: 21 },
      { action: 'inspect', when: { at: 'stdout', nth: 1, text: 'joined' }, task: 1, line: 22 },
    ]);
  });

  it('reads notes, quizzes and the challenge', () => {
    const first = lesson.slides[0];
    expect(first?.notes).toBe('Presenter notes, with **markdown**.');
    const quizzes: Quiz[] = first?.quizzes ?? [];
    expect(quizzes[0]).toEqual({
      kind: 'output',
      prompt: 'What is printed?',
      explain: 'Seven, from the task.',
      choices: [
        { text: '`joined 7`', correct: true },
        { text: '`joined 8`', correct: false },
      ],
      lines: { from: 1, to: 1 },
      line: 28,
    });
    expect(quizzes[1]).toMatchObject({
      kind: 'state-word',
      task: 1,
      answer: 202,
      prompt: 'The word after completion?',
      explain: 'RUNNING and COMPLETE flip together.',
    });
    expect(lesson.slides[1]?.quizzes.map((q) => q.kind)).toEqual(['next-task', 'output']);
    expect(lesson.slides[2]?.challenge).toEqual({ starter: 'starter.rs', solution: 'solutions/answer.rs', line: 75 });
  });
});

describe('::explore', () => {
  const head = '---\ntitle: t\ncourse: c\nweek: 1\nday: 1\nduration: d\n---\n\n# Race\n\n::scenario{file="race.rs"}\n';
  it('reads the strategy and runs, with PCT and 500 runs when left out', () => {
    const a = parseOk(`${head}::explore{strategy="dfs" runs=40}\n`).slides[0]?.explore;
    expect(a).toEqual({ strategy: 'dfs', runs: 40, line: 12 });
    expect(parseOk(`${head}::explore\n`).slides[0]?.explore).toEqual({ strategy: 'pct', runs: 500, line: 12 });
  });
  it('needs a scenario to explore', () => {
    const r = parseLesson(`${head.replace('::scenario{file="race.rs"}\n', '')}::explore\n`, 'l.md');
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([
      "::explore runs the slide's scenario, so the slide needs one",
    ]);
  });
  it.each([
    ['::explore{strategy="loom"}', 'strategy= one of'],
    ['::explore{runs=0}', 'runs'],
    ['::explore{runs=9000}', 'at most 5000'],
    ['::explore{depth=3}', 'no attribute "depth"'],
    ['::explore\n::explore', 'one ::explore'],
  ])('rejects %s', (directive, message) => {
    const r = parseLesson(`${head}${directive}\n`, 'l.md');
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message).join('\n')).toContain(message);
  });
});

describe('round trip: parse → print → parse', () => {
  const lessons = new Map([...readTree('lessons')].filter(([p]) => p.endsWith('/lesson.md')));
  lessons.set(GOOD, files.get(GOOD) ?? '');

  for (const [path, text] of lessons) {
    it(`gives the same lesson back for ${path}`, () => {
      const first = parseOk(text, path);
      const printed = printLesson(first);
      const second = parseOk(printed, path);
      expect(withoutLines(second)).toEqual(withoutLines(first));
      expect(printLesson(second)).toBe(printed);
    });
  }
});

// Generators for lessons the printer must be able to write and the parser to read back.
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join('\n'));
const prose = fc.array(paragraph, { minLength: 0, maxLength: 3 }).map((p) => p.join('\n\n'));
const eventName = fc.constantFrom('task.state', 'task.abort', 'poll.start', 'stdout', 'task.complete', 'joinset.join');
const matcher = fc
  .record({ at: eventName, task: fc.option(fc.nat(20), { nil: undefined }), nth: fc.integer({ min: 1, max: 4 }) })
  .chain((m) =>
    fc.record({
      at: fc.constant(m.at),
      nth: fc.constant(m.nth),
      ...(m.task !== undefined ? { task: fc.constant(m.task) } : {}),
      ...(m.at === 'task.state' ? { transition: fc.constantFrom('transition_to_idle', 'ref_inc') } : {}),
      ...(m.at === 'stdout' ? { text: sentence } : {}),
    }),
  );
const choices = fc
  .tuple(fc.array(sentence, { minLength: 2, maxLength: 4 }), fc.nat())
  .map(([texts, pick]) => texts.map((text, i) => ({ text, correct: i === pick % texts.length })));
const quiz: fc.Arbitrary<Quiz> = fc.oneof(
  fc.record({ kind: fc.constant('output' as const), prompt: sentence, explain: prose, choices, line: fc.constant(0) }),
  fc.record({
    kind: fc.constant('output' as const),
    prompt: sentence,
    explain: fc.constant<string>(''),
    choices: fc.constant<Choice[]>([]),
    line: fc.constant(0),
  }),
  fc.record({
    kind: fc.constant('next-task' as const),
    prompt: sentence,
    explain: prose,
    after: matcher,
    choices: fc
      .tuple(choices)
      .map(([cs]) => cs.map((c, i) => ({ ...c, text: i === 0 ? `main ${c.text}` : `task ${i} ${c.text}` }))),
    line: fc.constant(0),
  }),
  fc
    .record({ prompt: sentence, explain: prose, after: matcher, task: fc.nat(30), answer: fc.nat(4096) })
    .map((q) => ({ kind: 'state-word' as const, ...q, after: { ...q.after, task: q.task }, line: 0 })),
);
const cue: fc.Arbitrary<Cue> = fc.oneof(
  matcher.map((when) => ({
    action: 'pause' as const,
    when,
    ...(when.task !== undefined ? { task: when.task } : {}),
    line: 0,
  })),
  fc.record({
    action: fc.constantFrom('highlight' as const, 'inspect' as const),
    task: fc.nat(9),
    say: sentence,
    line: fc.constant(0),
  }),
);
const slide: fc.Arbitrary<SourceSlide> = fc
  .record({
    title: sentence,
    body: prose,
    file: word,
    hasScenario: fc.boolean(),
    cues: fc.array(cue, { maxLength: 3 }),
    notes: prose,
    quizzes: fc.array(quiz, { maxLength: 2 }),
    explore: fc.option(
      fc.record({
        strategy: fc.constantFrom('random' as const, 'pct' as const, 'dfs' as const),
        runs: fc.integer({ min: 1, max: 5000 }),
      }),
      { nil: undefined },
    ),
  })
  .map((s) => ({
    id: s.title.replace(/ /g, '-'),
    title: s.title,
    body: s.body,
    ...(s.hasScenario ? { scenario: { kind: 'file' as const, file: `${s.file}.rs`, line: 0 } } : {}),
    cues: s.cues,
    notes: s.notes,
    quizzes: s.quizzes,
    ...(s.explore && s.hasScenario ? { explore: { ...s.explore, line: 0 } } : {}),
    line: 0,
  }));
const lesson: fc.Arbitrary<SourceLesson> = fc
  .record({
    title: sentence,
    course: sentence,
    week: fc.nat(60),
    day: fc.nat(7),
    duration: sentence,
    slides: fc.uniqueArray(slide, { minLength: 1, maxLength: 5, selector: (s) => s.id }),
  })
  .map(({ slides, ...meta }) => ({ file: 'gen.md', meta, slides }));

describe('round trip on generated lessons', () => {
  it('parse(print(lesson)) equals the lesson', () => {
    fc.assert(
      fc.property(lesson, (l) => {
        const back = parseOk(printLesson(l), 'gen.md');
        expect(withoutLines(back)).toEqual(withoutLines(l));
      }),
      { seed: 20260615, numRuns: 200 },
    );
  });
});
