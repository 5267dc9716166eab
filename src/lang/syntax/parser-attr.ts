/**
 * Attributes: `#[meta]` and `#![meta]`, where meta is a path, `path = literal` or
 * `path(meta, …)`. Kept structured so the interpreter can read `#[tokio::main(flavor = …)]` and
 * `#[derive(…)]` without re-parsing.
 */
import type { Attribute, Meta } from './ast.ts';
import { describe } from './parser-core.ts';
import type { Parser } from './parser-core.ts';
import { parseLiteral } from './parser-expr.ts';
import { isLiteralStart } from './parser-type.ts';

export function parseOuterAttrs(p: Parser): Attribute[] {
  const attrs: Attribute[] = [];
  while (p.is('#') && p.isAt(1, '[')) attrs.push(parseAttr(p));
  return attrs;
}

export function parseInnerAttrs(p: Parser): Attribute[] {
  const attrs: Attribute[] = [];
  while (p.is('#') && p.isAt(1, '!') && p.isAt(2, '[')) attrs.push(parseAttr(p));
  return attrs;
}

function parseAttr(p: Parser): Attribute {
  const start = p.advance();
  const inner = p.eat('!');
  p.expect('[');
  const meta = parseMeta(p);
  p.expect(']', 'to close the attribute (only `path`, `path = literal` and `path(…)` forms are supported)');
  return { kind: 'Attribute', inner, meta, span: p.spanFrom(start) };
}

function parseMeta(p: Parser): Meta {
  p.enter();
  try {
    const start = p.tok;
    if (isLiteralStart(p) || p.isKw('true') || p.isKw('false')) {
      const value = parseLiteral(p);
      return { kind: 'MetaLit', value, span: p.spanFrom(start) };
    }
    let path = '';
    if (p.eat('::')) path = '::';
    for (;;) {
      const t = p.tok;
      if (t.kind !== 'ident') p.fail(`expected an attribute name, found ${describe(t)}`);
      path += p.advance().text;
      if (!(p.is('::') && p.peek(1).kind === 'ident')) break;
      p.advance();
      path += '::';
    }
    if (p.eat('=')) {
      if (!(isLiteralStart(p) || p.isKw('true') || p.isKw('false'))) {
        p.fail(`expected a literal after \`${path} =\`, found ${describe(p.tok)}`);
      }
      const value = parseLiteral(p);
      return { kind: 'MetaNameValue', path, value, span: p.spanFrom(start) };
    }
    if (p.eat('(')) {
      const items: Meta[] = [];
      while (!p.eat(')')) {
        items.push(parseMeta(p));
        if (!p.eat(',')) {
          p.expect(')', 'to close the attribute arguments');
          break;
        }
      }
      return { kind: 'MetaList', path, items, span: p.spanFrom(start) };
    }
    return { kind: 'MetaPath', path, span: p.spanFrom(start) };
  } finally {
    p.leave();
  }
}
