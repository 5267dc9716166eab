/**
 * `parseFormatString`: Rust's format-string parser (rustc_parse_format), with rustc's error
 * messages. Subtleties it keeps: a fill is any char followed by `<`, `^` or `>`; `0$` is a width
 * argument, not the zero flag; `{:ab}` is the trait `ab`, but `{:a$}` is a width argument;
 * whitespace may follow the argument (`{0 }`) but not precede it (`{ 0}` is an error); `{:.}`
 * means no precision; width and precision literals must fit in u16 (as of Rust 1.87).
 */
import type { Alignment, ArgRef, Count, FormatError, FormatResult, FormatTrait, Piece, Placeholder } from './spec.ts';

const TRAITS: Readonly<Record<string, FormatTrait>> = {
  '': 'Display',
  '?': 'Debug',
  x: 'LowerHex',
  X: 'UpperHex',
  o: 'Octal',
  b: 'Binary',
  e: 'LowerExp',
  E: 'UpperExp',
  p: 'Pointer',
};

const ID_START = /[\p{XID_Start}_]/u;
const ID_CONTINUE = /\p{XID_Continue}/u;

class FormatParseError extends Error {
  constructor(readonly error: FormatError) {
    super(error.message);
  }
}

function fail(message: string, start: number, end: number, label?: string, note?: string): never {
  const error: FormatError = {
    message,
    start,
    end,
    ...(label === undefined ? {} : { label }),
    ...(note === undefined ? {} : { note }),
  };
  throw new FormatParseError(error);
}

class Parser {
  pos = 0;
  constructor(readonly s: string) {}

  peek(offset = 0): string | undefined {
    const cp = this.s.codePointAt(this.pos + offset);
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  }

  consume(c: string): boolean {
    if (this.s.startsWith(c, this.pos)) {
      this.pos += c.length;
      return true;
    }
    return false;
  }

  skipWhitespace(): void {
    while (this.pos < this.s.length && /\s/u.test(this.peek() ?? '')) this.pos += (this.peek() ?? ' ').length;
  }

  /** Decimal digits; `limit` bounds the value (u16 for counts). */
  integer(limit: number): number | undefined {
    const start = this.pos;
    while (this.pos < this.s.length && this.s.charCodeAt(this.pos) >= 48 && this.s.charCodeAt(this.pos) <= 57)
      this.pos++;
    if (this.pos === start) return undefined;
    const text = this.s.slice(start, this.pos);
    const value = Number(text);
    if (value > limit) {
      fail(
        `invalid format string: integer \`${text}\` does not fit into the type \`u16\` whose range is \`0..=65535\``,
        start,
        this.pos,
        'integer out of range for `u16` in format string',
      );
    }
    return value;
  }

  word(): string {
    const start = this.pos;
    const first = this.peek();
    if (first === undefined || !ID_START.test(first)) return '';
    this.pos += first.length;
    for (let c = this.peek(); c !== undefined && ID_CONTINUE.test(c); c = this.peek()) this.pos += c.length;
    return this.s.slice(start, this.pos);
  }

  count(): Count {
    const n = this.integer(65535);
    if (n !== undefined) return this.consume('$') ? { kind: 'index', index: n } : { kind: 'literal', value: n };
    const save = this.pos;
    const name = this.word();
    if (name !== '' && this.consume('$')) return { kind: 'name', name };
    this.pos = save;
    return { kind: 'implied' };
  }

  expectClose(openAt: number): void {
    if (this.consume('}')) return;
    const c = this.peek();
    if (c === undefined) {
      fail(
        'invalid format string: expected `}` but string was terminated',
        this.s.length,
        this.s.length,
        'expected `}` in format string',
        'if you intended to print `{`, you can escape it using `{{`',
      );
    }
    void openAt;
    fail(
      `invalid format string: expected \`}\`, found \`${c}\``,
      this.pos,
      this.pos + c.length,
      'expected `}` in format string',
    );
  }

  argument(): ArgRef | undefined {
    const start = this.pos;
    const n = this.integer(Number.MAX_SAFE_INTEGER);
    if (n !== undefined) return { kind: 'index', index: n };
    const name = this.word();
    if (name === '') return undefined;
    if (name === '_') {
      fail(
        'invalid format string: invalid argument name `_`',
        start,
        this.pos,
        'invalid argument name in format string',
        'argument name cannot be a single underscore',
      );
    }
    return { kind: 'name', name };
  }

