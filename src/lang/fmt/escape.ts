/**
 * Debug for `str` and `char` (core::fmt `impl Debug for str/char`, `char::escape_debug_ext`):
 * `\0 \t \r \n \\` always; `\"` in strings only, `\'` in chars only; `\u{hex}` for chars that are
 * not printable or are grapheme extenders (every position, also in strings); all other Unicode
 * is kept as is. Neither pads: `{:10?}` of a string prints no padding, as in Rust.
 */
import type { Formatter } from './formatter.ts';
import { needsUnicodeEscape } from './unicode-escape-table.ts';

/** The escape for `cp`, or undefined to print it unchanged. */
export function escapeDebugChar(cp: number, inString: boolean): string | undefined {
  switch (cp) {
    case 0:
      return '\\0';
    case 9:
      return '\\t';
    case 10:
      return '\\n';
    case 13:
      return '\\r';
    case 92:
      return '\\\\';
    case 34:
      return inString ? '\\"' : undefined;
    case 39:
      return inString ? undefined : "\\'";
    default:
      return needsUnicodeEscape(cp) ? `\\u{${cp.toString(16)}}` : undefined;
  }
}

/** Anything outside printable ASCII, and `"` and `\`, needs a closer look. */
function mayEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 34 || c === 92) return true;
  }
  return false;
}

/** The Debug text of a string, with its quotes. */
export function debugStr(s: string): string {
  if (!mayEscape(s)) return '"' + s + '"';
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i) ?? 0;
    const size = cp > 0xffff ? 2 : 1;
    const esc = escapeDebugChar(cp, true);
    if (esc !== undefined) {
      out += s.slice(run, i) + esc;
      run = i + size;
    }
    i += size;
  }
  return out + s.slice(run) + '"';
}

/** The Debug text of a char given as a code point, with its quotes. */
export function debugChar(cp: number): string {
  return "'" + (escapeDebugChar(cp, false) ?? String.fromCodePoint(cp)) + "'";
}

export function fmtStrDebug(f: Formatter, s: string): void {
  f.writeStr(debugStr(s));
}

export function fmtCharDebug(f: Formatter, cp: number): void {
  f.writeStr(debugChar(cp));
}
