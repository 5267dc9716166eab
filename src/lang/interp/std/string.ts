/**
 * `String` and `&str` (both JS strings; lengths and offsets in UTF-8 bytes as Rust counts them),
 * `char`, `parse`, and the `String` namespace. Mutating String methods receive a reference to the
 * string's place and write the new string back.
 */
import { NOT_TYPED, typedInto } from './typed-into.ts';
import { isIpv6Text, parseIpv4, parseSocketV4 } from './addr-parse.ts';
import { RIpAddr, RSocketAddr } from '../tokio/net/addr.ts';
import { convertError } from './errors.ts';
import { INT_TYPES, isIntName } from '../../num/int-type.ts';
import {
  parseFloat,
  parseFloatErrorDebug,
  parseFloatErrorDisplay,
  parseInt,
  parseIntErrorDebug,
  parseIntErrorDisplay,
} from '../../num/parse.ts';
import type { IntErrorKind, FloatErrorKind } from '../../num/parse.ts';
import { callValue } from '../call.ts';
import type { NativeFn, SelfMode, Site } from '../defs.ts';
import { displayString, registerFmt } from '../fmt-value.ts';
import { cmpValues } from '../ops-rt.ts';
import { panicAt } from '../panic.ts';
import type { RefBase } from '../values.ts';
import { deref, mkChar, RChar, RFloat, RVec, type Value, text } from '../values.ts';
import { err, NONE, ok, ordering, some } from './enums.ts';
import { BufIter, CharIndicesIter, CharsIter, forEachItem, intoIter } from './iter.ts';
import { tuple2 } from './iter.ts';
import { RRange } from './range.ts';
import { fn, member, ns } from './registry.ts';
import { CHAR_METHODS, def, STR_METHODS, tableFor } from './tables.ts';
import { byteToIndex, indexToByte, utf8Len } from './utf8.ts';
import { sliceBounds, strSlice } from './index-ops.ts';
import { allocate } from '../guards.ts';

/** Strings shorter than this grow without asking the memory guard. */
const GROWTH_CHECK = 1 << 20;

export const str = (v: Value): string => {
  const d = deref(v);
  return typeof d === 'string' ? d : d instanceof RChar ? d.c : text(d);
};

function m(name: string, mode: SelfMode, f: NativeFn): void {
  def(STR_METHODS, name, mode, f);
}

/** `&mut String` methods: compute the new string and store it in the place. */
function mut(name: string, f: (s: string, a: Value[], site: Site) => [string, Value]): void {
  def(STR_METHODS, name, 'refMut', (site, a) => {
    const r = a[0] as RefBase;
    const [next, out] = f(str(r.get()), a, site);
    r.set(next);
    return out;
  });
}

/** A pattern argument: &str, char, or a closure over chars. */
export function matcher(p: Value, site: Site): (s: string, from: number) => [number, number] {
  const d = deref(p);
  if (typeof d === 'string') {
    return (s, from) => {
      const i = s.indexOf(d, from);
      return [i, d.length];
    };
  }
  if (d instanceof RChar) {
    return (s, from) => [s.indexOf(d.c, from), d.c.length];
  }
  // `[char; N]` / `&[char]`: any of the chars
  if (d instanceof RVec) {
    const set = new Set(d.a.map((c) => (deref(c) as RChar).c));
    return (s, from) => {
      for (let i = from; i < s.length;) {
        const ch = String.fromCodePoint(s.codePointAt(i)!);
        if (set.has(ch)) return [i, ch.length];
        i += ch.length;
      }
      return [-1, 0];
    };
  }
  return (s, from) => {
    for (let i = from; i < s.length;) {
      const ch = String.fromCodePoint(s.codePointAt(i)!);
      if (callValue(site, p, [mkChar(ch)]) === true) return [i, ch.length];
      i += ch.length;
    }
    return [-1, 0];
  };
}

export function splitAll(s: string, p: Value, site: Site, limit = Infinity): string[] {
  const find = matcher(p, site);
  const out: string[] = [];
  let from = 0;
  for (;;) {
    if (out.length === limit - 1) break;
    const [i, n] = find(s, from);
    if (i < 0) break;
    if (n === 0 && i === from && from < s.length) {
      // empty pattern: split between every char
      out.push(s.slice(from, i));
      from = i;
      const next = from + String.fromCodePoint(s.codePointAt(from)!).length;
      out.push(s.slice(from, next));
      from = next;
      continue;
    }
    out.push(s.slice(from, i));
    from = i + n;
  }
  out.push(s.slice(from));
  return out;
}

