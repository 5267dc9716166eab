/** The checker's side table for the interpreter (facts.ts). */
import { describe, expect, it } from 'vitest';
import { parseAndCheck } from '../check/index.ts';
import type { Expr, Program } from '../syntax/ast.ts';
import { walk } from '../syntax/visit.ts';
import { checkTypes } from './index.ts';
import { showTy } from './ty.ts';

function check(src: string): { program: Program; facts: ReturnType<typeof checkTypes>['facts'] } {
  const f = parseAndCheck(src, 'src/main.rs');
  if (!f.ok) throw new Error(JSON.stringify(f.diagnostics));
  const r = checkTypes(f.program);
  expect(r.errors).toEqual([]);
  return { program: f.program, facts: r.facts };
}

/** The first expression of `kind` (and, for method calls, `method`) in source order. */
function find(p: Program, kind: string, method?: string): Expr {
  let out: Expr | null = null;
  walk(p, (n) => {
    if (out === null && n.kind === kind && (method === undefined || ('method' in n && n.method === method)))
      out = n as Expr;
    return out === null;
  });
  if (out === null) throw new Error(`no ${kind}`);
  return out;
}

describe('type facts', () => {
  it('gives a literal the integer type it flows into', () => {
    const { program, facts } = check('fn f(x: u64) -> u64 { x }\nfn main() { let a = 4; f(a); }');
    expect(facts.intOf(find(program, 'IntLit'))).toBe('u64');
  });

  it('falls back to i32 and f64 for unconstrained literals', () => {
    const { program, facts } = check('fn main() { let a = 4; let b = 1.5; println!("{} {}", a, b); }');
    expect(facts.intOf(find(program, 'IntLit'))).toBe('i32');
    expect(facts.floatOf(find(program, 'FloatLit'))).toBe('f64');
  });

  it('types awaiting a timeout around a JoinHandle as Result<Result<T, JoinError>, Elapsed>', () => {
    const src = `#[tokio::main]
async fn main() {
    let h = tokio::spawn(async { 1u8 });
    let r = tokio::time::timeout(std::time::Duration::from_millis(5), h).await;
    println!("{:?}", r.is_ok());
}`;
    const { program, facts } = check(src);
    const t = facts.typeOf(find(program, 'Await'));
    expect(t === null ? null : showTy(t)).toBe('Result<Result<u8, JoinError>, Elapsed>');
  });

  it('types a literal used as a format width or precision as usize', () => {
    const { program, facts } = check('fn main() { let w = 9; let p = 2; println!("{:>w$.p$}", 1.5); }');
    const lits: Expr[] = [];
    walk(program, (n) => {
      if (n.kind === 'IntLit') lits.push(n);
      return true;
    });
    expect(lits.map((l) => facts.intOf(l))).toEqual(['usize', 'usize']);
  });

  it('keeps an array Copy when it is iterated by value and asked its len (the loop iterates a copy)', () => {
    const src = 'fn main() { let a = [1, 2]; for x in a { let _ = x; } println!("{}", a.len()); }';
    const { program, facts } = check(src);
    const loop = find(program, 'For');
    const t = loop.kind === 'For' ? facts.typeOf(loop.iter) : null;
    expect(t === null ? null : showTy(t)).toBe('[i32; 2]');
    expect(t !== null && facts.isCopy(t)).toBe(true);
  });

  it('types an f32 literal from its annotation', () => {
    const { program, facts } = check('fn main() { let t: f32 = 1.0; println!("{}", t); }');
    expect(facts.floatOf(find(program, 'FloatLit'))).toBe('f32');
  });

  it('records the type arguments of a generic fn call', () => {
    const src = 'fn fresh<T: Default>() -> T { T::default() }\nfn main() { let a: u8 = fresh(); println!("{}", a); }';
    const { program, facts } = check(src);
    let callee: Expr | null = null;
    walk(program, (n) => {
      if (n.kind === 'Call' && n.callee.kind === 'PathExpr' && n.callee.path.segments[0]?.name === 'fresh')
        callee = n.callee;
      return true;
    });
    const args = facts.typeArgs(callee!);
    expect(args?.get('T')).toEqual({ k: 'int', name: 'u8' });
  });

  it('maps an impl’s parameters to the type’s arguments', () => {
    const src = `struct S<T> { v: Vec<T> }
impl<T: Clone> S<T> { fn first(&self) -> T { self.v[0].clone() } }
fn main() { let s = S { v: vec![1u16] }; let x = s.first(); println!("{}", x); }`;
    const { program, facts } = check(src);
    const call = find(program, 'MethodCall', 'first');
    expect(facts.typeArgs(call)?.get('T')).toEqual({ k: 'int', name: 'u16' });
    expect(facts.intOf(call)).toBe('u16');
  });

  it('types parse() in a map closure by what collect() builds or by the next map', () => {
    const src = `#[derive(Debug)]
enum Job { Sleep(u64) }
fn main() {
    let a = "1 2".split(' ').map(|s| s.parse().unwrap()).collect::<Vec<u16>>();
    let b: Vec<Job> = "3".lines().map(|s| s.parse().unwrap()).map(Job::Sleep).collect();
    let c: Result<Vec<i8>, _> = "4".split(' ').map(|s| s.parse()).collect();
    println!("{:?} {:?} {:?}", a, b, c);
}`;
    const { program, facts } = check(src);
    const parses: string[] = [];
    walk(program, (n) => {
      if (n.kind === 'MethodCall' && n.method === 'parse') parses.push(showTy(facts.typeOf(n)!));
    });
    expect(parses).toEqual(['Result<u16, ParseIntError>', 'Result<u64, ParseIntError>', 'Result<i8, ParseIntError>']);
  });

  it('types try_into() by the Ok type the context gives', () => {
    const src = `use std::convert::{TryFrom, TryInto};
struct Even(u32);
impl TryFrom<u32> for Even { type Error = String; fn try_from(v: u32) -> Result<Self, String> { Ok(Even(v)) } }
fn main() {
    let e: Result<Even, String> = 4u32.try_into();
    let n: u8 = 7u32.try_into().unwrap();
    println!("{} {}", e.is_ok(), n);
}`;
    const { program, facts } = check(src);
    expect(showTy(facts.typeOf(find(program, 'MethodCall', 'try_into'))!)).toBe('Result<Even, String>');
  });

  it('types a field reached through a user Deref and marks `&mut self` receivers', () => {
    const src = `use std::ops::{Deref, DerefMut};
struct Inner { name: String }
struct Guard { inner: Inner }
impl Deref for Guard { type Target = Inner; fn deref(&self) -> &Inner { &self.inner } }
impl DerefMut for Guard { fn deref_mut(&mut self) -> &mut Inner { &mut self.inner } }
fn main() {
    let mut g = Guard { inner: Inner { name: String::new() } };
    g.name.push('!');
    println!("{}", g.name.len());
}`;
    const { program, facts } = check(src);
    expect(facts.mutReceiver(find(program, 'MethodCall', 'push'))).toBe(true);
    expect(facts.mutReceiver(find(program, 'MethodCall', 'len'))).toBe(false);
    expect(showTy(facts.typeOf(find(program, 'Field'))!)).toBe('Inner');
  });

  it('types parse() by the annotation and or_default() by the map', () => {
    const src = `use std::collections::HashMap;
fn main() {
    let n: u16 = "7".parse().unwrap();
    let mut m: HashMap<u8, Vec<char>> = HashMap::new();
    m.entry(1).or_default().push('a');
    println!("{} {:?}", n, m);
}`;
    const { program, facts } = check(src);
    expect(showTy(facts.typeOf(find(program, 'MethodCall', 'parse'))!)).toBe('Result<u16, ParseIntError>');
    expect(showTy(facts.typeOf(find(program, 'MethodCall', 'or_default'))!)).toBe('&mut Vec<char>');
  });

  it('types a derived Default by its owner and finds the #[default] variant', () => {
    const src = `#[derive(Debug, Default)]
enum Mode { Idle, #[default] Busy }
#[derive(Debug, Default)]
struct P<T> { a: T, m: Mode }
fn main() { let p: P<f32> = P::default(); println!("{:?}", p); }`;
    const { program, facts } = check(src);
    const call = find(program, 'Call');
    const t = facts.typeOf(call);
    expect(t === null ? null : showTy(t)).toBe('P<f32>');
    expect(facts.defaultVariant('Mode')).toBe('Busy');
    expect(t?.k === 'adt' ? facts.fieldTys(t)?.map((x) => showTy(x)) : null).toEqual(['f32', 'Mode']);
  });

  it('takes type arguments from a turbofish on a fn and on a type', () => {
    const src = `#[derive(Default, Debug)]
struct S<T> { v: T }
impl<T: Default> S<T> { fn make() -> Self { S { v: T::default() } } }
fn fresh<T: Default>() -> T { T::default() }
fn main() { let a = fresh::<f64>(); let s = S::<char>::make(); println!("{} {:?}", a, s); }`;
    const { program, facts } = check(src);
    const callees: Expr[] = [];
    walk(program, (n) => {
      if (n.kind === 'Call' && n.callee.kind === 'PathExpr' && n.callee.path.segments.length >= 1)
        callees.push(n.callee);
      return true;
    });
    const args = callees.map((c) => facts.typeArgs(c)?.get('T')).filter((t) => t !== undefined);
    expect(args).toEqual([{ k: 'float', name: 'f64' }, { k: 'char' }]);
  });

  it('lets the argument pick among several From impls (no false E0308)', () => {
    const src = `#[derive(Debug)]
struct L(String);
impl From<&str> for L { fn from(s: &str) -> Self { L(s.to_string()) } }
impl From<(char, u8)> for L { fn from(p: (char, u8)) -> Self { L(format!("{}{}", p.0, p.1)) } }
fn main() { let a = L::from(('v', 2)); let b: L = "x".into(); println!("{:?} {:?}", a, b); }`;
    const { program, facts } = check(src);
    const into = find(program, 'MethodCall', 'into');
    expect(showTy(facts.typeOf(into)!)).toBe('L');
  });

  it('types `parse` into a std::net address as `Result<_, AddrParseError>`', () => {
    const { program, facts } = check(`use std::net::{Ipv4Addr, SocketAddr};
fn main() {
    let r: Result<SocketAddr, _> = "1.2.3.4:80".parse();
    let ip = "1.2.3.4".parse::<Ipv4Addr>();
    println!("{:?} {:?}", r, ip);
}
`);
    expect(showTy(facts.typeOf(find(program, 'MethodCall', 'parse'))!)).toBe('Result<SocketAddr, AddrParseError>');
  });
});

