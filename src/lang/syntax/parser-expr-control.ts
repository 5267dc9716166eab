/** Control-flow expressions: labelled loops and blocks, `loop`/`while`/`for`, `match`, closures. */
import type { Block, Attribute, ClosureParam, Expr, MatchArm, MatchExpr } from './ast.ts';
import { parseInnerAttrs, parseOuterAttrs } from './parser-attr.ts';
import { describe } from './parser-core.ts';
import type { Parser } from './parser-core.ts';
import { parseBlockExpr, parseCond, parseExpr, parseNoStruct, parseStmtExpr } from './parser-expr.ts';
import { parsePattern, parsePatternNoAlt } from './parser-pattern.ts';
import { parseBlock } from './parser-stmt.ts';
import { parseType } from './parser-type.ts';
import type { Token } from './tokens.ts';

/** At a lifetime: `'a: loop/while/for …` or `'a: { … }`. */
export function parseLabelled(p: Parser): Expr {
  const start = p.advance();
  const label = start.text;
  p.expect(':', 'after a loop label');
  if (p.is('{')) return parseBlockExpr(p, label, start);
  if (p.isKw('loop') || p.isKw('while') || p.isKw('for')) return parseLoopLike(p, label, start);
  return p.fail(`expected a loop or a block after the label \`'${label}:\`, found ${describe(p.tok)}`);
}

/** At `loop`, `while` or `for`. */
export function parseLoopLike(p: Parser, label: string | null, start: Token): Expr {
  if (p.eatKw('loop')) {
    const body = parseBlock(p);
    return { kind: 'Loop', label, body, span: p.spanFrom(start) };
  }
  if (p.eatKw('while')) {
    const cond = parseCond(p);
    const body = parseBlock(p);
    return { kind: 'While', label, cond, body, span: p.spanFrom(start) };
  }
  p.expectKw('for');
  const pat = parsePattern(p);
  p.expectKw('in');
  const iter = parseNoStruct(p);
  const body = parseBlock(p);
  return { kind: 'For', label, pat, iter, body, span: p.spanFrom(start) };
}

export function parseMatch(p: Parser): MatchExpr {
  const start = p.advance();
  const scrutinee = parseNoStruct(p);
  p.expect('{', 'to start the match arms');
  const arms = p.delimited(() => {
    parseInnerAttrs(p);
    const out: MatchArm[] = [];
    while (!p.eat('}')) {
      if (p.isEof()) p.fail('unclosed `match`: expected `}`', undefined, start);
      out.push(parseArm(p));
    }
    return out;
  });
  return { kind: 'Match', scrutinee, arms, span: p.spanFrom(start) };
}

function parseArm(p: Parser): MatchArm {
  const start = p.tok;
  const attrs: Attribute[] = parseOuterAttrs(p);
  const pat = parsePattern(p);
  const guard = p.eatKw('if') ? parseExpr(p) : null;
  p.expect('=>', 'after the match arm pattern');
  const { expr: body, blockLike } = parseStmtExpr(p);
  const span = p.spanFrom(start);
  if (!p.eat(',') && !blockLike && !p.is('}')) {
    p.fail(`expected \`,\` after the match arm, found ${describe(p.tok)}`);
  }
  return { kind: 'MatchArm', attrs, pat, guard, body, span };
}

/** `|a, b: i32| expr`, `move || …`, `async move |x| …`, `|x| -> T { … }`. */
export function parseClosure(p: Parser): Expr {
  const start = p.tok;
  if (p.eatKw('static')) p.fail('`static` closures are not supported', 'remove `static`', start);
  const isAsync = p.eatKw('async');
  const isMove = p.eatKw('move');
  const params: ClosureParam[] = [];
  if (!p.eat('||')) {
    p.expect('|', 'to start the closure parameters');
    while (!p.eat('|')) {
      const pstart = p.tok;
      const attrs = parseOuterAttrs(p);
      const pat = parsePatternNoAlt(p);
      const type = p.eat(':') ? parseType(p, false) : null;
      params.push({ kind: 'ClosureParam', attrs, pat, type, span: p.spanFrom(pstart) });
      if (!p.eat(',')) {
        p.expect('|', 'to end the closure parameters');
        break;
      }
    }
  }
  let ret = null;
  let body: Expr;
  if (p.eat('->')) {
    ret = parseType(p, false);
    if (!p.is('{')) p.fail('a closure with a return type needs a block body: `|x| -> T { … }`');
    body = parseBlockExpr(p, null);
  } else {
    body = parseExpr(p);
  }
  if (isAsync) {
    // `async |x| body` (stable since 1.85) runs as `|x| async move { body }`: each call's future
    // owns the arguments; `-> T` names the future's output, which the block's value gives.
    const block: Block =
      body.kind === 'BlockExpr' ? body.block : { kind: 'Block', stmts: [], tail: body, span: body.span };
    body = { kind: 'AsyncBlock', isMove: true, block, span: body.span };
    ret = null;
  }
  return { kind: 'Closure', isMove, isAsync: false, params, ret, body, span: p.spanFrom(start) };
}
