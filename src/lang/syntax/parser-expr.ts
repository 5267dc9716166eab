/**
 * Expressions, with Rust's precedence (lowest first): assignment (right-assoc), ranges
 * (non-assoc), `||`, `&&`, comparisons (non-assoc), `|`, `^`, `&`, shifts, `+ -`, `* / %`, `as`,
 * unary, then postfix (`?`, `.await`, fields, calls, indexing). Struct literals are refused in
 * condition/scrutinee position (`Parser.noStruct`), as in rustc.
 */
import type { Attribute, BinaryOp, BlockExpr, CompoundOp, Expr, FieldInit, IfExpr, Literal, Path } from './ast.ts';
import { describe } from './parser-core.ts';
import type { Parser } from './parser-core.ts';
import { parseClosure, parseLabelled, parseLoopLike, parseMatch } from './parser-expr-control.ts';
import { expandBuiltinMacro, isBuiltinMacroCall } from './macro-builtins.ts';
import { expandUserMacro, isUserMacroCall } from './macro-expand.ts';
import { isBraceMacroStart, parseMacro } from './parser-macro.ts';
import { parsePattern } from './parser-pattern.ts';
import { parseOuterAttrs } from './parser-attr.ts';
import { parseBlock } from './parser-stmt.ts';
import { isLiteralStart, isPathStart, parseAngleArgs, parsePath, parseType } from './parser-type.ts';
import type { Token } from './tokens.ts';

const BINARY_PREC: Record<string, number> = {
  '||': 3,
  '&&': 4,
  '==': 5,
  '!=': 5,
  '<': 5,
  '>': 5,
  '<=': 5,
  '>=': 5,
  '|': 6,
  '^': 7,
  '&': 8,
  '<<': 9,
  '>>': 9,
  '+': 10,
  '-': 10,
  '*': 11,
  '/': 11,
  '%': 11,
};
const AS_PREC = 12;
const COMPOUND = new Set(['+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=']);
/** Precedence just above `&&`: the scrutinee of `let` in a condition. */
const LET_SCRUTINEE_PREC = 5;

/** A full expression (assignment level), honouring the parser's current restrictions. */
export function parseExpr(p: Parser): Expr {
  p.enter();
  try {
    return parseAssign(p);
  } finally {
    p.leave();
  }
}

/** The condition of `if`/`while`: no struct literals, `let` allowed. */
export function parseCond(p: Parser): Expr {
  const noStruct = p.noStruct;
  const allowLet = p.allowLet;
  p.noStruct = true;
  p.allowLet = true;
  try {
    return parseExpr(p);
  } finally {
    p.noStruct = noStruct;
    p.allowLet = allowLet;
  }
}

/** A scrutinee or iterator (`match x`, `for _ in x`): no struct literals, no `let`. */
export function parseNoStruct(p: Parser): Expr {
  const noStruct = p.noStruct;
  const allowLet = p.allowLet;
  p.noStruct = true;
  p.allowLet = false;
  try {
    return parseExpr(p);
  } finally {
    p.noStruct = noStruct;
    p.allowLet = allowLet;
  }
}

function parseAssign(p: Parser): Expr {
  const start = p.tok;
  const lhs = parseRange(p);
  return parseAssignRhs(p, lhs, start);
}

function parseAssignRhs(p: Parser, lhs: Expr, start: Token): Expr {
  if (p.is('=')) {
    p.advance();
    const value = parseAssign(p);
    return { kind: 'Assign', target: lhs, value, span: p.spanFrom(start) };
  }
  const t = p.tok;
  if (t.kind === 'punct' && COMPOUND.has(t.text)) {
    p.advance();
    const value = parseAssign(p);
    return { kind: 'CompoundAssign', op: t.text as CompoundOp, target: lhs, value, span: p.spanFrom(start) };
  }
  return lhs;
}

function isRangeOp(p: Parser): boolean {
  return p.is('..') || p.is('..=') || p.is('...');
}

function parseRange(p: Parser): Expr {
  const start = p.tok;
  if (isRangeOp(p)) return parseRangeEnd(p, null, start);
  const lhs = parseBinary(p, 3);
  if (isRangeOp(p)) return parseRangeEnd(p, lhs, start);
  return lhs;
}

