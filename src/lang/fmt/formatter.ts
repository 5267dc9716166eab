/**
 * `Formatter`: the options of one placeholder plus the output sink, with core::fmt's padding
 * rules (core/src/fmt/mod.rs, Rust 1.95):
 * - `pad(s)` (strings, bools, chars): precision truncates to that many chars, width pads with
 *   the fill, default alignment left;
 * - `padIntegral(nonneg, prefix, digits)` (integers): sign, then `0x`-style prefix when `#`;
 *   default alignment right; with the `0` flag the sign and prefix go first and zeros fill the
 *   rest, whatever the alignment and fill were;
 * - `padFormattedParts(sign, body)` (floats): like padIntegral without a prefix.
 * Widths count Unicode scalar values (`chars().count()`), not UTF-16 units nor graphemes.
 */
import {
  type BoundFormat,
  FLAG_ALTERNATE,
  FLAG_DEBUG_LOWER_HEX,
  FLAG_DEBUG_UPPER_HEX,
  FLAG_SIGN_MINUS,
  FLAG_SIGN_PLUS,
  FLAG_ZERO_PAD,
} from './bind.ts';
import type { Alignment, FormatTrait } from './spec.ts';

/** Where formatted text goes (`fmt::Write`). */
export interface Sink {
  writeStr(s: string): void;
}

export class StringSink implements Sink {
  out = '';
  writeStr(s: string): void {
    this.out += s;
  }
}

/**
 * A value the formatter can print. Implement the traits the value's Rust type implements; the
 * interpreter adapts its values to this. `asUsize` serves `{:1$}`/`{:.*}` count arguments.
 */
export interface Formattable {
  display?(f: Formatter): void;
  debug?(f: Formatter): void;
  lowerHex?(f: Formatter): void;
  upperHex?(f: Formatter): void;
  octal?(f: Formatter): void;
  binary?(f: Formatter): void;
  lowerExp?(f: Formatter): void;
  upperExp?(f: Formatter): void;
  pointer?(f: Formatter): void;
  asUsize?(): number | undefined;
}

/** Raised when a value lacks the trait a placeholder asks for (rustc would have refused to compile). */
export class FmtTraitError extends Error {
  /** Which argument of the template lacked it (-1 until the template runner knows). */
  arg = -1;
  constructor(readonly trait: FormatTrait | 'usize') {
    super(
      trait === 'usize' ? 'a width or precision argument must be a usize' : `the value does not implement \`${trait}\``,
    );
    this.name = 'FmtTraitError';
  }
}

/** Number of Unicode scalar values in `s` (a surrogate pair counts once). */
export function charCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The first `n` scalar values of `s`. */
function takeChars(s: string, n: number): string {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  return s.slice(0, i);
}

export class Formatter {
  sink: Sink;
  fillChar = ' ';
  align: Alignment | undefined = undefined;
  flags = 0;
  /** -1 when absent. */
  widthValue = -1;
  precisionValue = -1;

  constructor(sink: Sink) {
    this.sink = sink;
  }

  /** A formatter writing to `sink` with the same options (core's `wrap_buf`). */
  withSink(sink: Sink): Formatter {
    const f = new Formatter(sink);
    f.fillChar = this.fillChar;
    f.align = this.align;
    f.flags = this.flags;
    f.widthValue = this.widthValue;
    f.precisionValue = this.precisionValue;
    return f;
  }

  writeStr(s: string): void {
    this.sink.writeStr(s);
  }

  width(): number | undefined {
    return this.widthValue < 0 ? undefined : this.widthValue;
  }

  precision(): number | undefined {
    return this.precisionValue < 0 ? undefined : this.precisionValue;
  }

  fill(): string {
    return this.fillChar;
  }

  alternate(): boolean {
    return (this.flags & FLAG_ALTERNATE) !== 0;
  }

  signPlus(): boolean {
    return (this.flags & FLAG_SIGN_PLUS) !== 0;
  }

  signMinus(): boolean {
    return (this.flags & FLAG_SIGN_MINUS) !== 0;
  }

  signAwareZeroPad(): boolean {
    return (this.flags & FLAG_ZERO_PAD) !== 0;
  }

  debugLowerHex(): boolean {
    return (this.flags & FLAG_DEBUG_LOWER_HEX) !== 0;
  }

  debugUpperHex(): boolean {
    return (this.flags & FLAG_DEBUG_UPPER_HEX) !== 0;
  }

  /** True when no option changes how a value prints (the common `{}`). */
  isPlain(): boolean {
    return this.flags === 0 && this.widthValue < 0 && this.precisionValue < 0;
  }

  /** Writes the pre-padding for `padding` fill chars and returns how many go after. */
  padding(padding: number, dflt: Alignment): number {
    const align = this.align ?? dflt;
    const left = align === 'left' ? 0 : align === 'right' ? padding : Math.floor(padding / 2);
    if (left > 0) this.sink.writeStr(this.fillChar.repeat(left));
    return padding - left;
  }

  writeFill(n: number): void {
    if (n > 0) this.sink.writeStr(this.fillChar.repeat(n));
  }

