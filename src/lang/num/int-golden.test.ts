/**
 * Integer semantics against rustc 1.95 (debug build, overflow checks on). The rows in
 * testdata/int-golden.json were printed by a throwaway Rust program: for each type, edge and
 * pseudo-random operands, every operator and method family, with results Debug-formatted and
 * panics as `panic:<message>`. The Rust program is not part of the repository.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { intToFloat } from './cast.ts';
import {
  absDiff,
  checkedNextPowerOfTwo,
  checkedOp,
  countOnes,
  countZeros,
  ilog,
  intMax,
  intMin,
  intOp,
  type IntOp,
  isPowerOfTwo,
  isqrt,
  leadingOnes,
  leadingZeros,
  nextPowerOfTwo,
  overflowingOp,
  rotateLeft,
  rotateRight,
  saturatingOp,
  signum,
  trailingOnes,
  trailingZeros,
  wrappingOp,
} from './int-ops.ts';
import { INT_TYPES, type IntType, type IntValue, isIntName, normBig, unsignedOf } from './int-type.ts';
import { NumPanic } from './panic.ts';

type Row = [string, string, string, string, string];

const FILE = process.env.INT_GOLDEN ?? new URL('./testdata/int-golden.json', import.meta.url).pathname;

function loadRows(): Row[] {
  const text = readFileSync(FILE, 'utf8').trim();
  // The committed file is a JSON array; the generator's raw output is rows ending in commas.
  return JSON.parse(/^\[\s*\[/.test(text) ? text : '[' + text.replace(/,$/, '') + ']') as Row[];
}

type Result = IntValue | boolean | string | undefined | [IntValue, boolean];

function show(r: Result, option: boolean): string {
  if (option) return r === undefined ? 'None' : `Some(${show(r, false)})`;
  if (Array.isArray(r)) return `(${String(r[0])}, ${String(r[1])})`;
  if (typeof r === 'string') return JSON.stringify(r);
  return String(r);
}

function bitsHex(x: number, f32: boolean): string {
  const v = new DataView(new ArrayBuffer(8));
  if (f32) {
    v.setFloat32(0, x);
    return v.getUint32(0).toString(16).padStart(8, '0');
  }
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16).padStart(16, '0');
}

const FAMILY_OPS: Record<string, IntOp> = {
  add: 'add',
  sub: 'sub',
  mul: 'mul',
  div: 'div',
  rem: 'rem',
  shl: 'shl',
  shr: 'shr',
  pow: 'pow',
  rem_euclid: 'remEuclid',
  div_euclid: 'divEuclid',
  neg: 'neg',
  abs: 'abs',
};

/** Runs one row's operation; returns [result, isOption]. */
function evaluate(t: IntType, op: string, a: IntValue, bText: string): [Result, boolean] {
  const b: IntValue = bText === '' ? 0 : normBig(BigInt(bText));
  const n = Number(bText);
  switch (op) {
    case 'add':
      return [t.add(a, b), false];
    case 'sub':
      return [t.sub(a, b), false];
    case 'mul':
      return [t.mul(a, b), false];
    case 'div':
      return [t.div(a, b), false];
    case 'rem':
      return [t.rem(a, b), false];
    case 'shl':
      return [t.shl(a, n), false];
    case 'shr':
      return [t.shr(a, n), false];
    case 'neg':
      return [t.neg(a), false];
    case 'not':
      return [t.not(a), false];
    case 'and':
      return [t.and(a, b), false];
    case 'or':
      return [t.or(a, b), false];
    case 'xor':
      return [t.xor(a, b), false];
    case 'pow':
    case 'abs':
    case 'rem_euclid':
    case 'div_euclid':
      return [intOp(t, FAMILY_OPS[op], a, b), false];
    case 'abs_diff':
      return [absDiff(t, a, b), false];
    case 'min':
      return [intMin(a, b), false];
    case 'max':
      return [intMax(a, b), false];
    case 'rotate_left':
      return [rotateLeft(t, a, n), false];
    case 'rotate_right':
      return [rotateRight(t, a, n), false];
    case 'count_ones':
      return [countOnes(t, a), false];
    case 'count_zeros':
      return [countZeros(t, a), false];
    case 'leading_zeros':
      return [leadingZeros(t, a), false];
    case 'trailing_zeros':
      return [trailingZeros(t, a), false];
    case 'leading_ones':
      return [leadingOnes(t, a), false];
    case 'trailing_ones':
      return [trailingOnes(t, a), false];
    case 'isqrt':
      return [isqrt(a), false];
    case 'ilog10':
    case 'ilog2':
    case 'ilog3':
      return [a > 0 ? ilog(a, Number(op.slice(4))) : undefined, true];
    case 'signum':
      return [signum(a), false];
    case 'unsigned_abs':
      return [unsignedOf(t).wrap(a < 0 ? normBig(-BigInt(a)) : a), false];
    case 'is_positive':
      return [a > 0, false];
    case 'is_negative':
      return [a < 0, false];
    case 'is_power_of_two':
      return [isPowerOfTwo(t, a), false];
    case 'next_power_of_two':
      return [nextPowerOfTwo(t, a), false];
    case 'checked_next_power_of_two':
      return [checkedNextPowerOfTwo(t, a), true];
    case 'as_f32':
      return [bitsHex(intToFloat('f32', a), true), false];
    case 'as_f64':
      return [bitsHex(intToFloat('f64', a), false), false];
    default:
      break;
  }
  if (op.startsWith('as_')) {
    const to = op.slice(3);
    if (!isIntName(to)) throw new Error(op);
    return [INT_TYPES[to].wrap(a), false];
  }
  const [family, ...rest] = op.split('_');
  const base = FAMILY_OPS[rest.join('_')];
  if (base === undefined) throw new Error(`unknown op ${op}`);
  switch (family) {
    case 'checked':
      return [checkedOp(t, base, a, b), true];
    case 'wrapping':
      return [wrappingOp(t, base, a, b), false];
    case 'saturating':
      return [saturatingOp(t, base, a, b), false];
    case 'overflowing':
      return [overflowingOp(t, base, a, b), false];
    default:
      throw new Error(`unknown op ${op}`);
  }
}

function run(row: Row): string {
  const [typeName, op, aText, bText] = row;
  if (!isIntName(typeName)) throw new Error(typeName);
  const t = INT_TYPES[typeName];
  try {
    const [r, option] = evaluate(t, op, normBig(BigInt(aText)), bText);
    return show(r, option);
  } catch (e) {
    if (e instanceof NumPanic) return 'panic:' + e.message;
    throw e;
  }
}

describe('integer arithmetic matches rustc', () => {
  const rows = loadRows();
  test(`${rows.length} golden rows`, () => {
    const failures = rows.filter((row) => run(row) !== row[4]).map((row) => `${JSON.stringify(row)} → ${run(row)}`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(rows.length).toBeGreaterThan(1000);
  });
});
