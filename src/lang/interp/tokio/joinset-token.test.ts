/** JoinSet::try_join_next_with_id and CancellationToken::drop_guard_ref in the interpreter. */
import { describe, expect, it } from 'vitest';
import { stdoutOf } from '../test-support.ts';

const MAIN = '#[tokio::main(flavor = "current_thread", start_paused = true)]\nasync fn main() {\n';

describe('JoinSet and CancellationToken in the interpreter', () => {
  it('try_join_next_with_id yields the finished task with its id, None while none has finished', () => {
    const out = stdoutOf(`use tokio::task::JoinSet;
${MAIN}    let mut set = JoinSet::new();
    let h = set.spawn(async { 5 });
    let id = h.id();
    println!("before: {}", set.try_join_next_with_id().is_none());
    tokio::task::yield_now().await;
    let (got, v) = set.try_join_next_with_id().unwrap().unwrap();
    println!("same id: {} value: {} left: {}", got == id, v, set.len());
}`);
    expect(out).toBe('before: true\nsame id: true value: 5 left: 0\n');
  });

  it('a DropGuardRef cancels the borrowed token on drop unless disarmed', () => {
    const out = stdoutOf(`use tokio_util::sync::CancellationToken;
${MAIN}    let t = CancellationToken::new();
    {
        let g = t.drop_guard_ref();
        let back = g.disarm();
        println!("disarmed: {}", back.is_cancelled());
    }
    println!("after disarmed guard: {}", t.is_cancelled());
    let child = t.child_token();
    {
        let _g = t.drop_guard_ref();
    }
    println!("after guard: {} child: {}", t.is_cancelled(), child.is_cancelled());
}`);
    expect(out).toBe('disarmed: false\nafter disarmed guard: false\nafter guard: true child: true\n');
  });
});
