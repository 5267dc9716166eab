/**
 * Seeded mutations of Rust programs, the edits a learner makes by mistake: token edits (delete,
 * duplicate, swap or replace a token) and semantic edits (drop an `.await`, swap an identifier,
 * change a literal, duplicate or delete a line, delete a `move` or a `mut`, drop a `?`, take a
 * reference). Deterministic: the same seed and program give the same mutant, so every finding can be
 * replayed from its seed.
 */
import { lex, type Token } from '../syntax/index.ts';

/** A small seeded generator (splitmix32): enough for picking edits, and reproducible everywhere. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x9e3779b9) >>> 0;
    let z = this.s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }
  /** 0 ≤ n < below. */
  below(below: number): number {
    return below <= 0 ? 0 : this.next() % below;
  }
  pick<T>(xs: readonly T[]): T | undefined {
    return xs.length === 0 ? undefined : xs[this.below(xs.length)];
  }
}

export interface Mutant {
  readonly source: string;
  /** Which edit made it, for reports (`drop-await @12:30`). */
  readonly edit: string;
}

type Edit = (src: string, toks: Token[], rng: Rng) => Mutant | null;

function splice(src: string, start: number, end: number, text: string): string {
  return src.slice(0, start) + text + src.slice(end);
}

function at(t: Token): string {
  return `@${t.line}:${t.col}`;
}

const LITERALS = [
  '0',
  '1',
  '-1',
  '255',
  '256',
  '2147483648',
  '3_000_000_000',
  '18446744073709551615',
  '18446744073709551616',
  '1_000_000_000',
  '0.5',
  '1e308',
  'u64::MAX',
  'i32::MIN',
  '"text"',
  "'c'",
  'true',
  '()',
];

const PUNCT = [
  ';',
  ',',
  '.',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '&',
  '*',
  '?',
  '!',
  '=',
  '+',
  '-',
  '<',
  '>',
  '::',
  '=>',
  '|',
];
const KEYWORDS = [
  'async',
  'await',
  'move',
  'mut',
  'let',
  'fn',
  'loop',
  'return',
  'break',
  'match',
  'if',
  'else',
  'ref',
];

function tokenEdit(kind: 'delete' | 'duplicate' | 'swap' | 'replace'): Edit {
  return (src, toks, rng) => {
    const i = rng.below(toks.length - 1);
    const t = toks[i];
    if (t === undefined || t.kind === 'eof') return null;
    switch (kind) {
      case 'delete':
        return { source: splice(src, t.start, t.end, ''), edit: `delete-token ${at(t)}` };
      case 'duplicate':
        return { source: splice(src, t.end, t.end, ` ${src.slice(t.start, t.end)}`), edit: `duplicate-token ${at(t)}` };
      case 'swap': {
        const u = toks[i + 1];
        if (u === undefined || u.kind === 'eof') return null;
        const a = src.slice(t.start, t.end);
        const b = src.slice(u.start, u.end);
        return {
          source: src.slice(0, t.start) + b + src.slice(t.end, u.start) + a + src.slice(u.end),
          edit: `swap-tokens ${at(t)}`,
        };
      }
      case 'replace': {
        const pool = rng.below(3) === 0 ? KEYWORDS : PUNCT;
        const r = rng.pick(pool) ?? ';';
        return { source: splice(src, t.start, t.end, r), edit: `replace-token ${at(t)} with ${r}` };
      }
    }
  };
}

/** Removes `.await` (the dot and the keyword). */
const dropAwait: Edit = (src, toks, rng) => {
  const sites = toks.flatMap((t, i) => (t.text === 'await' && toks[i - 1]?.text === '.' ? [i] : []));
  const i = rng.pick(sites);
  if (i === undefined) return null;
  const dot = toks[i - 1];
  return { source: splice(src, dot.start, toks[i].end, ''), edit: `drop-await ${at(dot)}` };
};

/** Replaces one identifier with another identifier of the same program. */
const swapIdent: Edit = (src, toks, rng) => {
  const idents = toks.filter((t) => t.kind === 'ident');
  const t = rng.pick(idents);
  const other = rng.pick(idents);
  if (t === undefined || other === undefined || other.text === t.text) return null;
  return { source: splice(src, t.start, t.end, other.text), edit: `swap-ident ${at(t)} ${t.text}->${other.text}` };
};

