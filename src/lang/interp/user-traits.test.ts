/**
 * User impls of the std operator traits (\`Add\`, \`Sub\`, \`Mul\`, \`Div\`, \`Rem\`, \`Neg\`),
 * \`Iterator\`, and \`Eq\` / \`PartialOrd\` / \`Ord\`, as the checker admits them. The expected output
 * was printed by the same program compiled with rustc 1.95.
 */
import { describe, expect, it } from 'vitest';
import { stdoutOf } from './test-support.ts';

const PROGRAM = `use std::cmp::Ordering;
use std::ops::{Add, Mul, Sub, Div, Rem, Neg};
#[derive(Debug, Clone, Copy, PartialEq)]
struct V(i32, i32);
impl Add for V { type Output = V; fn add(self, o: V) -> V { V(self.0 + o.0, self.1 + o.1) } }
impl Sub for V { type Output = V; fn sub(self, o: V) -> V { V(self.0 - o.0, self.1 - o.1) } }
impl Mul<i32> for V { type Output = V; fn mul(self, k: i32) -> V { V(self.0 * k, self.1 * k) } }
impl Div<i32> for V { type Output = V; fn div(self, k: i32) -> V { V(self.0 / k, self.1 / k) } }
impl Rem<i32> for V { type Output = V; fn rem(self, k: i32) -> V { V(self.0 % k, self.1 % k) } }
impl Neg for V { type Output = V; fn neg(self) -> V { V(-self.0, -self.1) } }
struct Count { n: u32 }
impl Iterator for Count {
    type Item = u32;
    fn next(&mut self) -> Option<u32> { if self.n < 4 { self.n += 1; Some(self.n) } else { None } }
}
#[derive(Debug, PartialEq)]
struct P { pri: u32, name: &'static str }
impl Eq for P {}
impl PartialOrd for P { fn partial_cmp(&self, o: &Self) -> Option<Ordering> { Some(self.cmp(o)) } }
impl Ord for P { fn cmp(&self, o: &Self) -> Ordering { o.pri.cmp(&self.pri).then_with(|| self.name.cmp(o.name)) } }
fn main() {
    let a = V(1, 2);
    let b = V(3, 5);
    println!("{:?} {:?} {:?} {:?} {:?} {:?}", a + b, b - a, a * 3, b / 2, b % 2, -a);
    let c = Count { n: 0 };
    let v: Vec<u32> = c.map(|x| x * 10).collect();
    println!("{:?} {}", v, Count { n: 1 }.sum::<u32>());
    for x in (Count { n: 2 }) { print!("{} ", x); }
    println!();
    let mut ps = vec![P { pri: 1, name: "b" }, P { pri: 3, name: "z" }, P { pri: 1, name: "a" }];
    ps.sort();
    println!("{:?}", ps.iter().map(|p| p.name).collect::<Vec<_>>());
    println!("{} {} {:?}", P { pri: 1, name: "a" } < P { pri: 2, name: "a" }, P { pri: 1, name: "a" } == P { pri: 1, name: "a" }, ps.iter().max().map(|p| p.name));
}

`;

const RUSTC_STDOUT = `V(4, 7) V(2, 3) V(3, 6) V(1, 2) V(1, 1) V(-1, -2)
[10, 20, 30, 40] 9
3 4 
["z", "a", "b"]
false true Some("b")
`;

describe('user impls of std traits', () => {
  it('runs operators, a user iterator with adapters and for, and a user Ord in sort / < / max', () => {
    expect(stdoutOf(PROGRAM)).toBe(RUSTC_STDOUT);
  });
});
