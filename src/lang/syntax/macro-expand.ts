/**
 * Expanding a `macro_rules!` call where the parser meets it: the call's tokens are replaced in the
 * parser's token array by the first matching rule's transcription, and parsing goes on over them
 * (so a macro may expand to items, statements or an expression, and may call macros, itself
 * included).
 *
 * Locations follow rustc at run time: a panic inside an expansion is located at the call
 * (`sq!(a)`), so the transcriber's own tokens carry the call's line:col, and tokens that came
 * from the call's arguments keep theirs. Every expanded token gets a fresh offset inside the
 * call's range, increasing in order, so spans stay distinct and nested the way the checker
 * expects of source spans.
 */
import { DiagnosticError, diagnosticAt } from '../diagnostics.ts';
import { matchInput, matchRule } from './macro-match.ts';
import type { Binding, Bindings } from './macro-match.ts';
import type { Fragment, MacroDef, Transcriber } from './macro-rules.ts';
import { isClose, isOpen } from './macro-rules.ts';
import { parseOuterAttrs } from './parser-attr.ts';
import { Parser } from './parser-core.ts';
import { parseExpr } from './parser-expr.ts';
import { isItemStart, parseItem } from './parser-item.ts';
import { parsePattern, parsePatternNoAlt } from './parser-pattern.ts';
import { parsePath, parseType } from './parser-type.ts';
import { Token } from './tokens.ts';

/** rustc's default `recursion_limit`: how deep expansions may nest. */
const RECURSION_LIMIT = 128;
const MAX_EXPANSIONS = 20_000;
const MAX_TOKENS = 500_000;

/** How many expansions deep each expanded token was made (source tokens are absent: 0). */
const depthOf = new WeakMap<Token, number>();

/** The parentheses put around an `expr` fragment (rustc keeps it one operand); `stringify!` skips them. */
export const invisibleTokens = new WeakSet<Token>();

/** `name!(`, `name![` or `name!{` at the cursor, where `name` is a `macro_rules!` macro defined above. */
export function isUserMacroCall(p: Parser): boolean {
  const t = p.tok;
  return t.kind === 'ident' && p.macros.defs.has(t.text) && p.isAt(1, '!') && isOpen(p.peek(2));
}

/** Index of the token closing the delimiter at `open`, or -1. */
export function closeIndex(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (isOpen(t)) depth++;
    else if (isClose(t) && --depth === 0) return i;
  }
  return -1;
}

/**
 * Replaces the call at the cursor by its expansion. In expression position (`mode` 'expr') the
 * expansion is wrapped in invisible parentheses, so `add!(1, 2) * 3` multiplies the sum; in a
 * type or a pattern ('inline') it is spliced as it is.
 */
export function expandUserMacro(p: Parser, mode: 'expr' | 'stmt' | 'items' | 'inline'): void {
  const nameTok = p.tok;
  const def = p.macros.defs.get(nameTok.text);
  const openAt = p.pos + 2;
  const closeAt = closeIndex(p.tokens, openAt);
  if (def === undefined || closeAt < 0) p.fail(`unclosed call of \`${nameTok.text}!\``);
  const close = p.tokens[closeAt];
  const depth = (depthOf.get(nameTok) ?? 0) + 1;
  if (depth > RECURSION_LIMIT || ++p.macros.expansions > MAX_EXPANSIONS || p.tokens.length > MAX_TOKENS) {
    p.fail(`recursion limit reached while expanding \`${def.name}!\``, 'check that the macro stops recursing', nameTok);
  }
  const args = p.tokens.slice(openAt + 1, closeAt);
  const site: CallSite = { name: nameTok, close };
  let out = expandTokens(p, def, args, site);
  if (mode === 'expr') out = [invisible(atCall(PAREN_OPEN, site)), ...out, invisible(atCall(PAREN_CLOSE, site))];
  placeInside(out, nameTok.start, close.end);
  for (const t of out) depthOf.set(t, depth);
  p.tokens.splice(p.pos, closeAt - p.pos + 1, ...out);
}

interface CallSite {
  name: Token;
  close: Token;
}

