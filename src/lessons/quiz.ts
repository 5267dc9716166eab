/**
 * Quizzes (`::: quiz{kind=…}` … `:::`): a prompt, an optional list of choices `- [ ]` / `- [x]`,
 * then an optional explanation. See lessons/README.md for the three kinds and how each is graded.
 */
import type { Attrs } from './attrs.ts';
import { printAttrs } from './attrs.ts';
import { MATCHER_KEYS, matcherAttrs, readMatcher, readRange } from './matcher.ts';
import type { Choice, Quiz } from './types.ts';

export interface BodyLine {
  readonly text: string;
  readonly line: number;
}

export type QuizResult =
  { readonly ok: true; readonly quiz: Quiz } | { readonly ok: false; readonly line: number; readonly message: string };

const KINDS = ['output', 'next-task', 'state-word'] as const;
const CHOICE = /^[-*] \[( |x|X)\] (.*)$/;
/** Starts the explanation; after a list of choices, plain text after the list works too. */
const EXPLAIN = '::explain';

/** `0b11_101100`, `0x20`, or `236` → the number; undefined when it is none of these. */
export function parseWord(text: string): number | undefined {
  const s = text.trim().replace(/_/g, '');
  if (/^0b[01]+$/i.test(s)) return parseInt(s.slice(2), 2);
  if (/^0x[0-9a-f]+$/i.test(s)) return parseInt(s.slice(2), 16);
  if (/^\d+$/.test(s)) return Number(s);
  return undefined;
}

/** A state word in the notation of tokio-facts.md: `0b<refcount>_<XWJNCR>`. */
export function formatWord(w: number): string {
  return `0b${(w >>> 6).toString(2)}_${(w & 63).toString(2).padStart(6, '0')}`;
}

/** For next-task choices: `task 3 …` → 3, `main …` → 0 (block_on's main future). */
export function choiceTask(text: string): number | undefined {
  const m = /^`?(?:task (\d+)|(main))\b/.exec(text.trim());
  if (!m) return undefined;
  return m[2] !== undefined ? 0 : Number(m[1]);
}

export function parseQuiz(attrs: Attrs, body: readonly BodyLine[], line: number): QuizResult {
  const fail = (message: string, at = line): QuizResult => ({ ok: false, line: at, message });
  const kindAttr = attrs.get('kind');
  const kind = KINDS.find((k) => k === kindAttr);
  if (kind === undefined) return fail(`a quiz needs kind= one of ${KINDS.map((k) => `"${k}"`).join(', ')}`);
  const allowed = new Set<string>(
    kind === 'output'
      ? ['kind', 'lines']
      : kind === 'next-task'
        ? ['kind', ...MATCHER_KEYS]
        : ['kind', 'answer', ...MATCHER_KEYS],
  );
  for (const key of attrs.keys()) if (!allowed.has(key)) return fail(`a ${kind} quiz has no attribute "${key}"`);

  const prompt: string[] = [];
  const explain: string[] = [];
  const choices: Choice[] = [];
  const choiceLines: number[] = [];
  let explaining = false;
  for (const b of body) {
    const m = CHOICE.exec(b.text);
    if (b.text.trim() === EXPLAIN) {
      if (explaining) return fail(`a quiz has one "${EXPLAIN}" line`, b.line);
      explaining = true;
    } else if (explaining) {
      explain.push(b.text);
    } else if (m) {
      if (explain.some((s) => s.trim() !== ''))
        return fail('a quiz has one list of choices, before its explanation', b.line);
      choices.push({ correct: m[1] !== ' ', text: (m[2] ?? '').trim() });
      choiceLines.push(b.line);
    } else if (choices.length > 0 && /^\s{2,}\S/.test(b.text) && explain.length === 0) {
      const last = choices.pop();
      if (last) choices.push({ ...last, text: `${last.text} ${b.text.trim()}` });
    } else if (choices.length > 0) {
      explain.push(b.text);
    } else {
      prompt.push(b.text);
    }
  }
  const base = { prompt: prompt.join('\n').trim(), explain: explain.join('\n').trim(), line };
  if (base.prompt === '') return fail('a quiz needs a question before its choices');
  const marked = choices.filter((c) => c.correct).length;
  if (choices.length > 0 && marked === 0) return fail('quiz without an answer: mark the right choice with "- [x]"');
  if (marked > 1) return fail(`a quiz marks ${marked} choices as right; mark exactly one`);

  if (kind === 'output') {
    const lines = readRange(attrs, 'lines');
    if (!lines.ok) return fail(lines.message);
    if (choices.length === 1) return fail('a quiz with choices needs at least two', choiceLines[0]);
    return { ok: true, quiz: { kind, ...base, choices, ...(lines.value ? { lines: lines.value } : {}) } };
  }
  const after = readMatcher(attrs);
  if (!after.ok) return fail(`a ${kind} quiz names the moment it asks about: ${after.message}`);
  if (kind === 'next-task') {
    if (choices.length < 2) return fail('quiz without an answer: a next-task quiz lists choices and marks one "- [x]"');
    for (let i = 0; i < choices.length; i++) {
      if (choiceTask(choices[i]?.text ?? '') === undefined) {
        return fail('each next-task choice starts with "task <id>" or "main"', choiceLines[i]);
      }
    }
    return { ok: true, quiz: { kind, ...base, after: after.value, choices } };
  }
  if (after.value.task === undefined) return fail('a state-word quiz names its task with task=<id>');
  const answerText = attrs.get('answer');
  if (answerText === undefined) return fail('quiz without an answer: add answer="0b…" (the state word)');
  const answer = answerText === true ? undefined : parseWord(answerText);
  if (answer === undefined) return fail('answer= must be a state word like "0b11_101100" or a number');
  if (choices.length > 0) return fail('a state-word quiz takes a typed answer, not choices', choiceLines[0]);
  return { ok: true, quiz: { kind, ...base, after: after.value, task: after.value.task, answer } };
}

export function printQuiz(q: Quiz): string {
  const attrs: Array<readonly [string, string | number | undefined]> = [['kind', q.kind]];
  if (q.kind === 'output' && q.lines) {
    attrs.push(['lines', q.lines.from === q.lines.to ? `${q.lines.from}` : `${q.lines.from}-${q.lines.to}`]);
  }
  if (q.kind !== 'output') attrs.push(...matcherAttrs(q.after));
  if (q.kind === 'state-word') attrs.push(['answer', formatWord(q.answer)]);
  // Blank lines around the list keep the block as prettier formats markdown, so lessons stay stable.
  const out = [`::: quiz${printAttrs(attrs)}`, q.prompt];
  const choices = q.kind === 'state-word' ? [] : q.choices;
  if (choices.length > 0) out.push('', ...choices.map((c) => `- [${c.correct ? 'x' : ' '}] ${c.text}`), '');
  if (q.explain !== '') out.push(...(choices.length > 0 ? [] : ['']), EXPLAIN, q.explain);
  out.push(':::');
  return out.join('\n');
}
