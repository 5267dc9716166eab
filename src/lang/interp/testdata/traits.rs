// nocheck: the checker does not admit `impl Add` / `impl Iterator` yet
use std::ops::{Add, Mul};
use std::fmt;
#[derive(Debug, Clone, Copy, PartialEq)]
struct V2 { x: i32, y: i32 }
impl Add for V2 { type Output = V2; fn add(self, o: V2) -> V2 { V2 { x: self.x + o.x, y: self.y + o.y } } }
impl Mul<i32> for V2 { type Output = V2; fn mul(self, k: i32) -> V2 { V2 { x: self.x * k, y: self.y * k } } }
impl fmt::Display for V2 { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "({}, {})", self.x, self.y) } }
struct Counter { n: u32 }
impl Iterator for Counter {
    type Item = u32;
    fn next(&mut self) -> Option<u32> { if self.n < 5 { self.n += 1; Some(self.n) } else { None } }
}
trait Animal { fn name(&self) -> String; fn speak(&self) -> String { format!("{} makes a sound", self.name()) } }
struct Dog; struct Cat { lives: u8 }
impl Animal for Dog { fn name(&self) -> String { "Dog".into() } fn speak(&self) -> String { "Woof".to_string() } }
impl Animal for Cat { fn name(&self) -> String { format!("Cat{}", self.lives) } }
fn describe(a: &dyn Animal) -> String { a.speak() }
fn largest<T: PartialOrd + Copy>(xs: &[T]) -> T { let mut m = xs[0]; for &x in xs { if x > m { m = x; } } m }
struct Celsius(f64);
struct Fahrenheit(f64);
impl From<Celsius> for Fahrenheit { fn from(c: Celsius) -> Self { Fahrenheit(c.0 * 9.0 / 5.0 + 32.0) } }
#[derive(Debug)]
enum AppError { NotFound(String), Invalid { code: u16 } }
impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self { AppError::NotFound(s) => write!(f, "not found: {}", s), AppError::Invalid { code } => write!(f, "invalid {}", code) }
    }
}
impl From<std::num::ParseIntError> for AppError { fn from(_: std::num::ParseIntError) -> Self { AppError::Invalid { code: 400 } } }
fn parse_id(s: &str) -> Result<u32, AppError> {
    if s.is_empty() { return Err(AppError::NotFound("empty".into())); }
    let n: u32 = s.parse()?;
    Ok(n)
}
struct Stack<T> { items: Vec<T> }
impl<T: fmt::Debug> Stack<T> {
    fn new() -> Self { Stack { items: Vec::new() } }
    fn push(&mut self, t: T) { self.items.push(t); }
    fn pop(&mut self) -> Option<T> { self.items.pop() }
    fn peek(&self) -> Option<&T> { self.items.last() }
    fn len(&self) -> usize { self.items.len() }
}
fn apply<F: Fn(i32) -> i32>(f: F, v: i32) -> i32 { f(v) }
fn make_adder(n: i32) -> impl Fn(i32) -> i32 { move |x| x + n }
fn make_boxed(n: i32) -> Box<dyn Fn(i32) -> i32> { Box::new(move |x| x * n) }
fn main() {
    let a = V2 { x: 1, y: 2 };
    let b = a + V2 { x: 10, y: 20 } * 2;
    println!("{} {:?} {}", b, a, a == V2 { x: 1, y: 2 });
    let total: u32 = Counter { n: 0 }.sum();
    let v: Vec<u32> = Counter { n: 2 }.map(|x| x * 10).collect();
    println!("{} {:?}", total, v);
    for c in (Counter { n: 3 }) { print!("{} ", c); }
    println!();
    let zoo: Vec<Box<dyn Animal>> = vec![Box::new(Dog), Box::new(Cat { lives: 9 })];
    for z in zoo.iter() { println!("{}", describe(z.as_ref())); }
    println!("{} {} {}", largest(&[3, 7, 2]), largest(&[1.5, 0.5]), largest(&['x', 'b']));
    let f: Fahrenheit = Celsius(100.0).into();
    let f2 = Fahrenheit::from(Celsius(0.0));
    println!("{} {}", f.0, f2.0);
    for s in ["42", "", "x1"] {
        match parse_id(s) { Ok(n) => println!("id {}", n), Err(e) => println!("error: {} ({:?})", e, e) }
    }
    let mut st: Stack<&str> = Stack::new();
    st.push("a"); st.push("b");
    println!("{:?}", st.peek()); println!("{:?} {}", st.pop(), st.len());
    let double = |x| x * 2;
    let mut counter = 0;
    let mut inc = || { counter += 1; counter };
    inc(); inc();
    println!("{} {} {} {} {}", apply(double, 4), make_adder(3)(4), make_boxed(5)(6), inc(), counter);
    let fs: Vec<Box<dyn Fn(i32) -> i32>> = vec![Box::new(|x| x + 1), Box::new(|x| x * x)];
    println!("{:?}", fs.iter().map(|f| f(7)).collect::<Vec<_>>());
    let mut names = vec!["zed".to_string(), "amy".to_string(), "Bob".to_string()];
    names.sort_by_key(|s| s.to_lowercase());
    println!("{:?}", names);
    let lens: Vec<(String, usize)> = names.into_iter().map(|n| { let l = n.len(); (n, l) }).collect();
    println!("{:?}", lens);
}
