/**
 * Statement events (RunOptions.statements): each statement that starts records its line and
 * column for its task, so playback can stop on any line the run executes.
 */
import { describe, expect, it } from 'vitest';
import { compile, runProgram } from '../run.ts';
import { STATEMENTS_PER_STEP } from './runner.ts';
import type { SimEvent } from '../../sim/index.ts';

type Statement = Extract<SimEvent, { type: 'statement' }>;

function statements(source: string, options: { statements?: boolean } = { statements: true }): Statement[] {
  const c = compile(source, 'src/main.rs');
  if (!c.ok) throw new Error(JSON.stringify(c.diagnostics));
  const r = runProgram(c.program, { seed: 1, ...options });
  expect(r.exitCode).toBe(0);
  const out: Statement[] = [];
  for (const e of r.world.trace.events()) if (e.type === 'statement') out.push(e);
  return out;
}

const at = (s: readonly Statement[], task?: number) =>
  s.filter((e) => task === undefined || e.task === task).map((e) => `${e.line}:${e.col}`);

const LOOP = `#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut total = 0;
    for i in 0..3 {
        let doubled = i * 2;
        total += doubled;
        tokio::task::yield_now().await;
    }
    println!("{}", total);
}
`;

const SYNC_FN = `fn area(w: u32, h: u32) -> u32 {
    let a = w * h;
    // a comment is no statement
    a + 1
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let h = tokio::spawn(async {
        let x = area(2, 3);
        x
    });
    let v = h.await.unwrap();
    println!("{}", v);
}
`;

describe('statement events', () => {
  it("marks each statement of a loop body, every iteration, at the statement's line and column", () => {
    const main = at(statements(LOOP), 0);
    // main is block_on's future (task 0): let, for, then per iteration let / += / yield_now's
    // statement start and its suspension at the awaited expression, then println
    const body = ['5:9', '6:9', '7:9', '7:9'];
    expect(main).toEqual(['3:5', '4:5', ...body, ...body, ...body, '9:5']);
  });

  it("marks a sync fn's statements and its tail under the task that calls it", () => {
    const s = statements(SYNC_FN);
    const task = s.find((e) => e.line === 10)?.task ?? -1;
    expect(task).toBeGreaterThan(0);
    expect(at(s, task)).toEqual(['10:9', '2:5', '4:5', '11:9']);
    expect(at(s, 0)).toEqual(['9:5', '13:5', '13:13', '14:5']);
  });

  it('makes one stop of statements that only move right along one line', () => {
    const s = statements(`fn main() {
    let n = 3;
    let v = if n > 2 { n * 2 } else { n };
    let mut i = 0;
    while i < 2 { i += 1; }
    println!("{} {}", v, i);
}
`);
    // plain fn main runs outside any task (task 0); the one-line loop's first iteration is its entry stop, each later one a stop
    expect(at(s)).toEqual(['2:5', '3:5', '4:5', '5:5', '5:19', '6:5']);
  });

  it('marks the match arm taken, on its own line', () => {
    const s = statements(`fn main() {
    let r: Result<u32, String> = Err(String::from("no"));
    match r {
        Ok(v) => println!("{}", v),
        Err(e) => println!("{}", e),
    }
    let n = match 3 { 1 => 10, _ => 20 };
    println!("{}", n);
}
`);
    // the one-line match is one stop: its arm only moves right along the line
    expect(at(s)).toEqual(['2:5', '3:5', '5:9', '7:5', '8:5']);
  });

  it('records at most STATEMENTS_PER_STEP statements in one scheduler step', () => {
    const s = statements(`fn main() {
    let mut i: u64 = 0;
    while i < 30000 {
        i += 1;
    }
    println!("{}", i);
}
`);
    expect(s).toHaveLength(STATEMENTS_PER_STEP);
    expect(at(s.slice(0, 3))).toEqual(['2:5', '3:5', '4:9']);
  });

  it('records only the suspensions at .await when the run does not ask for statements', () => {
    expect(at(statements(LOOP, {}), 0)).toEqual(['7:9', '7:9', '7:9']);
  });
});
