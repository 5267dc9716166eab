/**
 * The parser's cursor over the token array, shared by the grammar modules (parser-*.ts): lookahead,
 * expectations with located errors, span building, compound-token splitting and a nesting guard
 * (deeply nested input must yield a Diagnostic, never a JS stack overflow).
 */
import { DiagnosticError, diagnosticAt } from '../diagnostics.ts';
import type { Span } from './ast.ts';
import { isKeyword } from './lexer.ts';
import type { MacroTable } from './macro-rules.ts';
import { Token } from './tokens.ts';

const MAX_DEPTH = 200;

export class Parser {
  readonly tokens: Token[];
  readonly file: string;
  pos = 0;
  /** The last consumed token (end of the span being built). */
  prev: Token;
  /** Struct literals are not allowed here (if/while/match scrutinee, for iterator). */
  noStruct = false;
  /** `let` may appear as an expression here (if/while conditions and their `&&` chains). */
  allowLet = false;
  /** `macro_rules!` macros defined so far (shared with the parsers that read macro fragments). */
  macros: MacroTable = { defs: new Map(), expansions: 0 };
  private depth = 0;

  constructor(tokens: Token[], file: string) {
    this.tokens = tokens;
    this.file = file;
    this.prev = tokens[0];
  }

  get tok(): Token {
    return this.tokens[this.pos];
  }
  peek(k: number): Token {
    const i = Math.min(this.pos + k, this.tokens.length - 1);
    return this.tokens[i];
  }

  /** True when the current token is this punctuation. */
  is(punct: string): boolean {
    const t = this.tokens[this.pos];
    return t.kind === 'punct' && t.text === punct;
  }
  isAt(k: number, punct: string): boolean {
    const t = this.peek(k);
    return t.kind === 'punct' && t.text === punct;
  }
  /** True when the current token is this keyword (an ident written without `r#`). */
  isKw(word: string): boolean {
    const t = this.tokens[this.pos];
    return t.kind === 'ident' && t.text === word && !t.rawIdent;
  }
  isKwAt(k: number, word: string): boolean {
    const t = this.peek(k);
    return t.kind === 'ident' && t.text === word && !t.rawIdent;
  }
  /** An identifier usable as a name (not a keyword, not `_`). */
  isIdent(): boolean {
    const t = this.tokens[this.pos];
    return t.kind === 'ident' && (t.rawIdent || (!isKeyword(t) && t.text !== '_'));
  }
  isUnderscore(): boolean {
    const t = this.tokens[this.pos];
    return t.kind === 'ident' && t.text === '_' && !t.rawIdent;
  }
  isEof(): boolean {
    return this.tok.kind === 'eof';
  }

  advance(): Token {
    const t = this.tokens[this.pos];
    if (t.kind !== 'eof') this.pos++;
    this.prev = t;
    return t;
  }

  eat(punct: string): boolean {
    if (this.is(punct)) {
      this.advance();
      return true;
    }
    return false;
  }
  /** Like eat, but also takes the first character of a compound token (`>` from `>>`, `&` from `&&`). */
  eatFirst(ch: string): boolean {
    if (this.is(ch)) {
      this.advance();
      return true;
    }
    if (this.startsWith(ch)) {
      this.split();
      return true;
    }
    return false;
  }
  expectFirst(ch: string, context?: string): Token {
    if (this.eatFirst(ch)) return this.prev;
    return this.fail(`expected \`${ch}\`${context ? ` ${context}` : ''}, found ${describe(this.tok)}`);
  }
  eatKw(word: string): boolean {
    if (this.isKw(word)) {
      this.advance();
      return true;
    }
    return false;
  }

  expect(punct: string, context?: string): Token {
    if (this.eat(punct)) return this.prev;
    return this.fail(`expected \`${punct}\`${context ? ` ${context}` : ''}, found ${describe(this.tok)}`);
  }
  expectKw(word: string): Token {
    if (this.eatKw(word)) return this.prev;
    return this.fail(`expected \`${word}\`, found ${describe(this.tok)}`);
  }
  expectIdent(what = 'a name'): Token {
    if (this.isIdent()) return this.advance();
    return this.fail(`expected ${what}, found ${describe(this.tok)}`);
  }

  /** The current punct is longer than `first` and begins with it (`>>` when `>` is wanted). */
  startsWith(first: string): boolean {
    const t = this.tok;
    return t.kind === 'punct' && t.text.length > 1 && t.text.startsWith(first);
  }

  /** Consumes the first character of a compound punct token, leaving the rest as the current token. */
  split(): void {
    const t = this.tok;
    const head = new Token('punct', t.text[0] ?? '', t.start, t.start + 1, t.line, t.col, t.line, t.col + 1);
    head.spaced = t.spaced;
    const rest = new Token('punct', t.text.slice(1), t.start + 1, t.end, t.line, t.col + 1, t.endLine, t.endCol);
    this.tokens[this.pos] = rest;
    this.prev = head;
  }

  /** A span from `start` to the end of the last consumed token. */
  spanFrom(start: Token): Span {
    const end = this.prev.end >= start.end ? this.prev : start;
    return {
      line: start.line,
      col: start.col,
      endLine: end.endLine,
      endCol: end.endCol,
      start: start.start,
      end: end.end,
    };
  }
  spanOf(t: Token): Span {
    return { line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol, start: t.start, end: t.end };
  }

  fail(message: string, hint?: string, at: Token | Span = this.tok): never {
    throw new DiagnosticError(diagnosticAt(this.file, at, message, hint));
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail('this code is nested too deeply', 'split it into smaller functions');
  }
  leave(): void {
    this.depth--;
  }

  /** Runs `f` inside a delimiter, where struct literals are allowed again and `let` is not. */
  delimited<T>(f: () => T): T {
    const noStruct = this.noStruct;
    const allowLet = this.allowLet;
    this.noStruct = false;
    this.allowLet = false;
    try {
      return f();
    } finally {
      this.noStruct = noStruct;
      this.allowLet = allowLet;
    }
  }
}

export function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the file';
    case 'ident':
      return isKeyword(t) ? `keyword \`${t.text}\`` : `\`${t.text}\``;
    case 'lifetime':
      return `\`'${t.text}\``;
    case 'punct':
      return `\`${t.text}\``;
    default:
      return `literal \`${t.text.length > 20 ? t.text.slice(0, 20) + '…' : t.text}\``;
  }
}
