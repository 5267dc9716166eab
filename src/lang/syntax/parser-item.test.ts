import { describe, expect, it } from 'vitest';
import type { Item } from './ast.ts';
import { parseErr, parseOk, patOf, typeOf } from './test-util.ts';

function item(src: string): Item {
  const p = parseOk(src);
  expect(p.items).toHaveLength(1);
  return p.items[0];
}

describe('parser: attributes', () => {
  it('keeps #[tokio::main(…)] structured for the interpreter', () => {
    const f = item(
      '#[tokio::main(flavor = "current_thread", start_paused = true, worker_threads = 2)]\nasync fn main() {}',
    );
    expect(f.attrs[0]).toMatchObject({
      inner: false,
      meta: {
        kind: 'MetaList',
        path: 'tokio::main',
        items: [
          { kind: 'MetaNameValue', path: 'flavor', value: { kind: 'StrLit', value: 'current_thread' } },
          { kind: 'MetaNameValue', path: 'start_paused', value: { kind: 'BoolLit', value: true } },
          { kind: 'MetaNameValue', path: 'worker_threads', value: { kind: 'IntLit', value: 2n } },
        ],
      },
    });
  });

  it('reads derive lists, nested lists, name-values and inner attributes', () => {
    const p = parseOk('#![allow(dead_code)]\n#[derive(Debug, Clone)]\n#[cfg(not(test))]\n#[doc = "x"]\nstruct S;');
    expect(p.attrs[0]).toMatchObject({ inner: true, meta: { path: 'allow' } });
    const s = p.items[0];
    expect(s.attrs.map((a) => a.meta.kind)).toEqual(['MetaList', 'MetaList', 'MetaNameValue']);
    expect(s.attrs[0]?.meta).toMatchObject({ items: [{ path: 'Debug' }, { path: 'Clone' }] });
    expect(s.attrs[1]?.meta).toMatchObject({ items: [{ kind: 'MetaList', path: 'not' }] });
  });

  it('ignores doc comments', () => {
    expect(item('/// docs\n/** more */\nfn f() {}').attrs).toEqual([]);
  });
});

describe('parser: use', () => {
  it('parses paths, groups, globs, self and renames', () => {
    const u = item('use std::{fmt::{self, Display}, sync::*, io::Result as IoResult};');
    expect(u).toMatchObject({
      kind: 'Use',
      global: false,
      tree: {
        kind: 'UsePath',
        name: 'std',
        rest: {
          kind: 'UseGroup',
          items: [
            {
              kind: 'UsePath',
              name: 'fmt',
              rest: { kind: 'UseGroup', items: [{ name: 'self' }, { name: 'Display' }] },
            },
            { kind: 'UsePath', name: 'sync', rest: { kind: 'UseGlob' } },
            { kind: 'UsePath', name: 'io', rest: { kind: 'UseName', name: 'Result', alias: 'IoResult' } },
          ],
        },
      },
    });
    expect(item('use ::tokio::spawn;')).toMatchObject({ global: true });
    expect(item('use std::io::Write as _;')).toMatchObject({ tree: { rest: { rest: { alias: '_' } } } });
  });
});

describe('parser: functions', () => {
  it('parses qualifiers, self parameters, patterns in parameters, return types and where clauses', () => {
    const f = item(
      "pub(crate) async fn f<'a, T: Clone>(&'a mut self, (a, b): (u8, u8), mut v: Vec<T>) -> &'a T where T: Send {}",
    );
    expect(f).toMatchObject({
      kind: 'Fn',
      name: 'f',
      isAsync: true,
      vis: { restriction: 'crate' },
      selfParam: { mode: 'refMut', lifetime: 'a' },
      params: [{ pat: { kind: 'TuplePat' } }, { pat: { kind: 'IdentPat', mutable: true } }],
      ret: { kind: 'RefType', lifetime: 'a' },
      generics: {
        params: [
          { kind: 'LifetimeParam', name: 'a' },
          { kind: 'TypeParam', name: 'T' },
        ],
        where: [{ kind: 'BoundPredicate' }],
      },
    });
    expect(item('fn g(self: Box<Self>) {}')).toMatchObject({
      selfParam: { mode: 'value', type: { kind: 'PathType' } },
    });
    expect(item('fn h(mut self) {}')).toMatchObject({ selfParam: { mode: 'value', mutable: true } });
    expect(item('const unsafe fn k() {}')).toMatchObject({ isConst: true, isUnsafe: true });
    expect(item('extern "C" fn e() {}')).toMatchObject({ abi: 'C' });
  });
});

