/**
 * The validator: what a resolved lesson must satisfy beyond its syntax. Without a runner it checks
 * what the files alone show (quizzes have something to grade against, ranges fit, a choice quiz on
 * a stdout line matches the `.txt`). With a `ScenarioRunner` (the interpreter, src/lang) it also
 * runs every scenario: it must compile, print exactly its `.txt`, reach every cue, and agree with
 * every quiz answer the author marked.
 */
import type { SimEvent } from '../sim/events.ts';
import { nextTaskAfter, sameOutput, stateWordAfter, stdoutLines } from './grade.ts';
import { describeMatcher, findEvent } from './matcher.ts';
import { choiceTask, formatWord } from './quiz.ts';
import type { Cue, Diagnostic, Lesson, Scenario, Slide } from './types.ts';

export type RunResult =
  | {
      readonly ok: true;
      readonly stdout: string;
      readonly events: readonly SimEvent[];
      /** The run's stderr and exit status, when the runner reports them (probes compare them). */
      readonly stderr?: string;
      readonly exitCode?: number;
    }
  | { readonly ok: false; readonly errors: ReadonlyArray<{ readonly line: number; readonly message: string }> };

/** Runs one program (its `.rs` text) with a seed; errors carry lines of that text. */
export type ScenarioRunner = (
  source: string,
  options: { readonly file: string; readonly seed: number },
) => RunResult | Promise<RunResult>;

/**
 * Checks a cue's claims against the run (one sentence per false claim). It needs the store's fold,
 * which src/lessons may not import, so the caller passes it in (src/flow/lesson/cue-claims.ts).
 */
export type CueClaimCheck = (cue: Cue, events: readonly SimEvent[]) => string[];

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.message}`;
}

/** The checks that need no run. */
export function checkLesson(lesson: Lesson): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (line: number, message: string): void => {
    out.push({ file: lesson.file, line, message });
  };
  for (const slide of lesson.slides) {
    const s = slide.scenario;
    if (s?.focus && s.focus.to > s.source.split('\n').length) {
      report(s.line, `focus= reaches line ${s.focus.to}, but the scenario has ${s.source.split('\n').length} lines`);
    }
    for (const cue of slide.cues) {
      if (!s && cue.when) report(cue.line, 'this cue waits for an event, but the slide has no scenario to run');
    }
    for (const q of slide.quizzes) {
      if (!s) {
        report(q.line, "quiz without an answer: it is graded against the slide's scenario, and this slide has none");
        continue;
      }
      if (q.kind !== 'output') continue;
      const total = s.expected.replace(/\n$/, '').split('\n').length;
      if (q.lines && q.lines.to > total) {
        report(q.line, `lines= reaches line ${q.lines.to}, but ${basename(s.expectedFile)} has ${total} lines`);
        continue;
      }
      const marked = q.choices.find((c) => c.correct);
      if (marked && q.lines) {
        const want = stdoutLines(s.expected, q.lines);
        if (!sameOutput(marked.text, want)) {
          report(
            q.line,
            `the marked choice is not what ${basename(s.expectedFile)} prints at line ${q.lines.from}: "${want}"`,
          );
        }
      }
    }
  }
  return out;
}

/** All checks, running each scenario once with `runner`. */
export async function validateLesson(
  lesson: Lesson,
  runner?: ScenarioRunner,
  cueCheck?: CueClaimCheck,
): Promise<Diagnostic[]> {
  const out = checkLesson(lesson);
  if (!runner) return out;
  for (const slide of lesson.slides) {
    const runs: Scenario[] = [];
    if (slide.scenario) runs.push(slide.scenario);
    if (slide.challenge) runs.push(slide.challenge.starter);
    for (const scenario of runs) {
      const result = await runner(scenario.source, { file: scenario.file, seed: scenario.seed ?? 1 });
      if (!result.ok) {
        for (const e of result.errors) {
          out.push({
            file: scenario.file,
            line: scenario.firstLine - 1 + e.line,
            message: `does not compile: ${e.message}`,
          });
        }
        continue;
      }
      out.push(...compareStdout(scenario, result.stdout));
      if (scenario === slide.scenario) out.push(...checkTrace(lesson.file, slide, scenario, result.events, cueCheck));
    }
  }
  return out;
}

function compareStdout(s: Scenario, stdout: string): Diagnostic[] {
  if (stdout === s.expected) return [];
  const want = s.expected.split('\n');
  const got = stdout.split('\n');
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  const w = want[i];
  const g = got[i];
  const message =
    w === undefined || (w === '' && i === want.length - 1)
      ? `the run printed more than expected, from "${g ?? ''}"`
      : g === undefined || (g === '' && i === got.length - 1)
        ? `the run stopped printing before "${w}"`
        : `expected "${w}", but the run printed "${g}"`;
  return [{ file: s.expectedFile, line: i + 1, message }];
}

function checkTrace(
  file: string,
  slide: Slide,
  s: Scenario,
  events: readonly SimEvent[],
  cueCheck: CueClaimCheck | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const name = basename(s.file === file ? s.expectedFile.replace(/\.txt$/, '') : s.file);
  for (const cue of slide.cues) {
    if (cue.when && findEvent(events, cue.when) < 0) {
      out.push({
        file,
        line: cue.line,
        message: `the cue's event (${describeMatcher(cue.when)}) never happens in the run of ${name}`,
      });
    } else if (cueCheck) {
      for (const message of cueCheck(cue, events)) out.push({ file, line: cue.line, message });
    }
  }
  for (const q of slide.quizzes) {
    if (q.kind === 'output') continue;
    if (findEvent(events, q.after) < 0) {
      out.push({
        file,
        line: q.line,
        message: `the quiz's moment (${describeMatcher(q.after)}) never happens in the run of ${name}`,
      });
      continue;
    }
    if (q.kind === 'next-task') {
      const truth = nextTaskAfter(events, q.after);
      const marked = q.choices.find((c) => c.correct);
      const said = marked ? choiceTask(marked.text) : undefined;
      if (truth !== said) {
        const who = truth === undefined ? 'no task' : truth === 0 ? 'main' : `task ${truth}`;
        out.push({
          file,
          line: q.line,
          message: `the marked choice says ${marked?.text ?? '?'}, but the run polls ${who} next`,
        });
      }
    } else {
      const truth = stateWordAfter(events, q.after, q.task);
      if (truth !== q.answer) {
        const got = truth === undefined ? 'no state change' : `${formatWord(truth)} (${truth})`;
        out.push({
          file,
          line: q.line,
          message: `answer= is ${formatWord(q.answer)} (${q.answer}), but the run shows ${got}`,
        });
      }
    }
  }
  return out;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
