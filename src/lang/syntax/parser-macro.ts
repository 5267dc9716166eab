/**
 * Macro calls. The subset's macros are parsed into structured nodes (format macros, asserts,
 * `vec!`, `matches!`, `dbg!`, and tokio's `select!`/`join!`/`try_join!`/`pin!` — tokio-facts §12
 * for select's branch grammar); any other macro is a located error.
 */
import type { Expr, FormatArg, LetStmt, MacroExpr, Path, SelectBranch, StrLit } from './ast.ts';
import { expandBuiltinMacro, isBuiltinMacroCall } from './macro-builtins.ts';
import { describe } from './parser-core.ts';
import type { Parser } from './parser-core.ts';
import { parseBlockExpr, parseExpr, parseExprList, parseLiteral } from './parser-expr.ts';
import { parsePattern } from './parser-pattern.ts';
import { parseLetStmt } from './parser-stmt.ts';
import type { Token } from './tokens.ts';

const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

export const SUPPORTED_MACROS: readonly string[] = [
  'println',
  'print',
  'eprintln',
  'eprint',
  'format',
  'write',
  'writeln',
  'panic',
  'assert',
  'assert_eq',
  'assert_ne',
  'debug_assert',
  'debug_assert_eq',
  'debug_assert_ne',
  'unreachable',
  'todo',
  'unimplemented',
  'vec',
  'matches',
  'dbg',
  'select',
  'join',
  'try_join',
  'pin',
];

const FORMAT_MACROS = new Set([
  'println',
  'print',
  'eprintln',
  'eprint',
  'format',
  'panic',
  'unreachable',
  'todo',
  'unimplemented',
]);

/** `path! {` ahead: a brace-delimited macro call, which is block-like in statement position. */
export function isBraceMacroStart(p: Parser): boolean {
  let k = 0;
  if (p.isAt(0, '::')) k++;
  for (;;) {
    if (p.peek(k).kind !== 'ident') return false;
    k++;
    if (!p.isAt(k, '::')) break;
    k++;
  }
  return p.isAt(k, '!') && p.isAt(k + 1, '{');
}

/** At the `!` after `path`. */
export function parseMacro(p: Parser, path: Path, start: Token): MacroExpr {
  const last = path.segments[path.segments.length - 1];
  const name = last?.name ?? '';
  if (path.qself || path.segments.some((s) => s.args !== null)) p.fail('a macro path cannot have generic arguments');
  p.advance();
  const open = p.advance();
  const delim = open.text as '(' | '[' | '{';
  const close = CLOSE[delim] ?? ')';
  if (!SUPPORTED_MACROS.includes(name)) {
    p.fail(
      `the macro \`${name}!\` is not supported`,
      `supported macros: ${SUPPORTED_MACROS.map((m) => m + '!').join(', ')}`,
      p.spanFrom(start),
    );
  }
  return p.delimited(() => {
    const base = { path, name, delim };
    const span = (): MacroExpr['span'] => p.spanFrom(start);
    if (FORMAT_MACROS.has(name)) {
      const { format, args } = parseFormatTail(p, close, true);
      return { kind: 'FormatMacro', ...base, target: null, format, args, span: span() };
    }
    switch (name) {
      case 'write':
      case 'writeln': {
        const target = parseExpr(p);
        let tail: { format: StrLit | null; args: FormatArg[] } = { format: null, args: [] };
        if (p.eat(',')) tail = parseFormatTail(p, close, true);
        else p.expect(close, `to close \`${name}!\``);
        return { kind: 'FormatMacro', ...base, target, ...tail, span: span() };
      }
      case 'assert':
      case 'debug_assert': {
        const cond = parseExpr(p);
        const tail = p.eat(',') ? parseFormatTail(p, close, true) : closeWith(p, close, name);
        return { kind: 'AssertMacro', ...base, cond, ...tail, span: span() };
      }
      case 'assert_eq':
      case 'assert_ne':
      case 'debug_assert_eq':
      case 'debug_assert_ne': {
        const left = parseExpr(p);
        p.expect(',', `between the two values of \`${name}!\``);
        const right = parseExpr(p);
        const tail = p.eat(',') ? parseFormatTail(p, close, true) : closeWith(p, close, name);
        const op = name.endsWith('eq') ? 'eq' : 'ne';
        return { kind: 'AssertCmpMacro', ...base, op, left, right, ...tail, span: span() };
      }
      case 'vec': {
        if (p.eat(close)) return { kind: 'VecMacro', ...base, elems: [], repeat: null, span: span() };
        const first = parseExpr(p);
        if (p.eat(';')) {
          const count = parseExpr(p);
          p.expect(close, 'to close `vec!`');
          return { kind: 'VecMacro', ...base, elems: [], repeat: { value: first, count }, span: span() };
        }
        const elems = [first];
        if (!p.eat(close)) {
          p.expect(',', 'or `;` in `vec!`');
          elems.push(...parseExprList(p, close));
        }
        return { kind: 'VecMacro', ...base, elems, repeat: null, span: span() };
      }
      case 'matches': {
        const expr = parseExpr(p);
        p.expect(',', 'between the value and the pattern of `matches!`');
        const pat = parsePattern(p);
        const guard = p.eatKw('if') ? parseExpr(p) : null;
        p.eat(',');
        p.expect(close, 'to close `matches!`');
        return { kind: 'MatchesMacro', ...base, expr, pat, guard, span: span() };
      }
      case 'dbg':
        return { kind: 'DbgMacro', ...base, args: parseExprList(p, close), span: span() };
      case 'select':
        return parseSelect(p, close, base, start);
      case 'join':
      case 'try_join': {
        const biased = eatBiased(p);
        const futures = parseExprList(p, close);
        return { kind: 'JoinMacro', ...base, isTry: name === 'try_join', biased, futures, span: span() };
      }
      default:
        return parsePin(p, close, base, start);
    }
  });
}