function expandTokens(p: Parser, def: MacroDef, args: Token[], site: CallSite): Token[] {
  const input = matchInput(args, (frag, pos, end) => fragmentLength(p, args, frag, pos, end));
  for (const rule of def.rules) {
    const b = matchRule(input, rule.matcher);
    if (b !== null) return transcribe(p, rule.transcriber, b, site);
  }
  const at = args[input.furthest];
  if (at === undefined) {
    throw new DiagnosticError(
      diagnosticAt(p.file, site.close, 'unexpected end of macro invocation', 'missing tokens in macro arguments'),
    );
  }
  const shown = at.kind === 'lifetime' ? `'${at.text}` : at.text;
  throw new DiagnosticError(
    diagnosticAt(p.file, at, `no rules expected \`${shown}\``, `no rules of \`${def.name}!\` expected this token`),
  );
}

/** How many tokens from `pos` a fragment spans: read by a parser over just those tokens. */
function fragmentLength(p: Parser, toks: readonly Token[], frag: Fragment, pos: number, end: number): number {
  const t = toks[pos];
  switch (frag) {
    case 'ident':
      return t.kind === 'ident' && !(t.text === '_' && !t.rawIdent) ? 1 : -1;
    case 'lifetime':
      return t.kind === 'lifetime' ? 1 : -1;
    case 'tt':
      if (isOpen(t)) return closeIndex(toks, pos) + 1 - pos;
      return isClose(t) ? -1 : 1;
    case 'literal': {
      const neg = t.kind === 'punct' && t.text === '-' ? 1 : 0;
      const lit = toks[pos + neg];
      if (lit === undefined || pos + neg >= end) return -1;
      if (lit.kind === 'int' || lit.kind === 'float') return neg + 1;
      if (neg === 0 && (['str', 'char', 'byte', 'byteStr'].includes(lit.kind) || isBool(lit))) return 1;
      return -1;
    }
    case 'block':
      return t.kind === 'punct' && t.text === '{' ? closeIndex(toks, pos) + 1 - pos : -1;
    case 'vis':
      if (!(t.kind === 'ident' && t.text === 'pub')) return 0;
      return toks[pos + 1]?.text === '(' && pos + 1 < end ? closeIndex(toks, pos + 1) + 1 - pos : 1;
  }
  const slice = toks.slice(pos, end);
  const last = slice[slice.length - 1];
  const eof = new Token('eof', '', last.end, last.end, last.endLine, last.endCol, last.endLine, last.endCol + 1);
  const sub = new Parser([...slice, eof], p.file);
  sub.macros = p.macros;
  try {
    parseFragment(sub, frag);
  } catch (e) {
    if (e instanceof DiagnosticError || e instanceof RangeError) return -1;
    throw e;
  }
  if (sub.tok === eof) return slice.length;
  const n = slice.indexOf(sub.tok);
  return n > 0 ? n : -1;
}

function parseFragment(
  sub: Parser,
  frag: Exclude<Fragment, 'ident' | 'lifetime' | 'tt' | 'literal' | 'block' | 'vis'>,
): void {
  switch (frag) {
    case 'expr':
      parseExpr(sub);
      return;
    case 'ty':
      parseType(sub);
      return;
    case 'pat':
      parsePattern(sub);
      return;
    case 'pat_param':
      parsePatternNoAlt(sub);
      return;
    case 'path':
      parsePath(sub, 'type');
      return;
    case 'item': {
      const start = sub.tok;
      parseItem(sub, parseOuterAttrs(sub), start);
      return;
    }
    case 'stmt':
      parseStmtFragment(sub);
      return;
    case 'meta':
      parsePath(sub, 'type');
      if (isOpen(sub.tok)) sub.pos = closeIndex(sub.tokens, sub.pos) + 1;
      else if (sub.eat('=')) parseExpr(sub);
      return;
  }
}

/** A statement without its `;`: `let …`, an item, or an expression. */
function parseStmtFragment(sub: Parser): void {
  if (sub.eatKw('let')) {
    parsePattern(sub);
    if (sub.eat(':')) parseType(sub);
    if (sub.eat('=')) parseExpr(sub);
    return;
  }
  const start = sub.tok;
  const attrs = parseOuterAttrs(sub);
  if (isItemStart(sub)) parseItem(sub, attrs, start);
  else parseExpr(sub);
}

function isBool(t: Token): boolean {
  return t.kind === 'ident' && !t.rawIdent && (t.text === 'true' || t.text === 'false');
}

