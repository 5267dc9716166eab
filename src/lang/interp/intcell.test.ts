/**
 * Integer typing: unification of literals with annotations, suffixes, parameters and fields, the
 * i32 default, the lenient i64 for untyped sources; and a seeded property test of debug-build
 * arithmetic (value or Rust's overflow panic) against exact BigInt arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { I32, I64, U8 } from '../num/int-type.ts';
import { IntCells } from './intcell.ts';
import { runRust } from './test-support.ts';

describe('IntCells', () => {
  it('defaults unconstrained literals to i32 and takes a fixed type through unification', () => {
    const cells = new IntCells();
    const a = cells.lit();
    const b = cells.lit();
    const c = cells.lit();
    cells.unify(a, b);
    cells.unify(b, cells.of(U8));
    cells.finalize();
    expect(a.t).toBe(U8);
    expect(b.t).toBe(U8);
    expect(c.t).toBe(I32);
  });

  it('is lenient (i64) when a member came from an untyped source', () => {
    const cells = new IntCells();
    const a = cells.lit();
    cells.unify(a, cells.unknown());
    cells.finalize();
    expect(a.t).toBe(I64);
  });
});

describe('integer types in programs', () => {
  it('types a variable from its later use with a typed parameter', () => {
    const r = runRust(`fn take(x: u8) -> u8 { x }
fn main() {
    let n = 250;
    let m = n + 10;
    println!("{}", take(m));
}
`);
    expect(r.stderr).toContain('attempt to add with overflow');
  });

  it('uses usize for len() so `len - 1` on an empty Vec panics', () => {
    const r = runRust(`fn main() {
    let v: Vec<i32> = Vec::new();
    let last = v.len() - 1;
    println!("{}", last);
}
`);
    expect(r.stderr).toContain('attempt to subtract with overflow');
  });

  it('computes u64 results past 2^53 exactly', () => {
    const r = runRust(`fn main() {
    let big: u64 = 1 << 60;
    println!("{} {}", big + 7, u64::MAX);
}
`);
    expect(r.stdout).toBe('1152921504606846983 18446744073709551615\n');
  });
});

const TYPES: Record<string, [bigint, bigint]> = {
  u8: [0n, 255n],
  i8: [-128n, 127n],
  u32: [0n, 4294967295n],
  i32: [-2147483648n, 2147483647n],
};

describe('arithmetic property (seeded)', () => {
  it('matches exact arithmetic or panics exactly when Rust does', () => {
    const arb = fc
      .constantFrom('u8', 'i8', 'u32', 'i32')
      .chain((t) =>
        fc.tuple(
          fc.constant(t),
          fc.bigInt({ min: TYPES[t][0], max: TYPES[t][1] }),
          fc.bigInt({ min: TYPES[t][0], max: TYPES[t][1] }),
          fc.constantFrom('+', '-', '*'),
        ),
      );
    fc.assert(
      fc.property(arb, ([t, a, b, op]) => {
        const [lo, hi] = TYPES[t];
        const exact = op === '+' ? a + b : op === '-' ? a - b : a * b;
        const r = runRust(
          `fn main() {
    let a: ${t} = std::hint::black_box(${a});
    let b: ${t} = ${b < 0n ? `(${b})` : b};
    println!("{}", a ${op} b);
}
`,
          { check: false },
        );
        if (exact < lo || exact > hi) {
          const word = op === '+' ? 'add' : op === '-' ? 'subtract' : 'multiply';
          return r.exitCode === 101 && r.stderr.includes(`attempt to ${word} with overflow`);
        }
        return r.exitCode === 0 && r.stdout === `${exact}\n`;
      }),
      { seed: 20251122, numRuns: 60 },
    );
  });
});
