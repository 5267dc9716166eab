import { describe, expect, it } from 'vitest';
import { LANG_ENGINE, problemOfRunError } from './lang-engine.ts';
import type { WorkerMessage } from './protocol.ts';
import { WorkerCore } from './worker-core.ts';

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

describe('saved locals through the worker', () => {
  it('sends each suspension with the batch holding its events, at an index inside it', () => {
    const messages: WorkerMessage[] = [];
    const queue: (() => void)[] = [];
    let time = 0;
    const core = new WorkerCore(LANG_ENGINE, {
      post: (m) => void messages.push(m),
      now: () => (time += 0.01),
      defer: (t) => void queue.push(t),
    });
    const source = [
      'use tokio::time::{sleep, Duration};',
      'async fn fetch(id: u64) -> u64 {',
      '    let label = format!("page-{}", id);',
      '    sleep(Duration::from_millis(10 * id)).await;',
      '    id + label.len() as u64',
      '}',
      '#[tokio::main(flavor = "current_thread", start_paused = true)]',
      'async fn main() {',
      '    let a = tokio::spawn(fetch(1));',
      '    let b = tokio::spawn(fetch(2));',
      '    println!("{}", a.await.unwrap() + b.await.unwrap());',
      '}',
      '',
    ].join('\n');
    core.handle({ type: 'load', runId: 1, source, file: 'src/main.rs', config: CONFIG });
    core.handle({ type: 'run', runId: 1, batches: 1000, sliceMs: 1 });
    while (queue.length > 0) queue.shift()?.();
    const batches = messages.filter((m): m is Extract<WorkerMessage, { type: 'batch' }> => m.type === 'batch');
    const locals = batches.flatMap((m) =>
      (m.locals ?? []).map((l) => ({ ...l, first: m.batch.first, count: m.batch.count })),
    );
    expect(locals.map((l) => [l.task, l.frames[0].state, l.frames[0].locals])).toEqual([
      [
        1,
        'fetch::Suspend0',
        [
          { name: 'id', value: '1' },
          { name: 'label', value: '"page-1"' },
        ],
      ],
      [
        2,
        'fetch::Suspend0',
        [
          { name: 'id', value: '2' },
          { name: 'label', value: '"page-2"' },
        ],
      ],
    ]);
    for (const l of locals) {
      expect(l.at).toBeGreaterThanOrEqual(l.first);
      expect(l.at).toBeLessThan(l.first + l.count);
    }
    expect(messages.some((m) => m.type === 'done')).toBe(true);
  });
});