const chars = (s: string): Value[] => Array.from(s, (c) => mkChar(c));

m('len', 'ref', (_s, a) => utf8Len(str(a[0])));
m('is_empty', 'ref', (_s, a) => str(a[0]).length === 0);
m('to_string', 'ref', (_s, a) => str(a[0]));
m('to_owned', 'ref', (_s, a) => str(a[0]));
m('clone', 'ref', (_s, a) => str(a[0]));
m('into', 'value', (s, a) => {
  const typed = typedInto(s, a[0]);
  if (typed !== NOT_TYPED) return typed;
  // A user type's `From<&str>`: the checker's target type says it is not a std string.
  if (s.ty?.k === 'adt' && s.ty.name !== 'String' && s.hint !== null) return convertError(a[0], s.hint, s);
  return str(a[0]);
});
m('as_str', 'ref', (_s, a) => str(a[0]));
m('as_ref', 'ref', (_s, a) => str(a[0]));
m('borrow', 'ref', (_s, a) => str(a[0]));
m('to_uppercase', 'ref', (_s, a) => str(a[0]).toUpperCase());
m('to_lowercase', 'ref', (_s, a) => str(a[0]).toLowerCase());
m('to_ascii_uppercase', 'ref', (_s, a) => str(a[0]).replace(/[a-z]/g, (c) => c.toUpperCase()));
m('to_ascii_lowercase', 'ref', (_s, a) => str(a[0]).replace(/[A-Z]/g, (c) => c.toLowerCase()));
m('trim', 'ref', (_s, a) => str(a[0]).trim());
m('trim_start', 'ref', (_s, a) => str(a[0]).trimStart());
m('trim_end', 'ref', (_s, a) => str(a[0]).trimEnd());
m('trim_matches', 'ref', (_s, a) => {
  const c = str(a[1]);
  let s = str(a[0]);
  while (c && s.startsWith(c)) s = s.slice(c.length);
  while (c && s.endsWith(c)) s = s.slice(0, s.length - c.length);
  return s;
});
m('trim_start_matches', 'ref', (_s, a) => {
  const c = str(a[1]);
  let s = str(a[0]);
  while (c && s.startsWith(c)) s = s.slice(c.length);
  return s;
});
m('trim_end_matches', 'ref', (_s, a) => {
  const c = str(a[1]);
  let s = str(a[0]);
  while (c && s.endsWith(c)) s = s.slice(0, s.length - c.length);
  return s;
});
m('matches', 'ref', (_s, a) => {
  const p = str(a[1]);
  const s = str(a[0]);
  const out: Value[] = [];
  for (let i = p ? s.indexOf(p) : -1; i >= 0; i = s.indexOf(p, i + p.length)) out.push(p);
  return new BufIter(out, true);
});
m('strip_prefix', 'ref', (_s, a) => {
  const s = str(a[0]);
  const p = str(a[1]);
  return s.startsWith(p) ? some(s.slice(p.length)) : NONE;
});
m('strip_suffix', 'ref', (_s, a) => {
  const s = str(a[0]);
  const p = str(a[1]);
  return s.endsWith(p) ? some(s.slice(0, s.length - p.length)) : NONE;
});
m('starts_with', 'ref', (s, a) => {
  const [i] = matcher(a[1], s)(str(a[0]), 0);
  return i === 0;
});
m('ends_with', 'ref', (_s, a) => str(a[0]).endsWith(str(a[1])));
m('contains', 'ref', (s, a) => matcher(a[1], s)(str(a[0]), 0)[0] >= 0);
m('find', 'ref', (s, a) => {
  const x = str(a[0]);
  const [i] = matcher(a[1], s)(x, 0);
  return i < 0 ? NONE : some(indexToByte(x, i));
});
m('rfind', 'ref', (_s, a) => {
  const x = str(a[0]);
  const i = x.lastIndexOf(str(a[1]));
  return i < 0 ? NONE : some(indexToByte(x, i));
});
m('replace', 'ref', (_s, a) => str(a[0]).split(str(a[1])).join(str(a[2])));
m('replacen', 'ref', (_s, a) => {
  let s = str(a[0]);
  const from = str(a[1]);
  const to = str(a[2]);
  let out = '';
  for (let n = Number(a[3]); n > 0; n--) {
    const i = s.indexOf(from);
    if (i < 0) break;
    out += s.slice(0, i) + to;
    s = s.slice(i + from.length);
  }
  return out + s;
});
m('repeat', 'ref', (_s, a) => {
  const base = str(a[0]);
  // the new String's buffer, in UTF-8 bytes: past the memory budget Rust's allocation fails
  allocate(utf8Len(base) * Number(a[1]));
  return base.repeat(Number(a[1]));
});
m('chars', 'ref', (_s, a) => new CharsIter(chars(str(a[0])), false));
m('char_indices', 'ref', (_s, a) => {
  const s = str(a[0]);
  const out: Value[] = [];
  let b = 0;
  for (const c of s) {
    out.push(tuple2(b, mkChar(c)));
    b += utf8Len(c);
  }
  return new CharIndicesIter(out, b);
});
m('bytes', 'ref', (_s, a) => new BufIter([...new TextEncoder().encode(str(a[0]))], false));
m('as_bytes', 'ref', (_s, a) => new RVec([...new TextEncoder().encode(str(a[0]))]));
m('into_bytes', 'value', (_s, a) => new RVec([...new TextEncoder().encode(str(a[0]))]));
m('lines', 'ref', (_s, a) => {
  const s = str(a[0]);
  const ls = s.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (ls.length > 0 && ls[ls.length - 1] === '') ls.pop();
  return new BufIter(ls, false);
});
m('split', 'ref', (s, a) => new BufIter(splitAll(str(a[0]), a[1], s), false));
m('splitn', 'ref', (s, a) => new BufIter(splitAll(str(a[0]), a[2], s, Number(a[1])), false));
// `rsplitn(n, pat)`: at most n pieces, from the end (the last piece keeps the rest).
m('rsplitn', 'ref', (s, a) => {
  const x = str(a[0]);
  const limit = Number(a[1]);
  const find = matcher(a[2], s);
  const cuts: [number, number][] = [];
  for (let mm = find(x, 0); mm[0] >= 0; mm = find(x, mm[0] + Math.max(mm[1], 1))) cuts.push(mm);
  const out: string[] = [];
  let end = x.length;
  for (let i = cuts.length - 1; i >= 0 && out.length < limit - 1; i--) {
    out.push(x.slice(cuts[i][0] + cuts[i][1], end));
    end = cuts[i][0];
  }
  if (limit > 0) out.push(x.slice(0, end));
  return new BufIter(out, false);
});
m('rsplit', 'ref', (s, a) => new BufIter(splitAll(str(a[0]), a[1], s).reverse(), false));
m('split_terminator', 'ref', (s, a) => {
  const parts = splitAll(str(a[0]), a[1], s);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return new BufIter(parts, false);
});
m(
  'split_whitespace',
  'ref',
  (_s, a) =>
    new BufIter(
      str(a[0])
        .split(/\s+/)
        .filter((x) => x.length > 0),
      false,
    ),
);
m('split_once', 'ref', (s, a) => {
  const x = str(a[0]);
  const [i, n] = matcher(a[1], s)(x, 0);
  return i < 0 ? NONE : some(tuple2(x.slice(0, i), x.slice(i + n)));
});
m('rsplit_once', 'ref', (s, a) => {
  const x = str(a[0]);
  const find = matcher(a[1], s);
  let last: [number, number] = [-1, 0];
  for (let m = find(x, 0); m[0] >= 0; m = find(x, m[0] + Math.max(m[1], 1))) last = m;
  return last[0] < 0 ? NONE : some(tuple2(x.slice(0, last[0]), x.slice(last[0] + last[1])));
});
m('split_at', 'ref', (s, a) => {
  const x = str(a[0]);
  const i = byteToIndex(x, Number(a[1]));
  if (i < 0) panicAt(s, `byte index ${text(a[1])} is not a char boundary`);
  return tuple2(x.slice(0, i), x.slice(i));
});
m('get', 'ref', (s, a) => {
  const x = str(a[0]);
  if (!(a[1] instanceof RRange)) return NONE;
  const [lo, hi] = a[1].bounds(utf8Len(x));
  if (lo > hi || hi > utf8Len(x) || byteToIndex(x, lo) < 0 || byteToIndex(x, hi) < 0) return NONE;
  return some(strSlice(x, a[1], s));
});
m('is_char_boundary', 'ref', (_s, a) => byteToIndex(str(a[0]), Number(a[1])) >= 0);
m('eq', 'ref', (_s, a) => str(a[0]) === str(a[1]));
m('eq_ignore_ascii_case', 'ref', (_s, a) => str(a[0]).toLowerCase() === str(a[1]).toLowerCase());
m('cmp', 'ref', (_s, a) => ordering(cmpValues(str(a[0]), str(a[1]))));
m('partial_cmp', 'ref', (_s, a) => some(ordering(cmpValues(str(a[0]), str(a[1])))));
m('capacity', 'ref', (_s, a) => utf8Len(str(a[0])));
m('parse', 'ref', (s, a) => parseStr(str(a[0]), s.hint ?? 'i32', s));