function parseRangeEnd(p: Parser, startExpr: Expr | null, start: Token): Expr {
  const op = p.advance();
  if (op.text === '...') p.fail('`...` ranges are not Rust syntax', 'write `..=` for an inclusive range', op);
  const inclusive = op.text === '..=';
  let end: Expr | null = null;
  if (canBeginExpr(p) && !(p.noStruct && p.is('{'))) end = parseBinary(p, 3);
  else if (inclusive) p.fail('an inclusive range `..=` needs an end', 'write `a..=b` or `a..`', op);
  return { kind: 'Range', start: startExpr, end, inclusive, span: p.spanFrom(start) };
}

function parseBinary(p: Parser, minPrec: number): Expr {
  const start = p.tok;
  return parseBinaryRhs(p, parseUnary(p), minPrec, start);
}

function parseBinaryRhs(p: Parser, lhs: Expr, minPrec: number, start: Token): Expr {
  for (;;) {
    const t = p.tok;
    if (t.kind === 'ident' && t.text === 'as' && !t.rawIdent) {
      if (AS_PREC < minPrec) return lhs;
      p.advance();
      const type = parseType(p, false);
      lhs = { kind: 'Cast', expr: lhs, type, span: p.spanFrom(start) };
      continue;
    }
    if (t.kind !== 'punct') return lhs;
    const prec = BINARY_PREC[t.text];
    if (prec === undefined || prec < minPrec) return lhs;
    p.advance();
    const opSpan = p.spanOf(t);
    const right = parseBinary(p, prec + 1);
    if (prec === 5 && (isComparison(lhs) || isComparison(right))) {
      p.fail('comparison operators cannot be chained', 'use parentheses, e.g. `(a < b) == c`, or `a < b && b < c`', t);
    }
    lhs = { kind: 'Binary', op: t.text as BinaryOp, left: lhs, right, opSpan, span: p.spanFrom(start) };
  }
}

function isComparison(e: Expr): boolean {
  return e.kind === 'Binary' && BINARY_PREC[e.op] === 5;
}

function parseUnary(p: Parser): Expr {
  p.enter();
  try {
    const start = p.tok;
    if (p.is('#')) {
      const attrs = parseOuterAttrs(p);
      const e = parseUnary(p);
      e.attrs = [...attrs, ...(e.attrs ?? [])];
      return e;
    }
    if (p.is('-') || p.is('!') || p.is('*')) {
      const op = p.advance().text as '-' | '!' | '*';
      const operand = parseUnary(p);
      return { kind: 'Unary', op, operand, span: p.spanFrom(start) };
    }
    if (p.eatFirst('&')) {
      const mutable = p.eatKw('mut');
      const operand = parseUnary(p);
      return { kind: 'Ref', mutable, operand, span: p.spanFrom(start) };
    }
    return parsePostfix(p, parsePrimary(p), start);
  } finally {
    p.leave();
  }
}

/** Postfix operators after a primary: `?`, `.await`, `.field`, `.0`, `.method::<T>(…)`, `(…)`, `[…]`. */
export function parsePostfix(p: Parser, e: Expr, start: Token): Expr {
  for (;;) {
    if (p.is('?')) {
      p.advance();
      e = { kind: 'Try', expr: e, span: p.spanFrom(start) };
    } else if (p.is('.')) {
      p.advance();
      const t = p.tok;
      if (p.isKw('await')) {
        p.advance();
        e = { kind: 'Await', expr: e, span: p.spanFrom(start) };
      } else if (t.kind === 'int' && t.suffix === null && /^[0-9]+$/.test(t.text)) {
        p.advance();
        e = { kind: 'TupleIndex', object: e, index: Number(t.text), span: p.spanFrom(start) };
      } else if (t.kind === 'ident' && (p.isIdent() || t.rawIdent)) {
        p.advance();
        let turbofish = null;
        if (p.is('::') && (p.isAt(1, '<') || p.isAt(1, '<<'))) {
          p.advance();
          turbofish = parseAngleArgs(p, true).args;
          if (!p.is('(')) p.fail('expected `(` after a method turbofish');
        }
        if (p.is('(')) {
          const args = parseCallArgs(p);
          const methodSpan = p.spanOf(t);
          e = { kind: 'MethodCall', receiver: e, method: t.text, methodSpan, turbofish, args, span: p.spanFrom(start) };
        } else {
          e = { kind: 'Field', object: e, name: t.text, nameSpan: p.spanOf(t), span: p.spanFrom(start) };
        }
      } else {
        p.fail(`expected a field or method name after \`.\`, found ${describe(t)}`);
      }
    } else if (p.is('(')) {
      const args = parseCallArgs(p);
      e = { kind: 'Call', callee: e, args, span: p.spanFrom(start) };
    } else if (p.is('[')) {
      p.advance();
      const index = p.delimited(() => parseExpr(p));
      p.expect(']', 'to close the index');
      e = { kind: 'Index', object: e, index, span: p.spanFrom(start) };
    } else {
      return e;
    }
  }
}

