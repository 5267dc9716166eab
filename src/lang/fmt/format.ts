/**
 * One-call entry points: compile a format string (parse + bind) once, then run it many times.
 * `compileFormat` is what `println!`/`format!`/`write!`/`panic!` lowering should call at compile
 * time; `formatString` is a convenience for tests and std helpers with positional arguments only.
 */
import { type ArgumentList, type BoundFormat, bindArguments } from './bind.ts';
import { type Formattable, formatBound } from './formatter.ts';
import { parseFormatString } from './parse.ts';
import type { FormatResult } from './spec.ts';

export function compileFormat(source: string, args: ArgumentList): FormatResult<BoundFormat> {
  const parsed = parseFormatString(source);
  if (!parsed.ok) return parsed;
  return bindArguments(parsed.value, args);
}

/** Thrown by `formatString` for an invalid format string (a compile error in Rust). */
export class FormatStringError extends Error {
  constructor(
    message: string,
    readonly start: number,
  ) {
    super(message);
    this.name = 'FormatStringError';
  }
}

/** Formats with positional arguments only; captured names are not available here. */
export function formatString(source: string, args: readonly Formattable[]): string {
  const bound = compileFormat(source, { positional: args.length, named: [] });
  if (!bound.ok) throw new FormatStringError(bound.error.message, bound.error.start);
  if (bound.value.captures.length > 0) {
    throw new FormatStringError(`cannot find value \`${bound.value.captures[0]}\` in this scope`, 0);
  }
  return formatBound(bound.value, args);
}
