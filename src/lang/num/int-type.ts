/**
 * Rust's integer types and their debug-build arithmetic (overflow checks on, as `cargo run`).
 *
 * Representation (`IntValue = number | bigint`), one canonical form per value so `===` is equality:
 * - i8..i32 and u8..u32: always a JS number.
 * - i64, u64, isize, usize (64-bit, as on the machines that produced the golden outputs), i128,
 *   u128: a JS number while the value is a safe integer (|v| ≤ 2^53 − 1), a bigint beyond that.
 * So the hot paths (`i += 1`, indexing, counters) stay on numbers and never allocate; only values
 * past 2^53 pay for bigint. Never build a bigint for a safe value: go through `norm`/`fromBig`.
 * `<`, `<=`, `>`, `>=` work across number and bigint, so comparisons need no helper.
 */
import { NumPanic } from './panic.ts';

export type IntValue = number | bigint;

export type IntName = 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'isize' | 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'usize';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
const MIN_SAFE_BIG = -MAX_SAFE_BIG;

export function toBig(v: IntValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** Canonical form of an exact integer: a number when safe, else the bigint. */
export function normBig(x: bigint): IntValue {
  return x >= MIN_SAFE_BIG && x <= MAX_SAFE_BIG ? Number(x) : x;
}

export class IntType {
  readonly name: IntName;
  readonly bits: number;
  readonly signed: boolean;
  /** bits ≤ 32: every value is a number and number arithmetic is exact. */
  readonly small: boolean;
  readonly minBig: bigint;
  readonly maxBig: bigint;
  /** The range a number result may take and stay canonical without a range check in bigint. */
  readonly loN: number;
  readonly hiN: number;
  /** MIN as a number, or NaN when MIN is a bigint (so `a === minNum` is the number-side test). */
  private readonly minNum: number;

  constructor(name: IntName, bits: number, signed: boolean) {
    this.name = name;
    this.bits = bits;
    this.signed = signed;
    this.small = bits <= 32;
    this.minBig = signed ? -(1n << BigInt(bits - 1)) : 0n;
    this.maxBig = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
    this.loN = this.small ? Number(this.minBig) : signed ? -MAX_SAFE : 0;
    this.hiN = this.small ? Number(this.maxBig) : MAX_SAFE;
    this.minNum = this.small || !signed ? Number(this.minBig) : NaN;
  }

  // MIN and MAX are getters, not fields: a field holding a number in one type and a bigint in
  // another would give the instances different hidden classes and make every operator call
  // site polymorphic.
  get min(): IntValue {
    return normBig(this.minBig);
  }

  get max(): IntValue {
    return normBig(this.maxBig);
  }

  /** Is `a` this type's MIN? (Only signed MIN matters to the division checks.) */
  private isMin(a: IntValue): boolean {
    return typeof a === 'number' ? a === this.minNum : a === this.minBig;
  }

  /** Is the exact integer `x` a value of this type? */
  inRange(x: bigint): boolean {
    return x >= this.minBig && x <= this.maxBig;
  }

  /** The value of this type whose bits are the low `bits` bits of `x` (an `as` cast). */
  wrapBig(x: bigint): IntValue {
    return normBig(this.signed ? BigInt.asIntN(this.bits, x) : BigInt.asUintN(this.bits, x));
  }

  /** Wraps any integer (number or bigint) into this type, as `as` does between integer types. */
  wrap(v: IntValue): IntValue {
    if (typeof v === 'number') {
      if (v >= this.loN && v <= this.hiN) return v;
      switch (this.name) {
        case 'i32':
          if (Number.isSafeInteger(v)) return v | 0;
          break;
        case 'u32':
          if (Number.isSafeInteger(v)) return v >>> 0;
          break;
        case 'i16':
          return Number(BigInt.asIntN(16, BigInt(v)));
        case 'u16':
          return Number(BigInt.asUintN(16, BigInt(v)));
        case 'i8':
          return Number(BigInt.asIntN(8, BigInt(v)));
        case 'u8':
          return Number(BigInt.asUintN(8, BigInt(v)));
        default:
          break;
      }
    }
    return this.wrapBig(toBig(v));
  }

  /** Canonical value of an exact integer known to be in range, or a panic with `kind`. */
  private checked(x: bigint, kind: 'add' | 'sub' | 'mul'): IntValue {
    if (x < this.minBig || x > this.maxBig) throw new NumPanic(kind);
    return normBig(x);
  }

  add(a: IntValue, b: IntValue): IntValue {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a + b;
      if (r >= this.loN && r <= this.hiN) return r;
      if (this.small) throw new NumPanic('add');
    }
    return this.checked(toBig(a) + toBig(b), 'add');
  }

  sub(a: IntValue, b: IntValue): IntValue {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a - b;
      if (r >= this.loN && r <= this.hiN) return r;
      if (this.small) throw new NumPanic('sub');
    }
    return this.checked(toBig(a) - toBig(b), 'sub');
  }

  mul(a: IntValue, b: IntValue): IntValue {
    if (typeof a === 'number' && typeof b === 'number') {
      // A float product within ±2^53 is exact; beyond it, it cannot be in a small type's range.
      const r = a * b;
      if (r >= this.loN && r <= this.hiN) return r === 0 ? 0 : r;
      if (this.small) throw new NumPanic('mul');
    }
    return this.checked(toBig(a) * toBig(b), 'mul');
  }

  div(a: IntValue, b: IntValue): IntValue {
    if (b === 0) throw new NumPanic('divZero');
    if (b === -1 && this.signed && this.isMin(a)) throw new NumPanic('div');
    if (typeof a === 'number' && typeof b === 'number') {
      const q = (a - (a % b)) / b; // exact: a − a % b is a multiple of b
      return q === 0 ? 0 : q;
    }
    return normBig(toBig(a) / toBig(b));
  }

  rem(a: IntValue, b: IntValue): IntValue {
    if (b === 0) throw new NumPanic('remZero');
    if (b === -1 && this.signed && this.isMin(a)) throw new NumPanic('rem');
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a % b;
      return r === 0 ? 0 : r;
    }
    return normBig(toBig(a) % toBig(b));
  }

  neg(a: IntValue): IntValue {
    if (!this.signed) {
      if (a === 0) return 0;
      throw new NumPanic('neg');
    }
    if (this.isMin(a)) throw new NumPanic('neg');
    return typeof a === 'number' ? 0 - a : normBig(-a);
  }

  /** The shift amount as a number in 0..bits, or -1 when Rust's shift check fails. */
  private shiftAmount(s: IntValue): number {
    return typeof s === 'number' && s >= 0 && s < this.bits ? s : -1;
  }

  /** `a << s`: panics when `s` is negative or ≥ bits; bits shifted out are lost (no value check). */
  shl(a: IntValue, s: IntValue): IntValue {
    const n = this.shiftAmount(s);
    if (n < 0) throw new NumPanic('shl');
    return this.shlWrapping(a, n);
  }

  /** `a >> s`: arithmetic for signed types, logical for unsigned; panics like `shl`. */
  shr(a: IntValue, s: IntValue): IntValue {
    const n = this.shiftAmount(s);
    if (n < 0) throw new NumPanic('shr');
    return this.shrWrapping(a, n);
  }

  /** `a << n` for 0 ≤ n < bits. */
  shlWrapping(a: IntValue, n: number): IntValue {
    if (typeof a === 'number') {
      const r = a * 2 ** n;
      if (r >= this.loN && r <= this.hiN) return r;
      if (this.name === 'i32') return a << n;
      if (this.name === 'u32') return (a << n) >>> 0;
    }
    return this.wrapBig(toBig(a) << BigInt(n));
  }

  /** `a >> n` for 0 ≤ n < bits (values are in range, so floor division is the right shift). */
  shrWrapping(a: IntValue, n: number): IntValue {
    if (typeof a === 'number') return Math.floor(a / 2 ** n);
    return normBig(a >> BigInt(n));
  }

  and(a: IntValue, b: IntValue): IntValue {
    if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) {
      return a & b;
    }
    return this.wrapBig(toBig(a) & toBig(b));
  }

  or(a: IntValue, b: IntValue): IntValue {
    if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) {
      return a | b;
    }
    return this.wrapBig(toBig(a) | toBig(b));
  }

  xor(a: IntValue, b: IntValue): IntValue {
    if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) {
      return a ^ b;
    }
    return this.wrapBig(toBig(a) ^ toBig(b));
  }

  /** `!a` (bitwise not). */
  not(a: IntValue): IntValue {
    if (typeof a === 'number') {
      if (this.signed) {
        const r = -a - 1;
        if (r >= this.loN && r <= this.hiN) return r;
      } else if (this.small) {
        return this.hiN - a;
      }
    }
    return this.wrapBig(~toBig(a));
  }

  /** The value as the unsigned integer with the same bits (two's complement), as a bigint. */
  toUnsignedBits(a: IntValue): bigint {
    return BigInt.asUintN(this.bits, toBig(a));
  }
}