mut('push_str', (s, a) => {
  const more = str(a[1]);
  // a String doubled in a loop meets the memory budget, not the host's string limit (the UTF-16
  // length stands in for the UTF-8 one: the same for ASCII, and O(1))
  if (s.length + more.length > GROWTH_CHECK) allocate(s.length + more.length);
  return [s + more, undefined];
});
mut('push', (s, a) => [s + (deref(a[1]) as RChar).c, undefined]);
mut('pop', (s) => {
  if (s.length === 0) return [s, NONE];
  const last = Array.from(s).pop()!;
  return [s.slice(0, s.length - last.length), some(mkChar(last))];
});
mut('clear', () => ['', undefined]);
mut('truncate', (s, a) => [s.slice(0, Math.max(0, byteToIndex(s, Number(a[1])))), undefined]);
mut('insert', (s, a) => {
  const i = byteToIndex(s, Number(a[1]));
  return [s.slice(0, i) + (deref(a[2]) as RChar).c + s.slice(i), undefined];
});
mut('insert_str', (s, a) => {
  const i = byteToIndex(s, Number(a[1]));
  return [s.slice(0, i) + str(a[2]) + s.slice(i), undefined];
});
mut('remove', (s, a) => {
  const i = byteToIndex(s, Number(a[1]));
  const c = String.fromCodePoint(s.codePointAt(i)!);
  return [s.slice(0, i) + s.slice(i + c.length), mkChar(c)];
});
mut('retain', (s, a, site) => [
  Array.from(s)
    .filter((c) => callValue(site, a[1], [mkChar(c)]) === true)
    .join(''),
  undefined,
]);
// `drain(range)`: the removed part as a char iterator; the String keeps the rest.
mut('drain', (s, a, site) => {
  const r = a[1];
  const [lo, hi] = r instanceof RRange ? sliceBounds(r, utf8Len(s), site) : [0, utf8Len(s)];
  const i = byteToIndex(s, lo);
  const j = byteToIndex(s, hi);
  if (i < 0 || j < 0) panicAt(site, `byte index ${i < 0 ? lo : hi} is not a char boundary`);
  return [s.slice(0, i) + s.slice(j), new BufIter(chars(s.slice(i, j)), false)];
});
mut('split_off', (s, a) => {
  const i = byteToIndex(s, Number(a[1]));
  return [s.slice(0, i), s.slice(i)];
});
mut('extend', (s, a, site) => {
  let out = s;
  const it = a[1];
  const x = deref(it);
  if (x instanceof RVec) for (const v of x.a) out += str(v);
  else {
    const n = (x as { next(): Value }).next.bind(x);
    void site;
    for (let v = n(); typeof v !== 'symbol'; v = n()) out += str(v);
  }
  return [out, undefined];
});
mut('make_ascii_uppercase', (s) => [s.toUpperCase(), undefined]);
mut('make_ascii_lowercase', (s) => [s.toLowerCase(), undefined]);

