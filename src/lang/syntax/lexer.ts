/**
 * The lexer: source text → tokens (comments and doc comments dropped). Punctuation is matched
 * greedily (`>>`, `&&`, `||`, `..=`); the parser splits a compound token when the grammar needs
 * only its first character (closing two generic lists, `&&x`, `||` closures).
 *
 * `t.0.1`: a number right after a `.` token is lexed as an integer only, so tuple-field chains
 * never become the float `0.1`.
 */
import { DiagnosticError, diagnosticAt } from '../diagnostics.ts';
import { FLOAT_SUFFIXES, INT_SUFFIXES, KEYWORDS, LiteralValue, PUNCTS, Token } from './tokens.ts';
import type { TokenKind } from './tokens.ts';

/** Punctuation by its first character code, longest first (no string slicing while lexing). */
const PUNCT_BY_FIRST: string[][] = [];
for (const p of [...PUNCTS].sort((a, b) => b.length - a.length)) {
  const c = p.charCodeAt(0);
  (PUNCT_BY_FIRST[c] ??= []).push(p);
}

const XID_START = /\p{XID_Start}/u;
const XID_CONTINUE = /\p{XID_Continue}/u;

function matchPunct(src: string, at: number, candidates: string[] | undefined): string | undefined {
  if (candidates === undefined) return undefined;
  for (let k = 0; k < candidates.length; k++) {
    const cand = candidates[k];
    if (cand.length === 1 || src.startsWith(cand, at)) return cand;
  }
  return undefined;
}

function isIdentStart(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || cp === 95;
  return XID_START.test(String.fromCodePoint(cp));
}
function isIdentContinue(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57) || cp === 95;
  return XID_CONTINUE.test(String.fromCodePoint(cp));
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isWhitespace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 11 ||
    c === 12 ||
    c === 0x85 ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff
  );
}

export function lex(source: string, file = 'src/main.rs'): Token[] {
  return new Lexer(source, file).run();
}

class Lexer {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private readonly tokens: Token[] = [];
  private spaced = false;

  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {}

  run(): Token[] {
    const src = this.src;
    const n = src.length;
    this.skipShebang();
    while (this.i < n) {
      const c = src.charCodeAt(this.i);
      if (isWhitespace(c)) {
        this.advanceChar();
        this.spaced = true;
      } else if (c === 47 && src.charCodeAt(this.i + 1) === 47) {
        while (this.i < n && src.charCodeAt(this.i) !== 10) this.i++;
        this.spaced = true;
      } else if (c === 47 && src.charCodeAt(this.i + 1) === 42) {
        this.blockComment();
        this.spaced = true;
      } else {
        this.token(c);
        this.spaced = false;
      }
    }
    this.push('eof', '', n, n, this.line, n - this.lineStart + 1);
    return this.tokens;
  }

  private skipShebang(): void {
    if (this.src.startsWith('#!') && !/^#!\s*\[/.test(this.src)) {
      while (this.i < this.src.length && this.src.charCodeAt(this.i) !== 10) this.i++;
    }
  }

  /** Consumes one UTF-16 unit, keeping the line count. */
  private advanceChar(): void {
    if (this.src.charCodeAt(this.i) === 10) {
      this.line++;
      this.lineStart = this.i + 1;
    }
    this.i++;
  }

  private fail(at: number, message: string, hint?: string, length = 1): never {
    const col = at - this.lineStartOf(at) + 1;
    const line = this.lineOf(at);
    throw new DiagnosticError(
      diagnosticAt(this.file, { line, col, endLine: line, endCol: col + length }, message, hint),
    );
  }
  private lineOf(at: number): number {
    let line = 1;
    for (let k = 0; k < at && k < this.src.length; k++) if (this.src.charCodeAt(k) === 10) line++;
    return line;
  }
  private lineStartOf(at: number): number {
    const nl = this.src.lastIndexOf('\n', at - 1);
    return nl + 1;
  }

  /** Appends a token; returns its literal value (the shared empty one unless `lit` is given). */
  private push(
    kind: TokenKind,
    text: string,
    start: number,
    end: number,
    line: number,
    col: number,
    lit?: LiteralValue,
  ): LiteralValue {
    const t = new Token(kind, text, start, end, line, col, this.line, end - this.lineStart + 1);
    t.spaced = this.spaced;
    if (lit) t.lit = lit;
    this.tokens.push(t);
    return t.lit;
  }

