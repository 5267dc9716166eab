/**
 * Composite Debug output (derived structs and enums, Option, Result, Vec, tuples, maps, sets,
 * Duration), compact and pretty, and the argument features of format strings. Every expected
 * string was printed by rustc 1.95 (`--edition 2021`) from the Rust expression in the comment.
 */
import { describe, expect, test } from 'vitest';
import { I32 as I32_T, U8 as U8_T, USIZE } from '../num/int-type.ts';
import { compileFormat, formatString } from './format.ts';
import { formatBound, type Formattable } from './formatter.ts';
import {
  BoolArg,
  CharArg,
  DurationArg,
  FloatArg,
  IntArg,
  ListArg,
  MapArg,
  OptionArg,
  ResultArg,
  SetArg,
  StrArg,
  StructArg,
  TupleArg,
  UNIT,
} from './values.ts';

const I32 = (n: number): Formattable => new IntArg(I32_T, n);
const U8 = (n: number): Formattable => new IntArg(U8_T, n);
const F64 = (x: number): Formattable => new FloatArg('f64', x);
const STR = (s: string): Formattable => new StrArg(s);
const usize = (n: number): Formattable => new IntArg(USIZE, n);

const point = (x: number, y: number): Formattable =>
  new StructArg('Point', {
    kind: 'named',
    fields: [
      ['x', I32(x)],
      ['y', F64(y)],
    ],
  });
const pair = (a: number, b: string): Formattable => new StructArg('Pair', { kind: 'tuple', fields: [I32(a), STR(b)] });
const unitStruct = new StructArg('Unit', { kind: 'unit' });

// Nested { name: "n\"1".into(), pts: vec![Point { x: 1, y: 2.5 }, Point { x: -3, y: 1e20 }], opt: Some(Pair(7, "seven")),
//   unit: Unit, t: (1, 'x', true), e: vec![], m: {"a": vec![1u8, 2], "b": vec![]}, d: Duration::from_millis(1500) }
const nested = new StructArg('Nested', {
  kind: 'named',
  fields: [
    ['name', STR('n"1')],
    ['pts', new ListArg([point(1, 2.5), point(-3, 1e20)])],
    ['opt', new OptionArg(pair(7, 'seven'))],
    ['unit', unitStruct],
    ['t', new TupleArg([I32(1), new CharArg(0x78), new BoolArg(true)])],
    ['e', new ListArg([])],
    [
      'm',
      new MapArg([
        [STR('a'), new ListArg([U8(1), U8(2)])],
        [STR('b'), new ListArg([])],
      ]),
    ],
    ['d', new DurationArg(1, 500_000_000)],
  ],
});

describe('derived and std Debug', () => {
  test.each<[string, string, Formattable, string]>([
    [
      'nested',
      '{:?}',
      nested,
      'Nested { name: "n\\"1", pts: [Point { x: 1, y: 2.5 }, Point { x: -3, y: 1e20 }], opt: Some(Pair(7, "seven")), unit: Unit, t: (1, \'x\', true), e: [], m: {"a": [1, 2], "b": []}, d: 1.5s }',
    ],
    [
      'nested pretty',
      '{:#?}',
      nested,
      'Nested {\n    name: "n\\"1",\n    pts: [\n        Point {\n            x: 1,\n            y: 2.5,\n        },\n        Point {\n            x: -3,\n            y: 1e20,\n        },\n    ],\n    opt: Some(\n        Pair(\n            7,\n            "seven",\n        ),\n    ),\n    unit: Unit,\n    t: (\n        1,\n        \'x\',\n        true,\n    ),\n    e: [],\n    m: {\n        "a": [\n            1,\n            2,\n        ],\n        "b": [],\n    },\n    d: 1.5s,\n}',
    ],
    ['hex pretty', '{:#x?}', new ListArg([I32(1), I32(-3)]), '[\n    0x1,\n    0xfffffffd,\n]'],
    ['width reaches leaves', '{:5?}', point(1, 2), 'Point { x:     1, y:   2.0 }'],
    ['width reaches leaves, pretty', '{:#5?}', point(1, 2), 'Point {\n    x:     1,\n    y:   2.0,\n}'],
    ['None', '{:?}', new OptionArg(undefined), 'None'],
    ['None ignores width', '{:>8?}', new OptionArg(undefined), 'None'],
    ['Some(Some(3)) pretty', '{:#?}', new OptionArg(new OptionArg(I32(3))), 'Some(\n    Some(\n        3,\n    ),\n)'],
    ['Ok(())', '{:?}', new ResultArg(true, UNIT), 'Ok(())'],
    ['Err pretty', '{:#?}', new ResultArg(false, STR('bad\n')), 'Err(\n    "bad\\n",\n)'],
    ['1-tuple', '{:?}', new TupleArg([I32(5)]), '(5,)'],
    ['1-tuple pretty', '{:#?}', new TupleArg([I32(5)]), '(\n    5,\n)'],
    ['3-tuple', '{:?}', new TupleArg([I32(1), STR('two'), F64(3)]), '(1, "two", 3.0)'],
    ['unit', '{:?}', UNIT, '()'],
    ['unit pads', '{:>4?}', new TupleArg([]), '  ()'],
    ['empty vec pretty', '{:#?}', new ListArg([]), '[]'],
    ['vec of strs', '{:?}', new ListArg([STR('a'), STR('b\tc')]), '["a", "b\\tc"]'],
    ['set', '{:?}', new SetArg([I32(1), I32(2), I32(3)]), '{1, 2, 3}'],
    ['set pretty', '{:#?}', new SetArg([I32(1), I32(3)]), '{\n    1,\n    3,\n}'],
    [
      'map pretty',
      '{:#?}',
      new MapArg([
        [I32(1), STR('x')],
        [I32(2), STR('y')],
      ]),
      '{\n    1: "x",\n    2: "y",\n}',
    ],
    [
      'tuple in vec pretty',
      '{:#?}',
      new ListArg([new TupleArg([pair(1, 'k'), new ListArg([new OptionArg(I32(1))])])]),
      '[\n    (\n        Pair(\n            1,\n            "k",\n        ),\n        [\n            Some(\n                1,\n            ),\n        ],\n    ),\n]',
    ],
    [
      'enum variants pretty',
      '{:#?}',
      new ListArg([
        new StructArg('A', { kind: 'unit' }),
        new StructArg('B', { kind: 'tuple', fields: [I32(2)] }),
        new StructArg('C', { kind: 'named', fields: [['s', STR('z')]] }),
      ]),
      '[\n    A,\n    B(\n        2,\n    ),\n    C {\n        s: "z",\n    },\n]',
    ],
    ['unit struct ignores width', '{:>6?}', unitStruct, 'Unit'],
    ['vec width', '{:>3?}', new ListArg([I32(1), I32(22), I32(333)]), '[  1,  22, 333]'],
    ['vec precision rounds half to even', '{:.1?}', new ListArg([F64(1.25), F64(2.35)]), '[1.2, 2.4]'],
    ['multiline string pretty', '{:#?}', new ListArg([STR('multi\nline')]), '[\n    "multi\\nline",\n]'],
    ['chars', '{:?}', new ListArg([new CharArg(0x61), new CharArg(0x27), new CharArg(0x22)]), "['a', '\\'', '\"']"],
    [
      'nested vec pretty',
      '{:#?}',
      new ListArg([new ListArg([I32(1), I32(2)]), new ListArg([])]),
      '[\n    [\n        1,\n        2,\n    ],\n    [],\n]',
    ],
    ['durations', '{:?}', new ListArg([new DurationArg(0, 1_000_000), new DurationArg(0, 1_500_000)]), '[1ms, 1.5ms]'],
    [
      'pretty tuple of unit struct',
      '{:#?}',
      new TupleArg([unitStruct, pair(1, 'a')]),
      '(\n    Unit,\n    Pair(\n        1,\n        "a",\n    ),\n)',
    ],
  ])('%s: %s', (_name, spec, value, want) => {
    expect(formatString(spec, [value])).toBe(want);
  });
});