/** `ParseIntError` / `ParseFloatError` / `ParseBoolError` values. */
export class ParseError {
  constructor(
    readonly display: string,
    readonly debug: string,
  ) {}
}
registerFmt(ParseError, (v) => ({
  display: (f) => f.pad((v as ParseError).display),
  debug: (f) => f.writeStr((v as ParseError).debug),
}));
def(tableFor(ParseError), 'to_string', 'ref', (_s, a) => (a[0] as ParseError).display);
/** `ParseIntError::kind()`: the `IntErrorKind` named in the error's Debug form. */
class RErrorKind {
  constructor(readonly name: string) {}
}
registerFmt(RErrorKind, (v) => ({ debug: (f) => f.writeStr((v as RErrorKind).name) }));
def(tableFor(ParseError), 'kind', 'ref', (_s, a) => {
  const d = (deref(a[0]) as ParseError).debug;
  return new RErrorKind(/kind: (\w+)/.exec(d)?.[1] ?? d);
});

export function parseStr(s: string, hint: string, site: Site): Value {
  // an annotated result (`let r: Result<SocketAddr, _> = s.parse()`) hints the whole `Result`
  const target = hint.replace(/^Result<(.*)>$/, '$1');
  const t = target.replace(/^.*::/, '');
  if (isIntName(t)) {
    const r = parseInt(INT_TYPES[t], s);
    if (r.ok) return ok(r.value);
    const k: IntErrorKind = r.kind;
    return err(new ParseError(parseIntErrorDisplay(k), parseIntErrorDebug(k)));
  }
  if (t === 'f64' || t === 'f32') {
    const r = parseFloat(t, s);
    if (r.ok) return ok(new RFloat(r.value, t === 'f32'));
    const k: FloatErrorKind = r.kind;
    return err(new ParseError(parseFloatErrorDisplay(k), parseFloatErrorDebug(k)));
  }
  if (t === 'bool') {
    if (s === 'true' || s === 'false') return ok(s === 'true');
    return err(new ParseError('provided string was not `true` or `false`', 'ParseBoolError'));
  }
  if (t === 'char') {
    const cs = Array.from(s);
    if (cs.length === 1) return ok(mkChar(cs[0]));
    return err(
      new ParseError(
        cs.length === 0 ? 'cannot parse char from empty string' : 'too many characters in string',
        'ParseCharError',
      ),
    );
  }
  if (t === 'String') return ok(s);
  const addr = parseAddr(t, s, site);
  if (addr !== undefined) return addr;
  return panicAt(site, `\`parse::<${target}>()\` is not supported`);
}