  pad(s: string): void {
    if (this.widthValue < 0 && this.precisionValue < 0) {
      this.sink.writeStr(s);
      return;
    }
    let text = s;
    let count: number;
    if (this.precisionValue >= 0) {
      text = takeChars(s, this.precisionValue);
      count = charCount(text);
    } else count = charCount(s);
    if (count < this.widthValue) {
      const post = this.padding(this.widthValue - count, 'left');
      this.sink.writeStr(text);
      this.writeFill(post);
    } else this.sink.writeStr(text);
  }

  padIntegral(isNonNegative: boolean, prefix: string, digits: string): void {
    let width = digits.length;
    let sign = '';
    if (!isNonNegative) {
      sign = '-';
      width++;
    } else if (this.signPlus()) {
      sign = '+';
      width++;
    }
    const pre = this.alternate() ? prefix : '';
    width += charCount(pre);
    const min = this.widthValue;
    if (width >= min) {
      this.sink.writeStr(sign + pre + digits);
    } else if (this.signAwareZeroPad()) {
      this.sink.writeStr(sign + pre);
      this.sink.writeStr('0'.repeat(min - width));
      this.sink.writeStr(digits);
    } else {
      const post = this.padding(min - width, 'right');
      this.sink.writeStr(sign + pre + digits);
      this.writeFill(post);
    }
  }

  /** Floats (and integers' `{:e}` with extra precision): `sign` then the ASCII `body`. */
  padFormattedParts(sign: string, body: string): void {
    if (this.widthValue <= 0) {
      this.sink.writeStr(sign + body);
      return;
    }
    let width = this.widthValue;
    let s = sign;
    let fill = this.fillChar;
    let align = this.align;
    if (this.signAwareZeroPad()) {
      this.sink.writeStr(s);
      width = Math.max(0, width - s.length);
      s = '';
      fill = '0';
      align = 'right';
    }
    const len = s.length + body.length;
    if (width <= len) {
      this.sink.writeStr(s + body);
      return;
    }
    const savedFill = this.fillChar;
    const savedAlign = this.align;
    this.fillChar = fill;
    this.align = align;
    const post = this.padding(width - len, 'right');
    this.sink.writeStr(s + body);
    this.writeFill(post);
    this.fillChar = savedFill;
    this.align = savedAlign;
  }

  /** `write!(f, …)`: formats a bound template into this formatter's sink with fresh options. */
  writeFmt(bound: BoundFormat, args: readonly Formattable[]): void {
    writeBound(this.sink, bound, args);
  }
}

function countArg(args: readonly Formattable[], slot: number): number {
  const v = args[slot].asUsize?.();
  if (v === undefined) throw new FmtTraitError('usize');
  return v;
}

function callTrait(v: Formattable, trait: FormatTrait, f: Formatter): void {
  switch (trait) {
    case 'Display':
      if (v.display) return v.display(f);
      break;
    case 'Debug':
      if (v.debug) return v.debug(f);
      break;
    case 'LowerHex':
      if (v.lowerHex) return v.lowerHex(f);
      break;
    case 'UpperHex':
      if (v.upperHex) return v.upperHex(f);
      break;
    case 'Octal':
      if (v.octal) return v.octal(f);
      break;
    case 'Binary':
      if (v.binary) return v.binary(f);
      break;
    case 'LowerExp':
      if (v.lowerExp) return v.lowerExp(f);
      break;
    case 'UpperExp':
      if (v.upperExp) return v.upperExp(f);
      break;
    case 'Pointer':
      if (v.pointer) return v.pointer(f);
      break;
  }
  throw new FmtTraitError(trait);
}

/** Runs a bound template: literal pieces verbatim, each placeholder through its trait. */
export function writeBound(sink: Sink, bound: BoundFormat, args: readonly Formattable[]): void {
  let f: Formatter | undefined;
  for (const piece of bound.pieces) {
    if (typeof piece === 'string') {
      sink.writeStr(piece);
      continue;
    }
    f ??= new Formatter(sink);
    f.fillChar = piece.fill;
    f.align = piece.align;
    f.flags = piece.flags;
    f.widthValue = piece.widthArg >= 0 ? countArg(args, piece.widthArg) : piece.width;
    f.precisionValue = piece.precisionArg >= 0 ? countArg(args, piece.precisionArg) : piece.precision;
    try {
      callTrait(args[piece.arg], piece.trait, f);
    } catch (e) {
      if (e instanceof FmtTraitError && e.arg < 0) e.arg = piece.arg;
      throw e;
    }
  }
}

/** `format!`: the bound template applied to `args`, as a string. */
export function formatBound(bound: BoundFormat, args: readonly Formattable[]): string {
  const sink = new StringSink();
  writeBound(sink, bound, args);
  return sink.out;
}

/** Formats one value with one trait and default options (`value.to_string()` for Display). */
export function formatValue(v: Formattable, trait: FormatTrait = 'Display'): string {
  const sink = new StringSink();
  callTrait(v, trait, new Formatter(sink));
  return sink.out;
}

/** Calls `v`'s `trait` implementation on `f` (for builders and wrappers). */
export function fmtWith(v: Formattable, trait: FormatTrait, f: Formatter): void {
  callTrait(v, trait, f);
}
