/**
 * Blocks and statements: `let` (with `else`), items inside blocks, and expression statements
 * (block-like ones need no `;`). The last expression without `;` is the block's `tail` value.
 */
import type { Attribute, Block, Expr, LetStmt, Stmt } from './ast.ts';
import { parseInnerAttrs, parseOuterAttrs } from './parser-attr.ts';
import { describe } from './parser-core.ts';
import type { Parser } from './parser-core.ts';
import { closeIndex, expandUserMacro, isUserMacroCall } from './macro-expand.ts';
import { parseExpr, parseStmtExpr } from './parser-expr.ts';
import { isItemStart, parseItem } from './parser-item.ts';
import { parsePattern } from './parser-pattern.ts';
import { isThreadLocalStart, parseThreadLocal } from './parser-thread-local.ts';
import { parseType } from './parser-type.ts';

export function parseBlock(p: Parser): Block {
  const start = p.tok;
  p.expect('{', 'to start a block');
  p.enter();
  try {
    return p.delimited(() => {
      parseInnerAttrs(p);
      const stmts: Stmt[] = [];
      let tail: Expr | null = null;
      for (;;) {
        if (p.eat('}')) break;
        if (p.isEof()) p.fail('unclosed block: expected `}`', 'add the missing `}`', start);
        if (p.eat(';')) continue;
        if (isUserMacroCall(p) && isStatementCall(p)) {
          expandUserMacro(p, 'stmt');
          continue;
        }
        const sstart = p.tok;
        const attrs: Attribute[] = parseOuterAttrs(p);
        if (p.isKw('let')) {
          stmts.push(parseLetStmt(p, attrs, sstart));
          continue;
        }
        if (isThreadLocalStart(p)) {
          // `thread_local!` in a function body declares keys only that body sees, as a `static` does
          for (const item of parseThreadLocal(p, attrs, sstart))
            stmts.push({ kind: 'ItemStmt', item, span: item.span });
          continue;
        }
        if (isItemStart(p)) {
          const item = parseItem(p, attrs, sstart);
          stmts.push({ kind: 'ItemStmt', item, span: p.spanFrom(sstart) });
          continue;
        }
        const { expr, blockLike } = parseStmtExpr(p);
        if (p.eat(';')) {
          stmts.push({ kind: 'ExprStmt', attrs, expr, semi: true, span: p.spanFrom(sstart) });
        } else if (p.is('}')) {
          if (attrs.length > 0) expr.attrs = [...attrs, ...(expr.attrs ?? [])];
          tail = expr;
        } else if (blockLike) {
          stmts.push({ kind: 'ExprStmt', attrs, expr, semi: false, span: p.spanFrom(sstart) });
        } else {
          p.fail(`expected \`;\` after the expression, found ${describe(p.tok)}`, undefined, p.tok);
        }
      }
      return { kind: 'Block', stmts, tail, span: p.spanFrom(start) } satisfies Block;
    });
  } finally {
    p.leave();
  }
}

/** At `let`: `let pat (: T)? (= init (else { … })?)? ;` */
export function parseLetStmt(p: Parser, attrs: Attribute[], start = p.tok): LetStmt {
  p.expectKw('let');
  const pat = parsePattern(p);
  const type = p.eat(':') ? parseType(p) : null;
  let init: Expr | null = null;
  let elseBlock: Block | null = null;
  if (p.eat('=')) {
    init = parseExpr(p);
    if (p.eatKw('else')) elseBlock = parseBlock(p);
  }
  p.expect(';', 'after the `let` statement');
  return { kind: 'LetStmt', attrs, pat, type, init, elseBlock, span: p.spanFrom(start) };
}

/**
 * A macro call that is a whole statement (`m!(…);`, `m! { … }`, or the block's tail): its
 * expansion may be statements and items. Followed by anything else (`m!(x).len()`), it is an
 * expression.
 */
function isStatementCall(p: Parser): boolean {
  if (p.isAt(2, '{')) return true;
  const close = closeIndex(p.tokens, p.pos + 2);
  const after = p.tokens[close + 1];
  return after !== undefined && after.kind === 'punct' && (after.text === ';' || after.text === '}');
}