  private blockComment(): void {
    const src = this.src;
    const start = this.i;
    let depth = 0;
    while (this.i < src.length) {
      const c = src.charCodeAt(this.i);
      if (c === 47 && src.charCodeAt(this.i + 1) === 42) {
        depth++;
        this.i += 2;
      } else if (c === 42 && src.charCodeAt(this.i + 1) === 47) {
        depth--;
        this.i += 2;
        if (depth === 0) return;
      } else {
        this.advanceChar();
      }
    }
    this.fail(start, 'unterminated block comment', 'close it with `*/`', 2);
  }

  private token(c: number): void {
    const src = this.src;
    const start = this.i;
    const line = this.line;
    const col = start - this.lineStart + 1;
    const cp = src.codePointAt(start) ?? c;
    if (isIdentStart(cp)) {
      if (this.prefixedLiteral(c, start, line, col)) return;
      this.i += cp > 0xffff ? 2 : 1;
      this.identRest();
      const text = src.slice(start, this.i);
      this.push('ident', text, start, this.i, line, col);
      return;
    }
    if (isDigit(c)) return this.number(start, line, col);
    if (c === 34) return this.string(start, line, col, start + 1, 'str');
    if (c === 39) return this.quote(start, line, col);
    const p = c < 128 ? matchPunct(src, start, PUNCT_BY_FIRST[c]) : undefined;
    if (p === undefined) {
      const ch = String.fromCodePoint(cp);
      this.fail(start, `unexpected character \`${ch}\``, undefined, ch.length);
    }
    this.i += p.length;
    this.push('punct', p, start, this.i, line, col);
  }

  private identRest(): void {
    const src = this.src;
    while (this.i < src.length) {
      const cp = src.codePointAt(this.i) ?? 0;
      if (!isIdentContinue(cp)) break;
      this.i += cp > 0xffff ? 2 : 1;
    }
  }

  /** `r#ident`, `r"…"`, `r#"…"#`, `b'x'`, `b"…"`, `br"…"`; false when `c` starts a plain ident. */
  private prefixedLiteral(c: number, start: number, line: number, col: number): boolean {
    const src = this.src;
    const c1 = src.charCodeAt(start + 1);
    if (c === 114 /* r */ && (c1 === 34 || c1 === 35)) {
      if (c1 === 35 && isIdentStart(src.codePointAt(start + 2) ?? 0)) {
        this.i = start + 2;
        this.identRest();
        const name = src.slice(start + 2, this.i);
        this.push('ident', name, start, this.i, line, col);
        this.tokens[this.tokens.length - 1].rawIdent = true;
        return true;
      }
      this.rawString(start, line, col, start + 1, 'str');
      return true;
    }
    if (c === 98 /* b */) {
      if (c1 === 39) {
        this.byteChar(start, line, col);
        return true;
      }
      if (c1 === 34) {
        this.string(start, line, col, start + 2, 'byteStr');
        return true;
      }
      const c2 = src.charCodeAt(start + 2);
      if (c1 === 114 && (c2 === 34 || c2 === 35)) {
        this.rawString(start, line, col, start + 2, 'byteStr');
        return true;
      }
    }
    if (c === 99 /* c */ && c1 === 34) {
      this.fail(start, 'C string literals are not supported', 'use a normal string literal "…"', 2);
    }
    return false;
  }

