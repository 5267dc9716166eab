use std::collections::HashMap;
use std::fmt;
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Color { Red, Green, Blue }
#[derive(Debug, Clone, PartialEq, Default)]
struct Config { name: String, retries: u32, verbose: bool }
#[derive(Debug)]
enum Shape { Circle { r: f64 }, Rect(f64, f64), Empty }
impl Shape {
    fn area(&self) -> f64 {
        match self { Shape::Circle { r } => 3.14 * r * r, Shape::Rect(w, h) => w * h, Shape::Empty => 0.0 }
    }
}
struct Matrix { rows: Vec<Vec<i32>> }
impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for row in &self.rows {
            let strs: Vec<String> = row.iter().map(|x| format!("{:>3}", x)).collect();
            writeln!(f, "[{}]", strs.join(","))?;
        }
        Ok(())
    }
}
fn fib(n: u64) -> u64 { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }
fn divide(a: i32, b: i32) -> Option<i32> { if b == 0 { None } else { Some(a / b) } }
fn classify(n: i32) -> &'static str {
    match n { i32::MIN..=-1 => "neg", 0 => "zero", 1 | 2 | 3 => "small", x if x % 2 == 0 => "even", _ => "odd" }
}
fn main() {
    let c = Color::Green;
    println!("{:?} {} {}", c, c == Color::Green, c as i32);
    let mut colors = vec![Color::Blue, Color::Red, Color::Green];
    colors.sort();
    println!("{:?} max={:?}", colors, colors.iter().max());
    let cfg = Config { name: "svc".to_string(), ..Default::default() };
    let cfg2 = Config { retries: 3, ..cfg.clone() };
    println!("{:?}\n{:#?} eq={}", cfg, cfg2, cfg == cfg2);
    let shapes = vec![Shape::Circle { r: 1.0 }, Shape::Rect(2.0, 3.5), Shape::Empty];
    for s in &shapes { println!("{:?} area={:.3}", s, s.area()); }
    let m = Matrix { rows: vec![vec![1, 2, 3], vec![40, 50, 60]] };
    print!("{}", m);
    println!("fib(20)={}", fib(20));
    println!("{:?} {:?}", divide(7, 2), divide(1, 0));
    for n in [-5, 0, 2, 8, 9] { print!("{} ", classify(n)); }
    println!();
    let mut counts: HashMap<char, usize> = HashMap::new();
    for ch in "hello world".chars().filter(|c| c.is_alphabetic()) { *counts.entry(ch).or_insert(0) += 1; }
    let mut keys: Vec<_> = counts.iter().collect();
    keys.sort();
    println!("{:?}", keys);
    let nums = [3, 1, 4, 1, 5, 9, 2, 6];
    let evens: Vec<i32> = nums.iter().filter(|&&x| x % 2 == 0).cloned().collect();
    let sum: i32 = nums.iter().sum();
    let prod: i64 = nums.iter().map(|&x| x as i64).product();
    println!("{:?} {} {} {:?}", evens, sum, prod, nums.iter().position(|&x| x == 9));
    let (small, big): (Vec<i32>, Vec<i32>) = nums.iter().partition(|&&x| x < 4);
    println!("{:?} {:?}", small, big);
    let zipped: Vec<(usize, char)> = (0..3).zip("abc".chars()).collect();
    println!("{:?}", zipped);
    let s: String = vec!["a", "b", "c"].join("-");
    println!("{} {}", s, s.replace("-", "+"));
    let text = "line one\nline two\n";
    for (i, l) in text.lines().enumerate() { println!("{}: {}", i + 1, l); }
    let mut v2: Vec<i32> = (1..=10).rev().step_by(3).collect();
    v2.retain(|x| *x != 7);
    println!("{:?} {:?} {:?}", v2, v2.first(), v2.iter().rev().take(2).collect::<Vec<_>>());
    let words = vec!["apple", "bob", "kayak", "rust"];
    let pals: Vec<&&str> = words.iter().filter(|w| w.chars().rev().collect::<String>() == **w).collect();
    println!("{:?}", pals);
    let mut x = 5u8;
    x = x.wrapping_add(255);
    println!("{} {:?} {:?} {}", x, 200u8.checked_add(100), 5i32.checked_div(0), (-7i32).rem_euclid(3));
    println!("{:08.3} {:e} {:x} {:#b} {:>+6}", 3.14159f64, 1234.5f64, 255, 5, 42);
    let label = 'outer: loop {
        let mut i = 0;
        loop { i += 1; if i == 3 { break 'outer i * 10; } }
    };
    println!("label {}", label);
    let t = (1, "two", 3.0);
    let (a, b, cc) = t;
    println!("{} {} {} {:?}", a, b, cc, t);
    let opt: Option<Vec<i32>> = vec![Some(1), Some(2)].into_iter().collect();
    let res: Result<Vec<i32>, String> = vec![Ok(1), Err("bad".to_string())].into_iter().collect();
    println!("{:?} {:?}", opt, res);
    let nested = vec![vec![1, 2], vec![3]];
    let flat: Vec<i32> = nested.into_iter().flatten().collect();
    println!("{:?} {}", flat, flat.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(""));
    let mut arr = [5, 3, 8];
    arr.sort_by(|a, b| b.cmp(a));
    println!("{:?} {}", arr, arr.len());
    let mut s2 = String::new();
    for i in 0..3 { s2.push_str(&i.to_string()); s2.push(','); }
    s2.pop();
    println!("{} {}", s2, s2.contains("1,2"));
    if let [first, .., last] = &arr[..] { println!("first {} last {}", first, last); }
    let v3 = vec![1, 2, 3];
    let total = v3.iter().fold(0, |acc, x| acc + x);
    let strs = v3.iter().map(|n| format!("<{}>", n)).collect::<String>();
    println!("{} {}", total, strs);
    let r: Result<u32, std::num::ParseIntError> = "12a".parse::<u32>();
    match r { Ok(n) => println!("{}", n), Err(e) => println!("error: {} / {:?}", e, e) }
}
