/** `LocalSet` / `spawn_local`: `!Send` futures are accepted there and still refused by `tokio::spawn`. */
import { describe, expect, it } from 'vitest';
import { compile, runProgram } from '../../run.ts';

const program = (spawn: string): string => `use std::rc::Rc;
use tokio::task::LocalSet;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let local = LocalSet::new();
    let rc = Rc::new(5);
    let n = local
        .run_until(async move {
            ${spawn}(async move { *rc * 2 }).await.unwrap()
        })
        .await;
    println!("{}", n);
}
`;

describe('LocalSet and spawn_local', () => {
  it('accepts an Rc captured by a spawn_local future', () => {
    const c = compile(program('tokio::task::spawn_local'), 'src/main.rs');
    expect(c.ok).toBe(true);
    if (c.ok) expect(runProgram(c.program, { seed: 1 }).stdout).toBe('10\n');
  });

  it('still refuses the same future in tokio::spawn', () => {
    const c = compile(program('tokio::spawn'), 'src/main.rs');
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.diagnostics[0]?.message).toBe('future cannot be sent between threads safely');
  });
});