/** At `(`: comma-separated expressions up to `)`. */
export function parseCallArgs(p: Parser): Expr[] {
  p.expect('(');
  return p.delimited(() => parseExprList(p, ')'));
}

/** Expressions separated by commas (trailing comma allowed) up to `close`, which is consumed. */
export function parseExprList(p: Parser, close: string): Expr[] {
  const out: Expr[] = [];
  while (!p.eat(close)) {
    out.push(parseExpr(p));
    if (!p.eat(',')) {
      p.expect(close);
      break;
    }
  }
  return out;
}

export function parseLiteral(p: Parser): Literal {
  const t = p.tok;
  const span = p.spanOf(t);
  switch (t.kind) {
    case 'int':
      p.advance();
      return { kind: 'IntLit', value: t.int, suffix: t.suffix, text: t.text, span };
    case 'float':
      p.advance();
      return { kind: 'FloatLit', value: t.num, suffix: t.suffix, text: t.text, span };
    case 'str':
      p.advance();
      return { kind: 'StrLit', value: t.str, raw: t.rawHashes, text: t.text, span };
    case 'char':
      p.advance();
      return { kind: 'CharLit', value: t.str, text: t.text, span };
    case 'byte':
      p.advance();
      return { kind: 'ByteLit', value: t.num, text: t.text, span };
    case 'byteStr':
      p.advance();
      return { kind: 'ByteStrLit', value: t.bytes ?? [], text: t.text, span };
    case 'ident':
      if (p.isKw('true') || p.isKw('false')) {
        p.advance();
        return { kind: 'BoolLit', value: t.text === 'true', span };
      }
  }
  return p.fail(`expected a literal, found ${describe(t)}`);
}

const EXPR_KEYWORDS = new Set([
  'true',
  'false',
  'if',
  'match',
  'loop',
  'while',
  'for',
  'unsafe',
  'async',
  'move',
  'return',
  'break',
  'continue',
  'self',
  'Self',
  'super',
  'crate',
  'let',
]);
const EXPR_START_PUNCT = new Set(['(', '[', '{', '|', '||', '!', '-', '*', '&', '&&', '..', '..=', '::', '<', '#']);

export function canBeginExpr(p: Parser): boolean {
  const t = p.tok;
  switch (t.kind) {
    case 'eof':
      return false;
    case 'punct':
      return EXPR_START_PUNCT.has(t.text);
    case 'ident':
      return p.isIdent() || p.isUnderscore() || EXPR_KEYWORDS.has(t.text);
    default:
      return true;
  }
}

