import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProgram } from './parser.ts';
import { printProgram } from './printer.ts';
import { ALL_SNIPPETS } from './test-snippets.ts';
import { parseOk, stripSpans } from './test-util.ts';

const EXAMPLES = new URL('../../../tests/fixtures/examples/', import.meta.url);
const exampleFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith('.rs'));

/** parse → print → parse → print: the prints agree and the trees agree modulo spans. */
function expectRoundTrip(source: string): void {
  const first = parseOk(source);
  const printed = printProgram(first);
  const second = parseProgram(printed);
  if (!second.ok) throw new Error(`printed program does not parse:\n${printed}\n${JSON.stringify(second.diagnostics)}`);
  expect(printProgram(second.program)).toBe(printed);
  expect(stripSpans(second.program)).toEqual(stripSpans(first));
}

describe('printer round trip', () => {
  it('has the example programs to check', () => {
    expect(exampleFiles.length).toBeGreaterThanOrEqual(12);
  });

  it.each(exampleFiles)('example %s', (file) => {
    expectRoundTrip(readFileSync(new URL(file, EXAMPLES), 'utf8'));
  });

  it.each(ALL_SNIPPETS.map((s, i) => [i, s] as const))('snippet %i', (_i, source) => {
    expectRoundTrip(source);
  });
});

describe('printer output', () => {
  it('normalises spacing and indentation', () => {
    const out = printProgram(parseOk('fn  main( ){let x=1+2*3;if x>1{println!("{}",x)}else{ }}'));
    expect(out).toBe(
      'fn main() {\n    let x = 1 + 2 * 3;\n    if x > 1 {\n        println!("{}", x)\n    } else {}\n}\n',
    );
  });

  it('keeps literal spellings, parentheses and tuple-index chains', () => {
    const out = printProgram(parseOk('fn f() { let v = (0xff_u8 + r#"a"#.len() as u8) * 2; let w = t.0.1; }'));
    expect(out).toContain('let v = (0xff_u8 + r#"a"#.len() as u8) * 2;');
    expect(out).toContain('let w = t.0.1;');
  });

  it('prints select! one branch per line', () => {
    const out = printProgram(parseOk('fn f() { tokio::select!{biased; _=a=>{} v=b,if c=>v,else=>()} }'));
    expect(out).toBe(
      'fn f() {\n    tokio::select! {\n        biased;\n        _ = a => {}\n        v = b, if c => v,\n        else => (),\n    }\n}\n',
    );
  });
});

// Parse time is `npm run bench`'s figure (parse: 10,000 lines); a timed assertion here failed on
// a loaded machine. This keeps the large input itself: every one of its functions is parsed.
describe('a large program', () => {
  it('parses a 10,000-line program whole', () => {
    const base = readFileSync(new URL('22_cancel_select_biased.rs', EXAMPLES), 'utf8');
    const parts: string[] = [];
    let lines = 0;
    for (let i = 0; lines < 10_000; i++) {
      const chunk = base.replace('async fn main', `async fn main_${i}`);
      parts.push(chunk);
      lines += chunk.split('\n').length;
    }
    const r = parseProgram(parts.join('\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const mains = r.program.items.filter((it) => it.kind === 'Fn' && it.name.startsWith('main_'));
    expect(mains).toHaveLength(parts.length);
  });
});