describe('parser: data types', () => {
  it('parses named, tuple and unit structs with visibility', () => {
    expect(item('pub struct P { pub x: i32, y: i32, }')).toMatchObject({
      kind: 'Struct',
      vis: { restriction: null },
      fields: {
        kind: 'NamedFields',
        fields: [
          { name: 'x', vis: {} },
          { name: 'y', vis: null },
        ],
      },
    });
    expect(item('struct T(pub u8, String);')).toMatchObject({ fields: { kind: 'TupleFields' } });
    expect(item('struct U;')).toMatchObject({ fields: { kind: 'UnitFields' } });
  });

  it('parses enums with all variant shapes and discriminants', () => {
    const e = item('enum E { A, B(i32, String), C { x: u8 }, D = 5, F = -1 }');
    if (e.kind !== 'Enum') throw new Error('enum');
    expect(e.variants.map((v) => [v.name, v.fields.kind, v.discriminant?.kind ?? null])).toEqual([
      ['A', 'UnitFields', null],
      ['B', 'TupleFields', null],
      ['C', 'NamedFields', null],
      ['D', 'UnitFields', 'IntLit'],
      ['F', 'UnitFields', 'Unary'],
    ]);
  });

  it('parses const and static items', () => {
    expect(item('static X: AtomicUsize = AtomicUsize::new(0);')).toMatchObject({
      kind: 'Static',
      mutable: false,
      type: { kind: 'PathType' },
      value: { kind: 'Call' },
    });
    expect(item('const N: usize = 4;')).toMatchObject({ kind: 'Const', name: 'N' });
  });

  it('turns each declaration of thread_local! into a thread-local static', () => {
    const p = parseOk(
      'thread_local! {\n  static A: Cell<u32> = Cell::new(0);\n  pub static B: RefCell<Vec<i32>> = const { RefCell::new(Vec::new()) }\n}',
    );
    expect(p.items).toMatchObject([
      { kind: 'Static', name: 'A', threadLocal: true, type: { kind: 'PathType' }, value: { kind: 'Call' } },
      { kind: 'Static', name: 'B', threadLocal: true, value: { kind: 'BlockExpr' } },
    ]);
    expect(parseOk('thread_local!(static C: Cell<u8> = Cell::new(1));').items).toHaveLength(1);
    expect(parseErr('thread_local! { static D = 1; }').message).toContain('needs a type');
  });
});

