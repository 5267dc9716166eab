/**
 * \`std::cmp::Reverse\` (construction, patterns, order inside tuples and sorts) and \`Ordering\`'s
 * methods. The expected output was printed by the same program compiled with rustc 1.95.
 */
import { describe, expect, it } from 'vitest';
import { stdoutOf } from '../test-support.ts';

const PROGRAM = `use std::cmp::{Ordering, Reverse};
fn main() {
    let mut v = vec![3, 1, 2];
    v.sort_by_key(|x| Reverse(*x));
    println!("{:?}", v);
    let r = Reverse(2);
    println!("{:?} {} {} {} {}", r, Reverse(1) > Reverse(2), r == Reverse(2), r.0, Reverse("a") < Reverse("b"));
    let Reverse(y) = r;
    let std::cmp::Reverse(z) = Reverse(7);
    println!("{} {} {:?}", y, z, Reverse(1).cmp(&Reverse(2)));
    let mut t = vec![(1, "b"), (2, "a"), (1, "a")];
    t.sort_by_key(|&(n, s)| (Reverse(n), s));
    println!("{:?} {:?}", t, [Reverse(4), Reverse(9), Reverse(1)].iter().max());
    let mut words = vec![("a", 3), ("b", 2), ("c", 3), ("d", 1)];
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("{:?}", words);
    words.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)));
    println!("{:?}", words);
    words.sort_by(|a, b| a.1.cmp(&b.1).reverse());
    println!("{:?}", words);
    let os = [Ordering::Less, Ordering::Equal, Ordering::Greater];
    for o in os {
        println!("{:?} rev={:?} eq={} ne={} lt={} gt={} le={} ge={} then={:?}", o, o.reverse(), o.is_eq(), o.is_ne(), o.is_lt(), o.is_gt(), o.is_le(), o.is_ge(), o.then(Ordering::Less));
    }
}
`;

const RUSTC_STDOUT = `[3, 2, 1]
Reverse(2) true true 2 false
2 7 Greater
[(2, "a"), (1, "a"), (1, "b")] Some(Reverse(1))
[("a", 3), ("c", 3), ("b", 2), ("d", 1)]
[("d", 1), ("b", 2), ("c", 3), ("a", 3)]
[("c", 3), ("a", 3), ("b", 2), ("d", 1)]
Less rev=Greater eq=false ne=true lt=true gt=false le=true ge=false then=Less
Equal rev=Equal eq=true ne=false lt=false gt=false le=true ge=true then=Less
Greater rev=Less eq=false ne=true lt=false gt=true le=false ge=true then=Greater
`;

describe('std::cmp', () => {
  it('orders Reverse backwards and runs Ordering::then / then_with / reverse / is_*', () => {
    expect(stdoutOf(PROGRAM)).toBe(RUSTC_STDOUT);
  });

  it('destructures a tuple struct in an irrefutable let, and refuses a refutable one', () => {
    expect(
      stdoutOf('struct W(i32, &\'static str);\nfn main() { let W(n, s) = W(2, "x"); println!("{} {}", n, s); }'),
    ).toBe('2 x\n');
    expect(() => stdoutOf('struct W(i32);\nfn main() { let W(1) = W(2); }')).toThrow('refutable pattern');
  });
});
