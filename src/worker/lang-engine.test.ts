import { describe, expect, it } from 'vitest';
import { LANG_ENGINE, problemOfRunError } from './lang-engine.ts';

const CONFIG = { flavor: 'current_thread', workers: 1, seed: 1 } as const;

describe('problemOfRunError', () => {
  it('turns the file:line:col prefix into the place', () => {
    expect(problemOfRunError('src/main.rs:4:5: main ran too long (stopped at line 4:5)', 'src/main.rs')).toEqual({
      line: 4,
      col: 5,
      message: 'main ran too long (stopped at line 4:5)',
    });
    expect(problemOfRunError('deadlock', 'src/main.rs')).toEqual({ line: 0, col: 0, message: 'deadlock' });
  });
});

describe('LANG_ENGINE', () => {
  it('reports compile errors at their line and column', () => {
    const c = LANG_ENGINE.compile('fn main() {\n    let x = ;\n}\n', 'src/main.rs');
    expect(c.ok).toBe(false);
    if (!c.ok) {
      expect(c.problems[0].line).toBe(2);
      expect(c.problems[0].col).toBeGreaterThan(0);
    }
  });

  it('stops a loop that never yields with a located message', () => {
    const source = [
      '#[tokio::main(flavor = "current_thread", start_paused = true)]',
      'async fn main() {',
      '    let mut i: u64 = 0;',
      '    loop {',
      '        i += 1;',
      '    }',
      '}',
      '',
    ].join('\n');
    const c = LANG_ENGINE.compile(source, 'src/main.rs');
    if (!c.ok) throw new Error(c.problems[0].message);
    const run = c.start(CONFIG);
    let r = run.advance(10);
    for (let i = 0; i < 100 && r.kind === 'running'; i++) r = run.advance(10);
    expect(r.kind).toBe('failed');
    if (r.kind === 'failed') {
      expect(r.problem.line).toBe(4);
      expect(r.problem.message).toMatch(/step limit/);
    }
    expect(run.trace.length).toBeGreaterThan(0);
  });
});
