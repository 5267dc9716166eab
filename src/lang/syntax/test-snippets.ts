/**
 * Test data shared by the parser, printer and fuzz tests: small programs that together use every
 * construct of the subset. Each is a complete file (items at the top level).
 */

/** Wraps statements in `fn main`. */
export function inMain(body: string): string {
  return `fn main() {\n${body}\n}\n`;
}

export const ITEM_SNIPPETS: readonly string[] = [
  `//! crate docs\n#![allow(dead_code)]\nuse std::sync::atomic::{AtomicUsize, Ordering};\nuse std::collections::*;\nuse tokio::sync::mpsc as chan;\nuse ::std::fmt::{self, Display as _};\nuse crate::a::b;`,
  `/// doc\n#[tokio::main(flavor = "current_thread", start_paused = true, worker_threads = 2)]\nasync fn main() {}`,
  `#[derive(Debug, Clone, Copy, PartialEq)]\npub struct Point { pub x: i32, pub(crate) y: i32 }`,
  `struct Unit;\nstruct Pair(i32, pub String);\nstruct Gen<T: Clone + Send, const N: usize>(T) where T: 'static;`,
  `static COUNTER: AtomicUsize = AtomicUsize::new(0);\nconst MAX: u64 = 1_000;\nconst _: () = ();`,
  `enum Shape { Circle { r: f64 }, Rect(f64, f64), Empty }\n#[derive(Debug)]\nenum Code { A = 1, B = 2, C = -3 }`,
  `impl Point { pub fn new(x: i32, y: i32) -> Self { Self { x, y } } fn norm(&self) -> i32 { self.x * self.x + self.y * self.y } fn bump(&mut self) { self.x += 1; } fn take(self) -> i32 { self.x } fn life<'a>(&'a self, s: &'a str) -> &'a str { s } }`,
  `impl std::fmt::Display for Point { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { write!(f, "({}, {})", self.x, self.y) } }`,
  `impl Drop for Guard { fn drop(&mut self) { println!("drop {}", self.name); } }`,
  `trait Speak { fn name(&self) -> String; fn speak(&self) -> String { format!("I am {}", self.name()) } }\nimpl<T> Speak for Vec<T> where T: Speak + Clone { fn name(&self) -> String { String::new() } }`,
  `trait Shape2: Clone + Send { type Output: Clone; const SIDES: usize; async fn area(&self) -> f64; }`,
  `type Job = Box<dyn Fn(i32) -> i32 + Send + 'static>;\ntype Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;`,
  `mod inner { pub fn f() -> u8 { 1 } pub mod deeper { pub(super) const X: i32 = 2; } }`,
  `pub(crate) async fn work(id: u32, name: &'static str, mut v: Vec<u8>, (a, b): (i32, i32)) -> Result<u32, String> { Ok(id) }`,
  `fn types(a: &mut [u8], b: [u8; 4], c: (), d: (i32,), e: impl Fn() -> bool, f: fn(i32) -> i32, g: Option<&'static dyn Send>, h: *const u8, i: !) {}`,
  `fn gen<'a, 'b: 'a, T, U: ?Sized>(x: &'a T, y: &'b U) -> impl Iterator<Item = u32> + 'a where T: Iterator<Item = u32>, for<'c> U: Fn(&'c str) {}`,
  `fn never() -> ! { loop {} }\nconst fn c() -> usize { 3 }\nunsafe fn u() {}\nextern "C" fn ex() {}\nextern crate alloc;`,
  `fn qualified() { let v = <Vec<u8> as Default>::default(); let w = Vec::<Vec<u8>>::with_capacity(3); }`,
  `macro_rules! m { ($x:expr) => { $x }; }`,
];