/** AddrParseError's Display and Debug per kind of address, as std prints them. */
const ADDR_ERRORS: Record<string, readonly [string, string]> = {
  Ipv4Addr: ['invalid IPv4 address syntax', 'Ipv4'],
  IpAddr: ['invalid IP address syntax', 'Ip'],
  SocketAddr: ['invalid socket address syntax', 'Socket'],
  SocketAddrV4: ['invalid IPv4 socket address syntax', 'SocketV4'],
};

/** `parse::<Ipv4Addr>()` and its kin; undefined for other types. */
function parseAddr(t: string, s: string, site: Site): Value | undefined {
  const kind = ADDR_ERRORS[t];
  if (kind === undefined) return undefined;
  const socket = t.startsWith('Socket');
  if (isIpv6Text(s, socket)) return panicAt(site, `parsing IPv6 text into \`${t}\` is not supported`);
  const fail = (): Value => err(new ParseError(kind[0], `AddrParseError(${kind[1]})`));
  if (!socket) {
    const ip = parseIpv4(s);
    return ip === null ? fail() : ok(new RIpAddr(ip));
  }
  const a = parseSocketV4(s);
  return a === null ? fail() : ok(new RSocketAddr(a.ip, a.port));
}

// ---- char
function c(name: string, f: (ch: string, a: Value[]) => Value): void {
  def(CHAR_METHODS, name, 'ref', (_s, a) => f((deref(a[0]) as RChar).c, a));
}
c('is_alphabetic', (ch) => /\p{Alphabetic}/u.test(ch));
c('is_numeric', (ch) => /\p{N}/u.test(ch));
c('is_alphanumeric', (ch) => /[\p{Alphabetic}\p{N}]/u.test(ch));
c('is_whitespace', (ch) => /\s/u.test(ch));
c('is_uppercase', (ch) => /\p{Uppercase}/u.test(ch));
c('is_lowercase', (ch) => /\p{Lowercase}/u.test(ch));
c('is_ascii', (ch) => ch.charCodeAt(0) < 128);
c('is_ascii_digit', (ch) => /^[0-9]$/.test(ch));
c('is_ascii_alphabetic', (ch) => /^[A-Za-z]$/.test(ch));
c('is_ascii_alphanumeric', (ch) => /^[A-Za-z0-9]$/.test(ch));
c('is_ascii_uppercase', (ch) => /^[A-Z]$/.test(ch));
c('is_ascii_lowercase', (ch) => /^[a-z]$/.test(ch));
c('is_ascii_punctuation', (ch) => /^[!-/:-@[-`{-~]$/.test(ch));
c('is_ascii_whitespace', (ch) => /^[ \t\n\f\r]$/.test(ch));
c('is_digit', (ch, a) => !Number.isNaN(parseInt10(ch, Number(a[1]))));
c('to_digit', (ch, a) => {
  const n = parseInt10(ch, Number(a[1]));
  return Number.isNaN(n) ? NONE : some(n);
});
c('to_ascii_uppercase', (ch) => mkChar(/[a-z]/.test(ch) ? ch.toUpperCase() : ch));
c('to_ascii_lowercase', (ch) => mkChar(/[A-Z]/.test(ch) ? ch.toLowerCase() : ch));
/** `char::to_uppercase()` / `to_lowercase()`: an iterator of chars that also displays as a str. */
export class CaseIter extends BufIter {
  constructor(readonly s: string) {
    super(chars(s), false);
  }
}
registerFmt(CaseIter, (v) => ({
  display: (f) => f.pad((v as CaseIter).s),
  debug: (f) => f.writeStr(`Case(${JSON.stringify((v as CaseIter).s)})`),
}));
c('to_uppercase', (ch) => new CaseIter(ch.toUpperCase()));
c('to_lowercase', (ch) => new CaseIter(ch.toLowerCase()));
c('to_string', (ch) => ch);
c('len_utf8', (ch) => utf8Len(ch));
c('clone', (ch) => mkChar(ch));
c('eq', (ch, a) => ch === (deref(a[1]) as RChar).c);
c('cmp', (ch, a) => ordering(cmpValues(mkChar(ch), a[1])));
c('eq_ignore_ascii_case', (ch, a) => ch.toLowerCase() === (deref(a[1]) as RChar).c.toLowerCase());

function parseInt10(ch: string, radix: number): number {
  const n = Number.parseInt(ch, radix);
  return ch.length === 1 && !Number.isNaN(n) ? n : NaN;
}

// ---- namespaces
const S = ns(['String', 'std::string::String']);
member(S, 'new', () => '');
member(S, 'from', (_s, a) => str(a[0]));
member(S, 'with_capacity', () => '');
member(S, 'default', () => '');
// `String::from_utf8` is in std-more.ts, beside `std::str::from_utf8` and its errors.
// `String::from_iter(chars or strs)`, as `collect::<String>()`
member(S, 'from_iter', (s, a) => {
  let out = '';
  forEachItem(intoIter(a[0], s), s, (x) => {
    out += str(x);
  });
  return out;
});
member(S, 'from_utf8_lossy', (_s, a) => new TextDecoder().decode(new Uint8Array((deref(a[0]) as RVec).a.map(Number))));
/** `std::str::Utf8Error` (Display and Debug as std prints them for an invalid or cut sequence). */
class Utf8Error {
  constructor(readonly upTo: { valid: number; len: number | null }) {}
}
registerFmt(Utf8Error, (v) => {
  const { valid, len } = (v as Utf8Error).upTo;
  return {
    display: (f) =>
      f.writeStr(
        len === null
          ? `incomplete utf-8 byte sequence from index ${valid}`
          : `invalid utf-8 sequence of ${len} bytes from index ${valid}`,
      ),
    debug: (f) =>
      f.writeStr(`Utf8Error { valid_up_to: ${valid}, error_len: ${len === null ? 'None' : `Some(${len})`} }`),
  };
});
function validUpTo(bytes: Uint8Array): { valid: number; len: number | null } {
  for (let end = bytes.length; end >= 0; end--) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
      // the first bad sequence starts at `end`; std reports its length (1 for a bad lead byte)
      return { valid: end, len: end + 4 > bytes.length && (bytes[end] & 0xc0) === 0xc0 ? null : 1 };
    } catch {
      continue;
    }
  }
  return { valid: 0, len: 1 };
}
/** `std::str::from_utf8`: a `&str` view of valid UTF-8 bytes, or the `Utf8Error`. */
const STR_NS = ns(['std::str', 'str', 'core::str']);
member(STR_NS, 'from_utf8', (_s, a) => {
  const bytes = new Uint8Array((deref(a[0]) as RVec).a.map(Number));
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return err(new Utf8Error(validUpTo(bytes)));
  }
});
const CH = ns(['char', 'std::char']);
member(CH, 'from_u32', (_s, a) => some(mkChar(String.fromCodePoint(Number(a[0])))));
member(CH, 'from_digit', (_s, a) => some(mkChar(Number(a[0]).toString(Number(a[1])))));
member(CH, 'from', (_s, a) => mkChar(String.fromCodePoint(Number(a[0]))));
fn(['ToString::to_string'], (_s, a) => displayString(a[0]));