  placeholder(start: number): Placeholder {
    const arg = this.argument() ?? { kind: 'next' };
    this.skipWhitespace();
    let fill = ' ';
    let align: Alignment | undefined;
    let signPlus = false;
    let signMinus = false;
    let alternate = false;
    let zeroPad = false;
    let width: Count = { kind: 'implied' };
    let precision: Count = { kind: 'implied' };
    let debugHex: 'lower' | 'upper' | undefined;
    let trait: FormatTrait = 'Display';
    if (this.consume(':')) {
      const first = this.peek();
      const second = first === undefined ? undefined : this.s[this.pos + first.length];
      if (first !== undefined && (second === '<' || second === '>' || second === '^')) {
        fill = first;
        this.pos += first.length;
      }
      if (this.consume('<')) align = 'left';
      else if (this.consume('>')) align = 'right';
      else if (this.consume('^')) align = 'center';
      if (this.consume('+')) signPlus = true;
      else if (this.consume('-')) signMinus = true;
      if (this.consume('#')) alternate = true;
      let haveWidth = false;
      if (this.consume('0')) {
        if (this.consume('$')) {
          width = { kind: 'index', index: 0 };
          haveWidth = true;
        } else zeroPad = true;
      }
      if (!haveWidth) width = this.count();
      if (this.consume('.')) precision = this.consume('*') ? { kind: 'star' } : this.count();
      const traitStart = this.pos;
      if (this.consume('x')) {
        if (this.consume('?')) {
          debugHex = 'lower';
          trait = 'Debug';
        } else trait = 'LowerHex';
      } else if (this.consume('X')) {
        if (this.consume('?')) {
          debugHex = 'upper';
          trait = 'Debug';
        } else trait = 'UpperHex';
      } else if (this.consume('?')) {
        trait = 'Debug';
      } else {
        const name = this.word();
        const known = TRAITS[name];
        if (known === undefined) {
          fail(
            `unknown format trait \`${name}\``,
            traitStart,
            this.pos,
            undefined,
            'the only appropriate formatting traits are: `?`, `x?`, `X?`, `x`, `X`, `o`, `b`, `e`, `E`, `p`',
          );
        }
        trait = known;
      }
    }
    this.expectClose(start);
    return {
      kind: 'placeholder',
      arg,
      trait,
      fill,
      align,
      signPlus,
      signMinus,
      alternate,
      zeroPad,
      debugHex,
      width,
      precision,
      start,
      end: this.pos,
    };
  }
}

/** Parses a format string into literal pieces and placeholders, or the first error rustc would report. */
export function parseFormatString(
  s: string,
): FormatResult<{ readonly source: string; readonly pieces: readonly Piece[] }> {
  const p = new Parser(s);
  const pieces: Piece[] = [];
  let text = '';
  try {
    while (p.pos < s.length) {
      const c = s[p.pos];
      if (c === '{') {
        if (s[p.pos + 1] === '{') {
          text += '{';
          p.pos += 2;
          continue;
        }
        const start = p.pos;
        p.pos++;
        if (text !== '') pieces.push({ kind: 'literal', text });
        text = '';
        pieces.push(p.placeholder(start));
      } else if (c === '}') {
        if (s[p.pos + 1] === '}') {
          text += '}';
          p.pos += 2;
          continue;
        }
        fail(
          'invalid format string: unmatched `}` found',
          p.pos,
          p.pos + 1,
          'unmatched `}` in format string',
          'if you intended to print `}`, you can escape it using `}}`',
        );
      } else {
        const next = s.indexOf('{', p.pos);
        const close = s.indexOf('}', p.pos);
        let stop = s.length;
        if (next >= 0) stop = next;
        if (close >= 0 && close < stop) stop = close;
        text += s.slice(p.pos, stop);
        p.pos = stop;
      }
    }
  } catch (e) {
    if (e instanceof FormatParseError) return { ok: false, error: e.error };
    throw e;
  }
  if (text !== '') pieces.push({ kind: 'literal', text });
  return { ok: true, value: { source: s, pieces } };
}
