/**
 * `macro_rules!` definitions: the body's token trees read into rules (a matcher and a
 * transcriber each). Matching and expansion live in macro-match.ts and macro-expand.ts; the
 * parser expands a call where it meets it, so a macro is usable after its definition, as rustc's
 * textual scoping of `macro_rules!` has it.
 */
import { DiagnosticError, diagnosticAt } from '../diagnostics.ts';
import type { Token } from './tokens.ts';

export const FRAGMENTS = [
  'expr',
  'ident',
  'ty',
  'tt',
  'literal',
  'pat',
  'pat_param',
  'block',
  'stmt',
  'path',
  'item',
  'lifetime',
  'vis',
  'meta',
] as const;
export type Fragment = (typeof FRAGMENTS)[number];

export type RepOp = '*' | '+' | '?';

/** One node of a matcher: a literal token, a delimited group, `$name:frag` or `$( … ) sep op`. */
export type Matcher =
  | { kind: 'tok'; tok: Token }
  | { kind: 'group'; open: Token; inner: Matcher[] }
  | { kind: 'frag'; name: string; frag: Fragment; tok: Token }
  | { kind: 'rep'; inner: Matcher[]; sep: Token | null; op: RepOp; names: string[] };

/** One node of a transcriber: a token, a group, `$name` or `$( … ) sep op`. */
export type Transcriber =
  | { kind: 'tok'; tok: Token }
  | { kind: 'group'; open: Token; close: Token; inner: Transcriber[] }
  | { kind: 'var'; name: string; tok: Token }
  | { kind: 'rep'; inner: Transcriber[]; sep: Token | null; op: RepOp; tok: Token };

export interface MacroRule {
  matcher: Matcher[];
  transcriber: Transcriber[];
}

export interface MacroDef {
  name: string;
  rules: MacroRule[];
}

/** The macros defined so far in one parse, shared with the parsers that match fragments. */
export interface MacroTable {
  defs: Map<string, MacroDef>;
  /** Expansions so far: a runaway recursion must end in a diagnostic. */
  expansions: number;
}

/** A token tree: one token, or a delimited group with its inner trees. */
export type TokenTree = { kind: 'tok'; tok: Token } | { kind: 'group'; open: Token; close: Token; inner: TokenTree[] };

const OPEN_TO_CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

export function isOpen(t: Token): boolean {
  return t.kind === 'punct' && OPEN_TO_CLOSE[t.text] !== undefined;
}
export function isClose(t: Token): boolean {
  return t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}');
}

/** Reads balanced token trees from `tokens` (which must be balanced). */
export function tokenTrees(tokens: readonly Token[], file: string): TokenTree[] {
  const stack: { open: Token; inner: TokenTree[] }[] = [{ open: tokens[0], inner: [] }];
  for (const t of tokens) {
    const top = stack[stack.length - 1];
    if (isOpen(t)) stack.push({ open: t, inner: [] });
    else if (isClose(t)) {
      if (stack.length === 1 || OPEN_TO_CLOSE[top.open.text] !== t.text) fail(file, t, `unexpected \`${t.text}\``);
      stack.pop();
      stack[stack.length - 1].inner.push({ kind: 'group', open: top.open, close: t, inner: top.inner });
    } else top.inner.push({ kind: 'tok', tok: t });
  }
  if (stack.length !== 1) fail(file, stack[stack.length - 1].open, 'this delimiter is never closed');
  return stack[0].inner;
}

/** The rules of `macro_rules! name { (…) => {…}; … }`, from the trees inside the outer braces. */
export function readRules(name: string, body: TokenTree[], file: string): MacroDef {
  const rules: MacroRule[] = [];
  let i = 0;
  while (i < body.length) {
    const m = body[i];
    const arrow = body[i + 1];
    const t = body[i + 2];
    if (m.kind !== 'group') return fail(file, treeTok(m), 'expected a macro matcher in `(…)`, `[…]` or `{…}`');
    if (arrow?.kind !== 'tok' || arrow.tok.text !== '=>') return fail(file, m.close, 'expected `=>` after the matcher');
    if (t?.kind !== 'group') return fail(file, arrow.tok, 'expected the macro body in `{…}` after `=>`');
    rules.push({ matcher: readMatcher(m.inner, file), transcriber: readTranscriber(t.inner, file) });
    i += 3;
    const semi = body[i];
    if (semi === undefined) break;
    if (semi.kind !== 'tok' || semi.tok.text !== ';') return fail(file, treeTok(semi), 'expected `;` between rules');
    i++;
  }
  if (rules.length === 0)
    fail(file, body[0] === undefined ? null : treeTok(body[0]), 'a macro needs at least one rule');
  return { name, rules };
}

