/**
 * The Formatter's padding rules and the hooks user `impl Display`/`impl Debug` code reaches
 * (`f.pad`, `f.pad_integral`, `write!(f, …)`, builders). Expected strings are rustc 1.95 output
 * where a Rust expression is quoted; the property tests check core's padding invariants.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { I32 } from '../num/int-type.ts';
import { debugStruct } from './builders.ts';
import { compileFormat, formatString } from './format.ts';
import { charCount, type Formattable, type Formatter } from './formatter.ts';
import { fromFn, IntArg, ListArg, StrArg } from './values.ts';

const int = (n: number): Formattable => new IntArg(I32, n);

describe('user implementations', () => {
  // impl Display for Hi { fn fmt(&self, f) -> fmt::Result { f.pad("hi") } }
  const hi = fromFn((f) => f.pad('hi'));
  test('f.pad honours width, fill, alignment and precision', () => {
    expect(formatString('[{:>5}] [{:*^6}] [{:.1}] [{}]', [hi, hi, hi, hi])).toBe('[   hi] [**hi**] [h] [hi]');
  });
  test('write! inside an impl starts from fresh options', () => {
    // impl Display for W { fn fmt(&self, f) -> fmt::Result { write!(f, "<{}>", 5) } }  format!("{:>8}", W)
    const inner = compileFormat('<{}>', { positional: 1, named: [] });
    if (!inner.ok) throw new Error(inner.error.message);
    const w = fromFn((f) => f.writeFmt(inner.value, [int(5)]));
    expect(formatString('{:>8}', [w])).toBe('<5>');
  });
  test('pad_integral places sign and prefix', () => {
    // f.pad_integral(false, "0x", "ff") under {:08}, {:#08}, {:>#8}, {:<+#8} with is_nonnegative = true
    const neg = fromFn((f) => f.padIntegral(false, '0x', 'ff'));
    const pos = fromFn((f) => f.padIntegral(true, '0x', 'ff'));
    expect(formatString('{:08}|{:#08}|{:>#8}|{:<+#8}|{:^+#9}', [neg, neg, neg, pos, pos])).toBe(
      '-00000ff|-0x000ff|   -0xff|+0xff   |  +0xff  ',
    );
  });
  test('a multi-line Debug inside {:#?} is indented line by line', () => {
    const twoLines = fromFn(undefined, (f) => f.writeStr('a\nb'));
    const s = fromFn(undefined, (f: Formatter) => debugStruct(f, 'S').field('x', twoLines).finish());
    expect(formatString('{:#?}', [s])).toBe('S {\n    x: a\n    b,\n}');
    expect(formatString('{:#?}', [new ListArg([twoLines])])).toBe('[\n    a\n    b,\n]');
  });
  test('finish_non_exhaustive', () => {
    // struct with one field then .finish_non_exhaustive(): "S { x: 1, .. }" and pretty "S {\n    x: 1,\n    ..\n}"
    const s = fromFn(undefined, (f: Formatter) => debugStruct(f, 'S').field('x', int(1)).finishNonExhaustive());
    expect(formatString('{:?}', [s])).toBe('S { x: 1, .. }');
    expect(formatString('{:#?}', [s])).toBe('S {\n    x: 1,\n    ..\n}');
  });
});

describe('padding invariants', () => {
  const align = fc.constantFrom('<', '>', '^', '');
  const fill = fc.constantFrom('', '*', 'é', '😀');
  test('strings pad to max(width, chars) with the text intact', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 8 }), fill, align, fc.nat(20), (s, fl, al, w) => {
        const spec = `{:${fl !== '' && al !== '' ? fl : ''}${al}${w}}`;
        const out = formatString(spec, [new StrArg(s)]);
        const n = charCount(s);
        expect(charCount(out)).toBe(Math.max(w, n));
        const pad = Math.max(0, w - n);
        const left = al === '>' ? pad : al === '^' ? Math.floor(pad / 2) : 0;
        const fillChar = fl !== '' && al !== '' ? fl : ' ';
        expect(out).toBe(fillChar.repeat(left) + s + fillChar.repeat(pad - left));
      }),
      { seed: 21 },
    );
  });
  test('integers: zero padding keeps the sign first and the digits last', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.nat(16), fc.boolean(), (v, w, plus) => {
        const out = formatString(`{:${plus ? '+' : ''}0${w}}`, [int(v)]);
        const digits = String(Math.abs(v));
        const sign = v < 0 ? '-' : plus ? '+' : '';
        expect(out).toBe(sign + '0'.repeat(Math.max(0, w - sign.length - digits.length)) + digits);
      }),
      { seed: 22 },
    );
  });
  test('charCount counts scalar values', () => {
    expect(charCount('a😀é\u0301')).toBe(4);
    expect(charCount('\ud800')).toBe(1);
  });
});