function parsePrimary(p: Parser): Expr {
  const start = p.tok;
  if (isLiteralStart(p) || p.isKw('true') || p.isKw('false')) return parseLiteral(p);
  if (start.kind === 'lifetime') return parseLabelled(p);
  if (start.kind === 'ident' && !start.rawIdent) {
    switch (start.text) {
      case 'if':
        return parseIf(p);
      case 'match':
        return parseMatch(p);
      case 'loop':
      case 'while':
      case 'for':
        return parseLoopLike(p, null, start);
      case 'unsafe': {
        p.advance();
        const block = parseBlock(p);
        return { kind: 'Unsafe', block, span: p.spanFrom(start) };
      }
      case 'async':
        if (p.isAt(1, '{') || (p.isKwAt(1, 'move') && p.isAt(2, '{'))) {
          p.advance();
          const isMove = p.eatKw('move');
          const block = parseBlock(p);
          return { kind: 'AsyncBlock', isMove, block, span: p.spanFrom(start) };
        }
        return parseClosure(p);
      case 'move':
      case 'static':
        return parseClosure(p);
      case 'return': {
        p.advance();
        const value = canBeginExpr(p) ? parseExpr(p) : null;
        return { kind: 'Return', value, span: p.spanFrom(start) };
      }
      case 'break': {
        p.advance();
        const label = p.tok.kind === 'lifetime' ? p.advance().text : null;
        const value = canBeginExpr(p) && !(p.noStruct && p.is('{')) ? parseExpr(p) : null;
        return { kind: 'Break', label, value, span: p.spanFrom(start) };
      }
      case 'continue': {
        p.advance();
        const label = p.tok.kind === 'lifetime' ? p.advance().text : null;
        return { kind: 'Continue', label, span: p.spanFrom(start) };
      }
      case 'let':
        return parseLetExpr(p);
      case 'const':
        // Inline `const { … }` (stable since 1.79): rustc evaluates it at compile time; a program
        // rustc accepts prints the same when the block runs where it stands.
        if (p.isAt(1, '{')) {
          p.advance();
          return parseBlockExpr(p, null);
        }
    }
  }
  if (p.is('|') || p.is('||')) return parseClosure(p);
  if (p.is('(')) return parseParenOrTuple(p);
  if (p.is('[')) return parseArray(p);
  if (p.is('{')) return parseBlockExpr(p, null);
  if (p.isUnderscore()) {
    // `_ = expr` (destructuring assignment that discards) is an expression; keep it as a path.
    p.advance();
    const seg = { kind: 'PathSegment' as const, name: '_', args: null, span: p.spanOf(start) };
    const path = { kind: 'Path' as const, global: false, segments: [seg], span: p.spanOf(start) };
    return { kind: 'PathExpr', path, span: p.spanOf(start) };
  }
  if (isUserMacroCall(p)) {
    expandUserMacro(p, 'expr');
    return parsePrimary(p);
  }
  if (isBuiltinMacroCall(p)) {
    expandBuiltinMacro(p);
    return parsePrimary(p);
  }
  if (isPathStart(p)) return parsePathLike(p);
  return p.fail(`expected an expression, found ${describe(start)}`);
}

/** A path, then a macro call (`path!(…)`), a struct literal (`Path { … }`) or a plain path. */
function parsePathLike(p: Parser): Expr {
  const start = p.tok;
  const path = parsePath(p, 'expr');
  if (p.is('!') && (p.isAt(1, '(') || p.isAt(1, '[') || p.isAt(1, '{'))) return parseMacro(p, path, start);
  if (p.is('{') && !p.noStruct) return parseStructLit(p, path, start);
  return { kind: 'PathExpr', path, span: p.spanFrom(start) };
}

function parseStructLit(p: Parser, path: Path, start: Token): Expr {
  p.expect('{');
  return p.delimited(() => {
    const fields: FieldInit[] = [];
    let base: Expr | null = null;
    while (!p.eat('}')) {
      if (p.is('..')) {
        p.advance();
        base = parseExpr(p);
        p.eat(',');
        p.expect('}', 'after the `..base` of a struct literal');
        break;
      }
      const fstart = p.tok;
      const attrs: Attribute[] = p.is('#') ? parseOuterAttrs(p) : [];
      const t = p.tok;
      if (!(p.isIdent() || (t.kind === 'int' && t.suffix === null))) {
        p.fail(`expected a field name, found ${describe(t)}`);
      }
      p.advance();
      let value: Expr;
      let shorthand = false;
      if (p.eat(':')) {
        value = parseExpr(p);
      } else {
        if (t.kind === 'int') p.fail('a tuple field needs a value: `0: expr`');
        shorthand = true;
        const seg = { kind: 'PathSegment' as const, name: t.text, args: null, span: p.spanOf(t) };
        value = {
          kind: 'PathExpr',
          path: { kind: 'Path', global: false, segments: [seg], span: p.spanOf(t) },
          span: p.spanOf(t),
        };
      }
      fields.push({ kind: 'FieldInit', attrs, name: t.text, value, shorthand, span: p.spanFrom(fstart) });
      if (!p.eat(',')) {
        p.expect('}', 'to close the struct literal');
        break;
      }
    }
    return { kind: 'StructLit', path, fields, base, span: p.spanFrom(start) } satisfies Expr;
  });
}

