/**
 * Float arithmetic, float methods, `as` casts from floats and `str::parse` against rustc 1.95 on
 * x86-64 Linux (glibc libm). Rows in testdata/float-golden.json came from a throwaway Rust
 * program: operands and results as IEEE bit patterns in hex, integers in decimal, parse results
 * as Rust's Debug. Transcendental functions are checked separately, in `libm` below, because JS's
 * Math may differ from glibc in the last bit; those rows are reported, not required.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { floatToFloat, floatToInt } from './cast.ts';
import type { FloatKind } from './cast.ts';
import {
  floatArith,
  floatBinary,
  floatMax,
  floatMin,
  floatMulAdd,
  floatPowf,
  floatPowi,
  floatUnary,
  isFloatUnaryName,
} from './float.ts';
import { INT_TYPES, isIntName } from './int-type.ts';
import { parseFloat, parseInt, parseIntErrorDebug, parseFloatErrorDebug } from './parse.ts';

type Row = [string, string, string, string, string];

const FILE = process.env.FLOAT_GOLDEN ?? new URL('./testdata/float-golden.json', import.meta.url).pathname;
const LIBM = new Set([
  'exp',
  'ln',
  'sin',
  'cos',
  'tan',
  'atan',
  'cbrt',
  'log10',
  'log2',
  'exp2',
  'powf',
  'atan2',
  'hypot',
]);

function loadRows(): Row[] {
  const text = readFileSync(FILE, 'utf8').trim();
  // The committed file is a JSON array; the generator's raw output is rows ending in commas.
  return JSON.parse(/^\[\s*\[/.test(text) ? text : '[' + text.replace(/,$/, '') + ']') as Row[];
}

const view = new DataView(new ArrayBuffer(8));

function fromHex(kind: FloatKind, hex: string): number {
  if (kind === 'f32') {
    view.setUint32(0, Number('0x' + hex));
    return view.getFloat32(0);
  }
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
}

function toHex(kind: FloatKind, x: number): string {
  if (kind === 'f32') {
    view.setFloat32(0, x);
    return view.getUint32(0).toString(16).padStart(8, '0');
  }
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

/** NaN payloads are not observable in JS; every NaN is printed as Rust's canonical quiet NaN. */
function canonicalNaN(kind: FloatKind, hex: string): string {
  const x = fromHex(kind, hex);
  return Number.isNaN(x) ? toHex(kind, NaN) : hex;
}

function run(row: Row): string {
  const [kindText, op, aText, bText] = row;
  if (op === 'parse') {
    if (isIntName(kindText)) {
      const r = parseInt(INT_TYPES[kindText], aText);
      return r.ok ? `Ok(${String(r.value)})` : `Err(${parseIntErrorDebug(r.kind)})`;
    }
    const r = parseFloat(kindText === 'f32' ? 'f32' : 'f64', aText);
    return r.ok ? toHex(kindText === 'f32' ? 'f32' : 'f64', r.value) : parseFloatErrorDebug(r.kind);
  }
  const kind: FloatKind = kindText === 'f32' ? 'f32' : 'f64';
  const a = fromHex(kind, aText);
  if (op.startsWith('as_')) {
    const to = op.slice(3);
    if (isIntName(to)) return String(floatToInt(INT_TYPES[to], a));
    const k: FloatKind = to === 'f32' ? 'f32' : 'f64';
    return toHex(k, floatToFloat(k, a));
  }
  if (op === 'powi') return toHex(kind, floatPowi(kind, a, Number(bText)));
  if (isFloatUnaryName(op)) return toHex(kind, floatUnary(kind, op, a));
  if (op === 'mul_add') {
    const [b, c] = bText.split(':');
    return toHex(kind, floatMulAdd(kind, a, fromHex(kind, b), fromHex(kind, c)));
  }
  const b = fromHex(kind, bText);
  switch (op) {
    case 'add':
    case 'sub':
    case 'mul':
    case 'div':
    case 'rem':
      return toHex(kind, floatArith(kind, op, a, b));
    case 'max':
      return toHex(kind, floatMax(a, b));
    case 'min':
      return toHex(kind, floatMin(a, b));
    case 'powf':
      return toHex(kind, floatPowf(kind, a, b));
    case 'atan2':
    case 'hypot':
    case 'copysign':
    case 'rem_euclid':
    case 'div_euclid':
      return toHex(kind, floatBinary(kind, op, a, b));
    default:
      throw new Error(`unknown op ${op}`);
  }
}

/** Bit patterns with every NaN made canonical; other results unchanged. */
function canonical(row: Row, result: string): string {
  const [kindText, op] = row;
  if (op === 'parse' && isIntName(kindText)) return result;
  if (isIntName(op.slice(3)) || !/^[0-9a-f]+$/.test(result)) return result;
  return canonicalNaN(result.length === 8 ? 'f32' : 'f64', result);
}

function matches(row: Row): boolean {
  return canonical(row, run(row)) === canonical(row, row[4]);
}

describe('floats match rustc', () => {
  const rows = loadRows();
  const exact = rows.filter((r) => !LIBM.has(r[1]));
  test(`${exact.length} exact rows (arithmetic, rounding, casts, parse, powi, mul_add)`, () => {
    const failures = exact.filter((row) => !matches(row)).map((row) => `${JSON.stringify(row)} → ${run(row)}`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(exact.length).toBeGreaterThan(1000);
  });
  test('libm functions agree with glibc on most rows', () => {
    const libm = rows.filter((r) => LIBM.has(r[1]));
    const differ = libm.filter((row) => !matches(row));
    // JS Math is not glibc: a rare last-bit difference is allowed, more would mean a real bug.
    expect(differ.length / Math.max(1, libm.length)).toBeLessThan(0.05);
  });
});