export const I8 = new IntType('i8', 8, true);
export const I16 = new IntType('i16', 16, true);
export const I32 = new IntType('i32', 32, true);
export const I64 = new IntType('i64', 64, true);
export const I128 = new IntType('i128', 128, true);
export const ISIZE = new IntType('isize', 64, true);
export const U8 = new IntType('u8', 8, false);
export const U16 = new IntType('u16', 16, false);
export const U32 = new IntType('u32', 32, false);
export const U64 = new IntType('u64', 64, false);
export const U128 = new IntType('u128', 128, false);
export const USIZE = new IntType('usize', 64, false);

export const INT_TYPES: Readonly<Record<IntName, IntType>> = {
  i8: I8,
  i16: I16,
  i32: I32,
  i64: I64,
  i128: I128,
  isize: ISIZE,
  u8: U8,
  u16: U16,
  u32: U32,
  u64: U64,
  u128: U128,
  usize: USIZE,
};

export function isIntName(s: string): s is IntName {
  return Object.prototype.hasOwnProperty.call(INT_TYPES, s);
}

/** The unsigned type of the same width (`i32::abs_diff` returns `u32`, etc.). */
export function unsignedOf(t: IntType): IntType {
  switch (t.name) {
    case 'i8':
      return U8;
    case 'i16':
      return U16;
    case 'i32':
      return U32;
    case 'i64':
      return U64;
    case 'i128':
      return U128;
    case 'isize':
      return USIZE;
    default:
      return t;
  }
}
