import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/events.ts';
import { loadLesson } from './index.ts';
import { readTree } from './testing/read-tree.ts';
import type { RunResult, ScenarioRunner } from './validate.ts';
import { formatDiagnostic } from './validate.ts';

const BROKEN = 'src/lessons/fixtures/broken';
const brokenFiles = readTree(BROKEN);
const goodFiles = readTree('src/lessons/fixtures/good');
const GOOD = 'src/lessons/fixtures/good/lesson.md';

async function problems(file: string, files: ReadonlyMap<string, string>, runner?: ScenarioRunner): Promise<string[]> {
  const r = await loadLesson(file, files, { requireSolutions: true, ...(runner ? { runner } : {}) });
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
}

const cases: ReadonlyArray<readonly [string, string]> = [
  [
    'unknown-directive',
    '11: unknown directive "::video"; known directives are "::scenario", "::cue", "::challenge", "::explore"',
  ],
  ['unknown-block', '11: unknown directive "::: warning"; blocks are "::: notes", "::: quiz"'],
  ['missing-scenario', '11: missing scenario file: "nope.rs" does not exist beside the lesson'],
  ['missing-expected', '11: missing expected output: "no-txt.txt" (the stdout of no-txt.rs) does not exist beside it'],
  [
    'inline-missing-expected',
    '11: missing expected output: "inline-only.txt" (the stdout of scenario "inline-only") does not exist beside the lesson',
  ],
  ['quiz-no-answer', '13: quiz without an answer: mark the right choice with "- [x]"'],
  ['state-word-no-answer', '13: quiz without an answer: add answer="0b…" (the state word)'],
  [
    'quiz-without-scenario',
    "11: quiz without an answer: it is graded against the slide's scenario, and this slide has none",
  ],
  ['cue-unknown-event', '12: ::cue: event kind "task.finished" does not exist'],
  ['bad-attribute', '11: ::cue: the value of "at" has no closing quote'],
  ['unclosed-notes', '11: the "::: notes" block is not closed with ":::" before the slide ends'],
  ['no-title', '9: a slide starts with a "# Title" line'],
  ['duplicate-scenario', '12: a slide has one scenario; the first is at line 11'],
  ['bad-front-matter', '4: front matter "week" must be a whole number, not "one"'],
  ['wrong-marked-choice', '13: the marked choice is not what lines.txt prints at line 2: "beta"'],
  ['challenge-unknown-kind', '11: ::challenge kind= is one of "pool", "echo-server"'],
];

describe('broken fixture lessons are rejected with file:line and one sentence', () => {
  for (const [name, message] of cases) {
    it(name, async () => {
      const file = `${BROKEN}/${name}.md`;
      expect(await problems(file, brokenFiles)).toEqual([`${file}:${message}`]);
    });
  }

  it('covers every broken fixture', () => {
    const fixtures = [...brokenFiles.keys()]
      .filter((p) => p.endsWith('.md'))
      .map((p) => p.slice(BROKEN.length + 1, -3));
    expect(fixtures.sort()).toEqual(cases.map(([n]) => n).sort());
  });

  it('suggests a near event name', async () => {
    const text = (brokenFiles.get(`${BROKEN}/cue-unknown-event.md`) ?? '').replace('task.finished', 'task.complet');
    const files = new Map(brokenFiles).set(`${BROKEN}/typo.md`, text);
    expect(await problems(`${BROKEN}/typo.md`, files)).toEqual([
      `${BROKEN}/typo.md:12: ::cue: event kind "task.complet" does not exist (did you mean "task.complete"?)`,
    ]);
  });
});

describe('the good fixture', () => {
  it('passes without a runner', async () => {
    expect(await problems(GOOD, goodFiles)).toEqual([]);
  });

  it('needs its challenge solution when solutions are required', async () => {
    const files = new Map(goodFiles);
    files.delete('src/lessons/fixtures/good/solutions/answer.rs');
    expect(await problems(GOOD, files)).toEqual([
      `${GOOD}:75: missing solution file: "solutions/answer.rs" does not exist`,
    ]);
    const app = await loadLesson(GOOD, files);
    expect(app.ok).toBe(true);
  });
});

// A stand-in for the interpreter: it returns the program's expected stdout and a trace written
// for the fixture, so each validator rule can be made to pass and to fail on purpose.
let index = 0;
const ev = (e: Record<string, unknown>): SimEvent => ({ index: index++, step: 0, time: 0, task: 0, ...e }) as SimEvent;
const goodTrace: SimEvent[] = [
  ev({ type: 'poll.start', task: 0, line: 0, col: 0 }),
  ev({ type: 'poll.end', task: 0, outcome: 'pending' }),
  ev({ type: 'poll.start', task: 1, line: 0, col: 0 }),
  ev({
    type: 'task.state',
    task: 1,
    before: 201,
    after: 202,
    transition: 'transition_to_complete',
    result: 'snapshot',
  }),
  ev({ type: 'stdout', task: 0, text: 'joined 7\n' }),
];

function stubRunner(overrides: { stdout?: string; events?: SimEvent[]; fail?: RunResult } = {}): ScenarioRunner {
  return (source) => {
    if (overrides.fail) return overrides.fail;
    const stdout = source.includes('println!("one")')
      ? 'one\ntwo\n'
      : source.includes('todo')
        ? 'todo\n'
        : 'joined 7\n';
    return { ok: true, stdout: overrides.stdout ?? stdout, events: overrides.events ?? goodTrace };
  };
}

describe('validation with a runner', () => {
  it('passes when stdout, cues and quiz answers agree with the run', async () => {
    expect(await problems(GOOD, goodFiles, stubRunner())).toEqual([]);
  });

  it('reports a compile error at the line of the .rs, offset for inline scenarios', async () => {
    const fail: RunResult = { ok: false, errors: [{ line: 2, message: 'expected `;`' }] };
    const out = await problems(GOOD, goodFiles, stubRunner({ fail }));
    expect(out).toContain('src/lessons/fixtures/good/hello.rs:2: does not compile: expected `;`');
    expect(out).toContain(`${GOOD}:50: does not compile: expected \`;\``);
  });

  it('reports the first stdout line that differs from the .txt', async () => {
    const out = await problems(GOOD, goodFiles, stubRunner({ stdout: 'joined 8\n' }));
    expect(out[0]).toBe('src/lessons/fixtures/good/hello.txt:1: expected "joined 7", but the run printed "joined 8"');
  });

  it('reports a cue whose event never happens', async () => {
    const events = goodTrace.filter((e) => e.type !== 'stdout');
    const out = await problems(GOOD, goodFiles, stubRunner({ events }));
    expect(out).toEqual([
      `${GOOD}:22: the cue's event (at="stdout" text="joined") never happens in the run of hello.rs`,
    ]);
  });

  it('checks state-word and next-task answers against the trace', async () => {
    const events = goodTrace.map((e) =>
      e.type === 'task.state' ? { ...e, after: 234 } : e.type === 'poll.start' && e.task === 1 ? { ...e, task: 2 } : e,
    );
    const out = await problems(GOOD, goodFiles, stubRunner({ events }));
    expect(out).toEqual([
      `${GOOD}:37: answer= is 0b11_001010 (202), but the run shows 0b11_101010 (234)`,
      `${GOOD}:56: the marked choice says task 1 (the spawned one), but the run polls task 2 next`,
    ]);
  });
});
