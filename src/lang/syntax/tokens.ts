/**
 * Tokens of the Rust subset. One class with every field always present keeps token objects
 * monomorphic, which matters when a 10k-line program is lexed in a few milliseconds.
 */

export type TokenKind = 'ident' | 'lifetime' | 'int' | 'float' | 'str' | 'byteStr' | 'char' | 'byte' | 'punct' | 'eof';

/** The value part of a literal token, allocated only for literals. */
export class LiteralValue {
  /** Resolved value of str and char literals. */
  str = '';
  /** Value of int literals. */
  int = 0n;
  /** Value of float and byte literals. */
  num = 0;
  /** Value of byte string literals. */
  bytes: number[] | null = null;
  /** Literal suffix (`u64`, `f32`), or null. */
  suffix: string | null = null;
  /** Number of `#` of a raw string, or -1 for a normal string. */
  rawHashes = -1;
}

const NO_VALUE = new LiteralValue();

export class Token {
  kind: TokenKind;
  /**
   * ident: the name (without `r#`); lifetime: the name without the quote; punct: its characters;
   * literals: the source text.
   */
  text: string;
  start: number;
  end: number;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** Whitespace or a comment comes right before this token. */
  spaced = false;
  /** `r#ident` */
  rawIdent = false;
  /** The literal's value; a shared empty value for other tokens. */
  lit: LiteralValue = NO_VALUE;

  constructor(
    kind: TokenKind,
    text: string,
    start: number,
    end: number,
    line: number,
    col: number,
    endLine: number,
    endCol: number,
  ) {
    this.kind = kind;
    this.text = text;
    this.start = start;
    this.end = end;
    this.line = line;
    this.col = col;
    this.endLine = endLine;
    this.endCol = endCol;
  }

  get str(): string {
    return this.lit.str;
  }
  get int(): bigint {
    return this.lit.int;
  }
  get num(): number {
    return this.lit.num;
  }
  get bytes(): number[] | null {
    return this.lit.bytes;
  }
  get suffix(): string | null {
    return this.lit.suffix;
  }
  get rawHashes(): number {
    return this.lit.rawHashes;
  }
}

/** Strict and reserved keywords: never identifiers unless written `r#name`. */
export const KEYWORDS: ReadonlySet<string> = new Set(
  'as async await break const continue crate dyn else enum extern false fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while abstract become box do final macro override priv typeof unsized virtual yield try'.split(
    ' ',
  ),
);

/** Punctuation, longest first within each leading character (the lexer matches greedily). */
export const PUNCTS: readonly string[] =
  '>>= <<= ... ..= :: -> => == != <= >= && || += -= *= /= %= ^= &= |= << >> .. + - * / % ^ ! & | = < > @ . , ; : # $ ? ~ ( ) [ ] { }'.split(
    ' ',
  );

export const INT_SUFFIXES: ReadonlySet<string> = new Set(
  'u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize'.split(' '),
);
export const FLOAT_SUFFIXES: ReadonlySet<string> = new Set(['f32', 'f64']);