function readMatcher(trees: TokenTree[], file: string): Matcher[] {
  const out: Matcher[] = [];
  for (let i = 0; i < trees.length; i++) {
    const t = trees[i];
    if (t.kind === 'group') {
      out.push({ kind: 'group', open: t.open, inner: readMatcher(t.inner, file) });
      continue;
    }
    if (!isDollar(t)) {
      out.push({ kind: 'tok', tok: t.tok });
      continue;
    }
    const next = trees[i + 1];
    if (next?.kind === 'group' && next.open.text === '(') {
      const { sep, op, used } = readRepTail(trees, i + 2, file, t.tok);
      const inner = readMatcher(next.inner, file);
      out.push({ kind: 'rep', inner, sep, op, names: boundNames(inner) });
      i += used;
      continue;
    }
    if (next?.kind !== 'tok' || next.tok.kind !== 'ident') return fail(file, t.tok, 'expected a name after `$`');
    const colon = trees[i + 2];
    const frag = trees[i + 3];
    if (colon?.kind !== 'tok' || colon.tok.text !== ':' || frag?.kind !== 'tok') {
      return fail(file, next.tok, `missing fragment specifier for \`$${next.tok.text}\``);
    }
    const kind = FRAGMENTS.find((f) => f === frag.tok.text);
    if (kind === undefined) {
      return fail(file, frag.tok, `invalid fragment specifier \`${frag.tok.text}\``);
    }
    out.push({ kind: 'frag', name: next.tok.text, frag: kind, tok: next.tok });
    i += 3;
  }
  return out;
}

function readTranscriber(trees: TokenTree[], file: string): Transcriber[] {
  const out: Transcriber[] = [];
  for (let i = 0; i < trees.length; i++) {
    const t = trees[i];
    if (t.kind === 'group') {
      out.push({ kind: 'group', open: t.open, close: t.close, inner: readTranscriber(t.inner, file) });
      continue;
    }
    const next = trees[i + 1];
    if (!isDollar(t) || next === undefined) {
      out.push({ kind: 'tok', tok: t.tok });
      continue;
    }
    if (next.kind === 'group' && next.open.text === '(') {
      const { sep, op, used } = readRepTail(trees, i + 2, file, t.tok);
      out.push({ kind: 'rep', inner: readTranscriber(next.inner, file), sep, op, tok: t.tok });
      i += used;
    } else if (next.kind === 'tok' && next.tok.kind === 'ident') {
      // `$crate` names the defining crate, which is always this one.
      if (next.tok.text === 'crate') out.push({ kind: 'tok', tok: next.tok });
      else out.push({ kind: 'var', name: next.tok.text, tok: next.tok });
      i++;
    } else out.push({ kind: 'tok', tok: t.tok });
  }
  return out;
}

/** After `$( … )`: an optional separator token, then `*`, `+` or `?`; `used` counts the group too. */
function readRepTail(
  trees: TokenTree[],
  at: number,
  file: string,
  dollar: Token,
): { sep: Token | null; op: RepOp; used: number } {
  const a = trees[at];
  const b = trees[at + 1];
  const opOf = (t: TokenTree | undefined): RepOp | null =>
    t?.kind === 'tok' && (t.tok.text === '*' || t.tok.text === '+' || t.tok.text === '?') && t.tok.kind === 'punct'
      ? t.tok.text
      : null;
  const direct = opOf(a);
  if (direct !== null) return { sep: null, op: direct, used: 2 };
  const op = opOf(b);
  if (a?.kind === 'tok' && op !== null) return { sep: a.tok, op, used: 3 };
  return fail(file, dollar, 'expected one of: `*`, `+`, or `?` after the repetition');
}

function boundNames(ms: Matcher[]): string[] {
  const out: string[] = [];
  for (const m of ms) {
    if (m.kind === 'frag') out.push(m.name);
    else if (m.kind === 'group' || m.kind === 'rep') out.push(...boundNames(m.inner));
  }
  return out;
}

/** A token as written (a lifetime with its quote, a raw name with `r#`). */
export function sourceText(t: Token): string {
  if (t.kind === 'lifetime') return `'${t.text}`;
  if (t.kind === 'ident' && t.rawIdent) return `r#${t.text}`;
  return t.text;
}

function isDollar(t: TokenTree): boolean {
  return t.kind === 'tok' && t.tok.kind === 'punct' && t.tok.text === '$';
}

function treeTok(t: TokenTree): Token {
  return t.kind === 'tok' ? t.tok : t.open;
}

function fail(file: string, at: Token | null, message: string): never {
  const where = at ?? { line: 1, col: 1, endLine: 1, endCol: 2 };
  throw new DiagnosticError(diagnosticAt(file, where, message));
}
