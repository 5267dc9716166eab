import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource, traceTargetProblem } from './files.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'sim-files-'));

describe('readSource', () => {
  it('reads a UTF-8 program', () => {
    const f = join(dir(), 'p.rs');
    writeFileSync(f, 'fn main() { println!("é"); }\n');
    expect(readSource(f)).toEqual({ ok: true, text: 'fn main() { println!("é"); }\n' });
  });

  it('refuses a huge (sparse) file after reading only past the bound', () => {
    const f = join(dir(), 'big.rs');
    writeFileSync(f, '');
    truncateSync(f, 2 ** 31);
    expect(readSource(f, 1000)).toEqual({
      ok: false,
      message: `cannot read ${f}: it is larger than 1000 bytes, too large for a program.`,
    });
  });

  it('refuses an endless device', () => {
    expect(readSource('/dev/zero', 100_000)).toMatchObject({ ok: false, message: /larger than 100000 bytes/ });
  });

  it('names a directory, a missing file and non-UTF-8 text', () => {
    const d = dir();
    expect(readSource(d)).toEqual({ ok: false, message: `cannot read ${d}: it is a directory.` });
    expect(readSource(join(d, 'none.rs'))).toEqual({
      ok: false,
      message: `cannot read ${join(d, 'none.rs')}: no such file or directory.`,
    });
    const bin = join(d, 'bin.rs');
    writeFileSync(bin, Buffer.from([0x66, 0x6e, 0xff, 0xfe, 0x0a]));
    expect(readSource(bin)).toEqual({ ok: false, message: `cannot read ${bin}: it is not UTF-8 text.` });
  });
});

describe('traceTargetProblem', () => {
  it('accepts a new file in an existing directory and an existing file', () => {
    const d = dir();
    expect(traceTargetProblem(join(d, 't.json'))).toBeUndefined();
    writeFileSync(join(d, 'old.json'), '{}');
    expect(traceTargetProblem(join(d, 'old.json'))).toBeUndefined();
  });

  it('refuses a directory, a missing directory, and a path through a file', () => {
    const d = dir();
    expect(traceTargetProblem(d)).toBe(`--trace ${d}: it is a directory.`);
    expect(traceTargetProblem(join(d, 'no/t.json'))).toBe(
      `--trace ${join(d, 'no/t.json')}: the directory ${join(d, 'no')} does not exist.`,
    );
    writeFileSync(join(d, 'f'), '');
    expect(traceTargetProblem(join(d, 'f/t.json'))).toMatch(/is not a directory|not a directory/);
  });
});
