/**
 * No false rejections: every program of the repository's corpora (conformance programs recorded
 * from real Tokio, the examples, the lesson scenarios and their solutions) is accepted by real
 * rustc, so the type checker must find no error in any of them.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../syntax/parser.ts';
import { checkTypes } from './index.ts';

const ROOT = join(import.meta.dirname, '../../..');

function rsFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rs'))
    .map((f) => join(dir, f));
}

const lessons = readdirSync(join(ROOT, 'lessons')).map((l) => join(ROOT, 'lessons', l));
const corpus = [
  ...rsFiles(join(ROOT, 'tests/fixtures/conformance')),
  ...rsFiles(join(ROOT, 'tests/fixtures/examples')),
  ...rsFiles(join(ROOT, 'tests/fixtures/typed')),
  ...rsFiles(join(ROOT, 'tests/fixtures/surface')),
  ...rsFiles(join(ROOT, 'tests/fixtures/guards')),
  ...rsFiles(join(ROOT, 'tests/fixtures/accepted')),
  ...lessons.flatMap((l) => [...rsFiles(l), ...rsFiles(join(l, 'solutions'))]),
];

describe('the type checker accepts every program real rustc accepts', () => {
  it('has the corpora to sweep', () => {
    expect(corpus.length).toBeGreaterThan(80);
  });

  it('finds no error in any of them', () => {
    const refused: string[] = [];
    for (const file of corpus) {
      const parsed = parseProgram(readFileSync(file, 'utf8'), file);
      if (!parsed.ok) continue;
      for (const d of checkTypes(parsed.program).errors)
        refused.push(`${file}:${d.line}:${d.col} ${d.code ?? ''} ${d.message}`);
    }
    expect(refused).toEqual([]);
  });
});
