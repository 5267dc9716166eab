/**
 * Patterns: wildcards, bindings (`ref`, `mut`, `x @ p`), literals (incl. negative), ranges,
 * paths, tuples, tuple structs, structs, references, slices with `..`, alternatives.
 */
import type { FieldPat, LitPat, Path, Pattern, RangePatEnd } from './ast.ts';
import { parseOuterAttrs } from './parser-attr.ts';
import { describe } from './parser-core.ts';
import { expandUserMacro, isUserMacroCall } from './macro-expand.ts';
import type { Parser } from './parser-core.ts';
import { parseLiteral } from './parser-expr.ts';
import { isLiteralStart, isPathStart, parsePath } from './parser-type.ts';
import type { Token } from './tokens.ts';

/** A pattern with top-level alternatives (`A | B`, leading `|` allowed). */
export function parsePattern(p: Parser): Pattern {
  const start = p.tok;
  p.eat('|');
  const first = parsePatternNoAlt(p);
  if (!p.is('|')) return first;
  const alts = [first];
  while (p.eat('|')) alts.push(parsePatternNoAlt(p));
  return { kind: 'OrPat', alts, span: p.spanFrom(start) };
}

/** A pattern without top-level `|` (closure parameters, `x @ sub`). */
export function parsePatternNoAlt(p: Parser): Pattern {
  p.enter();
  try {
    return parseOne(p);
  } finally {
    p.leave();
  }
}

function parseOne(p: Parser): Pattern {
  const start = p.tok;
  if (p.isUnderscore()) {
    p.advance();
    return { kind: 'WildPat', span: p.spanOf(start) };
  }
  if (p.is('..')) {
    p.advance();
    return { kind: 'RestPat', span: p.spanOf(start) };
  }
  if (p.is('..=') || p.is('...')) return parseRangeRest(p, null, start);
  if (p.eatFirst('&')) {
    const mutable = p.eatKw('mut');
    const pat = parsePatternNoAlt(p);
    return { kind: 'RefPat', mutable, pat, span: p.spanFrom(start) };
  }
  if (p.is('(')) {
    p.advance();
    if (p.eat(')')) return { kind: 'TuplePat', elems: [], span: p.spanFrom(start) };
    const first = parsePattern(p);
    if (p.eat(')')) {
      if (first.kind === 'RestPat') return { kind: 'TuplePat', elems: [first], span: p.spanFrom(start) };
      return { kind: 'ParenPat', pat: first, span: p.spanFrom(start) };
    }
    p.expect(',', 'or `)` in a tuple pattern');
    const elems = [first, ...parsePatternList(p, ')')];
    return { kind: 'TuplePat', elems, span: p.spanFrom(start) };
  }
  if (p.eat('[')) {
    const elems = parsePatternList(p, ']');
    return { kind: 'SlicePat', elems, span: p.spanFrom(start) };
  }
  if (p.is('-') || isLiteralStart(p) || p.isKw('true') || p.isKw('false')) {
    const lit = parseLitPat(p);
    return isRangeOp(p) ? parseRangeRest(p, lit, start) : lit;
  }
  if (p.isKw('ref') || p.isKw('mut')) {
    const byRef = p.eatKw('ref');
    const mutable = p.eatKw('mut');
    const name = p.expectIdent('a binding name').text;
    const sub = p.eat('@') ? parsePatternNoAlt(p) : null;
    return { kind: 'IdentPat', name, byRef, mutable, sub, span: p.spanFrom(start) };
  }
  if (p.isKw('box')) p.fail('`box` patterns are not supported', 'match on the value, then dereference it');
  if (isPathStart(p)) return parsePathPattern(p, start);
  return p.fail(`expected a pattern, found ${describe(start)}`);
}

function parsePatternList(p: Parser, close: string): Pattern[] {
  const out: Pattern[] = [];
  while (!p.eat(close)) {
    out.push(parsePattern(p));
    if (!p.eat(',')) {
      p.expect(close);
      break;
    }
  }
  return out;
}

function isRangeOp(p: Parser): boolean {
  return p.is('..') || p.is('..=') || p.is('...');
}

function parseLitPat(p: Parser): LitPat {
  const start = p.tok;
  const negative = p.eat('-');
  if (negative && !(p.tok.kind === 'int' || p.tok.kind === 'float')) {
    p.fail(`expected a number after \`-\` in a pattern, found ${describe(p.tok)}`);
  }
  const lit = parseLiteral(p);
  return { kind: 'LitPat', lit, negative, span: p.spanFrom(start) };
}

