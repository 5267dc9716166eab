/**
 * Property tests: whatever text comes in, the front end answers with a program or a located
 * Diagnostic — never a JS exception. Programs that parse also survive print → parse unchanged.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProgram } from '../check/checker.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { parseProgram } from './parser.ts';
import { printProgram } from './printer.ts';
import { ALL_SNIPPETS } from './test-snippets.ts';
import { stripSpans } from './test-util.ts';

const EXAMPLES = new URL('../../../tests/fixtures/examples/', import.meta.url);
const SOURCES = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.rs'))
    .map((f) => readFileSync(new URL(f, EXAMPLES), 'utf8')),
  ...ALL_SNIPPETS,
];

/** Runs the whole front end and checks the one guarantee: a valid program or a valid diagnostic. */
function frontEndHolds(source: string): void {
  const r = parseProgram(source);
  if (!r.ok) {
    expect(r.diagnostics.length).toBeGreaterThan(0);
    const lines = source.split('\n');
    for (const d of r.diagnostics) {
      expect(d.message).not.toMatch(/^internal/);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(lines.length);
      expect(d.col).toBeGreaterThanOrEqual(1);
      expect(d.col).toBeLessThanOrEqual((lines[d.line - 1] ?? '').length + 1);
      expect(formatDiagnostic(d, source)).toContain(`${d.line}:${d.col}: error:`);
    }
    return;
  }
  for (const d of checkProgram(r.program)) expect(d.line).toBeGreaterThanOrEqual(1);
  const printed = printProgram(r.program);
  const again = parseProgram(printed);
  if (!again.ok) throw new Error(`printed program does not parse:\n${source}\n---\n${printed}`);
  expect(stripSpans(again.program)).toEqual(stripSpans(r.program));
}

const VOCAB = [
  'fn',
  'main',
  'let',
  'mut',
  'if',
  'else',
  'match',
  'loop',
  'while',
  'for',
  'in',
  'return',
  'break',
  'continue',
  'async',
  'move',
  'await',
  'struct',
  'enum',
  'impl',
  'trait',
  'pub',
  'use',
  'mod',
  'const',
  'static',
  'type',
  'where',
  'as',
  'ref',
  'self',
  'Self',
  'unsafe',
  'dyn',
  'x',
  'y',
  'Some',
  'None',
  'tokio',
  'select',
  'join',
  'pin',
  'println',
  'vec',
  'biased',
  '_',
  "'a",
  '0',
  '1u8',
  '2.5',
  '0xff',
  '"s"',
  "'c'",
  'r#"r"#',
  'true',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '<',
  '>',
  '>>',
  '<<',
  ',',
  ';',
  ':',
  '::',
  '.',
  '..',
  '..=',
  '=',
  '==',
  '=>',
  '->',
  '+',
  '-',
  '*',
  '/',
  '%',
  '&',
  '&&',
  '|',
  '||',
  '!',
  '?',
  '@',
  '#',
  '$',
  '+=',
  '>>=',
];

const tokenStream = fc.array(fc.constantFrom(...VOCAB), { maxLength: 60 }).map((ts) => ts.join(' '));

type Mutation = { op: 'delete' | 'duplicate' | 'swap' | 'insert'; at: number; len: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'duplicate', 'swap', 'insert'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 12 }),
  text: fc.constantFrom(...VOCAB),
});

function mutate(source: string, ms: Mutation[]): string {
  let s = source;
  for (const m of ms) {
    const at = s.length === 0 ? 0 : m.at % s.length;
    const end = Math.min(s.length, at + m.len);
    if (m.op === 'delete') s = s.slice(0, at) + s.slice(end);
    else if (m.op === 'duplicate') s = s.slice(0, end) + s.slice(at, end) + s.slice(end);
    else if (m.op === 'insert') s = s.slice(0, at) + ' ' + m.text + ' ' + s.slice(at);
    else {
      const other = (at * 7 + m.len * 13) % Math.max(1, s.length);
      const [a, b] = at < other ? [at, other] : [other, at];
      if (b >= end) s = s.slice(0, a) + s.slice(b, b + 1) + s.slice(a + 1, b) + s.slice(a, a + 1) + s.slice(b + 1);
    }
  }
  return s;
}

describe('front end never crashes', () => {
  it('on random token streams (items and statements)', () => {
    fc.assert(
      fc.property(tokenStream, fc.boolean(), (stream, inFn) => {
        frontEndHolds(inFn ? `fn main() { ${stream} }` : stream);
      }),
      { seed: 20260515, numRuns: 1500 },
    );
  });

  it('on random mutations of the examples and snippets', () => {
    fc.assert(
      fc.property(fc.nat({ max: SOURCES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, ms) => {
        frontEndHolds(mutate(SOURCES[i], ms));
      }),
      { seed: 7, numRuns: 1500 },
    );
  });

  it('on arbitrary unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        frontEndHolds(text);
      }),
      { seed: 99, numRuns: 1000 },
    );
  });

  it('on the counterexamples the fuzzer found (pinned regressions)', () => {
    // `0 .0` printed as `0.0` (a float); `1. ..=` printed as `1...=`.
    frontEndHolds('fn main() {\nlet u = t.1;0 .0;\n}');
    frontEndHolds('fn main() { let f = 2.0f64 + 1. ..= 5e-3 + 3f32; }');
    frontEndHolds('fn main() { let g = 1. .max(2.0); let h = (1. .. 2.); }');
  });

  it('on very deep nesting', () => {
    for (const open of ['(', '[', '{', '-', '!', '&', 'Vec<', '|x| ', 'if a { ']) {
      frontEndHolds(`fn f() { let x = ${open.repeat(5000)}1; }`);
    }
    frontEndHolds('fn f() -> ' + '&'.repeat(3000) + 'u8 {}');
    frontEndHolds('type T = ' + '('.repeat(3000) + ';');
  });
});