const changeLiteral: Edit = (src, toks, rng) => {
  const lits = toks.filter((t) => t.kind === 'int' || t.kind === 'float' || t.kind === 'str');
  const t = rng.pick(lits);
  const r = rng.pick(LITERALS);
  if (t === undefined || r === undefined) return null;
  return { source: splice(src, t.start, t.end, r), edit: `change-literal ${at(t)} -> ${r}` };
};

function lineEdit(kind: 'duplicate' | 'delete'): Edit {
  return (src, _toks, rng) => {
    const lines = src.split('\n');
    const i = rng.below(lines.length);
    const line = lines[i];
    if (line === undefined || line.trim() === '') return null;
    if (kind === 'duplicate') lines.splice(i, 0, line);
    else lines.splice(i, 1);
    return { source: lines.join('\n'), edit: `${kind}-line ${i + 1}` };
  };
}

function dropWord(word: string): Edit {
  return (src, toks, rng) => {
    const t = rng.pick(toks.filter((x) => x.text === word && x.kind === 'ident'));
    if (t === undefined) return null;
    return { source: splice(src, t.start, t.end, ''), edit: `drop-${word} ${at(t)}` };
  };
}

const dropQuestion: Edit = (src, toks, rng) => {
  const t = rng.pick(toks.filter((x) => x.text === '?'));
  if (t === undefined) return null;
  return { source: splice(src, t.start, t.end, '.unwrap()'), edit: `question-to-unwrap ${at(t)}` };
};

const unwrapToQuestion: Edit = (src, toks, rng) => {
  const sites = toks.flatMap((t, i) =>
    t.text === 'unwrap' && toks[i - 1]?.text === '.' && toks[i + 2]?.text === ')' ? [i] : [],
  );
  const i = rng.pick(sites);
  if (i === undefined) return null;
  return { source: splice(src, toks[i - 1].start, toks[i + 2].end, '?'), edit: `unwrap-to-question ${at(toks[i])}` };
};

/** Takes a reference to an identifier (`x` → `&x`), or removes one. */
const toggleRef: Edit = (src, toks, rng) => {
  const t = rng.pick(toks.filter((x) => x.kind === 'ident' || x.text === '&'));
  if (t === undefined) return null;
  if (t.text === '&') return { source: splice(src, t.start, t.end, ''), edit: `drop-ref ${at(t)}` };
  return { source: splice(src, t.start, t.start, '&'), edit: `add-ref ${at(t)}` };
};

const EDITS: readonly Edit[] = [
  tokenEdit('delete'),
  tokenEdit('duplicate'),
  tokenEdit('swap'),
  tokenEdit('replace'),
  dropAwait,
  dropAwait,
  swapIdent,
  swapIdent,
  changeLiteral,
  changeLiteral,
  lineEdit('duplicate'),
  lineEdit('delete'),
  dropWord('move'),
  dropWord('mut'),
  dropWord('async'),
  dropQuestion,
  unwrapToQuestion,
  toggleRef,
];

/** The program's tokens; none when it no longer lexes (then only line edits apply). */
function tokensOf(src: string): Token[] {
  try {
    return lex(src);
  } catch {
    return [];
  }
}

/** One to three edits of `source`, chosen by `rng`. */
export function mutate(source: string, rng: Rng): Mutant {
  let src = source;
  const edits: string[] = [];
  const n = 1 + (rng.below(4) === 0 ? rng.below(3) : 0);
  for (let tries = 0; edits.length < n && tries < 20; tries++) {
    const toks = tokensOf(src);
    const e = toks.length > 1 ? rng.pick(EDITS) : rng.pick([lineEdit('duplicate'), lineEdit('delete')]);
    const m = e?.(src, toks, rng) ?? null;
    if (m === null || m.source === src) continue;
    src = m.source;
    edits.push(m.edit);
  }
  return { source: src, edit: edits.join(', ') || 'none' };
}
