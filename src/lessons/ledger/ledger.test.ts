import { describe, expect, it } from 'vitest';
import type { ScenarioRunner } from '../validate.ts';
import { checkLedger, parseFnIndex } from './check-ledger.ts';
import { commentSentences, lessonSentences, needsEvidence, stripMarkers } from './markers.ts';
import { parseLedger } from './parse-ledger.ts';

const FRONT = '---\ntitle: t\ncourse: c\nweek: 1\nday: 1\nduration: d\n---\n';
const DIR = 'lessons/x';

describe('claim markers', () => {
  it('splits prose into sentences, each with the ids it cites', () => {
    const s = lessonSentences(
      `${FRONT}\n# Title\n\nabort() marks the task.[^abort-marks] It is dropped later.\nAsk the room why.[^-]\n\n::cue{action="pause" at="stdout" say="The task is queued.[^q]"}\n\n- [x] \`a choice\`\n`,
    );
    expect(s.map((x) => [x.line, x.text, x.ids])).toEqual([
      [11, 'abort() marks the task.[^abort-marks]', ['abort-marks']],
      [11, 'It is dropped later.', []],
      [12, 'Ask the room why.[^-]', ['-']],
      [14, 'The task is queued.[^q]', ['q']],
    ]);
  });

  it('does not end a sentence inside inline code or a number', () => {
    const s = lessonSentences(`${FRONT}\n# T\n\nCall \`a.b()\` on tokio 0.7. Then stop.\n`);
    expect(s.map((x) => x.text)).toEqual(['Call `a.b()` on tokio 0.7.', 'Then stop.']);
  });

  it('reads the sentences of Rust comments', () => {
    const s = commentSentences(
      '//! abort() cancels the task.[^a]\nfn main() {\n    f(); // the handle is dropped here\n}\n',
    );
    expect(s.map((x) => [x.line, x.ids])).toEqual([
      [1, ['a']],
      [3, []],
    ]);
  });

  it('asks evidence of sentences about Tokio, not of questions or plain talk', () => {
    expect(needsEvidence('The runtime drops the future.')).toBe(true);
    expect(needsEvidence('Calling `abort()` marks it.')).toBe(true);
    expect(needsEvidence('Why does the task keep running?')).toBe(false);
    expect(needsEvidence('Come back to it at the end of the day.')).toBe(false);
  });

  it('strips markers from what learners see', () => {
    expect(stripMarkers('It is queued.[^q] Then [^-]run.')).toBe('It is queued. Thenrun.');
  });
});

describe('the ledger file', () => {
  it('rejects a claim without evidence, a malformed source reference, and a probe without expect=', () => {
    const { diagnostics } = parseLedger(
      [
        '# Ledger',
        '::claim{id="a" says="x"}',
        '::claim{id="b" says="x" src="tokio/runtime/state.rs"}',
        '::claim{id="c" says="x" probe="probes/c.rs"}',
        '::claim{id="d" says="x" src="tokio/src/runtime/task/state.rs#transition_to_idle"}',
        '::claim{id="d" says="y" src="tokio/src/runtime/task/state.rs#transition_to_idle"}',
      ].join('\n'),
      'ledger.md',
    );
    expect(diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '2: claim "a" has no evidence: give it probe="…" expect="…" or src="tokio/src/….rs#fn"',
      '3: claim "b": src= "tokio/runtime/state.rs" is not "tokio/src/<path>.rs#<fn>" or "tokio-util/src/<path>.rs#<fn>"',
      '4: claim "c": a probe needs expect="…", text its recorded output must show',
      '6: claim "d" is already in the ledger at line 5',
    ]);
  });
});

function files(extra: Record<string, string>): Map<string, string> {
  return new Map(
    Object.entries({
      [`${DIR}/lesson.md`]: `${FRONT}\n# T\n\nabort() marks the task.[^marks] The task is dropped at its next poll.\n`,
      [`${DIR}/probes/p.rs`]: 'fn main() {}\n',
      [`${DIR}/probes/p.txt`]: 'is_finished = false\n',
      [`${DIR}/probes/p.stderr`]: '',
      [`${DIR}/probes/p.code`]: '0\n',
      ...extra,
    }),
  );
}

const INDEX = parseFnIndex('tokio/src/runtime/task/state.rs: transition_to_idle transition_to_notified_and_cancel\n');

describe('checkLedger', () => {
  it('reports unbacked sentences, unknown and unused ids, missing functions and stale probe output', async () => {
    const ledger = [
      '::claim{id="marks" says="abort marks" probe="probes/p.rs" expect="is_finished = true"}',
      '::claim{id="unused" says="u" src="tokio/src/runtime/task/state.rs#transition_to_nothing"}',
    ].join('\n');
    const r = await checkLedger(`${DIR}/lesson.md`, files({ [`${DIR}/ledger.md`]: ledger }), { fnIndex: INDEX });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      `${DIR}/lesson.md:11: this sentence says what Tokio does but cites no claim: "The task is dropped at its next poll." (add [^id] from the ledger, or [^-] if it claims nothing)`,
      `${DIR}/ledger.md:1: claim "marks": the recorded output of probes/p.rs no longer shows "is_finished = true"`,
      `${DIR}/ledger.md:2: claim "unused" is cited by no sentence; cite it or remove it`,
      `${DIR}/ledger.md:2: claim "unused": tokio/src/runtime/task/state.rs defines no function transition_to_nothing`,
    ]);
  });

  it('fails a probe the simulator does not reproduce', async () => {
    const lesson = `${FRONT}\n# T\n\nabort() marks the task.[^marks]\n`;
    const ledger = '::claim{id="marks" says="abort marks" probe="probes/p.rs" expect="is_finished = false"}';
    const runner: ScenarioRunner = () => ({
      ok: true,
      stdout: 'is_finished = true\n',
      events: [],
      stderr: '',
      exitCode: 0,
    });
    const r = await checkLedger(
      `${DIR}/lesson.md`,
      files({ [`${DIR}/lesson.md`]: lesson, [`${DIR}/ledger.md`]: ledger }),
      { runner },
    );
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      `${DIR}/probes/p.rs:1: the simulator prints a different stdout than real Tokio`,
    ]);
    expect(r.stats).toMatchObject({ sentences: 1, cited: 1, entries: 1, probes: 1 });
  });

  it('does nothing for a lesson without a ledger', async () => {
    const r = await checkLedger(`${DIR}/lesson.md`, files({}));
    expect(r).toEqual({ diagnostics: [], stats: undefined });
  });
});
