/**
 * Claim markers (lessons/README.md "The claims ledger"): `[^id]` after a sentence names the ledger
 * entry that gives its evidence; `[^-]` says the sentence makes no claim about Tokio (an
 * instruction, a question to the room). This module finds the sentences of a lesson — slide prose,
 * notes, quiz prompts and explanations, cue narration, and the comments of its Rust files — with
 * their markers, and strips markers from text shown to learners. Pure: text in, records out.
 */
import { parseAttrs } from '../attrs.ts';

/** `[^abort-marks]` or `[^-]`. */
const MARKER = /\[\^([a-z0-9][a-z0-9-]*|-)\]/g;
export const NO_CLAIM = '-';

export interface Sentence {
  readonly text: string;
  /** Line (1-based) where the sentence starts. */
  readonly line: number;
  /** Ledger ids it cites (`-` for "no claim"). */
  readonly ids: readonly string[];
}

/** The text without its markers (and the space before each). */
export function stripMarkers(text: string): string {
  return text.replace(/[ \t]?\[\^([a-z0-9][a-z0-9-]*|-)\]/g, '');
}

/** In a Rust line, strips markers only inside a `//` comment, so code is never touched. */
export function stripCommentMarkers(line: string): string {
  const i = line.indexOf('//');
  return i < 0 ? line : line.slice(0, i) + stripMarkers(line.slice(i));
}

/**
 * Words that make a sentence a statement about what Tokio (or the program on Tokio) does. Inline
 * code counts too. A sentence with one of them needs a marker; a question does not.
 */
const TOKIO_WORDS =
  /`|\b(tokio|tasks?|runtime|spawn\w*|abort\w*|join\w*|handles?|tokens?|cancel\w*|poll\w*|wak\w*|queues?|queued|schedul\w*|shut\w*|panic\w*|select|drop\w*|notified|state word|workers?|blocking|lifo|steal\w*|budget|yield\w*|detach\w*|orphan\w*|leak\w*|await\w*|future\w*)\b/i;

export function needsEvidence(sentence: string): boolean {
  const t = stripMarkers(sentence).trim();
  if (t === '' || t.endsWith('?')) return false;
  return TOKIO_WORDS.test(t);
}

interface Chunk {
  readonly text: string;
  readonly line: number;
}

/**
 * Splits a paragraph into sentences: after `.`, `!` or `?` (and any markers right after it)
 * followed by white space. Inline code is not split.
 */
export function splitSentences(chunk: Chunk): Sentence[] {
  const out: Sentence[] = [];
  const lines = chunk.text.split('\n');
  let cur = '';
  let start = chunk.line;
  let inCode = false;
  const flush = (): void => {
    const text = cur.trim();
    if (text !== '') out.push({ text, line: start, ids: [...text.matchAll(MARKER)].map((m) => m[1] ?? '') });
    cur = '';
  };
  lines.forEach((l, k) => {
    for (let i = 0; i < l.length; i++) {
      const ch = l[i] ?? '';
      if (cur.trim() === '') start = chunk.line + k;
      cur += ch;
      if (ch === '`') inCode = !inCode;
      if (inCode || !'.!?'.includes(ch)) continue;
      // take markers glued to the end of the sentence
      let j = i + 1;
      for (
        let m = /^\[\^([a-z0-9][a-z0-9-]*|-)\]/.exec(l.slice(j));
        m;
        m = /^\[\^([a-z0-9][a-z0-9-]*|-)\]/.exec(l.slice(j))
      ) {
        cur += m[0];
        j += m[0].length;
      }
      // a full stop inside a word or a number (`0.7`, `e.g.`) does not end a sentence, nor does
      // a mark followed by a lower-case word (`select! races`)
      if (j < l.length && l[j] !== ' ' && l[j] !== '\t') continue;
      if (/^\s+[a-z]/.test(l.slice(j))) continue;
      i = j - 1;
      flush();
    }
    cur += ' ';
  });
  flush();
  return out;
}

const FENCE = /^(`{3,}|~{3,})/;
const CHOICE = /^\s*- \[( |x)\]/;

/** Collects lines into paragraphs and paragraphs into sentences. */
class Paragraphs {
  readonly out: Sentence[] = [];
  private lines: string[] = [];
  private line = 0;
  add(text: string, line: number): void {
    if (this.lines.length === 0) this.line = line;
    this.lines.push(text);
  }
  end(): void {
    if (this.lines.length > 0) this.out.push(...splitSentences({ text: this.lines.join('\n'), line: this.line }));
    this.lines = [];
  }
}

/**
 * The sentences of a lesson document. Front matter, titles, fenced code, directives other than a
 * cue's `say=`, quiz choices and `::explain` lines are not prose.
 */
export function lessonSentences(text: string): Sentence[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const p = new Paragraphs();
  const out = p.out;
  const endPara = (): void => p.end();
  let i = 0;
  if (lines[0]?.trimEnd() === '---') {
    i = 1;
    while (i < lines.length && lines[i]?.trimEnd() !== '---') i++;
    i++;
  }
  let fence = '';
  for (; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const n = i + 1;
    if (fence !== '') {
      if (raw.trim().startsWith(fence) && raw.trim().replace(new RegExp(`^\\${fence[0] ?? '`'}+`), '') === '')
        fence = '';
      continue;
    }
    const f = FENCE.exec(raw.trim());
    if (f) {
      endPara();
      fence = f[1] ?? '```';
      continue;
    }
    const t = raw.trim();
    if (t.startsWith('::cue')) {
      endPara();
      const body = /\{(.*)\}\s*$/.exec(t);
      const attrs = body ? parseAttrs(body[1] ?? '') : undefined;
      const say = attrs?.ok ? attrs.attrs.get('say') : undefined;
      if (typeof say === 'string') out.push(...splitSentences({ text: say, line: n }));
      continue;
    }
    if (t === '' || t === '---' || t.startsWith('::') || t.startsWith('# ') || CHOICE.test(raw)) {
      endPara();
      continue;
    }
    if (/^([-*]|\d+\.)\s/.test(t)) endPara();
    p.add(t.replace(/^([-*]|\d+\.)\s+/, ''), n);
  }
  endPara();
  return out;
}

/** The sentences of the `//` comments of a Rust file (doc comments included). */
export function commentSentences(source: string): Sentence[] {
  const p = new Paragraphs();
  const out = p.out;
  const endPara = (): void => p.end();
  source.split('\n').forEach((l, k) => {
    const m = /^\s*\/\/[/!]?\s?(.*)$/.exec(l);
    const trailing = m ? undefined : /\/\/\s?(.*)$/.exec(l.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
    if (m) {
      p.add(m[1] ?? '', k + 1);
      return;
    }
    endPara();
    if (trailing) out.push(...splitSentences({ text: trailing[1] ?? '', line: k + 1 }));
  });
  endPara();
  return out;
}
