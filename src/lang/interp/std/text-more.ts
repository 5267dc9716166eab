/**
 * The rest of the stable `str`, `String` and `char` methods (std 1.95): the inclusive and reverse
 * splits, `match_indices`, the ASCII trims, the escapes, `split_at_checked`, char boundaries,
 * UTF-16; `String`'s capacity calls (no-ops: capacity is not modelled), `replace_range`,
 * `extend_from_within`, `from_utf16`; `char`'s constants, classes and escapes.
 */
import type { NativeFn, SelfMode, Site } from '../defs.ts';
import { panicAt } from '../panic.ts';
import type { RChar } from '../values.ts';
import { deref, mkChar, RVec, type RefBase, type Value } from '../values.ts';
import { err, NONE, ok, some } from './enums.ts';
import { BufIter, forEachItem, intoIter, tuple2 } from './iter.ts';
import type { RRange } from './range.ts';
import { member, memberValue, ns } from './registry.ts';
import { CaseIter, matcher, ParseError, splitAll, str } from './string.ts';
import { CHAR_METHODS, def, INT_METHODS, STR_METHODS } from './tables.ts';
import { byteToIndex, indexToByte, utf8Len } from './utf8.ts';
import { strSlice } from './index-ops.ts';

function m(name: string, mode: SelfMode, f: NativeFn): void {
  def(STR_METHODS, name, mode, f);
}

/** Every match of a pattern: [JS index, matched text]. */
function matchesOf(s: string, p: Value, site: Site): [number, string][] {
  const find = matcher(p, site);
  const out: [number, string][] = [];
  for (let from = 0; from <= s.length;) {
    const [i, len] = find(s, from);
    if (i < 0) break;
    out.push([i, s.slice(i, i + len)]);
    from = len === 0 ? i + 1 : i + len;
  }
  return out;
}

m('split_inclusive', 'ref', (site, a) => {
  const s = str(a[0]);
  const out: string[] = [];
  let from = 0;
  for (const [i, t] of matchesOf(s, a[1], site)) {
    out.push(s.slice(from, i + t.length));
    from = i + t.length;
  }
  if (from < s.length) out.push(s.slice(from));
  return new BufIter(out, false);
});
m('rsplit_terminator', 'ref', (site, a) => {
  const parts = splitAll(str(a[0]), a[1], site);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return new BufIter(parts.reverse(), false);
});
m(
  'split_ascii_whitespace',
  'ref',
  (_s, a) =>
    new BufIter(
      str(a[0])
        .split(/[ \t\n\f\r]+/)
        .filter((x) => x !== ''),
      false,
    ),
);
m('match_indices', 'ref', (site, a) => {
  const s = str(a[0]);
  return new BufIter(
    matchesOf(s, a[1], site).map(([i, t]) => tuple2(indexToByte(s, i), t)),
    true,
  );
});
m('rmatch_indices', 'ref', (site, a) => {
  const s = str(a[0]);
  return new BufIter(
    matchesOf(s, a[1], site)
      .map(([i, t]) => tuple2(indexToByte(s, i), t))
      .reverse(),
    true,
  );
});
m(
  'rmatches',
  'ref',
  (site, a) =>
    new BufIter(
      matchesOf(str(a[0]), a[1], site)
        .map(([, t]) => t)
        .reverse(),
      false,
    ),
);
m('is_ascii', 'ref', (_s, a) => [...str(a[0])].every((ch) => ch.charCodeAt(0) < 0x80));
m('trim_ascii', 'ref', (_s, a) => str(a[0]).replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, ''));
m('trim_ascii_start', 'ref', (_s, a) => str(a[0]).replace(/^[ \t\n\f\r]+/, ''));
m('trim_ascii_end', 'ref', (_s, a) => str(a[0]).replace(/[ \t\n\f\r]+$/, ''));