  private number(start: number, line: number, col: number): void {
    const src = this.src;
    const prev = this.tokens[this.tokens.length - 1];
    const afterDot = prev !== undefined && prev.kind === 'punct' && prev.text === '.';
    let base = 10;
    const c1 = src.charCodeAt(start + 1);
    if (src.charCodeAt(start) === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
      base = c1 === 120 ? 16 : c1 === 111 ? 8 : 2;
      this.i = start + 2;
    }
    const digitsStart = this.i;
    let isFloat = false;
    if (base === 16) {
      while (this.i < src.length && (isHexDigit(src.charCodeAt(this.i)) || src.charCodeAt(this.i) === 95)) this.i++;
    } else {
      while (this.i < src.length && (isDigit(src.charCodeAt(this.i)) || src.charCodeAt(this.i) === 95)) this.i++;
    }
    const digits = src.slice(digitsStart, this.i).replace(/_/g, '');
    if (digits === '') this.fail(start, 'a number needs at least one digit after its base prefix', undefined, 2);
    if (base !== 16 && base !== 10) {
      for (let k = 0; k < digits.length; k++) {
        if (digits.charCodeAt(k) - 48 >= base)
          this.fail(digitsStart, `invalid digit \`${digits[k]}\` in a base ${base} number`, undefined, this.i - start);
      }
    }
    if (base === 10 && !afterDot) {
      const d = src.charCodeAt(this.i);
      const next = src.codePointAt(this.i + 1) ?? 0;
      if (d === 46 && next !== 46 && !isIdentStart(next)) {
        isFloat = true;
        this.i++;
        while (this.i < src.length && (isDigit(src.charCodeAt(this.i)) || src.charCodeAt(this.i) === 95)) this.i++;
      }
      const e = src.charCodeAt(this.i);
      if (e === 101 || e === 69) {
        let k = this.i + 1;
        const s = src.charCodeAt(k);
        if (s === 43 || s === 45) k++;
        while (src.charCodeAt(k) === 95) k++;
        if (isDigit(src.charCodeAt(k))) {
          isFloat = true;
          this.i = k;
          while (this.i < src.length && (isDigit(src.charCodeAt(this.i)) || src.charCodeAt(this.i) === 95)) this.i++;
        }
      }
    }
    const numberEnd = this.i;
    let suffix: string | null = null;
    if (isIdentStart(src.codePointAt(this.i) ?? 0)) {
      this.identRest();
      suffix = src.slice(numberEnd, this.i);
      const ok = isFloat || base !== 10 ? (isFloat ? FLOAT_SUFFIXES : INT_SUFFIXES) : undefined;
      const valid = ok ? ok.has(suffix) : INT_SUFFIXES.has(suffix) || FLOAT_SUFFIXES.has(suffix);
      if (!valid) {
        this.fail(
          numberEnd,
          `invalid suffix \`${suffix}\` for a number literal`,
          'use one of u8 u16 u32 u64 u128 usize i8 … isize, or f32/f64 for floats',
          this.i - numberEnd,
        );
      }
      if (FLOAT_SUFFIXES.has(suffix)) isFloat = true;
    }
    const text = src.slice(start, this.i);
    const v = this.push(isFloat ? 'float' : 'int', text, start, this.i, line, col, new LiteralValue());
    v.suffix = suffix;
    if (isFloat) {
      v.num = Number(src.slice(start, numberEnd).replace(/_/g, ''));
    } else {
      const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
      v.int = BigInt(prefix + digits);
    }
  }

  /** A `"…"` string (or `b"…"` when kind is byteStr); `bodyStart` is just after the quote. */
  private string(start: number, line: number, col: number, bodyStart: number, kind: 'str' | 'byteStr'): void {
    const src = this.src;
    this.i = bodyStart;
    let value = '';
    let chunk = this.i;
    for (;;) {
      if (this.i >= src.length) this.fail(start, 'unterminated string literal', 'close it with `"`');
      const c = src.charCodeAt(this.i);
      if (c === 34) break;
      if (c === 92) {
        value += src.slice(chunk, this.i);
        value += this.escape(kind === 'byteStr' ? 'byte' : 'str');
        chunk = this.i;
      } else {
        if (kind === 'byteStr' && c > 127) this.fail(this.i, 'non-ASCII character in a byte string');
        this.advanceChar();
      }
    }
    value += src.slice(chunk, this.i);
    this.i++;
    const v = this.push(kind, src.slice(start, this.i), start, this.i, line, col, new LiteralValue());
    if (kind === 'str') v.str = value;
    else v.bytes = Array.from(value, (ch) => ch.charCodeAt(0));
  }

  private rawString(start: number, line: number, col: number, hashStart: number, kind: 'str' | 'byteStr'): void {
    const src = this.src;
    let k = hashStart;
    while (src.charCodeAt(k) === 35) k++;
    const hashes = k - hashStart;
    if (src.charCodeAt(k) !== 34) this.fail(start, 'expected `"` to start a raw string', undefined, k - start + 1);
    const closing = '"' + '#'.repeat(hashes);
    const end = src.indexOf(closing, k + 1);
    if (end < 0) this.fail(start, 'unterminated raw string', `close it with \`${closing}\``, k - start + 1);
    this.i = k + 1;
    while (this.i < end) this.advanceChar();
    const value = src.slice(k + 1, end);
    this.i = end + closing.length;
    const v = this.push(kind, src.slice(start, this.i), start, this.i, line, col, new LiteralValue());
    v.rawHashes = hashes;
    if (kind === 'str') v.str = value;
    else v.bytes = Array.from(value, (ch) => ch.charCodeAt(0));
  }

