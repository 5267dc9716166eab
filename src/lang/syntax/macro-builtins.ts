/**
 * `stringify!` and `concat!`: both become one string literal token in place, before the parser
 * reads the expression, so they also work where a format string is expected
 * (`println!(concat!("{}", "!"), x)`) and on a `macro_rules!` fragment (`stringify!($e)`).
 * stringify! spaces tokens the way rustc 1.95's token printer does: from the source's spacing,
 * never inside `(…)`/`[…]`, never before `,` `;` `.` or between a name and its `(`.
 */
import { closeIndex, invisibleTokens } from './macro-expand.ts';
import { isClose, isOpen, sourceText } from './macro-rules.ts';
import type { Parser } from './parser-core.ts';
import { describe } from './parser-core.ts';
import { LiteralValue, Token } from './tokens.ts';

const BUILTINS = new Set(['stringify', 'concat']);

/** `stringify!(` / `concat!(` (any delimiter) at the cursor. */
export function isBuiltinMacroCall(p: Parser): boolean {
  const t = p.tok;
  return t.kind === 'ident' && !t.rawIdent && BUILTINS.has(t.text) && p.isAt(1, '!') && isOpen(p.peek(2));
}

/** Replaces the call at the cursor by its string literal. */
export function expandBuiltinMacro(p: Parser): void {
  const start = p.pos;
  const nameTok = p.tok;
  const name = nameTok.text;
  if (closeIndex(p.tokens, start + 2) < 0) p.fail(`unclosed call of \`${name}!\``);
  // concat! expands the calls inside it first (`concat!(stringify!(a), "b")`); stringify! does not.
  if (name === 'concat') {
    for (p.pos = start + 3; p.pos < closeIndex(p.tokens, start + 2); p.pos++) {
      if (isBuiltinMacroCall(p)) expandBuiltinMacro(p);
    }
  }
  p.pos = start;
  const closeAt = closeIndex(p.tokens, start + 2);
  const close = p.tokens[closeAt];
  const args = p.tokens.slice(start + 3, closeAt).filter((t) => !invisibleTokens.has(t));
  const value = name === 'stringify' ? stringifyTokens(args) : concatLiterals(p, args);
  const t = new Token(
    'str',
    quote(value),
    nameTok.start,
    close.end,
    nameTok.line,
    nameTok.col,
    close.endLine,
    close.endCol,
  );
  t.spaced = nameTok.spaced;
  const lit = new LiteralValue();
  lit.str = value;
  t.lit = lit;
  p.tokens.splice(start, closeAt - start + 1, t);
}

export function stringifyTokens(toks: readonly Token[]): string {
  let out = '';
  toks.forEach((t, i) => {
    const prev = toks[i - 1];
    if (prev !== undefined && t.spaced && spaceBetween(prev, t)) out += ' ';
    out += sourceText(t);
  });
  return out;
}

function spaceBetween(a: Token, b: Token): boolean {
  const punct = (t: Token): boolean => t.kind === 'punct' && !isClose(t) && !isOpen(t);
  if (a.kind === 'punct' && (a.text === '(' || a.text === '[')) return false;
  if (b.kind === 'punct' && (b.text === ')' || b.text === ']')) return false;
  if (a.kind === 'punct' && a.text === '.' && !punct(b)) return false;
  if (a.kind === 'punct' && a.text === '$' && b.kind === 'ident') return false;
  if (b.kind === 'punct' && [',', ';', '.'].includes(b.text) && !punct(a)) return false;
  if (a.kind === 'ident' && b.kind === 'punct' && b.text === '(') return isReservedBeforeParen(a);
  if (a.kind === 'punct' && a.text === '#' && b.kind === 'punct' && b.text === '[') return false;
  return true;
}

const RESERVED_BEFORE_PAREN = new Set(
  'as break const continue crate else enum extern false for if impl in let loop match mod move mut ref return self static struct super trait true type unsafe use where while async await dyn'.split(
    ' ',
  ),
);

function isReservedBeforeParen(t: Token): boolean {
  return !t.rawIdent && RESERVED_BEFORE_PAREN.has(t.text);
}

function concatLiterals(p: Parser, toks: readonly Token[]): string {
  let out = '';
  for (let i = 0; i < toks.length; i++) {
    let t = toks[i];
    let sign = '';
    if (t.kind === 'punct' && t.text === '-') {
      sign = '-';
      t = toks[++i] ?? t;
    }
    if (t.kind === 'str' || t.kind === 'char') out += sign + t.str;
    else if (t.kind === 'int') out += sign + t.int.toString();
    else if (t.kind === 'float') out += sign + t.text.replace(/_/g, '').replace(/f(32|64)$/, '');
    else if (t.kind === 'ident' && !t.rawIdent && (t.text === 'true' || t.text === 'false') && sign === '')
      out += t.text;
    else p.fail('expected a literal', 'only literals (like `"foo"`, `-42` and `3.14`) can be passed to `concat!()`', t);
    const sep = toks[i + 1];
    if (sep !== undefined && !(sep.kind === 'punct' && sep.text === ',')) {
      p.fail(`expected \`,\`, found ${describe(sep)}`, undefined, sep);
    }
    i++;
  }
  return out;
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
