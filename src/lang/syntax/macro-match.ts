/**
 * Matching a macro call's tokens against one rule's matcher. Repetitions are greedy and give back
 * iterations when what follows does not match (`$($x:expr),* $(,)?`); a fragment (`expr`, `ty`,
 * `pat`, …) is as long as the parser's reading of it, as in rustc, which never backtracks into a
 * fragment. The furthest token any attempt failed at is what rustc's "no rules expected" names.
 */
import type { Fragment, Matcher } from './macro-rules.ts';
import { isClose, isOpen } from './macro-rules.ts';
import type { Token } from './tokens.ts';

/** What a metavariable matched: tokens, or one binding per repetition. */
export type Binding = { kind: 'one'; frag: Fragment; toks: Token[] } | { kind: 'seq'; items: Binding[] };
export type Bindings = ReadonlyMap<string, Binding>;

/** The call's tokens, with each open delimiter's matching close. */
export interface MatchInput {
  toks: readonly Token[];
  closeOf: readonly number[];
  /** Tokens a fragment of this kind spans from `pos` (before `end`), or -1 when it does not parse. */
  fragLen: (frag: Fragment, pos: number, end: number) => number;
  /** The furthest position an attempt failed at (across rules). */
  furthest: number;
}

export function matchInput(toks: readonly Token[], fragLen: MatchInput['fragLen']): MatchInput {
  const closeOf: number[] = new Array<number>(toks.length).fill(-1);
  const stack: number[] = [];
  toks.forEach((t, i) => {
    if (isOpen(t)) stack.push(i);
    else if (isClose(t)) {
      const o = stack.pop();
      if (o !== undefined) closeOf[o] = i;
    }
  });
  return { toks, closeOf, fragLen, furthest: -1 };
}

/** The bindings when the whole input matches `matcher`, else null. */
export function matchRule(input: MatchInput, matcher: Matcher[]): Bindings | null {
  let found: Bindings | null = null;
  seq(input, matcher, 0, 0, input.toks.length, new Map(), (pos, b) => {
    if (pos !== input.toks.length) return miss(input, pos);
    found = b;
    return true;
  });
  return found;
}

type Next = (pos: number, b: Bindings) => boolean;

function miss(input: MatchInput, pos: number): false {
  if (pos > input.furthest) input.furthest = pos;
  return false;
}

function seq(input: MatchInput, ms: Matcher[], mi: number, pos: number, end: number, b: Bindings, k: Next): boolean {
  if (mi === ms.length) return k(pos, b);
  const m = ms[mi];
  const rest: Next = (p2, b2) => seq(input, ms, mi + 1, p2, end, b2, k);
  switch (m.kind) {
    case 'tok':
      if (pos < end && sameToken(input.toks[pos], m.tok)) return rest(pos + 1, b);
      return miss(input, pos);
    case 'group': {
      const t = input.toks[pos];
      if (pos >= end || t.kind !== 'punct' || t.text !== m.open.text) return miss(input, pos);
      const close = input.closeOf[pos];
      return seq(input, m.inner, 0, pos + 1, close, b, (p2, b2) =>
        p2 === close ? rest(close + 1, b2) : miss(input, p2),
      );
    }
    case 'frag': {
      const n = pos < end ? input.fragLen(m.frag, pos, end) : -1;
      if (n <= 0 && !(n === 0 && m.frag === 'vis')) return miss(input, pos);
      const bound = new Map(b);
      bound.set(m.name, { kind: 'one', frag: m.frag, toks: input.toks.slice(pos, pos + n) });
      return rest(pos + n, bound);
    }
    case 'rep':
      return repeat(input, m, pos, end, b, [], rest);
  }
}

function repeat(
  input: MatchInput,
  m: Extract<Matcher, { kind: 'rep' }>,
  pos: number,
  end: number,
  outer: Bindings,
  items: Bindings[],
  k: Next,
): boolean {
  const canMore = m.op !== '?' || items.length === 0;
  if (canMore) {
    let from = pos;
    let sepOk = true;
    if (items.length > 0 && m.sep !== null) {
      sepOk = from < end && sameToken(input.toks[from], m.sep);
      if (sepOk) from++;
      else miss(input, from);
    }
    const more =
      sepOk &&
      seq(input, m.inner, 0, from, end, new Map(), (p2, b2) =>
        p2 > pos ? repeat(input, m, p2, end, outer, [...items, b2], k) : false,
      );
    if (more) return true;
  }
  if (m.op === '+' && items.length === 0) return false;
  const bound = new Map(outer);
  for (const name of m.names) bound.set(name, { kind: 'seq', items: items.map((it) => it.get(name) ?? EMPTY) });
  return k(pos, bound);
}

const EMPTY: Binding = { kind: 'seq', items: [] };

export function sameToken(a: Token, b: Token): boolean {
  return a.kind === b.kind && a.text === b.text;
}