  /** At a `\`: consumes the escape and returns its value (for bytes, a one-unit string). */
  private escape(mode: 'str' | 'char' | 'byte'): string {
    const src = this.src;
    const at = this.i;
    const c = src[this.i + 1];
    this.i += 2;
    switch (c) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '\\':
        return '\\';
      case '0':
        return '\0';
      case "'":
        return "'";
      case '"':
        return '"';
      case 'x': {
        const hex = src.slice(this.i, this.i + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) this.fail(at, 'a `\\x` escape needs two hex digits', undefined, 2);
        const v = parseInt(hex, 16);
        if (mode !== 'byte' && v > 0x7f)
          this.fail(at, 'a `\\x` escape in a string or char must be at most \\x7F', 'use `\\u{…}`', 4);
        this.i += 2;
        return String.fromCharCode(v);
      }
      case 'u': {
        if (mode === 'byte') this.fail(at, 'unicode escapes are not allowed in byte literals', undefined, 2);
        const m = /^\{([0-9a-fA-F_]{1,8})\}/.exec(src.slice(this.i, this.i + 12));
        if (!m?.[1]) this.fail(at, 'a unicode escape is written `\\u{1F600}`', undefined, 2);
        const v = parseInt(m[1].replace(/_/g, ''), 16);
        if (!(v <= 0x10ffff) || (v >= 0xd800 && v <= 0xdfff))
          this.fail(at, 'invalid unicode escape', undefined, m[0].length + 2);
        this.i += m[0].length;
        return String.fromCodePoint(v);
      }
      case '\n':
      case '\r':
        if (mode === 'str') {
          // A backslash before a newline continues the string: the newline and leading spaces vanish.
          this.i = at + 1;
          while (this.i < src.length && isWhitespace(src.charCodeAt(this.i))) this.advanceChar();
          return '';
        }
        break;
    }
    return this.fail(
      at,
      `unknown escape \`\\${c ?? ''}\``,
      'the escapes are \\n \\r \\t \\\\ \\0 \\\' \\" \\x41 \\u{…}',
      2,
    );
  }

  /** At `'`: a char literal or a lifetime/label. */
  private quote(start: number, line: number, col: number): void {
    const src = this.src;
    const c1 = src.charCodeAt(start + 1);
    if (c1 === 92) {
      this.i = start + 1;
      const value = this.escape('char');
      if (src.charCodeAt(this.i) !== 39) this.fail(start, 'unterminated character literal', "close it with `'`");
      this.i++;
      this.push('char', src.slice(start, this.i), start, this.i, line, col, new LiteralValue()).str = value;
      return;
    }
    const cp = src.codePointAt(start + 1);
    if (cp === undefined || cp === 10) this.fail(start, 'unterminated character literal');
    const len = cp > 0xffff ? 2 : 1;
    if (src.charCodeAt(start + 1 + len) === 39 && cp !== 39) {
      this.i = start + 2 + len;
      const v = new LiteralValue();
      v.str = String.fromCodePoint(cp);
      this.push('char', src.slice(start, this.i), start, this.i, line, col, v);
      return;
    }
    if (isIdentStart(cp)) {
      this.i = start + 1;
      this.identRest();
      this.push('lifetime', src.slice(start + 1, this.i), start, this.i, line, col);
      return;
    }
    this.fail(start, 'unterminated character literal', "close it with `'`");
  }

  private byteChar(start: number, line: number, col: number): void {
    const src = this.src;
    this.i = start + 2;
    let value: number;
    if (src.charCodeAt(this.i) === 92) {
      value = this.escape('byte').charCodeAt(0);
    } else {
      const c = src.charCodeAt(this.i);
      if (Number.isNaN(c) || c === 39 || c === 10) this.fail(start, 'empty or unterminated byte literal');
      if (c > 127) this.fail(this.i, 'non-ASCII character in a byte literal');
      value = c;
      this.i++;
    }
    if (src.charCodeAt(this.i) !== 39) this.fail(start, 'unterminated byte literal', "close it with `'`");
    this.i++;
    this.push('byte', src.slice(start, this.i), start, this.i, line, col, new LiteralValue()).num = value;
  }
}

/** True for an identifier token that is a keyword (not a raw identifier). */
export function isKeyword(t: Token): boolean {
  return t.kind === 'ident' && !t.rawIdent && KEYWORDS.has(t.text);
}
