/**
 * The type checker on small programs, one per class of error, each with the code and primary
 * line:col that rustc 1.95 printed for it (recorded with the tokio148 tool, `cargo build`), and
 * programs rustc accepts that exercise inference, fallback and method resolution.
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../syntax/parser.ts';
import { checkTypes } from './index.ts';

function firstError(source: string): string {
  const parsed = parseProgram(source, 'src/main.rs');
  if (!parsed.ok) throw new Error('parse error');
  const d = checkTypes(parsed.program).errors[0];
  return d === undefined ? 'ok' : `${d.code ?? '-'} ${d.line}:${d.col}`;
}

function warnings(source: string): string[] {
  const parsed = parseProgram(source, 'src/main.rs');
  if (!parsed.ok) throw new Error('parse error');
  return checkTypes(parsed.program).warnings.map((d) => `${d.line}:${d.col} ${d.message}`);
}

describe('rustc errors on small programs (codes and positions recorded from rustc 1.95)', () => {
  it('an unsuffixed literal falls back to i32 (and an annotated one takes u64)', () => {
    expect(
      firstError(`fn main() {
    let a: u64 = 5_000_000_000;
    let b = 2_147_483_648;
    println!("{} {}", a, b);
}
`),
    ).toBe('overflowing_literals 3:13');
  });

  it("oneshot's &mut self methods need a mut binding (Sender::closed in select!, Receiver::try_recv)", () => {
    const head = 'use tokio::sync::oneshot;\n\n#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n';
    expect(
      firstError(`${head}    let (tx, rx) = oneshot::channel::<u32>();
    drop(rx);
    tokio::select! {
        _ = tx.closed() => println!("receiver gone"),
        _ = tokio::time::sleep(std::time::Duration::from_millis(5)) => println!("timeout"),
    }
}
`),
    ).toBe('E0596 8:13');
    expect(
      firstError(`${head}    let (tx, rx) = oneshot::channel::<u32>();
    tx.send(3).unwrap();
    if let Ok(v) = rx.try_recv() {
        println!("{v}");
    }
}
`),
    ).toBe('E0596 7:20');
  });

  it('method lookup autoderefs through Arc<Mutex<_>> and MutexGuard, and through &&Box<_>, to a user method', () => {
    expect(
      firstError(`use std::sync::{Arc, Mutex};
struct Counter { n: u32 }
impl Counter {
    fn bump(&mut self) -> u32 { self.n += 1; self.n }
}
fn main() {
    let c = Arc::new(Mutex::new(Counter { n: 0 }));
    let v: u32 = c.lock().unwrap().bump();
    let b = Box::new(Counter { n: 1 });
    let r = &&b;
    let w: String = r.bump();
    println!("{} {}", v, w);
}
`),
    ).toBe('E0308 11:21');
  });

  it("a user trait's associated fn on a primitive (`u8::make()`, a default `u8::pair()`) has the impl's types", () => {
    expect(
      firstError(`trait Make {
    fn make() -> Self;
    fn pair() -> (Self, Self) where Self: Sized { (Self::make(), Self::make()) }
}
impl Make for u8 {
    fn make() -> Self { 7 }
}
fn main() {
    let a: u8 = u8::make();
    let (b, c) = u8::pair();
    let w: String = u8::make();
    println!("{} {} {} {}", a, b, c, w);
}
`),
    ).toBe('E0308 11:21');
  });

  it('arithmetic across number types through a reference: E0308 at the right operand, or E0277 with a float', () => {
    const program = (expr: string): string => `fn main() {
    let a: u64 = 5;
    let r = &a;
    let k: i32 = 3;
    let p = ${expr};
    println!("{}", p);
}
`;
    expect(firstError(program('r * k'))).toBe('E0308 5:17');
    expect(firstError(program('a * &k'))).toBe('E0308 5:17');
    expect(firstError(program('&k - a'))).toBe('E0308 5:18');
    expect(firstError(program('a * 2.0'))).toBe('E0277 5:15');
    expect(firstError(program('r * 2'))).toBe('ok');
    const parsed = parseProgram(program('r * k'), 'src/main.rs');
    if (!parsed.ok) throw new Error('parse error');
    expect(checkTypes(parsed.program).errors[0]?.hint).toContain('cannot multiply `&u64` by `i32`');
  });

  it('a Copy struct is copied, a String moves', () => {
    expect(
      firstError(`#[derive(Debug, Clone, Copy)]
struct P { x: i32 }
fn take(p: P) -> i32 { p.x }
fn main() {
    let p = P { x: 1 };
    let a = take(p);
    let s = String::from("s");
    let t = s;
    println!("{} {:?} {}", a, p, s);
    let _ = t;
}
`),
    ).toBe('E0382 9:34');
  });

  it('use Enum::* inside a fn: bare variant paths in patterns', () => {
    expect(
      firstError(`enum Op { Add, Sub(i32), Mul { by: i32 } }
fn main() {
    use Op::*;
    let o = Sub(2);
    match o {
        Add => {}
        Mul { by } => println!("{}", by),
    }
}
`),
    ).toBe('E0004 5:11');
  });

  it('a user type with all its impls in view has no such method', () => {
    expect(
      firstError(`struct S;
impl S { fn go(&self) {} }
fn main() {
    let s = S;
    s.go();
    s.stop();
}
`),
    ).toBe('E0599 6:7');
  });

  it('.await in a plain fn, but not in an async block inside it', () => {
    expect(
      firstError(`async fn work() -> u8 { 1 }
fn main() {
    let f = async {
        let x: u8 = work().await;
        x
    };
    let n = work().await;
    drop(f);
}
`),
    ).toBe('E0728 7:20');
  });

  it('spawn_blocking with a closure that borrows a local', () => {
    expect(
      firstError(`#[tokio::main]
async fn main() {
    let names = vec![String::from("a")];
    let h = tokio::task::spawn_blocking(|| names.len());
    println!("{}", h.await.unwrap());
}
`),
    ).toBe('E0373 4:41');
  });

  it('Rc dropped in an inner scope or by drop() is fine; one in scope at an .await is not', () => {
    expect(
      firstError(`use std::rc::Rc;
async fn tick() {}
#[tokio::main]
async fn main() {
    let h = tokio::spawn(async {
        {
            let r = Rc::new(1);
            println!("{}", r);
        }
        tick().await;
        let r2 = Rc::new(2);
        drop(r2);
        tick().await;
        let r3 = Rc::new(3);
        tick().await;
        println!("{}", r3);
    });
    h.await.unwrap();
}
`),
    ).toBe('- 5:13');
  });

  it('-128i8 and 0xff for u8 are in range; 300u8 is not', () => {
    expect(
      firstError(`fn main() {
    let x: i8 = -128;
    let y: u8 = 0xff;
    let z = 300u8;
    println!("{} {} {}", x, y, z);
}
`),
    ).toBe('overflowing_literals 4:13');
  });
  it('a &mut self method on a local declared without mut', () => {
    expect(
      firstError(`struct Acc { n: u32 }
impl Acc {
    fn add(&mut self, k: u32) { self.n += k; }
}
fn main() {
    let mut ok = Acc { n: 0 };
    ok.add(1);
    let a = Acc { n: 0 };
    a.add(2);
}
`),
    ).toBe('E0596 9:5');
  });
  it('a deferred let may be assigned once; an initialised immutable local not again', () => {
    expect(
      firstError(`fn main() {
    let total;
    total = 3;
    let mut v = Vec::new();
    v.push(total);
    let n = v.len();
    n = 4;
    println!("{}", n);
}
`),
    ).toBe('E0384 7:5');
  });
  it('a call with too few arguments', () => {
    expect(
      firstError(`fn area(w: u32, h: u32) -> u32 { w * h }
fn main() {
    let a = area(2, 3);
    let b = area(4);
    println!("{} {}", a, b);
}
`),
    ).toBe('E0061 4:13');
  });
});

describe('programs rustc accepts', () => {
  it('infers literal types from annotations, parameters, fields and operators', () => {
    expect(
      firstError(`struct S { big: u64 }
fn f(x: u64) -> u64 { x }
fn main() {
    let a: u64 = 5_000_000_000;
    let b = f(6_000_000_000);
    let s = S { big: 7_000_000_000 };
    let c = a + 8_000_000_000;
    let d: i64 = -9_000_000_000;
    println!("{} {} {} {} {}", a, b, s.big, c, d);
}
`),
    ).toBe('ok');
  });

  it('lets values of unknown type flow anywhere without errors', () => {
    expect(
      firstError(`use std::collections::BTreeMap;
fn main() {
    let mut m = BTreeMap::new();
    m.insert(1, "x");
    let n: u8 = m.len() as u8;
    let it = m.iter().map(|(k, v)| format!("{}{}", k, v)).collect::<Vec<_>>();
    let big = it.len() + 3_000_000_000;
    println!("{} {:?} {}", n, it, big);
}
`),
    ).toBe('ok');
  });

  it('applies deref coercion (&String to &str, &Vec<T> to &[T]) and never-typed branches', () => {
    expect(
      firstError(`fn len(s: &str) -> usize { s.len() }
fn sum(v: &[i32]) -> i32 { v.iter().sum() }
fn pick(b: bool) -> i32 { if b { 1 } else { panic!("no") } }
fn main() {
    let s = String::from("abc");
    let v = vec![1, 2];
    println!("{} {} {}", len(&s), sum(&v), pick(true));
}
`),
    ).toBe('ok');
  });

  it('reassigning a moved variable makes it usable again; a move in a diverging branch does not count', () => {
    expect(
      firstError(`fn eat(s: String) {}
fn main() {
    let mut s = String::from("a");
    eat(s);
    s = String::from("b");
    println!("{}", s);
    for i in 0..3 {
        let t = String::from("t");
        if i == 1 {
            eat(t);
            continue;
        }
        println!("{}", t);
    }
}
`),
    ).toBe('ok');
  });
});

describe('warnings', () => {
  it('an async fn called and never awaited: unused implementer of Future (rustc 1.95: 4:5)', () => {
    expect(
      warnings(`async fn work() -> i32 { 1 }
#[tokio::main]
async fn main() {
    work();
    let _f = work();
}
`),
    ).toEqual(['4:5 unused implementer of `Future` that must be used']);
  });
});