/** `\u{e9}`: std's unicode escape (lower-case hex, no leading zeros). */
const unicodeEscape = (c: string): string => `\\u{${c.codePointAt(0)!.toString(16)}}`;
const SIMPLE: Record<string, string> = {
  '\t': '\\t',
  '\r': '\\r',
  '\n': '\\n',
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\0': '\\0',
};
function escapeDefault(c: string): string {
  if (c in SIMPLE && c !== '\0') return SIMPLE[c];
  const cp = c.codePointAt(0)!;
  return cp >= 0x20 && cp <= 0x7e ? c : unicodeEscape(c);
}
/** `escape_debug`: printable characters stay, control and unassigned ones are `\u{…}`. */
function escapeDebug(c: string, quotes: boolean): string {
  if (c in SIMPLE && (quotes || (c !== "'" && c !== '"'))) return SIMPLE[c];
  return /[\p{C}\p{Zl}\p{Zp}]/u.test(c) || (/\p{Z}/u.test(c) && c !== ' ') ? unicodeEscape(c) : c;
}
const escaped = (s: string, f: (c: string) => string): CaseIter => new CaseIter(Array.from(s, f).join(''));
m('escape_default', 'ref', (_s, a) => escaped(str(a[0]), escapeDefault));
m('escape_debug', 'ref', (_s, a) => escaped(str(a[0]), (c) => escapeDebug(c, true)));
m('escape_unicode', 'ref', (_s, a) => escaped(str(a[0]), unicodeEscape));

m('split_at_checked', 'ref', (_s, a) => {
  const s = str(a[0]);
  const i = byteToIndex(s, Number(deref(a[1])));
  return i < 0 ? NONE : some(tuple2(s.slice(0, i), s.slice(i)));
});
/** The nearest char boundary at or below (`floor`) / above (`ceil`) a byte index, within the string. */
function boundary(s: string, b: number, up: boolean): number {
  const len = utf8Len(s);
  if (b >= len) return len;
  let k = b;
  while (byteToIndex(s, k) < 0) k += up ? 1 : -1;
  return k;
}
m('floor_char_boundary', 'ref', (_s, a) => boundary(str(a[0]), Number(deref(a[1])), false));
m('ceil_char_boundary', 'ref', (_s, a) => boundary(str(a[0]), Number(deref(a[1])), true));
const utf16 = (s: string): number[] => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
m('encode_utf16', 'ref', (_s, a) => new BufIter(utf16(str(a[0])), false));
m('into_string', 'value', (_s, a) => str(a[0]));
m('into_boxed_str', 'value', (_s, a) => str(a[0]));
m('into_boxed_bytes', 'value', (_s, a) => new RVec([...new TextEncoder().encode(str(a[0]))], false));
m('leak', 'value', (_s, a) => str(a[0]));

// ---- String: capacity is not modelled, so the capacity calls only keep their types
for (const name of ['reserve', 'reserve_exact', 'shrink_to_fit', 'shrink_to']) m(name, 'refMut', () => undefined);
for (const name of ['try_reserve', 'try_reserve_exact']) m(name, 'refMut', () => ok(undefined));
m('as_mut_str', 'refMut', (_s, a) => a[0]);

/** `replace_range(r, with)` and `extend_from_within(r)`: byte ranges that must fall on char boundaries. */
function byteRange(s: string, r: Value, site: Site): [number, number] {
  const piece = strSlice(s, deref(r) as RRange, site);
  const [start] = (deref(r) as RRange).bounds(utf8Len(s));
  const i = byteToIndex(s, start);
  return [i, i + piece.length];
}
def(STR_METHODS, 'replace_range', 'refMut', (site, a) => {
  const r = a[0] as RefBase;
  const s = str(r.get());
  const [i, j] = byteRange(s, a[1], site);
  r.set(s.slice(0, i) + str(a[2]) + s.slice(j));
  return undefined;
});
def(STR_METHODS, 'extend_from_within', 'refMut', (site, a) => {
  const r = a[0] as RefBase;
  const s = str(r.get());
  const [i, j] = byteRange(s, a[1], site);
  r.set(s + s.slice(i, j));
  return undefined;
});

const S = ns(['String', 'std::string::String']);
function units(v: Value, site: Site): number[] {
  const out: number[] = [];
  forEachItem(intoIter(v, site), site, (x) => {
    out.push(Number(deref(x)));
  });
  return out;
}
/** Lone surrogates: `from_utf16` refuses them, `from_utf16_lossy` writes U+FFFD. */
function decodeUtf16(u: readonly number[]): (string | number)[] {
  const out: (string | number)[] = [];
  for (let i = 0; i < u.length; i++) {
    const c = u[i];
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < u.length && u[i + 1] >= 0xdc00 && u[i + 1] <= 0xdfff) {
      out.push(String.fromCharCode(c, u[++i]));
    } else if (c >= 0xd800 && c <= 0xdfff) out.push(c);
    else out.push(String.fromCharCode(c));
  }
  return out;
}
member(S, 'from_utf16', (site, a) => {
  const d = decodeUtf16(units(a[0], site));
  return d.some((x) => typeof x === 'number')
    ? err(new ParseError('invalid utf-16: lone surrogate found', 'FromUtf16Error(())'))
    : ok(d.join(''));
});
member(S, 'from_utf16_lossy', (site, a) =>
  decodeUtf16(units(a[0], site))
    .map((x) => (typeof x === 'number' ? '\ufffd' : x))
    .join(''),
);

