import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../lessons/index.ts';
import type { Cue } from '../../lessons/types.ts';
import { traceBuilder } from '../../store/index.ts';
import { checkCueClaims } from './cue-claims.ts';
import { initialCues, resolveCues } from './cues.ts';

// An idle task (3 refs, JOIN_INTEREST) is aborted by main: Tokio's transition_to_notified_and_cancel
// sets CANCELLED|NOTIFIED and takes a ref for the queue; the task is then pushed (state.rs).
const trace = traceBuilder()
  .spawn(1)
  .state(1, 204, 200, 'transition_to_idle')
  .nextStep()
  .pollStart(0)
  .abort(1)
  .state(1, 200, 300, 'transition_to_notified_and_cancel', 'true', [{ holder: 'notified', delta: 1 }])
  .push('local', 1)
  .print('main: aborted\n')
  .pollEnd(0, 'pending')
  .build();

/** One cue read from a lesson line, as authors write it. */
function cue(attrs: string): Cue {
  const text = `---\ntitle: t\ncourse: c\nweek: 1\nday: 1\nduration: d\n---\n\n# S\n\n::cue{${attrs}}\n`;
  const r = parseLesson(text, 'l.md');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const c = r.lesson.slides[0]?.cues[0];
  if (c === undefined) throw new Error('no cue');
  return c;
}

describe('cue claims are checked in the folded view at the cue’s stop', () => {
  it('a pause on task.abort shows the abort’s effects: CANCELLED, NOTIFIED, queued', () => {
    const c = cue(
      'action="pause" at="task.abort" task=1 bits="CANCELLED NOTIFIED !RUNNING" column="notified" queue="local:0=1" word="0b100_101100"',
    );
    expect(checkCueClaims(c, trace)).toEqual([]);
  });

  it('reports each false claim in one sentence', () => {
    const c = cue('action="pause" at="task.abort" task=1 bits="!CANCELLED" column="idle" queue="local:0="');
    expect(checkCueClaims(c, trace)).toEqual([
      'the cue claims task 1 has !CANCELLED, but when it fires task 1 reads CANCELLED=1 (0b100_101100)',
      'the cue claims task 1 is in the idle column, but when it fires task 1 is in the notified column',
      'the cue claims queue local:0 holds [], but when it fires queue local:0 holds [1]',
    ]);
  });

  it('a printed line is its own moment, and of= names another task', () => {
    const c = cue('action="pause" at="stdout" text="aborted" console="main: aborted" of=1 bits="CANCELLED"');
    expect(checkCueClaims(c, trace)).toEqual([]);
    const wrong = cue('action="pause" at="stdout" text="aborted" console="main: done"');
    expect(checkCueClaims(wrong, trace)).toEqual([
      'the cue claims the last console line contains "main: done", but when it fires the last console line is "main: aborted"',
    ]);
  });
});

describe('a pause cue stops where its state is on screen', () => {
  it('stops after the abort’s transition and queue push, before the next statement’s output', () => {
    const [c] = resolveCues(initialCues([cue('action="pause" at="task.abort" task=1')]), trace);
    const printed = trace.findIndex((e) => e.type === 'stdout');
    expect(c?.at).toBe(printed - 3);
    expect(c?.stop).toBe(printed);
  });

  it('stops right after a state transition it names', () => {
    const [c] = resolveCues(
      initialCues([cue('action="pause" at="task.state" transition="transition_to_notified_and_cancel" task=1')]),
      trace,
    );
    expect(c?.stop).toBe((c?.at ?? 0) + 1);
  });
});