function closeWith(p: Parser, close: string, name: string): { format: StrLit | null; args: FormatArg[] } {
  p.expect(close, `to close \`${name}!\``);
  return { format: null, args: [] };
}

/** `"fmt", a, name = b` up to `close` (consumed); an empty argument list gives a null format. */
function parseFormatTail(p: Parser, close: string, allowEmpty: boolean): { format: StrLit | null; args: FormatArg[] } {
  if (allowEmpty && p.eat(close)) return { format: null, args: [] };
  if (isBuiltinMacroCall(p)) expandBuiltinMacro(p);
  if (p.tok.kind !== 'str') {
    p.fail(`expected a format string literal, found ${describe(p.tok)}`, 'write the format string first: "{}"');
  }
  const format = parseLiteral(p) as StrLit;
  const args: FormatArg[] = [];
  while (p.eat(',')) {
    if (p.is(close)) break;
    const t = p.tok;
    let name: string | null = null;
    if (p.isIdent() && p.isAt(1, '=')) {
      name = p.advance().text;
      p.advance();
    }
    const value = parseExpr(p);
    args.push({ kind: 'FormatArg', name, value, span: p.spanFrom(t) });
  }
  p.expect(close, 'to close the macro arguments');
  return { format, args };
}

function eatBiased(p: Parser): boolean {
  if (p.tok.kind === 'ident' && p.tok.text === 'biased' && p.isAt(1, ';')) {
    p.advance();
    p.advance();
    return true;
  }
  return false;
}

function parseSelect(
  p: Parser,
  close: string,
  base: { path: Path; name: string; delim: '(' | '[' | '{' },
  start: Token,
): MacroExpr {
  const biased = eatBiased(p);
  const branches: SelectBranch[] = [];
  let elseBranch: Expr | null = null;
  while (!p.eat(close)) {
    if (p.isEof()) p.fail('unclosed `select!`', undefined, start);
    if (elseBranch !== null) p.fail('the `else` branch must be the last one in `select!`');
    if (p.isKw('else')) {
      p.advance();
      p.expect('=>', 'after `else` in `select!`');
      elseBranch = parseHandler(p, close);
      continue;
    }
    const bstart = p.tok;
    const pat = parsePattern(p);
    p.expect('=', 'between the pattern and the future of a `select!` branch');
    const future = parseExpr(p);
    let guard: Expr | null = null;
    if (p.is(',') && p.isKwAt(1, 'if')) {
      p.advance();
      p.advance();
      guard = parseExpr(p);
    }
    p.expect('=>', 'in the `select!` branch');
    const handler = parseHandler(p, close);
    branches.push({ kind: 'SelectBranch', pat, future, guard, handler, span: p.spanFrom(bstart) });
  }
  return { kind: 'SelectMacro', ...base, biased, branches, elseBranch, span: p.spanFrom(start) };
}

/** A select handler: a block (comma optional) or an expression (comma unless last). */
function parseHandler(p: Parser, close: string): Expr {
  if (p.is('{')) {
    const e = parseBlockExpr(p, null);
    p.eat(',');
    return e;
  }
  const e = parseExpr(p);
  if (!p.eat(',') && !p.is(close)) p.fail(`expected \`,\` after the \`select!\` branch, found ${describe(p.tok)}`);
  return e;
}

/** Is the macro starting at `start` inside an expression (not at the start of a statement)? */
function inExpressionPosition(p: Parser, start: Token): boolean {
  const i = p.tokens.indexOf(start);
  const before = i > 0 ? p.tokens[i - 1] : undefined;
  return before !== undefined && before.text !== ';' && before.text !== '{' && before.text !== '}';
}

function parsePin(
  p: Parser,
  close: string,
  base: { path: Path; name: string; delim: '(' | '[' | '{' },
  start: Token,
): MacroExpr {
  const names: { name: string; span: MacroExpr['span'] }[] = [];
  const lets: LetStmt[] = [];
  // `std::pin::pin!(async { … })`: anything but a list of names (or `let`s) is std's expression form,
  // and so is `pin!(fut)` where an expression stands (`let f = pin!(fut);`), unless it is tokio's
  const names1 = p.isIdent() && (p.isAt(1, ',') || p.isAt(1, close));
  if (!p.isKw('let') && (!names1 || (inExpressionPosition(p, start) && base.path.segments[0]?.name !== 'tokio'))) {
    const expr = parseExpr(p);
    p.expect(close, 'to close `pin!`');
    return { kind: 'PinMacro', ...base, names, lets, expr, span: p.spanFrom(start) };
  }
  while (!p.eat(close)) {
    if (p.isKw('let')) {
      lets.push(parseLetStmt(p, []));
      continue;
    }
    const t = p.expectIdent('a local variable to pin');
    names.push({ name: t.text, span: p.spanOf(t) });
    if (!p.eat(',')) {
      p.expect(close, 'to close `pin!`');
      break;
    }
  }
  return { kind: 'PinMacro', ...base, names, lets, span: p.spanFrom(start) };
}