export const STMT_SNIPPETS: readonly string[] = [
  `let x = 1; let mut y: i32 = 2; let (a, b) = (1, 2); let _ = y; let z;`,
  `let Some(v) = opt else { return; }; let [first, .., last] = arr else { panic!("short") };`,
  `let n = 100u64 + 1_000 + 0xff + 0o17 + 0b1010 + 1u8 as u64; let f = 1.5 + 1e3 + 2.0f64 + 1.5e-3 + 3f32;`,
  `let s = "a\\n\\t\\\\\\"\\'\\0\\x41\\u{1F600}"; let r = r"raw \\n"; let r2 = r#"has "quotes""#; let c = '\\n'; let c2 = 'x'; let e = '😀'; let b = b'a';`,
  `let t = ((1, 2), 3); let u = t.0.1 + t.1; let w = x.0 .0;`,
  `a = b; a += 1; a -= 1; a *= 2; a /= 2; a %= 3; a &= 1; a |= 2; a ^= 3; a <<= 1; a >>= 1;`,
  `let v = a + b * c - d / e % f; let w = (a + b) * c; let s = a << 2 >> 1; let bits = a & b | c ^ d;`,
  `let ok = a == b && c != d || e < f && g > h || i <= j && k >= l; let neg = -x; let not = !flag; let d = *r; let rf = &x; let rm = &mut y; let rr = &&x;`,
  `let r1 = 0..10; let r2 = 0..=10; let r3 = ..; let r4 = 5..; let r5 = ..5; let r6 = ..=5; for i in (0..3).rev() {}`,
  `let c = x as u64 as f64; let m = -1i32 as u8;`,
  `let p = Point { x: 1, y: 2 }; let q = Point { x: 5, ..p }; let r = Point { x, y }; let e = Shape::Circle { r: 1.0 }; let t = Pair(1, String::new()); let s = S {};`,
  `let a = [1, 2, 3]; let z = [0u8; 8]; let e: [i32; 0] = []; let i = a[0] + a[1..].len() as i32; let t = (1,); let u = ();`,
  `if a { 1 } else if b { 2 } else { 3 }; if let Some(x) = opt { x } else { 0 }; while let Some(top) = stack.pop() { println!("{}", top); }`,
  `let m = match n { 0 => "zero", 1 | 2 => "small", 3..=9 => "digit", x if x < 0 => "neg", _ => "big" };`,
  `match v { Some(ref x) => {}, Some(ref mut y) => {} None => {}, }`,
  `match p { Point { x: 0, y } => y, Point { x, .. } => x, }`,
  `match s { [] => 0, [one] => 1, [a, b, rest @ ..] => 2, [.., last] => 3 }`,
  `match c { 'a'..='z' | 'A'..='Z' => 1, '0'..='9' => 2, _ => 0 }`,
  `match n { -5..=-1 => 1, i32::MIN..=-6 => 2, 0 => 3, 1.. => 4 }`,
  `match r { Ok(x @ 1..=3) => x, Ok(n @ (4 | 5)) => n, Err(_) | Ok(_) => 0 }`,
  `match &t { &(a, b) => a + b }; match e { E::A => 1, E::B(x, ..) => x, E::C { .. } => 2, Self::D => 3 }`,
  `match b { true => 1, false => 0 }; match s { "hi" => 1, _ => 2 }; match f { 1.5 => 1, _ => 0 }`,
  `let v = loop { if done { break 42; } }; 'outer: for i in 0..3 { 'inner: loop { if i == 1 { continue 'outer; } break 'outer; } }`,
  `let x = 'blk: { if a { break 'blk 1; } 2 }; while n > 0 { n -= 1; }`,
  `for (i, d) in delays.iter().copied().enumerate() { println!("{} {}", i, d); }`,
  `let f = |a, b: i32| a + b; let g = move || x; let h = |x| -> i32 { x + 1 }; let k = |&x| x; let j = |(a, b): (i32, i32)| a * b;`,
  `let fut = async { 1 }; let fut2 = async move { x.await }; let r = fut.await; let v = h.await??;`,
  `let v: Vec<_> = names.into_iter().map(|n| tokio::spawn(steps(n, 3, start))).collect::<Vec<_>>();`,
  `fn inner() -> i32 { return 5; } struct Local; let y = inner();`,
  `#[allow(unused)] let x = 1; #[rustfmt::skip] foo();`,
  `println!(); println!("x"); println!("{} {:?}", a, b); println!("{name} {0}", x, name = y); print!("{}", 1); eprintln!("e {}", 2); eprint!("z");`,
  `let s = format!("{}-{}", a, b); write!(f, "{}", x)?; writeln!(out)?; writeln!(out, "line {}", 1).unwrap();`,
  `assert!(x > 0); assert!(ok, "failed: {}", why); assert_eq!(a, b); assert_ne!(a, b, "msg {}", 1); debug_assert!(true);`,
  `panic!(); panic!("boom {}", 1); unreachable!(); todo!(); unimplemented!("later");`,
  `let v = vec![]; let w = vec![1, 2, 3,]; let z = vec![0; n]; let m = matches!(x, Some(1..=5)); let g = matches!(y, Some(v) if v > 2,); dbg!(a, b);`,
  `tokio::select! { biased; _ = t.cancelled() => { break done; } v = rx.recv(), if open => println!("{:?}", v), Some(x) = s.next() => x, else => {} }`,
  `tokio::select! { _ = a => 1, _ = b => 2 }\nlet r = tokio::select! { x = f => x, y = g => { y } };`,
  `let (a, b) = tokio::join!(f1, f2); let r = tokio::try_join!(f1, f2,); let _ = tokio::join!(biased; x, y);`,
  `tokio::pin!(fut); tokio::pin!(a, b); tokio::pin! { let s = sleep(d); }`,
  `std::println!("{}", 1); let s = String::from("hello").to_string(); let n = "5".parse::<i32>().unwrap();`,
  `let v = if x { a } else { b }.len(); match x { _ => 1 }.to_string(); unsafe { danger() }`,
  `let o = self.items.iter().filter(|i| i.ok).count(); let c = Ordering::SeqCst; COUNTER.fetch_add(1, Ordering::SeqCst);`,
  `let cl = Box::new(|x: i32| x * 2) as Box<dyn Fn(i32) -> i32 + Send>; let n = x.min(3).max(1);`,
  `if let Some(x) = a && x > 3 { }`,
  `let _ = async move |x| x;`,
  `_ = foo(); let x: (i32, f64) = (1, 2.0); let f = 1.0.max(2.0); let t = 1.max(2);`,
];

export const ALL_SNIPPETS: readonly string[] = [...ITEM_SNIPPETS, ...STMT_SNIPPETS.map(inMain)];