function parseParenOrTuple(p: Parser): Expr {
  const start = p.advance();
  return p.delimited(() => {
    if (p.eat(')')) return { kind: 'Tuple', elems: [], span: p.spanFrom(start) } satisfies Expr;
    const first = parseExpr(p);
    if (p.eat(')')) return { kind: 'Paren', expr: first, span: p.spanFrom(start) } satisfies Expr;
    p.expect(',', 'or `)` in a parenthesised expression');
    const elems = [first, ...parseExprList(p, ')')];
    return { kind: 'Tuple', elems, span: p.spanFrom(start) } satisfies Expr;
  });
}

function parseArray(p: Parser): Expr {
  const start = p.advance();
  return p.delimited(() => {
    if (p.eat(']')) return { kind: 'Array', elems: [], span: p.spanFrom(start) } satisfies Expr;
    const first = parseExpr(p);
    if (p.eat(';')) {
      const count = parseExpr(p);
      p.expect(']', 'to close the array');
      return { kind: 'ArrayRepeat', value: first, count, span: p.spanFrom(start) } satisfies Expr;
    }
    if (p.eat(']')) return { kind: 'Array', elems: [first], span: p.spanFrom(start) } satisfies Expr;
    p.expect(',', 'or `]` in an array');
    const elems = [first, ...parseExprList(p, ']')];
    return { kind: 'Array', elems, span: p.spanFrom(start) } satisfies Expr;
  });
}

/** `{ … }` as an expression; `label` for `'a: { … }`. */
export function parseBlockExpr(p: Parser, label: string | null, start: Token = p.tok): BlockExpr {
  const block = parseBlock(p);
  return { kind: 'BlockExpr', label, block, span: p.spanFrom(start) };
}

export function parseIf(p: Parser): IfExpr {
  const start = p.tok;
  p.expectKw('if');
  const cond = parseCond(p);
  const then = parseBlock(p);
  let otherwise: IfExpr | BlockExpr | null = null;
  if (p.eatKw('else')) {
    if (p.isKw('if')) otherwise = parseIf(p);
    else if (p.is('{')) otherwise = parseBlockExpr(p, null);
    else p.fail(`expected \`{\` or \`if\` after \`else\`, found ${describe(p.tok)}`);
  }
  return { kind: 'If', cond, then, else: otherwise, span: p.spanFrom(start) };
}

function parseLetExpr(p: Parser): Expr {
  const start = p.tok;
  if (!p.allowLet) {
    p.fail('`let` is only allowed at the start of a statement or as an `if`/`while` condition');
  }
  p.advance();
  const pat = parsePattern(p);
  p.expect('=', 'after the pattern of `let`');
  const allowLet = p.allowLet;
  p.allowLet = false;
  const expr = parseBinary(p, LET_SCRUTINEE_PREC);
  p.allowLet = allowLet;
  return { kind: 'Let', pat, expr, span: p.spanFrom(start) };
}

/** True when the statement starting here is block-like (ends without `;`). */
export function startsBlockLike(p: Parser): boolean {
  const t = p.tok;
  if (t.kind === 'lifetime') return p.isAt(1, ':');
  if (p.is('{')) return true;
  if (t.kind !== 'ident' || t.rawIdent) return false;
  switch (t.text) {
    case 'if':
    case 'match':
    case 'loop':
    case 'while':
    case 'for':
      return true;
    case 'unsafe':
      return p.isAt(1, '{');
  }
  return isBraceMacroStart(p);
}

/**
 * An expression in statement position. A block-like expression ends the statement unless `.` or
 * `?` follows (`match x { … }.unwrap()`), as in rustc; `blockLike` says whether it did.
 */
export function parseStmtExpr(p: Parser): { expr: Expr; blockLike: boolean } {
  if (!startsBlockLike(p)) return { expr: parseExpr(p), blockLike: false };
  const start = p.tok;
  p.enter();
  try {
    let e = parseUnaryBlockLike(p);
    if (!(p.is('.') || p.is('?'))) return { expr: e, blockLike: true };
    e = parsePostfix(p, e, start);
    e = parseBinaryRhs(p, e, 3, start);
    if (isRangeOp(p)) e = parseRangeEnd(p, e, start);
    return { expr: parseAssignRhs(p, e, start), blockLike: false };
  } finally {
    p.leave();
  }
}

function parseUnaryBlockLike(p: Parser): Expr {
  if (isBraceMacroStart(p) && !isUserMacroCall(p)) {
    const start = p.tok;
    const path = parsePath(p, 'expr');
    return parseMacro(p, path, start);
  }
  return parsePrimary(p);
}