describe('format arguments', () => {
  test('{:.*} takes the precision first', () => {
    // format!("{:.*}", 2, 1.23456) and format!("{} {:.*} {}", 1, 3, 2.5, 4)
    expect(formatString('{:.*}', [usize(2), F64(1.23456)])).toBe('1.23');
    expect(formatString('{} {:.*} {}', [I32(1), usize(3), F64(2.5), I32(4)])).toBe('1 2.500 4');
  });
  test('width and precision from arguments', () => {
    // format!("{:1$}|{:>w$.p$}|{:0>5}", 7, 4, 3.14159, w = 8, p = 2)
    const bound = compileFormat('{:1$}|{:>w$.p$}|{:0>5}', { positional: 3, named: ['w', 'p'] });
    if (!bound.ok) throw new Error(bound.error.message);
    expect(formatBound(bound.value, [I32(7), usize(4), F64(3.14159), usize(8), usize(2)])).toBe(
      '   7|       4|3.14159',
    );
    // format!("{:01$}", 5, 0)
    expect(formatString('{:01$}', [I32(5), usize(0)])).toBe('5');
  });
  test('named, positional and captured arguments', () => {
    // format!("{a} {b:?} {a:>4}", a = 1, b = "x")
    const named = compileFormat('{a} {b:?} {a:>4}', { positional: 0, named: ['a', 'b'] });
    if (!named.ok) throw new Error(named.error.message);
    expect(formatBound(named.value, [I32(1), STR('x')])).toBe('1 "x"    1');
    // format!("{1} {0} {1:?}", "a", "b")
    expect(formatString('{1} {0} {1:?}', [STR('a'), STR('b')])).toBe('b a "b"');
    // let v = 42; let w = 6; format!("{v} {v:>w$} {v:#x}")
    const captured = compileFormat('{v} {v:>w$} {v:#x}', { positional: 0, named: [] });
    if (!captured.ok) throw new Error(captured.error.message);
    expect(captured.value.captures).toEqual(['v', 'w']);
    expect(formatBound(captured.value, [I32(42), usize(6)])).toBe('42     42 0x2a');
  });
  test('fills, braces and the minus flag', () => {
    // format!("{:é^7}|{:😀<4}", "ab", 1), format!("{{}} {{{}}}", 5), format!("{:-}|{:-5}", 5, -5)
    expect(formatString('{:é^7}|{:😀<4}', [STR('ab'), I32(1)])).toBe('ééabééé|1😀😀😀');
    expect(formatString('{{}} {{{}}}', [I32(5)])).toBe('{} {5}');
    expect(formatString('{:-}|{:-5}', [I32(5), I32(-5)])).toBe('5|   -5');
  });
  test('a width argument must be a usize', () => {
    expect(() => formatString('{:1$}', [I32(1), I32(2)])).toThrow(/usize/);
  });
  test('a missing trait is reported, not silently printed', () => {
    expect(() => formatString('{}', [new OptionArg(undefined)])).toThrow(/Display/);
    expect(() => formatString('{:x}', [new StrArg('a')])).toThrow(/LowerHex/);
    expect(formatString('{:e}', [new FloatArg('f32', Math.fround(0.1))])).toBe('1e-1');
  });
});