/** After a range start (or at a leading `..=`): the operator and the end. */
function parseRangeRest(p: Parser, rangeStart: RangePatEnd | null, start: Token): Pattern {
  const op = p.advance();
  if (op.text === '...') p.fail('`...` range patterns are not supported', 'write `a..=b`', op);
  const inclusive = op.text === '..=';
  let end: RangePatEnd | null = null;
  if (p.is('-') || isLiteralStart(p)) end = parseLitPat(p);
  else if (isPathStart(p) && !p.isKw('ref') && !p.isKw('mut')) end = pathPat(parsePath(p, 'expr'));
  if (end === null && (inclusive || rangeStart === null)) {
    p.fail('this range pattern needs an end', 'write `a..=b`', op);
  }
  return { kind: 'RangePat', start: rangeStart, end, inclusive, span: p.spanFrom(start) };
}

function pathPat(path: Path): RangePatEnd {
  return { kind: 'PathPat', path, span: path.span };
}

function parsePathPattern(p: Parser, start: Token): Pattern {
  if (isUserMacroCall(p)) {
    expandUserMacro(p, 'inline');
    return parsePatternNoAlt(p);
  }
  const path = parsePath(p, 'expr');
  if (p.is('!') && (p.isAt(1, '(') || p.isAt(1, '[') || p.isAt(1, '{'))) {
    p.fail('macros in patterns are not supported', 'write the pattern out');
  }
  if (p.is('(')) {
    p.advance();
    const elems = parsePatternList(p, ')');
    return { kind: 'TupleStructPat', path, elems, span: p.spanFrom(start) };
  }
  if (p.is('{')) return parseStructPattern(p, path, start);
  const seg = path.segments[0];
  const simple = path.segments.length === 1 && !path.global && !path.qself && seg !== undefined && seg.args === null;
  if (simple && p.is('@')) {
    p.advance();
    const sub = parsePatternNoAlt(p);
    return { kind: 'IdentPat', name: seg.name, byRef: false, mutable: false, sub, span: p.spanFrom(start) };
  }
  if (isRangeOp(p)) return parseRangeRest(p, pathPat(path), start);
  if (simple && seg.name !== 'Self' && seg.name !== 'crate' && seg.name !== 'super') {
    return { kind: 'IdentPat', name: seg.name, byRef: false, mutable: false, sub: null, span: p.spanFrom(start) };
  }
  return { kind: 'PathPat', path, span: p.spanFrom(start) };
}

function parseStructPattern(p: Parser, path: Path, start: Token): Pattern {
  p.expect('{');
  const fields: FieldPat[] = [];
  let rest = false;
  while (!p.eat('}')) {
    const fstart = p.tok;
    const attrs = parseOuterAttrs(p);
    if (p.is('..')) {
      p.advance();
      rest = true;
      p.expect('}', 'after `..` (it must come last in a struct pattern)');
      break;
    }
    const t = p.tok;
    if (p.isKw('ref') || p.isKw('mut')) {
      const byRef = p.eatKw('ref');
      const mutable = p.eatKw('mut');
      const name = p.expectIdent('a field name');
      const pat: Pattern = {
        kind: 'IdentPat',
        name: name.text,
        byRef,
        mutable,
        sub: null,
        span: p.spanFrom(t),
      };
      fields.push({ kind: 'FieldPat', attrs, name: name.text, pat, shorthand: true, span: p.spanFrom(fstart) });
    } else {
      if (!(p.isIdent() || (t.kind === 'int' && t.suffix === null))) {
        p.fail(`expected a field name, found ${describe(t)}`);
      }
      p.advance();
      if (p.eat(':')) {
        const pat = parsePattern(p);
        fields.push({ kind: 'FieldPat', attrs, name: t.text, pat, shorthand: false, span: p.spanFrom(fstart) });
      } else {
        if (t.kind === 'int') p.fail('a tuple field in a pattern needs a pattern: `0: x`');
        const pat: Pattern = {
          kind: 'IdentPat',
          name: t.text,
          byRef: false,
          mutable: false,
          sub: null,
          span: p.spanOf(t),
        };
        fields.push({ kind: 'FieldPat', attrs, name: t.text, pat, shorthand: true, span: p.spanFrom(fstart) });
      }
    }
    if (!p.eat(',')) {
      p.expect('}', 'to close the struct pattern');
      break;
    }
  }
  return { kind: 'StructPat', path, fields, rest, span: p.spanFrom(start) };
}
