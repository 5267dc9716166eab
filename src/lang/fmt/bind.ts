/**
 * Binds a parsed format string to the arguments of a `format_args!` call, as rustc does:
 * implicit `{}` take positional arguments in order (`{:.*}` takes the precision first, then the
 * value); `{name}` refers to a named argument `name = expr`, or else captures the variable `name`
 * from the enclosing scope (Rust 2021 inline arguments). Every explicit argument must be used.
 *
 * The bound argument list is: the positional arguments, then the named ones in the order given,
 * then the captured variables (listed in `captures`, first use first) — the interpreter evaluates
 * them in that order and passes one Formattable per slot.
 */
import type { Count, FormatError, FormatResult, FormatTemplate, FormatTrait, Placeholder } from './spec.ts';

/** A placeholder resolved to argument slots; counts are -1 when absent. */
export interface BoundPlaceholder {
  readonly kind: 'placeholder';
  readonly arg: number;
  readonly trait: FormatTrait;
  readonly fill: string;
  readonly align: Placeholder['align'];
  /** Formatter flag bits (see formatter.ts FLAG_*). */
  readonly flags: number;
  readonly width: number;
  readonly widthArg: number;
  readonly precision: number;
  readonly precisionArg: number;
}

export type BoundPiece = string | BoundPlaceholder;

export interface BoundFormat {
  readonly pieces: readonly BoundPiece[];
  /** Number of argument slots: positional + named + captures. */
  readonly argCount: number;
  /** Variables captured from the scope, in slot order after the named arguments. */
  readonly captures: readonly string[];
}

export interface ArgumentList {
  /** How many positional (unnamed) arguments follow the format string. */
  readonly positional: number;
  /** Names of `name = expr` arguments, in order. */
  readonly named: readonly string[];
}

export const FLAG_SIGN_PLUS = 1;
export const FLAG_SIGN_MINUS = 2;
export const FLAG_ALTERNATE = 4;
export const FLAG_ZERO_PAD = 8;
export const FLAG_DEBUG_LOWER_HEX = 16;
export const FLAG_DEBUG_UPPER_HEX = 32;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function argumentsPhrase(n: number): string {
  if (n === 0) return 'no arguments were given';
  return n === 1 ? 'there is 1 argument' : `there are ${n} arguments`;
}

export function bindArguments(template: FormatTemplate, args: ArgumentList): FormatResult<BoundFormat> {
  const { positional, named } = args;
  const explicit = positional + named.length;
  const used = new Array<boolean>(explicit).fill(false);
  const captures: string[] = [];
  let nextImplicit = 0;
  let firstBadExplicit: { index: number; start: number; end: number } | undefined;
  let implicitOverflow: { start: number; end: number } | undefined;

  const slotOfName = (name: string): number => {
    const i = named.indexOf(name);
    if (i >= 0) return positional + i;
    let c = captures.indexOf(name);
    if (c < 0) c = captures.push(name) - 1;
    return explicit + c;
  };
  const slotOfIndex = (index: number, p: Placeholder, implicit: boolean): number => {
    if (index >= explicit) {
      if (implicit) implicitOverflow ??= { start: p.start, end: p.end };
      else firstBadExplicit ??= { index, start: p.start, end: p.end };
      return -1;
    }
    return index;
  };
  const countSlot = (c: Count, p: Placeholder): [number, number] => {
    switch (c.kind) {
      case 'implied':
        return [-1, -1];
      case 'literal':
        return [c.value, -1];
      case 'index':
        return [-1, slotOfIndex(c.index, p, false)];
      case 'name':
        return [-1, slotOfName(c.name)];
      case 'star':
        return [-1, slotOfIndex(nextImplicit++, p, true)];
    }
  };

  const pieces: BoundPiece[] = [];
  for (const piece of template.pieces) {
    if (piece.kind === 'literal') {
      pieces.push(piece.text);
      continue;
    }
    const p = piece;
    const [width, widthArg] = countSlot(p.width, p);
    const [precision, precisionArg] = countSlot(p.precision, p);
    let arg: number;
    switch (p.arg.kind) {
      case 'next':
        arg = slotOfIndex(nextImplicit++, p, true);
        break;
      case 'index':
        arg = slotOfIndex(p.arg.index, p, false);
        break;
      case 'name':
        arg = slotOfName(p.arg.name);
        break;
    }
    for (const slot of [arg, widthArg, precisionArg]) if (slot >= 0 && slot < explicit) used[slot] = true;
    const flags =
      (p.signPlus ? FLAG_SIGN_PLUS : 0) |
      (p.signMinus ? FLAG_SIGN_MINUS : 0) |
      (p.alternate ? FLAG_ALTERNATE : 0) |
      (p.zeroPad ? FLAG_ZERO_PAD : 0) |
      (p.debugHex === 'lower' ? FLAG_DEBUG_LOWER_HEX : p.debugHex === 'upper' ? FLAG_DEBUG_UPPER_HEX : 0);
    pieces.push({
      kind: 'placeholder',
      arg,
      trait: p.trait,
      fill: p.fill,
      align: p.align,
      flags,
      width,
      widthArg,
      precision,
      precisionArg,
    });
  }

  const bad = firstBadExplicit;
  if (bad !== undefined) {
    return fail({
      message: `invalid reference to positional argument ${bad.index} (${argumentsPhrase(positional)})`,
      start: bad.start,
      end: bad.end,
      note: 'positional arguments are zero-based',
    });
  }
  const over = implicitOverflow;
  if (over !== undefined) {
    return fail({
      message: `${plural(nextImplicit, 'positional argument')} in format string, but ${argumentsPhrase(positional)}`,
      start: over.start,
      end: over.end,
    });
  }
  const unused = used.flatMap((u, i) => (u ? [] : [i]));
  if (unused.length > 0) {
    const onlyNamed = unused.length === 1 && unused[0] >= positional;
    const message =
      unused.length > 1
        ? 'multiple unused formatting arguments'
        : onlyNamed
          ? 'named argument never used'
          : 'argument never used';
    return fail({
      message,
      start: 0,
      end: template.source.length,
      label: `unused argument slots: ${unused.join(', ')}`,
    });
  }
  return { ok: true, value: { pieces, argCount: explicit + captures.length, captures } };
}

function fail(error: FormatError): FormatResult<BoundFormat> {
  return { ok: false, error };
}