describe('facts for hand-written std trait impls', () => {
  const FROM_STR = `use std::str::FromStr;
#[derive(Debug)] struct Cmd(u8);
#[derive(Debug)] enum CmdError { Bad(std::num::ParseIntError) }
impl From<std::num::ParseIntError> for CmdError { fn from(e: std::num::ParseIntError) -> Self { CmdError::Bad(e) } }
impl FromStr for Cmd {
  type Err = CmdError;
  fn from_str(s: &str) -> Result<Self, Self::Err> { Ok(Cmd(s.parse::<u8>()?)) }
}
fn run(s: &str) -> Result<u8, CmdError> { let c: Cmd = s.parse()?; Ok(c.0) }
fn main() { println!("{:?}", run("4")); }`;

  it("reads `Self::Err` as the impl's `type Err`, so `?` converts into it", () => {
    const { program, facts } = check(FROM_STR);
    const tries: Expr[] = [];
    walk(program, (n) => {
      if (n.kind === 'Try') tries.push(n);
      return true;
    });
    const [inFromStr, inRun] = tries.map((t) => facts.tryErrors(t));
    expect(inFromStr && [showTy(inFromStr.from), showTy(inFromStr.to)]).toEqual(['ParseIntError', 'CmdError']);
    // `parse()` into `Cmd` fails with `<Cmd as FromStr>::Err`: the same type, no conversion
    expect(inRun && [showTy(inRun.from), showTy(inRun.to)]).toEqual(['CmdError', 'CmdError']);
  });

  it('gives the field types of an enum variant (derived `Hash` writes them)', () => {
    const { program, facts } = check(
      'enum Shape { Dot, Rect { w: u8, h: u16 } }\nfn main() { let s = Shape::Dot; let _ = &s; }',
    );
    const t = facts.typeOf(find(program, 'PathExpr'));
    expect(t?.k).toBe('adt');
    if (t?.k !== 'adt') return;
    expect(facts.fieldTys(t, 'Rect')?.map((x) => showTy(x))).toEqual(['u8', 'u16']);
    expect(facts.fieldTys(t, 'Dot')).toEqual([]);
    expect(facts.fieldTys(t)).toBeNull();
  });

  it("gives an open `From` argument the one impl it fits (`L::from(('v', 2))`, `7.into()`)", () => {
    const impls = [
      'struct L(u32);',
      'impl From<(char, u32)> for L { fn from(p: (char, u32)) -> Self { L(p.1) } }',
      'impl From<u8> for L { fn from(n: u8) -> Self { L(n as u32) } }',
    ];
    const lits = (src: string): (string | null)[] => {
      const { program, facts } = check([...impls, src].join('\n'));
      const out: (string | null)[] = [];
      walk(program, (n) => {
        if (n.kind === 'IntLit') out.push(facts.intOf(n));
        return true;
      });
      return out;
    };
    expect(lits(`fn main() { let a = L::from(('v', 2)); println!("{}", a.0); }`)).toEqual(['u32']);
    // `From<u8>` is the one integer impl: the literal is a `u8`
    expect(lits('fn main() { let b: L = 7.into(); println!("{}", b.0); }')).toEqual(['u8']);
  });

  it("types a user trait method on a std type and on `&T`, with the generic impl's `T`", () => {
    const { program, facts } = check(
      [
        'trait D { fn d(&self) -> String; }',
        'impl D for u8 { fn d(&self) -> String { String::new() } }',
        'impl<T: D> D for Vec<T> { fn d(&self) -> String { self.iter().map(|x| x.d()).collect() } }',
        'fn main() { let v: Vec<u8> = vec![1]; println!("{}", v.d()); }',
      ].join('\n'),
    );
    const inner = find(program, 'MethodCall', 'd');
    expect(showTy(facts.typeOf(inner)!)).toBe('String');
    const calls: Expr[] = [];
    walk(program, (n) => {
      if (n.kind === 'MethodCall' && n.method === 'd') calls.push(n);
      return true;
    });
    const outer = calls[calls.length - 1];
    expect([...(facts.typeArgs(outer) ?? [])].map(([k, t]) => `${k}=${showTy(t)}`)).toEqual(['T=u8']);
    expect([...(facts.implArgs({ k: 'adt', name: 'Vec', args: [{ k: 'int', name: 'u8' }] }, 'd') ?? [])].length).toBe(
      1,
    );
  });
});
