import { describe, expect, it } from 'vitest';
import { compile, runProgram } from '../run.ts';
import { parseErr, parseOk } from './test-util.ts';

/** stdout of a program that must compile and run. */
function run(source: string): string {
  const c = compile(source, 'src/main.rs');
  if (!c.ok) throw new Error(c.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n'));
  return runProgram(c.program, { seed: 1 }).stdout;
}

describe('macro_rules! expansion', () => {
  it('keeps an expr fragment one operand and tries rules in order', () => {
    const src = `
macro_rules! sq { ($x:expr) => { $x * $x }; }
macro_rules! pick { (zero) => { 0 }; ($e:expr) => { $e }; }
fn main() { println!("{} {} {} {}", sq!(1 + 2), sq!(2) - 1, pick!(zero), pick!(5 - 1)); }`;
    expect(run(src)).toBe('9 3 0 4\n');
  });

  it('matches nested repetitions with separators and a trailing comma', () => {
    const src = `
macro_rules! rows { ($([$($x:expr),*]),* $(,)?) => { vec![$(vec![$($x),*]),*] }; }
fn main() { println!("{:?}", rows!([1, 2], [], [3],)); }`;
    expect(run(src)).toBe('[[1, 2], [], [3]]\n');
  });

  it('recurses, and expands to statements in the calling block and to items', () => {
    const src = `
macro_rules! count { () => { 0 }; ($h:tt $($t:tt)*) => { 1 + count!($($t)*) }; }
macro_rules! twice { ($s:stmt) => { $s; $s; }; }
macro_rules! getter { ($name:ident: $t:ty = $v:literal) => { fn $name() -> $t { $v } }; }
getter!(answer: u8 = 42);
fn main() {
    let mut n = 0;
    twice!(n += count!(a b c));
    println!("{} {}", n, answer());
}`;
    expect(run(src)).toBe('6 42\n');
  });

  it('binds pat, block, path, lifetime and vis fragments', () => {
    const src = `
macro_rules! is { ($v:expr, $p:pat) => { match $v { $p => true, _ => false } }; }
macro_rules! run_block { ($b:block) => { $b }; }
macro_rules! make { ($p:path) => { $p::new() }; }
macro_rules! holder { ($vis:vis struct $n:ident<$l:lifetime>) => { $vis struct $n<$l> { s: &$l str } }; }
holder!(pub struct H<'a>);
fn main() {
    let h = H { s: "hi" };
    let v: Vec<u8> = make!(Vec);
    println!("{} {} {} {} {}", is!(Some(3), Some(1..=5)), is!(None::<u8>, Some(_)), run_block!({ 1 + 1 }), v.len(), h.s);
}`;
    expect(run(src)).toBe('true false 2 0 hi\n');
  });

  it('runs stringify! with the source spacing and concat! on literals', () => {
    const src = `
macro_rules! show { ($e:expr) => { println!("{} = {}", stringify!($e), $e) }; }
fn main() {
    show!(1+2 * 3);
    println!("{}", stringify!(foo( 1,2 ) ;x . y));
    println!(concat!("{}", "-", 1, 'c', true, -2.5), 0);
}`;
    expect(run(src)).toBe('1+2 * 3 = 7\nfoo(1,2);x.y\n0-1ctrue-2.5\n');
  });

  it('reports rustc errors for a call no rule matches', () => {
    const src = 'macro_rules! two { ($a:expr, $b:expr) => { $a + $b }; }\nfn main() {\n    let x = two!(1, 2 3);\n}';
    expect(parseErr(src)).toMatchObject({ line: 3, col: 23, message: 'no rules expected `3`' });
    const short = 'macro_rules! two { ($a:expr, $b:expr) => { $a + $b }; }\nfn main() {\n    let x = two!(1);\n}';
    expect(parseErr(short)).toMatchObject({ line: 3, col: 19, message: 'unexpected end of macro invocation' });
  });

  it('stops a macro that never ends recursing', () => {
    const src = 'macro_rules! inf { ($($t:tt)*) => { inf!($($t)* x); }; }\nfn main() { inf!(1); }';
    expect(parseErr(src).message).toBe('recursion limit reached while expanding `inf!`');
  });

  it('refuses a repetition whose variables repeat differently', () => {
    const src =
      'macro_rules! z { ($($a:expr),* ; $($b:expr),*) => { ($(($a, $b)),*) }; }\nfn main() { let x = z!(1, 2; 3); }';
    expect(parseErr(src).message).toBe('meta-variable `a` repeats 2 times, but `b` repeats 1 times');
  });

  it('is usable only after its definition, as rustc scopes macro_rules! textually', () => {
    expect(parseErr('fn main() { m!(); }\nmacro_rules! m { () => {}; }').message).toBe(
      'the macro `m!` is not supported',
    );
    expect(parseOk('macro_rules! m { () => {}; }\nfn main() { m!(); }').items).toHaveLength(2);
  });
});

describe('newer syntax: inline const blocks and async closures', () => {
  it('run where they stand (as rustc evaluates them, for programs it accepts)', () => {
    const src =
      'fn main() { let v: [Option<String>; 2] = [const { None }; 2]; println!("{:?} {}", v, const { 2 + 3 }); }';
    expect(run(src)).toBe('[None, None] 5\n');
  });

  it('runs async closures as closures returning an `async move` block', () => {
    const src = `#[tokio::main]
async fn main() {
    let name = String::from("n");
    let greet = async |x: u32| -> String { format!("{name}{x}") };
    let owned = async move |x: u32| x + 1;
    println!("{} {} {} {name}", greet(1).await, greet(2).await, owned(3).await);
}`;
    expect(run(src)).toBe('n1 n2 4 n\n');
  });
});
