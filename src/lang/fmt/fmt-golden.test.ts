/**
 * Formatting against rustc 1.95. testdata/fmt-golden.json holds rows [type, value, spec, output]
 * printed by a throwaway Rust program (`format!(spec, value)`) for every integer type, f32, f64,
 * str, char, bool and Duration, over edge and pseudo-random values and ~40 specs each. Floats are
 * given by their IEEE bits (hex) so the input is exact; Duration as `secs:nanos`.
 * Set FMT_GOLDEN to a larger file from the same generator to run more rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { INT_TYPES, isIntName, normBig } from '../num/index.ts';
import { formatString } from './format.ts';
import type { Formattable } from './formatter.ts';
import { BoolArg, CharArg, DurationArg, FloatArg, IntArg, StrArg } from './values.ts';

type Row = [string, string, string, string];

const FILE = process.env.FMT_GOLDEN ?? new URL('./testdata/fmt-golden.json', import.meta.url).pathname;

function loadRows(): Row[] {
  const text = readFileSync(FILE, 'utf8').trim();
  // The committed file is a JSON array; the generator's raw output is rows ending in commas.
  return JSON.parse(/^\[\s*\[/.test(text) ? text : '[' + text.replace(/,$/, '') + ']') as Row[];
}

const view = new DataView(new ArrayBuffer(8));

function arg(kind: string, value: string): Formattable {
  if (isIntName(kind)) return new IntArg(INT_TYPES[kind], normBig(BigInt(value)));
  switch (kind) {
    case 'f64':
      view.setBigUint64(0, BigInt('0x' + value));
      return new FloatArg('f64', view.getFloat64(0));
    case 'f32':
      view.setUint32(0, Number('0x' + value));
      return new FloatArg('f32', view.getFloat32(0));
    case 'str':
      return new StrArg(value);
    case 'char':
      return new CharArg(Number(value));
    case 'bool':
      return new BoolArg(value === 'true');
    case 'duration': {
      const [secs, nanos] = value.split(':');
      return new DurationArg(normBig(BigInt(secs)), Number(nanos));
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

describe('format! matches rustc', () => {
  const rows = loadRows();
  const kinds = [...new Set(rows.map((r) => r[0]))];
  test.each(kinds)('%s', (kind) => {
    const mine = rows.filter((r) => r[0] === kind);
    const failures = mine
      .map(([k, value, spec, want]) => ({ k, value, spec, want, got: formatString(spec, [arg(k, value)]) }))
      .filter((r) => r.got !== r.want);
    expect(failures.slice(0, 10)).toEqual([]);
    expect(mine.length).toBeGreaterThan(10);
  });
});