// ---- char
function c(name: string, f: (ch: string, a: Value[], site: Site) => Value): void {
  def(CHAR_METHODS, name, 'ref', (site, a) => f((deref(a[0]) as RChar).c, a, site));
}
c('is_control', (ch) => /^\p{Cc}$/u.test(ch));
c('is_ascii_hexdigit', (ch) => /^[0-9A-Fa-f]$/.test(ch));
c('is_ascii_graphic', (ch) => /^[!-~]$/.test(ch));
c('is_ascii_control', (ch) => ch.length === 1 && (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f));
c('is_whitespace', (ch) => /^[\t\n\v\f\r \x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch));
c('len_utf16', (ch) => ch.length);
c('escape_default', (ch) => new CaseIter(escapeDefault(ch)));
c('escape_debug', (ch) => new CaseIter(escapeDebug(ch, true)));
c('escape_unicode', (ch) => new CaseIter(unicodeEscape(ch)));
c('encode_utf8', (ch) => ch);
for (const [name, re, f] of [
  ['make_ascii_uppercase', /[a-z]/, (x: string) => x.toUpperCase()],
  ['make_ascii_lowercase', /[A-Z]/, (x: string) => x.toLowerCase()],
] as const) {
  def(CHAR_METHODS, name, 'refMut', (_s, a) => {
    const r = a[0] as RefBase;
    const ch = (deref(r.get()) as RChar).c;
    if (re.test(ch)) r.set(mkChar(f(ch)));
    return undefined;
  });
}

const CH = ns(['char', 'std::char']);
memberValue(CH, 'MIN', () => mkChar('\0'));
memberValue(CH, 'MAX', () => mkChar('\u{10ffff}'));
memberValue(CH, 'REPLACEMENT_CHARACTER', () => mkChar('\ufffd'));
memberValue(CH, 'MAX_LEN_UTF8', () => 4);
memberValue(CH, 'MAX_LEN_UTF16', () => 2);
/** `char::from_u32`: None for a surrogate or past U+10FFFF. */
member(CH, 'from_u32', (_s, a) => {
  const v = Number(deref(a[0]));
  return v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff) ? NONE : some(mkChar(String.fromCodePoint(v)));
});
member(CH, 'from_digit', (site, a) => {
  const num = Number(deref(a[0]));
  const radix = Number(deref(a[1]));
  if (radix < 2 || radix > 36) panicAt(site, 'from_digit: radix is too high (maximum 36)');
  return num < radix ? some(mkChar(num.toString(radix))) : NONE;
});

// ---- deprecated names std still accepts (with a warning rustc prints and we do not)
for (const [old, now] of [
  ['trim_left', 'trim_start'],
  ['trim_right', 'trim_end'],
  ['trim_left_matches', 'trim_start_matches'],
  ['trim_right_matches', 'trim_end_matches'],
  ['lines_any', 'lines'],
] as const) {
  const target = STR_METHODS.get(now);
  if (target) STR_METHODS.set(old, { ...target, name: old });
}

// ---- u8's ASCII methods: a byte is the char with its code (no byte from 0x80 is in an ASCII
// class, and the case mappings leave it alone), so the char's definitions serve
const byteChar = (v: Value): Value => mkChar(String.fromCharCode(Number(deref(v))));
for (const name of [
  'is_ascii',
  'is_ascii_alphabetic',
  'is_ascii_alphanumeric',
  'is_ascii_control',
  'is_ascii_digit',
  'is_ascii_graphic',
  'is_ascii_hexdigit',
  'is_ascii_lowercase',
  'is_ascii_punctuation',
  'is_ascii_uppercase',
  'is_ascii_whitespace',
  'eq_ignore_ascii_case',
]) {
  const ofChar = CHAR_METHODS.get(name);
  if (ofChar) def(INT_METHODS, name, 'ref', (site, a) => ofChar.call(site, a.map(byteChar)));
}
for (const name of ['to_ascii_uppercase', 'to_ascii_lowercase']) {
  const ofChar = CHAR_METHODS.get(name);
  if (ofChar) def(INT_METHODS, name, 'ref', (site, a) => (ofChar.call(site, a.map(byteChar)) as RChar).c.charCodeAt(0));
}
