/**
 * Cue claims (lessons/README.md "Cue claims"): the attributes by which a cue states what the screen
 * shows once it has fired — `bits="CANCELLED NOTIFIED !RUNNING"`, `word="0b100_101100"`,
 * `column="notified"`, `queue="local:0=1,2"`, `console="main: cancel"` — read into typed claims.
 * Checking them needs the store's fold, so that lives above this pure module
 * (src/flow/lesson/cue-claims.ts); this file only reads and prints them.
 */
import type { Attrs } from './attrs.ts';
import type { Read } from './matcher.ts';
import { formatWord, parseWord } from './quiz.ts';
import type { BoardColumn, CueClaim, StateFlag } from './types.ts';

export const CLAIM_KEYS = ['bits', 'word', 'column', 'queue', 'console', 'of'] as const;

export const STATE_FLAGS: Readonly<Record<StateFlag, number>> = {
  RUNNING: 0b000001,
  COMPLETE: 0b000010,
  NOTIFIED: 0b000100,
  JOIN_INTEREST: 0b001000,
  JOIN_WAKER: 0b010000,
  CANCELLED: 0b100000,
};

export const BOARD_COLUMNS: readonly BoardColumn[] = ['spawned', 'notified', 'running', 'idle', 'complete', 'finished'];

const isFlag = (s: string): s is StateFlag => Object.hasOwn(STATE_FLAGS, s);
const isColumn = (s: string): s is BoardColumn => (BOARD_COLUMNS as readonly string[]).includes(s);

/**
 * Reads the claim attributes of a cue. `of=N` names the task that `bits`, `word` and `column`
 * speak about; without it they speak about the cue's `task=`.
 */
export function readClaims(attrs: Attrs, cueTask: number | undefined): Read<CueClaim[]> {
  const claims: CueClaim[] = [];
  const get = (k: string): string | undefined | true => attrs.get(k);
  const of = get('of');
  if (of === true || (of !== undefined && !/^\d+$/.test(of))) return { ok: false, message: 'of= must be a task id' };
  const subject = of !== undefined ? Number(of) : cueTask;
  const needTask = (key: string): Read<number> =>
    subject === undefined
      ? { ok: false, message: `${key}= speaks about a task: give the cue task=<id> or of=<id>` }
      : { ok: true, value: subject };

  const bits = get('bits');
  if (bits !== undefined) {
    const t = needTask('bits');
    if (!t.ok) return t;
    const set: StateFlag[] = [];
    const clear: StateFlag[] = [];
    for (const word of bits === true ? [] : bits.split(/\s+/).filter(Boolean)) {
      const name = word.replace(/^!/, '');
      if (!isFlag(name))
        return {
          ok: false,
          message: `bits= names "${name}", which is not one of ${Object.keys(STATE_FLAGS).join(', ')}`,
        };
      (word.startsWith('!') ? clear : set).push(name);
    }
    if (set.length + clear.length === 0)
      return { ok: false, message: 'bits= lists flags that are set, and !FLAG for flags that are clear' };
    claims.push({ kind: 'bits', task: t.value, set, clear });
  }
  const word = get('word');
  if (word !== undefined) {
    const t = needTask('word');
    if (!t.ok) return t;
    const w = word === true ? undefined : parseWord(word);
    if (w === undefined) return { ok: false, message: 'word= must be a state word such as "0b11_001100" or "204"' };
    claims.push({ kind: 'word', task: t.value, word: w });
  }
  const column = get('column');
  if (column !== undefined) {
    const t = needTask('column');
    if (!t.ok) return t;
    if (column === true || !isColumn(column))
      return { ok: false, message: `column= is one of ${BOARD_COLUMNS.join(', ')}` };
    claims.push({ kind: 'column', task: t.value, column });
  }
  const queue = get('queue');
  if (queue !== undefined) {
    const m = queue === true ? null : /^([a-z]+(?::\d+)?)=((?:\d+(?:,\d+)*)?)$/.exec(queue);
    if (!m) return { ok: false, message: 'queue= is "<queue>=<ids>", e.g. "local:0=1,2" or "inject=" for empty' };
    const ids = (m[2] ?? '') === '' ? [] : (m[2] ?? '').split(',').map(Number);
    claims.push({ kind: 'queue', queue: m[1] ?? '', tasks: ids });
  }
  const consoleText = get('console');
  if (consoleText !== undefined) {
    if (consoleText === true || consoleText === '') return { ok: false, message: 'console= needs the text of a line' };
    claims.push({ kind: 'console', text: consoleText });
  }
  if (of !== undefined && !claims.some((c) => c.kind === 'bits' || c.kind === 'word' || c.kind === 'column'))
    return { ok: false, message: 'of= names the task of a bits=, word= or column= claim, and the cue has none' };
  return { ok: true, value: claims };
}

/** The claim attributes back in the words a teacher writes (for printing a cue). */
export function claimAttrs(
  claims: readonly CueClaim[],
  cueTask: number | undefined,
): Array<readonly [string, string | number | undefined]> {
  const out: Array<readonly [string, string | number | undefined]> = [];
  let of: number | undefined;
  for (const c of claims) {
    if (c.kind === 'bits' || c.kind === 'word' || c.kind === 'column') of = c.task;
    if (c.kind === 'bits') out.push(['bits', [...c.set, ...c.clear.map((f) => `!${f}`)].join(' ')]);
    else if (c.kind === 'word') out.push(['word', formatWord(c.word)]);
    else if (c.kind === 'column') out.push(['column', c.column]);
    else if (c.kind === 'queue') out.push(['queue', `${c.queue}=${c.tasks.join(',')}`]);
    else out.push(['console', c.text]);
  }
  if (of !== undefined && of !== cueTask) out.push(['of', of]);
  return out;
}

/** One claim in words, for messages. */
export function describeClaim(c: CueClaim): string {
  switch (c.kind) {
    case 'bits':
      return `task ${c.task} has ${[...c.set, ...c.clear.map((f) => `!${f}`)].join(' ')}`;
    case 'word':
      return `task ${c.task}'s state word is ${formatWord(c.word)}`;
    case 'column':
      return `task ${c.task} is in the ${c.column} column`;
    case 'queue':
      return `queue ${c.queue} holds [${c.tasks.join(', ')}]`;
    case 'console':
      return `the last console line contains "${c.text}"`;
  }
}
