/**
 * The format-string grammar and rustc's errors for it. Error messages and caret positions were
 * taken from rustc 1.95's diagnostics for `format!("<string>", …)`.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseFormatString } from './parse.ts';
import type { Placeholder } from './spec.ts';

function only(s: string): Placeholder {
  const r = parseFormatString(s);
  if (!r.ok) throw new Error(r.error.message);
  const p = r.value.pieces.filter((x) => x.kind === 'placeholder');
  expect(p).toHaveLength(1);
  return p[0];
}

describe('format specs', () => {
  test('literals and escaped braces', () => {
    const r = parseFormatString('a {{b}} c');
    expect(r.ok && r.value.pieces).toEqual([{ kind: 'literal', text: 'a {b} c' }]);
    const r2 = parseFormatString('x{}y');
    expect(r2.ok && r2.value.pieces.map((p) => p.kind)).toEqual(['literal', 'placeholder', 'literal']);
  });

  test.each<[string, Partial<Placeholder>]>([
    ['{}', { arg: { kind: 'next' }, trait: 'Display' }],
    ['{:?}', { trait: 'Debug' }],
    ['{:#?}', { trait: 'Debug', alternate: true }],
    ['{0}', { arg: { kind: 'index', index: 0 } }],
    ['{name}', { arg: { kind: 'name', name: 'name' } }],
    ['{0 }', { arg: { kind: 'index', index: 0 } }],
    ['{ }', { arg: { kind: 'next' } }],
    ['{:>8}', { align: 'right', width: { kind: 'literal', value: 8 } }],
    ['{:<8}', { align: 'left', width: { kind: 'literal', value: 8 } }],
    ['{:^8}', { align: 'center' }],
    ['{:*^9}', { fill: '*', align: 'center', width: { kind: 'literal', value: 9 } }],
    ['{:>>}', { fill: '>', align: 'right' }],
    ['{:é^5}', { fill: 'é', align: 'center' }],
    ['{:😀<4}', { fill: '😀', align: 'left' }],
    ['{:+}', { signPlus: true }],
    ['{:-}', { signMinus: true }],
    ['{:#x}', { alternate: true, trait: 'LowerHex' }],
    ['{:#010b}', { alternate: true, zeroPad: true, width: { kind: 'literal', value: 10 }, trait: 'Binary' }],
    ['{:0$}', { zeroPad: false, width: { kind: 'index', index: 0 } }],
    ['{:01$}', { zeroPad: true, width: { kind: 'index', index: 1 } }],
    ['{:1$}', { width: { kind: 'index', index: 1 } }],
    ['{:.*}', { precision: { kind: 'star' } }],
    ['{:w$.p$}', { width: { kind: 'name', name: 'w' }, precision: { kind: 'name', name: 'p' } }],
    ['{:>8.2}', { align: 'right', width: { kind: 'literal', value: 8 }, precision: { kind: 'literal', value: 2 } }],
    ['{:.}', { precision: { kind: 'implied' } }],
    ['{:x} ', { trait: 'LowerHex' }],
    ['{:X}', { trait: 'UpperHex' }],
    ['{:o}', { trait: 'Octal' }],
    ['{:e}', { trait: 'LowerExp' }],
    ['{:E}', { trait: 'UpperExp' }],
    ['{:p}', { trait: 'Pointer' }],
    ['{:x?}', { trait: 'Debug', debugHex: 'lower' }],
    ['{:#X?}', { trait: 'Debug', debugHex: 'upper', alternate: true }],
    ['{:a>}', { fill: 'a', align: 'right' }],
    [
      '{0:+#0123.5e}',
      { signPlus: true, alternate: true, zeroPad: true, width: { kind: 'literal', value: 123 }, trait: 'LowerExp' },
    ],
    ['{:<<5.3x?}', { fill: '<', align: 'left', debugHex: 'lower' }],
  ])('%s', (s, want) => {
    expect(only(s)).toMatchObject(want);
  });

  test('placeholder offsets cover the braces', () => {
    const p = only('ab{:>4}c');
    expect([p.start, p.end]).toEqual([2, 7]);
  });
});

describe('errors as rustc reports them', () => {
  test.each<[string, string, number]>([
    ['{', 'invalid format string: expected `}` but string was terminated', 1],
    ['a{b', 'invalid format string: expected `}` but string was terminated', 3],
    ['}', 'invalid format string: unmatched `}` found', 0],
    ['{:z}', 'unknown format trait `z`', 2],
    ['{:abc}', 'unknown format trait `abc`', 2],
    ['{:?x}', 'invalid format string: expected `}`, found `x`', 3],
    ['{:#?x}', 'invalid format string: expected `}`, found `x`', 4],
    ['{:e?}', 'invalid format string: expected `}`, found `?`', 3],
    ['{:?#}', 'invalid format string: expected `}`, found `#`', 3],
    ['{:+-}', 'invalid format string: expected `}`, found `-`', 3],
    ['{ 0}', 'invalid format string: expected `}`, found `0`', 2],
    ['{a b}', 'invalid format string: expected `}`, found `b`', 3],
    ['{::}', 'invalid format string: expected `}`, found `:`', 2],
    ['{:..2}', 'invalid format string: expected `}`, found `.`', 3],
    ['{1a}', 'invalid format string: expected `}`, found `a`', 2],
    ['{_}', 'invalid format string: invalid argument name `_`', 1],
    [
      '{:65536}',
      'invalid format string: integer `65536` does not fit into the type `u16` whose range is `0..=65535`',
      2,
    ],
    [
      '{:9999999}',
      'invalid format string: integer `9999999` does not fit into the type `u16` whose range is `0..=65535`',
      2,
    ],
  ])('%s', (s, message, start) => {
    const r = parseFormatString(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.message, r.error.start]).toEqual([message, start]);
  });
});

describe('properties', () => {
  test('text without braces is one literal, unchanged', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[{}]/.test(s) && s.length > 0),
        (s) => {
          const r = parseFormatString(s);
          expect(r.ok && r.value.pieces).toEqual([{ kind: 'literal', text: s }]);
        },
      ),
      { seed: 1 },
    );
  });
  test('doubling braces escapes them', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseFormatString(s.replace(/[{}]/g, (c) => c + c));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value.pieces.map((p) => (p.kind === 'literal' ? p.text : '')).join('')).toBe(s);
      }),
      { seed: 2 },
    );
  });
  test('the parser never throws', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[{}:<>^+\-#0-9.$*?xXobeEa_ é]{0,12}$/), (s) => {
        const r = parseFormatString(s);
        if (!r.ok) expect(r.error.start).toBeLessThanOrEqual(s.length);
      }),
      { seed: 3, numRuns: 2000 },
    );
  });
});