describe('parser: impl, trait, type, mod, macro_rules', () => {
  it('parses inherent and trait impls with generics', () => {
    expect(item('impl<T: Clone> Wrapper<T> { fn get(&self) -> T { self.0.clone() } }')).toMatchObject({
      kind: 'Impl',
      trait: null,
      selfType: { kind: 'PathType' },
      items: [{ kind: 'Fn', name: 'get' }],
    });
    expect(item('impl<T> From<T> for W<T> where T: Copy { fn from(t: T) -> Self { W(t) } }')).toMatchObject({
      trait: { segments: [{ name: 'From', args: { kind: 'AngleArgs' } }] },
      generics: { where: [{}] },
    });
  });

  it('parses traits with default methods, associated types and constants', () => {
    const t = item('trait A: Send + Sync { type Out: Clone; const K: u8 = 1; fn f(&self); fn g(&self) -> u8 { 1 } }');
    expect(t).toMatchObject({
      kind: 'Trait',
      supertraits: [{ kind: 'TraitBound' }, { kind: 'TraitBound' }],
      items: [
        { kind: 'TypeAlias', name: 'Out', type: null, bounds: [{}] },
        { kind: 'Const', name: 'K' },
        { kind: 'Fn', name: 'f', body: null },
        { kind: 'Fn', name: 'g', body: { kind: 'Block' } },
      ],
    });
  });

  it('parses type aliases, inline modules and keeps macro_rules for the checker', () => {
    expect(item('type R<T> = Result<T, String>;')).toMatchObject({ kind: 'TypeAlias', type: { kind: 'PathType' } });
    expect(item('mod m { #![allow(x)] pub fn f() {} }')).toMatchObject({
      kind: 'Mod',
      innerAttrs: [{}],
      items: [{ kind: 'Fn' }],
    });
    expect(item('mod outside;')).toMatchObject({ kind: 'Mod', items: null });
    expect(item('macro_rules! sq { ($x:expr) => { $x * $x }; }')).toMatchObject({ kind: 'MacroRules', name: 'sq' });
  });

  it('refuses what is not an item at the top level, with its location', () => {
    expect(parseErr('fn f() {}\nlet x = 1;')).toMatchObject({ line: 2, col: 1 });
    expect(parseErr('union U { a: u8 }').message).toMatch(/unions are not supported/);
    expect(parseErr('extern "C" { fn abs(x: i32) -> i32; }').message).toMatch(/extern` blocks/);
  });
});

describe('parser: types', () => {
  it.each([
    ['Vec<Vec<u8>>', 'PathType'],
    ["&'static mut str", 'RefType'],
    ['(i32, String)', 'TupleType'],
    ['()', 'TupleType'],
    ['[u8; 4]', 'ArrayType'],
    ['&[u8]', 'RefType'],
    ['impl Fn(i32) -> i32 + Send', 'ImplTraitType'],
    ["Box<dyn Fn(i32) -> i32 + Send + 'static>", 'PathType'],
    ['fn(u8) -> bool', 'FnPtrType'],
    ['!', 'NeverType'],
    ['_', 'InferType'],
    ['*const u8', 'PtrType'],
    ['(dyn Trait)', 'ParenType'],
    ['<T as Iterator>::Item', 'PathType'],
    ['HashMap<String, Vec<Option<u8>>>', 'PathType'],
  ])('%s', (src, kind) => {
    expect(typeOf(src).kind).toBe(kind);
  });

  it('keeps bounds of dyn types and Fn sugar', () => {
    const t = typeOf("Box<dyn Fn(i32) -> i32 + Send + 'static>");
    expect(t).toMatchObject({
      path: {
        segments: [
          {
            args: {
              args: [
                {
                  type: {
                    kind: 'DynTraitType',
                    bounds: [
                      { kind: 'TraitBound', path: { segments: [{ name: 'Fn', args: { kind: 'ParenArgs' } }] } },
                      { kind: 'TraitBound', path: { segments: [{ name: 'Send' }] } },
                      { kind: 'LifetimeBound', name: 'static' },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    });
  });
});

describe('parser: patterns', () => {
  it.each([
    ['_', 'WildPat'],
    ['x', 'IdentPat'],
    ['mut x', 'IdentPat'],
    ['ref mut x', 'IdentPat'],
    ['(a, b)', 'TuplePat'],
    ['(a)', 'ParenPat'],
    ['Some(x)', 'TupleStructPat'],
    ['S { x, y: 0, .. }', 'StructPat'],
    ['&(a, b)', 'RefPat'],
    ['[a, b, rest @ ..]', 'SlicePat'],
    ['E::A', 'PathPat'],
  ])('%s', (src, kind) => {
    expect(patOf(src).kind).toBe(kind);
  });

  it('parses bindings with subpatterns, ranges, negative literals and alternatives', () => {
    const m = parseOk(
      'fn f() { match n { x @ 1..=3 => 1, -5..=-1 => 2, i32::MIN..=0 => 3, 4 | 5 => 4, 6.. => 5, ..=-9 => 6, _ => 0 } }',
    );
    const f = m.items[0];
    if (f?.kind !== 'Fn' || f.body?.tail?.kind !== 'Match') throw new Error('match');
    const pats = f.body.tail.arms.map((a) => a.pat);
    expect(pats[0]).toMatchObject({ kind: 'IdentPat', name: 'x', sub: { kind: 'RangePat', inclusive: true } });
    expect(pats[1]).toMatchObject({
      kind: 'RangePat',
      start: { kind: 'LitPat', negative: true },
      end: { kind: 'LitPat', negative: true },
    });
    expect(pats[2]).toMatchObject({ kind: 'RangePat', start: { kind: 'PathPat' } });
    expect(pats[3]).toMatchObject({ kind: 'OrPat', alts: [{ kind: 'LitPat' }, { kind: 'LitPat' }] });
    expect(pats[4]).toMatchObject({ kind: 'RangePat', inclusive: false, end: null });
    expect(pats[5]).toMatchObject({ kind: 'RangePat', start: null, end: { negative: true } });
  });

  it('parses struct pattern field forms', () => {
    expect(patOf('S { a, ref b, mut c, d: (1, _), .. }')).toMatchObject({
      kind: 'StructPat',
      rest: true,
      fields: [
        { name: 'a', shorthand: true },
        { name: 'b', shorthand: true, pat: { byRef: true } },
        { name: 'c', shorthand: true, pat: { mutable: true } },
        { name: 'd', shorthand: false, pat: { kind: 'TuplePat' } },
      ],
    });
    expect(parseErr('fn f() { let S { .., a } = s; }').message).toMatch(/must come last/);
  });
});
