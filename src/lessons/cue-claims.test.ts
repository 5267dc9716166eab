import { describe, expect, it } from 'vitest';
import { parseLesson } from './parse.ts';
import { printCue } from './directives.ts';

const FRONT = '---\ntitle: t\ncourse: c\nweek: 1\nday: 1\nduration: d\n---\n\n# S\n\n';

function parsed(attrs: string) {
  const r = parseLesson(`${FRONT}::cue{${attrs}}\n`, 'l.md');
  return r.ok ? (r.lesson.slides[0]?.cues[0] ?? 'no cue') : r.diagnostics.map((d) => `${d.line}: ${d.message}`);
}

describe('cue claims in the lesson format', () => {
  it('reads bits, word, column, queue, console and of=', () => {
    const cue = parsed(
      'action="pause" at="task.abort" task=1 bits="CANCELLED !RUNNING" word="0b100_101100" column="notified" queue="local:0=1,2" console="main: abort()" of=2',
    );
    expect(cue).toMatchObject({
      claims: [
        { kind: 'bits', task: 2, set: ['CANCELLED'], clear: ['RUNNING'] },
        { kind: 'word', task: 2, word: 0b100_101100 },
        { kind: 'column', task: 2, column: 'notified' },
        { kind: 'queue', queue: 'local:0', tasks: [1, 2] },
        { kind: 'console', text: 'main: abort()' },
      ],
    });
  });

  it('prints a cue with its claims so that it reads back the same', () => {
    const cue = parsed('action="pause" at="task.abort" task=1 bits="CANCELLED !RUNNING" queue="inject=" of=2');
    if (typeof cue === 'string' || Array.isArray(cue)) throw new Error(String(cue));
    expect(parsed(printCue(cue).replace(/^::cue\{|\}$/g, ''))).toEqual(cue);
  });

  it('rejects a claim it cannot check, in one sentence', () => {
    expect(parsed('action="pause" at="task.abort" task=1 bits="CANCELED"')).toEqual([
      '11: ::cue: bits= names "CANCELED", which is not one of RUNNING, COMPLETE, NOTIFIED, JOIN_INTEREST, JOIN_WAKER, CANCELLED',
    ]);
    expect(parsed('action="inspect" task=1 column="idle"')).toEqual([
      '11: a claim is checked at the moment the cue fires, so it needs at="<event>"',
    ]);
    expect(parsed('action="pause" at="stdout" column="idle"')).toEqual([
      '11: ::cue: column= speaks about a task: give the cue task=<id> or of=<id>',
    ]);
    expect(parsed('action="pause" at="stdout" queue="local:0=a"')).toEqual([
      '11: ::cue: queue= is "<queue>=<ids>", e.g. "local:0=1,2" or "inject=" for empty',
    ]);
  });
});
