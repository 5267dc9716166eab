/**
 * `thread_local! { static NAME: T = init; … }` at item level: each declaration becomes a `static`
 * item marked `threadLocal`, whose `type` is the `T` written (the checker types `NAME` as
 * `LocalKey<T>`). `const { init }` is accepted as std's macro accepts it; the interpreter
 * evaluates the initializer once per thread either way.
 */
import type { Attribute, StaticItem } from './ast.ts';
import { parseOuterAttrs } from './parser-attr.ts';
import type { Parser } from './parser-core.ts';
import { parseExpr } from './parser-expr.ts';
import { parseType } from './parser-type.ts';
import type { Token } from './tokens.ts';

/** True at `thread_local!`. */
export function isThreadLocalStart(p: Parser): boolean {
  const t = p.tok;
  return t.kind === 'ident' && !t.rawIdent && t.text === 'thread_local' && p.isAt(1, '!');
}

/** Parses `thread_local! { … }` (or with `(…)` and a `;`) into its static items. */
export function parseThreadLocal(p: Parser, attrs: Attribute[], start: Token): StaticItem[] {
  p.advance();
  p.expect('!', 'after `thread_local`');
  const close = p.eat('{') ? '}' : (p.expect('(', 'after `thread_local!`'), ')');
  const out: StaticItem[] = [];
  let first = true;
  while (!p.eat(close)) {
    const itemStart = first ? start : p.tok;
    const own = parseOuterAttrs(p);
    p.eatKw('pub');
    if (!p.eatKw('static')) p.fail('expected `static`: a thread-local is declared `static NAME: Type = value;`');
    const nameTok = p.expectIdent('a thread-local name');
    p.expect(':', 'a thread-local needs a type: `static NAME: Type = value;`');
    const type = parseType(p);
    p.expect('=', 'a thread-local needs an initial value');
    if (p.isKw('const') && p.isAt(1, '{')) p.advance();
    const value = parseExpr(p);
    const span = p.spanFrom(itemStart);
    out.push({
      kind: 'Static',
      attrs: first ? [...attrs, ...own] : own,
      vis: null,
      name: nameTok.text,
      nameSpan: p.spanOf(nameTok),
      mutable: false,
      type,
      value,
      threadLocal: true,
      span,
    });
    first = false;
    if (!p.eat(';') && !p.is(close)) p.expect(';', 'after the thread-local');
  }
  if (close === ')') p.expect(';', 'after `thread_local!(…)`');
  return out;
}
