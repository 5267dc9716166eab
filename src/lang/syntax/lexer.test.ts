import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../diagnostics.ts';
import { lex } from './lexer.ts';
import type { Token } from './tokens.ts';

function kinds(src: string): string[] {
  return lex(src)
    .filter((t) => t.kind !== 'eof')
    .map((t) => `${t.kind}:${t.text}`);
}
function one(src: string): Token {
  const toks = lex(src);
  expect(toks).toHaveLength(2);
  return toks[0];
}
function lexError(src: string): DiagnosticError {
  try {
    lex(src);
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error(`expected a lex error for ${src}`);
}

describe('lexer: token kinds', () => {
  it('lexes identifiers, keywords, raw identifiers and unicode names', () => {
    expect(kinds('foo _bar r#type Ünïcode fn')).toEqual([
      'ident:foo',
      'ident:_bar',
      'ident:type',
      'ident:Ünïcode',
      'ident:fn',
    ]);
    expect(lex('r#match')[0]?.rawIdent).toBe(true);
    expect(lex('_')[0]?.kind).toBe('ident');
  });

  it('lexes every punctuation greedily', () => {
    const src =
      '>>= <<= ... ..= :: -> => == != <= >= && || += -= *= /= %= ^= &= |= << >> .. + - * / % ^ ! & | = < > @ . , ; : # $ ? ~ ( ) [ ] { }';
    expect(kinds(src)).toEqual(src.split(' ').map((p) => `punct:${p}`));
    expect(kinds('a>>=b')).toEqual(['ident:a', 'punct:>>=', 'ident:b']);
    expect(kinds('x..=y')).toEqual(['ident:x', 'punct:..=', 'ident:y']);
  });

  it('tells lifetimes and labels from chars', () => {
    expect(kinds(`'a 'static 'outer: 'x' '\\n'`)).toEqual([
      'lifetime:a',
      'lifetime:static',
      'lifetime:outer',
      'punct::',
      "char:'x'",
      "char:'\\n'",
    ]);
    expect(one(`'😀'`).str).toBe('😀');
    expect(one(`'\\''`).str).toBe("'");
  });

  it('drops line, block (nested) and doc comments, and records spacing', () => {
    const toks = lex('/// doc\n//! inner\na /* x /* nested */ y */ b//tail\n/** block doc */c');
    expect(toks.map((t) => t.text)).toEqual(['a', 'b', 'c', '']);
    expect(toks[1]?.spaced).toBe(true);
    expect(lex('a.b')[1]?.spaced).toBe(false);
  });

  it('ends with an eof token at the end position', () => {
    const toks = lex('a\nbc');
    const eof = toks[toks.length - 1];
    expect(eof.kind).toBe('eof');
    expect([eof.line, eof.col]).toEqual([2, 3]);
  });
});

describe('lexer: numbers', () => {
  it.each([
    ['42', 42n, null],
    ['1_000', 1000n, null],
    ['100u64', 100n, 'u64'],
    ['0xff', 255n, null],
    ['0xFFu8', 255n, 'u8'],
    ['0o17', 15n, null],
    ['0b1010', 10n, null],
    ['0b1111_0000i32', 240n, 'i32'],
    ['18446744073709551615u64', 18446744073709551615n, 'u64'],
  ])('integer %s', (src, value, suffix) => {
    const t = one(src);
    expect(t.kind).toBe('int');
    expect(t.int).toBe(value);
    expect(t.suffix).toBe(suffix);
    expect(t.text).toBe(src);
  });

  it.each([
    ['1.5', 1.5, null],
    ['1e3', 1000, null],
    ['2.0f64', 2, 'f64'],
    ['1.5e-3', 0.0015, null],
    ['3f32', 3, 'f32'],
    ['1_000.25', 1000.25, null],
    ['2E+2', 200, null],
  ])('float %s', (src, value, suffix) => {
    const t = one(src);
    expect(t.kind).toBe('float');
    expect(t.num).toBe(value);
    expect(t.suffix).toBe(suffix);
  });

  it('lexes `1.` as a float but `1..2`, `1.max()` and `t.0.1` with integers', () => {
    expect(kinds('1.')).toEqual(['float:1.']);
    expect(kinds('1..2')).toEqual(['int:1', 'punct:..', 'int:2']);
    expect(kinds('1.max(2)')).toEqual(['int:1', 'punct:.', 'ident:max', 'punct:(', 'int:2', 'punct:)']);
    expect(kinds('t.0.1')).toEqual(['ident:t', 'punct:.', 'int:0', 'punct:.', 'int:1']);
    expect(kinds('t.0.1.2')).toEqual(['ident:t', 'punct:.', 'int:0', 'punct:.', 'int:1', 'punct:.', 'int:2']);
    expect(kinds('1.0.max(2.0)')).toEqual(['float:1.0', 'punct:.', 'ident:max', 'punct:(', 'float:2.0', 'punct:)']);
  });

  it('refuses bad digits and suffixes with a location', () => {
    expect(lexError('let x = 0b102;').diagnostic).toMatchObject({ line: 1, col: 11 });
    expect(lexError('1u7').diagnostic.message).toMatch(/invalid suffix `u7`/);
    expect(lexError('0x').diagnostic.message).toMatch(/at least one digit/);
    expect(lexError('1.5u8').diagnostic.message).toMatch(/invalid suffix/);
  });
});

describe('lexer: strings and escapes', () => {
  it('resolves every escape', () => {
    expect(one(String.raw`"\n \t \\ \" \' \0 \x41 \u{1F600} \r"`).str).toBe('\n \t \\ " \' \0 A 😀 \r');
    expect(one(String.raw`'\x41'`).str).toBe('A');
    expect(one(String.raw`'\u{48}'`).str).toBe('H');
  });

  it('continues a string across an escaped newline', () => {
    expect(one('"a\\\n      b"').str).toBe('ab');
  });

  it('keeps newlines in strings and counts lines', () => {
    const toks = lex('"a\nb" x');
    expect(toks[0]?.str).toBe('a\nb');
    expect([toks[1]?.line, toks[1]?.col]).toEqual([2, 4]);
  });

  it('lexes raw strings with and without hashes', () => {
    const a = one(String.raw`r"C:\path\n"`);
    expect([a.kind, a.str, a.rawHashes]).toEqual(['str', String.raw`C:\path\n`, 0]);
    const b = one('r#"say "hi""#');
    expect([b.str, b.rawHashes]).toEqual(['say "hi"', 1]);
    const c = one('r##"a "# b"##');
    expect(c.str).toBe('a "# b');
    expect(one('"plain"').rawHashes).toBe(-1);
  });

  it('lexes byte strings and bytes', () => {
    expect(one('b"ab\\x01"').bytes).toEqual([97, 98, 1]);
    expect(one('br"a\\n"').bytes).toEqual([97, 92, 110]);
    expect(one("b'a'").num).toBe(97);
    expect(one("b'\\xff'").num).toBe(255);
    expect(one("b'\\n'").kind).toBe('byte');
  });

  it('reports unknown escapes, unterminated literals and stray characters at their place', () => {
    expect(lexError('"\\q"').diagnostic).toMatchObject({ line: 1, col: 2, message: 'unknown escape `\\q`' });
    expect(lexError('x\n  "abc').diagnostic).toMatchObject({ line: 2, col: 3 });
    expect(lexError("'\\x80'").diagnostic.message).toMatch(/at most/);
    expect(lexError('"\\u{D800}"').diagnostic.message).toMatch(/invalid unicode escape/);
    expect(lexError('a /* b').diagnostic).toMatchObject({ line: 1, col: 3, message: 'unterminated block comment' });
    expect(lexError('let € = 1;').diagnostic).toMatchObject({ line: 1, col: 5 });
    expect(lexError('r#"abc"').diagnostic.message).toMatch(/unterminated raw string/);
    expect(lexError("b'é'").diagnostic.message).toMatch(/non-ASCII/);
  });
});

describe('lexer: positions', () => {
  it('gives 1-based line/col and exclusive end positions', () => {
    const toks = lex('fn main() {\n    let xy = 10;\n}');
    const let_ = toks.find((t) => t.text === 'let') as Token;
    expect([let_.line, let_.col, let_.endLine, let_.endCol]).toEqual([2, 5, 2, 8]);
    const xy = toks.find((t) => t.text === 'xy') as Token;
    expect([xy.col, xy.endCol, xy.start, xy.end]).toEqual([9, 11, 20, 22]);
  });

  it('spans multi-line tokens to their real end', () => {
    const t = lex('  "a\nbc"')[0];
    expect([t.line, t.col, t.endLine, t.endCol]).toEqual([1, 3, 2, 4]);
  });

  it('skips a shebang line but not an inner attribute', () => {
    expect(kinds('#!/usr/bin/env rust\nfn')).toEqual(['ident:fn']);
    expect(kinds('#![allow(x)]')[0]).toBe('punct:#');
  });
});