function transcribe(p: Parser, xs: Transcriber[], b: Bindings, site: CallSite): Token[] {
  const out: Token[] = [];
  for (const x of xs) {
    switch (x.kind) {
      case 'tok':
        out.push(atCall(x.tok, site));
        break;
      case 'group':
        out.push(atCall(x.open, site), ...transcribe(p, x.inner, b, site), atCall(x.close, site));
        break;
      case 'var': {
        const v = b.get(x.name);
        if (v === undefined) {
          out.push(atCall(x.tok, site));
          break;
        }
        if (v.kind === 'seq') p.fail(`variable \`${x.name}\` is still repeating at this depth`, undefined, x.tok);
        out.push(...fragmentTokens(v, site));
        break;
      }
      case 'rep': {
        const n = repeatCount(p, x, b);
        for (let i = 0; i < n; i++) {
          if (i > 0 && x.sep !== null) out.push(atCall(x.sep, site));
          const inner = new Map(b);
          for (const [name, v] of b) if (v.kind === 'seq' && usesName(x.inner, name)) inner.set(name, v.items[i]);
          out.push(...transcribe(p, x.inner, inner, site));
        }
        break;
      }
    }
  }
  return out;
}

/** How many times `$( … )` repeats: every repeating variable inside must agree. */
function repeatCount(p: Parser, x: Extract<Transcriber, { kind: 'rep' }>, b: Bindings): number {
  let n = -1;
  let first = '';
  for (const [name, v] of b) {
    if (v.kind !== 'seq' || !usesName(x.inner, name)) continue;
    if (n >= 0 && v.items.length !== n) {
      p.fail(
        `meta-variable \`${first}\` repeats ${n} times, but \`${name}\` repeats ${v.items.length} times`,
        undefined,
        x.tok,
      );
    }
    n = v.items.length;
    first = name;
  }
  if (n < 0) {
    p.fail(
      'attempted to repeat an expression containing no syntax variables matched as repeating at this depth',
      undefined,
      x.tok,
    );
  }
  return n;
}

function usesName(xs: Transcriber[], name: string): boolean {
  return xs.some(
    (x) =>
      (x.kind === 'var' && x.name === name) || ((x.kind === 'group' || x.kind === 'rep') && usesName(x.inner, name)),
  );
}

/**
 * A matched fragment's tokens at their own places. An `expr` stays one operand (`$x * $x` with
 * `1 + 2`), in parentheses located at the call, so that what the transcriber builds around it
 * (the product) is located at the call too, as rustc locates a panic inside an expansion. A lone
 * string literal stays bare: it may be a format string (`println!($fmt)`).
 */
function fragmentTokens(v: Extract<Binding, { kind: 'one' }>, site: CallSite): Token[] {
  const toks = v.toks.map(copyToken);
  if (v.frag !== 'expr' || (toks.length === 1 && toks[0].kind === 'str')) return toks;
  return [invisible(atCall(PAREN_OPEN, site)), ...toks, invisible(atCall(PAREN_CLOSE, site))];
}

const PAREN_OPEN = new Token('punct', '(', 0, 1, 1, 1, 1, 2);
const PAREN_CLOSE = new Token('punct', ')', 0, 1, 1, 1, 1, 2);

function invisible(t: Token): Token {
  invisibleTokens.add(t);
  return t;
}

function copyToken(t: Token): Token {
  const c = new Token(t.kind, t.text, t.start, t.end, t.line, t.col, t.endLine, t.endCol);
  c.spaced = t.spaced;
  c.rawIdent = t.rawIdent;
  c.lit = t.lit;
  if (invisibleTokens.has(t)) invisibleTokens.add(c);
  return c;
}

/** A transcriber token, placed at the call (from the macro's name to the closing delimiter). */
function atCall(t: Token, site: CallSite): Token {
  return placed(t, site.name, site.close);
}

/** A copy of `t` spanning from `from`'s start to `to`'s end (line:col only; offsets come later). */
function placed(t: Token, from: Token, to: Token): Token {
  const c = copyToken(t);
  c.line = from.line;
  c.col = from.col;
  c.endLine = to.endLine;
  c.endCol = to.endCol;
  return c;
}

/** Gives the tokens increasing offsets inside [start, end). */
function placeInside(toks: Token[], start: number, end: number): void {
  const step = (end - start) / (toks.length + 1);
  toks.forEach((t, i) => {
    t.start = start + step * i;
    t.end = start + step * (i + 1);
  });
}
