/**
 * Borrows that a move or an assignment breaks (E0505, E0506); results only the context can type
 * (`collect()`, `into()`, `sum()`, `Default::default()`), the numeric constants, and closures
 * handed to iterator adapters. Codes and positions are what
 * rustc 1.95 printed for these exact programs (`rustc --edition 2021`).
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../syntax/parser.ts';
import { checkTypes } from './index.ts';

function firstError(source: string): string {
  const parsed = parseProgram(source, 'src/main.rs');
  if (!parsed.ok) throw new Error('parse error');
  const d = checkTypes(parsed.program).errors[0];
  return d === undefined ? 'ok' : `${d.code ?? '-'} ${d.line}:${d.col} ${d.message}`;
}

describe('type annotations needed', () => {
  it('collect() that only a println! uses: E0283 at the binding', () => {
    expect(
      firstError(`fn main() {
    let v = vec![3, 1];
    let sorted = v.into_iter().rev().collect();
    println!("{:?}", sorted);
}
`),
    ).toBe('E0283 3:9 type annotations needed');
  });

  it('into() whose result has a method called on it: E0282 at the binding', () => {
    expect(
      firstError(`fn main() {
    let n: u8 = 4;
    let total = n.into();
    println!("{}", total.count_ones());
}
`),
    ).toBe('E0282 3:9 type annotations needed');
  });

  it('Default::default() with no expected type: E0790 at the path', () => {
    expect(
      firstError(`fn main() {
    let x = Default::default();
    println!("{}", x);
}
`),
    ).toBe('E0790 2:13 cannot call associated function on trait without specifying the corresponding `impl` type');
  });

  it('a later annotation types collect(), into() and Default::default() (rustc accepts)', () => {
    expect(
      firstError(`fn main() {
    let v = (1..4).collect();
    let w: Vec<i32> = v;
    let s = "x";
    let t = s.into();
    let u: String = t;
    let d = Default::default();
    let e: u8 = d;
    println!("{:?} {} {}", w, u, e);
}
`),
    ).toBe('ok');
  });
});

describe('numeric constants and adapter closures', () => {
  it('i32::MIN is an i32: passing it as a u64 is E0308 at the argument', () => {
    expect(
      firstError(`fn take(x: u64) -> u64 { x }
fn main() {
    let low = i32::MIN;
    println!("{}", take(low));
}
`),
    ).toBe('E0308 4:25 mismatched types');
  });

  it('a closure passed to map takes the item type, so its literal is a u64 (rustc accepts)', () => {
    expect(
      firstError(`fn main() {
    let v: Vec<u64> = vec![1, 2];
    let big: Vec<u64> = v.iter().map(|x| x * 10_000_000_000).collect();
    let m = i32::MIN;
    let n: i64 = m.into();
    println!("{:?} {}", big, n);
}
`),
    ).toBe('ok');
  });
});

describe('moves and assignments while borrowed', () => {
  it('a Vec passed by value while an element is borrowed: E0505 at the argument', () => {
    expect(
      firstError(`fn consume(v: Vec<u8>) -> usize { v.len() }
fn main() {
    let data = vec![1u8, 2];
    let head = &data[0];
    let n = consume(data);
    println!("{} {}", head, n);
}
`),
    ).toBe('E0505 5:21 cannot move out of `data` because it is borrowed');
  });

  it('a compound assignment while a shared borrow lives: E0506 at the assignment', () => {
    expect(
      firstError(`fn main() {
    let mut level = 1;
    let seen = &level;
    level += 2;
    println!("{}", seen);
}
`),
    ).toBe('E0506 4:5 cannot assign to `level` because it is borrowed');
  });

  it('assigning or moving once the borrow is last used is fine (rustc accepts)', () => {
    expect(
      firstError(`fn main() {
    let mut level = 1;
    let seen = &level;
    println!("{}", seen);
    level = 2;
    let s = String::from("a");
    let r = &s;
    println!("{}", r);
    let t = s;
    println!("{} {}", level, t);
}
`),
    ).toBe('ok');
  });
});
