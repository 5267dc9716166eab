/** str and char Debug escaping; expected strings are rustc 1.95's `{:?}` output. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { debugChar, debugStr } from './escape.ts';

describe('Debug escapes', () => {
  test.each<[string, string]>([
    // println!("{:?}", "a'b\"c\\\n\t\r\0\u{7f}\u{301}é\u{200b}\u{feff}x\u{e000}")
    [
      'a\'b"c\\\n\t\r\0\u{7f}\u{301}é\u{200b}\u{feff}x\u{e000}',
      '"a\'b\\"c\\\\\\n\\t\\r\\0\\u{7f}\\u{301}é\\u{200b}\\u{feff}x\\u{e000}"',
    ],
    ['\u{301}a\u{301}', '"\\u{301}a\\u{301}"'],
    ['日本語 😀', '"日本語 😀"'],
    ['\u{1b}[31m', '"\\u{1b}[31m"'],
  ])('%j', (s, want) => {
    expect(debugStr(s)).toBe(want);
  });
  test.each<[string, string]>([
    ["'", "'\\''"],
    ['"', "'\"'"],
    ['\u{301}', "'\\u{301}'"],
    ['é', "'é'"],
    ['\0', "'\\0'"],
    ['\u{10ffff}', "'\\u{10ffff}'"],
    ['😀', "'😀'"],
  ])('char %j', (c, want) => {
    expect(debugChar(c.codePointAt(0) ?? 0)).toBe(want);
  });
  test('printable ASCII other than quote and backslash is kept verbatim', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ !#-[\]-~]*$/), (s) => {
        expect(debugStr(s)).toBe(`"${s}"`);
      }),
      { seed: 31 },
    );
  });
  test('every escape starts with a backslash and unescaped text survives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = debugStr(s);
        expect(out.startsWith('"') && out.endsWith('"')).toBe(true);
        const stripped = out.slice(1, -1).replace(/\\(u\{[0-9a-f]+\}|[0tnr"\\])/g, '');
        expect(stripped).not.toMatch(/[\\"\n\r\t\0]/);
      }),
      { seed: 32 },
    );
  });
});
